/**
 * The mean and the variance of a large sample, each with its standard error,
 * for statistical claims of the form "this noise has mean 1 and variance
 * p/(1 − p)" judged within k standard errors.
 *
 * @module
 */
import { describe } from "../nn/_check.ts";

/** Sample moments and their standard errors. */
export interface Moments {
  /** Sample size. */
  n: number;
  /** The sample mean. */
  mean: number;
  /** Its standard error, s/√n. */
  seMean: number;
  /** The sample variance (divisor n − 1). */
  variance: number;
  /** Its standard error, √((m₄ − s⁴(n − 3)/(n − 1))/n), m₄ the fourth central moment. */
  seVariance: number;
}

/**
 * Mean and variance of a sample with their standard errors. The variance's
 * standard error uses the sample's own fourth moment in the exact formula
 * Var(s²) = (μ₄ − σ⁴(n − 3)/(n − 1))/n, so it holds for any distribution with
 * one: a normal gives about s²·√(2/n), a two-point mask distribution something
 * else. (A symmetric two-point distribution, ±1, is degenerate: its s² is
 * almost exactly 1 and its error is not normal; prefer asymmetric cases.)
 *
 * @param values At least two finite numbers.
 * @returns `{ n, mean, seMean, variance, seVariance }`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { momentsWithSE } from "./moments.ts";
 * const m = momentsWithSE([0, 2, 0, 2]); // two equally likely values
 * expect([m.mean, m.variance]).toEqual([1, 4 / 3]);
 * expect(m.seMean).toBeCloseTo(Math.sqrt(4 / 3 / 4), 12);
 * ```
 */
export function momentsWithSE(values: ArrayLike<number>): Moments {
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    throw new TypeError(`values must be an array of numbers, got ${describe(values)}`);
  }
  const n = values.length;
  if (n < 2) throw new RangeError(`values must hold at least 2 numbers, got ${n}`);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i])) {
      throw new TypeError(`values[${i}] must be a finite number, got ${describe(values[i])}`);
    }
    sum += values[i];
  }
  const mean = sum / n;
  let m2 = 0, m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] - mean) ** 2;
    m2 += d, m4 += d * d;
  }
  const variance = m2 / (n - 1), biased = m2 / n;
  return {
    n,
    mean,
    seMean: Math.sqrt(variance / n),
    variance,
    seVariance: Math.sqrt(Math.max(0, m4 / n - (biased * biased * (n - 3)) / (n - 1)) / n),
  };
}
