/**
 * Exact enumeration of dropout masks, for the claims that hold exactly.
 *
 * A layer of m droppable units has 2^m masks. Mask number k keeps unit j when
 * bit j of k is 1; with keep = 1 − p it has probability keep^kept · p^(m − kept).
 * Summing f(mask) · probability over all of them gives E[f] with no sampling
 * error, which is how the course checks S2-6, S1-11, S1-13, V-1 and S3-6.
 *
 * @module
 */
import { checkInRange, checkInteger, describe } from "../nn/_check.ts";

/** The largest m the helpers enumerate: 2^20 ≈ one million masks. */
export const MAX_MASK_UNITS = 20;

/** One mask of a small layer and its probability. */
export interface WeightedMask {
  /** 1 = kept, 0 = dropped, one entry per unit. */
  mask: Uint8Array;
  /** keep^kept · p^dropped. */
  probability: number;
}

/**
 * Every mask of an m-unit layer with its probability under drop probability p.
 *
 * @param m The number of units, an integer in [0, 20].
 * @param p The drop probability, in [0, 1].
 * @returns 2^m masks (mask k keeps unit j when bit j of k is set); probabilities sum to 1.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { allMasks } from "./masks.ts";
 * const masks = allMasks(2, 0.25);
 * expect(masks.map((w) => [...w.mask])).toEqual([[0, 0], [1, 0], [0, 1], [1, 1]]);
 * expect(masks.map((w) => w.probability)).toEqual([0.0625, 0.1875, 0.1875, 0.5625]);
 * ```
 */
export function allMasks(m: number, p: number): WeightedMask[] {
  checkInteger("m", m, 0, MAX_MASK_UNITS);
  checkInRange("p", p, 0, 1);
  const out: WeightedMask[] = [];
  for (let k = 0; k < 2 ** m; k++) {
    const mask = new Uint8Array(m);
    for (let j = 0; j < m; j++) mask[j] = (k >>> j) & 1;
    out.push({ mask, probability: maskProbability(mask, p) });
  }
  return out;
}

/**
 * The probability of one mask: keep^kept · p^dropped, with keep = 1 − p.
 *
 * @param mask 1 = kept, 0 = dropped.
 * @param p The drop probability, in [0, 1].
 * @returns The probability that dropout draws exactly this mask.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { maskProbability } from "./masks.ts";
 * expect(maskProbability(new Uint8Array([1, 0, 1]), 0.5)).toBe(0.125);
 * ```
 */
export function maskProbability(mask: Uint8Array, p: number): number {
  if (!(mask instanceof Uint8Array)) {
    throw new TypeError(`mask must be a Uint8Array, got ${describe(mask)}`);
  }
  checkInRange("p", p, 0, 1);
  let kept = 0;
  for (const v of mask) {
    if (v !== 0 && v !== 1) throw new RangeError(`mask values must be 0 or 1, got ${v}`);
    kept += v;
  }
  return (1 - p) ** kept * p ** (mask.length - kept);
}

/**
 * The exact expectation E[f(mask)] = Σ over all 2^m masks of probability · f(mask).
 *
 * @param f A function of the mask, returning a number.
 * @param m The number of units, in [0, 20].
 * @param p The drop probability, in [0, 1].
 * @returns The expectation.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { exactExpectation } from "./masks.ts";
 * // A unit that outputs 10, inverted dropout with p = 0.4: E = 10 (claim S1-13).
 * const e = exactExpectation((mask) => mask[0] * 10 / 0.6, 1, 0.4);
 * expect(e).toBeCloseTo(10, 12);
 * ```
 */
export function exactExpectation(f: (mask: Uint8Array) => number, m: number, p: number): number {
  return exactMoments(f, m, p).mean;
}

/**
 * The exact mean and variance of f(mask) over all 2^m masks:
 * mean = Σ P·f, variance = Σ P·(f − mean)².
 *
 * @param f A function of the mask, returning a number.
 * @param m The number of units, in [0, 20].
 * @param p The drop probability, in [0, 1].
 * @returns `{ mean, variance }`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { exactMoments } from "./masks.ts";
 * // The variance inverted dropout adds to x = 3 with p = 0.5 is x²·p/(1 − p) = 9 (claim V-1).
 * const { mean, variance } = exactMoments((mask) => mask[0] * 3 / 0.5, 1, 0.5);
 * expect([mean, variance]).toEqual([3, 9]);
 * ```
 */
export function exactMoments(
  f: (mask: Uint8Array) => number,
  m: number,
  p: number,
): { mean: number; variance: number } {
  if (typeof f !== "function") throw new TypeError(`f must be a function, got ${describe(f)}`);
  const masks = allMasks(m, p);
  const values = masks.map(({ mask }) => checkValue(f(mask), mask));
  let mean = 0;
  masks.forEach(({ probability }, k) => mean += probability * values[k]);
  let variance = 0;
  masks.forEach(({ probability }, k) => variance += probability * (values[k] - mean) ** 2);
  return { mean, variance };
}

