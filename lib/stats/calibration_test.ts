import { expect } from "expect";
import { Rng } from "../nn/rng.ts";
import { Tensor } from "../nn/tensor.ts";
import { calibration } from "./calibration.ts";

Deno.test("`calibration()` of a perfectly calibrated classifier is near 0, within sampling noise", () => {
  // Confidence c drawn uniformly in [0.5, 1); the label agrees with the guess with probability c.
  const rng = new Rng(3), n = 20_000, probs = new Tensor(n, 2), labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = 0.5 + 0.5 * rng.uniform();
    probs.data[2 * i] = c, probs.data[2 * i + 1] = 1 - c;
    labels[i] = rng.uniform() < c ? 0 : 1;
  }
  const { ece, bins } = calibration(probs, labels, 10);
  // Each bin's accuracy has SE ≤ 0.5/√(n_b); the weighted mean of |gap| stays within a few of those.
  expect(ece).toBeLessThan(0.02);
  expect(bins.slice(0, 5).every((b) => b.count === 0 && Number.isNaN(b.accuracy))).toBe(true);
});

Deno.test("`calibration()` of an overconfident classifier equals confidence minus accuracy", () => {
  // Always 0.95 sure, right 60 % of the time: ECE = 0.35, all in the bin [0.9, 1).
  const n = 10, probs = new Tensor(n, 2), labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    probs.data[2 * i] = 0.95, probs.data[2 * i + 1] = 0.05, labels[i] = i < 6 ? 0 : 1;
  }
  const { ece, bins } = calibration(probs, labels, 10);
  expect(ece).toBeCloseTo(0.35, 6);
  expect(bins[9]).toMatchObject({ count: 10, accuracy: 0.6 });
});

Deno.test("`calibration()` rejects mismatched labels and bad bin counts", () => {
  const probs = Tensor.fromRows([[1, 0]]);
  expect(() => calibration(probs, new Int32Array(2))).toThrow(RangeError);
  expect(() => calibration(probs, new Int32Array(1), 0)).toThrow(RangeError);
});
