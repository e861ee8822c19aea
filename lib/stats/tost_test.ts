import { expect } from "expect";
import { tost } from "./tost.ts";

// d = a − b of the reference example; values from SciPy 1.17.
const D = [0.029, 0.014, 0.038, 0.018, 0.046];

Deno.test("tost() matches SciPy on the reference example (δ = 0.05)", () => {
  const r = tost(D, 0.05);
  expect(r.tLower).toBeCloseTo(13.203394, 5);
  expect(r.pLower).toBeCloseTo(0.000095, 6);
  expect(r.tUpper).toBeCloseTo(-3.509763, 5);
  expect(r.pUpper).toBeCloseTo(0.012339, 6);
  expect(r.p).toBeCloseTo(0.012339, 6);
  expect(r.equivalent).toBe(true);
  // the 90 % interval lies inside (−δ, δ)
  expect(r.ci90[0]).toBeGreaterThan(-0.05);
  expect(r.ci90[1]).toBeLessThan(0.05);
});

Deno.test("tost() does not call a mean equivalent when its interval reaches the bound", () => {
  const r = tost(D, 0.04);
  expect(r.ci90[1]).toBeGreaterThan(0.04);
  expect(r.equivalent).toBe(false);
});

Deno.test("tost() rejects bad input, naming the parameter", () => {
  expect(() => tost(D, 0)).toThrow("bound must be a finite number > 0, got 0");
  expect(() => tost([1], 1)).toThrow("diffs must hold at least 2 values, got 1");
  expect(() => tost(D, 1, 0.7)).toThrow("alpha must be a number in (0, 0.5], got 0.7");
});
