import { expect } from "expect";
import { bitsEqual, ulp32 } from "./bits.ts";

Deno.test("`ulp32()` is the gap to the next float32", () => {
  for (const v of [1e-30, 0.13, 0.1625, 1, 3, 10, 100, 1.5e30]) {
    const x = Math.fround(v);
    const next = new Float32Array([x]);
    new Uint32Array(next.buffer)[0] += 1;
    expect(ulp32(v)).toBe(next[0] - x);
    expect(ulp32(-v)).toBe(ulp32(v));
  }
  expect(ulp32(0)).toBe(2 ** -149);
  expect(ulp32(2 ** -140)).toBe(2 ** -149); // subnormal
});

Deno.test("`ulp32()` rejects non-finite input with the value", () => {
  expect(() => ulp32(Infinity)).toThrow("v must be finite, got Infinity");
  expect(() => ulp32(1e300)).toThrow("v must fit in float32, got 1e+300");
  expect(() => ulp32("1" as unknown as number)).toThrow(TypeError);
});

Deno.test("`bitsEqual()` compares bit patterns, views included", () => {
  const buf = new Float32Array([9, 1, 2, 3]);
  expect(bitsEqual(buf.subarray(1), new Float32Array([1, 2, 3]))).toBe(true);
  expect(bitsEqual(new Float32Array([1, 2]), new Float32Array([1]))).toBe(false);
  expect(bitsEqual(new Float32Array([NaN]), new Float32Array([NaN]))).toBe(true);
  expect(bitsEqual(new Float32Array([0]), new Float32Array([-0]))).toBe(false);
  expect(() => bitsEqual([1] as unknown as Float32Array, new Float32Array(1))).toThrow(
    "a must be a Float32Array",
  );
});
