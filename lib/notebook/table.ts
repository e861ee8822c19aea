/**
 * Tables for lessons: one call shows rows of values as an HTML table in
 * Jupyter and on the site, with an aligned plain-text copy beside it.
 *
 * @module
 */
import { checkObject, checkString, describe, orDefault } from "../nn/_check.ts";
import { DISPLAY, type Displayable, type MimeBundle } from "./display.ts";

/** A cell of a table: text or a number (numbers are right-aligned). */
export type TableValue = string | number | boolean | null | undefined;

/** Options of {@linkcode table}. */
export interface TableOptions {
  /** The column order and headers (default: the keys of the first row). */
  columns?: string[];
  /** A caption above the table. */
  caption?: string;
  /** Decimal places for numbers that are not integers (default 3). */
  digits?: number;
}

/**
 * Shows rows of values as a table: `text/html` for Jupyter and the site (the
 * site lets a wide table scroll inside its own box), `text/plain` with padded
 * columns for terminals and `deno test`.
 *
 * @param rows One object per row; its keys are the column names.
 * @param options Column order, caption and number format.
 * @returns A displayable table; show it with `await show(table(rows))`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { DISPLAY } from "./display.ts";
 * import { table } from "./table.ts";
 * const t = table([{ seed: 1, loss: 0.25 }, { seed: 2, loss: 0.5 }]);
 * expect(t[DISPLAY]()["text/plain"]).toBe("seed   loss\n   1  0.250\n   2  0.500");
 * expect(t[DISPLAY]()["text/html"]).toContain("<th>loss</th>");
 * ```
 */
export function table(
  rows: Record<string, TableValue>[],
  options: TableOptions = {},
): Displayable & { rows: Record<string, TableValue>[] } {
  if (!Array.isArray(rows)) {
    throw new TypeError(`rows must be an array of objects, got ${describe(rows)}`);
  }
  rows.forEach((r, i) => checkObject(`rows[${i}]`, r, "an object of column values"));
  checkObject("options", options, "an object { columns?, caption?, digits? }");
  if (options.columns !== undefined) {
    if (!Array.isArray(options.columns)) {
      throw new TypeError(`columns must be an array of strings, got ${describe(options.columns)}`);
    }
    options.columns.forEach((c, j) => checkString(`columns[${j}]`, c));
  }
  if (options.caption !== undefined) checkString("caption", options.caption);
  const digits = orDefault(options.digits, 3);
  if (!Number.isInteger(digits) || digits < 0 || digits > 12) {
    throw new RangeError(`digits must be an integer in [0, 12], got ${describe(digits)}`);
  }
  const columns = options.columns ?? Object.keys(rows[0] ?? {});
  const format = (v: TableValue): string =>
    typeof v === "number"
      ? (Number.isInteger(v) ? String(v) : v.toFixed(digits))
      : v === null || v === undefined
      ? ""
      : String(v);
  const numeric = columns.map((c) =>
    rows.length > 0 && rows.every((r) => typeof r[c] === "number")
  );
  const cells = rows.map((r) => columns.map((c) => format(r[c])));
  const widths = columns.map((c, j) => Math.max(c.length, ...cells.map((row) => row[j].length)));
  const pad = (text: string, j: number) =>
    numeric[j] ? text.padStart(widths[j]) : text.padEnd(widths[j]);
  const plain = [
    ...(options.caption ? [options.caption] : []),
    columns.map((c, j) => pad(c, j)).join("  ").trimEnd(),
    ...cells.map((row) => row.map((v, j) => pad(v, j)).join("  ").trimEnd()),
  ].join("\n");
  const html = [
    '<div class="course-table"><table>',
    ...(options.caption ? [`<caption>${escapeHtml(options.caption)}</caption>`] : []),
    `<thead><tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead>`,
    "<tbody>",
    ...cells.map((row) =>
      `<tr>${
        row.map((v, j) => `<td${numeric[j] ? ' class="num"' : ""}>${escapeHtml(v)}</td>`).join("")
      }</tr>`
    ),
    "</tbody></table></div>",
  ].join("");
  const bundle: MimeBundle = { "text/html": html, "text/plain": plain };
  return { rows, [DISPLAY]: () => bundle };
}

/** Escapes text for HTML element content and attribute values. */
function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
