import { expect } from "expect";
import { holm } from "./holm.ts";

Deno.test("holm() matches statsmodels' multipletests(method='holm')", () => {
  const r = holm([0.01, 0.04, 0.03, 0.005]);
  r.adjusted.forEach((p, i) => expect(p).toBeCloseTo([0.03, 0.06, 0.06, 0.02][i], 12));
  expect(r.reject).toEqual([true, false, false, true]);
});

Deno.test("holm() keeps the order of p-values and caps them at 1", () => {
  const r = holm([0.5, 0.001, 0.4]);
  expect(r.adjusted[1]).toBeCloseTo(0.003, 12);
  expect(r.adjusted[2]).toBeCloseTo(0.8, 12);
  expect(r.adjusted[0]).toBeCloseTo(0.8, 12); // running maximum: not below the smaller p's value
  expect(holm([0.9, 0.8]).adjusted).toEqual([1, 1]);
  expect(holm([0.02]).adjusted).toEqual([0.02]);
});

Deno.test("holm() rejects bad input, naming the parameter", () => {
  expect(() => holm([])).toThrow("pValues must be a non-empty array");
  expect(() => holm([0.1, 1.5])).toThrow("pValues[1] must be a number in [0, 1], got 1.5");
  expect(() => holm([0.1], 0)).toThrow("alpha must be a number in (0, 0.5], got 0");
});
