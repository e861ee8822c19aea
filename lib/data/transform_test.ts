import { expect } from "expect";
import { Rng } from "../nn/rng.ts";
import { Tensor } from "../nn/tensor.ts";
import { noiseImages, rotateImages, shiftImages } from "./transform.ts";

Deno.test("`shiftImages()` moves pixels and fills with background; shifting back restores the inside", () => {
  const rng = new Rng(2), images = noiseImages(3, rng, 6);
  const there = shiftImages(images, 2, -1, 6), back = shiftImages(there, -2, 1, 6);
  for (let i = 0; i < 3; i++) {
    for (let r = 0; r < 6; r++) {
      for (let c = 0; c < 6; c++) {
        const k = i * 36 + r * 6 + c, inside = c < 4 && r >= 1;
        expect(back.data[k]).toBe(inside ? images.data[k] : 0);
      }
    }
  }
  expect(shiftImages(images, 0, 0, 6).data).toEqual(images.data);
});

Deno.test("`rotateImages()`: 0° is the identity, four quarter turns restore the image", () => {
  const images = noiseImages(2, new Rng(5), 5);
  const same = rotateImages(images, 0, 5);
  same.data.forEach((v, i) => expect(v).toBeCloseTo(images.data[i], 6));
  let turned = images;
  for (let k = 0; k < 4; k++) turned = rotateImages(turned, 90, 5);
  turned.data.forEach((v, i) => expect(v).toBeCloseTo(images.data[i], 5));
  // A half turn maps pixel (r, c) to (4 − r, 4 − c).
  const half = rotateImages(images, 180, 5);
  expect(half.data[0]).toBeCloseTo(images.data[24], 5);
});

Deno.test("transforms reject images of the wrong size and bad arguments", () => {
  const images = Tensor.zeros(1, 10);
  expect(() => shiftImages(images, 1, 1)).toThrow(
    new RangeError("images must have side² = 784 columns, got 10 (shape 1×10)"),
  );
  expect(() => rotateImages(Tensor.zeros(1, 4), NaN, 2)).toThrow(TypeError);
  expect(() => shiftImages(Tensor.zeros(1, 4), 0.5, 0, 2)).toThrow(RangeError);
  expect(() => noiseImages(0, new Rng(1))).toThrow(RangeError);
});
