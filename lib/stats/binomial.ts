/**
 * The binomial distribution: how many of n independent units drop when each
 * drops with probability q (claim S4-2).
 *
 * @module
 */
import { checkInRange, checkInteger } from "../nn/_check.ts";

/**
 * The binomial probabilities P(K = k) = C(n, k) q^k (1 − q)^(n − k) for
 * k = 0 … n, by the recurrence P(k + 1) = P(k) · (n − k)/(k + 1) · q/(1 − q)
 * (at q = 0 or 1, the point mass).
 *
 * @param n The number of trials, an integer in [0, 1000].
 * @param q The success probability, in [0, 1].
 * @returns n + 1 probabilities summing to 1.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { binomialPmf } from "./binomial.ts";
 * expect(binomialPmf(2, 0.5)).toEqual([0.25, 0.5, 0.25]);
 * ```
 */
export function binomialPmf(n: number, q: number): number[] {
  checkInteger("n", n, 0, 1000);
  checkInRange("q", q, 0, 1);
  if (q === 0 || q === 1) {
    return Array.from({ length: n + 1 }, (_, k) => +(k === (q === 1 ? n : 0)));
  }
  const pmf = [(1 - q) ** n];
  for (let k = 0; k < n; k++) pmf.push((pmf[k] * (n - k) * q) / ((k + 1) * (1 - q)));
  return pmf;
}
