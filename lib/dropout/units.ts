/**
 * Looking inside one hidden layer of a trained network: how its units are
 * used ({@linkcode activationStats}) and what each one is worth
 * ({@linkcode ablateUnits}).
 *
 * Both run the model in evaluation mode and leave its mode as they found it.
 * A "layer" is an index into a `Sequential`'s layers; its output holds the
 * units (for a hidden layer, pick the ReLU that follows a Linear).
 *
 * @module
 */
import {
  checkFiniteValues,
  checkInteger,
  checkLabels,
  checkObject,
  describe,
} from "../nn/_check.ts";
import { Dropout } from "../nn/dropout.ts";
import { Linear } from "../nn/linear.ts";
import { softmaxCrossEntropy } from "../nn/loss.ts";
import { Sequential } from "../nn/sequential.ts";
import { checkBatch, Tensor } from "../nn/tensor.ts";
import { accuracy } from "../nn/evaluate.ts";
import { saveLastForward } from "../nn/_last_forward.ts";
import { reusingBuffers } from "../nn/_scratch.ts";

/** Per-unit usage of a layer's outputs over a batch. */
export interface ActivationStats {
  /** Mean output of each unit over the batch. */
  meanPerUnit: Float64Array;
  /** Fraction of the batch on which each unit outputs exactly 0. */
  zeroFractionPerUnit: Float64Array;
  /** Fraction of all (example, unit) outputs that are exactly 0. */
  zeroFraction: number;
  /** Mean of all outputs. */
  mean: number;
  /** Variance of all outputs (divisor n·m, over every example and unit). */
  variance: number;
}

/** Runs layers[0..=layer] in evaluation mode and returns that layer's output. */
function runPrefix(model: Sequential, layer: number, x: Tensor): Tensor {
  const wasTraining = model.layers.map((l) => l.training), restore = saveLastForward(model);
  model.training = false;
  try {
    for (let i = 0; i <= layer; i++) x = model.layers[i].forward(x);
    return x;
  } finally {
    model.layers.forEach((l, i) => l.training = wasTraining[i]);
    restore(); // the layers remember their last forward from before
  }
}

function checkModelLayer(model: unknown, layer: unknown): number {
  if (!(model instanceof Sequential)) {
    throw new TypeError(`model must be a Sequential, got ${describe(model)}`);
  }
  return checkInteger("layer", layer, 0, model.layers.length - 1);
}

/**
 * Per-unit statistics of one layer's outputs in evaluation mode: each unit's
 * mean activation and how often it is exactly zero (a ReLU unit that is "off").
 *
 * @param model A `Sequential`; its mode is restored afterwards.
 * @param layer Index of the layer whose outputs are the units (e.g. a ReLU).
 * @param x Inputs, one example per row.
 * @returns {@linkcode ActivationStats}.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { activationStats, Linear, ReLU, Rng, Sequential, Tensor } from "../mod.ts";
 * const fc = new Linear(1, 2, new Rng(0));
 * fc.W.value.data.set([1, -1]), fc.b.value.data.set([0, 0]);
 * const stats = activationStats(new Sequential(fc, new ReLU()), 1, Tensor.fromRows([[1], [3]]));
 * expect(Array.from(stats.meanPerUnit)).toEqual([2, 0]); // unit 1 never fires
 * expect(stats.zeroFraction).toBe(0.5);
 * expect(stats.variance).toBe(1.5); // outputs 1, 0, 3, 0 around their mean 1: (0 + 1 + 4 + 1) / 4
 * ```
 */
export function activationStats(model: Sequential, layer: number, x: Tensor): ActivationStats {
  layer = checkModelLayer(model, layer);
  checkBatch("x", x);
  const h = runPrefix(model, layer, x);
  const n = h.rows, m = h.cols;
  const meanPerUnit = new Float64Array(m), zeroFractionPerUnit = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const v = h.data[i * m + j];
      meanPerUnit[j] += v;
      if (v === 0) zeroFractionPerUnit[j]++;
    }
  }
  let sum = 0, zeros = 0;
  for (let j = 0; j < m; j++) {
    sum += meanPerUnit[j], zeros += zeroFractionPerUnit[j];
    meanPerUnit[j] /= n, zeroFractionPerUnit[j] /= n;
  }
  const mean = sum / (n * m);
  let squares = 0;
  for (let i = 0; i < n * m; i++) squares += (h.data[i] - mean) ** 2;
  return {
    meanPerUnit,
    zeroFractionPerUnit,
    zeroFraction: zeros / (n * m),
    mean,
    variance: squares / (n * m),
  };
}

