/**
 * The browser test's verdicts, as plain functions of what it measured, so
 * each failure mode can be shown to fail in a unit test without a browser:
 * raw math left in the prose, text too small or a page wider than a phone,
 * a link to an anchor that is not there, and a live Jupyter run whose
 * outputs are not filed under the cells that made them.
 *
 * @module
 */
import type { Output } from "../site/notebook.ts";

/** The smallest text a reader should meet on a phone, in CSS pixels. */
export const MIN_TEXT_PX = 9;
/** The phone width the site is checked at (an iPhone 12–15). */
export const PHONE = { width: 390, height: 844 };

// The same rule as the site's Markdown renderer: `$x$` with no space just inside the dollars
// and no digit right after, so prices ("$5 and $10") are not formulas.
const RAW_MATH = /\$\$[^$]+\$\$|\$(?!\s)[^$\n]+?(?<!\s)\$(?!\d)/;

/**
 * A formula left as raw `$…$` in rendered prose (text outside code and
 * outside KaTeX's output), or `undefined` when there is none.
 *
 * @param text Prose text, as the reader sees it.
 * @returns The first raw formula.
 * @example
 * ```ts
 * import { untypesetMath } from "./checks.ts";
 * import { expect } from "expect";
 * expect(untypesetMath("the variance $p(1-p)$ grows")).toBe("$p(1-p)$");
 * expect(untypesetMath("from $5 to $10")).toBeUndefined();
 * ```
 */
export function untypesetMath(text: string): string | undefined {
  return RAW_MATH.exec(text)?.[0];
}

/** A piece of text on a page and the size it is drawn at. */
export interface TextSample {
  text: string;
  /** Rendered size in CSS pixels (an SVG's font size times its scale on screen). */
  px: number;
  /** Where it is (a short CSS path). */
  where: string;
}

/**
 * The text drawn smaller than {@linkcode MIN_TEXT_PX}, summarised for a report.
 *
 * @param samples Every visible piece of text.
 * @param min The smallest size allowed.
 * @returns One line per offending sample (at most five, then a count).
 * @example
 * ```ts
 * import { smallText } from "./checks.ts";
 * import { expect } from "expect";
 * const s = [{ text: "0.5", px: 5.47, where: "svg" }, { text: "ok", px: 12, where: "p" }];
 * expect(smallText(s)).toEqual(['text at 5.5 px < 9 px: "0.5" in svg']);
 * ```
 */
export function smallText(samples: TextSample[], min = MIN_TEXT_PX): string[] {
  const small = samples.filter((s) => s.px + 1e-6 < min);
  const lines = small.slice(0, 5).map((s) =>
    `text at ${s.px.toFixed(1)} px < ${min} px: "${s.text.trim().slice(0, 40)}" in ${s.where}`
  );
  if (small.length > 5) lines.push(`… and ${small.length - 5} more pieces of text under ${min} px`);
  return lines;
}

/**
 * A page that scrolls sideways on a phone: its content is wider than the screen.
 *
 * @param scrollWidth The document's scroll width.
 * @param clientWidth The viewport's width.
 * @param widest What sticks out furthest, for the report.
 * @returns A problem line, or `undefined`.
 * @example
 * ```ts
 * import { horizontalScroll } from "./checks.ts";
 * import { expect } from "expect";
 * expect(horizontalScroll(390, 390, "")).toBeUndefined();
 * expect(horizontalScroll(640, 390, "table")).toBe("the page scrolls sideways at 390 px: 640 px wide (table)");
 * ```
 */
export function horizontalScroll(
  scrollWidth: number,
  clientWidth: number,
  widest: string,
): string | undefined {
  return scrollWidth > clientWidth + 1
    ? `the page scrolls sideways at ${clientWidth} px: ${scrollWidth} px wide (${widest})`
    : undefined;
}

/**
 * Links whose `#fragment` names no element of the page they point at.
 *
 * @param links Each link's page and `href` (relative to the site).
 * @param ids The ids present on each page of the site.
 * @returns One line per broken anchor.
 * @example
 * ```ts
 * import { brokenAnchors } from "./checks.ts";
 * import { expect } from "expect";
 * const ids = new Map([["a.html", new Set(["x"])], ["b.html", new Set(["claim-S1-1"])]]);
 * expect(brokenAnchors([
 *   { page: "a.html", href: "#x" },
 *   { page: "a.html", href: "b.html#claim-S1-1" },
 *   { page: "b.html", href: "a.html#gone" },
 * ], ids)).toEqual(["b.html links to a.html#gone, which is not on that page"]);
 * ```
 */
