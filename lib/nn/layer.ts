/**
 * The one interface every layer of the course follows.
 *
 * A layer turns a batch `x` (rows = examples, cols = features) into an output
 * in `forward`, keeps exactly what `backward` needs, and in `backward` turns
 * the gradient of the loss with respect to its output (`dOut`) into the
 * gradient with respect to its input (`dX`), adding the gradients of its own
 * parameters into their `grad` tensors.
 *
 * @module
 */
import type { Tensor } from "./tensor.ts";

/** A trainable tensor and the gradient the backward pass accumulates into it. */
export interface Parameter {
  /** A readable name such as `"linear1.W"`. */
  readonly name: string;
  /** The current values. Optimizers update them in place. */
  readonly value: Tensor;
  /** The gradient of the loss, same shape as `value`. */
  readonly grad: Tensor;
}

/** Forward, backward, parameters and a training flag: the whole layer contract. */
export interface Layer {
  /** `true` while training (dropout samples masks), `false` in evaluation. */
  training: boolean;
  /** Computes the layer's output for the batch `x`. */
  forward(x: Tensor): Tensor;
  /**
   * Given dLoss/dOutput, returns dLoss/dInput and accumulates parameter gradients.
   * With `inputGrad` false the caller does not need dLoss/dInput (the input is
   * the data), so a layer may skip that product and return an empty rows × 0 tensor.
   */
  backward(dOut: Tensor, inputGrad?: boolean): Tensor;
  /** The trainable parameters (empty for ReLU and Dropout). */
  parameters(): Parameter[];
}
