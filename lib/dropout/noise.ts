/**
 * The multiplicative noise a dropout layer applies, read off its output:
 * for every nonzero input x and its training-mode output y, the relative
 * change y/x − 1. Inverted Bernoulli dropout gives 1/keep − 1 or −1; Gaussian
 * dropout gives a normal draw. Both have mean 0 and variance p/(1 − p).
 *
 * @module
 */
import { checkInteger, checkLayer } from "../nn/_check.ts";
import type { Layer } from "../nn/layer.ts";
import { checkBatch, type Tensor } from "../nn/tensor.ts";

/**
 * Runs `passes` training-mode forward passes of a noise layer (Dropout,
 * GaussianDropout) over `x` and collects y/x − 1 at every nonzero x.
 *
 * @param layer A layer that multiplies its input by noise; its mode is restored.
 * @param x The inputs.
 * @param passes How many passes (fresh noise each), ≥ 1.
 * @returns The relative changes, pass by pass.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Dropout, relativeNoise, Rng, Tensor } from "../mod.ts";
 * const u = relativeNoise(new Dropout(0.5, new Rng(1)), Tensor.fromRows([[2, 0, 4]]), 3);
 * expect(u.length).toBe(6); // the zero input is skipped
 * expect(u.every((v) => v === 1 || v === -1)).toBe(true); // kept: ×2, dropped: ×0
 * ```
 */
export function relativeNoise(layer: Layer, x: Tensor, passes: number): Float64Array {
  checkLayer("layer", layer);
  checkBatch("x", x);
  checkInteger("passes", passes, 1);
  const nonzero: number[] = [];
  for (let i = 0; i < x.data.length; i++) if (x.data[i] !== 0) nonzero.push(i);
  const out = new Float64Array(nonzero.length * passes), was = layer.training;
  layer.training = true;
  try {
    for (let pass = 0; pass < passes; pass++) {
      const y = layer.forward(x).data, at = pass * nonzero.length;
      nonzero.forEach((i, k) => (out[at + k] = y[i] / x.data[i] - 1));
    }
  } finally {
    layer.training = was;
  }
  return out;
}
