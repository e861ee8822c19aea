/**
 * `Linear`: the fully connected layer y = x·W + b.
 *
 * W is stored in × out, so the forward pass is one `matmul` and column j of W
 * holds the incoming weights of output unit j (what max-norm constrains).
 *
 * @module
 */
import { checkInteger, checkObject, describe, orDefault } from "./_check.ts";
import type { Layer, Parameter } from "./layer.ts";
import { matmul, matmulTransA, matmulTransB } from "./matmul.ts";
import { Rng } from "./rng.ts";
import { checkDOut } from "./_backward.ts";
import { SAVE_LAST_FORWARD } from "./_last_forward.ts";
import { outputTensor } from "./_scratch.ts";
import { addRowVector, checkBatch, colSums, Tensor } from "./tensor.ts";

/**
 * A fully connected layer, y = x·W + b, initialised like PyTorch's `nn.Linear`:
 * every entry of W and b drawn from U(−1/√in, 1/√in) (kaiming-uniform with
 * a = √5 reduces to this bound).
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Rng } from "./rng.ts";
 * import { Tensor } from "./tensor.ts";
 * import { Linear } from "./linear.ts";
 * const layer = new Linear(3, 2, new Rng(0), { name: "fc1" });
 * expect(layer.forward(Tensor.zeros(5, 3)).shape).toBe("5×2");
 * expect(layer.parameters().map((q) => q.name)).toEqual(["fc1.W", "fc1.b"]);
 * ```
 */
export class Linear implements Layer {
  /** Number of input features. */
  readonly inFeatures: number;
  /** Number of output units. */
  readonly outFeatures: number;
  /** The weights, in × out, named `<name>.W`. */
  readonly W: Parameter;
  /** The biases, 1 × out, named `<name>.b`. */
  readonly b: Parameter;
  /** Unused by `Linear` (it behaves the same in training and evaluation). */
  training = true;
  #x: Tensor | null = null;
  #y: Tensor | null = null;
  #dB: Tensor; // scratch for Σ_rows dOut, reused by every backward
  #dX: Tensor | null = null; // the last backward's dX (reused within a training loop)

  /**
   * @param inFeatures Number of inputs per example, an integer ≥ 1.
   * @param outFeatures Number of outputs per example, an integer ≥ 1.
   * @param rng The generator for the initial weights (advanced by in·out + out draws).
   * @param options `name` prefixes the parameter names (default `"linear"`).
   */
  constructor(inFeatures: number, outFeatures: number, rng: Rng, options: { name?: string } = {}) {
    this.inFeatures = checkInteger("inFeatures", inFeatures, 1);
    this.outFeatures = checkInteger("outFeatures", outFeatures, 1);
    if (!(rng instanceof Rng)) throw new TypeError(`rng must be an Rng, got ${describe(rng)}`);
    checkObject("options", options, "an object { name? }");
    const name = orDefault(options.name, "linear");
    if (typeof name !== "string") {
      throw new TypeError(`name must be a string, got ${describe(name)}`);
    }
    const bound = 1 / Math.sqrt(inFeatures);
    const init = (t: Tensor) => {
      for (let i = 0; i < t.data.length; i++) t.data[i] = (2 * rng.uniform() - 1) * bound;
      return t;
    };
    this.W = param(`${name}.W`, init(new Tensor(inFeatures, outFeatures)));
    this.b = param(`${name}.b`, init(new Tensor(1, outFeatures)));
    this.#dB = new Tensor(1, outFeatures);
  }

  /** The last forward's input (kept for backward). */
  get lastInput(): Tensor | null {
    return this.#x;
  }
  /** The last forward's output. */
  get lastOutput(): Tensor | null {
    return this.#y;
  }

  /**
   * y = x·W + b.
   *
   * @param x A batch, rows × inFeatures, rows ≥ 1.
   * @returns A new rows × outFeatures tensor.
   */
  forward(x: Tensor): Tensor {
    checkBatch("x", x);
    if (x.cols !== this.inFeatures) {
      throw new RangeError(
        `x and W have mismatched shapes: x is ${x.shape}, W is ${this.W.value.shape}`,
      );
    }
    const xW = matmul(x, this.W.value, outputTensor(this.#y, x.rows, this.outFeatures, x));
    const y = addRowVector(xW, this.b.value, xW); // in place: no second buffer
    this.#x = x, this.#y = y;
    return y;
  }

  /**
   * dW += xᵀ·dOut, dB += Σ_rows dOut, dX = dOut·Wᵀ (from y = x·W + b:
   * ∂y/∂W gives xᵀ, ∂y/∂b is one per row, ∂y/∂x gives Wᵀ).
   * Gradients accumulate until the optimizer's `zeroGrad()`.
   *
   * @param dOut The gradient with respect to the last output, rows × outFeatures.
   * @param inputGrad `false` skips dX (a network's first layer: nobody needs it). Default `true`.
   * @returns dX, rows × inFeatures (rows × 0 when `inputGrad` is false).
   */
  backward(dOut: Tensor, inputGrad = true): Tensor {
    checkDOut("Linear", this.#y, dOut);
    const x = this.#x!;
    matmulTransA(x, dOut, this.W.grad, { accumulate: true }); // dW += xᵀ·dOut, no temporary
    accumulate(this.b.grad, colSums(dOut, this.#dB));
    if (!inputGrad) return new Tensor(dOut.rows, 0);
    const dX = outputTensor(this.#dX, dOut.rows, this.inFeatures, dOut);
    return this.#dX = matmulTransB(dOut, this.W.value, dX);
  }

  /** Saves the last forward's input and output; the result puts them back (see `_last_forward.ts`). */
  [SAVE_LAST_FORWARD](): () => void {
    const [x, y] = [this.#x, this.#y];
    return () => void (this.#x = x, this.#y = y);
  }

  /** @returns `[W, b]`. */
  parameters(): Parameter[] {
    return [this.W, this.b];
  }
}

function param(name: string, value: Tensor): Parameter {
  return { name, value, grad: new Tensor(value.rows, value.cols) };
}

/** grad += g, elementwise. */
function accumulate(grad: Tensor, g: Tensor): void {
  for (let i = 0; i < g.data.length; i++) grad.data[i] += g.data[i];
}
