import { expect } from "expect";
import { BatchNorm1d } from "./batchnorm.ts";
import { Dropout } from "./dropout.ts";
import { Linear } from "./linear.ts";
import { SGD } from "./optim.ts";
import { ReLU } from "./relu.ts";
import { Rng } from "./rng.ts";
import { Sequential } from "./sequential.ts";
import { Tensor } from "./tensor.ts";
import { accuracy, evaluate, predict } from "./evaluate.ts";
import { batchRunner, fit } from "./train.ts";
import { mlp } from "./mlp.ts";
import { softmaxCrossEntropy } from "./loss.ts";

Deno.test("`fit()` handles a last batch smaller than batchSize, and mse targets", async () => {
  const x = Tensor.fromRows([[0], [1], [2], [3], [4]]);
  const y = Tensor.fromRows([[1], [3], [5], [7], [9]]);
  const model = new Linear(1, 1, new Rng(0));
  const history = await fit(model, { x, y }, {
    optimizer: new SGD(model.parameters(), { lr: 0.02 }),
    loss: "mse",
    epochs: 300,
    batchSize: 2,
    seed: 1,
  });
  expect(history[299].trainLoss).toBeLessThan(1e-4);
  expect(Number.isNaN(history[0].testLoss)).toBe(true);
  expect(Number.isNaN(history[0].trainAccuracy)).toBe(true);
});

Deno.test("`predict()` in chunks equals one forward pass, and restores the mode", () => {
  // More rows than one chunk of predict(), so the chunks are stitched together.
  const rng = new Rng(7);
  const x = new Tensor(2500, 784);
  for (let i = 0; i < x.data.length; i++) x.data[i] = rng.uniform();
  const train = { x };
  const model = new Sequential(
    new Linear(784, 32, rng.fork(1)),
    new ReLU(),
    new Dropout(0.3, rng.fork(2)),
    new Linear(32, 10, rng.fork(3)),
  );
  model.train();
  const chunked = predict(model, train.x);
  expect(model.training).toBe(true);
  model.eval();
  expect(chunked.data).toEqual(model.forward(train.x).data);
});

Deno.test("`fit()`, `evaluate()` and `accuracy()` reject bad input, naming the parameter", async () => {
  const model = new Linear(2, 2, new Rng(0));
  const optimizer = new SGD(model.parameters(), { lr: 0.1 });
  const data = { x: Tensor.zeros(3, 2), y: new Int32Array(3) };
  const base = { optimizer, loss: "cross-entropy" as const, epochs: 1, batchSize: 2, seed: 1 };
  await expect(fit(model, data, { ...base, epochs: 0 })).rejects.toThrow(
    new RangeError("epochs must be an integer >= 1, got 0"),
  );
  await expect(fit(model, data, { ...base, batchSize: 1.5 })).rejects.toThrow(
    new RangeError("batchSize must be an integer >= 1, got 1.5"),
  );
  await expect(fit(model, { x: Tensor.zeros(0, 2), y: new Int32Array(0) }, base)).rejects
    .toThrow(new RangeError("train must hold at least one example, got 0×2"));
  await expect(fit(model, { x: Tensor.zeros(3, 2), y: new Int32Array(2) }, base)).rejects
    .toThrow(new RangeError("train.x and train.y must have as many rows, got 3 and 2"));
  await expect(fit(model, data, { ...base, loss: "hinge" as "mse" })).rejects.toThrow(
    new RangeError('loss must be "cross-entropy" or "mse", got "hinge"'),
  );
  await expect(fit(model, { x: data.x, y: Tensor.zeros(3, 2) }, base)).rejects.toThrow(TypeError);
  expect(() => evaluate(model, { x: data.x, y: new Int32Array([0, 1, 5]) }, "cross-entropy"))
    .toThrow(new RangeError("data.y[2] must be an integer in [0, 1], got 5"));
  expect(() => accuracy(Tensor.zeros(2, 2), new Int32Array(3))).toThrow(
    new RangeError("labels must have one label per row (2), got an Int32Array of length 3"),
  );
  expect(() => predict(model, Tensor.zeros(0, 2))).toThrow(
    new RangeError("x must hold at least one example, got 0×2"),
  );
});

