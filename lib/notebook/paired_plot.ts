/**
 * Figures for paired experiments: one line per seed from the baseline to the
 * treatment, and the per-seed differences with their mean and 95 % Student-t
 * interval. Also {@linkcode figureRow}, which sets several figures side by side.
 *
 * @module
 */
import { checkObject, checkString, describe } from "../nn/_check.ts";
import * as Plot from "@observablehq/plot";
import { pairedT } from "../stats/paired_t.ts";
import { DISPLAY, type Displayable } from "./display.ts";
import { type Figure, plot } from "./plot.ts";
import { palette } from "./theme.ts";

/** Options of {@linkcode pairedPlot}. */
export interface PairedPlotOptions {
  /** The seeds, one per pair. */
  seeds: readonly number[];
  /** The baseline's value for each seed. */
  baseline: readonly number[];
  /** The treatment's value for each seed. */
  treatment: readonly number[];
  /** Names of the two conditions, `[baseline, treatment]`. */
  compare: readonly [string, string];
  /** What was measured (the y label). */
  metric: string;
  /** Colours of the two conditions (default: without / with dropout). */
  colors?: readonly [string, string];
  /** A logarithmic y axis on the left panel. */
  log?: boolean;
  /** A declared margin to draw on the differences panel (in treatment − baseline units). */
  margin?: number;
}

/**
 * Two panels for a paired comparison: left, each seed's baseline and
 * treatment joined by a line; right, each seed's difference (treatment −
 * baseline) as a dot, their mean with its 95 % Student-t interval, zero, and
 * (if given) the declared margin.
 *
 * @param options Seeds, the two series, their names and the metric.
 * @returns A displayable figure: `await show(pairedPlot(…))`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { DISPLAY } from "./display.ts";
 * import { pairedPlot } from "./paired_plot.ts";
 * const fig = pairedPlot({
 *   seeds: [1, 2, 3], baseline: [0.3, 0.4, 0.35], treatment: [0.2, 0.3, 0.3],
 *   compare: ["p = 0", "p = 0.5"], metric: "test MSE",
 * });
 * expect(fig[DISPLAY]()["text/html"]).toContain("<svg");
 * ```
 */
export function pairedPlot(options: PairedPlotOptions): Displayable & { html: string } {
  checkObject("options", options, "an object { seeds, baseline, treatment, compare, metric }");
  const { seeds, baseline, treatment, compare, metric } = options;
  for (const [name, v] of [["seeds", seeds], ["baseline", baseline], ["treatment", treatment]]) {
    if (!Array.isArray(v) || !v.every((a) => typeof a === "number" && Number.isFinite(a))) {
      throw new TypeError(`${name} must be an array of finite numbers, got ${describe(v)}`);
    }
  }
  if (!Array.isArray(compare) || compare.length !== 2) {
    throw new TypeError(`compare must be two condition names, got ${describe(compare)}`);
  }
  checkString("metric", metric);
  if (baseline.length !== seeds.length || treatment.length !== seeds.length) {
    throw new RangeError(
      `baseline and treatment must have one value per seed (${seeds.length}), got ` +
        `${baseline.length} and ${treatment.length}`,
    );
  }
  const colors = options.colors ?? [palette.withoutDropout, palette.withDropout];
  const points = seeds.flatMap((seed, i) => [
    { seed, condition: compare[0], value: baseline[i] },
    { seed, condition: compare[1], value: treatment[i] },
  ]);
  const left = plot({
    width: 300,
    height: 280,
    marginLeft: 55,
    grid: true,
    x: { domain: [...compare], label: null, padding: 0.4 },
    y: { label: metric, type: options.log ? "log" : "linear", tickFormat: "~g" },
    color: { domain: [...compare], range: [...colors] },
    marks: [
      Plot.line(points, { x: "condition", y: "value", z: "seed", stroke: "#bbb" }),
      Plot.dot(points, { x: "condition", y: "value", fill: "condition", r: 3.5 }),
    ],
  });
  const diffs = treatment.map((t, i) => ({ seed: seeds[i], d: t - baseline[i] }));
  const summary = seeds.length >= 2 ? pairedT([...treatment], [...baseline]) : undefined;
  const right = plot({
    width: 320,
    height: 280,
    marginLeft: 55,
    grid: true,
    x: { label: "seed", ticks: seeds.length <= 12 ? [...seeds] : undefined, tickFormat: "d" },
    y: { label: `${compare[1]} − ${compare[0]}`, tickFormat: "~g" },
    marks: [
      Plot.ruleY([0], { stroke: palette.exact }),
      ...(options.margin !== undefined
        ? [Plot.ruleY([options.margin], { stroke: palette.exact, strokeDasharray: "4,3" })]
        : []),
      Plot.dot(diffs, { x: "seed", y: "d", fill: colors[1], r: 3.5 }),
      ...(summary
        ? [
          Plot.ruleY([summary.mean], { stroke: palette.sampled, strokeWidth: 2 }),
          Plot.rectY([summary.ci], {
            x1: Math.min(...seeds) - 0.5,
            x2: Math.max(...seeds) + 0.5,
            y1: (ci: number[]) => ci[0],
            y2: (ci: number[]) => ci[1],
            fill: palette.sampled,
            fillOpacity: 0.15,
          }),
        ]
        : []),
    ],
  });
  return figureRow([left, right], `${metric}: ${compare[0]} vs ${compare[1]}, per seed`);
}

/**
 * Sets figures side by side (they wrap on a narrow screen).
 *
 * @param figures Figures from `plot()` (or anything with `html`).
 * @param label A short text stand-in for viewers without HTML.
 * @returns A displayable row: `await show(figureRow([a, b], "…"))`.
 * @example
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * import { expect } from "expect";
 * import { DISPLAY } from "./display.ts";
 * import { figureRow } from "./paired_plot.ts";
 * import { plot } from "./plot.ts";
 * const a = plot({ marks: [Plot.dot([[0, 1]])] });
 * const row = figureRow([a, a], "two dots");
 * expect(row[DISPLAY]()["text/plain"]).toBe("[figure: two dots]");
 * ```
 */
export function figureRow(
  figures: readonly (Figure | { html: string })[],
  label: string,
): Displayable & { html: string } {
  if (!Array.isArray(figures) || figures.some((f) => typeof f?.html !== "string")) {
    throw new TypeError(
      `figures must be an array of figures (with html), got ${describe(figures)}`,
    );
  }
  checkString("label", label);
  const html = `<div class="figure-row" style="display:flex;gap:8px;flex-wrap:wrap">${
    figures.map((f) => f.html).join("")
  }</div>`;
  return { html, [DISPLAY]: () => ({ "text/html": html, "text/plain": `[figure: ${label}]` }) };
}
