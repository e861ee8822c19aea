/**
 * Dropout (Srivastava, Hinton, Krizhevsky, Sutskever & Salakhutdinov, JMLR 2014):
 * during training each unit is kept with probability keep = 1 − p and zeroed
 * otherwise, independently per unit and per example.
 *
 * Two conventions give the same expected activation in training and at test time:
 * - **inverted** (the default, as in PyTorch): kept values × 1/keep in training,
 *   identity in evaluation, so E[y] = keep · x/keep = x;
 * - **standard** (the paper's original): kept values unscaled in training,
 *   everything × keep in evaluation, so both sides equal keep · x on average.
 *
 * Edge cases (claim E-1): p = 0 is the identity; p = 1 writes exact zeros (never
 * `x · 0`, which is NaN for ±Infinity or NaN inputs); any other p outside
 * [0, 1], NaN or a non-number throws.
 *
 * @module
 */
import { checkDOut } from "./_backward.ts";
import { SAVE_LAST_FORWARD } from "./_last_forward.ts";
import { outputMask, outputTensor } from "./_scratch.ts";
import { checkInRange, checkObject, describe, orDefault } from "./_check.ts";
import type { Layer, Parameter } from "./layer.ts";
import { Rng } from "./rng.ts";
import { checkTensor, outTensor, Tensor } from "./tensor.ts";

/** The two scaling conventions: `"inverted"` scales in training, `"standard"` at test time. */
export type DropoutMode = "inverted" | "standard";

/** Options of {@linkcode dropout}. */
export interface DropoutOptions {
  /** `"inverted"` (default) or `"standard"`. */
  mode?: DropoutMode;
  /** `true` (default) samples a mask; `false` applies the evaluation rule. */
  training?: boolean;
  /** Optional output of x's shape (may be x itself). */
  out?: Tensor;
  /** Optional mask buffer of length rows · cols to write the mask into. */
  mask?: Uint8Array;
}

function checkMode(mode: unknown): DropoutMode {
  if (mode !== "inverted" && mode !== "standard") {
    throw new RangeError(`mode must be "inverted" or "standard", got ${describe(mode)}`);
  }
  return mode;
}

// Raw draws are made in chunks into this scratch buffer (no allocation per call).
const CHUNK = 4096;
const draws = new Uint32Array(CHUNK);

/**
 * Applies dropout to `x` and returns the output with the mask that was used
 * (1 = kept, 0 = dropped).
 *
 * The rule is `uniform() < keep`. The loop compares the raw 32-bit draw u with
 * keep · 2^32 instead: since uniform() = u / 2^32 exactly, `u < keep · 2^32`
 * is the same rule on the same draws, one per element in row-major order.
 * p = 0 and p = 1 make no draws.
 *
 * @param x The activations, rows = examples, cols = units.
 * @param p The drop probability, in [0, 1].
 * @param rng The generator to draw the mask from (it advances).
 * @param options `mode`, `training`, and optional `out` / `mask` buffers.
 * @returns `{ y, mask }`. In evaluation the mask is all ones and, in inverted
 *   mode without `out`, y is x itself.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Rng } from "./rng.ts";
 * import { Tensor } from "./tensor.ts";
 * import { dropout } from "./dropout.ts";
 * const x = Tensor.fromRows([[1, 2, 3, 4]]);
 * const { y, mask } = dropout(x, 0.5, new Rng(0));
 * y.data.forEach((v, i) => expect(v).toBe(mask[i] ? x.data[i] * 2 : 0));
 * expect(dropout(x, 0.5, new Rng(0), { training: false }).y).toBe(x);
 * ```
 */
export function dropout(
  x: Tensor,
  p: number,
  rng: Rng,
  options: DropoutOptions = {},
): { y: Tensor; mask: Uint8Array } {
  checkTensor("x", x);
  checkInRange("p", p, 0, 1);
  if (!(rng instanceof Rng)) throw new TypeError(`rng must be an Rng, got ${describe(rng)}`);
  checkObject("options", options, "an object { mode?, training?, out?, mask? }");
  const { mode = "inverted", training = true, out } = options;
  checkMode(mode);
  if (typeof training !== "boolean") {
    throw new TypeError(`training must be a boolean, got ${describe(training)}`);
  }
  const n = x.data.length;
  const mask = orDefault(options.mask, new Uint8Array(n));
  if (!(mask instanceof Uint8Array) || mask.length !== n) {
    throw new RangeError(`mask must be a Uint8Array of length ${n}, got ${describe(mask)}`);
  }
  const keep = 1 - p;
  if (!training) {
    mask.fill(1);
    if (mode === "inverted") return { y: out ? copyInto(x, out) : x, mask };
    return { y: scaleOrZero(x, keep, outTensor(out, x.rows, x.cols)), mask };
  }
  const y = outTensor(out, x.rows, x.cols), xd = x.data, yd = y.data;
  if (keep === 0) return { y: (yd.fill(0), y), mask: mask.fill(0) }; // exact zeros, no x · 0
  if (keep === 1) return { y: copyInto(x, y), mask: mask.fill(1) };
  const threshold = keep * 4294967296; // keep · 2^32
  const s = mode === "inverted" ? 1 / keep : 1;
  // yBits views y's memory as integers: `bits & -m` keeps them (m = 1, -m = all ones)
  // or clears them to +0 (m = 0). Branch-free, so random masks cost no mispredictions,
  // and a dropped value is exactly 0 even where x is ±Infinity or NaN.
  const yBits = new Int32Array(yd.buffer, yd.byteOffset, n);
  for (let start = 0; start < n; start += CHUNK) {
    const len = Math.min(CHUNK, n - start);
    rng.fillUint32(len === CHUNK ? draws : draws.subarray(0, len));
    for (let t = 0; t < len; t++) {
      const i = start + t;
      const m = +(draws[t] < threshold); // 1 = kept, 0 = dropped
      mask[i] = m;
      yd[i] = xd[i] * s;
      yBits[i] &= -m;
    }
  }
  return { y, mask };
}

