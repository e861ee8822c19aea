import { expect } from "expect";
import { allDigits, DIGIT_COUNT, loadDigits, pickDigits, PIXELS } from "./mnist.ts";

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
