/**
 * The from-scratch network toolkit: seeded randomness, a float32 tensor and matmul, the layers
 * (Linear, ReLU, Dropout, Sequential), losses, optimizers, and the training loop.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Dropout, Rng, Tensor } from "./mod.ts";
 * const layer = new Dropout(0.5, new Rng(1));
 * layer.training = false;
 * expect(layer.forward(Tensor.fromRows([[2, 4]])).toRows()).toEqual([[2, 4]]);
 * ```
 *
 * @module
 */
export * from "./batchnorm.ts";
export * from "./dropout.ts";
export * from "./elementwise.ts";
export * from "./evaluate.ts";
export * from "./gaussian_dropout.ts";
export type * from "./layer.ts";
export * from "./linear.ts";
export * from "./loss.ts";
export * from "./matmul.ts";
export * from "./mlp.ts";
export * from "./optim.ts";
export * from "./relu.ts";
export * from "./rng.ts";
export * from "./sequential.ts";
export * from "./tensor.ts";
export * from "./train.ts";
