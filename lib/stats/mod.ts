/**
 * The numbers that judge a claim: seeds and sweeps, rank correlation, float32 ulps and
 * bitwise equality, Student-t intervals, paired and equivalence tests, McNemar and Holm, AUROC,
 * calibration error, and sample moments with their standard errors.
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
export * from "./binomial.ts";
export * from "./bits.ts";
export * from "./calibration.ts";
export * from "./holm.ts";
export * from "./mcnemar.ts";
export * from "./mean_se.ts";
export * from "./moments.ts";
export * from "./paired_t.ts";
export * from "./spearman.ts";
export * from "./sweep.ts";
export * from "./sweep_in_parallel.ts";
export * from "./parallel.ts";
export * from "./t_quantile.ts";
export * from "./tost.ts";
export * from "./uncertainty.ts";
