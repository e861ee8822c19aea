/**
 * The course library: seeded randomness, a small float32 tensor, dropout and
 * the layers, losses and optimizers of a from-scratch neural network, plus
 * the figures and claim verdicts the lessons show.
 *
 * @example
 * ```ts
 * import { dropout, Rng, Tensor } from "./mod.ts";
 * import { expect } from "expect";
 * const x = Tensor.fromRows([[0.13, 0.93]]);
 * const { y } = dropout(x, 0.2, new Rng(1), { training: false });
 * expect(y.toRows()).toEqual(x.toRows()); // evaluation mode is the identity
 * ```
 *
 * @module
 */
export * from "./rng.ts";
export * from "./tensor.ts";
export * from "./elementwise.ts";
export * from "./matmul.ts";
export * from "./dropout.ts";
export type * from "./layer.ts";
export * from "./display.ts";
export * from "./plot.ts";
export * from "./claims.ts";
export * from "./claims_table.ts";
export * from "./masks.ts";
export * from "./linear.ts";
export * from "./relu.ts";
export * from "./sequential.ts";
export * from "./loss.ts";
export * from "./optim.ts";
export * from "./bits.ts";
export * from "./sweep.ts";
export * from "./spearman.ts";
export * from "./mnist.ts";
export * from "./evaluate.ts";
export * from "./train.ts";
export * from "./cost.ts";
export * from "./inference.ts";
export * from "./ensemble.ts";
export * from "./data.ts";
export * from "./downsample.ts";
export * from "./units.ts";
export * from "./penalty.ts";
export * from "./mlp.ts";
export * from "./thinned.ts";
