/**
 * What the lessons study about dropout: mask enumeration, thinned sub-networks, Monte-Carlo
 * versus weight-scaling inference, ensembles, the exact L2 penalty, unit ablation, cost counts.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { allMasks } from "./mod.ts";
 * expect(allMasks(3, 0.5).length).toBe(8);
 * ```
 *
 * @module
 */
export * from "./cost.ts";
export * from "./ensemble.ts";
export * from "./inference.ts";
export * from "./masks.ts";
export * from "./literal.ts";
export * from "./modes.ts";
export * from "./noise.ts";
export * from "./overfit.ts";
export * from "./scale_fixes.ts";
export * from "./penalty.ts";
export * from "./practice.ts";
export * from "./thinned.ts";
export * from "./units.ts";
export * from "./variance_shift.ts";
