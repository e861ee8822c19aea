/**
 * What a network costs: its parameters and its multiply-adds per example.
 * An ensemble of K copies costs K times both (claim S1-4).
 *
 * @module
 */
import { checkInteger, checkLayer } from "../nn/_check.ts";
import type { Layer, Parameter } from "../nn/layer.ts";
import { Linear } from "../nn/linear.ts";
import { Sequential } from "../nn/sequential.ts";
import type { Tensor } from "../nn/tensor.ts";

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

/** Multiply-adds executed by an instrumented model, tallied as its layers run. */
export interface MultiplyAddTally {
  /** In forward passes: x·W, in × out per example. */
  forward: number;
  /** In backward passes: xᵀ·dOut for dW, and dOut·Wᵀ for dX when the layer is asked for it. */
  backward: number;
}

/**
 * A `Linear` that tallies the multiply-adds of each product it actually runs,
 * from the shapes of the tensors it receives, then hands the call on unchanged.
 */
class CountingLinear implements Layer {
  constructor(readonly inner: Linear, readonly tally: MultiplyAddTally) {}
  get training(): boolean {
    return this.inner.training;
  }
  set training(value: boolean) {
    this.inner.training = value;
  }
  forward(x: Tensor): Tensor {
    const y = this.inner.forward(x);
    this.tally.forward += x.rows * this.inner.inFeatures * this.inner.outFeatures;
    return y;
  }
  backward(dOut: Tensor, inputGrad = true): Tensor {
    const dX = this.inner.backward(dOut, inputGrad);
    const product = dOut.rows * this.inner.inFeatures * this.inner.outFeatures;
    this.tally.backward += inputGrad ? 2 * product : product; // dW, and dX only if asked
    return dX;
  }
  parameters(): Parameter[] {
    return this.inner.parameters();
  }
}

/**
 * Instruments a model so that it counts the multiply-adds it executes: every
 * `Linear` (inside `Sequential`s too) is wrapped by a counter that adds the
 * size of each matrix product the layer really runs, forward and backward.
 * The returned model shares the original's layers and parameters, so training
 * it trains the original. Unlike {@linkcode countMultiplyAdds}, which states
 * what one forward pass needs, this measures a whole run: every batch, every
 * evaluation pass, and the backward products that `Sequential` skips (the
 * first layer's dX, which data never needs).
 *
 * @param model A layer or a `Sequential`.
 * @returns The instrumented model and its tally (both counts start at 0).
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Linear, ReLU, Rng, Sequential, Tensor, withMultiplyAddCounter } from "../mod.ts";
 * const net = new Sequential(new Linear(3, 4, new Rng(0)), new ReLU(), new Linear(4, 2, new Rng(1)));
 * const { model, tally } = withMultiplyAddCounter(net);
 * const y = model.forward(Tensor.zeros(5, 3));
 * model.backward(y, false); // the input is data: no dX for the first layer
 * expect(tally.forward).toBe(5 * (3 * 4 + 4 * 2));
 * expect(tally.backward).toBe(5 * (3 * 4) + 2 * 5 * (4 * 2));
 * ```
 */
export function withMultiplyAddCounter(model: Layer): { model: Layer; tally: MultiplyAddTally } {
  checkLayer("model", model);
  const tally: MultiplyAddTally = { forward: 0, backward: 0 };
  const wrap = (layer: Layer): Layer =>
    layer instanceof Sequential
      ? new Sequential(layer.layers.map(wrap))
      : layer instanceof Linear
      ? new CountingLinear(layer, tally)
      : layer;
  return { model: wrap(model), tally };
}
