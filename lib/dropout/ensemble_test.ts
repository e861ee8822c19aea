import { expect } from "expect";
import { averagePredictions, bootstrap, trainEnsemble } from "./ensemble.ts";
import { Linear } from "../nn/linear.ts";
import { softmax } from "../nn/loss.ts";
import { SGD } from "../nn/optim.ts";
import { Rng } from "../nn/rng.ts";
import { Tensor } from "../nn/tensor.ts";

const x = Tensor.fromRows([[1, 0], [0, 1], [1, 1], [-1, 2]]);
const y = new Int32Array([0, 1, 2, 1]);

Deno.test("`averagePredictions()` of identical members is one member's probabilities", () => {
  const member = new Linear(2, 3, new Rng(1));
  const probs = softmax(member.forward(x));
  const avg = averagePredictions([member, member, member], x);
  avg.data.forEach((v, i) => expect(v).toBeCloseTo(probs.data[i], 6));
});

Deno.test("`averagePredictions()` is the mean of the members' probabilities", () => {
  const a = new Linear(2, 3, new Rng(1)), b = new Linear(2, 3, new Rng(2));
  const pa = softmax(a.forward(x)), pb = softmax(b.forward(x));
  const avg = averagePredictions([a, b], x);
  avg.data.forEach((v, i) => expect(v).toBeCloseTo((pa.data[i] + pb.data[i]) / 2, 6));
});

Deno.test("`trainEnsemble()` trains distinct members, each with its own shuffling seed", async () => {
  const { members, histories } = await trainEnsemble(
    3,
    (k) => {
      const model = new Linear(2, 3, new Rng(10 + k));
      return { model, optimizer: new SGD(model.parameters(), { lr: 0.5 }) };
    },
    { x, y },
    { loss: "cross-entropy", epochs: 20, batchSize: 2, seed: 5 },
  );
  expect(members.length).toBe(3);
  expect(histories.every((h) => h.length === 20)).toBe(true);
  const w = members.map((m) => Array.from(m.parameters()[0].value.data).join());
  expect(new Set(w).size).toBe(3);
});

Deno.test("`bootstrap()` draws rows with replacement, as many as the set", () => {
  const n = 2000;
  const data = {
    x: Tensor.fromRows(Array.from({ length: n }, (_, i) => [i])),
    y: new Int32Array(n),
  };
  const sample = bootstrap(data, new Rng(3));
  expect(sample.x.rows).toBe(n);
  // The expected share of distinct rows is 1 − (1 − 1/n)^n ≈ 0.632; its standard deviation over
  // samples is below 0.5/√n, so 5 standard errors is a generous bound derived from n.
  const unique = new Set(sample.x.data).size / n;
  const expected = 1 - (1 - 1 / n) ** n;
  expect(Math.abs(unique - expected)).toBeLessThan(5 * 0.5 / Math.sqrt(n));
});

Deno.test("`averagePredictions()` and `trainEnsemble()` reject bad input", async () => {
  expect(() => averagePredictions([], x)).toThrow(RangeError);
  expect(() => averagePredictions([new Linear(2, 3, new Rng(1)), new Linear(2, 4, new Rng(1))], x))
    .toThrow(new RangeError("members[1] outputs 4 classes, members[0] outputs 3"));
  await expect(trainEnsemble(
    0,
    () => {
      throw new Error("unused");
    },
    { x, y },
    { loss: "cross-entropy", epochs: 1, batchSize: 1, seed: 1 },
  )).rejects.toThrow(
    new RangeError("k must be an integer >= 1, got 0"),
  );
});
