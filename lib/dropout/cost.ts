/**
 * What a network costs: its parameters and its multiply-adds per example.
 * An ensemble of K copies costs K times both (claim S1-4).
 *
 * @module
 */
import { checkInteger, checkLayer } from "../nn/_check.ts";
import type { Layer } from "../nn/layer.ts";
import { Linear } from "../nn/linear.ts";
import { Sequential } from "../nn/sequential.ts";

/** Every layer of a model, with `Sequential`s flattened. */
function leaves(model: Layer): Layer[] {
  return model instanceof Sequential ? model.layers.flatMap(leaves) : [model];
}

/**
 * Counts the trainable numbers of a model (weights and biases).
 *
 * @param model A layer or a `Sequential`.
 * @returns The number of float32 parameters, which is also its storage in units of 4 bytes.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { countParameters, Linear, ReLU, Rng, Sequential } from "../mod.ts";
 * const rng = new Rng(0);
 * const model = new Sequential(new Linear(784, 256, rng), new ReLU(), new Linear(256, 10, rng));
 * expect(countParameters(model)).toBe(784 * 256 + 256 + 256 * 10 + 10);
 * ```
 */
export function countParameters(model: Layer): number {
  checkLayer("model", model);
  return model.parameters().reduce((sum, p) => sum + p.value.data.length, 0);
}

/**
 * Counts the multiply-adds of one forward pass: each `Linear` layer does
 * in × out per example. ReLU and dropout do no multiply-adds worth counting
 * (one comparison or one multiplication per unit). A backward pass costs
 * about twice a forward one (dX and dW are each a product of the same size).
 *
 * @param model A layer or a `Sequential`.
 * @param batch Examples per pass, ≥ 1 (default 1).
 * @returns Multiply-adds for a forward pass over `batch` examples.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { countMultiplyAdds, Linear, Rng } from "../mod.ts";
 * expect(countMultiplyAdds(new Linear(784, 256, new Rng(0)), 64)).toBe(784 * 256 * 64);
 * ```
 */
export function countMultiplyAdds(model: Layer, batch = 1): number {
  checkLayer("model", model);
  checkInteger("batch", batch, 1);
  return leaves(model).reduce(
    (sum, layer) =>
      layer instanceof Linear ? sum + layer.inFeatures * layer.outFeatures * batch : sum,
    0,
  );
}
