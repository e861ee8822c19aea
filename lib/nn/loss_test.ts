import { expect } from "expect";
import { maxRelativeDifference, numericGradient, randn } from "./_gradcheck.ts";
import { meanSquaredError, softmax, softmaxCrossEntropy } from "./loss.ts";
import { Rng } from "./rng.ts";
import { Tensor } from "./tensor.ts";

Deno.test("`meanSquaredError()` averages over every entry", () => {
  const { loss, dYHat } = meanSquaredError(
    Tensor.fromRows([[1, 2], [3, 4]]),
    Tensor.fromRows([[1, 0], [0, 4]]),
  );
  expect(loss).toBe((0 + 4 + 9 + 0) / 4);
  expect(dYHat.toRows()).toEqual([[0, 1], [1.5, 0]]);
});

Deno.test("`meanSquaredError()` gradient matches central differences", () => {
  const rng = new Rng(1), yHat = randn(4, 3, rng), y = randn(4, 3, rng);
  const { dYHat } = meanSquaredError(yHat, y);
  const numeric = numericGradient(() => meanSquaredError(yHat, y).loss, yHat.data, 1e-2);
  expect(maxRelativeDifference("MSE dYHat", dYHat.data, numeric)).toBeLessThan(1e-5);
});

Deno.test("`softmax()` rows sum to 1 and survive huge logits", () => {
  const p = softmax(Tensor.fromRows([[1, 2, 3], [1000, 0, -1000]]));
  expect(p.get(0, 2)).toBeCloseTo(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)), 6);
  expect(p.toRows()[1]).toEqual([1, 0, 0]);
  for (const r of p.toRows()) expect(r.reduce((a, b) => a + b)).toBeCloseTo(1, 6);
});

Deno.test("`softmaxCrossEntropy()` gives the pinned loss and stays finite for huge logits", () => {
  const { loss } = softmaxCrossEntropy(Tensor.fromRows([[0, 0, 0, 0], [0, Math.log(3), 0, 0]]), [
    2,
    1,
  ]);
  expect(loss).toBeCloseTo((Math.log(4) + Math.log(2)) / 2, 6);
  const big = softmaxCrossEntropy(Tensor.fromRows([[1e4, -1e4]]), new Uint8Array([1]));
  expect(big.loss).toBeCloseTo(2e4, 0);
  expect(big.dLogits.toRows()).toEqual([[1, -1]]);
});

Deno.test("`softmaxCrossEntropy()` gradient matches central differences", () => {
  const rng = new Rng(2), logits = randn(5, 4, rng), labels = Int32Array.from([0, 3, 1, 1, 2]);
  const { dLogits } = softmaxCrossEntropy(logits, labels);
  const numeric = numericGradient(
    () => softmaxCrossEntropy(logits, labels).loss,
    logits.data,
    1e-2,
  );
  expect(maxRelativeDifference("cross-entropy dLogits", dLogits.data, numeric)).toBeLessThan(1e-4);
  // Each row of (softmax − onehot)/rows sums to zero.
  for (const r of dLogits.toRows()) expect(Math.abs(r.reduce((a, b) => a + b))).toBeLessThan(1e-7);
});

Deno.test("losses reject mismatched shapes, bad labels, empty batches and non-finite values", () => {
  const logits = Tensor.zeros(2, 3);
  expect(() => softmaxCrossEntropy(logits, [0, 3])).toThrow(
    new RangeError("labels[1] must be an integer in [0, 2], got 3"),
  );
  expect(() => softmaxCrossEntropy(logits, [-1, 0])).toThrow(/labels\[0\] must be an integer/);
  expect(() => softmaxCrossEntropy(logits, [0.5, 0])).toThrow(RangeError);
  expect(() => softmaxCrossEntropy(logits, [0])).toThrow(
    new RangeError(
      "logits and labels have mismatched shapes: logits is 2×3, labels has length 1",
    ),
  );
  expect(() => softmaxCrossEntropy(logits, new Float32Array(2) as unknown as number[])).toThrow(
    /labels must be an Int32Array, Uint8Array or number\[\]/,
  );
  expect(() => softmaxCrossEntropy(Tensor.zeros(0, 3), [])).toThrow(
    new RangeError("logits must have at least one row (an empty batch), got 0×3"),
  );
  expect(() => softmaxCrossEntropy(Tensor.fromRows([[0, NaN]]), [0])).toThrow(
    new RangeError("logits must be finite, got NaN at [0, 1]"),
  );
  expect(() => meanSquaredError(Tensor.zeros(2, 1), Tensor.zeros(1, 2))).toThrow(
    new RangeError("yHat and y have mismatched shapes: yHat is 2×1, y is 1×2"),
  );
  expect(() => meanSquaredError(Tensor.zeros(0, 1), Tensor.zeros(0, 1))).toThrow(
    /yHat must have at least one row/,
  );
  expect(() => meanSquaredError(Tensor.fromRows([[Infinity]]), Tensor.zeros(1, 1))).toThrow(
    new RangeError("yHat must be finite, got Infinity at [0, 0]"),
  );
  expect(() => softmax(Tensor.zeros(0, 2))).toThrow(RangeError);
});
