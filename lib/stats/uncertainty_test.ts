import { expect } from "expect";
import { Adam } from "../nn/optim.ts";
import { mlp } from "../nn/mlp.ts";
import { Rng } from "../nn/rng.ts";
import { Tensor } from "../nn/tensor.ts";
import { epochRunner } from "../nn/train.ts";
import { uncertaintyScores } from "./uncertainty.ts";

/** Two overlapping blobs on a line: points near 0 are ambiguous. */
function blobs(n: number, seed: number) {
  const rng = new Rng(seed), x = new Tensor(n, 2), y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2;
    x.data[2 * i] = (y[i] ? 1 : -1) + rng.normal();
    x.data[2 * i + 1] = 0.1 * rng.normal();
  }
  return { x, y };
}

Deno.test("`uncertaintyScores()`: entropy is higher on the points a trained net gets wrong", () => {
  const train = blobs(400, 1), test = blobs(400, 2);
  const model = mlp([2, 32, 2], { seed: 3, dropout: 0.3 });
  const run = epochRunner(model, train, {
    optimizer: new Adam(model.parameters(), { lr: 0.01 }),
    loss: "cross-entropy",
    batchSize: 40,
    seed: 4,
  });
  for (let e = 0; e < 20; e++) run();
  model.eval();
  const { mc, single } = uncertaintyScores(model, test, {}, 20);
  // Mistakes sit near the boundary, where both predictions are unsure.
  expect(single.auroc.misclassified.auc).toBeGreaterThan(0.7);
  expect(mc.auroc.misclassified.auc).toBeGreaterThan(0.7);
  expect(mc.accuracy).toBeGreaterThan(0.7);
  expect(model.training).toBe(false);
});

Deno.test("`uncertaintyScores()` rejects a test set without labels", () => {
  const model = mlp([2, 4, 2], { seed: 1 });
  expect(() => uncertaintyScores(model, { x: Tensor.zeros(2, 2) } as never, {}, 2)).toThrow(
    TypeError,
  );
});
