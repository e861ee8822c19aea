import { expect } from "expect";
import { curveSplits, friedman1, noisyCurve, spirals } from "./synthetic.ts";

Deno.test("`noisyCurve()` is seeded and its noise has the requested spread (5 standard errors)", () => {
  const n = 4000, noise = 0.3;
  const a = noisyCurve({ n, noise, seed: 1 });
  expect(noisyCurve({ n, noise, seed: 1 }).y.data).toEqual(a.y.data);
  let sum = 0, sumSq = 0;
  for (let i = 0; i < n; i++) {
    const e = a.y.data[i] - Math.sin(2 * a.x.data[i]);
    sum += e;
    sumSq += e * e;
  }
  const mean = sum / n, variance = sumSq / n - mean * mean;
  expect(Math.abs(mean)).toBeLessThan(5 * noise / Math.sqrt(n));
  // The sample variance of Gaussian noise has standard error σ²·√(2/n).
  expect(Math.abs(variance - noise ** 2)).toBeLessThan(5 * noise ** 2 * Math.sqrt(2 / n));
  expect(Math.min(...a.x.data)).toBeGreaterThanOrEqual(-1.5);
  expect(Math.max(...a.x.data)).toBeLessThan(1.5);
});

Deno.test("`spirals()` is balanced and seeded", () => {
  const a = spirals({ n: 301, classes: 3, noise: 0.05, seed: 4 });
  const counts = [0, 0, 0];
  for (const c of a.y) counts[c]++;
  expect(counts).toEqual([101, 100, 100]);
  expect(spirals({ n: 301, classes: 3, noise: 0.05, seed: 4 }).x.data).toEqual(a.x.data);
});

Deno.test("the data sets reject bad sizes and noise, naming the parameter", () => {
  expect(() => noisyCurve({ n: 0, noise: 0.1, seed: 1 })).toThrow(
    new RangeError("n must be an integer >= 1, got 0"),
  );
  expect(() => noisyCurve({ n: 5, noise: -1, seed: 1 })).toThrow(
    new RangeError("noise must be a finite number >= 0, got -1"),
  );
  expect(() => spirals({ n: 5, classes: 1, noise: 0, seed: 1 })).toThrow(
    new RangeError("classes must be an integer in [2, 10], got 1"),
  );
});

Deno.test("`curveSplits()` draws three independent sets from derived seeds", () => {
  const s = curveSplits({ seed: 7, noise: 0.3, nTrain: 20, nValidation: 30, nTest: 40 });
  expect([s.train.x.rows, s.validation.x.rows, s.test.x.rows]).toEqual([20, 30, 40]);
  expect(s.validation.x.data).toEqual(noisyCurve({ n: 30, noise: 0.3, seed: 7002 }).x.data);
  expect(s.test.x.data[0]).not.toBe(s.train.x.data[0]);
  expect(() => curveSplits({ seed: -1, noise: 0.3, nTrain: 1, nValidation: 1, nTest: 1 })).toThrow(
    new RangeError("seed must be an integer in [0, 4294966], got -1"),
  );
});

Deno.test("`friedman1()` targets are centred with variance about 1 (5 standard errors)", () => {
  const n = 4000, { x, y } = friedman1({ n, noise: 1, seed: 3 });
  expect(x.shape).toBe("4000×5");
  const mean = y.data.reduce((s, v) => s + v, 0) / n;
  const variance = y.data.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  // Var f ≈ 23.8 and the noise adds 1, so Var y ≈ 24.8 / 25; the mean of f is 14.41.
  expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(variance / n) + 0.01);
  expect(variance).toBeGreaterThan(0.8);
  expect(variance).toBeLessThan(1.2);
});
