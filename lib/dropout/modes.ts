/**
 * Training mode versus evaluation mode, measured: the two training losses a
 * practitioner can log, and what predicting in the wrong mode costs.
 *
 * A framework's "training loss" is usually the mean of the mini-batch losses
 * of an epoch, computed in training mode, on thinned networks. The validation
 * loss is computed in evaluation mode, on the full network. The two are not
 * measured on the same kind of network, which is why the first can sit above
 * the second.
 *
 * @module
 */
import { checkInteger, checkLayer, checkObject, describe } from "../nn/_check.ts";
import { checkSetForModel } from "../nn/_check_set.ts";
import { accuracy, type Dataset, lossOf, type Model } from "../nn/evaluate.ts";
import { Rng } from "../nn/rng.ts";
import { argmaxRows, Tensor } from "../nn/tensor.ts";
import type { Optimizer } from "../nn/train.ts";
import { saveLastForward } from "../nn/_last_forward.ts";
import { reusingBuffers } from "../nn/_scratch.ts";

/** One epoch's losses, measured four ways. */
export interface ModeEpoch {
  /** 1-based epoch number. */
  epoch: number;
  /** The mean of the epoch's mini-batch losses, in training mode: what frameworks print. */
  reported: number;
  /** The training set after the epoch, one full pass in training mode (fresh masks). */
  trainMode: number;
  /** The training set after the epoch, in evaluation mode. */
  evalMode: number;
  /** The validation set after the epoch, in evaluation mode. */
  validation: number;
}

/** Options of {@linkcode fitBothModes}. */
export interface FitBothModesOptions {
  /** The optimizer over `model.parameters()`. */
  optimizer: Optimizer;
  /** Passes over the training set, ≥ 1. */
  epochs: number;
  /** Examples per step, ≥ 2. */
  batchSize: number;
  /** Seed of the shuffling order. */
  seed: number;
  /** Measure every this many epochs (default 1); the last epoch is always measured. */
  measureEvery?: number;
}

/** Copies the given rows of a labelled set into a new batch. */
function rowsOf(data: Dataset, order: Uint32Array, start: number, end: number) {
  const cols = data.x.cols, x = new Tensor(end - start, cols), y = new Int32Array(end - start);
  for (let i = start; i < end; i++) {
    x.data.set(data.x.data.subarray(order[i] * cols, (order[i] + 1) * cols), (i - start) * cols);
    y[i - start] = (data.y as Int32Array)[order[i]];
  }
  return { x, y };
}

/**
 * The cross-entropy of a whole labelled set in one pass, with the model in the
 * given mode (its dropout layers draw fresh masks in training mode and
 * advance); the model's mode is restored.
 *
 * @param model A classifier that outputs logits.
 * @param data The set, with labels.
 * @param training `true`: training mode (thinned networks); `false`: evaluation mode.
 * @returns The mean cross-entropy.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { lossInMode, mlp, Tensor } from "../mod.ts";
 * const model = mlp([2, 64, 2], { seed: 1, dropout: 0.5 }).eval();
 * const data = { x: Tensor.fromRows([[1, 2], [2, 1]]), y: new Int32Array([0, 1]) };
 * expect(lossInMode(model, data, false)).toBe(lossInMode(model, data, false)); // deterministic
 * expect(lossInMode(model, data, true)).not.toBe(lossInMode(model, data, false));
 * expect(model.training).toBe(false);
 * ```
 */
export function lossInMode(model: Model, data: Dataset, training: boolean): number {
  checkLayer("model", model);
  checkSetForModel("data", model, data, "cross-entropy");
  if (typeof training !== "boolean") {
    throw new TypeError(`training must be a boolean, got ${describe(training)}`);
  }
  const was = model.training, restore = saveLastForward(model);
  model.training = training;
  try {
    return lossOf("cross-entropy", model.forward(data.x), data.y).loss;
  } finally {
    model.training = was;
    restore(); // the layers remember their last forward from before
  }
}

/**
 * Trains a classifier with mini-batch cross-entropy, like `fit`, and after each
 * epoch measures the training loss both ways (training mode and evaluation
 * mode) beside the validation loss and the loss a framework would report.
 *
 * @param model The network; it is left in evaluation mode.
 * @param train The training set (labels).
 * @param validation The validation set (labels).
 * @param options Optimizer, epochs, batch size, shuffling seed, how often to measure.
 * @returns One {@linkcode ModeEpoch} per measured epoch.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Adam, fitBothModes, mlp, Tensor } from "../mod.ts";
 * const x = Tensor.fromRows([[0, 1], [1, 0], [0, 1], [1, 0]]);
 * const data = { x, y: new Int32Array([0, 1, 0, 1]) };
 * const model = mlp([2, 16, 2], { seed: 1, dropout: 0.5 });
 * const optimizer = new Adam(model.parameters(), { lr: 0.05 });
 * const history = await fitBothModes(model, data, data, { optimizer, epochs: 30, batchSize: 2, seed: 1 });
 * expect(history.at(-1)!.evalMode).toBe(history.at(-1)!.validation); // the same set, the same mode
 * expect(history.at(-1)!.evalMode).toBeLessThan(history[0].evalMode);
 * ```
 */
