/**
 * The mean of a few measurements and its standard error, the yardstick of
 * every seed-averaged number in the course.
 *
 * @module
 */
import { checkFiniteArray } from "./_numbers.ts";

/** A sample's size, mean, spread and the standard error of its mean. */
export interface MeanAndSE {
  /** Number of values. */
  n: number;
  /** Their mean. */
  mean: number;
  /** Sample standard deviation (divisor n − 1); 0 for a single value. */
  sd: number;
  /** Standard error of the mean, sd / √n. */
  se: number;
}

/**
 * Mean, sample standard deviation (n − 1 divisor) and standard error sd/√n.
 *
 * @param values At least one finite number.
 * @returns `{ n, mean, sd, se }`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { meanAndSE } from "./mean_se.ts";
 * const s = meanAndSE([1, 2, 3]);
 * expect([s.n, s.mean, s.sd]).toEqual([3, 2, 1]);
 * expect(s.se).toBeCloseTo(1 / Math.sqrt(3), 15);
 * ```
 */
export function meanAndSE(values: readonly number[]): MeanAndSE {
  checkFiniteArray("values", values);
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  return { n, mean, sd, se: sd / Math.sqrt(n) };
}
