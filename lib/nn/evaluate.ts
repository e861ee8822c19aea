/**
 * Measuring a network: outputs in evaluation mode, loss and accuracy.
 *
 * @module
 */
import { describe } from "./_check.ts";
import type { Layer } from "./layer.ts";
import { meanSquaredError, softmaxCrossEntropy } from "./loss.ts";
import { argmaxRows, Tensor } from "./tensor.ts";

/** A labelled set: `y` holds class labels (cross-entropy) or target rows (mean squared error). */
export interface Dataset {
  readonly x: Tensor;
  readonly y: Int32Array | Tensor;
}

/** A model that can switch modes: a `Sequential`, or any layer with `training`. */
export type Model = Layer;

/** The two losses the course trains with. */
export type LossKind = "cross-entropy" | "mse";

/** Computes a loss and its gradient for one batch (internal to the library). */
export function lossOf(kind: LossKind, yHat: Tensor, y: Int32Array | Tensor) {
  if (kind === "cross-entropy") {
    const { loss, dLogits } = softmaxCrossEntropy(yHat, y as Int32Array);
    return { loss, dYHat: dLogits };
  }
  return meanSquaredError(yHat, y as Tensor);
}

export function checkDataset(name: string, data: Dataset, kind: LossKind): void {
  if (kind !== "cross-entropy" && kind !== "mse") {
    throw new RangeError(`loss must be "cross-entropy" or "mse", got ${describe(kind)}`);
  }
  if (!(data?.x instanceof Tensor)) {
    throw new TypeError(`${name}.x must be a Tensor, got ${describe(data?.x)}`);
  }
  if (data.x.rows === 0) throw new RangeError(`${name} must hold at least one example, got 0`);
  const labels = kind === "cross-entropy";
  if (labels && !(data.y instanceof Int32Array)) {
    throw new TypeError(
      `${name}.y must be an Int32Array of labels for "cross-entropy", got ${describe(data.y)}`,
    );
  }
  if (!labels && !(data.y instanceof Tensor)) {
    throw new TypeError(`${name}.y must be a Tensor of targets for "mse", got ${describe(data.y)}`);
  }
  const rows = data.y instanceof Tensor ? data.y.rows : data.y.length;
  if (rows !== data.x.rows) {
    throw new RangeError(
      `${name}.x and ${name}.y must have as many rows, got ${data.x.rows} and ${rows}`,
    );
  }
}

/** Rows per forward pass when evaluating, to bound memory on large sets. */
const CHUNK = 1000;

/**
 * Runs the model in evaluation mode over `x` in chunks and returns its outputs.
 *
 * @param model The network; its mode is restored afterwards.
 * @param x The inputs, one example per row.
 * @returns The outputs (logits for a classifier), one row per example.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Linear, predict, Rng, Tensor } from "./mod.ts";
 * const model = new Linear(3, 2, new Rng(0));
 * expect(predict(model, Tensor.zeros(5, 3)).shape).toBe("5×2");
 * ```
 */
export function predict(model: Model, x: Tensor): Tensor {
  if (!(x instanceof Tensor)) throw new TypeError(`x must be a Tensor, got ${describe(x)}`);
  if (x.rows === 0) throw new RangeError("x must hold at least one example, got 0 rows");
  const wasTraining = model.training;
  model.training = false;
  try {
    if (x.rows <= CHUNK) return model.forward(x);
    let out: Tensor | undefined;
    for (let start = 0; start < x.rows; start += CHUNK) {
      const rows = Math.min(CHUNK, x.rows - start);
      const part = new Tensor(
        rows,
        x.cols,
        x.data.subarray(start * x.cols, (start + rows) * x.cols),
      );
      const y = model.forward(part);
      out ??= new Tensor(x.rows, y.cols);
      out.data.set(y.data, start * y.cols);
    }
    return out!;
  } finally {
    model.training = wasTraining;
  }
}

/**
 * Measures a model on a data set in evaluation mode.
 *
 * @param model The network; its mode is restored afterwards.
 * @param data The set to measure on.
 * @param loss `"cross-entropy"` or `"mse"`.
 * @returns The mean loss, and the accuracy for `"cross-entropy"` (NaN for `"mse"`).
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { evaluate, Linear, Rng, Tensor } from "./mod.ts";
 * const model = new Linear(2, 3, new Rng(0));
 * const { accuracy } = evaluate(model, { x: Tensor.zeros(4, 2), y: new Int32Array(4) }, "cross-entropy");
 * expect(accuracy === 0 || accuracy === 1).toBe(true); // all four rows are the same
 * ```
 */
export function evaluate(
  model: Model,
  data: Dataset,
  loss: LossKind,
): { loss: number; accuracy: number } {
  checkDataset("data", data, loss);
  const yHat = predict(model, data.x);
  const value = lossOf(loss, yHat, data.y).loss;
  if (loss === "mse") return { loss: value, accuracy: NaN };
  return { loss: value, accuracy: accuracy(yHat, data.y as Int32Array) };
}

/**
 * The fraction of rows whose largest output is at the true label.
 *
 * @param logits One row of scores per example.
 * @param labels The true class of each row.
 * @returns A number in [0, 1].
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { accuracy, Tensor } from "./mod.ts";
 * expect(accuracy(Tensor.fromRows([[0, 1], [3, 2]]), new Int32Array([1, 1]))).toBe(0.5);
 * ```
 */
export function accuracy(logits: Tensor, labels: Int32Array): number {
  if (labels.length !== logits.rows) {
    throw new RangeError(
      `labels must have one entry per row (${logits.rows}), got ${labels.length}`,
    );
  }
  const guess = argmaxRows(logits);
  let right = 0;
  for (let i = 0; i < guess.length; i++) if (guess[i] === labels[i]) right++;
  return right / guess.length;
}
