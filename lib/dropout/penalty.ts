/**
 * Dropout as a weight penalty, exactly, for linear regression (claim S3-6).
 *
 * A linear model ŷ = b + Σⱼ wⱼ·x̃ⱼ trained with inverted dropout on its d
 * inputs sees x̃ⱼ = mⱼ·xⱼ/(1 − p), with mⱼ ~ Bernoulli(1 − p) independent per
 * example. Each x̃ⱼ has mean xⱼ and variance xⱼ²·p/(1 − p) (claim V-1), so ŷ
 * keeps the plain prediction as its mean and gains variance
 * Σⱼ wⱼ²·xⱼ²·p/(1 − p). Since E[(y − ŷ)²] = (y − E ŷ)² + Var ŷ, the expected
 * mean squared error over n examples is
 *
 *   E[MSE] = MSE_plain + (p/(1 − p)) · Σⱼ wⱼ² · (1/n) Σᵢ xᵢⱼ²,
 *
 * an L2 penalty whose strength for weight j grows with the data's energy in
 * feature j (Srivastava et al. 2014, section 9.1, there in the test-time
 * scaling convention). All arithmetic here is float64.
 *
 * @module
 */
import { checkFiniteValues, checkInHalfOpen, checkObject, describe } from "../nn/_check.ts";
import { allMasks, MAX_MASK_UNITS } from "./masks.ts";

/** A linear model with one output: ŷ = b + Σⱼ wⱼ·xⱼ. */
export interface LinearModel {
  w: readonly number[];
  b: number;
}

/** Checks a problem's rows and weights (`wName` is `"w"` or `"model.w"`); returns the width. */
function checkProblem(
  x: readonly (readonly number[])[],
  w: readonly number[],
  wName = "w",
): number {
  if (!Array.isArray(w) || w.length === 0) {
    throw new TypeError(`${wName} must be a non-empty array of numbers, got ${describe(w)}`);
  }
  checkNumbers(wName, w, w.length);
  return checkRows(x, w.length, "weight");
}

/** Checks that x is a non-empty array of rows of d finite numbers (one per `per`); returns d. */
function checkRows(x: readonly (readonly number[])[], d: number, per: string): number {
  if (!Array.isArray(x) || x.length === 0) {
    throw new RangeError(`x must be a non-empty array of rows, got ${describe(x)}`);
  }
  x.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== d) {
      throw new RangeError(`x[${i}] must have ${d} entries (one per ${per}), got ${describe(row)}`);
    }
    checkNumbers(`x[${i}]`, row, d);
  });
  return d;
}

/** Throws unless every entry of v is a finite number. */
function checkNumbers(name: string, v: readonly unknown[], cols: number): void {
  v.forEach((a, j) => {
    if (typeof a !== "number") {
      throw new TypeError(`${name}[${j}] must be a finite number, got ${describe(a)}`);
    }
  });
  checkFiniteValues(name, v as number[], cols);
}

/** Checks the targets (one finite number per row) and the model `{ w, b }`. */
function checkTargetsAndModel(x: readonly unknown[], y: unknown, model: unknown): void {
  checkObject("model", model, "an object { w, b }");
  const { b } = model as { b?: unknown };
  if (typeof b !== "number" || !Number.isFinite(b)) {
    throw new TypeError(`model.b must be a finite number, got ${describe(b)}`);
  }
  checkTargets(x, y);
}

/** Checks the targets: one finite number per row of x. */
function checkTargets(x: readonly unknown[], y: unknown): asserts y is number[] {
  if (!Array.isArray(y) || y.length !== x.length) {
    throw new RangeError(`y must have one target per row (${x.length}), got ${describe(y)}`);
  }
  checkNumbers("y", y, y.length);
}

/**
 * The plain (no dropout) mean squared error of a linear model.
 *
 * @param x Inputs, n rows of d numbers.
 * @param y Targets, n numbers.
 * @param model Weights `w` (d numbers) and bias `b`.
 * @returns (1/n) Σᵢ (yᵢ − b − Σⱼ wⱼ xᵢⱼ)².
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { plainSquaredError } from "./penalty.ts";
 * expect(plainSquaredError([[1], [2]], [2, 2], { w: [1], b: 0 })).toBe(0.5);
 * ```
 */
export function plainSquaredError(
  x: readonly (readonly number[])[],
  y: readonly number[],
  model: LinearModel,
): number {
  checkObject("model", model, "an object { w, b }");
  checkProblem(x, model.w, "model.w");
  checkTargetsAndModel(x, y, model);
  let sum = 0;
  x.forEach((row, i) => {
    const yHat = row.reduce((s, v, j) => s + model.w[j] * v, model.b);
    sum += (y[i] - yHat) ** 2;
  });
  return sum / x.length;
}

