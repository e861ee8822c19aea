/**
 * Ensembles: K independently trained networks whose predictions are
 * averaged, ŷ = (1/K) Σ ŷ_k (claims S1-3 and S1-4).
 *
 * @module
 */
import { checkFunction, checkInteger, checkLayer, checkObject, describe } from "../nn/_check.ts";
import type { Layer } from "../nn/layer.ts";
import { softmax } from "../nn/loss.ts";
import { Rng } from "../nn/rng.ts";
import { Tensor } from "../nn/tensor.ts";
import { checkSetForModel } from "../nn/_check_set.ts";
import { checkLossKind } from "../nn/_dataset.ts";
import { checkDataset, type Dataset, predict } from "../nn/evaluate.ts";
import { type EpochRecord, fit, type FitOptions, type Optimizer } from "../nn/train.ts";

/**
 * A bootstrap sample: as many rows as `data`, drawn with replacement.
 *
 * @param data The set to resample, checked whole first (finite rows, labels ≥ 0).
 * @param rng The generator of the draws (it advances).
 * @returns A new set of the same size.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { bootstrap, Rng, Tensor } from "../mod.ts";
 * const data = { x: Tensor.fromRows([[0], [1], [2]]), y: new Int32Array([0, 1, 2]) };
 * const sample = bootstrap(data, new Rng(1));
 * expect(sample.x.rows).toBe(3);
 * ```
 */
export function bootstrap(data: Dataset, rng: Rng): Dataset {
  checkDataset("data", data);
  if (!(rng instanceof Rng)) throw new TypeError(`rng must be an Rng, got ${describe(rng)}`);
  const n = data.x.rows, cols = data.x.cols;
  const x = new Tensor(n, cols);
  const labels = data.y instanceof Int32Array;
  const y = labels ? new Int32Array(n) : new Tensor(n, (data.y as Tensor).cols);
  for (let i = 0; i < n; i++) {
    const r = rng.int(n);
    x.data.set(data.x.data.subarray(r * cols, (r + 1) * cols), i * cols);
    if (labels) (y as Int32Array)[i] = (data.y as Int32Array)[r];
    else {
      const t = data.y as Tensor, out = y as Tensor;
      out.data.set(t.data.subarray(r * t.cols, (r + 1) * t.cols), i * t.cols);
    }
  }
  return { x, y };
}

/** Options of {@linkcode trainEnsemble}: those of `fit`, less the optimizer, plus resampling. */
export type EnsembleOptions = Omit<FitOptions, "optimizer"> & {
  /** Train each member on its own bootstrap sample (bagging) instead of the whole set. */
  bootstrap?: boolean;
};

/**
 * Trains K members. `build(k)` makes member k's network and optimizer (give
 * each its own seed, e.g. `rng.fork(k)`); member k shuffles with seed
 * `options.seed + k`.
 *
 * @param k Number of members, ≥ 1.
 * @param build Makes member k's `{ model, optimizer }`.
 * @param train The training set.
 * @param options Loss, epochs, batch size, seed, optional held-out set and bootstrap.
 * @returns The trained members and their histories.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Linear, Rng, SGD, Tensor, trainEnsemble } from "../mod.ts";
 * const data = { x: Tensor.fromRows([[0], [1]]), y: Tensor.fromRows([[1], [3]]) };
 * const { members } = await trainEnsemble(3, (k) => {
 *   const model = new Linear(1, 1, new Rng(k));
 *   return { model, optimizer: new SGD(model.parameters(), { lr: 0.1 }) };
 * }, data, { loss: "mse", epochs: 5, batchSize: 2, seed: 0 });
 * expect(members.length).toBe(3);
 * ```
 */
export async function trainEnsemble(
  k: number,
  build: (member: number) => { model: Layer; optimizer: Optimizer },
  train: Dataset,
  options: EnsembleOptions,
): Promise<{ members: Layer[]; histories: EpochRecord[][] }> {
  checkInteger("k", k, 1);
  checkFunction("build", build);
  checkObject("options", options, "an object { loss, epochs, batchSize, seed }");
  // The set and the options are checked before any member trains; each member's
  // `fit` then checks the set against its model before its first step.
  checkLossKind(options.loss);
  checkDataset("train", train, options.loss);
  checkInteger("seed", options.seed, Number.MIN_SAFE_INTEGER);
  checkInteger("epochs", options.epochs, 1);
  checkInteger("batchSize", options.batchSize, 1);
  const members: Layer[] = [];
  const histories: EpochRecord[][] = [];
  for (let member = 0; member < k; member++) {
    const built = build(member);
    checkObject(`build(${member})`, built, "an object { model, optimizer }");
    const { model, optimizer } = built;
    checkLayer(`build(${member}).model`, model);
    // Against the model, before resampling: a bad label is named by its row in `train`.
    checkSetForModel("train", model, train, options.loss);
    const data = options.bootstrap ? bootstrap(train, new Rng(options.seed).fork(member)) : train;
    histories.push(await fit(model, data, { ...options, optimizer, seed: options.seed + member }));
    members.push(model);
  }
  return { members, histories };
}

/**
 * The ensemble's prediction: the mean of its members' class probabilities.
 *
 * @param members Trained classifiers with the same outputs.
 * @param x Inputs, one example per row.
 * @returns Averaged softmax probabilities, one row per example.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { averagePredictions, Linear, Rng, Tensor } from "../mod.ts";
 * const members = [new Linear(2, 3, new Rng(1)), new Linear(2, 3, new Rng(2))];
 * const probs = averagePredictions(members, Tensor.fromRows([[1, -1]]));
 * expect(probs.data.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
 * ```
 */
export function averagePredictions(members: readonly Layer[], x: Tensor): Tensor {
  if (!Array.isArray(members) || members.length === 0) {
    throw new RangeError(`members must be a non-empty array of models, got ${describe(members)}`);
  }
  members.forEach((m, i) => checkLayer(`members[${i}]`, m));
  const mean = softmax(predict(members[0], x));
  for (let m = 1; m < members.length; m++) {
    const probs = softmax(predict(members[m], x));
    if (probs.cols !== mean.cols) {
      throw new RangeError(
        `members[${m}] outputs ${probs.cols} classes, members[0] outputs ${mean.cols}`,
      );
    }
    for (let i = 0; i < mean.data.length; i++) mean.data[i] += probs.data[i];
  }
  for (let i = 0; i < mean.data.length; i++) mean.data[i] /= members.length;
  return mean;
}
