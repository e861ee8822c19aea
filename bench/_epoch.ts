/**
 * The epoch workload of the benchmarks, shared by `epoch_bench.ts` (Deno.bench)
 * and `report.ts` (the markdown table): one training epoch of the source's
 * network (claim S4-9), Linear(784, 256) → ReLU → Dropout(0.5) →
 * Linear(256, 128) → ReLU → Dropout(0.3) → Linear(128, 10), over 8,000 real
 * digits in batches of 64 with SGD (momentum 0.9).
 *
 * @module
 */
import {
  Dropout,
  Linear,
  loadDigits,
  ReLU,
  Rng,
  Sequential,
  SGD,
  softmaxCrossEntropy,
  Tensor,
} from "../lib/mod.ts";

/** Training examples per epoch. */
export const EPOCH_EXAMPLES = 8000;
/** Examples per step. */
export const BATCH = 64;

const { train } = loadDigits({ trainSize: EPOCH_EXAMPLES, testSize: 1, seed: 0 });
const rng = new Rng(1);
const model = new Sequential(
  new Linear(784, 256, rng.fork(1)),
  new ReLU(),
  new Dropout(0.5, rng.fork(2)),
  new Linear(256, 128, rng.fork(3)),
  new ReLU(),
  new Dropout(0.3, rng.fork(4)),
  new Linear(128, 10, rng.fork(5)),
);
const optimizer = new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
const shuffle = rng.fork(6);
const x = new Tensor(BATCH, 784), y = new Int32Array(BATCH);

/**
 * One epoch: a seeded shuffle, then per batch of 64 (the last 8000 mod 64 = 0
 * rows need no short batch) gather, forward, loss, backward and an SGD step,
 * with the model in training mode. The same loop `fit()` runs, without its
 * evaluation pass.
 */
export function trainEpoch(): number {
  const order = shuffle.permutation(EPOCH_EXAMPLES);
  model.train();
  let total = 0;
  for (let start = 0; start < EPOCH_EXAMPLES; start += BATCH) {
    for (let i = 0; i < BATCH; i++) {
      const r = order[start + i];
      x.data.set(train.x.data.subarray(r * 784, (r + 1) * 784), i * 784);
      y[i] = train.y[r];
    }
    optimizer.zeroGrad();
    const { loss, dLogits } = softmaxCrossEntropy(model.forward(x), y);
    model.backward(dLogits);
    optimizer.step();
    total += loss;
  }
  return total / (EPOCH_EXAMPLES / BATCH);
}
