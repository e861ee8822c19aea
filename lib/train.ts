/**
 * Training: the mini-batch loop, evaluation and prediction.
 *
 * `fit` shuffles the training set with a seeded generator every epoch, runs
 * forward, loss, backward and an optimizer step per batch with the model in
 * training mode, then measures the epoch in evaluation mode. Its history is
 * what the lessons plot.
 *
 * @module
 */
import { checkInteger, describe } from "./_check.ts";
import { show } from "./display.ts";
import type { Layer } from "./layer.ts";
import { meanSquaredError, softmaxCrossEntropy } from "./loss.ts";
import { Rng } from "./rng.ts";
import { argmaxRows, Tensor } from "./tensor.ts";

/** A labelled set: `y` holds class labels (cross-entropy) or target rows (mean squared error). */
export interface Dataset {
  readonly x: Tensor;
  readonly y: Int32Array | Tensor;
}

/** Anything with `step()` and `zeroGrad()`, such as `SGD` and `Adam`. */
export interface Optimizer {
  step(): void;
  zeroGrad(): void;
}

/** A model that can switch modes: a `Sequential`, or any layer with `training`. */
export type Model = Layer;

/** The two losses the course trains with. */
export type LossKind = "cross-entropy" | "mse";

/** What one epoch measured, in evaluation mode. */
export interface EpochRecord {
  /** 1-based epoch number. */
  epoch: number;
  /** Mean loss over the training set, model in evaluation mode. */
  trainLoss: number;
  /** Mean loss over the held-out set (NaN when there is none). */
  testLoss: number;
  /** Classification accuracy on the training set (NaN for "mse"). */
  trainAccuracy: number;
  /** Classification accuracy on the held-out set (NaN for "mse" or no held-out set). */
  testAccuracy: number;
}

/** Options of {@linkcode fit}. */
export interface FitOptions {
  /** The optimizer over `model.parameters()`. */
  optimizer: Optimizer;
  /** `"cross-entropy"` (labels in `y`) or `"mse"` (targets in `y`). */
  loss: LossKind;
  /** Passes over the training set, ≥ 1. */
  epochs: number;
  /** Examples per step, ≥ 1 (the last batch of an epoch may be smaller). */
  batchSize: number;
  /** Seed of the shuffling order. */
  seed: number;
  /** Optional held-out set, measured after every epoch. */
  test?: Dataset;
  /** Show a progress line that updates in place in Jupyter (default true; silent elsewhere). */
  progress?: boolean;
}

let progressCount = 0;

/**
 * Computes a loss and its gradient for one batch.
 */
function lossOf(kind: LossKind, yHat: Tensor, y: Int32Array | Tensor) {
  if (kind === "cross-entropy") {
    const { loss, dLogits } = softmaxCrossEntropy(yHat, y as Int32Array);
    return { loss, dYHat: dLogits };
  }
  return meanSquaredError(yHat, y as Tensor);
}

function checkDataset(name: string, data: Dataset, kind: LossKind): void {
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

/** Copies rows `order[start..end)` of a set into reusable batch buffers. */
function gather(
  data: Dataset,
  order: Uint32Array,
  start: number,
  x: Tensor,
  y: Int32Array | Tensor,
) {
  const cols = data.x.cols;
  for (let i = 0; i < x.rows; i++) {
    const r = order[start + i];
    x.data.set(data.x.data.subarray(r * cols, (r + 1) * cols), i * cols);
    if (y instanceof Tensor) {
      const t = data.y as Tensor;
      y.data.set(t.data.subarray(r * t.cols, (r + 1) * t.cols), i * t.cols);
    } else {
      y[i] = (data.y as Int32Array)[r];
    }
  }
}

/** Batch buffers of a given size, made once per `fit` and reused every step. */
function batchBuffers(data: Dataset, rows: number) {
  return {
    x: new Tensor(rows, data.x.cols),
    y: data.y instanceof Tensor ? new Tensor(rows, data.y.cols) : new Int32Array(rows),
  };
}

/**
 * Trains a model with mini-batches and returns what every epoch measured.
 *
 * @param model The network; it is left in evaluation mode.
 * @param train The training set.
 * @param options Optimizer, loss, epochs, batch size, shuffling seed, optional held-out set.
 * @returns One {@linkcode EpochRecord} per epoch (a promise: progress is shown between epochs).
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { fit, Linear, Rng, SGD, Tensor } from "./mod.ts";
 * const x = Tensor.fromRows([[0], [1], [2], [3]]);
 * const y = Tensor.fromRows([[1], [3], [5], [7]]); // y = 2x + 1
 * const model = new Linear(1, 1, new Rng(0));
 * const optimizer = new SGD(model.parameters(), { lr: 0.05 });
 * const history = await fit(model, { x, y }, {
 *   optimizer, loss: "mse", epochs: 200, batchSize: 4, seed: 1,
 * });
 * expect(history[199].trainLoss).toBeLessThan(1e-3);
 * ```
 */
export async function fit(
  model: Model,
  train: Dataset,
  options: FitOptions,
): Promise<EpochRecord[]> {
  const { optimizer, loss, test, progress = true } = options;
  if (loss !== "cross-entropy" && loss !== "mse") {
    throw new RangeError(`loss must be "cross-entropy" or "mse", got ${describe(loss)}`);
  }
  checkDataset("train", train, loss);
  if (test !== undefined) checkDataset("test", test, loss);
  const epochs = checkInteger("epochs", options.epochs, 1);
  const batchSize = checkInteger("batchSize", options.batchSize, 1);
  if (typeof optimizer?.step !== "function" || typeof optimizer?.zeroGrad !== "function") {
    throw new TypeError(`optimizer must have step() and zeroGrad(), got ${describe(optimizer)}`);
  }
  const rng = new Rng(options.seed);
  const n = train.x.rows;
  const full = batchBuffers(train, Math.min(batchSize, n));
  const rest = n % batchSize === 0 || n < batchSize ? full : batchBuffers(train, n % batchSize);
  const displayId = `course-fit-${++progressCount}`;
  const history: EpochRecord[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = rng.permutation(n);
    model.training = true;
    for (let start = 0; start < n; start += batchSize) {
      const batch = n - start >= full.x.rows ? full : rest;
      gather(train, order, start, batch.x, batch.y);
      optimizer.zeroGrad();
      const { dYHat } = lossOf(loss, model.forward(batch.x), batch.y);
      model.backward(dYHat);
      optimizer.step();
    }
    const onTrain = evaluate(model, train, loss);
    const onTest = test ? evaluate(model, test, loss) : { loss: NaN, accuracy: NaN };
    const record = {
      epoch,
      trainLoss: onTrain.loss,
      testLoss: onTest.loss,
      trainAccuracy: onTrain.accuracy,
      testAccuracy: onTest.accuracy,
    };
    history.push(record);
    // Awaiting the display lets Jupyter draw the line while training goes on.
    if (progress) {
      await show({ "text/plain": describeEpoch(record, epochs) }, { displayId, update: epoch > 1 });
    }
  }
  model.training = false;
  return history;
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
  if (loss !== "cross-entropy" && loss !== "mse") {
    throw new RangeError(`loss must be "cross-entropy" or "mse", got ${describe(loss)}`);
  }
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
