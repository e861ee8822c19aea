/**
 * The course's figure theme: one colour for each concept, the same in every
 * lesson, so that a reader who has learned "orange is dropped" never has to
 * relearn it.
 *
 * @module
 */

/**
 * One colour per concept across the course (colour-blind-safe Okabe–Ito hues).
 * Pairs that appear together never share a hue.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { palette } from "./theme.ts";
 * expect(palette.kept).not.toBe(palette.dropped);
 * expect(palette.withDropout).toBe("#0072b2");
 * ```
 */
export const palette = {
  /** A unit or value the mask keeps. */
  kept: "#0072b2",
  /** A unit or value the mask drops. */
  dropped: "#e69f00",
  /** Measured on the training set, or in training mode. */
  train: "#009e73",
  /** Measured on held-out data, or in evaluation mode. */
  eval: "#d55e00",
  /** A network trained with dropout. */
  withDropout: "#0072b2",
  /** The same network trained without dropout. */
  withoutDropout: "#999999",
  /** An exact value, a theoretical curve or a reference line. */
  exact: "#000000",
  /** Sampled or Monte-Carlo estimates. */
  sampled: "#cc79a7",
  /** A second method beside the first (e.g. weight scaling beside MC averaging). */
  alternative: "#56b4e9",
} as const;

/** The name of a concept that has a colour in {@linkcode palette}. */
export type Concept = keyof typeof palette;
