import { expect } from "expect";
import { Dropout } from "../nn/dropout.ts";
import {
  mcDropoutAtKs,
  mcDropoutPredict,
  predictiveEntropy,
  weightScalingPredict,
} from "./inference.ts";
import { Linear } from "../nn/linear.ts";
import { softmax } from "../nn/loss.ts";
import { ReLU } from "../nn/relu.ts";
import { Rng } from "../nn/rng.ts";
import { Sequential } from "../nn/sequential.ts";
import { Tensor } from "../nn/tensor.ts";

function net(p: number, seed: number) {
  const rng = new Rng(seed);
  return new Sequential(
    new Linear(5, 16, rng.fork(1)),
    new ReLU(),
    new Dropout(p, rng.fork(2)),
    new Linear(16, 3, rng.fork(3)),
  ).eval();
}
const x = Tensor.fromRows([[1, -2, 0.5, 3, -1], [0, 1, 2, -1, 0.25]]);

Deno.test("`mcDropoutPredict()` with p = 0 equals weight scaling (up to float32 rounding of the mean)", () => {
  const model = net(0, 1);
  const mc = mcDropoutPredict(model, x, 7), ws = weightScalingPredict(model, x);
  mc.data.forEach((v, i) => expect(Math.abs(v - ws.data[i])).toBeLessThanOrEqual(8 * 2 ** -24));
});

Deno.test("`mcDropoutPredict()` with k = 1 is one training-mode pass", () => {
  const a = net(0.5, 2), b = net(0.5, 2);
  const once = mcDropoutPredict(a, x, 1);
  b.train();
  expect(once.data).toEqual(softmax(b.forward(x)).data);
});

Deno.test("`mcDropoutPredict()` differs from weight scaling when masks are sampled, and restores the mode", () => {
  const model = net(0.5, 3);
  const mc = mcDropoutPredict(model, x, 10);
  expect(mc.data).not.toEqual(weightScalingPredict(model, x).data);
  expect(model.training).toBe(false);
  for (let i = 0; i < x.rows; i++) {
    expect(mc.row(i).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  }
});

Deno.test("`mcDropoutPredict()` rejects k below 1", () => {
  expect(() => mcDropoutPredict(net(0.5, 4), x, 0)).toThrow(
    new RangeError("k must be an integer >= 1, got 0"),
  );
});

Deno.test("`mcDropoutAtKs()` returns running means that match mcDropoutPredict on the same stream", () => {
  const build = () => {
    const rng = new Rng(3);
    return new Sequential(new Dropout(0.5, rng.fork(1)), new Linear(4, 3, rng.fork(2)));
  };
  const x = Tensor.fromRows([[1, -2, 0.5, 3], [0, 1, 1, -1]]);
  const [at1, at7] = mcDropoutAtKs(build(), x, [1, 7]);
  const want7 = mcDropoutPredict(build(), x, 7).data, want1 = mcDropoutPredict(build(), x, 1).data;
  at7.data.forEach((v, i) => expect(v).toBeCloseTo(want7[i], 6)); // same masks, same passes
  expect([...at1.data]).toEqual([...want1]);
  expect(() => mcDropoutAtKs(build(), x, [5, 5])).toThrow(RangeError);
});

Deno.test("`predictiveEntropy()` is 0 for a sure prediction and ln C for a uniform one", () => {
  const h = predictiveEntropy(Tensor.fromRows([[0, 1, 0, 0], [0.25, 0.25, 0.25, 0.25]]));
  expect(h[0]).toBe(0);
  expect(h[1]).toBeCloseTo(Math.log(4), 6);
});
