/**
 * The variance shift (Li, Chen, Hu & Yang, 2019): inverted dropout keeps each
 * unit's mean but adds variance x² · p/(1 − p), so a BatchNorm layer that
 * follows it measures, in training, a larger variance than it will see in
 * evaluation, and standardizes evaluation inputs with the wrong scale.
 *
 * For the pattern Dropout(p) → Linear → BatchNorm1d, with h the (evaluation)
 * input of the dropout and z = (h ⊙ m/keep)·W + b the input of the
 * BatchNorm, the masks add, for each feature j,
 *   Var_train(z_j) = Var_eval(z_j) + (p/(1 − p)) · mean over rows of Σ_k W_kj² h_k²,
 * because the masks are independent of each other and of the data.
 *
 * @module
 */
import { checkInteger, describe } from "../nn/_check.ts";
import { BatchNorm1d } from "../nn/batchnorm.ts";
import { Dropout } from "../nn/dropout.ts";
import { Linear } from "../nn/linear.ts";
import { Sequential } from "../nn/sequential.ts";
import { checkBatch, type Tensor } from "../nn/tensor.ts";
import { saveLastForward } from "../nn/_last_forward.ts";

/** The variance of each feature entering a BatchNorm layer, four ways. */
export interface VarianceShift {
  /** The drop probability of the Dropout two layers before the BatchNorm (0 if none). */
  p: number;
  /** Over the rows of x, all dropout off (what evaluation feeds the layer). */
  evalVar: Float64Array;
  /** Over the rows of x, the dropout layers sampling masks (one pass; BatchNorms in evaluation). */
  trainVar: Float64Array;
  /** evalVar plus the shift the formula predicts. */
  predictedVar: Float64Array;
  /** The running variance the BatchNorm collected in training and uses in evaluation. */
  runningVar: Float32Array;
}

/** Biased variance of each column. */
function columnVariance(z: Tensor): Float64Array {
  const mean = new Float64Array(z.cols), variance = new Float64Array(z.cols);
  for (let i = 0; i < z.rows; i++) {
    for (let j = 0; j < z.cols; j++) mean[j] += z.data[i * z.cols + j];
  }
  for (let j = 0; j < z.cols; j++) mean[j] /= z.rows;
  for (let i = 0; i < z.rows; i++) {
    for (let j = 0; j < z.cols; j++) variance[j] += (z.data[i * z.cols + j] - mean[j]) ** 2;
  }
  for (let j = 0; j < z.cols; j++) variance[j] /= z.rows;
  return variance;
}

/** Runs the first `count` layers, dropout layers in `dropoutOn` mode, everything else in evaluation. */
function runPrefix(model: Sequential, count: number, x: Tensor, dropoutOn: boolean): Tensor {
  for (let i = 0; i < count; i++) {
    const layer = model.layers[i];
    layer.training = dropoutOn && !(layer instanceof BatchNorm1d);
    x = layer.forward(x);
  }
  return x;
}

/**
 * Measures the variance shift at one BatchNorm layer of a model: the variance
 * of its input with dropout off and on, the variance the formula predicts, and
 * the running variance the layer collected in training.
 *
 * @param model A `Sequential` in which `layers[bn]` is a `BatchNorm1d` fed by a `Linear`.
 * @param bn The index of that BatchNorm layer.
 * @param x Inputs to measure on (at least 2 rows); the model's mode is restored.
 * @returns A {@linkcode VarianceShift}.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { BatchNorm1d, Dropout, Linear, Rng, Sequential, Tensor, varianceShift } from "../mod.ts";
 * const rng = new Rng(1);
 * const model = new Sequential(
 *   new Dropout(0.5, rng.fork(1)), new Linear(8, 4, rng.fork(2)), new BatchNorm1d(4),
 * );
 * const x = new Tensor(2000, 8);
 * rng.fillUniform(x.data);
 * const shift = varianceShift(model, 2, x);
 * expect(shift.trainVar[0] / shift.predictedVar[0]).toBeCloseTo(1, 1);
 * expect(shift.trainVar[0]).toBeGreaterThan(shift.evalVar[0]);
 * ```
 */
export function varianceShift(model: Sequential, bn: number, x: Tensor): VarianceShift {
  if (!(model instanceof Sequential)) {
    throw new TypeError(`model must be a Sequential, got ${describe(model)}`);
  }
  checkInteger("bn", bn, 1, model.layers.length - 1);
  const norm = model.layers[bn], linear = model.layers[bn - 1];
  if (!(norm instanceof BatchNorm1d) || !(linear instanceof Linear)) {
    throw new RangeError(
      `layers[bn] must be a BatchNorm1d fed by a Linear, got ${describe(linear)} → ${
        describe(norm)
      }`,
    );
  }
  checkBatch("x", x);
  const before = bn >= 2 ? model.layers[bn - 2] : undefined;
  const p = before instanceof Dropout ? before.p : 0;
  const modes = model.layers.map((layer) => layer.training), restore = saveLastForward(model);
  try {
    const evalVar = columnVariance(runPrefix(model, bn, x, false));
    const trainVar = columnVariance(runPrefix(model, bn, x, true));
    // h: what enters the dropout (dropout off); shift_j = p/(1 − p) · mean_rows Σ_k W_kj² h_k².
    const h = runPrefix(model, Math.max(0, bn - 2), x, false);
    const W = linear.W.value, out = W.cols, predictedVar = new Float64Array(evalVar);
    if (p > 0) {
      const w2 = W.data.map((w) => w * w), hs = new Float64Array(out);
      for (let i = 0; i < h.rows; i++) {
        for (let k = 0; k < h.cols; k++) {
          const h2 = h.data[i * h.cols + k] ** 2;
          if (h2 === 0) continue;
          for (let j = 0; j < out; j++) hs[j] += h2 * w2[k * out + j];
        }
      }
      for (let j = 0; j < out; j++) predictedVar[j] += (p / (1 - p)) * hs[j] / h.rows;
    }
    return { p, evalVar, trainVar, predictedVar, runningVar: Float32Array.from(norm.runningVar) };
  } finally {
    model.layers.forEach((layer, i) => (layer.training = modes[i]));
    restore(); // the layers remember their last forward from before
  }
}
