/**
 * A training progress line for Jupyter: one output that `fit` updates in place
 * after every measured epoch, and silence outside the kernel.
 *
 * @module
 */
import type { EpochRecord } from "../nn/train.ts";
import { show } from "./display.ts";

let lines = 0;

/**
 * An `onEpoch` callback for `fit` that shows one progress line and replaces it
 * after each measured epoch. It prints no timings, so a notebook's stored
 * output is the same on every run.
 *
 * @returns A callback to pass as `fit(…, { onEpoch: progressLine() })`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { fit, Linear, progressLine, Rng, SGD, Tensor } from "../mod.ts";
 * const x = Tensor.fromRows([[0], [1]]);
 * const y = Tensor.fromRows([[1], [3]]);
 * const model = new Linear(1, 1, new Rng(0));
 * const optimizer = new SGD(model.parameters(), { lr: 0.1 });
 * const history = await fit(model, { x, y }, {
 *   optimizer, loss: "mse", epochs: 3, batchSize: 2, seed: 1, onEpoch: progressLine(),
 * });
 * expect(history.length).toBe(3); // outside Jupyter the line is silent
 * ```
 */
export function progressLine(): (record: EpochRecord, epochs: number) => Promise<void> {
  const displayId = `course-fit-${++lines}`;
  let shown = false;
  return async (record, epochs) => {
    await show({ "text/plain": describeEpoch(record, epochs) }, { displayId, update: shown });
    shown = true;
  };
}

/** One line of progress; no timings, so a notebook's stored output is reproducible. */
function describeEpoch(r: EpochRecord, epochs: number): string {
  const parts = [`epoch ${r.epoch}/${epochs}`, `train loss ${r.trainLoss.toFixed(4)}`];
  if (!Number.isNaN(r.testLoss)) parts.push(`held-out loss ${r.testLoss.toFixed(4)}`);
  if (!Number.isNaN(r.testAccuracy)) {
    parts.push(`held-out accuracy ${(100 * r.testAccuracy).toFixed(1)}%`);
  }
  return parts.join(" · ");
}
