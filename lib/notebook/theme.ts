/**
 * The course's figure theme: one colour for each concept, the same in every
 * lesson, so that a reader who has learned "orange is dropped" never has to
 * relearn it.
 *
 * @module
 */
import { checkFinite, checkInteger, checkObject } from "../nn/_check.ts";

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

/** The figure text size, in pixels (Observable Plot's default is 10). */
export const FONT_SIZE = 12;

const SUPERSCRIPT: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

/**
 * A tick label for a log axis that a reader can read at a glance: plain
 * decimals from 0.001 to 10 000, powers of ten beyond (10⁻⁴, 10⁶), never the
 * SI prefixes ("100µ") that a log scale shows by default.
 *
 * @param value A tick value.
 * @returns Its label.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { logTick } from "./theme.ts";
 * expect([1e-4, 0.001, 0.5, 1, 20, 1e4, 1e6].map(logTick))
 *   .toEqual(["10⁻⁴", "0.001", "0.5", "1", "20", "10000", "10⁶"]);
 * expect(logTick(3e-5)).toBe("3·10⁻⁵");
 * ```
 */
export function logTick(value: number): string {
  checkFinite("value", value);
  if (value === 0) return "0";
  const exponent = Math.floor(Math.log10(Math.abs(value)) + 1e-9);
  if (exponent >= -3 && exponent <= 4) return String(Number(value.toPrecision(3)));
  const mantissa = Number((value / 10 ** exponent).toPrecision(2));
  const power = `10${[...String(exponent)].map((c) => SUPERSCRIPT[c]).join("")}`;
  return mantissa === 1 ? power : `${mantissa}·${power}`;
}

/** The scales of an Observable Plot spec that take a `tickFormat`. */
const AXES = ["x", "y", "fx", "fy"] as const;

/**
 * Applies the course's figure style to an Observable Plot specification:
 * {@linkcode FONT_SIZE} text and readable log ticks ({@linkcode logTick}).
 * Whatever the spec sets itself wins. `plot()` calls it for every figure.
 *
 * @param options A `Plot.plot` specification.
 * @returns The specification with the theme's defaults filled in.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { logTick, plotTheme } from "./theme.ts";
 * const themed = plotTheme({ y: { type: "log" }, style: { color: "red" } });
 * expect(themed.style).toEqual({ fontSize: "12px", color: "red" });
 * expect((themed.y as unknown as { tickFormat: unknown }).tickFormat).toBe(logTick);
 * ```
 */
export function plotTheme<T extends Record<string, unknown>>(options: T): T {
  checkObject("options", options, "a Plot.plot specification (an object)");
  const out: Record<string, unknown> = { ...options };
  const style = options.style;
  out.style = typeof style === "string"
    ? `font-size: ${FONT_SIZE}px; ${style}`
    : { fontSize: `${FONT_SIZE}px`, ...(style as object | undefined) };
  for (const axis of AXES) {
    const scale = options[axis] as Record<string, unknown> | undefined;
    if (scale?.type === "log" && scale.tickFormat === undefined) {
      out[axis] = { ...scale, tickFormat: logTick };
    }
  }
  return out as T;
}

/**
 * The course's style for Plotly charts: text size, the palette's colours in
 * order, powers of ten on axes (never SI prefixes), and (for charts without a slider, which sits below) the legend below
 * the plot, where it never squeezes the plot on a narrow screen. The chart's
 * own layout wins; nested objects are merged one level deep.
 *
 * @param layout A Plotly layout.
 * @param traces How many traces the chart has (a lone trace needs no legend).
 * @returns The layout with the theme's defaults filled in.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { plotlyTheme } from "./theme.ts";
 * const themed = plotlyTheme({ font: { color: "red" } }, 2);
 * expect(themed.font).toEqual({ family: "system-ui, sans-serif", size: 13, color: "red" });
 * expect(themed.legend).toMatchObject({ orientation: "h" });
 * expect(plotlyTheme({ yaxis2: { type: "log" } }).yaxis2)
 *   .toEqual({ exponentformat: "power", type: "log" });
 * ```
 */
export function plotlyTheme(
  layout: Record<string, unknown> = {},
  traces = 1,
): Record<string, unknown> {
  checkObject("layout", layout, "a Plotly layout (an object)");
  checkInteger("traces", traces, 0);
  const defaults: Record<string, unknown> = {
    font: { family: "system-ui, sans-serif", size: 13 },
    colorway: Object.values(palette).filter((c) => c !== palette.exact),
  };
  if (traces > 1 && layout.sliders === undefined) {
    defaults.legend = { orientation: "h", yref: "container", y: 0, yanchor: "bottom" };
    defaults.margin = { b: 90 };
  }
  // Tiny values read as 10⁻⁴, not Plotly's default SI prefixes ("100µ").
  for (const axis of ["xaxis", "yaxis", ...Object.keys(layout)]) {
    if (/^[xy]axis\d*$/.test(axis)) defaults[axis] = { exponentformat: "power" };
  }
  const out: Record<string, unknown> = { ...defaults, ...layout };
  for (const [key, value] of Object.entries(defaults)) {
    const own = layout[key];
    if (isObject(value) && isObject(own)) out[key] = { ...value, ...own };
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
