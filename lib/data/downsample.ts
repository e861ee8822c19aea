/**
 * `halveResolution`: shrink square greyscale images by averaging each 2 × 2
 * block of pixels, so a 28 × 28 digit becomes 14 × 14 (784 → 196 inputs).
 *
 * The first layer of a network on images does most of its work in
 * inputs × units multiply-adds, so a quarter of the inputs makes that layer
 * about four times cheaper to train; digits stay easy to read at 14 × 14.
 *
 * @module
 */
import { checkInteger, describe } from "../nn/_check.ts";
import { Tensor } from "../nn/tensor.ts";

/**
 * Averages every 2 × 2 block of each image: pixel (r, c) of the result is the
 * mean of pixels (2r, 2c), (2r, 2c + 1), (2r + 1, 2c) and (2r + 1, 2c + 1).
 *
 * @param images One image per row, `side × side` pixels, row by row.
 * @param side The image's side in pixels, an even integer ≥ 2 (default 28).
 * @returns A new tensor, one `side/2 × side/2` image per row.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "../nn/tensor.ts";
 * import { halveResolution } from "./downsample.ts";
 * const image = Tensor.fromRows([[
 *   1, 1, 0, 0,
 *   1, 1, 0, 1,
 *   0, 0, 0, 0,
 *   0, 0, 0, 0,
 * ]]);
 * expect(halveResolution(image, 4).toRows()).toEqual([[1, 0.25, 0, 0]]);
 * ```
 */
export function halveResolution(images: Tensor, side = 28): Tensor {
  if (!(images instanceof Tensor)) {
    throw new TypeError(`images must be a Tensor, got ${describe(images)}`);
  }
  checkInteger("side", side, 2);
  if (side % 2 !== 0) throw new RangeError(`side must be even, got ${side}`);
  if (images.cols !== side * side) {
    throw new RangeError(
      `images must have side² = ${side * side} columns, got ${images.cols} (shape ${images.shape})`,
    );
  }
  const half = side / 2, out = new Tensor(images.rows, half * half);
  const src = images.data, dst = out.data;
  for (let i = 0; i < images.rows; i++) {
    const from = i * side * side, to = i * half * half;
    for (let r = 0; r < half; r++) {
      for (let c = 0; c < half; c++) {
        const top = from + 2 * r * side + 2 * c, bottom = top + side;
        dst[to + r * half + c] = (src[top] + src[top + 1] + src[bottom] + src[bottom + 1]) / 4;
      }
    }
  }
  return out;
}
