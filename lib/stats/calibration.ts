/**
 * Calibration: does a classifier that says "90 % sure" get 90 % of those
 * digits right? The expected calibration error (ECE) of Guo, Pleiss, Sun &
 * Weinberger (2017) bins predictions by confidence and averages the gap
 * between confidence and accuracy, weighted by the bins' sizes.
 *
 * @module
 */
import { checkInteger, checkLabels, describe } from "../nn/_check.ts";
import { Tensor } from "../nn/tensor.ts";

/** One confidence bin of a reliability diagram. */
export interface CalibrationBin {
  /** The bin's confidence range [lo, hi) (the last bin includes 1). */
  lo: number;
  hi: number;
  /** Predictions whose confidence falls in it. */
  count: number;
  /** Their mean confidence (NaN when empty). */
  confidence: number;
  /** The share of them that are right (NaN when empty). */
  accuracy: number;
}

/**
 * Expected calibration error: ECE = Σ_b (n_b/n)·|accuracy_b − confidence_b|
 * over equal-width confidence bins, where a prediction's confidence is its
 * largest class probability and it is right when that class is the label.
 *
 * @param probs Class probabilities, one row per example (rows sum to 1).
 * @param labels The true class of each row.
 * @param bins Equal-width bins over [0, 1] (default 15, as Guo et al.).
 * @returns `{ ece, bins }` (the bins for a reliability diagram).
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "../nn/tensor.ts";
 * import { calibration } from "./calibration.ts";
 * // Both predictions say 0.8 for class 0; one is right: accuracy 0.5, confidence 0.8.
 * const probs = Tensor.fromRows([[0.8, 0.2], [0.8, 0.2]]);
 * expect(calibration(probs, new Int32Array([0, 1]), 10).ece).toBeCloseTo(0.3, 6);
 * ```
 */
export function calibration(
  probs: Tensor,
  labels: Int32Array,
  bins = 15,
): { ece: number; bins: CalibrationBin[] } {
  if (!(probs instanceof Tensor)) {
    throw new TypeError(`probs must be a Tensor, got ${describe(probs)}`);
  }
  if (probs.rows === 0) {
    throw new RangeError(`probs must have at least one row, got ${probs.shape}`);
  }
  if (!(labels instanceof Int32Array)) {
    throw new TypeError(`labels must be an Int32Array, got ${describe(labels)}`);
  }
  checkLabels("labels", labels, probs.cols, probs.rows);
  checkInteger("bins", bins, 1);
  const count = new Float64Array(bins),
    conf = new Float64Array(bins),
    right = new Float64Array(bins);
  for (let i = 0; i < probs.rows; i++) {
    const row = probs.row(i);
    let best = 0;
    for (let c = 1; c < row.length; c++) if (row[c] > row[best]) best = c;
    const b = Math.min(bins - 1, Math.floor(row[best] * bins));
    count[b]++, conf[b] += row[best], right[b] += best === labels[i] ? 1 : 0;
  }
  let ece = 0;
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const n = count[b];
    if (n > 0) ece += (n / probs.rows) * Math.abs(right[b] / n - conf[b] / n);
    out.push({
      lo: b / bins,
      hi: (b + 1) / bins,
      count: n,
      confidence: conf[b] / n,
      accuracy: right[b] / n,
    });
  }
  return { ece, bins: out };
}
