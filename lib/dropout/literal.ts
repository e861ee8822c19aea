/**
 * A literal reading of one source's description of inverted dropout, "the
 * weights of the remaining active neurons are scaled up by 1/(1 − p)", built
 * so that lesson 4 can test it: a layer that, at every training step,
 * multiplies the **stored** outgoing weights of the kept units by 1/keep.
 * Real inverted dropout scales the kept activations and never touches a
 * weight.
 *
 * @module
 */
import { friedman1 } from "../data/synthetic.ts";
import {
  checkInHalfOpen,
  checkInteger,
  checkObject,
  checkPositive,
  describe,
  orDefault,
} from "../nn/_check.ts";
import { Dropout } from "../nn/dropout.ts";
import type { Layer, Parameter } from "../nn/layer.ts";
import { Linear } from "../nn/linear.ts";
import { meanSquaredError } from "../nn/loss.ts";
import { SGD } from "../nn/optim.ts";
import { ReLU } from "../nn/relu.ts";
import { Rng } from "../nn/rng.ts";
import { Sequential } from "../nn/sequential.ts";
import { checkBatch, Tensor } from "../nn/tensor.ts";

/**
 * Dropout on a layer's inputs followed by that layer (`next`), where, in
 * training, each step draws one mask for the whole batch, zeroes the dropped
 * inputs and multiplies the stored rows of `next.W` that belong to kept units
 * by 1/keep, in place, before `next` runs. For a single step that gives the
 * same output as inverted dropout with the same mask; across steps the
 * scaling compounds. In evaluation it is `next` as stored.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Linear, Rng, Tensor } from "../nn/mod.ts";
 * import { KeptWeightScaling } from "./literal.ts";
 * const next = new Linear(4, 1, new Rng(1));
 * const before = next.W.value.data.slice();
 * const layer = new KeptWeightScaling(0.5, next, new Rng(2));
 * layer.forward(Tensor.fromRows([[1, 1, 1, 1]]));
 * layer.mask!.forEach((m, j) => expect(next.W.value.data[j]).toBe(m ? 2 * before[j] : before[j]));
 * ```
 */
export class KeptWeightScaling implements Layer {
  /** The drop probability, in [0, 1). */
  readonly p: number;
  /** The layer whose stored input weights are scaled. */
  readonly next: Linear;
  training = true;
  readonly #rng: Rng;
  #mask: Uint8Array | null = null;

  /**
   * @param p Drop probability in [0, 1).
   * @param next The layer after the dropped units.
   * @param rng The generator of the masks (it advances, one draw per unit per step).
   */
  constructor(p: number, next: Linear, rng: Rng) {
    this.p = checkInHalfOpen("p", p, 0, 1);
    if (!(next instanceof Linear)) {
      throw new TypeError(`next must be a Linear, got ${describe(next)}`);
    }
    if (!(rng instanceof Rng)) throw new TypeError(`rng must be an Rng, got ${describe(rng)}`);
    this.next = next;
    this.#rng = rng;
  }

  /** The last training step's mask over the input units (1 = kept), or null. */
  get mask(): Uint8Array | null {
    return this.#mask;
  }

  /** Training: mask the inputs, scale the kept units' stored weights by 1/keep, run `next`. */
  forward(x: Tensor): Tensor {
    checkBatch("x", x);
    if (!this.training) return this.next.forward(x);
    const keep = 1 - this.p, W = this.next.W.value;
    const mask = new Uint8Array(x.cols);
    for (let j = 0; j < x.cols; j++) mask[j] = this.#rng.uniform() < keep ? 1 : 0;
    for (let j = 0; j < x.cols; j++) {
      if (mask[j]) W.row(j).forEach((w, k, row) => row[k] = w / keep); // stored, so it compounds
    }
    const masked = x.clone();
    for (let i = 0; i < x.rows; i++) {
      const row = masked.row(i);
      for (let j = 0; j < x.cols; j++) if (!mask[j]) row[j] = 0;
    }
    this.#mask = mask;
    return this.next.forward(masked);
  }

  /** dX = next's dX with the dropped units' columns zeroed (∂y/∂xⱼ = 0 for a dropped j). */
  backward(dOut: Tensor, inputGrad = true): Tensor {
    const dX = this.next.backward(dOut, inputGrad);
    const mask = this.#mask;
    if (!inputGrad || mask === null) return dX;
    for (let i = 0; i < dX.rows; i++) {
      const row = dX.row(i);
      for (let j = 0; j < dX.cols; j++) if (!mask[j]) row[j] = 0;
    }
    return dX;
  }

  /** The parameters of `next`. */
  parameters(): Parameter[] {
    return this.next.parameters();
  }
}

/** Options of {@linkcode weightGrowth}. */
export interface WeightGrowthOptions {
  /** Seeds the data, the shared initial weights and the masks. */
  seed: number;
  /** Drop probability of the hidden units (default 0.4). */
  p?: number;
  /** Training steps (default 30). */
  steps?: number;
  /** Plain gradient-descent learning rate (default 0.001). */
  lr?: number;
}

/**
 * Trains two copies of one small regression network (`5 → 32 → ReLU → 1` on
 * 200 Friedman #1 points, full batch, plain gradient descent) with dropout on
 * the hidden units: once with the library's inverted `Dropout`, once with
 * {@linkcode KeptWeightScaling} (the stored weights scaled). Records the
 * largest |weight| of the output layer after every step.
 *
 * @param options Seed, drop probability, steps and learning rate.
 * @returns `{ inverted, literal }`: the largest |W₂| after each step, one number per step.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { weightGrowth } from "./literal.ts";
 * const g = weightGrowth({ seed: 1, steps: 10 });
 * expect(g.literal[9]).toBeGreaterThan(10 * g.inverted[9]);
 * ```
 */
export function weightGrowth(
  options: WeightGrowthOptions,
): { inverted: number[]; literal: number[] } {
  checkObject("options", options, "an object { seed, p?, steps?, lr? }");
  const seed = checkInteger("seed", options.seed, 0, 4_294_966);
  const p = checkInHalfOpen("p", orDefault(options.p, 0.4), 0, 1);
  const steps = checkInteger("steps", orDefault(options.steps, 30), 1);
  const lr = checkPositive("lr", orDefault(options.lr, 0.001));
  const data = friedman1({ n: 200, noise: 1, seed: 1000 * seed + 7 });
  const build = (literal: boolean) => {
    const rng = new Rng(1000 * seed + 8);
    const first = new Linear(5, 32, rng.fork(1)), second = new Linear(32, 1, rng.fork(2));
    const model = literal
      ? new Sequential([first, new ReLU(), new KeptWeightScaling(p, second, rng.fork(3))])
      : new Sequential([first, new ReLU(), new Dropout(p, rng.fork(3)), second]);
    return { model, second, optimizer: new SGD(model.parameters(), { lr }) };
  };
  const run = (literal: boolean) => {
    const { model, second, optimizer } = build(literal);
    return Array.from({ length: steps }, () => {
      optimizer.zeroGrad();
      model.training = true;
      model.backward(meanSquaredError(model.forward(data.x), data.y).dYHat, false);
      optimizer.step();
      return second.W.value.data.reduce((m, w) => Math.max(m, Math.abs(w)), 0);
    });
  };
  return { inverted: run(false), literal: run(true) };
}
