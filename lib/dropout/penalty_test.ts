import { expect } from "expect";
import { dropoutPenalty, expectedDropoutError, plainSquaredError } from "./penalty.ts";
import { Rng } from "../nn/rng.ts";

Deno.test("`expectedDropoutError()` − plain error equals `dropoutPenalty()` to float64 precision", () => {
  const rng = new Rng(36);
  let worst = 0;
  for (const d of [1, 3, 6]) {
    const x = Array.from(
      { length: 5 },
      () => Array.from({ length: d }, () => 4 * rng.uniform() - 2),
    );
    const y = Array.from({ length: 5 }, () => rng.normal());
    const model = { w: Array.from({ length: d }, () => rng.normal()), b: rng.normal() };
    for (const p of [0, 0.1, 0.5, 0.9]) {
      const gap = expectedDropoutError(x, y, model, p) - plainSquaredError(x, y, model);
      const penalty = dropoutPenalty(x, model.w, p);
      worst = Math.max(worst, Math.abs(gap - penalty) / Math.max(1, penalty));
    }
  }
  console.log(`largest relative difference ${worst}`);
  expect(worst).toBeLessThan(1e-12);
});

Deno.test("`dropoutPenalty()` is 0 at p = 0 and rejects p = 1", () => {
  expect(dropoutPenalty([[1, 2]], [3, 4], 0)).toBe(0);
  expect(() => dropoutPenalty([[1]], [1], 1)).toThrow(/p must be/);
  expect(() => expectedDropoutError([[1, 2]], [0], { w: [1], b: 0 }, 0.5)).toThrow(/x\[0\]/);
});
