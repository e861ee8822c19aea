import { expect } from "expect";
import { halveResolution } from "./downsample.ts";
import { Rng } from "../nn/rng.ts";
import { Tensor } from "../nn/tensor.ts";

Deno.test("`halveResolution()` averages each 2 × 2 block, row by row", () => {
  // Two 4 × 4 images: the second is the first plus 1 everywhere.
  const first = Array.from({ length: 16 }, (_, k) => k);
  const images = Tensor.fromRows([first, first.map((v) => v + 1)]);
  // Block (0, 0) holds pixels 0, 1, 4, 5; block (1, 1) holds 10, 11, 14, 15.
  expect(halveResolution(images, 4).toRows()).toEqual([
    [2.5, 4.5, 10.5, 12.5],
    [3.5, 5.5, 11.5, 13.5],
  ]);
});

Deno.test("`halveResolution()` keeps each image's mean intensity (to float32 rounding)", () => {
  const rng = new Rng(3), images = new Tensor(20, 784);
  rng.fillUniform(images.data);
  const small = halveResolution(images);
  expect(small.shape).toBe("20×196");
  for (let i = 0; i < images.rows; i++) {
    const mean = (t: Tensor) => t.row(i).reduce((s, v) => s + v, 0) / t.cols;
    expect(Math.abs(mean(small) - mean(images))).toBeLessThan(1e-6);
  }
});

Deno.test("`halveResolution()` rejects odd sides and mismatched widths, naming the values", () => {
  expect(() => halveResolution(Tensor.zeros(1, 9), 3)).toThrow("side must be even, got 3");
  expect(() => halveResolution(Tensor.zeros(1, 10), 4)).toThrow(/16 columns, got 10/);
  expect(() => halveResolution([1, 2] as never)).toThrow(TypeError);
});
