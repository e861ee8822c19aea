import { expect } from "expect";
import { meanAndSE } from "./mean_se.ts";

Deno.test("meanAndSE() matches the paired reference example's differences", () => {
  const s = meanAndSE([0.029, 0.014, 0.038, 0.018, 0.046]);
  expect(s.mean).toBeCloseTo(0.029, 12);
  expect(s.sd).toBeCloseTo(0.013379, 6);
  expect(s.se).toBeCloseTo(0.005983, 6);
});

Deno.test("meanAndSE() of one value has no spread", () => {
  expect(meanAndSE([4])).toEqual({ n: 1, mean: 4, sd: 0, se: 0 });
});

Deno.test("meanAndSE() rejects empty or non-finite input", () => {
  expect(() => meanAndSE([])).toThrow("values must hold at least 1 value, got 0");
  expect(() => meanAndSE([1, Infinity])).toThrow("values[1] must be a finite number, got Infinity");
});
