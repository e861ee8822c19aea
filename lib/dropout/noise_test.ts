import { expect } from "expect";
import { Dropout } from "../nn/dropout.ts";
import { GaussianDropout } from "../nn/gaussian_dropout.ts";
import { Rng } from "../nn/rng.ts";
import { Tensor } from "../nn/tensor.ts";
import { relativeNoise } from "./noise.ts";

Deno.test("`relativeNoise()` reads the mask back: 1/keep − 1 where kept, −1 where dropped", () => {
  const x = Tensor.fromRows([[0.5, 1, 0, 3, 7]]);
  const u = relativeNoise(new Dropout(0.2, new Rng(3)), x, 50);
  expect(u.length).toBe(200);
  expect(u.every((v) => Math.abs(v - 0.25) < 1e-6 || v === -1)).toBe(true);
});

Deno.test("`relativeNoise()` of Gaussian dropout: mean 0 and variance p/(1 − p), within 5 SE", () => {
  const x = new Tensor(50, 20);
  x.data.fill(1.5);
  const layer = new GaussianDropout(0.5, new Rng(4));
  layer.training = false;
  const u = relativeNoise(layer, x, 40), n = u.length;
  const mean = u.reduce((a, b) => a + b, 0) / n;
  const variance = u.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
  expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  expect(layer.training).toBe(false);
});