/** What removing each unit of a layer does to a classifier. */
export interface Ablation {
  /** Accuracy of the intact network. */
  baselineAccuracy: number;
  /** Mean cross-entropy of the intact network. */
  baselineLoss: number;
  /** Accuracy with unit j's output forced to 0, for each j. */
  accuracy: Float64Array;
  /** Mean cross-entropy with unit j's output forced to 0, for each j. */
  loss: Float64Array;
}

/**
 * Checks an ablation's data, and finds the Linear layer whose inputs are the
 * units of `layer` (skipping inverted Dropout layers, which keep the width).
 */
function ablationSite(
  model: Sequential,
  layer: number,
  data: { x: Tensor; y: Int32Array },
): { k: number; next: Linear } {
  checkObject("data", data, "an object { x, y }");
  checkBatch("data.x", data.x);
  checkFiniteValues("data.x", data.x.data, data.x.cols);
  if (!(data.y instanceof Int32Array) || data.y.length !== data.x.rows) {
    throw new TypeError(
      `data.y must be an Int32Array of ${data.x.rows} labels, got ${describe(data.y)}`,
    );
  }
  let k = layer + 1;
  while (model.layers[k] instanceof Dropout && (model.layers[k] as Dropout).mode === "inverted") {
    k++;
  }
  const next = model.layers[k];
  if (!(next instanceof Linear)) {
    throw new RangeError(
      `the layers after layer ${layer} must be inverted Dropout layers and then a Linear, ` +
        `got ${describe(next)} at index ${k}`,
    );
  }
  return { k, next };
}

/**
 * Single-unit ablation: for every unit j of one layer, the accuracy and loss
 * of the classifier when unit j's output is forced to 0 at test time (the
 * unit is removed; every other unit and weight is untouched).
 *
 * The layers after `layer` must be zero or more inverted `Dropout` layers
 * (the identity in evaluation mode) and then a `Linear`. Removing unit j then
 * changes that Linear's output by −h_j·W[j, :], a rank-one update, so each
 * ablation costs one pass through the layers *after* that Linear rather than
 * a full forward pass.
 *
 * @param model A classifier that outputs logits; its mode is restored afterwards.
 * @param layer Index of the layer whose outputs are the units.
 * @param data Inputs `x` and class labels `y`.
 * @returns {@linkcode Ablation}.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { ablateUnits, Linear, ReLU, Rng, Sequential, Tensor } from "../mod.ts";
 * const rng = new Rng(1);
 * const model = new Sequential(new Linear(3, 4, rng.fork(1)), new ReLU(), new Linear(4, 2, rng.fork(2)));
 * const data = { x: Tensor.fromRows([[1, 0, 2], [0, 1, 1]]), y: new Int32Array([0, 1]) };
 * const result = ablateUnits(model, 1, data);
 * expect(result.accuracy.length).toBe(4); // one entry per hidden unit
 * ```
 */
export function ablateUnits(
  model: Sequential,
  layer: number,
  data: { x: Tensor; y: Int32Array },
): Ablation {
  layer = checkModelLayer(model, layer);
  const { k, next } = ablationSite(model, layer, data);
  const tail = new Sequential(model.layers.slice(k + 1));
  const wasTraining = model.layers.map((l) => l.training), restore = saveLastForward(model);
  model.training = false;
  try {
    const h = runPrefix(model, layer, data.x);
    const z = next.forward(h).clone();
    const measure = (logits: Tensor) => ({
      loss: softmaxCrossEntropy(logits, data.y).loss,
      acc: accuracy(logits, data.y),
    });
    const logits = tail.forward(z);
    checkLabels("data.y", data.y, logits.cols, data.x.rows);
    const base = measure(logits);
    const n = h.rows, m = h.cols, out = z.cols, W = next.W.value.data;
    const zj = new Tensor(n, out);
    const result: Ablation = {
      baselineAccuracy: base.acc,
      baselineLoss: base.loss,
      accuracy: new Float64Array(m),
      loss: new Float64Array(m),
    };
    for (let j = 0; j < m; j++) {
      zj.data.set(z.data);
      for (let i = 0; i < n; i++) {
        const hij = h.data[i * m + j];
        if (hij === 0) continue; // a silent unit changes nothing in this row
        for (let c = 0; c < out; c++) zj.data[i * out + c] -= hij * W[j * out + c];
      }
      const r = reusingBuffers(() => measure(tail.forward(zj))); // the tail's outputs are not kept
      result.accuracy[j] = r.acc, result.loss[j] = r.loss;
    }
    return result;
  } finally {
    model.layers.forEach((l, i) => l.training = wasTraining[i]);
    restore(); // the layers remember their last forward from before
  }
}

