/**
 * Batch normalization over features (Ioffe & Szegedy, 2015), like PyTorch's
 * `nn.BatchNorm1d`: each feature is standardized with the statistics of the
 * batch in training and with running estimates of them in evaluation, then
 * scaled by γ and shifted by β.
 *
 * The running estimates are what dropout can spoil: they are collected in
 * training, where the units feeding the layer are thinned and rescaled, and
 * used in evaluation, where they are not (Li, Chen, Hu & Yang, 2019).
 *
 * @module
 */
import { checkDOut } from "./_backward.ts";
import { SAVE_LAST_FORWARD } from "./_last_forward.ts";
import { outputTensor } from "./_scratch.ts";
import {
  checkInRange,
  checkInteger,
  checkObject,
  checkPositive,
  describe,
  orDefault,
} from "./_check.ts";
import type { Layer, Parameter } from "./layer.ts";
import { checkBatch, Tensor } from "./tensor.ts";

/** Options of {@linkcode BatchNorm1d}. */
export interface BatchNormOptions {
  /** Weight of the newest batch in the running statistics, in [0, 1] (default 0.1, as PyTorch). */
  momentum?: number;
  /** Added to the variance before the square root (default 1e-5, as PyTorch). */
  eps?: number;
  /** Prefixes the parameter names (default `"batchnorm"`). */
  name?: string;
}

/**
 * Batch normalization of a rows × features batch.
 *
 * Training: x̂ = (x − μ_B)/√(σ²_B + ε) with the batch mean μ_B and the biased
 * batch variance σ²_B, y = γ x̂ + β; the running estimates move towards the
 * batch's: μ ← (1 − m)μ + m μ_B and σ² ← (1 − m)σ² + m σ²_B · n/(n − 1) (the
 * unbiased variance, as PyTorch keeps it). Evaluation uses the running μ, σ².
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { BatchNorm1d, Tensor } from "./mod.ts";
 * const bn = new BatchNorm1d(2);
 * const y = bn.forward(Tensor.fromRows([[1, 10], [3, 30]])); // training: batch statistics
 * expect(y.toRows().map((r) => r.map((v) => +v.toFixed(3)))).toEqual([[-1, -1], [1, 1]]);
 * expect(bn.runningMean[1]).toBeCloseTo(2, 6); // 0.9 · 0 + 0.1 · 20
 * bn.training = false; // evaluation: the running statistics
 * expect(bn.forward(Tensor.fromRows([[0.2, 2]])).data[0]).toBe(0);
 * ```
 */
export class BatchNorm1d implements Layer {
  /** Features per row. */
  readonly features: number;
  /** Weight of the newest batch in the running statistics. */
  readonly momentum: number;
  /** Added to the variance before the square root. */
  readonly eps: number;
  /** The scale γ, 1 × features, starting at 1, named `<name>.gamma`. */
  readonly gamma: Parameter;
  /** The shift β, 1 × features, starting at 0, named `<name>.beta`. */
  readonly beta: Parameter;
  /** `true`: batch statistics (and update the running ones); `false`: running statistics. */
  training = true;
  /** The running mean of each feature (starts at 0). */
  readonly runningMean: Float32Array;
  /** The running (unbiased) variance of each feature (starts at 1). */
  readonly runningVar: Float32Array;
  #x: Tensor | null = null;
  #xHat: Tensor | null = null;
  #y: Tensor | null = null;
  #invStd: Float64Array;
  #batchMean: Float64Array;
  #batchVar: Float64Array;
  #training = true; // the mode the last forward ran in, for backward
  #dX: Tensor | null = null; // the last backward's dX (reused within a training loop)

  /**
   * @param features Features per row, ≥ 1.
   * @param options `momentum` (0.1), `eps` (1e-5), `name` ("batchnorm").
   */
  constructor(features: number, options: BatchNormOptions = {}) {
    this.features = checkInteger("features", features, 1);
    checkObject("options", options, "an object { momentum?, eps? }");
    this.momentum = checkInRange("momentum", orDefault(options.momentum, 0.1), 0, 1);
    this.eps = checkPositive("eps", orDefault(options.eps, 1e-5));
    const name = options.name ?? "batchnorm";
    if (typeof name !== "string") {
      throw new TypeError(`name must be a string, got ${describe(name)}`);
    }
    const ones = new Tensor(1, features);
    ones.data.fill(1);
    this.gamma = { name: `${name}.gamma`, value: ones, grad: new Tensor(1, features) };
    this.beta = {
      name: `${name}.beta`,
      value: new Tensor(1, features),
      grad: new Tensor(1, features),
    };
    this.runningMean = new Float32Array(features);
    this.runningVar = new Float32Array(features).fill(1);
    this.#invStd = new Float64Array(features);
    this.#batchMean = new Float64Array(features);
    this.#batchVar = new Float64Array(features);
  }

