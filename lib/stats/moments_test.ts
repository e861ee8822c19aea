import { expect } from "expect";
import { Rng } from "../nn/rng.ts";
import { momentsWithSE } from "./moments.ts";

Deno.test("`momentsWithSE()` of normal draws: variance SE near s²·√(2/n), estimates within 5 SE", () => {
  const rng = new Rng(1), n = 50_000, v = Array.from({ length: n }, () => 3 + 2 * rng.normal());
  const m = momentsWithSE(v);
  expect(Math.abs(m.mean - 3)).toBeLessThan(5 * m.seMean);
  expect(Math.abs(m.variance - 4)).toBeLessThan(5 * m.seVariance);
  expect(m.seVariance / (4 * Math.sqrt(2 / n))).toBeCloseTo(1, 1);
});

Deno.test("`momentsWithSE()`'s variance SE matches the spread of variances over repeated samples", () => {
  // Inverted-dropout noise m/keep − 1 with keep 0.8: 0.25 (kept) or −1 (dropped), variance 0.25.
  const rng = new Rng(2), reps = 300, n = 400, variances: number[] = [];
  let se = 0;
  for (let r = 0; r < reps; r++) {
    const v = Array.from({ length: n }, () => (rng.uniform() < 0.8 ? 0.25 : -1));
    const m = momentsWithSE(v);
    variances.push(m.variance), se += m.seVariance / reps;
  }
  const mean = variances.reduce((a, b) => a + b, 0) / reps;
  const sd = Math.sqrt(variances.reduce((a, b) => a + (b - mean) ** 2, 0) / (reps - 1));
  expect(Math.abs(mean - 0.25)).toBeLessThan(5 * sd / Math.sqrt(reps)); // p/(1 − p) = 0.25
  expect(Math.abs(sd / se - 1)).toBeLessThan(0.15);
});

Deno.test("`momentsWithSE()` rejects short or non-finite samples", () => {
  expect(() => momentsWithSE([1])).toThrow(
    new RangeError("values must hold at least 2 numbers, got 1"),
  );
  expect(() => momentsWithSE([1, NaN])).toThrow(TypeError);
});

Deno.test("`momentsWithSE()` of ±1 noise: the variance's SE is the exact √(2/(n(n − 1)))", () => {
  // μ₄ = σ⁴ = 1 for values ±1 with mean 0: Var(s²) = (1 − (n − 3)/(n − 1))/n = 2/(n(n − 1)).
  const v = [1, -1, 1, -1, 1, -1], n = v.length;
  expect(momentsWithSE(v).seVariance).toBeCloseTo(Math.sqrt(2 / (n * (n - 1))), 12);
});
