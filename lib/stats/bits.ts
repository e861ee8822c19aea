/**
 * Float32 comparisons for exact claims: the spacing of float32 numbers (one
 * unit in the last place) and bit-for-bit equality of two arrays.
 *
 * "Equal" in a lesson means one of two things, and these name them: equal to
 * within a stated number of float32 ulps (rounding is the only difference), or
 * bitwise equal (the very same float32 values, `-0` and `+0` told apart).
 *
 * @module
 */
import { checkNumber, describe } from "../nn/_check.ts";

// One 4-byte scratch cell to read a float32's bit pattern.
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * One unit in the last place of a float32 at `v`: the gap between fround(|v|)
 * and the next larger float32 (2^(e − 23) for a normal number 2^e ≤ |v| < 2^(e+1);
 * 2^−149 for subnormals and 0).
 *
 * @param v A finite number; it is rounded to float32 first.
 * @returns The spacing of float32 numbers at v.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { ulp32 } from "./bits.ts";
 * expect(ulp32(1)).toBe(2 ** -23);
 * expect(ulp32(1.9)).toBe(2 ** -23);
 * expect(ulp32(-100)).toBe(2 ** -17); // 64 ≤ 100 < 128
 * ```
 */
export function ulp32(v: number): number {
  checkNumber("v", v);
  if (!Number.isFinite(v)) throw new RangeError(`v must be finite, got ${v}`);
  f32[0] = Math.abs(v);
  if (!Number.isFinite(f32[0])) throw new RangeError(`v must fit in float32, got ${v}`);
  const exponent = (u32[0] >>> 23) & 0xff; // biased exponent; 0 for subnormals and 0
  return 2 ** (Math.max(exponent, 1) - 127 - 23);
}

/**
 * `true` when two float32 arrays hold the same bit patterns, element by element
 * (so `+0` and `-0` differ, and NaNs equal only when their bits do).
 *
 * @param a The first array.
 * @param b The second array.
 * @returns Whether a and b have the same length and identical bits.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { bitsEqual } from "./bits.ts";
 * expect(bitsEqual(new Float32Array([1, 0.1]), new Float32Array([1, 0.1]))).toBe(true);
 * expect(bitsEqual(new Float32Array([0]), new Float32Array([-0]))).toBe(false);
 * ```
 */
export function bitsEqual(a: Float32Array, b: Float32Array): boolean {
  for (const [name, t] of [["a", a], ["b", b]] as const) {
    if (!(t instanceof Float32Array)) {
      throw new TypeError(`${name} must be a Float32Array, got ${describe(t)}`);
    }
  }
  if (a.length !== b.length) return false;
  const ia = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const ib = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < ia.length; i++) if (ia[i] !== ib[i]) return false;
  return true;
}
