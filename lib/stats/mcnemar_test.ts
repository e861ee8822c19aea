import { expect } from "expect";
import { mcnemar, mcnemarExact } from "./mcnemar.ts";

// Exact two-sided p-values from SciPy 1.17 (binomtest on the discordant items).
const TABLE: [number, number, number][] = [
  [13, 3, 0.0212708],
  [10, 10, 1],
  [25, 12, 0.047031],
  [7, 0, 0.015625],
  [40, 55, 0.150518],
  [2, 1, 1],
];

/** Correctness arrays with `b` items only A gets right, `c` only B, plus agreeing items. */
function items(b: number, c: number): [boolean[], boolean[]] {
  const a = [...Array(b).fill(true), ...Array(c).fill(false), true, true, false];
  const bb = [...Array(b).fill(false), ...Array(c).fill(true), true, true, false];
  return [a, bb];
}

Deno.test("mcnemar() matches SciPy's exact p-values", () => {
  for (const [b, c, p] of TABLE) {
    const r = mcnemar(...items(b, c));
    expect([r.b, r.c]).toEqual([b, c]);
    expect(r.p).toBeCloseTo(p, 6);
    expect(mcnemarExact(c, b)).toBeCloseTo(p, 6); // symmetric in b and c
  }
});

Deno.test("mcnemarExact() stays finite for thousands of discordant items", () => {
  const p = mcnemarExact(1100, 900);
  expect(p).toBeGreaterThan(0);
  expect(p).toBeLessThan(1e-5);
  expect(mcnemarExact(1000, 1000)).toBe(1);
  expect(mcnemarExact(0, 0)).toBe(1);
});

Deno.test("mcnemar() accepts 0/1 numbers and rejects anything else", () => {
  expect(mcnemar(new Uint8Array([1, 0, 1]), [0, 0, 1])).toEqual({ b: 1, c: 0, p: 1 });
  expect(() => mcnemar([true], [true, false])).toThrow("same length, got 1 and 2");
  expect(() => mcnemar([2], [1])).toThrow("aCorrect[0] must be a boolean or 0/1, got 2");
  expect(() => mcnemar([], [])).toThrow("aCorrect must hold at least 1 item");
});
