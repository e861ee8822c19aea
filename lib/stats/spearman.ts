/**
 * Spearman's rank correlation, for asserting a trend ("the gap shrinks as p
 * grows") without assuming it is a straight line, and the threshold a random
 * ordering would rarely beat.
 *
 * @module
 */
import { checkInRange, checkInteger, describe } from "../nn/_check.ts";
import { Rng } from "../nn/rng.ts";

function checkNumbers(name: string, v: unknown): readonly number[] {
  if (!Array.isArray(v) || !v.every((a) => typeof a === "number" && Number.isFinite(a))) {
    throw new TypeError(`${name} must be an array of finite numbers, got ${describe(v)}`);
  }
  return v;
}

/**
 * The ranks of `v`, 1 … n, with tied values sharing the mean of their ranks.
 *
 * @param v Finite numbers.
 * @returns Their ranks, in the order of `v`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { ranks } from "./spearman.ts";
 * expect(ranks([30, 10, 20, 10])).toEqual([4, 1.5, 3, 1.5]);
 * ```
 */
export function ranks(v: readonly number[]): number[] {
  checkNumbers("v", v);
  const order = v.map((_, i) => i).sort((i, j) => v[i] - v[j]);
  const r = new Array<number>(v.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && v[order[end]] === v[order[start]]) end++;
    const shared = (start + 1 + end) / 2; // mean of the ranks start+1 … end
    for (let k = start; k < end; k++) r[order[k]] = shared;
    start = end;
  }
  return r;
}

/**
 * Spearman's ρ: the Pearson correlation of the ranks of `a` and `b`
 * (ties get mean ranks). +1 when b rises whenever a rises, −1 when it always
 * falls, near 0 when the order of one says nothing about the other.
 *
 * @param a The first variable, at least 2 finite values, not all equal.
 * @param b The second, the same length, not all equal.
 * @returns ρ in [−1, 1].
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { spearman } from "./spearman.ts";
 * expect(spearman([0, 0.1, 0.2, 0.3], [0.9, 0.5, 0.4, 0.1])).toBe(-1); // any falling sequence
 * expect(spearman([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 12);
 * ```
 */
export function spearman(a: readonly number[], b: readonly number[]): number {
  checkNumbers("a", a);
  checkNumbers("b", b);
  if (a.length !== b.length) {
    throw new RangeError(`a and b must have the same length, got ${a.length} and ${b.length}`);
  }
  checkInteger("a.length", a.length, 2);
  const ra = ranks(a), rb = ranks(b), n = a.length, mid = (n + 1) / 2;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (ra[i] - mid) * (rb[i] - mid);
    saa += (ra[i] - mid) ** 2;
    sbb += (rb[i] - mid) ** 2;
  }
  if (saa === 0 || sbb === 0) {
    throw new RangeError(`a and b must not be constant, got ${saa === 0 ? "a" : "b"} constant`);
  }
  return sab / Math.sqrt(saa * sbb);
}

/**
 * The lower `level` quantile of ρ between 1 … n and a random ordering of it:
 * a value that an orderless relation reaches or goes below with probability
 * about `level`. A trend whose ρ lies below it is unlikely to be luck.
 * Estimated from `draws` seeded random permutations (no ties).
 *
 * @param n The number of paired values, an integer ≥ 3.
 * @param level The tail probability, in (0, 0.5].
 * @param rng The generator for the permutations.
 * @param draws How many permutations, an integer ≥ 100 (default 20 000).
 * @returns The threshold, a negative number for small levels.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Rng } from "../nn/rng.ts";
 * import { spearmanThreshold } from "./spearman.ts";
 * const t = spearmanThreshold(10, 0.01, new Rng(1));
 * expect(t).toBeGreaterThan(-0.8); // tables give −0.745 for n = 10 at 1 %
 * expect(t).toBeLessThan(-0.7);
 * ```
 */
export function spearmanThreshold(n: number, level: number, rng: Rng, draws = 20000): number {
  checkInteger("n", n, 3);
  checkInRange("level", level, 0, 0.5);
  if (level === 0) throw new RangeError("level must be in (0, 0.5], got 0");
  if (!(rng instanceof Rng)) throw new TypeError(`rng must be an Rng, got ${describe(rng)}`);
  checkInteger("draws", draws, 100);
  const base = Array.from({ length: n }, (_, i) => i);
  const rhos = Array.from({ length: draws }, () => spearman(base, Array.from(rng.permutation(n))));
  rhos.sort((x, y) => x - y);
  return rhos[Math.floor(level * draws)];
}
