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
import {
  checkFunction,
  checkInteger,
  checkLayer,
  checkObject,
  describe,
  orDefault,
} from "./_check.ts";
import { checkSetForModel } from "./_check_set.ts";
import { reusingBuffers } from "./_scratch.ts";
import { type Dataset, evaluate, type LossKind, lossOf, type Model } from "./evaluate.ts";
import { Rng } from "./rng.ts";
import { Tensor } from "./tensor.ts";

/** Anything with `step()` and `zeroGrad()`, such as `SGD` and `Adam`. */
export interface Optimizer {
  step(): void;
  zeroGrad(): void;
}

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
  /** Measure every this many epochs (default 1); the last epoch is always measured. */
  evaluateEvery?: number;
  /**
   * Called after each measured epoch with its record and the number of epochs,
   * e.g. `progressLine()` from the notebook tools to show a line that updates in place.
   */
  onEpoch?: (record: EpochRecord, epochs: number) => void | Promise<void>;
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

/** One mini-batch step at a time, from {@linkcode batchRunner}. */
export interface BatchRunner {
  /** Steps in one pass over the training set: ⌈n / batchSize⌉. */
  readonly stepsPerEpoch: number;
  /**
   * Trains on the next mini-batch (shuffling first when a pass begins), with
   * the model in training mode.
   *
   * @returns The batch's loss, measured in training mode (dropout masks on).
   */
  step(): number;
}

/**
 * Prepares mini-batch training as a step function: the first step of every
 * pass shuffles (with a generator seeded once, here), and each step runs
 * forward, loss, backward and an optimizer step on the next batch, with the
 * model in training mode. `epochRunner` is `stepsPerEpoch` of these; the
 * course's browser lab calls it directly to draw charts between steps.
 *
 * @param model The network.
 * @param train The training set.
 * @param options Optimizer, loss, batch size and shuffling seed.
 * @returns `{ stepsPerEpoch, step }`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { batchRunner, Linear, Rng, SGD, Tensor } from "./mod.ts";
 * const model = new Linear(1, 1, new Rng(0));
 * const data = { x: Tensor.fromRows([[0], [1], [2]]), y: Tensor.fromRows([[1], [3], [5]]) };
 * const optimizer = new SGD(model.parameters(), { lr: 0.05 });
 * const runner = batchRunner(model, data, { optimizer, loss: "mse", batchSize: 2, seed: 1 });
 * expect(runner.stepsPerEpoch).toBe(2);
 * const first = runner.step();
 * for (let i = 0; i < 400; i++) runner.step();
 * expect(runner.step()).toBeLessThan(first);
 * ```
 */
export function batchRunner(
  model: Model,
  train: Dataset,
  options: { optimizer: Optimizer; loss: LossKind; batchSize: number; seed: number },
): BatchRunner {
  checkLayer("model", model);
  checkObject("options", options, "an object { optimizer, loss, batchSize, seed }");
  const { optimizer, loss } = options;
  const batchSize = checkInteger("batchSize", options.batchSize, 1);
  if (typeof optimizer?.step !== "function" || typeof optimizer?.zeroGrad !== "function") {
    throw new TypeError(`optimizer must have step() and zeroGrad(), got ${describe(optimizer)}`);
  }
  const rng = new Rng(options.seed);
  // The whole set, before the first step: a bad row is named by its row in `train`.
  checkSetForModel("train", model, train, loss);
  const n = train.x.rows;
  const full = batchBuffers(train, Math.min(batchSize, n));
  const rest = n % batchSize === 0 || n < batchSize ? full : batchBuffers(train, n % batchSize);
  let order: Uint32Array = new Uint32Array(0), start = n;
  return {
    stepsPerEpoch: Math.ceil(n / batchSize),
    step() {
      if (start >= n) order = rng.permutation(n), start = 0;
      const batch = n - start >= full.x.rows ? full : rest;
      gather(train, order, start, batch.x, batch.y);
      start += batch.x.rows;
      model.training = true;
      // The layers may reuse their buffers of the step before (see `_scratch.ts`).
      return reusingBuffers(() => {
        optimizer.zeroGrad();
        const { loss: value, dYHat } = lossOf(loss, model.forward(batch.x), batch.y);
        model.backward(dYHat, false); // the input is data: no dX needed
        optimizer.step();
        return value;
      });
    },
  };
}

/**
 * Prepares one pass over the training set and returns it as a function: each
 * call shuffles (with a generator seeded once, here), then runs forward,
 * loss, backward and an optimizer step per mini-batch, with the model in
 * training mode. `fit` is a loop of these plus measurements; benchmarks and
 * lessons with their own loop can call it directly.
 *
 * The whole training set is checked here, before the first step: every row
 * finite, every label an integer below the model's number of outputs. A bad
 * row is named by its index in the set, and the model is left as it was.
 *
 * @param model The network.
 * @param train The training set.
 * @param options Optimizer, loss, batch size and shuffling seed.
 * @returns A function that trains for one epoch.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { epochRunner, Linear, Rng, SGD, Tensor } from "./mod.ts";
 * const model = new Linear(1, 1, new Rng(0));
 * const data = { x: Tensor.fromRows([[0], [1]]), y: Tensor.fromRows([[1], [3]]) };
 * const optimizer = new SGD(model.parameters(), { lr: 0.1 });
 * const runEpoch = epochRunner(model, data, { optimizer, loss: "mse", batchSize: 2, seed: 1 });
 * for (let i = 0; i < 300; i++) runEpoch();
 * expect(model.forward(Tensor.fromRows([[2]])).data[0]).toBeCloseTo(5, 2);
 * ```
 */
export function epochRunner(
  model: Model,
  train: Dataset,
  options: { optimizer: Optimizer; loss: LossKind; batchSize: number; seed: number },
): () => void {
  const runner = batchRunner(model, train, options);
  return () => {
    for (let s = 0; s < runner.stepsPerEpoch; s++) runner.step();
  };
}

/**
 * Trains a model with mini-batches and returns what every epoch measured.
 *
 * @param model The network; it is left in evaluation mode.
 * @param train The training set.
 * @param options Optimizer, loss, epochs, batch size, shuffling seed, optional held-out set.
 * @returns One {@linkcode EpochRecord} per measured epoch (a promise, so `onEpoch` may await a display).
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
  checkObject("options", options, "an object { optimizer, loss, epochs, batchSize, seed }");
  const { optimizer, loss, test, batchSize, onEpoch } = options;
  // Everything is checked before the first step, so a bad call trains nothing.
  // batchRunner checks the loss, the training set, the batch size and the optimizer.
  const runEpoch = epochRunner(model, train, { optimizer, loss, batchSize, seed: options.seed });
  if (test !== undefined) checkSetForModel("test", model, test, loss);
  const epochs = checkInteger("epochs", options.epochs, 1);
  const evaluateEvery = checkInteger("evaluateEvery", orDefault(options.evaluateEvery, 1), 1);
  if (onEpoch !== undefined) checkFunction("onEpoch", onEpoch);
  const history: EpochRecord[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    runEpoch();
    if (epoch % evaluateEvery !== 0 && epoch !== epochs) continue;
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
    // Awaiting the callback lets Jupyter draw a progress line while training goes on.
    if (onEpoch) await onEpoch(record, epochs);
  }
  model.training = false;
  return history;
}