Deno.test("`batchRunner()` steps through a seeded shuffle as a plain loop does, bit for bit", () => {
  const rng = new Rng(3);
  const x = new Tensor(23, 4), y = new Int32Array(23);
  for (let i = 0; i < x.data.length; i++) x.data[i] = rng.normal();
  for (let i = 0; i < y.length; i++) y[i] = rng.int(3);
  const net = () => mlp([4, 8, 3], { seed: 1, dropout: 0.5 });
  const batchSize = 5; // 23 = 4 · 5 + 3: a short last batch
  const stepped = net(), optimizer = new SGD(stepped.parameters(), { lr: 0.1 });
  const runner = batchRunner(stepped, { x, y }, {
    optimizer,
    loss: "cross-entropy",
    batchSize,
    seed: 2,
  });
  const losses = Array.from({ length: 3 * runner.stepsPerEpoch }, () => runner.step());
  // The same training written out: shuffle each epoch, then batches in order.
  const plain = net(), plainOptimizer = new SGD(plain.parameters(), { lr: 0.1 });
  const order = new Rng(2), plainLosses: number[] = [];
  for (let epoch = 0; epoch < 3; epoch++) {
    const perm = order.permutation(23);
    for (let start = 0; start < 23; start += batchSize) {
      const rows = [...perm.subarray(start, start + batchSize)];
      const bx = Tensor.fromRows(rows.map((r) => [...x.row(r)]));
      plainOptimizer.zeroGrad();
      const { loss, dLogits } = softmaxCrossEntropy(plain.forward(bx), rows.map((r) => y[r]));
      plain.backward(dLogits);
      plainOptimizer.step();
      plainLosses.push(loss);
    }
  }
  expect(runner.stepsPerEpoch).toBe(5);
  expect(losses).toEqual(plainLosses);
  expect(stepped.parameters().map((q) => [...q.value.data]))
    .toEqual(plain.parameters().map((q) => [...q.value.data]));
});

Deno.test("predict() and evaluate() leave what the layers remember of their last forward as it was", () => {
  const rng = new Rng(3);
  const model = new Sequential(
    new Linear(4, 8, rng.fork(1)),
    new BatchNorm1d(8),
    new ReLU(),
    new Dropout(0.5, rng.fork(2)),
    new Linear(8, 3, rng.fork(3)),
  );
  const batch = Tensor.fromRows([[1, 2, 3, 4], [4, 3, 2, 1], [0, 1, 0, 1]]);
  model.forward(batch); // a training-mode forward: what backward will need
  const [relu, drop, last] = [model.layers[2] as ReLU, model.layers[3] as Dropout, model.layers[4]];
  const [hidden, mask, out] = [relu.lastOutput, drop.mask, (last as Linear).lastOutput];
  const big = new Tensor(50, 4, new Float32Array(200).map((_, i) => (i % 7) - 3));
  predict(model, big);
  evaluate(model, { x: big, y: new Int32Array(50) }, "cross-entropy");
  expect(relu.lastOutput).toBe(hidden);
  expect(drop.mask).toBe(mask);
  expect((last as Linear).lastOutput).toBe(out);
  // …so a backward after a measurement is still the backward of the training batch.
  const dOut = new Tensor(3, 3, new Float32Array(9).fill(1));
  expect(() => model.backward(dOut)).not.toThrow();
});

Deno.test("a training loop reuses its layers' buffers, never a tensor the learner kept, and changes no value", () => {
  const make = () => mlp([6, 16, 3], { seed: 4, dropout: [0.5] });
  const rng = new Rng(8), x = new Tensor(40, 6), y = new Int32Array(40);
  for (let i = 0; i < x.data.length; i++) x.data[i] = rng.normal();
  for (let i = 0; i < y.length; i++) y[i] = i % 3;
  const [looped, byHand] = [make(), make()];
  const kept = looped.forward(x); // made outside any loop: the learner's
  const copy = kept.data.slice();
  const runner = batchRunner(looped, { x, y }, {
    optimizer: new SGD(looped.parameters(), { lr: 0.1 }),
    loss: "cross-entropy",
    batchSize: 8,
    seed: 2,
  });
  runner.step();
  const relu = looped.layers[1] as ReLU, first = relu.lastOutput;
  runner.step();
  expect(relu.lastOutput).toBe(first); // the same buffer, refilled
  for (let s = 2; s < 20; s++) runner.step();
  expect(kept.data).toEqual(copy); // the learner's tensor is untouched
  // The same 20 steps by hand, every output a new tensor: the same weights, bit for bit.
  byHand.forward(x);
  const opt = new SGD(byHand.parameters(), { lr: 0.1 }), order = new Rng(2);
  let perm: Uint32Array = new Uint32Array(0);
  for (let s = 0; s < 20; s++) {
    if (s % 5 === 0) perm = order.permutation(40);
    const rows = perm.subarray((s % 5) * 8, (s % 5) * 8 + 8);
    const bx = new Tensor(8, 6), by = new Int32Array(8);
    rows.forEach((r, i) => (bx.data.set(x.data.subarray(r * 6, r * 6 + 6), i * 6), by[i] = y[r]));
    byHand.training = true;
    opt.zeroGrad();
    byHand.backward(softmaxCrossEntropy(byHand.forward(bx), by).dLogits, false);
    opt.step();
  }
  looped.parameters().forEach((q, k) => {
    expect(q.value.data).toEqual(byHand.parameters()[k].value.data);
  });
});
