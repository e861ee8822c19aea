/**
 * Inputs a digit classifier never saw in training, for testing whether its
 * uncertainty notices: digits moved off centre, digits turned, and pure noise.
 * Images are square and greyscale, one per row, row by row.
 *
 * @module
 */
import { checkInteger, describe } from "../nn/_check.ts";
import type { Rng } from "../nn/rng.ts";
import { Tensor } from "../nn/tensor.ts";

function checkImages(images: unknown, side: number): asserts images is Tensor {
  if (!(images instanceof Tensor)) {
    throw new TypeError(`images must be a Tensor, got ${describe(images)}`);
  }
  checkInteger("side", side, 1);
  if (images.cols !== side * side) {
    throw new RangeError(
      `images must have side² = ${side * side} columns, got ${images.cols} (shape ${images.shape})`,
    );
  }
}

/**
 * Moves every image by (dx, dy) pixels: right and down for positive values.
 * Pixels moved in from outside the frame are 0 (background).
 *
 * @param images One image per row.
 * @param dx Columns to move right (negative: left), an integer.
 * @param dy Rows to move down (negative: up), an integer.
 * @param side The images' side in pixels (default 28).
 * @returns A new tensor of the same shape.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "../nn/tensor.ts";
 * import { shiftImages } from "./transform.ts";
 * const image = Tensor.fromRows([[1, 0, 0, 0]]); // 2 × 2, top-left pixel lit
 * expect(Array.from(shiftImages(image, 1, 1, 2).data)).toEqual([0, 0, 0, 1]);
 * ```
 */
export function shiftImages(images: Tensor, dx: number, dy: number, side = 28): Tensor {
  checkImages(images, side);
  checkInteger("dx", dx, -side, side), checkInteger("dy", dy, -side, side);
  const out = new Tensor(images.rows, images.cols);
  for (let i = 0; i < images.rows; i++) {
    const from = i * side * side;
    for (let r = 0; r < side; r++) {
      const sr = r - dy;
      if (sr < 0 || sr >= side) continue;
      for (let c = 0; c < side; c++) {
        const sc = c - dx;
        if (sc >= 0 && sc < side) {
          out.data[from + r * side + c] = images.data[from + sr * side + sc];
        }
      }
    }
  }
  return out;
}

/**
 * Turns every image by `degrees` (counter-clockwise) about its centre, with
 * bilinear interpolation; pixels that come from outside the frame are 0.
 *
 * @param images One image per row.
 * @param degrees The angle, counter-clockwise.
 * @param side The images' side in pixels (default 28).
 * @returns A new tensor of the same shape.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "../nn/tensor.ts";
 * import { rotateImages } from "./transform.ts";
 * const image = Tensor.fromRows([[0, 1, 0, 0, 0, 0, 0, 0, 0]]); // 3 × 3, top-middle lit
 * const turned = rotateImages(image, 90, 3); // a quarter turn counter-clockwise
 * expect(turned.data[3]).toBeCloseTo(1, 6); // now middle-left
 * ```
 */
export function rotateImages(images: Tensor, degrees: number, side = 28): Tensor {
  checkImages(images, side);
  if (typeof degrees !== "number" || !Number.isFinite(degrees)) {
    throw new TypeError(`degrees must be a finite number, got ${describe(degrees)}`);
  }
  const out = new Tensor(images.rows, images.cols);
  const t = (degrees * Math.PI) / 180, cos = Math.cos(t), sin = Math.sin(t), mid = (side - 1) / 2;
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      // The source of output pixel (r, c): turn it back by −t (rows grow downwards).
      const x = c - mid, y = mid - r;
      const sc = cos * x + sin * y + mid, sr = mid - (-sin * x + cos * y);
      const r0 = Math.floor(sr), c0 = Math.floor(sc), fr = sr - r0, fc = sc - c0;
      for (let i = 0; i < images.rows; i++) {
        const from = i * side * side;
        const at = (rr: number, cc: number) =>
          rr >= 0 && rr < side && cc >= 0 && cc < side ? images.data[from + rr * side + cc] : 0;
        out.data[from + r * side + c] = (1 - fr) * ((1 - fc) * at(r0, c0) + fc * at(r0, c0 + 1)) +
          fr * ((1 - fc) * at(r0 + 1, c0) + fc * at(r0 + 1, c0 + 1));
      }
    }
  }
  return out;
}

/**
 * Images of pure noise: every pixel uniform in [0, 1).
 *
 * @param n How many images.
 * @param rng The generator to draw from (it advances).
 * @param side The images' side in pixels (default 28).
 * @returns An n × side² tensor.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Rng } from "../nn/rng.ts";
 * import { noiseImages } from "./transform.ts";
 * const noise = noiseImages(3, new Rng(1));
 * expect(noise.shape).toBe("3×784");
 * expect(noise.data.every((v) => v >= 0 && v < 1)).toBe(true);
 * ```
 */
export function noiseImages(n: number, rng: Rng, side = 28): Tensor {
  checkInteger("n", n, 1);
  if (typeof (rng as { fillUniform?: unknown })?.fillUniform !== "function") {
    throw new TypeError(`rng must be an Rng, got ${describe(rng)}`);
  }
  checkInteger("side", side, 1);
  const out = new Tensor(n, side * side);
  rng.fillUniform(out.data);
  return out;
}
