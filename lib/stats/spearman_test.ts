import { expect } from "expect";
import { Rng } from "../nn/rng.ts";
import { ranks, spearman, spearmanThreshold } from "./spearman.ts";

Deno.test("ranks() gives tied values the mean of their ranks", () => {
  expect(ranks([3, 1, 2])).toEqual([3, 1, 2]);
  expect(ranks([5, 5, 5])).toEqual([2, 2, 2]);
  expect(ranks([0.2, 0.1, 0.2, 0.3, 0.1])).toEqual([3.5, 1.5, 3.5, 5, 1.5]);
});

Deno.test("spearman() is ±1 for any monotone relation, whatever its shape", () => {
  const x = [0, 0.1, 0.2, 0.3, 0.4, 0.5];
  expect(spearman(x, x.map((v) => Math.exp(10 * v)))).toBe(1);
  expect(spearman(x, x.map((v) => 1 / (1 + v)))).toBe(-1);
});

Deno.test("spearman() matches 1 − 6Σd²/(n(n²−1)) without ties, and Pearson on ranks with ties", () => {
  const a = [1, 2, 3, 4, 5, 6, 7], b = [2, 1, 4, 3, 7, 5, 6];
  const d2 = a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0);
  expect(spearman(a, b)).toBeCloseTo(1 - (6 * d2) / (7 * 48), 12);
  // With ties: ranks of b are [1.5, 1.5, 3, 4]; Pearson of (1,2,3,4) and those.
  const rb = [1.5, 1.5, 3, 4], mid = 2.5;
  const num = [1, 2, 3, 4].reduce((s, r, i) => s + (r - mid) * (rb[i] - mid), 0);
  const den = Math.sqrt(5 * rb.reduce((s, r) => s + (r - mid) ** 2, 0));
  expect(spearman([1, 2, 3, 4], [7, 7, 8, 9])).toBeCloseTo(num / den, 12);
});

Deno.test("spearman() rejects bad input with the value in the message", () => {
  expect(() => spearman([1, 2], [1, 2, 3])).toThrow("same length, got 2 and 3");
  expect(() => spearman([1, 1, 1], [1, 2, 3])).toThrow("not be constant");
  expect(() => spearman([1, NaN], [1, 2])).toThrow("a must be an array of finite numbers");
  expect(() => spearman([1], [1])).toThrow(RangeError);
});

Deno.test("spearmanThreshold() agrees with the exact null distribution for n = 5", () => {
  // All 120 orderings of 5 ranks: P(ρ = −1) = 1/120 and P(ρ ≤ −0.9) = 5/120, so the 2.5 %
  // quantile is −0.9; 20 000 draws put the empirical quantile there with overwhelming odds.
  expect(spearmanThreshold(5, 0.025, new Rng(3))).toBeCloseTo(-0.9, 12);
});

Deno.test("spearmanThreshold() is deterministic for a seed and near the tabled value for n = 10", () => {
  const t = spearmanThreshold(10, 0.01, new Rng(7));
  expect(spearmanThreshold(10, 0.01, new Rng(7))).toBe(t);
  expect(Math.abs(t - -0.745)).toBeLessThan(0.04); // Zar's table, one-sided 1 %
  expect(() => spearmanThreshold(10, 0, new Rng(1))).toThrow("level must be in (0, 0.5], got 0");
  expect(() => spearmanThreshold(2, 0.1, new Rng(1))).toThrow(RangeError);
});
