import { expect } from "expect";
import {
  dropoutPenalty,
  expectedDropoutError,
  expectedDropoutErrorNet,
  linearizedDropoutPenalty,
  plainSquaredError,
  plainSquaredErrorNet,
} from "./penalty.ts";
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

Deno.test("a ReLU regressor whose units never switch off obeys the linear formula exactly", () => {
  // Biases large enough that every pre-activation stays positive under every mask.
  const net = { W: [[0.5, -0.2], [0.1, 0.3]], b: [10, 10], v: [1.5, -2], c: 0.3 };
  const x = [[1, -1], [0.5, 2], [-1, 0.25]], y = [1, 0, -1];
  const w = [1.5 * 0.5 - 2 * 0.1, 1.5 * -0.2 - 2 * 0.3]; // the net's effective linear weights
  for (const p of [0.1, 0.5, 0.8]) {
    const extra = expectedDropoutErrorNet(x, y, net, p) - plainSquaredErrorNet(x, y, net);
    expect(extra).toBeCloseTo(dropoutPenalty(x, w, p), 10);
    expect(linearizedDropoutPenalty(x, net, p)).toBeCloseTo(dropoutPenalty(x, w, p), 12);
  }
});

Deno.test("a ReLU regressor that switches units off departs from the linearized penalty", () => {
  const net = { W: [[1, -1]], b: [0], v: [1], c: 0 }; // ŷ = relu(x₁ − x₂)
  const x = [[1, 0.5], [0.2, 1]], y = [0, 0];
  const extra = expectedDropoutErrorNet(x, y, net, 0.5) - plainSquaredErrorNet(x, y, net);
  // By hand, over the four masks: extra loss (1 + 0.04) / 2, linearized penalty 1.25 / 2.
  expect(extra).toBeCloseTo(0.52, 12);
  expect(linearizedDropoutPenalty(x, net, 0.5)).toBeCloseTo(0.625, 12);
  expect(() => plainSquaredErrorNet(x, y, { ...net, v: [1, 2] })).toThrow(/net.v/);
});
