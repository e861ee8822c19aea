/**
 * Holm's step-down correction for a family of tests (Holm 1979): sort the m
 * p-values, multiply the i-th smallest by m − i + 1, and carry the running
 * maximum so adjusted values keep the order. Rejecting where the adjusted p is
 * at most α keeps the chance of any false rejection in the family below α.
 *
 * @module
 */
import { checkAlpha } from "./_numbers.ts";
import { describe } from "../nn/_check.ts";

/** Holm-adjusted p-values and which hypotheses they reject. */
export interface HolmResult {
  /** The adjusted p-values, in the order given, each in [0, 1]. */
  adjusted: number[];
  /** `adjusted[i] <= alpha`. */
  reject: boolean[];
}

/**
 * Holm's correction of a family of p-values.
 *
 * @param pValues The family's p-values, each in [0, 1] (at least one).
 * @param alpha The family-wise error rate, in (0, 0.5] (default 0.05).
 * @returns `{ adjusted, reject }`, in the order of `pValues`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { holm } from "./holm.ts";
 * const r = holm([0.01, 0.04, 0.03, 0.005]);
 * expect(r.adjusted.map((p) => +p.toFixed(12))).toEqual([0.03, 0.06, 0.06, 0.02]);
 * expect(r.reject).toEqual([true, false, false, true]);
 * ```
 */
export function holm(pValues: readonly number[], alpha = 0.05): HolmResult {
  if (!Array.isArray(pValues) || pValues.length === 0) {
    throw new RangeError(`pValues must be a non-empty array, got ${describe(pValues)}`);
  }
  pValues.forEach((p, i) => {
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
      throw new RangeError(`pValues[${i}] must be a number in [0, 1], got ${describe(p)}`);
    }
  });
  checkAlpha("alpha", alpha);
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((i, j) => pValues[i] - pValues[j]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((i, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
    adjusted[i] = running;
  });
  return { adjusted, reject: adjusted.map((p) => p <= alpha) };
}
