/**
 * Overfitting a noisy curve, with and without dropout: the experiment of
 * lesson 1. A `1 → width → width → 1` ReLU network trains full-batch with
 * Adam on a few points of `sin(2x) + noise` and records its mean squared
 * error on the training, validation and test sets as it goes.
 *
 * @module
 */
import type { CurveSplits } from "../data/synthetic.ts";
import { checkInRange, checkInteger } from "../nn/_check.ts";
import { evaluate } from "../nn/evaluate.ts";
import { mlp } from "../nn/mlp.ts";
import { Adam } from "../nn/optim.ts";
import type { Sequential } from "../nn/sequential.ts";
import { epochRunner } from "../nn/train.ts";

/** Options of {@linkcode trainOnCurve}. */
export interface CurveRunOptions {
  /** Seeds the initial weights (`mlp`'s seed: the same for every `p`) and the dropout masks. */
  seed: number;
  /** Drop probability after each hidden layer, in [0, 1]; 0 means no dropout layers. */
  p: number;
  /** The three sets (from `curveSplits`). */
  data: CurveSplits;
  /** Full-batch steps (default 2000). */
  epochs?: number;
  /** Adam's learning rate (default 0.01). */
  lr?: number;
  /** Units in each of the two hidden layers (default 64). */
  width?: number;
  /** Measure every this many epochs (default 10). */
  evaluateEvery?: number;
  /** Measure only from this epoch on (default 1), to save time when only the end matters. */
  recordFrom?: number;
  /** Called after every optimizer step, e.g. to apply weight decay to `model.parameters()`. */
  afterStep?: (model: Sequential) => void;
}

/** The three losses at one measured epoch, the network in evaluation mode. */
export interface CurvePoint {
  epoch: number;
  train: number;
  validation: number;
  test: number;
}

/** One finished run: its setting, the trained network (in evaluation mode) and its curve. */
export interface CurveRun {
  seed: number;
  p: number;
  model: Sequential;
  curve: CurvePoint[];
}

/**
 * Trains one network on a noisy curve and records its losses.
 *
 * @param options Seed, drop probability, data and training settings.
 * @returns The trained network and one {@linkcode CurvePoint} per measured epoch.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { curveSplits } from "../data/synthetic.ts";
 * import { trainOnCurve } from "./overfit.ts";
 * const data = curveSplits({ seed: 1, noise: 0.3, nTrain: 20, nValidation: 50, nTest: 50 });
 * const run = trainOnCurve({ seed: 1, p: 0, data, epochs: 200, width: 16 });
 * expect(run.curve.length).toBe(20);
 * expect(run.curve[19].train).toBeLessThan(run.curve[0].train);
 * ```
 */
export function trainOnCurve(options: CurveRunOptions): CurveRun {
  const { seed, data } = options;
  const p = checkInRange("p", options.p, 0, 1);
  const epochs = checkInteger("epochs", options.epochs ?? 2000, 1);
  const width = checkInteger("width", options.width ?? 64, 1);
  const every = checkInteger("evaluateEvery", options.evaluateEvery ?? 10, 1);
  const recordFrom = checkInteger("recordFrom", options.recordFrom ?? 1, 1, epochs);
  const model = mlp([1, width, width, 1], { seed, dropout: p });
  const optimizer = new Adam(model.parameters(), { lr: options.lr ?? 0.01 });
  const step = options.afterStep
    ? {
      step: () => (optimizer.step(), options.afterStep!(model)),
      zeroGrad: () => optimizer.zeroGrad(),
    }
    : optimizer;
  const runEpoch = epochRunner(model, data.train, {
    optimizer: step,
    loss: "mse",
    batchSize: data.train.x.rows, // full batch: one step per epoch
    seed,
  });
  const curve: CurvePoint[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    runEpoch();
    if (epoch < recordFrom || (epoch % every !== 0 && epoch !== epochs)) continue;
    curve.push({
      epoch,
      train: evaluate(model, data.train, "mse").loss,
      validation: evaluate(model, data.validation, "mse").loss,
      test: evaluate(model, data.test, "mse").loss,
    });
  }
  model.training = false;
  return { seed, p, model, curve };
}

/** What lesson 1 reads off a run: its end, and the epoch the validation set prefers. */
export interface CurveSummary {
  /** Mean training loss over the last `tail` measurements. */
  trainEnd: number;
  /** Mean validation loss over the last `tail` measurements. */
  validationEnd: number;
  /** Mean test loss over the last `tail` measurements. */
  testEnd: number;
  /** `testEnd − trainEnd`: how much worse unseen points fare than the training points. */
  gapEnd: number;
  /** The measured epoch with the lowest validation loss. */
  bestEpoch: number;
  /** Training loss at `bestEpoch`. */
  trainAtBest: number;
  /** Test loss at `bestEpoch` (chosen on validation, judged on test). */
  testAtBest: number;
}

/**
 * Summarises a run: the mean of its last `tail` measurements (which smooths
 * the wobble dropout adds), and the losses at the epoch whose validation loss
 * is lowest.
 *
 * @param run A run from {@linkcode trainOnCurve}.
 * @param tail How many of the last measurements to average (default 10).
 * @returns The {@linkcode CurveSummary}.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { summarizeCurve } from "./overfit.ts";
 * const curve = [3, 2, 1, 2].map((v, i) => ({ epoch: i + 1, train: 1 / (i + 1), validation: v, test: v }));
 * const s = summarizeCurve({ seed: 1, p: 0, model: undefined!, curve }, 2);
 * expect(s.bestEpoch).toBe(3);
 * expect(s.testEnd).toBe(1.5);
 * expect(s.trainAtBest).toBeCloseTo(1 / 3, 12);
 * ```
 */
export function summarizeCurve(run: CurveRun, tail = 10): CurveSummary {
  const n = checkInteger("tail", tail, 1, run.curve.length);
  const last = run.curve.slice(-n);
  const mean = (key: "train" | "validation" | "test") => last.reduce((s, c) => s + c[key], 0) / n;
  let best = run.curve[0];
  for (const c of run.curve) if (c.validation < best.validation) best = c;
  const trainEnd = mean("train"), testEnd = mean("test");
  return {
    trainEnd,
    validationEnd: mean("validation"),
    testEnd,
    gapEnd: testEnd - trainEnd,
    bestEpoch: best.epoch,
    trainAtBest: best.train,
    testAtBest: best.test,
  };
}