/** Loss and accuracy as more and more units are removed. */
export interface AblationCurve {
  /** Units removed: 0, 1, …, order.length. */
  removed: Int32Array;
  /** Mean cross-entropy with the first k units of the order removed, k = removed[i]. */
  loss: Float64Array;
  /** Accuracy with the first k units of the order removed. */
  accuracy: Float64Array;
}

/**
 * Cumulative ablation: removes the units of one layer in the given order, one
 * more at a time (their outputs forced to 0, the survivors left unscaled), and
 * measures the classifier after each removal. Removing a unit is the same
 * rank-one update as in {@linkcode ablateUnits}, applied on top of the
 * previous removals.
 *
 * @param model A classifier that outputs logits; its mode is restored afterwards.
 * @param layer Index of the layer whose outputs are the units (followed by
 *   inverted `Dropout` layers, if any, and then a `Linear`).
 * @param data Inputs `x` and class labels `y`.
 * @param order Distinct unit indices, removed in this order.
 * @returns {@linkcode AblationCurve}, with `order.length + 1` points (k = 0 first).
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { ablationCurve, ablateUnits, Linear, ReLU, Rng, Sequential, Tensor } from "../mod.ts";
 * const rng = new Rng(1);
 * const model = new Sequential(new Linear(3, 4, rng.fork(1)), new ReLU(), new Linear(4, 2, rng.fork(2)));
 * const data = { x: Tensor.fromRows([[1, 0, 2], [0, 1, 1]]), y: new Int32Array([0, 1]) };
 * const curve = ablationCurve(model, 1, data, [2, 0]);
 * expect(curve.loss[1]).toBeCloseTo(ablateUnits(model, 1, data).loss[2], 6); // one unit: the same
 * ```
 */
export function ablationCurve(
  model: Sequential,
  layer: number,
  data: { x: Tensor; y: Int32Array },
  order: ArrayLike<number>,
): AblationCurve {
  layer = checkModelLayer(model, layer);
  const { k, next } = ablationSite(model, layer, data);
  if (order === null || typeof order !== "object" || typeof order.length !== "number") {
    throw new TypeError(`order must be an array of unit indices, got ${describe(order)}`);
  }
  // The units are the Linear's inputs (Dropout keeps the width): checked before any forward pass.
  const m = next.inFeatures;
  const seen = new Set<number>();
  for (let i = 0; i < order.length; i++) {
    checkInteger(`order[${i}]`, order[i], 0, m - 1);
    if (seen.has(order[i])) {
      throw new RangeError(`order must not repeat a unit, got ${order[i]} twice`);
    }
    seen.add(order[i]);
  }
  const tail = new Sequential(model.layers.slice(k + 1));
  const wasTraining = model.layers.map((l) => l.training), restore = saveLastForward(model);
  model.training = false;
  try {
    const h = runPrefix(model, layer, data.x);
    const n = h.rows;
    const z = next.forward(h).clone(), out = z.cols, W = next.W.value.data;
    const curve: AblationCurve = {
      removed: Int32Array.from({ length: order.length + 1 }, (_, i) => i),
      loss: new Float64Array(order.length + 1),
      accuracy: new Float64Array(order.length + 1),
    };
    const measure = (i: number) =>
      reusingBuffers(() => { // the tail's outputs are not kept: its layers may reuse them
        const logits = tail.forward(z);
        if (i === 0) checkLabels("data.y", data.y, logits.cols, n); // before any loss is computed
        curve.loss[i] = softmaxCrossEntropy(logits, data.y).loss;
        curve.accuracy[i] = accuracy(logits, data.y);
      });
    measure(0);
    for (let t = 0; t < order.length; t++) {
      const j = order[t];
      for (let i = 0; i < n; i++) {
        const hij = h.data[i * m + j];
        if (hij === 0) continue;
        for (let c = 0; c < out; c++) z.data[i * out + c] -= hij * W[j * out + c];
      }
      measure(t + 1);
    }
    return curve;
  } finally {
    model.layers.forEach((l, i) => l.training = wasTraining[i]);
    restore(); // the layers remember their last forward from before
  }
}