/**
 * The exact expectation of a vector-valued f(mask), entry by entry (e.g. a
 * network's output averaged over all its thinned sub-networks, claim S2-6).
 *
 * @param f A function of the mask, returning numbers (always the same length).
 * @param m The number of units, in [0, 20].
 * @param p The drop probability, in [0, 1].
 * @returns A `Float64Array` with E[f(mask)ᵢ] for each i.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { exactMeanVector } from "./masks.ts";
 * const e = exactMeanVector((mask) => [mask[0], 2 * mask[1]], 2, 0.5);
 * expect([...e]).toEqual([0.5, 1]);
 * ```
 */
export function exactMeanVector(
  f: (mask: Uint8Array) => ArrayLike<number>,
  m: number,
  p: number,
): Float64Array {
  if (typeof f !== "function") throw new TypeError(`f must be a function, got ${describe(f)}`);
  let sum: Float64Array | null = null;
  for (const { mask, probability } of allMasks(m, p)) {
    const v = f(mask);
    if (!Array.isArray(v) && !ArrayBuffer.isView(v)) {
      throw new TypeError(`f must return an array of numbers, got ${describe(v)}`);
    }
    sum ??= new Float64Array(v.length);
    if (v.length !== sum.length) {
      throw new RangeError(`f must return ${sum.length} values for every mask, got ${v.length}`);
    }
    for (let i = 0; i < v.length; i++) sum[i] += probability * checkValue(v[i], mask);
  }
  return sum!;
}

/** f's value for one mask: a finite number, or an error that names the mask. */
function checkValue(v: unknown, mask: Uint8Array): number {
  if (typeof v !== "number") {
    throw new TypeError(`f must return numbers, got ${describe(v)} for mask [${mask}]`);
  }
  if (!Number.isFinite(v)) {
    throw new RangeError(`f must return finite numbers, got ${v} for mask [${mask}]`);
  }
  return v;
}

/**
 * The normalised geometric mean of a classifier's probabilities over all
 * masks, row by row: G[i, c] ∝ exp(E[log f(mask)[i, c]]), each row rescaled to
 * sum to 1. For a softmax layer right after the dropout layer it equals the
 * weight-scaled network's output exactly (Srivastava et al. 2014, section 7;
 * claim S2-6): the log of a softmax is the logit minus a per-row constant,
 * and the logits are linear in the mask.
 *
 * @param f A function of the mask returning class probabilities, rows × cols, row after row.
 * @param m The number of units, in [0, 20].
 * @param p The drop probability, in [0, 1].
 * @param cols The number of classes per row, ≥ 1.
 * @returns A `Float64Array` of the same length as f's output, each row summing to 1.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { exactGeometricMean } from "./masks.ts";
 * // Two masks of one unit, equally likely: probabilities (0.8, 0.2) and (0.2, 0.8).
 * const g = exactGeometricMean((mask) => mask[0] ? [0.8, 0.2] : [0.2, 0.8], 1, 0.5, 2);
 * expect(g[0]).toBeCloseTo(0.5, 12);
 * ```
 */
export function exactGeometricMean(
  f: (mask: Uint8Array) => ArrayLike<number>,
  m: number,
  p: number,
  cols: number,
): Float64Array {
  checkInteger("cols", cols, 1);
  if (typeof f !== "function") throw new TypeError(`f must be a function, got ${describe(f)}`);
  const meanLog = exactMeanVector(
    (mask) => {
      const v = f(mask);
      if (!Array.isArray(v) && !ArrayBuffer.isView(v)) {
        throw new TypeError(`f must return an array of numbers, got ${describe(v)}`);
      }
      return Array.from(v as ArrayLike<number>, (x) => {
        if (!(x > 0 && x < Infinity)) {
          throw new RangeError(
            `f must return finite positive numbers (their logs are averaged), got ${
              describe(x)
            } for mask [${mask}]`,
          );
        }
        return Math.log(x);
      });
    },
    m,
    p,
  );
  if (meanLog.length % cols !== 0) {
    throw new RangeError(`f must return rows × ${cols} values, got ${meanLog.length}`);
  }
  const g = new Float64Array(meanLog.length);
  for (let r = 0; r < meanLog.length; r += cols) {
    const row = meanLog.subarray(r, r + cols), top = Math.max(...row);
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += g[r + c] = Math.exp(row[c] - top);
    for (let c = 0; c < cols; c++) g[r + c] /= sum;
  }
  return g;
}