export function brokenAnchors(
  links: { page: string; href: string }[],
  ids: Map<string, Set<string>>,
): string[] {
  const broken = new Set<string>();
  for (const { page, href } of links) {
    const hash = href.indexOf("#");
    if (hash < 0 || /^[a-z]+:/i.test(href)) continue;
    const file = href.slice(0, hash) || page;
    const id = decodeURIComponent(href.slice(hash + 1));
    if (id === "") continue;
    const present = ids.get(file);
    if (present && !present.has(id)) {
      broken.add(`${page} links to ${file}#${id}, which is not on that page`);
    }
  }
  return [...broken];
}

/** One output as compared: a key that ignores what legitimately changes between runs. */
export type OutputKey = string;

/** What comparing a live run with the stored notebook found. */
export interface RunComparison {
  /** Code cells compared. */
  cells: number;
  /** Outputs that showed up under another cell than the one that stores them. */
  misfiled: string[];
  /** Stored outputs that the live run did not show at all. */
  missing: string[];
  /** Outputs the live run showed that the stored notebook does not have. */
  extra: string[];
  /** Cells whose live output differs from the stored one (same kind, other content). */
  differs: string[];
}

/**
 * Compares a live run's outputs with the stored ones, cell by cell (by code
 * cell index). An output found under a different cell is *misfiled*; a
 * stored output that a live output of the same kind replaces in its cell
 * *differs* (stale stored outputs look like this); any other stored output
 * found nowhere is *missing*; a live output stored nowhere is *extra*.
 *
 * @param stored Each code cell's stored outputs, as comparable keys.
 * @param live Each code cell's outputs in the live run, as comparable keys.
 * @returns The comparison; a clean run has three empty lists.
 * @example
 * ```ts
 * import { compareRuns } from "./checks.ts";
 * import { expect } from "expect";
 * // The kernel sent cell 1's figure late: it shows under cell 2.
 * const r = compareRuns([["fig"], ["text"]], [[], ["text", "fig"]]);
 * expect(r.misfiled).toEqual(["cell 1's output shows under cell 2: fig"]);
 * expect([r.missing, r.extra, r.differs]).toEqual([[], [], []]);
 * // A stale stored figure: same kind of output, other content.
 * expect(compareRuns([["svg:old"]], [["svg:new"]]).differs)
 *   .toEqual(["cell 1: svg output differs from the stored one"]);
 * // Stale and misfiled at once: it still counts as misfiled.
 * const v = "text/markdown:**claim S2-2 — wrong as stated.** the weights of the remaining units";
 * expect(compareRuns([[v], []], [[], [v + " (new)"]]).misfiled.length).toBe(1);
 * ```
 */
export function compareRuns(stored: OutputKey[][], live: OutputKey[][]): RunComparison {
  const misfiled: string[] = [], missing: string[] = [], extra: string[] = [];
  const n = Math.max(stored.length, live.length);
  const short = (k: string) => k.replace(/\s+/g, " ").slice(0, 80);
  const unmatchedLive = live.map((outputs) => [...outputs]);
  const unmatchedStored: [number, string][] = [];
  for (let i = 0; i < n; i++) {
    for (const key of stored[i] ?? []) {
      const j = unmatchedLive[i]?.indexOf(key) ?? -1;
      if (j >= 0) unmatchedLive[i].splice(j, 1);
      else unmatchedStored.push([i, key]);
    }
  }
  const differs: string[] = [];
  const kind = (k: string) => k.slice(0, k.indexOf(":"));
  const lost: [number, string][] = [];
  for (const [i, key] of unmatchedStored) {
    const where = unmatchedLive.findIndex((outputs) => outputs.includes(key));
    if (where >= 0) {
      unmatchedLive[where].splice(unmatchedLive[where].indexOf(key), 1);
      misfiled.push(`cell ${i + 1}'s output shows under cell ${where + 1}: ${short(key)}`);
    } else lost.push([i, key]);
  }
  // What is left may be stale (its content changed since it was stored) as well as misplaced:
  // one that starts like a live output under another cell (say "**claim S2-2 — …") moved there.
  const head = (k: string) => k.slice(0, 60);
  for (const [i, key] of lost) {
    const same = unmatchedLive[i]?.findIndex((k) => kind(k) === kind(key)) ?? -1;
    // The kernel files a late result under a following cell: look at the next two.
    const moved = unmatchedLive.findIndex((outputs, j) =>
      j > i && j <= i + 2 && outputs.some((k) => head(k) === head(key))
    );
    if (same >= 0) {
      unmatchedLive[i].splice(same, 1);
      differs.push(`cell ${i + 1}: ${kind(key)} output differs from the stored one`);
    } else if (moved >= 0) {
      unmatchedLive[moved].splice(unmatchedLive[moved].findIndex((k) => head(k) === head(key)), 1);
      misfiled.push(
        `cell ${i + 1}'s output shows under cell ${moved + 1} (and differs): ${short(key)}`,
      );
    } else {
      missing.push(`cell ${i + 1}: stored output not shown: ${short(key)}`);
    }
  }
  unmatchedLive.forEach((outputs, i) => {
    for (const key of outputs) {
      extra.push(`cell ${i + 1}: output not in the notebook: ${short(key)}`);
    }
  });
  return { cells: n, misfiled, missing, extra, differs };
}

