/**
 * Optimizers: SGD with momentum and weight decay, and Adam, both with the
 * dropout paper's optional max-norm constraint.
 *
 * @module
 */
import {
  checkInHalfOpen,
  checkNonNegative,
  checkObject,
  checkPositive,
  describe,
  orDefault,
} from "./_check.ts";
import type { Parameter } from "./layer.ts";
import { sgdFast, type SgdKernel, sgdKernel } from "./_sgd_wasm.ts";
import { checkTensor } from "./tensor.ts";

function checkParams(params: unknown): Parameter[] {
  if (!Array.isArray(params)) {
    throw new TypeError(`params must be an array of Parameters, got ${describe(params)}`);
  }
  if (params.length === 0) throw new RangeError("params must not be empty, got 0 parameters");
  params.forEach((q: unknown, i) => {
    checkObject(`params[${i}]`, q, "a Parameter { name, value, grad }");
    checkTensor(`params[${i}].value`, (q as Parameter).value);
    checkTensor(`params[${i}].grad`, (q as Parameter).grad);
  });
  return params;
}

/**
 * Max-norm (Srivastava et al. 2014, section 5.1): after the step, every column
 * of a weight matrix (a `Parameter` whose name ends in ".W"; in our in × out
 * layout column j is unit j's incoming weights) with ‖w‖₂ > c is rescaled to
 * ‖w‖₂ = c. Biases are not constrained.
 */
function applyMaxNorm(params: Parameter[], c: number): void {
  for (const q of params) {
    if (!q.name.endsWith(".W")) continue;
    const { rows, cols, data } = q.value;
    // Row by row, so memory is read in order; each column's sum of squares still
    // runs over i = 0, 1, …, rows − 1 in float64, as a column-by-column loop would.
    const sq = new Float64Array(cols), factor = new Float64Array(cols).fill(1);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) sq[j] += data[i * cols + j] ** 2;
    }
    let any = false;
    for (let j = 0; j < cols; j++) {
      const norm = Math.sqrt(sq[j]);
      if (norm > c) factor[j] = c / norm, any = true;
    }
    if (!any) continue;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) if (factor[j] !== 1) data[i * cols + j] *= factor[j];
    }
  }
}

/** Options of {@linkcode SGD}. */
export interface SGDOptions {
  /** The learning rate, > 0. */
  lr: number;
  /** Momentum μ in [0, 1); 0 (default) is plain SGD. */
  momentum?: number;
  /** L2 weight decay λ ≥ 0 added to the gradient as λ·w (default 0). */
  weightDecay?: number;
  /** Optional max-norm bound c > 0 on each unit's incoming weight vector. */
  maxNorm?: number;
}

/**
 * Stochastic gradient descent, PyTorch's formulation:
 * g = grad + λ·w; v = μ·v + g; w = w − lr·v.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "./tensor.ts";
 * import { SGD } from "./optim.ts";
 * const w = { name: "w.W", value: Tensor.fromRows([[1]]), grad: Tensor.fromRows([[2]]) };
 * const opt = new SGD([w], { lr: 0.25 });
 * opt.step();
 * expect(w.value.get(0, 0)).toBe(0.5); // 1 − 0.25 · 2
 * opt.zeroGrad();
 * expect(w.grad.get(0, 0)).toBe(0);
 * ```
 */
export class SGD {
  readonly #params: Parameter[];
  readonly #velocity: Float32Array[];
  readonly #kernel: SgdKernel | null;
  readonly lr: number;
  readonly momentum: number;
  readonly weightDecay: number;
  readonly maxNorm: number | undefined;

  /**
   * @param params The parameters to update (e.g. `model.parameters()`).
   * @param options `lr`, and optional `momentum`, `weightDecay`, `maxNorm`.
   */
  constructor(params: Parameter[], options: SGDOptions) {
    this.#params = checkParams(params);
    checkObject("options", options, "an object { lr, momentum?, weightDecay?, maxNorm? }");
    this.lr = checkPositive("lr", options.lr);
    this.momentum = checkInHalfOpen("momentum", orDefault(options.momentum, 0), 0, 1);
    this.weightDecay = checkNonNegative("weightDecay", orDefault(options.weightDecay, 0));
    this.maxNorm = options.maxNorm === undefined
      ? undefined
      : checkPositive("maxNorm", options.maxNorm);
    // The fast path (`_sgd_wasm.ts`) keeps the velocities in its own memory; same bytes.
    this.#kernel = sgdKernel(params.map((q) => q.value.data.length));
    this.#velocity = this.#kernel?.velocity ??
      params.map((q) => new Float32Array(q.value.data.length));
  }

