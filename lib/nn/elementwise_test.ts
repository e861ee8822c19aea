import { expect } from "expect";
import { add, hadamard, map, scale } from "./elementwise.ts";
import { Tensor } from "./tensor.ts";

Deno.test("elementwise ops compute the pinned values", () => {
  const a = Tensor.fromRows([[1, -2], [3, 4]]), b = Tensor.fromRows([[10, 20], [30, 40]]);
  expect(map(a, (v) => v * v).toRows()).toEqual([[1, 4], [9, 16]]);
  expect(scale(a, -1).toRows()).toEqual([[-1, 2], [-3, -4]]);
  expect(hadamard(a, b).toRows()).toEqual([[10, -40], [90, 160]]);
  expect(add(a, b).toRows()).toEqual([[11, 18], [33, 44]]);
});

Deno.test("elementwise ops write into `out`, which may be an input", () => {
  const a = Tensor.fromRows([[1, 2]]), b = Tensor.fromRows([[3, 4]]), out = Tensor.zeros(1, 2);
  expect(add(a, b, out)).toBe(out);
  expect(scale(out, 2, out).toRows()).toEqual([[8, 12]]);
  expect(hadamard(a, b, a)).toBe(a);
  expect(a.toRows()).toEqual([[3, 8]]);
  expect(map(b, (v) => -v, b).toRows()).toEqual([[-3, -4]]);
});

Deno.test("elementwise ops reject mismatched shapes, bad `out` and bad arguments", () => {
  const a = Tensor.zeros(3, 4), b = Tensor.zeros(2, 4);
  expect(() => add(a, b)).toThrow(
    new RangeError("a and b have mismatched shapes: a is 3×4, b is 2×4"),
  );
  expect(() => hadamard(a, b)).toThrow(RangeError);
  expect(() => scale(a, 2, b)).toThrow(new RangeError("out must be 3×4, got 2×4"));
  expect(() => scale(a, "2" as unknown as number)).toThrow(
    new TypeError('s must be a finite number, got "2"'),
  );
  expect(() => map(a, 3 as unknown as (v: number) => number)).toThrow(/f must be a function/);
  expect(() => add(a, [] as unknown as Tensor)).toThrow(/b must be a Tensor/);
});