/** An nbformat output, the same shape the site's renderer reads. */
export type NbOutput = Output;

/** JSON with object keys sorted: nbformat stores keys sorted, a live page keeps their order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0))
        : v,
  );
}

const joined = (v: unknown) => Array.isArray(v) ? v.join("") : typeof v === "string" ? v : "";

/**
 * An output as a comparable key: its kind and what the reader sees (the
 * text, HTML or SVG, or the chart's figure), without execution counts,
 * metadata or display ids, and with Plotly's generated element ids
 * normalised. Streams are keyed by their whole text per cell (see
 * {@linkcode cellKeys}), since how a stream is chunked depends on timing.
 *
 * @param output An nbformat output (stored, or from the live page's notebook model).
 * @returns The key.
 * @example
 * ```ts
 * import { outputKey } from "./checks.ts";
 * import { expect } from "expect";
 * const a = { output_type: "execute_result", data: { "text/plain": ["1"] } };
 * const b = { output_type: "display_data", data: { "text/plain": "1" } };
 * expect(outputKey(a)).toBe(outputKey(b));
 * const chart = (fig: object) => ({ output_type: "display_data",
 *   data: { "application/vnd.plotly.v1+json": fig } });
 * expect(outputKey(chart({ data: [], layout: {} }))).toBe(outputKey(chart({ layout: {}, data: [] })));
 * ```
 */
export function outputKey(output: NbOutput): OutputKey {
  if (output.output_type === "stream") return `stream:${output.name}:${joined(output.text)}`;
  if (output.output_type === "error") return `error:${output.ename}: ${output.evalue}`;
  const data = output.data ?? {};
  const plotly = data["application/vnd.plotly.v1+json"];
  if (plotly !== undefined) return `plotly:${canonicalJson(plotly)}`;
  for (const mime of ["text/html", "image/svg+xml", "text/markdown", "image/png", "text/plain"]) {
    if (data[mime] !== undefined) return `${mime}:${joined(data[mime]).trim()}`;
  }
  return `data:${Object.keys(data).sort().join(",")}`;
}

/**
 * A cell's outputs as keys, with consecutive pieces of one stream joined.
 *
 * @param outputs The cell's outputs.
 * @returns One key per output.
 * @example
 * ```ts
 * import { cellKeys } from "./checks.ts";
 * import { expect } from "expect";
 * const s = (text: string) => ({ output_type: "stream", name: "stdout", text });
 * expect(cellKeys([s("a\n"), s("b\n")])).toEqual(["stream:stdout:a\nb\n"]);
 * ```
 */
export function cellKeys(outputs: NbOutput[]): OutputKey[] {
  const merged: NbOutput[] = [];
  for (const o of outputs) {
    const last = merged.at(-1);
    if (o.output_type === "stream" && last?.output_type === "stream" && last.name === o.name) {
      merged[merged.length - 1] = { ...last, text: joined(last.text) + joined(o.text) };
    } else merged.push(o);
  }
  return merged.map(outputKey);
}
