import { expect } from "expect";
import { Linear, Rng, Tensor } from "../nn/mod.ts";
import { KeptWeightScaling, weightGrowth } from "./literal.ts";

Deno.test("`KeptWeightScaling` gives inverted dropout's output for one step, with the same mask", () => {
  const x = new Tensor(3, 6);
  new Rng(4).fillUniform(x.data);
  const literal = new KeptWeightScaling(0.5, new Linear(6, 2, new Rng(5)), new Rng(6));
  const plain = new Linear(6, 2, new Rng(5));
  const y = literal.forward(x);
  const mask = literal.mask!;
  // Inverted dropout with that mask: kept inputs × 1/keep, through the unscaled weights.
  const scaled = x.clone();
  for (let i = 0; i < 3; i++) for (let j = 0; j < 6; j++) scaled.row(i)[j] *= mask[j] ? 2 : 0;
  const want = plain.forward(scaled);
  y.data.forEach((v, e) => expect(Math.abs(v - want.data[e])).toBeLessThan(1e-6));
});

Deno.test("`KeptWeightScaling` compounds: a unit kept k times has its weights × (1/keep)^k", () => {
  const next = new Linear(5, 1, new Rng(1)), before = next.W.value.data.slice();
  const layer = new KeptWeightScaling(0.5, next, new Rng(2));
  const kept = new Array(5).fill(0), x = Tensor.fromRows([[1, 1, 1, 1, 1]]);
  for (let step = 0; step < 8; step++) {
    layer.forward(x);
    layer.mask!.forEach((m, j) => kept[j] += m);
  }
  next.W.value.data.forEach((w, j) => expect(w).toBe(Math.fround(before[j] * 2 ** kept[j])));
  layer.training = false;
  expect(layer.forward(x).data).toEqual(next.forward(x).data); // evaluation: the stored weights
});

Deno.test("`KeptWeightScaling` backward zeroes the dropped units' input gradients", () => {
  const layer = new KeptWeightScaling(0.5, new Linear(6, 2, new Rng(1)), new Rng(3));
  const x = new Tensor(2, 6);
  x.data.fill(1);
  layer.forward(x);
  const dX = layer.backward(Tensor.fromRows([[1, 1], [1, 1]]));
  layer.mask!.forEach((m, j) => {
    if (!m) expect([dX.get(0, j), dX.get(1, j)]).toEqual([0, 0]);
  });
  expect(() => new KeptWeightScaling(1, new Linear(1, 1, new Rng(1)), new Rng(1))).toThrow(
    RangeError,
  );
});

Deno.test("`weightGrowth()`: the library's weights stay put while the literal reading's grow", () => {
  const g = weightGrowth({ seed: 2, steps: 20 });
  expect(g.inverted.length).toBe(20);
  expect(Math.abs(g.inverted[19] / g.inverted[0] - 1)).toBeLessThan(0.01);
  expect(g.literal[19]).toBeGreaterThan(100 * g.literal[0]);
});
