import { expect } from "expect";
import { BatchNorm1d } from "../nn/batchnorm.ts";
import { Dropout } from "../nn/dropout.ts";
import type { Layer } from "../nn/layer.ts";
import { Linear } from "../nn/linear.ts";
import { ReLU } from "../nn/relu.ts";
import { Rng } from "../nn/rng.ts";
import { Sequential } from "../nn/sequential.ts";
import { Tensor } from "../nn/tensor.ts";
import { varianceShift } from "./variance_shift.ts";

const net = (p: number) => {
  const rng = new Rng(4), layers: Layer[] = [new Linear(6, 10, rng.fork(1)), new ReLU()];
  if (p > 0) layers.push(new Dropout(p, rng.fork(2)));
  return new Sequential([...layers, new Linear(10, 5, rng.fork(3)), new BatchNorm1d(5)]);
};

Deno.test("`varianceShift()`: with dropout before the BatchNorm, training variance matches the formula", () => {
  const rng = new Rng(8), x = new Tensor(20_000, 6);
  rng.fillUniform(x.data);
  const shift = varianceShift(net(0.5), 4, x);
  expect(shift.p).toBe(0.5);
  for (let j = 0; j < 5; j++) {
    expect(shift.trainVar[j]).toBeGreaterThan(shift.evalVar[j]);
    // 20,000 rows: the variance estimate is within a few per cent of its expectation.
    expect(Math.abs(shift.trainVar[j] / shift.predictedVar[j] - 1)).toBeLessThan(0.05);
  }
});

Deno.test("`varianceShift()` without dropout before the BatchNorm finds no shift", () => {
  const rng = new Rng(8), x = new Tensor(500, 6);
  rng.fillUniform(x.data);
  const model = net(0), shift = varianceShift(model, 3, x);
  expect(shift.p).toBe(0);
  expect(Array.from(shift.trainVar)).toEqual(Array.from(shift.evalVar));
  expect(Array.from(shift.predictedVar)).toEqual(Array.from(shift.evalVar));
  expect(model.training).toBe(true); // modes restored
});

Deno.test("`varianceShift()` rejects an index that is not a BatchNorm fed by a Linear", () => {
  expect(() => varianceShift(net(0.5), 3, Tensor.zeros(4, 6))).toThrow(RangeError);
  expect(() => varianceShift(net(0.5), 9, Tensor.zeros(4, 6))).toThrow(RangeError);
});
