import { expect } from "expect";
import { pairedT } from "./paired_t.ts";

// Reference values from SciPy 1.17 (scipy.stats.ttest_rel and t.interval).
const A = [0.612, 0.655, 0.598, 0.64, 0.701];
const B = [0.583, 0.641, 0.56, 0.622, 0.655];

Deno.test("pairedT() matches SciPy on the reference example", () => {
  const s = pairedT(A, B);
  expect(s.n).toBe(5);
  expect(s.df).toBe(4);
  expect(s.mean).toBeCloseTo(0.029, 6);
  expect(s.sd).toBeCloseTo(0.013379, 6);
  expect(s.se).toBeCloseTo(0.005983, 6);
  expect(s.t).toBeCloseTo(4.846815, 5);
  expect(s.p).toBeCloseTo(0.008359, 6);
  expect(s.ci[0]).toBeCloseTo(0.012388, 6);
  expect(s.ci[1]).toBeCloseTo(0.045612, 6);
  expect(s.level).toBe(0.95);
});

Deno.test("pairedT() is antisymmetric: swapping a and b flips the sign", () => {
  const s = pairedT(B, A);
  expect(s.mean).toBeCloseTo(-0.029, 12);
  expect(s.ci[1]).toBeCloseTo(-0.012388, 6);
  expect(s.p).toBeCloseTo(0.008359, 6);
});

Deno.test("pairedT() handles differences with no spread", () => {
  const same = pairedT([1, 2, 3], [1, 2, 3]);
  expect([same.t, same.p, same.ci]).toEqual([0, 1, [0, 0]]);
  const shifted = pairedT([2, 3, 4], [1, 2, 3]);
  expect([shifted.t, shifted.p]).toEqual([Infinity, 0]);
});

Deno.test("pairedT() rejects bad input, naming the parameter", () => {
  expect(() => pairedT([1], [2])).toThrow("a must hold at least 2 values, got 1");
  expect(() => pairedT([1, 2], [1, 2, 3])).toThrow("same length, got 2 and 3");
  expect(() => pairedT([1, NaN], [1, 2])).toThrow("a[1] must be a finite number, got NaN");
  expect(() => pairedT([1, 2], [1, 2], 1)).toThrow("level must be a number in (0, 1), got 1");
});
