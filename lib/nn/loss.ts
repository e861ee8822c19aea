/**
 * Losses, each returning the loss and its gradient with respect to the prediction:
 * mean squared error for regression, softmax cross-entropy for classification.
 *
 * @module
 */
import { checkFiniteValues, checkLabels } from "./_check.ts";
import { checkBatch, Tensor } from "./tensor.ts";

/** Throws a `RangeError` at the first non-finite value of t, naming its row and column. */
function checkFinite(name: string, t: Tensor): void {
  checkFiniteValues(name, t.data, t.cols);
}

/**
 * Mean squared error over all N = rows · cols entries: L = (1/N) Σ (yHat − y)².
 *
 * @param yHat The predictions, rows ≥ 1.
 * @param y The targets, same shape.
 * @returns `{ loss, dYHat }` with dYHat = 2(yHat − y)/N (= ∂L/∂yHat).
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "./tensor.ts";
 * import { meanSquaredError } from "./loss.ts";
 * const { loss, dYHat } = meanSquaredError(Tensor.fromRows([[1], [3]]), Tensor.fromRows([[0], [1]]));
 * expect(loss).toBe((1 + 4) / 2);
 * expect(dYHat.toRows()).toEqual([[1], [2]]);
 * ```
 */
export function meanSquaredError(yHat: Tensor, y: Tensor): { loss: number; dYHat: Tensor } {
  checkBatch("yHat", yHat);
  checkBatch("y", y);
  if (yHat.rows !== y.rows || yHat.cols !== y.cols) {
    throw new RangeError(
      `yHat and y have mismatched shapes: yHat is ${yHat.shape}, y is ${y.shape}`,
    );
  }
  if (yHat.cols === 0) throw new RangeError(`yHat must have at least one column, got 0`);
  checkFinite("yHat", yHat);
  checkFinite("y", y);
  const n = yHat.data.length, dYHat = new Tensor(yHat.rows, yHat.cols);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = yHat.data[i] - y.data[i];
    sum += e * e;
    dYHat.data[i] = (2 * e) / n;
  }
  return { loss: sum / n, dYHat };
}

/**
 * Row-wise softmax, softmax(z)ⱼ = exp(zⱼ − max z) / Σₖ exp(zₖ − max z);
 * subtracting the row maximum keeps every exp ≤ 1, so nothing overflows.
 *
 * @param logits A rows × classes tensor, rows ≥ 1, classes ≥ 1, finite.
 * @returns A new tensor of probabilities; each row sums to 1.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "./tensor.ts";
 * import { softmax } from "./loss.ts";
 * const probs = softmax(Tensor.fromRows([[1000, 1000]]));
 * expect(probs.toRows()).toEqual([[0.5, 0.5]]);
 * ```
 */
export function softmax(logits: Tensor): Tensor {
  checkBatch("logits", logits);
  if (logits.cols === 0) {
    throw new RangeError(`logits must have at least one column, got ${logits.shape}`);
  }
  checkFinite("logits", logits);
  const out = new Tensor(logits.rows, logits.cols), n = logits.cols;
  for (let i = 0; i < logits.rows; i++) softmaxRow(logits.data, out.data, i * n, n);
  return out;
}

/** Writes the softmax of z[off … off+n) into p and returns log Σ exp(z − max) + max. */
function softmaxRow(z: Float32Array, p: Float32Array, off: number, n: number): number {
  let max = -Infinity;
  for (let j = 0; j < n; j++) max = Math.max(max, z[off + j]);
  let sum = 0;
  for (let j = 0; j < n; j++) sum += Math.exp(z[off + j] - max);
  for (let j = 0; j < n; j++) p[off + j] = Math.exp(z[off + j] - max) / sum;
  return max + Math.log(sum);
}

/**
 * Softmax cross-entropy, the mean over the batch of −log softmax(logits)[label],
 * computed stably as logSumExp(z) − z[label].
 *
 * @param logits The class scores, rows ≥ 1 × classes ≥ 1, finite.
 * @param labels One class index per row, integers in [0, classes).
 * @returns `{ loss, dLogits }` with dLogits = (softmax(z) − onehot(label)) / rows.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "./tensor.ts";
 * import { softmaxCrossEntropy } from "./loss.ts";
 * const { loss, dLogits } = softmaxCrossEntropy(Tensor.fromRows([[0, 0]]), [1]);
 * expect(loss).toBeCloseTo(Math.log(2), 6);
 * expect(dLogits.toRows()).toEqual([[0.5, -0.5]]);
 * ```
 */
export function softmaxCrossEntropy(
  logits: Tensor,
  labels: Int32Array | Uint8Array | number[],
): { loss: number; dLogits: Tensor } {
  checkBatch("logits", logits);
  const n = logits.cols;
  const listed = labels instanceof Int32Array || labels instanceof Uint8Array ||
    Array.isArray(labels);
  if (listed && labels.length !== logits.rows) {
    throw new RangeError(
      `logits and labels have mismatched shapes: logits is ${logits.shape}, labels has length ${labels.length}`,
    );
  }
  checkLabels("labels", labels, n, logits.rows);
  checkFinite("logits", logits);
  const rows = logits.rows, dLogits = new Tensor(rows, n), d = dLogits.data;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const off = i * n, label = labels[i];
    total += softmaxRow(logits.data, d, off, n) - logits.data[off + label];
    // ∂L/∂zⱼ = (pⱼ − [j = label]) / rows
    d[off + label] -= 1;
    for (let j = 0; j < n; j++) d[off + j] /= rows;
  }
  return { loss: total / rows, dLogits };
}
