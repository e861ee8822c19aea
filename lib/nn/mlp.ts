/**
 * `mlp()`: a multilayer perceptron with dropout after each hidden layer's
 * ReLU, built the way the sources build theirs with `nn.Sequential`.
 *
 * @module
 */
import { checkInRange, checkInteger, checkObject, describe, orDefault } from "./_check.ts";
import { Dropout, type DropoutMode } from "./dropout.ts";
import type { Layer } from "./layer.ts";
import { Linear } from "./linear.ts";
import { ReLU } from "./relu.ts";
import { Rng } from "./rng.ts";
import { Sequential } from "./sequential.ts";

/** Options of {@linkcode mlp}. */
export interface MlpOptions {
  /** Seeds every layer: Linear i uses `new Rng(seed).fork(2i + 1)`, its dropout `fork(2i + 2)`. */
  seed: number;
  /** Drop probability after each hidden layer: one number for all, or one per hidden layer. */
  dropout?: number | readonly number[];
  /** Drop probability on the inputs (default 0: no input dropout layer). Its stream is `fork(0)`. */
  inputDropout?: number;
  /** `"inverted"` (default) or `"standard"`. */
  mode?: DropoutMode;
}

/**
 * Builds Linear → ReLU → Dropout → … → Linear for the given layer sizes. A
 * dropout layer is added only where its probability is above 0, and never
 * after the output layer. Networks built with the same seed start from the
 * same weights whatever their dropout rates.
 *
 * @param sizes Units per layer, inputs first and outputs last (at least two sizes).
 * @param options Seed, hidden and input drop probabilities, dropout mode.
 * @returns The network, in training mode.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { mlp } from "./mlp.ts";
 * // The sources' network: 784-256-128-10 with dropout 0.5 and 0.3.
 * const model = mlp([784, 256, 128, 10], { seed: 1, dropout: [0.5, 0.3] });
 * expect(model.layers.map((l) => l.constructor.name)).toEqual(
 *   ["Linear", "ReLU", "Dropout", "Linear", "ReLU", "Dropout", "Linear"],
 * );
 * ```
 */
export function mlp(sizes: readonly number[], options: MlpOptions): Sequential {
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new RangeError(
      `sizes must list at least an input and an output size, got ${describe(sizes)}`,
    );
  }
  sizes.forEach((size, i) => checkInteger(`sizes[${i}]`, size, 1));
  checkObject("options", options, "an object { seed, dropout?, inputDropout?, mode? }");
  checkInteger("seed", options.seed, Number.MIN_SAFE_INTEGER);
  const hidden = sizes.length - 2;
  const rates = Array.isArray(options.dropout)
    ? options.dropout
    : new Array(hidden).fill(checkInRange("dropout", orDefault(options.dropout, 0), 0, 1));
  if (rates.length !== hidden) {
    throw new RangeError(
      `dropout must give one rate per hidden layer (${hidden}), got ${rates.length}`,
    );
  }
  rates.forEach((p, i) => checkInRange(`dropout[${i}]`, p, 0, 1));
  checkInRange("inputDropout", orDefault(options.inputDropout, 0), 0, 1);
  const rng = new Rng(options.seed);
  const mode = orDefault(options.mode, "inverted");
  if (mode !== "inverted" && mode !== "standard") {
    throw new RangeError(`mode must be "inverted" or "standard", got ${describe(mode)}`);
  }
  const layers: Layer[] = [];
  if (orDefault(options.inputDropout, 0) > 0) {
    layers.push(new Dropout(options.inputDropout!, rng.fork(0), { mode }));
  }
  for (let i = 0; i + 1 < sizes.length; i++) {
    layers.push(
      new Linear(sizes[i], sizes[i + 1], rng.fork(2 * i + 1), { name: `linear${i + 1}` }),
    );
    if (i === hidden) break;
    layers.push(new ReLU());
    if (rates[i] > 0) layers.push(new Dropout(rates[i], rng.fork(2 * i + 2), { mode }));
  }
  return new Sequential(layers);
}
