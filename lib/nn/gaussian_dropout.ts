/**
 * Gaussian dropout (Srivastava et al., JMLR 2014, section 10): instead of
 * multiplying each unit by a Bernoulli mask scaled by 1/keep, multiply it by
 * noise r ~ N(1, σ²) with σ² = p/(1 − p).
 *
 * Inverted Bernoulli dropout multiplies by m/keep with m ~ Bernoulli(keep):
 * mean 1 and variance (1 − keep)/keep = p/(1 − p). The Gaussian noise has the
 * same two moments, so E[y] = x and Var[y] = x² · p/(1 − p) under both. At test
 * time both are the identity.
 *
 * @module
 */
import { checkDOut } from "./_backward.ts";
import { SAVE_LAST_FORWARD } from "./_last_forward.ts";
import { outputNoise, outputTensor } from "./_scratch.ts";
import { checkInHalfOpen, describe } from "./_check.ts";
import type { Layer, Parameter } from "./layer.ts";
import { Rng } from "./rng.ts";
import { checkTensor, Tensor } from "./tensor.ts";

/**
 * The Gaussian dropout layer: draws fresh noise r ~ N(1, p/(1 − p)) per unit
 * and example on every training forward pass (its `rng` advances) and reuses
 * that noise in `backward`; the identity in evaluation.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { GaussianDropout, Rng, Tensor } from "./mod.ts";
 * const layer = new GaussianDropout(0.5, new Rng(1)); // noise N(1, 1)
 * const x = Tensor.fromRows([[2, 2, 2, 2]]);
 * const y = layer.forward(x);
 * expect(y.data.every((v, i) => v === Math.fround(2 * layer.noise![i]))).toBe(true);
 * layer.training = false;
 * expect(layer.forward(x)).toBe(x); // evaluation: the identity
 * ```
 */
export class GaussianDropout implements Layer {
  /** The drop probability whose variance the noise matches. */
  readonly p: number;
  /** The noise's standard deviation, √(p/(1 − p)). */
  readonly sigma: number;
  /** `true`: multiply by noise; `false`: the identity. `Sequential.train()/eval()` set it. */
  training = true;
  #rng: Rng;
  #noise: Float32Array | null = null;
  #x: Tensor | null = null;
  #y: Tensor | null = null;
  #training = true; // the mode the last forward ran in, for backward
  #dX: Tensor | null = null; // the last backward's dX (reused within a training loop)

  /**
   * @param p The drop probability of the Bernoulli dropout to match, in [0, 1).
   * @param rng The generator this layer owns and advances.
   */
  constructor(p: number, rng: Rng) {
    this.p = checkInHalfOpen("p", p, 0, 1);
    if (!(rng instanceof Rng)) throw new TypeError(`rng must be an Rng, got ${describe(rng)}`);
    this.#rng = rng;
    this.sigma = Math.sqrt(p / (1 - p));
  }

  /** The last training forward's noise r (one per unit and example), read-only for plots. */
  get noise(): Float32Array | null {
    return this.#noise;
  }
  /** The last forward's input. */
  get lastInput(): Tensor | null {
    return this.#x;
  }
  /** The last forward's output. */
  get lastOutput(): Tensor | null {
    return this.#y;
  }

  /**
   * y = x ⊙ r with r ~ N(1, σ²) in training; y = x in evaluation.
   *
   * @param x The batch.
   * @returns A new tensor in training, x itself in evaluation.
   */
  forward(x: Tensor): Tensor {
    checkTensor("x", x);
    this.#x = x, this.#training = this.training;
    if (!this.training) return (this.#y = x);
    const n = x.data.length;
    const noise = outputNoise(this.#noise, n), y = outputTensor(this.#y, x.rows, x.cols, x);
    for (let i = 0; i < n; i++) {
      noise[i] = 1 + this.sigma * this.#rng.normal();
      y.data[i] = x.data[i] * noise[i];
    }
    this.#noise = noise, this.#y = y;
    return y;
  }

  /**
   * dX = dOut ⊙ r with the forward's own noise (∂yᵢ/∂xᵢ = rᵢ); dOut in evaluation.
   *
   * @param dOut The gradient with respect to the last output.
   * @returns The gradient with respect to the last input.
   */
  backward(dOut: Tensor): Tensor {
    checkDOut("GaussianDropout", this.#y, dOut);
    if (!this.#training) return dOut;
    const dX = outputTensor(this.#dX, dOut.rows, dOut.cols, dOut), noise = this.#noise!;
    this.#dX = dX;
    for (let i = 0; i < noise.length; i++) dX.data[i] = dOut.data[i] * noise[i];
    return dX;
  }

  /** Saves the last forward's input, output, noise and mode; the result puts them back. */
  [SAVE_LAST_FORWARD](): () => void {
    const [x, y, noise, training] = [this.#x, this.#y, this.#noise, this.#training];
    return () => void (this.#x = x, this.#y = y, this.#noise = noise, this.#training = training);
  }

  /** Gaussian dropout has no parameters. @returns `[]`. */
  parameters(): Parameter[] {
    return [];
  }
}
