/**
 * The machinery of a checked notebook: claims and their verdicts, the claims table,
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
export * from "./claims.ts";
export * from "./claims_table.ts";
export * from "./display.ts";
export * from "./exercise.ts";
export * from "./plot.ts";
export * from "./progress.ts";
export * from "./table.ts";
export * from "./theme.ts";
export * from "./paired_plot.ts";
