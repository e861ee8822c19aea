/**
 * Small seeded data sets for the overfitting lessons: a noisy curve to
 * regress and interleaved spirals to classify. Each call with the same seed
 * returns the same numbers.
 *
 * @module
 */
import { checkInteger, checkNonNegative, checkObject } from "../nn/_check.ts";
import { Rng } from "../nn/rng.ts";
import { Tensor } from "../nn/tensor.ts";

/** The checked size, noise level and seeded generator of a synthetic set's options. */
function sampleOptions(
  options: { n: number; noise: number; seed: number },
): { n: number; noise: number; rng: Rng } {
  checkObject("options", options, "an object { n, noise, seed }");
  const n = checkInteger("n", options.n, 1);
  const noise = checkNonNegative("noise", options.noise);
  return { n, noise, rng: new Rng(options.seed) };
}

/**
 * Points of `y = sin(2x) + noise` with x uniform in [−1.5, 1.5] and Gaussian
 * noise of standard deviation `noise`: a curve a big network can memorise
 * when there are only a few points.
 *
 * @param options `n` ≥ 1 points, `noise` ≥ 0, and `seed`.
 * @returns `{ x, y }`, both n × 1.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { noisyCurve } from "./synthetic.ts";
 * const { x, y } = noisyCurve({ n: 20, noise: 0, seed: 1 });
 * expect(y.data[0]).toBeCloseTo(Math.sin(2 * x.data[0]), 6);
 * ```
 */
export function noisyCurve(
  options: { n: number; noise: number; seed: number },
): { x: Tensor; y: Tensor } {
  const { n, noise, rng } = sampleOptions(options);
  const x = new Tensor(n, 1), y = new Tensor(n, 1);
  for (let i = 0; i < n; i++) {
    x.data[i] = -1.5 + 3 * rng.uniform();
    y.data[i] = Math.sin(2 * x.data[i]) + noise * rng.normal();
  }
  return { x, y };
}

/** A training, a validation and a test set drawn from the same noisy curve. */
export interface CurveSplits {
  /** The points a network trains on. */
  train: { x: Tensor; y: Tensor };
  /** Points used only to choose a setting (an epoch, a rate). */
  validation: { x: Tensor; y: Tensor };
  /** Points used only to judge the chosen setting. */
  test: { x: Tensor; y: Tensor };
}

/**
 * Three independent draws of {@linkcode noisyCurve} for one seed: a small
 * training set, a validation set to choose settings on, and a test set to
 * judge them on. Their seeds are `1000·seed + 1`, `+ 2` and `+ 3`, so every
 * seed below 4 294 967 gets its own, non-overlapping sets.
 *
 * @param options `seed`, `noise` ≥ 0, and the sizes `nTrain`, `nValidation`, `nTest` (each ≥ 1).
 * @returns `{ train, validation, test }`, each `{ x, y }` of n × 1 tensors.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { curveSplits, noisyCurve } from "./synthetic.ts";
 * const s = curveSplits({ seed: 2, noise: 0.3, nTrain: 20, nValidation: 50, nTest: 60 });
 * expect(s.test.x.rows).toBe(60);
 * expect(s.train.y.data).toEqual(noisyCurve({ n: 20, noise: 0.3, seed: 2001 }).y.data);
 * ```
 */
export function curveSplits(
  options: { seed: number; noise: number; nTrain: number; nValidation: number; nTest: number },
): CurveSplits {
  checkObject("options", options, "an object { seed, noise, nTrain, nValidation, nTest }");
  const { seed, noise } = options;
  const base = 1000 * checkInteger("seed", seed, 0, 4_294_966);
  checkInteger("nTrain", options.nTrain, 1);
  checkInteger("nValidation", options.nValidation, 1);
  checkInteger("nTest", options.nTest, 1);
  return {
    train: noisyCurve({ n: options.nTrain, noise, seed: base + 1 }),
    validation: noisyCurve({ n: options.nValidation, noise, seed: base + 2 }),
    test: noisyCurve({ n: options.nTest, noise, seed: base + 3 }),
  };
}

/**
 * Friedman's regression benchmark #1: five inputs uniform in [0, 1) and
 * `f = 10·sin(π·x₁·x₂) + 20·(x₃ − 0.5)² + 10·x₄ + 5·x₅`, plus Gaussian noise of
 * standard deviation `noise`. The target is centred and divided by 5,
 * `y = (f + noise·ε − 14.4) / 5`, so that it has variance about 1.
 *
 * @param options `n` ≥ 1 points, `noise` ≥ 0, and `seed`.
 * @returns `{ x, y }`: x is n × 5, y is n × 1.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { friedman1 } from "./synthetic.ts";
 * const { x, y } = friedman1({ n: 3, noise: 0, seed: 1 });
 * const r = x.row(0);
 * const f = 10 * Math.sin(Math.PI * r[0] * r[1]) + 20 * (r[2] - 0.5) ** 2 + 10 * r[3] + 5 * r[4];
 * expect(y.data[0]).toBeCloseTo((f - 14.4) / 5, 5);
 * ```
 */
export function friedman1(
  options: { n: number; noise: number; seed: number },
): { x: Tensor; y: Tensor } {
  const { n, noise, rng } = sampleOptions(options);
  const x = new Tensor(n, 5), y = new Tensor(n, 1);
  for (let i = 0; i < n; i++) {
    const r = x.row(i);
    for (let j = 0; j < 5; j++) r[j] = rng.uniform();
    const f = 10 * Math.sin(Math.PI * r[0] * r[1]) + 20 * (r[2] - 0.5) ** 2 + 10 * r[3] + 5 * r[4];
    y.data[i] = (f + noise * rng.normal() - 14.4) / 5;
  }
  return { x, y };
}

/**
 * Interleaved spirals in the plane, one arm per class: a classification task
 * whose boundary a linear model cannot draw.
 *
 * @param options `n` ≥ 1 points, `classes` in [2, 10], `noise` ≥ 0 (radial jitter), and `seed`.
 * @returns `{ x, y }`: x is n × 2, y the class of each row (balanced, in order 0, 1, …, 0, 1, …).
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { spirals } from "./synthetic.ts";
 * const { x, y } = spirals({ n: 300, classes: 3, noise: 0.1, seed: 2 });
 * expect(x.shape).toBe("300×2");
 * expect(new Set(y).size).toBe(3);
 * ```
 */
export function spirals(
  options: { n: number; classes: number; noise: number; seed: number },
): { x: Tensor; y: Int32Array } {
  checkObject("options", options, "an object { n, classes, noise, seed }");
  const n = checkInteger("n", options.n, 1);
  const classes = checkInteger("classes", options.classes, 2, 10);
  const noise = checkNonNegative("noise", options.noise);
  const rng = new Rng(options.seed);
  const x = new Tensor(n, 2), y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    const t = rng.uniform(); // position along the arm, 0 at the centre
    const angle = 4 * t + (2 * Math.PI * c) / classes;
    const radius = t + noise * rng.normal();
    x.data[2 * i] = radius * Math.cos(angle);
    x.data[2 * i + 1] = radius * Math.sin(angle);
    y[i] = c;
  }
  return { x, y };
}
