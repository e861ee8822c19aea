import { expect } from "expect";
import { Tensor } from "../nn/tensor.ts";
import { digitsFromBytes, digitsToBytes } from "./digit_bytes.ts";
import { halveResolution } from "./downsample.ts";
import { loadDigits } from "./mnist.ts";

Deno.test("digitsToBytes() then digitsFromBytes() gives back the package's 28×28 digits exactly", () => {
  const { train } = loadDigits({ trainSize: 50, testSize: 1, seed: 3 });
  const back = digitsFromBytes(digitsToBytes(train), 784);
  expect([...back.y]).toEqual([...train.y]);
  // The package stores byte/255 rounded to 3 decimals; the byte is recovered, the float to 5e-4.
  const worst = back.x.data.reduce((m, v, i) => Math.max(m, Math.abs(v - train.x.data[i])), 0);
  expect(worst).toBeLessThanOrEqual(5e-4);
});

Deno.test("digitsFromBytes() of 14×14 digits is within half a grey level of the average", () => {
  const { train } = loadDigits({ trainSize: 20, testSize: 1, seed: 4 });
  const small = { x: halveResolution(train.x), y: train.y };
  const back = digitsFromBytes(digitsToBytes(small), 196);
  const worst = back.x.data.reduce((m, v, i) => Math.max(m, Math.abs(v - small.x.data[i])), 0);
  expect(worst).toBeLessThanOrEqual(0.5 / 255 + 1e-7);
});

Deno.test("digitsToBytes() and digitsFromBytes() name the bad input", () => {
  const bad = { x: Tensor.fromRows([[1.5]]), y: new Int32Array([1]) };
  expect(() => digitsToBytes(bad)).toThrow("pixels must be in [0, 1], got 1.5");
  expect(() => digitsFromBytes(new Uint8Array(5), 3)).toThrow("whole images of 3 pixels");
});
