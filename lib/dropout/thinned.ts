/**
 * Thinned sub-networks: a dropout network run with chosen masks, and how many
 * distinct masks a run of training steps should draw.
 *
 * A network whose dropout layers have m units in all has 2^m thinned
 * sub-networks, one per mask (Srivastava et al. 2014, section 2). They share
 * every weight: a sub-network is the full network with its mask applied, so
 * {@linkcode thinnedForward} runs the model's own layers and only fixes the
 * masks. Used by the ensembles lesson (claims S1-8, S2-6).
 *
 * @module
 */
import { checkInRange, checkInteger, describe } from "../nn/_check.ts";
import { Dropout } from "../nn/dropout.ts";
import { Sequential } from "../nn/sequential.ts";
import { checkBatch, Tensor } from "../nn/tensor.ts";

/**
 * Runs `model` on `x` as the thinned sub-network given by `masks`: each
 * `Dropout` layer multiplies unit j of every row by masks[d][j] · s, where
 * s = 1/keep (inverted) or 1 (standard), exactly as a training pass that drew
 * that mask would; every other layer runs its own `forward`. The dropout
 * layers' generators are not touched.
 *
 * @param model A `Sequential` whose `Dropout` layers come in order.
 * @param x A batch, rows ≥ 1.
 * @param masks One mask per `Dropout` layer (1 = kept), as long as that layer's input is wide.
 * @returns The output (a tensor owned by the last layer; clone it to keep it).
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Dropout, Linear, Rng, Sequential, Tensor } from "../mod.ts";
 * import { thinnedForward } from "./thinned.ts";
 * const fc = new Linear(2, 1, new Rng(0));
 * fc.W.value.data.set([1, 1]);
 * fc.b.value.data[0] = 0;
 * const model = new Sequential(new Dropout(0.5, new Rng(1)), fc);
 * const y = thinnedForward(model, Tensor.fromRows([[3, 4]]), [new Uint8Array([0, 1])]);
 * expect(y.data[0]).toBe(8); // unit 0 dropped, unit 1 kept and doubled
 * ```
 */
export function thinnedForward(model: Sequential, x: Tensor, masks: Uint8Array[]): Tensor {
  if (!(model instanceof Sequential)) {
    throw new TypeError(`model must be a Sequential, got ${describe(model)}`);
  }
  checkBatch("x", x);
  if (!Array.isArray(masks)) throw new TypeError(`masks must be an array, got ${describe(masks)}`);
  const drops = model.layers.filter((layer) => layer instanceof Dropout).length;
  if (masks.length !== drops) {
    throw new RangeError(
      `masks must hold one mask per Dropout layer (${drops}), got ${masks.length}`,
    );
  }
  let d = 0;
  for (const layer of model.layers) {
    if (layer instanceof Dropout) x = applyMask(x, masks[d++], layer, d - 1);
    else x = layer.forward(x);
  }
  return x;
}

/** y[i, j] = x[i, j] · s if mask[j] = 1, else exactly 0. */
function applyMask(x: Tensor, mask: Uint8Array, layer: Dropout, d: number): Tensor {
  if (!(mask instanceof Uint8Array) || mask.length !== x.cols) {
    throw new RangeError(
      `masks[${d}] must be a Uint8Array of length ${x.cols}, got ${describe(mask)}`,
    );
  }
  const s = layer.mode === "inverted" ? 1 / (1 - layer.p) : 1;
  const y = new Tensor(x.rows, x.cols);
  for (let i = 0; i < x.rows; i++) {
    for (let j = 0; j < x.cols; j++) {
      if (mask[j] === 1) y.data[i * x.cols + j] = x.data[i * x.cols + j] * s;
      else if (mask[j] !== 0) {
        throw new RangeError(`masks[${d}] values must be 0 or 1, got ${mask[j]} at [${j}]`);
      }
    }
  }
  return y;
}

/**
 * Counts the distinct rows of a mask buffer (rows × cols, 1 = kept), as
 * drawn by `dropout()` or read from `Dropout.mask`.
 *
 * @param mask The masks, row after row.
 * @param cols The number of units per row, ≥ 1.
 * @returns The number of different rows.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { distinctMasks } from "./thinned.ts";
 * expect(distinctMasks(new Uint8Array([1, 0, 1, 0, 0, 1]), 2)).toBe(2);
 * ```
 */
export function distinctMasks(mask: Uint8Array, cols: number): number {
  if (!(mask instanceof Uint8Array)) {
    throw new TypeError(`mask must be a Uint8Array, got ${describe(mask)}`);
  }
  checkInteger("cols", cols, 1);
  if (mask.length % cols !== 0) {
    throw new RangeError(
      `cols must be an integer ≥ 1 dividing the mask length ${mask.length}, got ${cols}`,
    );
  }
  const seen = new Set<string>();
  for (let r = 0; r < mask.length; r += cols) seen.add(mask.subarray(r, r + cols).join(""));
  return seen.size;
}

