import { expect } from "expect";
import { dropout } from "../nn/dropout.ts";
import {
  allMasks,
  exactExpectation,
  exactGeometricMean,
  exactMeanVector,
  exactMoments,
  maskProbability,
} from "./masks.ts";
import { Rng } from "../nn/rng.ts";
import { Tensor } from "../nn/tensor.ts";

Deno.test("`allMasks(m, p)` lists 2^m distinct masks whose probabilities sum to 1 (claim S1-8)", () => {
  for (const [m, p] of [[0, 0.5], [3, 0.2], [10, 0.5], [12, 0.9]]) {
    const masks = allMasks(m, p);
    expect(masks.length).toBe(2 ** m);
    expect(new Set(masks.map((w) => w.mask.join(""))).size).toBe(2 ** m);
    expect(masks.reduce((s, w) => s + w.probability, 0)).toBeCloseTo(1, 12);
  }
  expect(allMasks(3, 0.5).every((w) => w.probability === 0.125)).toBe(true);
});

Deno.test("`exactExpectation()`: a unit that outputs 10 averages 10·keep unscaled, 10 inverted (claims S1-11, S1-13)", () => {
  for (const p of [0, 0.2, 0.5, 0.9]) {
    const keep = 1 - p;
    expect(exactExpectation((mask) => 10 * mask[0], 1, p)).toBeCloseTo(10 * keep, 12);
    if (keep > 0) {
      expect(exactExpectation((mask) => (10 * mask[0]) / keep, 1, p)).toBeCloseTo(10, 12);
    }
  }
});

Deno.test("`exactMoments()`: inverted dropout adds variance x²·p/keep (claim V-1)", () => {
  for (const p of [0.1, 0.4, 0.5, 0.8]) {
    const x = 3, keep = 1 - p;
    const { mean, variance } = exactMoments((mask) => (x * mask[0]) / keep, 1, p);
    expect(mean).toBeCloseTo(x, 12);
    expect(variance).toBeCloseTo((x * x * p) / keep, 10);
  }
});

Deno.test("`exactMeanVector()`: averaging a linear layer over all masks gives the full output (claim S2-6)", () => {
  const rng = new Rng(1), m = 8, p = 0.3, keep = 1 - p;
  const h = Array.from({ length: m }, () => rng.normal());
  const w = Array.from({ length: 2 * m }, () => rng.normal()); // m × 2 weights
  const out = (mask: ArrayLike<number>, s: number) =>
    [0, 1].map((j) => h.reduce((acc, hi, i) => acc + hi * mask[i] * s * w[i * 2 + j], 0));
  const average = exactMeanVector((mask) => out(mask, 1 / keep), m, p);
  const full = out(new Uint8Array(m).fill(1), 1);
  expect(Math.abs(average[0] - full[0]) + Math.abs(average[1] - full[1])).toBeLessThan(1e-12);
});

Deno.test("exact moments agree with sampled `dropout()` masks within 5 standard errors", () => {
  const m = 4, p = 0.4, n = 200_000, weights = [1, -2, 3, 0.5];
  const f = (mask: ArrayLike<number>) =>
    weights.reduce((s, wi, i) => s + (wi * mask[i]) / (1 - p), 0);
  const { mean, variance } = exactMoments(f, m, p);
  const { mask } = dropout(Tensor.zeros(n, m), p, new Rng(2));
  let sum = 0;
  for (let r = 0; r < n; r++) sum += f(mask.subarray(r * m, (r + 1) * m));
  expect(Math.abs(sum / n - mean)).toBeLessThan(5 * Math.sqrt(variance / n));
});

Deno.test("`maskProbability()` is keep^kept · p^dropped", () => {
  expect(maskProbability(new Uint8Array([1, 1, 0]), 0.25)).toBe(0.75 * 0.75 * 0.25);
  expect(maskProbability(new Uint8Array([]), 0.3)).toBe(1);
});

Deno.test("mask helpers reject bad m, p, masks and functions", () => {
  expect(() => allMasks(21, 0.5)).toThrow(
    new RangeError("m must be an integer in [0, 20], got 21"),
  );
  expect(() => allMasks(1.5, 0.5)).toThrow(RangeError);
  expect(() => allMasks(2, 1.2)).toThrow(new RangeError("p must be in [0, 1], got 1.2"));
  expect(() => maskProbability(new Uint8Array([2]), 0.5)).toThrow(
    new RangeError("mask values must be 0 or 1, got 2"),
  );
  expect(() => maskProbability([1] as unknown as Uint8Array, 0.5)).toThrow(TypeError);
  expect(() => exactMoments(1 as unknown as () => number, 2, 0.5)).toThrow(/f must be a function/);
  expect(() => exactExpectation(() => "1" as unknown as number, 2, 0.5)).toThrow(
    new TypeError('f must return numbers, got "1" for mask [0,0]'),
  );
  expect(() => exactExpectation(() => NaN, 2, 0.5)).toThrow(
    new RangeError("f must return finite numbers, got NaN for mask [0,0]"),
  );
  expect(() => exactMeanVector((mask) => (mask[0] ? [1] : [1, 2]), 1, 0.5)).toThrow(
    new RangeError("f must return 2 values for every mask, got 1"),
  );
});

Deno.test("`exactGeometricMean()` equals the weight-scaled softmax layer (dropout right before it)", () => {
  // One softmax layer on 5 dropped inputs: logits z = (x ⊙ mask / keep)·W + b.
  const rng = new Rng(4), p = 0.4, W = Array.from({ length: 15 }, () => rng.normal());
  const x = [0.5, -1, 2, 0.3, -0.7];
  const logits = (scaleOf: (j: number) => number) =>
    [0, 1, 2].map((c) => x.reduce((s, v, j) => s + v * scaleOf(j) * W[3 * j + c], 0.1 * c));
  const softmaxOf = (z: number[]) => {
    const e = z.map((v) => Math.exp(v - Math.max(...z)));
    return e.map((v) => v / e.reduce((a, b) => a + b, 0));
  };
  const g = exactGeometricMean((mask) => softmaxOf(logits((j) => mask[j] / (1 - p))), 5, p, 3);
  const full = softmaxOf(logits(() => 1));
  g.forEach((v, c) => expect(v).toBeCloseTo(full[c], 12));
  expect(() => exactGeometricMean(() => [0.5, 0.5], 1, 0.5, 3)).toThrow(RangeError);
});
