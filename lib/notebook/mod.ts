/**
 * The machinery of a checked notebook: the claim engine (declared rules, computed verdicts,
 * rendered evidence), the claims table,
 * figures and displays for Jupyter, and a training progress line.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { DISPLAY, displayable } from "./mod.ts";
 * expect(displayable({ "text/plain": "hi" })[DISPLAY]()).toEqual({ "text/plain": "hi" });
 * ```
 *
 * @module
 */
export * from "./claim.ts";
export * from "./claims.ts";
export * from "./claims_table.ts";
export * from "./decide.ts";
export * from "./display.ts";
export * from "./evidence.ts";
export * from "./exercise.ts";
export * from "./paired_plot.ts";
export * from "./plot.ts";
export * from "./progress.ts";
export * from "./rule.ts";
export * from "./table.ts";
export * from "./theme.ts";
