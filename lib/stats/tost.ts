/**
 * Equivalence by two one-sided tests (TOST, Schuirmann 1987): a mean
 * difference is "the same within ±bound" when both "d ≤ −bound" and
 * "d ≥ bound" are rejected, which is the same as its 1 − 2α interval lying
 * inside (−bound, bound). A claim of "no difference" needs this, not a
 * failure to find one.
 *
 * @module
 */
import { checkAlpha, checkFiniteArray } from "./_numbers.ts";
import { meanAndSE } from "./mean_se.ts";
import { tCdf, tQuantile } from "./t_quantile.ts";
import { checkPositive } from "../nn/_check.ts";

/** The two one-sided tests of equivalence. */
export interface TostResult {
  /** Number of differences. */
  n: number;
  /** Their mean. */
  mean: number;
  /** The standard error of the mean. */
  se: number;
  /** Degrees of freedom, n − 1. */
  df: number;
  /** (mean + bound) / se: the test of "d ≤ −bound". */
  tLower: number;
  /** (mean − bound) / se: the test of "d ≥ bound". */
  tUpper: number;
  /** P(T ≥ tLower): the p-value against "d ≤ −bound". */
  pLower: number;
  /** P(T ≤ tUpper): the p-value against "d ≥ bound". */
  pUpper: number;
  /** max(pLower, pUpper): the p-value of equivalence. */
  p: number;
  /** The 1 − 2α Student-t interval (the 90 % interval at α = 0.05). */
  ci90: [number, number];
  /** `true` when p < α, i.e. ci90 lies inside (−bound, bound). */
  equivalent: boolean;
}

/** One-sided p of a t statistic (upper: P(T ≥ t); lower: P(T ≤ t)), with a zero-SE case. */
function oneSided(diff: number, se: number, df: number, upper: boolean): [number, number] {
  if (se === 0) {
    const t = diff === 0 ? 0 : Math.sign(diff) * Infinity;
    return [t, upper ? (diff > 0 ? 0 : 1) : (diff < 0 ? 0 : 1)];
  }
  const t = diff / se;
  return [t, upper ? tCdf(-t, df) : tCdf(t, df)];
}

/**
 * Tests whether the mean of paired differences lies within ±bound.
 *
 * @param diffs The paired differences (at least 2).
 * @param bound The equivalence bound, > 0, in the units of the differences.
 * @param alpha The level of each one-sided test, in (0, 0.5] (default 0.05).
 * @returns The two one-sided tests, their p-values, the 1 − 2α interval and the decision.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { tost } from "./tost.ts";
 * const r = tost([0.029, 0.014, 0.038, 0.018, 0.046], 0.05);
 * expect(r.equivalent).toBe(true);
 * expect(r.p).toBeCloseTo(0.012339, 6);
 * ```
 */
export function tost(diffs: readonly number[], bound: number, alpha = 0.05): TostResult {
  checkFiniteArray("diffs", diffs, 2);
  checkPositive("bound", bound);
  checkAlpha("alpha", alpha);
  const { n, mean, se } = meanAndSE(diffs);
  const df = n - 1;
  const [tLower, pLower] = oneSided(mean + bound, se, df, true);
  const [tUpper, pUpper] = oneSided(mean - bound, se, df, false);
  const p = Math.max(pLower, pUpper);
  const half = tQuantile(1 - alpha, df) * se;
  return {
    n,
    mean,
    se,
    df,
    tLower,
    tUpper,
    pLower,
    pUpper,
    p,
    ci90: [mean - half, mean + half],
    equivalent: p < alpha,
  };
}
