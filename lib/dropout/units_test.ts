import { expect } from "expect";
import { Dropout } from "../nn/dropout.ts";
import { Linear } from "../nn/linear.ts";
import { softmaxCrossEntropy } from "../nn/loss.ts";
import { ReLU } from "../nn/relu.ts";
import { Rng } from "../nn/rng.ts";
import { Sequential } from "../nn/sequential.ts";
import { Tensor } from "../nn/tensor.ts";
import { accuracy } from "../nn/evaluate.ts";
import { ablateUnits, ablationCurve, activationStats } from "./units.ts";

function net() {
  const rng = new Rng(7);
  return new Sequential(
    new Linear(6, 12, rng.fork(1)),
    new ReLU(),
    new Dropout(0.5, rng.fork(2)),
    new Linear(12, 8, rng.fork(3)),
    new ReLU(),
    new Dropout(0.3, rng.fork(4)),
    new Linear(8, 3, rng.fork(5)),
  );
}

function data() {
  const x = new Tensor(40, 6);
  new Rng(8).fillUniform(x.data).forEach((u, i) => x.data[i] = 2 * u - 1);
  const y = Int32Array.from({ length: 40 }, (_, i) => i % 3);
  return { x, y };
}

Deno.test("`ablateUnits()` matches zeroing the unit and running the whole network", () => {
  const model = net(), d = data();
  for (const layer of [1, 4]) {
    const result = ablateUnits(model, layer, d);
    const units = model.layers[layer - 1] as Linear;
    let maxDiff = 0;
    for (let j = 0; j < units.outFeatures; j++) {
      model.eval();
      let h = d.x;
      for (let i = 0; i <= layer; i++) h = model.layers[i].forward(h);
      h = h.clone();
      for (let i = 0; i < h.rows; i++) h.data[i * h.cols + j] = 0;
      for (let i = layer + 1; i < model.layers.length; i++) h = model.layers[i].forward(h);
      expect(result.accuracy[j]).toBe(accuracy(h, d.y));
      maxDiff = Math.max(maxDiff, Math.abs(result.loss[j] - softmaxCrossEntropy(h, d.y).loss));
    }
    console.log(`layer ${layer}: max loss difference ${maxDiff}`);
    expect(maxDiff).toBeLessThan(1e-5);
  }
});

Deno.test("`ablateUnits()` and `activationStats()` restore the model's mode", () => {
  const model = net().train(), d = data();
  ablateUnits(model, 1, d);
  activationStats(model, 4, d.x);
  expect(model.training).toBe(true);
});

Deno.test("`ablateUnits()` rejects a layer not followed by a Linear", () => {
  expect(() => ablateUnits(net(), 0, data())).toThrow(/then a Linear/);
  expect(() => ablateUnits(net(), 9, data())).toThrow(/layer must be/);
});

Deno.test("`activationStats()` counts zeros and means per unit", () => {
  const model = net(), d = data();
  const stats = activationStats(model, 1, d.x);
  model.eval();
  const h = new Sequential(model.layers.slice(0, 2)).forward(d.x);
  const zeros = h.data.filter((v) => v === 0).length;
  expect(stats.zeroFraction).toBe(zeros / h.data.length);
  const col0 = Array.from({ length: h.rows }, (_, i) => h.get(i, 0));
  expect(stats.meanPerUnit[0]).toBeCloseTo(col0.reduce((s, v) => s + v, 0) / h.rows, 6);
  expect(stats.mean).toBeCloseTo(h.data.reduce((s, v) => s + v, 0) / h.data.length, 6);
});

Deno.test("`ablationCurve()` matches zeroing the first k units and running the whole network", () => {
  const model = net(), d = data(), order = [3, 0, 7, 11, 5];
  const curve = ablationCurve(model, 1, d, order);
  model.eval();
  let maxDiff = 0;
  for (let k = 0; k <= order.length; k++) {
    let h = d.x;
    for (let i = 0; i <= 1; i++) h = model.layers[i].forward(h);
    h = h.clone();
    for (let i = 0; i < h.rows; i++) for (const j of order.slice(0, k)) h.data[i * h.cols + j] = 0;
    for (let i = 2; i < model.layers.length; i++) h = model.layers[i].forward(h);
    expect(curve.accuracy[k]).toBe(accuracy(h, d.y));
    maxDiff = Math.max(maxDiff, Math.abs(curve.loss[k] - softmaxCrossEntropy(h, d.y).loss));
  }
  console.log(`max loss difference ${maxDiff}`);
  expect(maxDiff).toBeLessThan(1e-5);
  expect(Array.from(curve.removed)).toEqual([0, 1, 2, 3, 4, 5]);
});

Deno.test("`ablationCurve()` rejects a repeated or out-of-range unit", () => {
  const model = net(), d = data();
  expect(() => ablationCurve(model, 1, d, [1, 1])).toThrow(/repeat/);
  expect(() => ablationCurve(model, 1, d, [12])).toThrow(RangeError);
});
