/**
 * Measuring a network: outputs in evaluation mode, loss and accuracy.
 *
 * @module
 */
import { checkFiniteValues, checkLabels, checkLayer, checkObject, describe } from "./_check.ts";
import type { Layer } from "./layer.ts";
import { meanSquaredError, softmaxCrossEntropy } from "./loss.ts";
import { checkLossKind, checkOutputs } from "./_dataset.ts";
import { saveLastForward } from "./_last_forward.ts";
import { argmaxRows, checkBatch, Tensor } from "./tensor.ts";

/** A labelled set: `y` holds class labels (cross-entropy) or target rows (mean squared error). */
export interface Dataset {
  readonly x: Tensor;
  readonly y: Int32Array | Tensor;
}

/** A model that can switch modes: a `Sequential`, or any layer with `training`. */
export type Model = Layer;

/** The two losses the course trains with. */
export type LossKind = "cross-entropy" | "mse";

/**
 * Computes a loss and its gradient for one batch, by the loss's name (used by
 * `fit`; the losses themselves are in `loss.ts`).
 *
 * @param kind `"cross-entropy"` (y holds labels) or `"mse"` (y holds target rows).
 * @param yHat The model's outputs for the batch.
 * @param y The labels or targets.
 * @returns `{ loss, dYHat }`, the mean loss and its gradient with respect to yHat.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { lossOf, Tensor } from "./mod.ts";
 * expect(lossOf("mse", Tensor.fromRows([[3]]), Tensor.fromRows([[1]])).loss).toBe(4);
 * ```
 */
export function lossOf(
  kind: LossKind,
  yHat: Tensor,
  y: Int32Array | Tensor,
): { loss: number; dYHat: Tensor } {
  if (kind === "cross-entropy") {
    const { loss, dLogits } = softmaxCrossEntropy(yHat, y as Int32Array);
    return { loss, dYHat: dLogits };
  }
  checkLossKind(kind, "kind");
  return meanSquaredError(yHat, y as Tensor);
}

/**
 * Checks a whole data set in one pass over its values, before any work is
 * done with it: `x` is a non-empty `Tensor` of finite values; `y` holds one
 * integer label ≥ 0 per row (an `Int32Array`, for `"cross-entropy"`) or one
 * finite target row per row (a `Tensor`, for `"mse"`). A bad value is named by
 * its row in the set (`train.y[5]`, `train.x … at [5, 3]`), never by a batch
 * position. The labels' upper bound (the number of classes) is the model's
 * to say: `fit` checks it too, before the first step.
 *
 * @param name The set's name in messages (`"train"`, `"test"`, `"data"`).
 * @param data The set.
 * @param kind The loss it will be used with; left out, either kind of `y` is allowed.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { checkDataset, Tensor } from "./mod.ts";
 * const x = Tensor.zeros(3, 2);
 * expect(() => checkDataset("train", { x, y: new Int32Array([0, 1, -1]) }, "cross-entropy"))
 *   .toThrow("train.y[2] must be an integer >= 0, got -1");
 * ```
 */
export function checkDataset(name: string, data: Dataset, kind?: LossKind): void {
  if (kind !== undefined) checkLossKind(kind);
  checkObject(name, data, "an object { x, y }");
  if (!(data.x instanceof Tensor)) {
    throw new TypeError(`${name}.x must be a Tensor, got ${describe(data.x)}`);
  }
  if (data.x.rows === 0) {
    throw new RangeError(`${name} must hold at least one example, got ${data.x.shape}`);
  }
  if (data.x.cols === 0) {
    throw new RangeError(`${name}.x must have at least one column, got ${data.x.shape}`);
  }
  const labels = kind === "cross-entropy" || (kind === undefined && !(data.y instanceof Tensor));
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
  checkFiniteValues(`${name}.x`, data.x.data, data.x.cols);
  if (data.y instanceof Tensor) {
    if (data.y.cols === 0) {
      throw new RangeError(`${name}.y must have at least one column, got ${data.y.shape}`);
    }
    checkFiniteValues(`${name}.y`, data.y.data, data.y.cols);
  } else {
    const y = data.y;
    for (let i = 0; i < y.length; i++) {
      if (y[i] < 0) throw new RangeError(`${name}.y[${i}] must be an integer >= 0, got ${y[i]}`);
    }
  }
}

/** Rows per forward pass when evaluating, to bound memory on large sets. */
const CHUNK = 256;

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
  checkLayer("model", model);
  if (!(x instanceof Tensor)) throw new TypeError(`x must be a Tensor, got ${describe(x)}`);
  if (x.rows === 0) throw new RangeError(`x must hold at least one example, got ${x.shape}`);
  const wasTraining = model.training, restore = saveLastForward(model);
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
    restore(); // the layers remember their last forward from before this prediction
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
  checkLayer("model", model);
  checkLossKind(loss);
  checkDataset("data", data, loss);
  const yHat = predict(model, data.x);
  checkOutputs("data", yHat.cols, data);
  const value = lossOf(loss, yHat, data.y).loss;
  if (loss === "mse") return { loss: value, accuracy: NaN };
  return { loss: value, accuracy: accuracy(yHat, data.y as Int32Array) };
}

/**
 * The fraction of rows whose largest output is at the true label.
 *
 * @param logits One row of finite scores per example, at least one row.
 * @param labels The true class of each row, integers in [0, classes).
 * @returns A number in [0, 1].
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { accuracy, Tensor } from "./mod.ts";
 * expect(accuracy(Tensor.fromRows([[0, 1], [3, 2]]), new Int32Array([1, 1]))).toBe(0.5);
 * ```
 */
export function accuracy(logits: Tensor, labels: Int32Array): number {
  checkBatch("logits", logits);
  checkLabels("labels", labels, logits.cols, logits.rows);
  checkFiniteValues("logits", logits.data, logits.cols);
  const guess = argmaxRows(logits);
  let right = 0;
  for (let i = 0; i < guess.length; i++) if (guess[i] === labels[i]) right++;
  return right / guess.length;
}
