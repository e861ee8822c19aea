/**
 * McNemar's exact test: do two classifiers, scored on the same items, differ?
 * Only the discordant items count: b items only A gets right, c items only B
 * gets right. If A and B were equally good, each discordant item would be a
 * fair coin, so the two-sided p is min(1, 2 · P(Binomial(b + c, ½) ≤ min(b, c)))
 * (McNemar 1947; the exact form avoids the χ² approximation at small counts).
 *
 * @module
 */
import { checkInteger, describe } from "../nn/_check.ts";

/** What McNemar's exact test found. */
export interface McNemarResult {
  /** Items only A gets right. */
  b: number;
  /** Items only B gets right. */
  c: number;
  /** Exact two-sided p-value (1 when b = c). */
  p: number;
}

/**
 * The exact two-sided McNemar p-value from the discordant counts.
 *
 * @param b Items only A gets right, an integer ≥ 0.
 * @param c Items only B gets right, an integer ≥ 0.
 * @returns min(1, 2 · P(Binomial(b + c, ½) ≤ min(b, c))).
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { mcnemarExact } from "./mcnemar.ts";
 * expect(mcnemarExact(7, 0)).toBeCloseTo(0.015625, 12); // 2 / 2^7
 * ```
 */
export function mcnemarExact(b: number, c: number): number {
  checkInteger("b", b);
  checkInteger("c", c);
  const n = b + c, k = Math.min(b, c);
  if (n === 0) return 1;
  // log P(X = i) for X ~ Binomial(n, ½), built up term by term, summed with a shifted exponent.
  const logs: number[] = [];
  let log = -n * Math.LN2; // P(X = 0) = 2^−n
  for (let i = 0; i <= k; i++) {
    if (i > 0) log += Math.log((n - i + 1) / i);
    logs.push(log);
  }
  const top = Math.max(...logs);
  const tail = Math.exp(top) * logs.reduce((s, l) => s + Math.exp(l - top), 0);
  return Math.min(1, 2 * tail);
}

/** Reads a correctness array entry: a boolean, or the number 0 or 1. */
function correct(name: string, v: unknown, i: number): boolean {
  if (typeof v === "boolean") return v;
  if (v === 0 || v === 1) return v === 1;
  throw new TypeError(`${name}[${i}] must be a boolean or 0/1, got ${describe(v)}`);
}

/**
 * McNemar's exact test of two classifiers on the same items.
 *
 * @param aCorrect Per item, whether classifier A got it right (booleans or 0/1).
 * @param bCorrect The same for classifier B, same items in the same order.
 * @returns `{ b, c, p }`: items only A gets right, items only B gets right, exact two-sided p.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { mcnemar } from "./mcnemar.ts";
 * const r = mcnemar([1, 1, 1, 0, 1], [1, 0, 0, 0, 1]);
 * expect([r.b, r.c, r.p]).toEqual([2, 0, 0.5]);
 * ```
 */
export function mcnemar(
  aCorrect: ArrayLike<boolean | number>,
  bCorrect: ArrayLike<boolean | number>,
): McNemarResult {
  for (const [name, v] of [["aCorrect", aCorrect], ["bCorrect", bCorrect]] as const) {
    if (v === null || typeof v !== "object" || typeof v.length !== "number") {
      throw new TypeError(`${name} must be an array of booleans or 0/1, got ${describe(v)}`);
    }
  }
  if (aCorrect.length !== bCorrect.length) {
    throw new RangeError(
      `aCorrect and bCorrect must have the same length, got ${aCorrect.length} and ${bCorrect.length}`,
    );
  }
  if (aCorrect.length === 0) throw new RangeError("aCorrect must hold at least 1 item, got 0");
  let b = 0, c = 0;
  for (let i = 0; i < aCorrect.length; i++) {
    const a = correct("aCorrect", aCorrect[i], i), bb = correct("bCorrect", bCorrect[i], i);
    if (a && !bb) b++;
    else if (bb && !a) c++;
  }
  return { b, c, p: mcnemarExact(b, c) };
}
