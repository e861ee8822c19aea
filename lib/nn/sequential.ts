/**
 * `Sequential`: layers applied one after another, like PyTorch's `nn.Sequential`.
 *
 * @module
 */
import { describe } from "./_check.ts";
import { SAVE_LAST_FORWARD, saveLastForward } from "./_last_forward.ts";
import type { Layer, Parameter } from "./layer.ts";
import { Tensor } from "./tensor.ts";

/**
 * A chain of layers: forward runs them in order, backward in reverse.
 * `train()` and `eval()` switch every layer's `training` flag, so a model's
 * mode lives in the model, never in a global.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Rng } from "./rng.ts";
 * import { Tensor } from "./tensor.ts";
 * import { Dropout } from "./dropout.ts";
 * import { Linear } from "./linear.ts";
 * import { ReLU } from "./relu.ts";
 * import { Sequential } from "./sequential.ts";
 * const rng = new Rng(0);
 * const model = new Sequential(
 *   new Linear(4, 8, rng.fork(0)), new ReLU(), new Dropout(0.5, rng.fork(1)), new Linear(8, 2, rng.fork(2)),
 * );
 * const x = Tensor.zeros(3, 4);
 * expect(model.forward(x).shape).toBe("3×2");
 * model.eval();
 * expect(model.layers.every((layer) => !layer.training)).toBe(true);
 * expect(model.forward(x).toRows()).toEqual(model.forward(x).toRows()); // deterministic
 * ```
 */
export class Sequential implements Layer {
  /** The layers, in order. */
  readonly layers: readonly Layer[];

  /**
   * @param layers The layers, as arguments or as one array.
   */
  constructor(...layers: Layer[] | [Layer[]]) {
    const list = (layers.length === 1 && Array.isArray(layers[0]) ? layers[0] : layers) as Layer[];
    list.forEach((layer, i) => {
      if (
        layer === null || typeof layer !== "object" || typeof layer.forward !== "function" ||
        typeof layer.backward !== "function" || typeof layer.parameters !== "function"
      ) {
        throw new TypeError(`layers[${i}] must be a Layer, got ${describe(layer)}`);
      }
    });
    this.layers = Object.freeze([...list]);
  }

  /** `true` when every layer is in training mode; setting it sets every layer. */
  get training(): boolean {
    return this.layers.every((layer) => layer.training);
  }
  set training(value: boolean) {
    if (typeof value !== "boolean") {
      throw new TypeError(`training must be a boolean, got ${describe(value)}`);
    }
    for (const layer of this.layers) layer.training = value;
  }

  /** Puts every layer in training mode. @returns this model. */
  train(): this {
    this.training = true;
    return this;
  }

  /** Puts every layer in evaluation mode. @returns this model. */
  eval(): this {
    this.training = false;
    return this;
  }

  /**
   * Runs x through every layer in order.
   *
   * @param x The batch.
   * @returns The last layer's output.
   */
  forward(x: Tensor): Tensor {
    for (const layer of this.layers) x = layer.forward(x);
    return x;
  }

  /**
   * Runs the gradient back through every layer in reverse (the chain rule:
   * dX = J₁ᵀ ⋯ Jₙᵀ dOut).
   *
   * @param dOut The gradient with respect to the model's output.
   * @param inputGrad `false` when the input is data that needs no gradient: the first layer
   *   may then skip its dX product (for a 784-input first layer, about a third of an epoch).
   * @returns The gradient with respect to the model's input (rows × 0 when skipped).
   */
  backward(dOut: Tensor, inputGrad = true): Tensor {
    // Without an input gradient, the layers before the first one with parameters
    // (input dropout, say) need no backward at all, and that one needs no dX.
    const first = inputGrad ? 0 : this.layers.findIndex((layer) => layer.parameters().length > 0);
    if (first === -1) return new Tensor(dOut.rows, 0);
    for (let i = this.layers.length - 1; i > first; i--) dOut = this.layers[i].backward(dOut);
    return this.layers.length ? this.layers[first].backward(dOut, inputGrad) : dOut;
  }

  /** Saves what each layer remembers of its last forward; the result puts it all back. */
  [SAVE_LAST_FORWARD](): () => void {
    const restores = this.layers.map(saveLastForward);
    return () => restores.forEach((restore) => restore());
  }

  /** @returns Every layer's parameters, in layer order. */
  parameters(): Parameter[] {
    return this.layers.flatMap((layer) => layer.parameters());
  }

  /** Sets every parameter's gradient to zero. */
  zeroGrad(): void {
    for (const q of this.parameters()) q.grad.data.fill(0);
  }
}
