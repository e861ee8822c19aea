/**
 * Shared evidence for the claim engine's tests (private; test use only).
 *
 * @module
 */
import type { PairedRule } from "../rule.ts";

/**
 * Five seeds.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { BASE, SEEDS } from "./_fixtures.ts";
 * expect(SEEDS.length).toBe(BASE.length);
 * ```
 */
export const SEEDS: number[] = [1, 2, 3, 4, 5];

/**
 * A baseline value per seed.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { BASE } from "./_fixtures.ts";
 * expect(BASE).toHaveLength(5);
 * ```
 */
export const BASE: number[] = [0.5, 0.52, 0.49, 0.51, 0.5];

/**
 * Treatment values whose improvement over BASE is `shift` plus a fixed wobble.
 *
 * @param shift The mean improvement.
 * @param wobble The size of the per-seed wobble (it averages to 0).
 * @returns One value per seed.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { BASE, shifted } from "./_fixtures.ts";
 * const gain = shifted(0.05).reduce((s, t, i) => s + t - BASE[i], 0) / 5;
 * expect(gain).toBeCloseTo(0.05, 12);
 * ```
 */
export const shifted = (shift: number, wobble = 0.004): number[] =>
  BASE.map((b, i) => b + shift + wobble * [1, -1, 0.5, -0.5, 0][i]);

/**
 * A paired rule on 5 seeds, "higher is better", with the given margin.
 *
 * @param margin The smallest improvement the claim asserts.
 * @returns The rule.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { paired } from "./_fixtures.ts";
 * expect(paired(0.02)).toMatchObject({ test: "paired", margin: 0.02, seeds: 5 });
 * ```
 */
export const paired = (margin: number): PairedRule => ({
  test: "paired",
  metric: "accuracy",
  compare: ["plain", "dropout"],
  better: "higher",
  margin,
  seeds: 5,
});