/**
 * The closed-form dropout penalty: (p/(1 − p)) · Σⱼ wⱼ² · (1/n) Σᵢ xᵢⱼ².
 *
 * @param x Inputs, n rows of d numbers.
 * @param w The weights, d numbers.
 * @param p The drop probability on the inputs, in [0, 1).
 * @returns The amount inverted input dropout adds to the expected mean squared error.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { dropoutPenalty } from "./penalty.ts";
 * // p = 0.5: p/(1 − p) = 1; w = 2; mean of x² = (1 + 9)/2 = 5 → 1 · 4 · 5 = 20.
 * expect(dropoutPenalty([[1], [3]], [2], 0.5)).toBe(20);
 * ```
 */
export function dropoutPenalty(
  x: readonly (readonly number[])[],
  w: readonly number[],
  p: number,
): number {
  checkInHalfOpen("p", p, 0, 1);
  const d = checkProblem(x, w);
  let sum = 0;
  for (let j = 0; j < d; j++) {
    let energy = 0;
    for (const row of x) energy += row[j] ** 2;
    sum += w[j] ** 2 * energy;
  }
  return (p / (1 - p)) * sum / x.length;
}

/**
 * The expected mean squared error of a linear model under inverted dropout on
 * its inputs, computed exactly by enumerating all 2^d masks of every example
 * (the masks of different examples are independent, so the expectation of the
 * mean is the mean of the per-example expectations).
 *
 * @param x Inputs, n rows of d ≤ 20 numbers.
 * @param y Targets, n numbers.
 * @param model Weights `w` and bias `b`.
 * @param p The drop probability, in [0, 1).
 * @returns Σ over masks of P(mask) · (1/n) Σᵢ (yᵢ − b − Σⱼ wⱼ·mᵢⱼ·xᵢⱼ/(1 − p))².
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { dropoutPenalty, expectedDropoutError, plainSquaredError } from "./penalty.ts";
 * const x = [[1, 2], [3, -1]], y = [1, 0], model = { w: [0.5, -2], b: 0.1 };
 * const gap = expectedDropoutError(x, y, model, 0.3) - plainSquaredError(x, y, model);
 * expect(gap).toBeCloseTo(dropoutPenalty(x, model.w, 0.3), 12);
 * ```
 */
export function expectedDropoutError(
  x: readonly (readonly number[])[],
  y: readonly number[],
  model: LinearModel,
  p: number,
): number {
  checkInHalfOpen("p", p, 0, 1);
  checkObject("model", model, "an object { w, b }");
  const d = checkProblem(x, model.w, "model.w");
  if (d > MAX_MASK_UNITS) {
    throw new RangeError(`x must have at most ${MAX_MASK_UNITS} columns to enumerate, got ${d}`);
  }
  checkTargetsAndModel(x, y, model);
  const masks = allMasks(d, p), keep = 1 - p;
  let total = 0;
  x.forEach((row, i) => {
    let expected = 0;
    for (const { mask, probability } of masks) {
      let yHat = model.b;
      for (let j = 0; j < d; j++) yHat += (model.w[j] * mask[j] * row[j]) / keep;
      expected += probability * (y[i] - yHat) ** 2;
    }
    total += expected;
  });
  return total / x.length;
}

/**
 * A one-hidden-layer ReLU regressor, ŷ = c + Σₕ vₕ·relu(bₕ + Σⱼ Wₕⱼ·xⱼ): the
 * smallest nonlinear model on which to test "dropout is a kind of weight decay".
 */
export interface ReluRegressor {
  /** Hidden weights, one row of d inputs per hidden unit. */
  W: readonly (readonly number[])[];
  /** Hidden biases. */
  b: readonly number[];
  /** Output weights, one per hidden unit. */
  v: readonly number[];
  /** Output bias. */
  c: number;
}

/**
 * Checks a regressor `{ W, b, v, c }` (every entry finite, one row of `W` and
 * one entry of `b` and `v` per hidden unit) and its input rows; returns the width d.
 */
function checkRegressor(x: readonly (readonly number[])[], net: ReluRegressor): number {
  checkObject("net", net, "an object { W, b, v, c }");
  const { W, b, v, c } = net as unknown as Record<string, unknown>;
  if (!Array.isArray(W) || W.length === 0) {
    throw new TypeError(
      `net.W must be a non-empty array of rows (one per hidden unit), got ${describe(W)}`,
    );
  }
  if (!Array.isArray(W[0]) || W[0].length === 0) {
    throw new TypeError(`net.W[0] must be a non-empty array of numbers, got ${describe(W[0])}`);
  }
  const d = W[0].length, units = W.length;
  W.forEach((row, h) => {
    if (!Array.isArray(row) || row.length !== d) {
      throw new RangeError(
        `net.W[${h}] must have ${d} entries (as net.W[0]), got ${describe(row)}`,
      );
    }
    checkNumbers(`net.W[${h}]`, row, d);
  });
  for (const [name, field] of [["net.b", b], ["net.v", v]] as const) {
    if (!Array.isArray(field) || field.length !== units) {
      throw new (Array.isArray(field) ? RangeError : TypeError)(
        `${name} must have one entry per hidden unit (${units}), got ${describe(field)}`,
      );
    }
    checkNumbers(name, field, units);
  }
  if (typeof c !== "number" || !Number.isFinite(c)) {
    throw new TypeError(`net.c must be a finite number, got ${describe(c)}`);
  }
  checkRows(x, d, "column of net.W");
  return d;
}

