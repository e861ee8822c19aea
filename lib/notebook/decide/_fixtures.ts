/**
 * Shared evidence for the claim engine's tests (private; test use only).
 *
 * @module
 */
import type { PairedRule } from "../rule.ts";

/** Five seeds. */
export const SEEDS: number[] = [1, 2, 3, 4, 5];
/** A baseline value per seed. */
export const BASE: number[] = [0.5, 0.52, 0.49, 0.51, 0.5];
/** Treatment values whose improvement over BASE is `shift` plus a fixed wobble. */
export const shifted = (shift: number, wobble = 0.004): number[] =>
  BASE.map((b, i) => b + shift + wobble * [1, -1, 0.5, -0.5, 0][i]);
/** A paired rule on 5 seeds, "higher is better", with the given margin. */
export const paired = (margin: number): PairedRule => ({
  test: "paired",
  metric: "accuracy",
  compare: ["plain", "dropout"],
  better: "higher",
  margin,
  seeds: 5,
});
