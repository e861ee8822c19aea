/**
 * The area under the ROC curve (AUROC): how well a score separates two groups,
 * such as "the net got this digit wrong" from "it got it right", by predictive
 * entropy. 1 means every positive scores above every negative, 0.5 is a coin.
 *
 * @module
 */
import { checkInteger, describe } from "../nn/_check.ts";
import { ranks } from "./spearman.ts";

function checkScores(name: string, v: unknown): readonly number[] {
  if (!Array.isArray(v) || v.length === 0) {
    throw new RangeError(`${name} must be a non-empty array of numbers, got ${describe(v)}`);
  }
  v.forEach((a, i) => {
    if (typeof a !== "number" || !Number.isFinite(a)) {
      throw new TypeError(`${name}[${i}] must be a finite number, got ${describe(a)}`);
    }
  });
  return v;
}

/** An AUROC with its Hanley–McNeil standard error. */
export interface Auroc {
  /** P(score of a random positive > score of a random negative) + ½ P(tie). */
  auc: number;
  /** Hanley & McNeil's (1982) standard error of `auc`. */
  se: number;
  /** How many positives and negatives. */
  positives: number;
  negatives: number;
}

/**
 * The AUROC of a score that should be higher on `positives` than on
 * `negatives`, computed exactly as the Mann–Whitney statistic (ties count ½):
 * AUC = (R₊ − n₊(n₊ + 1)/2)/(n₊ n₋), R₊ the rank sum of the positives. Its
 * standard error is Hanley & McNeil's (1982):
 * SE² = [A(1 − A) + (n₊ − 1)(Q₁ − A²) + (n₋ − 1)(Q₂ − A²)]/(n₊ n₋),
 * Q₁ = A/(2 − A), Q₂ = 2A²/(1 + A).
 *
 * @param positives Scores of the group that should score higher (at least one).
 * @param negatives Scores of the other group (at least one).
 * @returns `{ auc, se, positives, negatives }`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { auroc } from "./auroc.ts";
 * expect(auroc([3, 4], [1, 2]).auc).toBe(1);
 * expect(auroc([1, 3], [2, 4]).auc).toBe(0.25); // 1 of 4 pairs ordered right
 * expect(auroc([2], [2]).auc).toBe(0.5); // a tie counts half
 * ```
 */
export function auroc(positives: readonly number[], negatives: readonly number[]): Auroc {
  checkScores("positives", positives);
  checkScores("negatives", negatives);
  const n1 = positives.length, n2 = negatives.length;
  const r = ranks([...positives, ...negatives]);
  let rankSum = 0;
  for (let i = 0; i < n1; i++) rankSum += r[i];
  const a = (rankSum - n1 * (n1 + 1) / 2) / (n1 * n2);
  const q1 = a / (2 - a), q2 = 2 * a * a / (1 + a);
  const variance = (a * (1 - a) + (n1 - 1) * (q1 - a * a) + (n2 - 1) * (q2 - a * a)) / (n1 * n2);
  return { auc: a, se: Math.sqrt(Math.max(0, variance)), positives: n1, negatives: n2 };
}

/**
 * The ROC curve of a score: for every threshold, the share of negatives above
 * it (false positive rate) and of positives above it (true positive rate),
 * from (0, 0) to (1, 1). For plots.
 *
 * @param positives Scores that should be higher.
 * @param negatives Scores that should be lower.
 * @param points How many thresholds, evenly spaced in rank (default 101).
 * @returns Points `{ fpr, tpr }`, fpr rising.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { rocCurve } from "./auroc.ts";
 * const curve = rocCurve([3, 4], [1, 2], 5);
 * expect(curve[0]).toEqual({ fpr: 0, tpr: 0 });
 * expect(curve.at(-1)).toEqual({ fpr: 1, tpr: 1 });
 * ```
 */
export function rocCurve(
  positives: readonly number[],
  negatives: readonly number[],
  points = 101,
): { fpr: number; tpr: number }[] {
  checkScores("positives", positives);
  checkScores("negatives", negatives);
  checkInteger("points", points, 2, 100_000);
  const all = [...positives, ...negatives].sort((a, b) => b - a);
  const out = [{ fpr: 0, tpr: 0 }];
  for (let k = 1; k < points; k++) {
    const threshold = all[Math.min(all.length - 1, Math.floor(k / (points - 1) * all.length) - 1)];
    const tpr = positives.filter((s) => s >= threshold).length / positives.length;
    const fpr = negatives.filter((s) => s >= threshold).length / negatives.length;
    out.push({ fpr, tpr });
  }
  out.push({ fpr: 1, tpr: 1 });
  return out;
}
