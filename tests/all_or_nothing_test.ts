/**
 * Training is all or nothing on bad data: `fit`, `epochRunner`, `evaluate`,
 * `trainEnsemble` and `bootstrap` check the whole set before the first step.
 * A bad row is named by its index in the set (not its place in a batch), and
 * the model's weights, the optimizer's state and the dropout streams are left
 * exactly as they were.
 *
 * The optimizer's state (Adam's moments and step count) is private, so it is
 * compared through what it does: two identical pairs of model and optimizer
 * train alike, one of them is handed the bad set, then both train one more
 * epoch on good data. Their weights agree bit for bit only if the failed call
 * changed nothing: no weight, no moment, no step count, no dropout draw.
 */
import { expect } from "expect";
import {
  Adam,
  bitsEqual,
  bootstrap,
  type Dataset,
  epochRunner,
  evaluate,
  fit,
  mlp,
  type Optimizer,
  Rng,
  type Sequential,
  Tensor,
  trainEnsemble,
} from "../lib/mod.ts";

const ROWS = 12, CLASSES = 3, BATCH = 4;

/** A good set: 12 rows of 4 features, labels 0–2. */
function goodSet(): { x: Tensor; y: Int32Array } {
  const rng = new Rng(7), x = new Tensor(ROWS, 4), y = new Int32Array(ROWS);
  for (let i = 0; i < x.data.length; i++) x.data[i] = rng.normal();
  for (let i = 0; i < ROWS; i++) y[i] = i % CLASSES;
  return { x, y };
}

/** A model with dropout (so a stray draw would show) and Adam (so its moments would). */
function pair() {
  const model = mlp([4, 6, CLASSES], { seed: 3, dropout: 0.5 });
  const adam = new Adam(model.parameters(), { lr: 0.01 });
  let steps = 0;
  const optimizer: Optimizer = {
    step: () => (steps++, adam.step()),
    zeroGrad: () => adam.zeroGrad(),
  };
  return { model, optimizer, steps: () => steps };
}

/** Every parameter's values and gradients, as one byte string. */
function bytes(model: Sequential): Float32Array {
  const parts = model.parameters().flatMap((q) => [q.value.data, q.grad.data]);
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, at), at += p.length;
  return out;
}

const options = (optimizer: Optimizer) => ({
  optimizer,
  loss: "cross-entropy" as const,
  epochs: 2,
  batchSize: BATCH,
  seed: 1,
});

/** The bad sets: each breaks one row late in the set, past the first batch. */
const BAD: [string, () => Dataset, string][] = [
  ["a label too large", () => {
    const d = goodSet();
    d.y[5] = 12;
    return d;
  }, "train.y[5] must be an integer in [0, 2], got 12"],
  ["a negative label", () => {
    const d = goodSet();
    d.y[9] = -1;
    return d;
  }, "train.y[9] must be an integer >= 0, got -1"],
  ["a NaN in a row", () => {
    const d = goodSet();
    d.x.data[7 * 4 + 2] = NaN;
    return d;
  }, "train.x must be finite, got NaN at [7, 2]"],
  ["an infinite value", () => {
    const d = goodSet();
    d.x.data[11 * 4] = -Infinity;
    return d;
  }, "train.x must be finite, got -Infinity at [11, 0]"],
  [
    "rows of the wrong width",
    () => ({ x: Tensor.zeros(ROWS, 5), y: goodSet().y }),
    "train.x must have 4 columns (the model's inputs), got 12×5",
  ],
  [
    "fewer labels than rows",
    () => ({ x: goodSet().x, y: new Int32Array(ROWS - 1) }),
    "got 12 and 11",
  ],
];

for (const [what, makeBad, message] of BAD) {
  Deno.test(`fit() on a set with ${what} trains nothing and names the row`, async () => {
    const a = pair(), b = pair();
    const good = goodSet();
    await fit(a.model, good, options(a.optimizer)); // both pairs now have moments and a step count
    await fit(b.model, good, options(b.optimizer));
    const before = bytes(a.model);
    const stepsBefore = a.steps();

    await expect(fit(a.model, makeBad(), options(a.optimizer))).rejects.toThrow(message);
    expect(() => epochRunner(a.model, makeBad(), options(a.optimizer))).toThrow(message);

    expect(a.steps()).toBe(stepsBefore); // no step was taken
    expect(bitsEqual(bytes(a.model), before)).toBe(true); // weights and gradients untouched
    // The optimizer's moments, its step count and the dropout streams: one more
    // epoch on good data gives both pairs the same weights, bit for bit.
    await fit(a.model, good, { ...options(a.optimizer), epochs: 1 });
    await fit(b.model, good, { ...options(b.optimizer), epochs: 1 });
    expect(bitsEqual(bytes(a.model), bytes(b.model))).toBe(true);
  });
}

Deno.test("fit() checks the held-out set before the first step too", async () => {
  const a = pair();
  const before = bytes(a.model);
  const test = goodSet();
  test.y[10] = 3;
  await expect(fit(a.model, goodSet(), { ...options(a.optimizer), test })).rejects.toThrow(
    "test.y[10] must be an integer in [0, 2], got 3",
  );
  expect(a.steps()).toBe(0);
  expect(bitsEqual(bytes(a.model), before)).toBe(true);
});

Deno.test("evaluate() names the data row of a bad label and leaves the model as it was", () => {
  const a = pair();
  const before = bytes(a.model);
  const data = goodSet();
  data.y[8] = 7;
  a.model.train();
  expect(() => evaluate(a.model, data, "cross-entropy")).toThrow(
    "data.y[8] must be an integer in [0, 2], got 7",
  );
  expect(a.model.training).toBe(true);
  expect(bitsEqual(bytes(a.model), before)).toBe(true);
});

Deno.test("trainEnsemble() trains no member on a bad set", async () => {
  let built = 0, steps = 0;
  const build = () => {
    built++;
    const p = pair();
    return { model: p.model, optimizer: { ...p.optimizer, step: () => (steps++, undefined) } };
  };
  const { optimizer: _, ...rest } = options(pair().optimizer);
  for (const [, makeBad, message] of BAD) {
    built = 0;
    // With bagging the rows are resampled, yet the error still names the row of `train`.
    await expect(trainEnsemble(3, build, makeBad(), { ...rest, bootstrap: true })).rejects
      .toThrow(message);
    // The label bound and the row width need a model to check against: member 0, no more.
    expect(built).toBeLessThanOrEqual(1);
  }
  expect(steps).toBe(0);
});

Deno.test("bootstrap() checks the whole set, names the row, and draws nothing on a bad one", () => {
  const data = goodSet();
  data.x.data[6 * 4 + 1] = NaN;
  const rng = new Rng(5);
  expect(() => bootstrap(data, rng)).toThrow("data.x must be finite, got NaN at [6, 1]");
  expect(() => bootstrap({ x: goodSet().x, y: new Int32Array(ROWS + 1) }, rng)).toThrow(
    "data.x and data.y must have as many rows, got 12 and 13",
  );
  expect(() => bootstrap(goodSet(), undefined as unknown as Rng)).toThrow(
    "rng must be an Rng, got undefined",
  );
  expect(rng.uniform()).toBe(new Rng(5).uniform()); // the generator did not advance
});