  /** The last training batch's mean of each feature, read-only for plots. */
  get batchMean(): Float64Array {
    return this.#batchMean;
  }
  /** The last training batch's (biased) variance of each feature, read-only for plots. */
  get batchVar(): Float64Array {
    return this.#batchVar;
  }
  /** The last forward's input. */
  get lastInput(): Tensor | null {
    return this.#x;
  }
  /** The last forward's output. */
  get lastOutput(): Tensor | null {
    return this.#y;
  }

  /**
   * y = γ (x − μ)/√(σ² + ε) + β, with the batch's μ, σ² in training (≥ 2 rows)
   * and the running ones in evaluation.
   *
   * @param x A batch, rows × features.
   * @returns A new tensor of x's shape.
   */
  forward(x: Tensor): Tensor {
    checkBatch("x", x);
    if (x.cols !== this.features) {
      throw new RangeError(`x must have ${this.features} columns, got ${x.shape}`);
    }
    const n = x.rows, f = this.features, xd = x.data;
    if (this.training && n < 2) {
      throw new RangeError(`x must have at least 2 rows in training (batch statistics), got ${n}`);
    }
    const mean = this.#batchMean, variance = this.#batchVar, invStd = this.#invStd;
    if (this.training) {
      mean.fill(0), variance.fill(0);
      for (let i = 0; i < n; i++) for (let j = 0; j < f; j++) mean[j] += xd[i * f + j];
      for (let j = 0; j < f; j++) mean[j] /= n;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < f; j++) variance[j] += (xd[i * f + j] - mean[j]) ** 2;
      }
      const m = this.momentum;
      for (let j = 0; j < f; j++) {
        variance[j] /= n;
        invStd[j] = 1 / Math.sqrt(variance[j] + this.eps);
        this.runningMean[j] = (1 - m) * this.runningMean[j] + m * mean[j];
        this.runningVar[j] = (1 - m) * this.runningVar[j] + m * variance[j] * n / (n - 1);
      }
    } else {
      for (let j = 0; j < f; j++) invStd[j] = 1 / Math.sqrt(this.runningVar[j] + this.eps);
    }
    const center = this.training ? mean : this.runningMean;
    const xHat = outputTensor(this.#xHat, n, f, x), y = outputTensor(this.#y, n, f, x);
    const g = this.gamma.value.data, b = this.beta.value.data;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < f; j++) {
        const k = i * f + j;
        xHat.data[k] = (xd[k] - center[j]) * invStd[j];
        y.data[k] = g[j] * xHat.data[k] + b[j];
      }
    }
    this.#x = x, this.#xHat = xHat, this.#y = y, this.#training = this.training;
    return y;
  }

  /**
   * dγ += Σ dOut ⊙ x̂, dβ += Σ dOut; with g = dOut ⊙ γ, in training
   * dX = (1/σ)(g − mean(g) − x̂ · mean(g ⊙ x̂)) (the batch statistics depend on x),
   * in evaluation dX = g/σ.
   *
   * @param dOut The gradient with respect to the last output.
   * @returns The gradient with respect to the last input.
   */
  backward(dOut: Tensor): Tensor {
    checkDOut("BatchNorm1d", this.#y, dOut);
    const n = dOut.rows, f = this.features, xHat = this.#xHat!.data, d = dOut.data;
    const g = this.gamma.value.data, invStd = this.#invStd;
    const sumG = new Float64Array(f), sumGX = new Float64Array(f);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < f; j++) {
        const k = i * f + j;
        this.gamma.grad.data[j] += d[k] * xHat[k];
        this.beta.grad.data[j] += d[k];
        sumG[j] += d[k] * g[j];
        sumGX[j] += d[k] * g[j] * xHat[k];
      }
    }
    const dX = outputTensor(this.#dX, n, f, dOut);
    this.#dX = dX;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < f; j++) {
        const k = i * f + j, gk = d[k] * g[j];
        dX.data[k] = this.#training
          ? invStd[j] * (gk - sumG[j] / n - xHat[k] * sumGX[j] / n)
          : invStd[j] * gk;
      }
    }
    return dX;
  }

  /**
   * Saves the last forward's input, normalised input, output, batch statistics
   * and mode; the result puts them back (see `_last_forward.ts`). The running
   * statistics are not part of it: a training-mode forward updates them for good.
   */
  [SAVE_LAST_FORWARD](): () => void {
    const [x, xHat, y, training] = [this.#x, this.#xHat, this.#y, this.#training];
    const stats = [this.#invStd, this.#batchMean, this.#batchVar].map((a) => a.slice());
    return () => {
      this.#x = x, this.#xHat = xHat, this.#y = y, this.#training = training;
      this.#invStd.set(stats[0]), this.#batchMean.set(stats[1]), this.#batchVar.set(stats[2]);
    };
  }

  /** @returns `[gamma, beta]`. */
  parameters(): Parameter[] {
    return [this.gamma, this.beta];
  }
}
