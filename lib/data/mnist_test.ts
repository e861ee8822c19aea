import { expect } from "expect";
import { createRequire } from "node:module";
import { allDigits, DIGIT_COUNT, loadDigits, pickDigits, PIXELS } from "./mnist.ts";
import { Adam, Dropout, fit, Linear, ReLU, Rng, Sequential, SGD } from "../nn/mod.ts";

Deno.test("`allDigits()` holds 10,000 greyscale images of all ten classes", () => {
  const { x, y } = allDigits();
  expect([x.rows, x.cols]).toEqual([DIGIT_COUNT, PIXELS]);
  const counts = new Array(10).fill(0);
  for (const label of y) counts[label]++;
  // The package's class counts, as in MNIST's test set.
  expect(counts).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
  let min = Infinity, max = -Infinity, grey = 0;
  for (const v of x.data) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    if (v > 0 && v < 1) grey++;
  }
  expect(min).toBe(0);
  expect(max).toBeLessThanOrEqual(1);
  expect(grey).toBeGreaterThan(0); // greyscale, not binary
});

Deno.test("`allDigits()` holds the package's pixels bit for bit, as `JSON.parse` reads them", () => {
  const dir = createRequire(import.meta.url).resolve("mnist/package.json").replace(
    /package\.json$/,
    "",
  );
  const { x } = allDigits();
  let offset = 0;
  for (let d = 0; d < 10; d++) {
    const file = JSON.parse(Deno.readTextFileSync(`${dir}src/digits/${d}.json`)).data;
    const parsed = Float32Array.from(file);
    expect(new Uint32Array(x.data.buffer, offset * 4, parsed.length))
      .toEqual(new Uint32Array(parsed.buffer));
    offset += parsed.length;
  }
  expect(offset).toBe(x.data.length);
});

Deno.test("`loadDigits()` is seeded, disjoint, and mixes the classes", () => {
  const a = loadDigits({ trainSize: 300, testSize: 200, seed: 7 });
  const b = loadDigits({ trainSize: 300, testSize: 200, seed: 7 });
  const c = loadDigits({ trainSize: 300, testSize: 200, seed: 8 });
  expect(a.train.x.data).toEqual(b.train.x.data);
  expect(a.train.y).toEqual(b.train.y);
  expect(a.train.y).not.toEqual(c.train.y);
  expect(new Set(a.train.y).size).toBe(10);
  expect(new Set(a.test.y).size).toBe(10);
  // No image is in both sets: compare rows as strings of pixels.
  const key = (row: Float32Array) => row.join(",");
  const train = new Set(Array.from({ length: 300 }, (_, i) => key(a.train.x.row(i))));
  const shared = Array.from({ length: 200 }, (_, i) => key(a.test.x.row(i)))
    .filter((k) => train.has(k));
  expect(shared.length).toBeLessThanOrEqual(1); // MNIST has a few exact duplicates at most
});

Deno.test("`loadDigits()` rejects sizes outside the 10,000 images, naming the parameter", () => {
  expect(() => loadDigits({ trainSize: 0, testSize: 10, seed: 1 })).toThrow(
    new RangeError("trainSize must be an integer in [1, 9999], got 0"),
  );
  expect(() => loadDigits({ trainSize: 9000, testSize: 1001, seed: 1 })).toThrow(
    new RangeError("testSize must be an integer in [1, 1000], got 1001"),
  );
  expect(() => loadDigits({ trainSize: 1.5, testSize: 10, seed: 1 })).toThrow(RangeError);
});

Deno.test("`pickDigits()` rejects a row outside the set", () => {
  expect(() => pickDigits(allDigits(), [10_000])).toThrow(
    new RangeError("rows[0] must be an integer in [0, 9999], got 10000"),
  );
});

// Training on real digits: the toolkit of nn/ and the digits of data/ together.
function digitNet(seed: number) {
  const rng = new Rng(seed);
  return new Sequential(
    new Linear(784, 32, rng.fork(1)),
    new ReLU(),
    new Dropout(0.3, rng.fork(2)),
    new Linear(32, 10, rng.fork(3)),
  );
}

Deno.test("`fit()` learns real digits: held-out accuracy far above chance", async () => {
  const { train, test } = loadDigits({ trainSize: 600, testSize: 300, seed: 3 });
  const model = digitNet(1);
  const optimizer = new Adam(model.parameters(), { lr: 3e-3 });
  const history = await fit(model, train, {
    optimizer,
    loss: "cross-entropy",
    epochs: 8,
    batchSize: 32,
    seed: 4,
    test,
  });
  expect(history.length).toBe(8);
  expect(history[7].trainLoss).toBeLessThan(history[0].trainLoss);
  expect(history[7].testAccuracy).toBeGreaterThan(0.7); // chance is 0.1
  expect(model.training).toBe(false); // left in evaluation mode
});

Deno.test("`fit()` is deterministic: same seeds, same history", async () => {
  const { train } = loadDigits({ trainSize: 200, testSize: 10, seed: 5 });
  const run = async () => {
    const model = digitNet(2);
    return await fit(model, train, {
      optimizer: new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 }),
      loss: "cross-entropy",
      epochs: 3,
      batchSize: 50,
      seed: 6,
    });
  };
  expect(await run()).toEqual(await run());
});
