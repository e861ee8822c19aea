import { expect } from "expect";
import { binomialPmf } from "./binomial.ts";

Deno.test("`binomialPmf()` sums to 1 and has mean nq and variance nq(1 − q)", () => {
  const pmf = binomialPmf(100, 0.4);
  const mean = pmf.reduce((s, v, k) => s + k * v, 0);
  const variance = pmf.reduce((s, v, k) => s + (k - mean) ** 2 * v, 0);
  expect(pmf.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  expect(mean).toBeCloseTo(40, 10);
  expect(variance).toBeCloseTo(24, 9);
});

Deno.test("`binomialPmf()` matches C(n, k) q^k (1 − q)^(n − k) and handles q = 0 and 1", () => {
  expect(binomialPmf(4, 0.15)[2]).toBeCloseTo(6 * 0.15 ** 2 * 0.85 ** 2, 15);
  expect(binomialPmf(3, 0)).toEqual([1, 0, 0, 0]);
  expect(binomialPmf(3, 1)).toEqual([0, 0, 0, 1]);
  expect(() => binomialPmf(3, 1.5)).toThrow(RangeError);
});