function copyInto(x: Tensor, out: Tensor): Tensor {
  const o = outTensor(out, x.rows, x.cols);
  if (o !== x) o.data.set(x.data);
  return o;
}

/** out = c · x, except that c = 0 writes exact zeros. */
function scaleOrZero(x: Tensor, c: number, out: Tensor): Tensor {
  if (c === 0) return (out.data.fill(0), out);
  for (let i = 0; i < x.data.length; i++) out.data[i] = x.data[i] * c;
  return out;
}

/**
 * The dropout layer: samples a fresh mask on every training forward pass (its
 * `rng` advances, it never re-seeds) and reuses that mask in `backward`.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Rng } from "./rng.ts";
 * import { Tensor } from "./tensor.ts";
 * import { Dropout } from "./dropout.ts";
 * const layer = new Dropout(0.5, new Rng(1));
 * const x = Tensor.fromRows([[1, 1, 1, 1]]);
 * const y = layer.forward(x);
 * expect(y.data.every((v, i) => v === 2 * layer.mask![i])).toBe(true);
 * layer.training = false;
 * expect(layer.forward(x)).toBe(x); // evaluation: the identity
 * ```
 */
export class Dropout implements Layer {
  /** The drop probability. */
  readonly p: number;
  /** The scaling convention. */
  readonly mode: DropoutMode;
  /** `true`: sample masks; `false`: evaluation rule. `Sequential.train()/eval()` set it. */
  training = true;
  #rng: Rng;
  #mask: Uint8Array | null = null;
  #x: Tensor | null = null;
  #y: Tensor | null = null;
  #training = true; // the mode the last forward ran in, for backward
  #dX: Tensor | null = null; // the last backward's dX (reused within a training loop)

  /**
   * @param p The drop probability, in [0, 1].
   * @param rng The generator this layer owns and advances (e.g. `rng.fork(2)`).
   * @param options `mode`: `"inverted"` (default) or `"standard"`.
   */
  constructor(p: number, rng: Rng, options: { mode?: DropoutMode } = {}) {
    this.p = checkInRange("p", p, 0, 1);
    if (!(rng instanceof Rng)) throw new TypeError(`rng must be an Rng, got ${describe(rng)}`);
    this.#rng = rng;
    checkObject("options", options, "an object { mode? }");
    this.mode = checkMode(orDefault(options.mode, "inverted"));
  }

  /** The last forward's mask (1 = kept), read-only for plots; all ones after an eval pass. */
  get mask(): Uint8Array | null {
    return this.#mask;
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
   * y = x ⊙ mask · s, with s = 1/keep (inverted) or 1 (standard) in training;
   * in evaluation y = x (inverted) or keep · x (standard).
   *
   * @param x The batch.
   * @returns The output (a new tensor, or x itself in inverted evaluation).
   */
  forward(x: Tensor): Tensor {
    const { mode, training } = this;
    // In training, the output and mask of the step before are reused inside a training loop.
    const buffers = training
      ? {
        out: outputTensor(this.#y, x.rows, x.cols, x),
        mask: outputMask(this.#mask, x.data.length),
      }
      : {};
    const { y, mask } = dropout(x, this.p, this.#rng, { mode, training, ...buffers });
    this.#x = x, this.#y = y, this.#mask = mask, this.#training = this.training;
    return y;
  }

  /**
   * dX = dOut ⊙ mask · s, with the forward's own mask and scale (∂yᵢ/∂xᵢ = maskᵢ · s).
   *
   * @param dOut The gradient with respect to the last output.
   * @returns The gradient with respect to the last input.
   */
  backward(dOut: Tensor): Tensor {
    checkDOut("Dropout", this.#y, dOut);
    const x = this.#x!, mask = this.#mask!;
    const keep = 1 - this.p;
    if (!this.#training) {
      return this.mode === "inverted" ? dOut : scaleOrZero(dOut, keep, new Tensor(x.rows, x.cols));
    }
    const dX = outputTensor(this.#dX, x.rows, x.cols, dOut),
      s = this.mode === "inverted" ? 1 / keep : 1;
    this.#dX = dX;
    const dd = dOut.data, dXd = dX.data, dXBits = new Int32Array(dXd.buffer, 0, dXd.length);
    // The rule: dX = mask ? dOut · s : 0, branch-free as in the forward: dOut · s, then its
    // bits & 0 (exactly +0) where dropped. dropout_test.ts checks it against the plain loop.
    for (let i = 0; i < mask.length; i++) dXd[i] = dd[i] * s, dXBits[i] &= -mask[i];
    return dX;
  }

  /** Saves the last forward's input, output, mask and mode; the result puts them back. */
  [SAVE_LAST_FORWARD](): () => void {
    const [x, y, mask, training] = [this.#x, this.#y, this.#mask, this.#training];
    return () => void (this.#x = x, this.#y = y, this.#mask = mask, this.#training = training);
  }

  /** Dropout has no parameters. @returns `[]`. */
  parameters(): Parameter[] {
    return [];
  }
}