export async function fitBothModes(
  model: Model,
  train: Dataset,
  validation: Dataset,
  options: FitBothModesOptions,
): Promise<ModeEpoch[]> {
  checkLayer("model", model);
  checkSetForModel("train", model, train, "cross-entropy");
  checkSetForModel("validation", model, validation, "cross-entropy");
  checkObject("options", options, "an object { optimizer, epochs, batchSize, seed }");
  const { optimizer } = options;
  if (typeof optimizer?.step !== "function" || typeof optimizer?.zeroGrad !== "function") {
    throw new TypeError(`optimizer must have step() and zeroGrad(), got ${describe(optimizer)}`);
  }
  const epochs = checkInteger("epochs", options.epochs, 1);
  const batchSize = checkInteger("batchSize", options.batchSize, 2);
  const measureEvery = checkInteger("measureEvery", options.measureEvery ?? 1, 1);
  const rng = new Rng(options.seed), n = train.x.rows, history: ModeEpoch[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = rng.permutation(n);
    model.training = true;
    let sum = 0;
    // A last batch of one example would break batch statistics: it joins the previous one.
    for (let start = 0; start < n; start += batchSize) {
      const end = n - (start + batchSize) < 2 ? n : start + batchSize;
      const batch = rowsOf(train, order, start, end);
      // The layers may reuse their buffers of the step before (see `nn/_scratch.ts`).
      sum += reusingBuffers(() => {
        optimizer.zeroGrad();
        const { loss, dYHat } = lossOf("cross-entropy", model.forward(batch.x), batch.y);
        model.backward(dYHat, false);
        optimizer.step();
        return loss;
      }) * (end - start);
      if (end === n) break;
    }
    if (epoch % measureEvery !== 0 && epoch !== epochs) continue;
    history.push({
      epoch,
      reported: sum / n,
      trainMode: lossInMode(model, train, true),
      evalMode: lossInMode(model, train, false),
      validation: lossInMode(model, validation, false),
    });
    await Promise.resolve(); // let a notebook draw between epochs
  }
  model.training = false;
  return history;
}

/**
 * What forgetting `model.eval()` costs: the accuracy of one prediction pass in
 * training mode beside one in evaluation mode, and the share of examples whose
 * predicted class differs between two training-mode passes on the same input
 * (in evaluation mode that share is 0).
 *
 * @param model A classifier that outputs logits; its mode is restored.
 * @param data The examples and their labels.
 * @returns `{ evalAccuracy, trainAccuracy, changed, evalChanged }` (shares in [0, 1]).
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { mlp, modeCost, Tensor } from "../mod.ts";
 * const model = mlp([3, 32, 4], { seed: 2, dropout: 0.5 });
 * const data = { x: Tensor.fromRows([[1, 2, 3], [3, 2, 1]]), y: new Int32Array([0, 1]) };
 * const cost = modeCost(model, data);
 * expect(cost.evalChanged).toBe(0); // evaluation is deterministic
 * expect(model.training).toBe(true); // restored
 * ```
 */
export function modeCost(model: Model, data: Dataset): {
  evalAccuracy: number;
  trainAccuracy: number;
  changed: number;
  evalChanged: number;
} {
  checkLayer("model", model);
  checkSetForModel("data", model, data, "cross-entropy");
  const labels = data.y as Int32Array, was = model.training, restore = saveLastForward(model);
  const pass = (training: boolean) => {
    model.training = training;
    return model.forward(data.x);
  };
  const share = (a: Int32Array, b: Int32Array) => a.filter((v, i) => v !== b[i]).length / a.length;
  try {
    const eval1 = pass(false),
      evalGuess = argmaxRows(eval1),
      evalAccuracy = accuracy(eval1, labels);
    const evalChanged = share(evalGuess, argmaxRows(pass(false)));
    const train1 = pass(true), trainGuess = argmaxRows(train1);
    const trainAccuracy = accuracy(train1, labels);
    const changed = share(trainGuess, argmaxRows(pass(true)));
    return { evalAccuracy, trainAccuracy, changed, evalChanged };
  } finally {
    model.training = was;
    restore(); // the layers remember their last forward from before
  }
}
