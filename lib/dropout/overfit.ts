/**
 * Overfitting a noisy curve, with and without dropout: the experiment of
 * lesson 1. A `1 → width → width → 1` ReLU network trains full-batch with
 * Adam on a few points of `sin(2x) + noise` and records its mean squared
 * error on the training, validation and test sets as it goes.
 *
 * @module
 */
import { type CurveSplits, curveSplits } from "../data/synthetic.ts";
import { checkInRange, checkInteger, checkObject, describe, orDefault } from "../nn/_check.ts";
import { evaluate } from "../nn/evaluate.ts";
import { mlp } from "../nn/mlp.ts";
import { Adam } from "../nn/optim.ts";
import type { Sequential } from "../nn/sequential.ts";
import { Tensor } from "../nn/tensor.ts";
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
  checkObject("options", options, "an object { seed, p, data, … }");
  const { seed, data } = options;
  checkInteger("seed", seed, Number.MIN_SAFE_INTEGER);
  checkObject("data", data, "curve splits { train, validation, test }");
  const p = checkInRange("p", options.p, 0, 1);
  const epochs = checkInteger("epochs", orDefault(options.epochs, 2000), 1);
  const width = checkInteger("width", orDefault(options.width, 64), 1);
  const every = checkInteger("evaluateEvery", orDefault(options.evaluateEvery, 10), 1);
  const recordFrom = checkInteger("recordFrom", orDefault(options.recordFrom, 1), 1, epochs);
  const model = mlp([1, width, width, 1], { seed, dropout: p });
  const optimizer = new Adam(model.parameters(), { lr: orDefault(options.lr, 0.01) });
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
 * @param run A run from {@linkcode trainOnCurve} or {@linkcode curveRunData} (only its curve is read).
 * @param tail How many of the last measurements to average (default 10).
 * @returns The {@linkcode CurveSummary}.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { summarizeCurve } from "./overfit.ts";
 * const curve = [3, 2, 1, 2].map((v, i) => ({ epoch: i + 1, train: 1 / (i + 1), validation: v, test: v }));
 * const s = summarizeCurve({ curve }, 2);
 * expect(s.bestEpoch).toBe(3);
 * expect(s.testEnd).toBe(1.5);
 * expect(s.trainAtBest).toBeCloseTo(1 / 3, 12);
 * ```
 */
export function summarizeCurve(run: { curve: CurvePoint[] }, tail = 10): CurveSummary {
  checkObject("run", run, "a run { curve }");
  if (!Array.isArray(run.curve) || run.curve.length === 0) {
    throw new RangeError(
      `run.curve must be a non-empty array of points, got ${describe(run.curve)}`,
    );
  }
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

/** One run as plain data (no network), so that it can cross threads: see {@linkcode curveRunData}. */
export interface CurveRunData {
  seed: number;
  p: number;
  curve: CurvePoint[];
  /** The trained network's prediction at `gridX`. */
  fitted: number[];
  /** 121 evenly spaced points of [−1.5, 1.5]. */
  gridX: number[];
}

/**
 * Lesson 1's run for one seed and rate, as plain data: draws the seed's sets
 * (`curveSplits` with noise 0.3 and 20 / 200 / 200 points), trains with
 * {@linkcode trainOnCurve}, and returns the curve and the fitted line on a
 * grid. Plain data crosses to a worker and back, so `inParallel` can run
 * many of these at once.
 *
 * @param options `seed`, `p`, and optionally `recordFrom` (see {@linkcode CurveRunOptions}).
 * @returns The {@linkcode CurveRunData}.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { curveRunData } from "./overfit.ts";
 * const run = curveRunData({ seed: 1, p: 0.5, epochs: 20, recordFrom: 11 });
 * expect(run.curve.map((c) => c.epoch)).toEqual([20]);
 * expect(run.fitted.length).toBe(121);
 * ```
 */
export function curveRunData(
  options: { seed: number; p: number; recordFrom?: number; epochs?: number },
): CurveRunData {
  checkObject("options", options, "an object { seed, p, recordFrom?, epochs? }");
  const { seed, p } = options;
  const data = curveSplits({ seed, noise: 0.3, nTrain: 20, nValidation: 200, nTest: 200 });
  const run = trainOnCurve({
    seed,
    p,
    data,
    recordFrom: options.recordFrom,
    epochs: options.epochs,
  });
  const gridX = Array.from({ length: 121 }, (_, i) => -1.5 + (3 * i) / 120);
  const fitted = Array.from(run.model.forward(new Tensor(121, 1, Float32Array.from(gridX))).data);
  return { seed, p, curve: run.curve, fitted, gridX };
}