/**
 * The mean and variance of the number of distinct masks seen in `draws`
 * independent draws, when mask k has probability probabilities[k] (the
 * occupancy problem). With q_k = (1 − P_k)^T, D = Σ_k [mask k seen]:
 * E[D] = Σ_k (1 − q_k) and
 * Var[D] = Σ_k q_k(1 − q_k) + Σ_{k≠l} ((1 − P_k − P_l)^T − q_k q_l).
 *
 * @param probabilities The probability of each mask (e.g. from `allMasks`), summing to 1.
 * @param draws The number of draws T, an integer ≥ 0.
 * @returns `{ mean, variance }` of the number of distinct masks drawn.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { distinctMaskMoments } from "./thinned.ts";
 * // Two equally likely masks, two draws: 1 distinct with prob 1/2, 2 with prob 1/2.
 * const { mean, variance } = distinctMaskMoments([0.5, 0.5], 2);
 * expect([mean, variance]).toEqual([1.5, 0.25]);
 * ```
 */
export function distinctMaskMoments(
  probabilities: number[],
  draws: number,
): { mean: number; variance: number } {
  if (!Array.isArray(probabilities) || probabilities.length === 0) {
    throw new TypeError(
      `probabilities must be a non-empty array of numbers, got ${describe(probabilities)}`,
    );
  }
  probabilities.forEach((q, k) => checkInRange(`probabilities[${k}]`, q, 0, 1));
  // They are the probabilities of all the masks, so they must sum to 1 (up to rounding).
  const total = probabilities.reduce((s, q) => s + q, 0);
  if (Math.abs(total - 1) > 1e-9 * probabilities.length) {
    throw new RangeError(`probabilities must sum to 1, got a sum of ${total}`);
  }
  checkInteger("draws", draws, 0);
  const miss = probabilities.map((q) => (1 - q) ** draws);
  let mean = 0, variance = 0;
  probabilities.forEach((pk, k) => {
    mean += 1 - miss[k];
    variance += miss[k] * (1 - miss[k]);
    for (let l = 0; l < probabilities.length; l++) {
      if (l !== k) variance += Math.max(0, 1 - pk - probabilities[l]) ** draws - miss[k] * miss[l];
    }
  });
  return { mean, variance };
}

/**
 * Which parameter entries a computation reads: each entry in turn is nudged
 * (by +1) and kept in the answer when the output changes by any bit. For a
 * thinned sub-network, `output` runs {@linkcode thinnedForward} with its mask,
 * and the answer is the set of weights that sub-network is made of, so two
 * sub-networks share exactly the weights in both sets (claim S1-8).
 *
 * @param output Computes the output from the current parameter values.
 * @param parameters The parameters to probe; every value is restored.
 * @returns Keys `"<name>[<index>]"` of the entries that change the output.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Linear, parametersRead, Rng, Sequential, Dropout, Tensor, thinnedForward } from "../mod.ts";
 * const fc = new Linear(2, 1, new Rng(0), { name: "fc" });
 * const model = new Sequential(new Dropout(0.5, new Rng(1)), fc);
 * const x = Tensor.fromRows([[3, 4]]);
 * const read = parametersRead(() => thinnedForward(model, x, [new Uint8Array([0, 1])]).data, fc.parameters());
 * expect([...read]).toEqual(["fc.W[1]", "fc.b[0]"]); // unit 0 is dropped: W[0] is not read
 * ```
 */
export function parametersRead(
  output: () => ArrayLike<number>,
  parameters: readonly { name: string; value: Tensor }[],
): Set<string> {
  if (typeof output !== "function") {
    throw new TypeError(`output must be a function, got ${describe(output)}`);
  }
  if (!Array.isArray(parameters)) {
    throw new TypeError(`parameters must be an array of Parameters, got ${describe(parameters)}`);
  }
  parameters.forEach((q, i) => {
    if (q === null || typeof q !== "object" || !(q.value instanceof Tensor)) {
      throw new TypeError(
        `parameters[${i}] must be a Parameter { name, value }, got ${describe(q)}`,
      );
    }
  });
  const first = output();
  if (!Array.isArray(first) && !ArrayBuffer.isView(first)) {
    throw new TypeError(`output must return an array of numbers, got ${describe(first)}`);
  }
  const base = Float64Array.from(first as ArrayLike<number>);
  const read = new Set<string>();
  for (const { name, value } of parameters) {
    for (let i = 0; i < value.data.length; i++) {
      const kept = value.data[i];
      value.data[i] = kept + 1;
      const changed = Array.from(output()).some((v, j) => !Object.is(v, base[j]));
      value.data[i] = kept;
      if (changed) read.add(`${name}[${i}]`);
    }
  }
  return read;
}