  /** Updates every parameter from its accumulated gradient. */
  step(): void {
    const { lr, momentum, weightDecay } = this;
    for (let k = 0; k < this.#params.length; k++) {
      const q = this.#params[k], w = q.value.data, g = q.grad.data, v = this.#velocity[k];
      if (this.#kernel !== null && sgdFast.enabled) {
        this.#kernel.step(k, w, g, lr, momentum, weightDecay); // the loop below, same bytes
        continue;
      }
      for (let i = 0, n = w.length; i < n; i++) {
        // v is stored as float32: round once here instead of reading v[i] back (same bytes).
        const vi = Math.fround(momentum * v[i] + (g[i] + weightDecay * w[i]));
        v[i] = vi;
        w[i] -= lr * vi;
      }
    }
    if (this.maxNorm !== undefined) applyMaxNorm(this.#params, this.maxNorm);
  }

  /** Sets every parameter's gradient to zero (call before each backward pass). */
  zeroGrad(): void {
    for (const q of this.#params) q.grad.data.fill(0);
  }
}

/** Options of {@linkcode Adam}. */
export interface AdamOptions {
  /** The learning rate, > 0 (default 1e-3). */
  lr?: number;
  /** Decay of the first-moment average, in [0, 1) (default 0.9). */
  beta1?: number;
  /** Decay of the second-moment average, in [0, 1) (default 0.999). */
  beta2?: number;
  /** Added to √v̂ to avoid division by zero, > 0 (default 1e-8). */
  eps?: number;
  /** Optional max-norm bound c > 0 on each unit's incoming weight vector. */
  maxNorm?: number;
}

/**
 * Adam (Kingma & Ba 2015): m = β₁m + (1−β₁)g; v = β₂v + (1−β₂)g²;
 * w = w − lr · m̂ / (√v̂ + ε) with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ).
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "./tensor.ts";
 * import { Adam } from "./optim.ts";
 * const w = { name: "w.W", value: Tensor.fromRows([[1]]), grad: Tensor.fromRows([[5]]) };
 * new Adam([w], { lr: 0.1 }).step();
 * expect(w.value.get(0, 0)).toBeCloseTo(0.9, 6); // the first step moves by lr·sign(g)
 * ```
 */
export class Adam {
  // SGD and Adam open alike (parameters, option checks, per-parameter state).
  // Each is kept whole in its own class so that it reads as its update rule;
  // the shared checks already live in one place (checkParams, applyMaxNorm).

  readonly #params: Parameter[];
  readonly #m: Float64Array[];
  readonly #v: Float64Array[];
  #t = 0;
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly maxNorm: number | undefined;

  /**
   * @param params The parameters to update (e.g. `model.parameters()`).
   * @param options Optional `lr`, `beta1`, `beta2`, `eps`, `maxNorm`.
   */
  constructor(params: Parameter[], options: AdamOptions = {}) {
    this.#params = checkParams(params);
    checkObject("options", options, "an object { lr?, beta1?, beta2?, eps?, maxNorm? }");
    this.lr = checkPositive("lr", orDefault(options.lr, 1e-3));
    this.beta1 = checkInHalfOpen("beta1", orDefault(options.beta1, 0.9), 0, 1);
    this.beta2 = checkInHalfOpen("beta2", orDefault(options.beta2, 0.999), 0, 1);
    this.eps = checkPositive("eps", orDefault(options.eps, 1e-8));
    this.maxNorm = options.maxNorm === undefined
      ? undefined
      : checkPositive("maxNorm", options.maxNorm);
    this.#m = params.map((q) => new Float64Array(q.value.data.length));
    this.#v = params.map((q) => new Float64Array(q.value.data.length));
  }

  /** Updates every parameter from its accumulated gradient. */
  step(): void {
    const { lr, beta1, beta2, eps } = this, t = ++this.#t;
    const c1 = 1 - beta1 ** t, c2 = 1 - beta2 ** t;
    this.#params.forEach((q, k) => {
      const w = q.value.data, g = q.grad.data, m = this.#m[k], v = this.#v[k];
      for (let i = 0; i < w.length; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        w[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
      }
    });
    if (this.maxNorm !== undefined) applyMaxNorm(this.#params, this.maxNorm);
  }

  /** Sets every parameter's gradient to zero (call before each backward pass). */
  zeroGrad(): void {
    for (const q of this.#params) q.grad.data.fill(0);
  }
}
