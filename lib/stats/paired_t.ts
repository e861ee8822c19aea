/**
 * The paired t test: two conditions measured on the same seeds (or items),
 * judged by the differences d = a − b, so that what the seeds share cancels.
 *
 * With n differences of mean d̄ and standard deviation s, SE = s/√n,
 * t = d̄ / SE on n − 1 degrees of freedom, and the interval is
 * d̄ ± t_{(1+level)/2, n−1} · SE (Student 1908).
 *
 * @module
 */
import { checkFiniteArray, checkLevel } from "./_numbers.ts";
import { meanAndSE } from "./mean_se.ts";
import { tCdf, tQuantile } from "./t_quantile.ts";

/** What a paired t test found. */
export interface PairedSummary {
  /** Number of pairs. */
  n: number;
  /** The differences a − b, pair by pair. */
  diffs: number[];
  /** Mean difference. */
  mean: number;
  /** Standard deviation of the differences (n − 1 divisor). */
  sd: number;
  /** Standard error of the mean difference. */
  se: number;
  /** Degrees of freedom, n − 1. */
  df: number;
  /** mean / se (±Infinity when every difference is the same non-zero value; 0 when all are 0). */
  t: number;
  /** Two-sided p-value of "the mean difference is 0". */
  p: number;
  /** The Student-t interval of the mean difference at `level`. */
  ci: [number, number];
  /** The interval's confidence level. */
  level: number;
}

/**
 * The t statistic and two-sided p of a mean over its standard error; a zero
 * SE gives t = ±Infinity (p = 0), or t = 0 (p = 1) when the mean is 0 too.
 */
function tStatistic(mean: number, se: number, df: number): { t: number; p: number } {
  if (se === 0) return mean === 0 ? { t: 0, p: 1 } : { t: Math.sign(mean) * Infinity, p: 0 };
  const t = mean / se;
  return { t, p: Math.min(1, 2 * tCdf(-Math.abs(t), df)) };
}

/**
 * A paired comparison of `a` and `b`: mean difference a − b, its standard
 * error, the Student-t interval and the two-sided p-value.
 *
 * @param a One measurement per pair (e.g. per seed), at least 2.
 * @param b The other measurement of the same pairs, same length.
 * @param level Confidence level of the interval (default 0.95).
 * @returns `{ n, diffs, mean, sd, se, df, t, p, ci, level }`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { pairedT } from "./paired_t.ts";
 * const s = pairedT([0.612, 0.655, 0.598, 0.64, 0.701], [0.583, 0.641, 0.56, 0.622, 0.655]);
 * expect(s.mean).toBeCloseTo(0.029, 12);
 * expect(s.p).toBeCloseTo(0.008359, 6);
 * expect(s.ci[0]).toBeCloseTo(0.012388, 6);
 * ```
 */
export function pairedT(
  a: readonly number[],
  b: readonly number[],
  level = 0.95,
): PairedSummary {
  checkFiniteArray("a", a, 2);
  checkFiniteArray("b", b, 2);
  if (a.length !== b.length) {
    throw new RangeError(`a and b must have the same length, got ${a.length} and ${b.length}`);
  }
  checkLevel(level);
  const diffs = a.map((v, i) => v - b[i]);
  const { n, mean, sd, se } = meanAndSE(diffs);
  const df = n - 1;
  const { t, p } = tStatistic(mean, se, df);
  const half = tQuantile((1 + level) / 2, df) * se;
  return { n, diffs, mean, sd, se, df, t, p, ci: [mean - half, mean + half], level };
}