/** ŷ and ∂ŷ/∂x for one input row (row already dropped and rescaled, if at all). */
function forwardRegressor(net: ReluRegressor, row: readonly number[], grad?: number[]): number {
  let yHat = net.c;
  grad?.fill(0);
  for (let h = 0; h < net.W.length; h++) {
    const w = net.W[h];
    let a = net.b[h];
    for (let j = 0; j < row.length; j++) a += w[j] * row[j];
    if (a > 0) {
      yHat += net.v[h] * a;
      if (grad) { for (let j = 0; j < row.length; j++) grad[j] += net.v[h] * w[j]; }
    }
  }
  return yHat;
}

/**
 * The mean squared error of a {@linkcode ReluRegressor} without dropout.
 *
 * @param x Input rows.
 * @param y Targets.
 * @param net The regressor.
 * @returns (1/n)·Σᵢ (yᵢ − ŷ(xᵢ))².
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { plainSquaredErrorNet } from "./penalty.ts";
 * const net = { W: [[1]], b: [0], v: [2], c: 0 }; // ŷ = 2·relu(x)
 * expect(plainSquaredErrorNet([[1], [-1]], [2, 1], net)).toBe(0.5);
 * ```
 */
export function plainSquaredErrorNet(
  x: readonly (readonly number[])[],
  y: readonly number[],
  net: ReluRegressor,
): number {
  checkRegressor(x, net);
  checkTargets(x, y);
  return x.reduce((s, row, i) => s + (y[i] - forwardRegressor(net, row)) ** 2, 0) / x.length;
}

/**
 * The expected squared error of a {@linkcode ReluRegressor} under inverted
 * dropout on its inputs, exactly: every mask of the d inputs enumerated and
 * weighted by its probability (float64).
 *
 * @param x Input rows (d ≤ 20 columns).
 * @param y Targets.
 * @param net The regressor.
 * @param p Drop probability of each input, in [0, 1).
 * @returns (1/n)·Σᵢ E_m[(yᵢ − ŷ(m ⊙ xᵢ / (1 − p)))²].
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { expectedDropoutErrorNet } from "./penalty.ts";
 * const net = { W: [[1]], b: [0], v: [1], c: 0 }; // ŷ = relu(x)
 * // x = 1, p = 0.5: ŷ is 2 or 0 with equal chance; target 1 → error 1 either way
 * expect(expectedDropoutErrorNet([[1]], [1], net, 0.5)).toBe(1);
 * ```
 */
export function expectedDropoutErrorNet(
  x: readonly (readonly number[])[],
  y: readonly number[],
  net: ReluRegressor,
  p: number,
): number {
  checkInHalfOpen("p", p, 0, 1);
  const d = checkRegressor(x, net);
  if (d > MAX_MASK_UNITS) {
    throw new RangeError(`x must have at most ${MAX_MASK_UNITS} columns to enumerate, got ${d}`);
  }
  checkTargets(x, y);
  const masks = allMasks(d, p), keep = 1 - p, dropped = new Array<number>(d);
  let total = 0;
  x.forEach((row, i) => {
    for (const { mask, probability } of masks) {
      for (let j = 0; j < d; j++) dropped[j] = (mask[j] * row[j]) / keep;
      total += probability * (y[i] - forwardRegressor(net, dropped)) ** 2;
    }
  });
  return total / x.length;
}

/**
 * The weight-decay reading of input dropout carried over to a nonlinear
 * model by linearizing it at each input: each input adds variance
 * xⱼ²·p/(1 − p), which reaches the output through ∂ŷ/∂xⱼ, so
 * penalty = (p/(1 − p))·(1/n)·Σᵢ Σⱼ (∂ŷ/∂xᵢⱼ)²·xᵢⱼ². For a linear model
 * ∂ŷ/∂xⱼ = wⱼ and this is {@linkcode dropoutPenalty}, exactly.
 *
 * @param x Input rows.
 * @param net The regressor.
 * @param p Drop probability, in [0, 1).
 * @returns The linearized penalty.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { dropoutPenalty, linearizedDropoutPenalty } from "./penalty.ts";
 * // A unit that is always active makes the net linear: ŷ = 3·(5 + 2x) → w = 6
 * const net = { W: [[2]], b: [5], v: [3], c: 0 };
 * expect(linearizedDropoutPenalty([[1], [0.5]], net, 0.5))
 *   .toBeCloseTo(dropoutPenalty([[1], [0.5]], [6], 0.5), 12);
 * ```
 */
export function linearizedDropoutPenalty(
  x: readonly (readonly number[])[],
  net: ReluRegressor,
  p: number,
): number {
  checkInHalfOpen("p", p, 0, 1);
  const d = checkRegressor(x, net), grad = new Array<number>(d);
  let sum = 0;
  for (const row of x) {
    forwardRegressor(net, row, grad);
    for (let j = 0; j < d; j++) sum += grad[j] ** 2 * row[j] ** 2;
  }
  return (p / (1 - p)) * (sum / x.length);
}
