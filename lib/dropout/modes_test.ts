import { expect } from "expect";
import { mlp } from "../nn/mlp.ts";
import { Adam } from "../nn/optim.ts";
import { Rng } from "../nn/rng.ts";
import { Tensor } from "../nn/tensor.ts";
import { fitBothModes, lossInMode, modeCost } from "./modes.ts";

/** Two noisy blobs in 4 dimensions. */
function blobs(n: number, seed: number) {
  const rng = new Rng(seed), x = new Tensor(n, 4), y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2;
    for (let j = 0; j < 4; j++) x.data[i * 4 + j] = (y[i] ? 1 : -1) + rng.normal();
  }
  return { x, y };
}

Deno.test("`fitBothModes()`: the training-mode loss of a dropout net sits above its evaluation-mode loss", async () => {
  const train = blobs(200, 1), validation = blobs(200, 2);
  const model = mlp([4, 32, 2], { seed: 3, dropout: 0.5 });
  const history = await fitBothModes(model, train, validation, {
    optimizer: new Adam(model.parameters(), { lr: 0.01 }),
    epochs: 5,
    batchSize: 21, // leaves a last batch of 11
    seed: 4,
  });
  expect(history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5]);
  const sparse = await fitBothModes(mlp([4, 8, 2], { seed: 1 }), train, validation, {
    optimizer: new Adam(mlp([4, 8, 2], { seed: 1 }).parameters()),
    epochs: 5,
    batchSize: 50,
    seed: 1,
    measureEvery: 2,
  });
  expect(sparse.map((h) => h.epoch)).toEqual([2, 4, 5]);
  expect(history.at(-1)!.trainMode).toBeGreaterThan(history.at(-1)!.evalMode);
  expect(model.training).toBe(false);
  // Without dropout both modes are the same network.
  const plain = mlp([4, 32, 2], { seed: 3 });
  expect(lossInMode(plain, train, true)).toBe(lossInMode(plain, train, false));
});

Deno.test("`modeCost()`: training-mode predictions change between passes, evaluation ones never do", () => {
  const data = blobs(400, 5), model = mlp([4, 64, 2], { seed: 6, dropout: 0.8 });
  const cost = modeCost(model.eval(), data);
  expect(cost.evalChanged).toBe(0);
  expect(cost.changed).toBeGreaterThan(0);
  expect(model.training).toBe(false);
  const plain = modeCost(mlp([4, 64, 2], { seed: 6 }), data);
  expect([plain.changed, plain.trainAccuracy]).toEqual([0, plain.evalAccuracy]);
});
