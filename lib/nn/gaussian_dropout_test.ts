import { expect } from "expect";
import { dot, maxRelativeDifference, numericGradient, randn } from "./_gradcheck.ts";
import { GaussianDropout } from "./gaussian_dropout.ts";
import { Rng } from "./rng.ts";
import { Tensor } from "./tensor.ts";

Deno.test("`GaussianDropout` noise has mean 1 and variance p/(1 − p), within 5 standard errors", () => {
  for (const p of [0.2, 0.5, 0.8]) {
    const n = 200_000, layer = new GaussianDropout(p, new Rng(4));
    const x = new Tensor(1, n);
    x.data.fill(1);
    const r = layer.forward(x).data;
    let sum = 0, sq = 0;
    for (const v of r) sum += v, sq += v * v;
    const mean = sum / n, variance = sq / n - mean * mean, want = p / (1 - p);
    // SE of the mean is σ/√n; of the variance of a normal, σ²·√(2/(n − 1)).
    expect(Math.abs(mean - 1)).toBeLessThan(5 * Math.sqrt(want / n));
    expect(Math.abs(variance - want)).toBeLessThan(5 * want * Math.sqrt(2 / (n - 1)));
  }
});

Deno.test("`GaussianDropout.backward()` reuses the forward noise: gradient check", () => {
  const rng = new Rng(9), x = randn(4, 6, rng), g = randn(4, 6, rng);
  const layer = new GaussianDropout(0.4, new Rng(10));
  layer.forward(x);
  const dX = layer.backward(g);
  // The same seed draws the same noise whatever x is, so the noise is fixed across evaluations.
  const loss = () => dot(g, new GaussianDropout(0.4, new Rng(10)).forward(x));
  const numeric = numericGradient(loss, x.data);
  expect(maxRelativeDifference("GaussianDropout dX", dX.data, numeric)).toBeLessThan(1e-4);
});

Deno.test("`GaussianDropout` advances its stream, is the identity in evaluation and at p = 0", () => {
  const layer = new GaussianDropout(0.5, new Rng(2)), x = Tensor.fromRows([[1, 2, 3]]);
  const first = Array.from(layer.forward(x).data), second = Array.from(layer.forward(x).data);
  expect(first).not.toEqual(second);
  layer.training = false;
  expect(layer.forward(x)).toBe(x);
  expect(layer.backward(x)).toBe(x);
  expect(Array.from(new GaussianDropout(0, new Rng(1)).forward(x).data)).toEqual([1, 2, 3]);
  expect(layer.parameters()).toEqual([]);
});

Deno.test("`GaussianDropout` rejects p outside [0, 1) naming it", () => {
  expect(() => new GaussianDropout(1, new Rng(1))).toThrow(
    new RangeError("p must be in [0, 1), got 1"),
  );
  expect(() => new GaussianDropout(-0.1, new Rng(1))).toThrow(RangeError);
  expect(() => new GaussianDropout(0.5, {} as Rng)).toThrow(TypeError);
});
