/**
 * The numbers that judge a claim: seeds and sweeps, rank correlation, float32 ulps and
 * bitwise equality, AUROC and calibration error.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { ulp32 } from "./mod.ts";
 * expect(ulp32(1)).toBe(2 ** -23);
 * ```
 *
 * @module
 */
export * from "./auroc.ts";
export * from "./bits.ts";
export * from "./calibration.ts";
export * from "./moments.ts";
export * from "./spearman.ts";
export * from "./sweep.ts";
export * from "./uncertainty.ts";
