/**
 * The scale mismatch, trained (lesson 4): the same network trained with
 * unscaled ("standard") dropout and with inverted dropout, then evaluated
 * three ways: uncorrected, × (1 − p) at test time, and inverted.
 *
 * @module
 */
import { friedman1, spirals } from "../data/synthetic.ts";
import { checkInRange, checkInteger, checkObject, describe, orDefault } from "../nn/_check.ts";
import { Dropout, type DropoutMode } from "../nn/dropout.ts";
import { evaluate } from "../nn/evaluate.ts";
import { mlp } from "../nn/mlp.ts";
import { Adam } from "../nn/optim.ts";
import { Sequential } from "../nn/sequential.ts";
import { fit } from "../nn/train.ts";

/**
 * The same network with its dropout layers left out: it shares the other
 * layers (and so their weights). For a network trained with unscaled dropout
 * this is the uncorrected test-time network.
 *
 * @param model A `Sequential`.
 * @returns A new `Sequential` of the same layer objects minus every `Dropout`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { mlp } from "../nn/mlp.ts";
 * import { withoutDropout } from "./scale_fixes.ts";
 * const net = mlp([2, 8, 1], { seed: 1, dropout: 0.5 });
 * expect(withoutDropout(net).layers.length).toBe(net.layers.length - 1);
 * expect(withoutDropout(net).layers[0]).toBe(net.layers[0]);
 * ```
 */
export function withoutDropout(model: Sequential): Sequential {
  if (!(model instanceof Sequential)) {
    throw new TypeError(`model must be a Sequential, got ${describe(model)}`);
  }
  return new Sequential(model.layers.filter((layer) => !(layer instanceof Dropout)));
}

/** The three ways lesson 4 evaluates a dropout network. */
export type ScaleFix = "no correction" | "× (1 − p) at test" | "inverted";

/** One evaluation of one seed's networks. */
export interface ScaleFixResult {
  seed: number;
  variant: ScaleFix;
  /** Test mean squared error of the regression network. */
  mse: number;
  /** Test cross-entropy of the classifier. */
  crossEntropy: number;
  /** Test accuracy of the classifier. */
  accuracy: number;
}

/** Options of {@linkcode scaleFixRun}. */
export interface ScaleFixOptions {
  /** Drop probability after each of the two hidden layers (default 0.5). */
  p?: number;
  /** Epochs (default 200). */
  epochs?: number;
  /** Units per hidden layer (default 64). */
  width?: number;
}

/**
 * Trains, for one seed, a regression network (Friedman #1: 200 training and
 * 2000 test points) and a classifier (three spirals: 300 training and 3000
 * test points), each twice: with unscaled dropout and with inverted dropout
 * (Adam, learning rate 0.005, batches of 32). Returns three evaluations: the
 * unscaled network with its dropout layers simply removed ("no correction"),
 * the same network with the standard test rule "× (1 − p) at test", and the
 * inverted network as is. For each task, both trainings start from the same
 * weights and draw the same masks and batch order.
 *
 * @param seed The seed of the data, initial weights, masks and batch order.
 * @param options Drop probability, epochs and width.
 * @returns The three {@linkcode ScaleFixResult}s, in the order above.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { scaleFixRun } from "./scale_fixes.ts";
 * const rows = await scaleFixRun(1, { epochs: 2, width: 8 });
 * expect(rows.map((r) => r.variant)).toEqual(["no correction", "× (1 − p) at test", "inverted"]);
 * ```
 */
export async function scaleFixRun(
  seed: number,
  options: ScaleFixOptions = {},
): Promise<ScaleFixResult[]> {
  checkInteger("seed", seed, 0, 4_294_966);
  checkObject("options", options, "an object { p?, epochs?, width? }");
  const p = checkInRange("p", orDefault(options.p, 0.5), 0, 1);
  const epochs = checkInteger("epochs", orDefault(options.epochs, 200), 1);
  const width = checkInteger("width", orDefault(options.width, 64), 1);
  const reg = {
    train: friedman1({ n: 200, noise: 1, seed: 1000 * seed + 1 }),
    test: friedman1({ n: 2000, noise: 1, seed: 1000 * seed + 2 }),
  };
  const cls = {
    train: spirals({ n: 300, classes: 3, noise: 0.1, seed: 1000 * seed + 3 }),
    test: spirals({ n: 3000, classes: 3, noise: 0.1, seed: 1000 * seed + 4 }),
  };
  const trained = async (mode: DropoutMode) => {
    const r = mlp([5, width, width, 1], { seed: 1000 * seed + 5, dropout: p, mode });
    const c = mlp([2, width, width, 3], { seed: 1000 * seed + 6, dropout: p, mode });
    const settings = { epochs, batchSize: 32, seed, evaluateEvery: epochs };
    await fit(r, reg.train, {
      ...settings,
      loss: "mse",
      optimizer: new Adam(r.parameters(), { lr: 0.005 }),
    });
    await fit(c, cls.train, {
      ...settings,
      loss: "cross-entropy",
      optimizer: new Adam(c.parameters(), { lr: 0.005 }),
    });
    return { r, c };
  };
  const standard = await trained("standard"), inverted = await trained("inverted");
  const row = (variant: ScaleFix, r: Sequential, c: Sequential): ScaleFixResult => {
    const onCls = evaluate(c, cls.test, "cross-entropy");
    return {
      seed,
      variant,
      mse: evaluate(r, reg.test, "mse").loss,
      crossEntropy: onCls.loss,
      accuracy: onCls.accuracy,
    };
  };
  return [
    row("no correction", withoutDropout(standard.r), withoutDropout(standard.c)),
    row("× (1 − p) at test", standard.r, standard.c),
    row("inverted", inverted.r, inverted.c),
  ];
}
