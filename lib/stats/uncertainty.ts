/**
 * Does a network know when it does not know? Gal & Ghahramani (2016) read
 * dropout at test time as sampling from an approximate posterior: average k
 * thinned networks' probabilities (Monte-Carlo dropout) and use the
 * predictive entropy of the average as the network's uncertainty. This module
 * scores that uncertainty two ways: how well it separates the digits the
 * network gets wrong from those it gets right, and inputs it never saw from
 * ordinary test digits (AUROC); and how well its confidence matches its
 * accuracy (expected calibration error).
 *
 * @module
 */
import { checkLayer, checkObject, describe } from "../nn/_check.ts";
import { checkSetForModel } from "../nn/_check_set.ts";
import type { Layer } from "../nn/layer.ts";
import { argmaxRows, Tensor } from "../nn/tensor.ts";
import { mcDropoutPredict, predictiveEntropy, weightScalingPredict } from "../dropout/inference.ts";
import { type Auroc, auroc } from "./auroc.ts";
import { calibration, type CalibrationBin } from "./calibration.ts";

/** How one way of predicting scores on uncertainty. */
export interface UncertaintyScores {
  /** Accuracy on the test digits. */
  accuracy: number;
  /** Predictive entropy of each test digit. */
  entropy: Float64Array;
  /** Predictive entropy of each input of each unseen set. */
  unseenEntropy: Record<string, Float64Array>;
  /** AUROC of entropy for "misclassified" (wrong vs right test digits) and for each unseen set. */
  auroc: Record<string, Auroc>;
  /** Expected calibration error on the test digits (15 bins). */
  ece: number;
  /** The reliability bins behind it. */
  bins: CalibrationBin[];
}

function score(
  predict: (x: Tensor) => Tensor,
  test: { x: Tensor; y: Int32Array },
  unseen: Record<string, Tensor>,
): UncertaintyScores {
  const probs = predict(test.x), guess = argmaxRows(probs), entropy = predictiveEntropy(probs);
  const wrong: number[] = [], right: number[] = [];
  guess.forEach((g, i) => (g === test.y[i] ? right : wrong).push(entropy[i]));
  const all = Array.from(entropy);
  const scores: Record<string, Auroc> = { misclassified: auroc(wrong, right) };
  const unseenEntropy: Record<string, Float64Array> = {};
  for (const [name, x] of Object.entries(unseen)) {
    unseenEntropy[name] = predictiveEntropy(predict(x));
    scores[name] = auroc(Array.from(unseenEntropy[name]), all);
  }
  const { ece, bins } = calibration(probs, test.y);
  return {
    accuracy: right.length / guess.length,
    entropy,
    unseenEntropy,
    auroc: scores,
    ece,
    bins,
  };
}

/**
 * Scores a dropout network's uncertainty with Monte-Carlo dropout (k passes)
 * and with one deterministic pass (weight scaling), on the same inputs.
 *
 * @param model A classifier with dropout layers; its mode is restored.
 * @param test Test digits and labels (some must be misclassified for that AUROC).
 * @param unseen Named sets of inputs unlike the training data (noise, turned digits, …).
 * @param k Monte-Carlo passes, ≥ 1.
 * @returns `{ mc, single }`, each {@linkcode UncertaintyScores}.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { mlp, Tensor, uncertaintyScores } from "../mod.ts";
 * const model = mlp([2, 16, 2], { seed: 1, dropout: 0.5 });
 * const test = { x: Tensor.fromRows([[0, 1], [1, 0], [1, 1]]), y: new Int32Array([0, 1, 0]) };
 * const { mc, single } = uncertaintyScores(model, test, { far: Tensor.fromRows([[9, 9]]) }, 10);
 * expect(Object.keys(mc.auroc)).toEqual(["misclassified", "far"]);
 * expect(single.entropy.length).toBe(3);
 * ```
 */
export function uncertaintyScores(
  model: Layer,
  test: { x: Tensor; y: Int32Array },
  unseen: Record<string, Tensor>,
  k: number,
): { mc: UncertaintyScores; single: UncertaintyScores } {
  checkLayer("model", model);
  checkSetForModel("test", model, test, "cross-entropy");
  checkObject("unseen", unseen, "an object { name: Tensor of images }");
  for (const [name, x] of Object.entries(unseen)) {
    if (!(x instanceof Tensor)) {
      throw new TypeError(`unseen.${name} must be a Tensor, got ${describe(x)}`);
    }
  }
  return {
    mc: score((x) => mcDropoutPredict(model, x, k), test, unseen),
    single: score((x) => weightScalingPredict(model, x), test, unseen),
  };
}
