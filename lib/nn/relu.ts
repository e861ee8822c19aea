/**
 * `ReLU`: the rectified linear unit, y = max(0, x), elementwise.
 *
 * @module
 */
import type { Layer, Parameter } from "./layer.ts";
import { checkDOut } from "./_backward.ts";
import { SAVE_LAST_FORWARD } from "./_last_forward.ts";
import { outputTensor } from "./_scratch.ts";
import { checkBatch, Tensor } from "./tensor.ts";

/**
 * The ReLU layer. NaN inputs stay NaN (they are not silently turned into 0).
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "./tensor.ts";
 * import { ReLU } from "./relu.ts";
 * const relu = new ReLU();
 * expect(relu.forward(Tensor.fromRows([[-1, 0, 2]])).toRows()).toEqual([[0, 0, 2]]);
 * expect(relu.backward(Tensor.fromRows([[5, 5, 5]])).toRows()).toEqual([[0, 0, 5]]);
 * ```
 */
export class ReLU implements Layer {
  /** Unused by `ReLU` (it behaves the same in training and evaluation). */
  training = true;
  #x: Tensor | null = null;
  #y: Tensor | null = null;
  #dX: Tensor | null = null; // the last backward's dX (reused within a training loop)

  // Linear has the same two getters. They stay in each class rather than in a
  // shared base class, so a learner reading one layer sees all of it in one file.
  /** The last forward's input. */
  get lastInput(): Tensor | null {
    return this.#x;
  }
  /** The last forward's output (the activations, e.g. for a sparsity histogram). */
  get lastOutput(): Tensor | null {
    return this.#y;
  }

  /**
   * y = max(0, x).
   *
   * @param x A batch with rows ≥ 1.
   * @returns A new tensor of x's shape.
   */
  forward(x: Tensor): Tensor {
    checkBatch("x", x);
    const y = outputTensor(this.#y, x.rows, x.cols, x), xd = x.data, yd = y.data;
    // The rule: y = x > 0 ? x : (x is NaN ? x : 0). Written branch-free on the
    // bits, so the random signs of a layer's inputs cost no mispredictions: x is
    // kept (& all ones) where its bits are positive as an integer (x > 0, +∞) or
    // it is a NaN of either sign, else cleared to +0. relu_test.ts checks this
    // loop against the rule written plainly.
    const xBits = new Int32Array(xd.buffer, xd.byteOffset, xd.length);
    const yBits = new Int32Array(yd.buffer, 0, yd.length);
    for (let i = 0; i < xBits.length; i++) {
      const b = xBits[i];
      yBits[i] = b & -(+(b > 0) | +((b & 0x7fffffff) > 0x7f800000));
    }
    this.#x = x, this.#y = y;
    return y;
  }

  /**
   * dX = dOut where x > 0, else 0 (∂y/∂x = 1 for x > 0, 0 for x ≤ 0, taking 0 at the kink).
   *
   * @param dOut The gradient with respect to the last output.
   * @returns dX, a new tensor.
   */
  backward(dOut: Tensor): Tensor {
    checkDOut("ReLU", this.#y, dOut);
    const x = this.#x!;
    const dX = outputTensor(this.#dX, x.rows, x.cols, dOut), xd = x.data, dd = dOut.data;
    this.#dX = dX;
    // dX = x > 0 ? dOut : 0, branch-free: the bits of dOut, kept (& all ones)
    // or cleared to +0 (& 0), so a dOut of ±∞ or NaN where x ≤ 0 still gives 0.
    const dBits = new Int32Array(dd.buffer, dd.byteOffset, dd.length);
    const dXBits = new Int32Array(dX.data.buffer, 0, dd.length);
    for (let i = 0; i < xd.length; i++) dXBits[i] = dBits[i] & -(xd[i] > 0);
    return dX;
  }

  /** Saves the last forward's input and output; the result puts them back (see `_last_forward.ts`). */
  [SAVE_LAST_FORWARD](): () => void {
    const [x, y] = [this.#x, this.#y];
    return () => void (this.#x = x, this.#y = y);
  }

  /** ReLU has no parameters. @returns `[]`. */
  parameters(): Parameter[] {
    return [];
  }
}
