import { expect } from "expect";
import { dot, maxRelativeDifference, numericGradient, randn } from "./_gradcheck.ts";
import { BatchNorm1d } from "./batchnorm.ts";
import { Rng } from "./rng.ts";
import { Tensor } from "./tensor.ts";

Deno.test("`BatchNorm1d` in training standardizes each feature with the batch's statistics", () => {
  const rng = new Rng(1), x = randn(64, 3, rng);
  for (let i = 0; i < x.data.length; i++) x.data[i] = 5 + 3 * x.data[i];
  const y = new BatchNorm1d(3).forward(x);
  for (let j = 0; j < 3; j++) {
    const col = Array.from({ length: 64 }, (_, i) => y.data[i * 3 + j]);
    const mean = col.reduce((a, b) => a + b, 0) / 64;
    const variance = col.reduce((a, b) => a + (b - mean) ** 2, 0) / 64;
    expect(Math.abs(mean)).toBeLessThan(1e-5);
    expect(variance).toBeCloseTo(1, 3);
  }
});

Deno.test("`BatchNorm1d` keeps running statistics like PyTorch (momentum 0.1, unbiased variance)", () => {
  const bn = new BatchNorm1d(1);
  bn.forward(Tensor.fromRows([[1], [3]])); // mean 2, biased var 1, unbiased 2
  expect(bn.runningMean[0]).toBeCloseTo(0.2, 6);
  expect(bn.runningVar[0]).toBeCloseTo(0.9 * 1 + 0.1 * 2, 6);
  bn.forward(Tensor.fromRows([[1], [3]]));
  expect(bn.runningMean[0]).toBeCloseTo(0.9 * 0.2 + 0.1 * 2, 6);
  // After many identical batches the running statistics converge to the batch's.
  for (let i = 0; i < 300; i++) bn.forward(Tensor.fromRows([[1], [3]]));
  expect(bn.runningMean[0]).toBeCloseTo(2, 5);
  expect(bn.runningVar[0]).toBeCloseTo(2, 5);
  // Evaluation uses them and leaves them alone.
  bn.training = false;
  const y = bn.forward(Tensor.fromRows([[2 + Math.sqrt(2)]]));
  expect(y.data[0]).toBeCloseTo(1, 4);
  expect(bn.runningMean[0]).toBeCloseTo(2, 5);
});

Deno.test("`BatchNorm1d` with momentum 0 never moves its running statistics; 1 keeps the last batch's", () => {
  const frozen = new BatchNorm1d(1, { momentum: 0 }), last = new BatchNorm1d(1, { momentum: 1 });
  for (const bn of [frozen, last]) bn.forward(Tensor.fromRows([[4], [6]]));
  expect([frozen.runningMean[0], frozen.runningVar[0]]).toEqual([0, 1]);
  expect([last.runningMean[0], last.runningVar[0]]).toEqual([5, 2]);
});

Deno.test("`BatchNorm1d.backward()` matches central differences in training and evaluation", () => {
  for (const training of [true, false]) {
    const rng = new Rng(3), x = randn(6, 4, rng), g = randn(6, 4, rng);
    const bn = new BatchNorm1d(4, { momentum: training ? 0.1 : 0.5 });
    for (let i = 0; i < 4; i++) bn.gamma.value.data[i] = 0.5 + rng.uniform();
    for (let i = 0; i < 4; i++) bn.beta.value.data[i] = rng.normal();
    if (!training) bn.forward(randn(8, 4, rng)); // non-trivial running statistics
    bn.training = training;
    bn.forward(x);
    const dX = bn.backward(g);
    const loss = () => dot(g, bn.forward(x));
    const label = training ? "training" : "evaluation";
    // Running statistics move with every forward in training, but the output does not use them.
    expect(maxRelativeDifference(`BatchNorm1d ${label} dX`, dX.data, numericGradient(loss, x.data)))
      .toBeLessThan(2e-3);
    for (const q of bn.parameters()) {
      const numeric = numericGradient(loss, q.value.data);
      expect(maxRelativeDifference(`BatchNorm1d ${label} ${q.name}`, q.grad.data, numeric))
        .toBeLessThan(2e-3);
    }
  }
});

Deno.test("`BatchNorm1d` rejects bad input naming the parameter and the value", () => {
  expect(() => new BatchNorm1d(0)).toThrow(RangeError);
  expect(() => new BatchNorm1d(2, { momentum: 1.5 })).toThrow(
    new RangeError("momentum must be in [0, 1], got 1.5"),
  );
  expect(() => new BatchNorm1d(2).forward(Tensor.zeros(1, 2))).toThrow(
    new RangeError("x must have at least 2 rows in training (batch statistics), got 1"),
  );
  expect(() => new BatchNorm1d(2).forward(Tensor.zeros(3, 5))).toThrow(
    new RangeError("x must have 2 columns, got 3×5"),
  );
  expect(() => new BatchNorm1d(2).backward(Tensor.zeros(3, 2))).toThrow(
    "BatchNorm1d.backward called before forward",
  );
});
