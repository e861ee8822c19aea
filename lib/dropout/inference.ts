/**
 * Two ways to predict with a dropout network.
 *
 * - **Weight scaling** (the default, and what ordinary inference does): run
 *   the network once in evaluation mode. With inverted dropout that is the
 *   network without its dropout layers; with the original "standard" dropout
 *   the layers multiply by keep, which is the same as scaling the next
 *   layer's weights by keep.
 * - **Monte-Carlo dropout** (opt-in): keep sampling masks at test time and
 *   average the predictions of k thinned networks.
 *
 * @module
 */
import { checkInteger, checkLayer, describe } from "../nn/_check.ts";
import type { Layer } from "../nn/layer.ts";
import { softmax } from "../nn/loss.ts";
import { predict } from "../nn/evaluate.ts";
import { checkBatch, checkTensor, type Tensor } from "../nn/tensor.ts";
import { scale } from "../nn/elementwise.ts";
import { saveLastForward } from "../nn/_last_forward.ts";
import { reusingBuffers } from "../nn/_scratch.ts";

/**
 * Class probabilities from one deterministic pass in evaluation mode.
 *
 * @param model A classifier that outputs logits.
 * @param x Inputs, one example per row.
 * @returns Softmax probabilities, one row per example.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Linear, Rng, Tensor, weightScalingPredict } from "../mod.ts";
 * const probs = weightScalingPredict(new Linear(2, 3, new Rng(0)), Tensor.zeros(1, 2));
 * expect(probs.data.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
 * ```
 */
export function weightScalingPredict(model: Layer, x: Tensor): Tensor {
  return softmax(predict(model, x));
}

/**
 * Monte-Carlo dropout: the mean of the class probabilities of `k` forward
 * passes in training mode, each with freshly sampled masks. The model's
 * dropout layers advance their generators; its mode is restored afterwards.
 *
 * @param model A classifier that outputs logits.
 * @param x Inputs, one example per row.
 * @param k How many thinned networks to average, ≥ 1.
 * @returns Averaged softmax probabilities, one row per example.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Dropout, Linear, mcDropoutPredict, Rng, Sequential, Tensor } from "../mod.ts";
 * const rng = new Rng(0);
 * const model = new Sequential(new Dropout(0.5, rng.fork(1)), new Linear(4, 3, rng.fork(2))).eval();
 * const probs = mcDropoutPredict(model, Tensor.fromRows([[1, 2, 3, 4]]), 20);
 * expect(probs.data.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
 * expect(model.training).toBe(false);
 * ```
 */
export function mcDropoutPredict(model: Layer, x: Tensor, k: number): Tensor {
  checkLayer("model", model);
  checkBatch("x", x);
  checkInteger("k", k, 1);
  const wasTraining = model.training, restore = saveLastForward(model);
  model.training = true;
  try {
    // Each pass's activations are consumed by softmax: the layers may reuse their buffers.
    const pass = () => reusingBuffers(() => softmax(model.forward(x)));
    const mean = pass();
    for (let s = 1; s < k; s++) {
      const probs = pass();
      for (let i = 0; i < mean.data.length; i++) mean.data[i] += probs.data[i];
    }
    for (let i = 0; i < mean.data.length; i++) mean.data[i] /= k;
    return mean;
  } finally {
    model.training = wasTraining;
    restore(); // the layers remember their last forward from before
  }
}

/**
 * Monte-Carlo dropout at several sample counts from one run: draws
 * max(ks) thinned passes in training mode and returns the running mean of the
 * class probabilities after each k in `ks`, so that the averages for k = 10 and
 * k = 50 share their first 10 passes (the paper's Figure 11 reads one curve
 * the same way). The model's mode is restored afterwards.
 *
 * To save time, pass only the part of the network from the dropout layer on
 * (its input being the activations before dropout): the layers before it give
 * the same result on every pass.
 *
 * @param model A classifier (or its head) that outputs logits.
 * @param x Its inputs, one example per row.
 * @param ks Sample counts, integers ≥ 1 in increasing order.
 * @returns One tensor of averaged probabilities per k, in the order of `ks`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Dropout, Linear, mcDropoutAtKs, Rng, Sequential, Tensor } from "../mod.ts";
 * const rng = new Rng(0);
 * const head = new Sequential(new Dropout(0.5, rng.fork(1)), new Linear(4, 3, rng.fork(2)));
 * const [one, many] = mcDropoutAtKs(head, Tensor.fromRows([[1, 2, 3, 4]]), [1, 20]);
 * expect(many.data.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
 * expect(one.shape).toBe("1×3");
 * ```
 */
export function mcDropoutAtKs(model: Layer, x: Tensor, ks: readonly number[]): Tensor[] {
  checkLayer("model", model);
  checkBatch("x", x);
  if (!Array.isArray(ks) || ks.length === 0) {
    throw new RangeError(`ks must be a non-empty array of sample counts, got ${describe(ks)}`);
  }
  ks.forEach((k, i) => {
    checkInteger(`ks[${i}]`, k, i === 0 ? 1 : ks[i - 1] + 1);
  });
  const wasTraining = model.training, restore = saveLastForward(model);
  model.training = true;
  try {
    const out: Tensor[] = [];
    let sum: Tensor | null = null;
    for (let k = 1; k <= ks[ks.length - 1]; k++) {
      const probs = reusingBuffers(() => softmax(model.forward(x))); // as in mcDropoutPredict
      if (sum === null) sum = probs;
      else for (let i = 0; i < sum.data.length; i++) sum.data[i] += probs.data[i];
      if (ks.includes(k)) out.push(scale(sum, 1 / k));
    }
    return out;
  } finally {
    model.training = wasTraining;
    restore(); // the layers remember their last forward from before
  }
}

/**
 * Predictive entropy H = −Σ_c p_c ln p_c of each row of class probabilities:
 * 0 when one class has all the probability, ln C when all C are equal. Of
 * Monte-Carlo-averaged probabilities, it is Gal & Ghahramani's (2016) measure
 * of how unsure the network is.
 *
 * @param probs Class probabilities, one row per example.
 * @returns One entropy (in nats) per row.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { predictiveEntropy, Tensor } from "../mod.ts";
 * const h = predictiveEntropy(Tensor.fromRows([[1, 0], [0.5, 0.5]]));
 * expect(h[0]).toBe(0);
 * expect(h[1]).toBeCloseTo(Math.LN2, 6);
 * ```
 */
export function predictiveEntropy(probs: Tensor): Float64Array {
  checkTensor("probs", probs);
  for (let i = 0; i < probs.data.length; i++) {
    const q = probs.data[i];
    if (!(q >= 0 && q <= 1)) {
      const r = Math.floor(i / probs.cols), c = i % probs.cols;
      throw new RangeError(`probs must be probabilities in [0, 1], got ${q} at [${r}, ${c}]`);
    }
  }
  const h = new Float64Array(probs.rows);
  for (let i = 0; i < probs.rows; i++) {
    for (let c = 0; c < probs.cols; c++) {
      const p = probs.data[i * probs.cols + c];
      if (p > 0) h[i] -= p * Math.log(p);
    }
  }
  return h;
}
