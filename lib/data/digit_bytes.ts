/**
 * Digits as bytes: a compact form of a digit set (one byte per pixel, one per
 * label) for shipping digits to a web page, and the parser that turns the
 * bytes back into a set. Parsing needs no file access, so the same code runs
 * in Deno and in a browser.
 *
 * Layout: the n labels first (one byte each), then the n images row by row,
 * each pixel stored as round(255 · v) and read back as byte / 255.
 *
 * @module
 */
import { checkInteger, checkObject, describe } from "../nn/_check.ts";
import { Tensor } from "../nn/tensor.ts";
import type { Digits } from "./mnist.ts";

/**
 * Packs a digit set into bytes: labels, then pixels as round(255 · v).
 *
 * @param digits Images with pixels in [0, 1] and labels 0–9.
 * @returns `n · (1 + pixels)` bytes.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "../nn/tensor.ts";
 * import { digitsToBytes } from "./digit_bytes.ts";
 * const bytes = digitsToBytes({ x: Tensor.fromRows([[0, 0.5, 1]]), y: new Int32Array([7]) });
 * expect([...bytes]).toEqual([7, 0, 128, 255]);
 * ```
 */
export function digitsToBytes(digits: Digits): Uint8Array {
  checkObject("digits", digits, "an object { x, y }");
  const { x, y } = digits;
  if (!(x instanceof Tensor)) throw new TypeError(`digits.x must be a Tensor, got ${describe(x)}`);
  if (!(y instanceof Int32Array) || y.length !== x.rows) {
    throw new RangeError(`digits.y must hold ${x.rows} labels, got ${describe(y)}`);
  }
  const out = new Uint8Array(x.rows * (1 + x.cols));
  y.forEach((label, i) => out[i] = checkInteger(`digits.y[${i}]`, label, 0, 255));
  for (let i = 0; i < x.data.length; i++) {
    const v = x.data[i];
    if (!(v >= 0 && v <= 1)) throw new RangeError(`pixels must be in [0, 1], got ${v} at ${i}`);
    out[x.rows + i] = Math.round(255 * v);
  }
  return out;
}

/**
 * Reads a digit set packed by {@linkcode digitsToBytes}.
 *
 * @param bytes The packed set.
 * @param pixels Pixels per image (196 for 14 × 14, 784 for 28 × 28).
 * @returns The images (pixels = byte / 255, in float32) and labels.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { digitsFromBytes } from "./digit_bytes.ts";
 * const { x, y } = digitsFromBytes(new Uint8Array([7, 0, 255]), 2);
 * expect([x.shape, [...y], [...x.data]]).toEqual(["1×2", [7], [0, 1]]);
 * ```
 */
export function digitsFromBytes(bytes: Uint8Array, pixels: number): Digits {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`bytes must be a Uint8Array, got ${describe(bytes)}`);
  }
  checkInteger("pixels", pixels, 1);
  if (bytes.length % (pixels + 1) !== 0) {
    throw new RangeError(
      `bytes must hold whole images of ${pixels} pixels plus a label, got ${bytes.length} bytes`,
    );
  }
  const n = bytes.length / (pixels + 1);
  const x = new Tensor(n, pixels), y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = bytes[i];
  for (let i = 0; i < x.data.length; i++) x.data[i] = bytes[n + i] / 255;
  return { x, y };
}
