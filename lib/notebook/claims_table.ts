/**
 * The course's claims table, built from the verdicts stored in the executed
 * lesson notebooks (see {@linkcode verdict} in `claims.ts`).
 *
 * Every claim cell leaves a machine-readable copy of its verdict in its
 * outputs. This module reads those outputs back, puts the claims in the
 * order of the ledger (`notebooks/LEDGER.md`, when it is there), marks the
 * ledger's IDs that no lesson checks yet, and renders the result as a
 * Markdown or HTML table. `deno task claims` writes it into the README, the
 * site's index page shows it, and the last lesson displays it.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { checkObject, checkString, describe } from "../nn/_check.ts";
import { CLAIM_MIME, type ClaimRecord, type Verdict, VERDICTS } from "./claims.ts";
import { DISPLAY, type Displayable } from "./display.ts";

/** A claim checked in a lesson: its verdict and the cell that records it. */
export interface CheckedClaim extends ClaimRecord {
  /** The notebook's file name, such as `"01-overfitting.ipynb"`. */
  notebook: string;
  /** The lesson's title: the notebook's first Markdown heading. */
  lesson: string;
  /** The cell's position among the notebook's code cells, its `In [n]` after a fresh run. */
  cell: number;
  /** The cell's nbformat id (empty for notebooks older than nbformat 4.5). */
  cellId: string;
}

/** One row of the table: a checked claim, or a ledger ID that no lesson checks yet. */
export type ClaimRow = CheckedClaim | { id: string; verdict: "not yet checked" };

interface Cell {
  id?: string;
  cell_type: string;
  source: string | string[];
  outputs?: { data?: Record<string, unknown> }[];
}

const text = (source: string | string[]) => Array.isArray(source) ? source.join("") : source;

/**
 * The claims recorded in one notebook's stored outputs, in cell order.
 *
 * @param json The notebook file's text (nbformat 4).
 * @param notebook The name to record for it, such as `"03-masking.ipynb"`.
 * @returns One entry per claim output.
 * @example
 * ```ts
 * import { claimsInNotebook } from "./claims_table.ts";
 * import { expect } from "expect";
 * const record = { id: "S0-1", statement: "s", verdict: "holds", evidence: "e" };
 * const nb = { cells: [
 *   { cell_type: "markdown", source: ["# Lesson 3 · Masking\n"] },
 *   { id: "c1", cell_type: "code", source: "", outputs: [{ data: {
 *     "application/vnd.dropout-course.claim+json": record } }] },
 * ] };
 * const [claim] = claimsInNotebook(JSON.stringify(nb), "03-masking.ipynb");
 * expect(claim).toMatchObject({ id: "S0-1", lesson: "Lesson 3 · Masking", cell: 1, cellId: "c1" });
 * ```
 */
export function claimsInNotebook(json: string, notebook: string): CheckedClaim[] {
  checkString("json", json);
  checkString("notebook", notebook);
  let parsed: { cells?: Cell[] } | null;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new RangeError(`json must be a notebook's JSON (${notebook}), got ${error}`);
  }
  const cells = parsed?.cells;
  if (!Array.isArray(cells)) {
    throw new RangeError(
      `json must be a notebook with a cells array (${notebook}), got cells: ${describe(cells)}`,
    );
  }
  const heading = cells.filter((c) => c.cell_type === "markdown")
    .flatMap((c) => text(c.source).split("\n"))
    .find((line) => /^#{1,6}\s/.test(line));
  const lesson = heading?.replace(/^#+\s*/, "").trim() ?? notebook;
  const found: CheckedClaim[] = [];
  let cell = 0;
  for (const c of cells) {
    if (c.cell_type !== "code") continue;
    cell++;
    for (const output of c.outputs ?? []) {
      const record = output.data?.[CLAIM_MIME] as ClaimRecord | undefined;
      if (record) found.push({ ...record, notebook, lesson, cell, cellId: c.id ?? "" });
    }
  }
  return found;
}

/**
 * The claim IDs of the ledger, in the ledger's order. An entry such as
 * `- **S1-5 / S2-1** …` yields both IDs.
 *
 * @param ledger The text of the ledger (`notebooks/LEDGER.md`).
 * @returns The IDs, each once.
 * @example
 * ```ts
 * import { ledgerIds } from "./claims_table.ts";
 * import { expect } from "expect";
 * expect(ledgerIds("- **S1-1** text\n- **S1-5 / S2-1** more")).toEqual(["S1-1", "S1-5", "S2-1"]);
 * ```
 */
export function ledgerIds(ledger: string): string[] {
  checkString("ledger", ledger);
  const ids: string[] = [];
  for (const match of ledger.matchAll(/^\s*[-*]\s+\*\*([^*]+)\*\*/gm)) {
    for (const id of match[1].split("/").map((s) => s.trim())) {
      if (/^(S[0-9]-[0-9]+|[PVEQ]-[0-9]+)$/.test(id) && !ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

function checkArray(name: string, value: unknown): asserts value is unknown[] {
  if (!Array.isArray(value)) {
    throw new TypeError(`${name} must be an array, got ${describe(value)}`);
  }
}

/** The arguments of the two renderers: an array of rows, optional links. */
function checkRows(rows: unknown, links: unknown): void {
  checkArray("rows", rows);
  rows.forEach((r, i) => {
    checkObject(`rows[${i}]`, r, "a claim row { id, verdict, … }");
    checkString(`rows[${i}].id`, (r as { id?: unknown }).id);
    checkString(`rows[${i}].verdict`, (r as { verdict?: unknown }).verdict);
  });
  checkObject("links", links, "an object { lesson?, cell? }");
}

/** Orders IDs like `S1-10` after `S1-9`: letters as text, digit runs as numbers. */
function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

/**
 * Sorts checked claims into ledger order (IDs missing from the ledger follow,
 * in natural order) and adds a row for every ledger ID no lesson checks.
 *
 * @param claims The claims found in the notebooks.
 * @param ledger The ledger's IDs in order; empty when there is no ledger.
 * @returns The table's rows.
 * @example
 * ```ts
 * import { claimRows } from "./claims_table.ts";
 * import { expect } from "expect";
 * const c = { id: "S1-10", statement: "s", verdict: "holds" as const, evidence: "e",
 *   notebook: "a.ipynb", lesson: "A", cell: 2, cellId: "x" };
 * const rows = claimRows([c, { ...c, id: "S1-9" }], ["S0-1", "S1-10"]);
 * expect(rows.map((r) => [r.id, r.verdict])).toEqual([
 *   ["S0-1", "not yet checked"], ["S1-10", "holds"], ["S1-9", "holds"]]);
 * ```
 */
export function claimRows(claims: CheckedClaim[], ledger: string[]): ClaimRow[] {
  checkArray("claims", claims);
  checkArray("ledger", ledger);
  claims.forEach((c, i) => checkObject(`claims[${i}]`, c, "a checked claim"));
  ledger.forEach((id, i) => checkString(`ledger[${i}]`, id));
  const rank = (id: string) => {
    const i = ledger.indexOf(id);
    return i < 0 ? ledger.length : i;
  };
  const checked = [...claims].sort((a, b) =>
    rank(a.id) - rank(b.id) || naturalCompare(a.id, b.id) ||
    naturalCompare(a.notebook, b.notebook) || a.cell - b.cell
  );
  const missing = ledger.filter((id) => !claims.some((c) => c.id === id));
  const rows: ClaimRow[] = [...checked];
  for (const id of missing) {
    const at = rows.findIndex((r) => rank(r.id) > rank(id));
    rows.splice(at < 0 ? rows.length : at, 0, { id, verdict: "not yet checked" });
  }
  return rows;
}

/**
 * How many rows carry each verdict, and how many ledger IDs no lesson checks yet.
 *
 * @param rows From {@linkcode claimRows}.
 * @returns A count per verdict (all four, zeros included) and for "not yet checked".
 * @example
 * ```ts
 * import { claimCounts } from "./claims_table.ts";
 * import { expect } from "expect";
 * const counts = claimCounts([{ id: "P-8", verdict: "not yet checked" }]);
 * expect(counts["not resolved at this scale"]).toBe(0);
 * expect(counts["not yet checked"]).toBe(1);
 * ```
 */
export function claimCounts(rows: ClaimRow[]): Record<Verdict | "not yet checked", number> {
  checkRows(rows, {});
  const counts = Object.fromEntries(
    [...VERDICTS, "not yet checked"].map((v) => [v, 0]),
  ) as Record<Verdict | "not yet checked", number>;
  for (const row of rows) counts[row.verdict] = (counts[row.verdict] ?? 0) + 1;
  return counts;
}

/**
 * One sentence counting the verdicts: the line above the claims table.
 *
 * @param rows From {@linkcode claimRows}.
 * @returns "N claims checked. holds: a · holds approximately: b · wrong as stated: c · not
 *   resolved at this scale: d · not yet checked: e."
 * @example
 * ```ts
 * import { claimsSummary } from "./claims_table.ts";
 * import { expect } from "expect";
 * expect(claimsSummary([{ id: "P-8", verdict: "not yet checked" }])).toBe(
 *   "0 claims checked. holds: 0 · holds approximately: 0 · wrong as stated: 0 · " +
 *     "not resolved at this scale: 0 · not yet checked: 1.",
 * );
 * ```
 */
export function claimsSummary(rows: ClaimRow[]): string {
  const c = claimCounts(rows);
  const checked = new Set(rows.filter((r) => r.verdict !== "not yet checked").map((r) => r.id));
  const counts = (Object.keys(c) as (keyof typeof c)[]).map((verdict) =>
    `${verdict}: ${c[verdict]}`
  );
  return `${checked.size} claims checked. ${counts.join(" · ")}.`;
}

/** Where the table's links point; leave one out for plain text. */
export interface TableLinks {
  /** The link for a notebook file name (the Lesson column). */
  lesson?: (notebook: string) => string;
  /** The link to the cell that checks a claim (the Cell column). */
  cell?: (claim: CheckedClaim) => string;
}

/** A lesson's title up to its first colon or comma: "Lesson 3 · Masking". */
const shortTitle = (title: string) => title.split(/[:,]/)[0].trim();
const markdownCell = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");
const link = (label: string, href: string | undefined) => href ? `[${label}](${href})` : label;

/**
 * Renders rows as a Markdown table: ID, claim, verdict, lesson (its title up to the first colon or
 * comma), cell.
 *
 * @param rows From {@linkcode claimRows}.
 * @param links Optional link makers for the lesson and cell columns.
 * @returns The table, one row per line, ending with a newline.
 * @example
 * ```ts
 * import { claimsMarkdown } from "./claims_table.ts";
 * import { expect } from "expect";
 * const md = claimsMarkdown([{ id: "P-8", verdict: "not yet checked" }]);
 * expect(md).toContain("| P-8 |  | not yet checked |  |  |");
 * ```
 */
export function claimsMarkdown(rows: ClaimRow[], links: TableLinks = {}): string {
  checkRows(rows, links);
  const lines = ["| ID | claim | verdict | lesson | cell |", "| - | - | - | - | - |"];
  for (const row of rows) {
    if (!("notebook" in row)) {
      lines.push(`| ${row.id} |  | ${row.verdict} |  |  |`);
      continue;
    }
    const lesson = link(markdownCell(shortTitle(row.lesson)), links.lesson?.(row.notebook));
    const cell = link(`In [${row.cell}]`, links.cell?.(row));
    lines.push(
      `| ${row.id} | ${markdownCell(row.statement)} | ${row.verdict} | ${lesson} | ${cell} |`,
    );
  }
  return lines.join("\n") + "\n";
}

const escapeHtml = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
const anchor = (label: string, href: string | undefined) =>
  href ? `<a href="${escapeHtml(href)}">${label}</a>` : label;

/**
 * Renders rows as an HTML table (class `claims-table`), each row carrying its
 * verdict as a class (`verdict-holds`, `verdict-wrong-as-stated`, …).
 *
 * @param rows From {@linkcode claimRows}.
 * @param links Optional link makers for the lesson and cell columns.
 * @returns The `<table>` element's markup.
 * @example
 * ```ts
 * import { claimsHtml } from "./claims_table.ts";
 * import { expect } from "expect";
 * expect(claimsHtml([{ id: "P-8", verdict: "not yet checked" }]))
 *   .toContain('<tr class="verdict-not-yet-checked"><td>P-8</td>');
 * ```
 */
export function claimsHtml(rows: ClaimRow[], links: TableLinks = {}): string {
  checkRows(rows, links);
  const body = rows.map((row) => {
    const cls = `verdict-${row.verdict.replaceAll(" ", "-")}`;
    if (!("notebook" in row)) {
      return `<tr class="${cls}"><td>${row.id}</td><td></td><td>${row.verdict}</td>` +
        `<td></td><td></td></tr>`;
    }
    const lesson = anchor(escapeHtml(shortTitle(row.lesson)), links.lesson?.(row.notebook));
    const cell = anchor(`In&nbsp;[${row.cell}]`, links.cell?.(row));
    return `<tr class="${cls}"><td>${escapeHtml(row.id)}</td>` +
      `<td>${escapeHtml(row.statement)}</td><td>${row.verdict}</td>` +
      `<td>${lesson}</td><td>${cell}</td></tr>`;
  });
  return `<table class="claims-table">\n<thead><tr><th>ID</th><th>claim</th><th>verdict</th>` +
    `<th>lesson</th><th>cell</th></tr></thead>\n<tbody>\n${body.join("\n")}\n</tbody>\n</table>`;
}

/**
 * Reads every `*.ipynb` in a folder and the ledger in the same folder, and
 * returns the table's rows.
 *
 * @param notebookDir The folder of the lesson notebooks; by default the course's own `notebooks/`.
 * @param ledgerPath The ledger; by default `LEDGER.md` in `notebookDir`. A missing
 *   ledger means natural ID order and no "not yet checked" rows.
 * @returns The rows, in ledger order.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { readClaimRows } from "./claims_table.ts";
 * Deno.mkdirSync(".cache/tmp", { recursive: true }); // the tests may write only under .cache/
 * const dir = Deno.makeTempDirSync({ dir: ".cache/tmp" });
 * Deno.writeTextFileSync(`${dir}/LEDGER.md`, "- **S0-1** dropout keeps 1 − p of the units\n");
 * expect(readClaimRows(dir)).toEqual([{ id: "S0-1", verdict: "not yet checked" }]);
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function readClaimRows(notebookDir?: string, ledgerPath?: string): ClaimRow[] {
  if (notebookDir === undefined) notebookDir = courseNotebooks();
  checkString("notebookDir", notebookDir);
  if (ledgerPath !== undefined) checkString("ledgerPath", ledgerPath);
  const names = [...Deno.readDirSync(notebookDir)]
    .filter((e) => e.isFile && e.name.endsWith(".ipynb")).map((e) => e.name).sort();
  const claims = names.flatMap((name) =>
    claimsInNotebook(Deno.readTextFileSync(`${notebookDir}/${name}`), name)
  );
  let ledger = "";
  try {
    ledger = Deno.readTextFileSync(ledgerPath ?? `${notebookDir}/LEDGER.md`);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  return claimRows(claims, ledgerIds(ledger));
}

/** The course's own `notebooks/` folder, found from this file's place in the repository. */
function courseNotebooks(): string {
  return fileURLToPath(new URL("../../notebooks", import.meta.url));
}

/**
 * The claims table of the whole course, ready to display in a notebook: the
 * last expression of a cell shows it as an HTML table whose lesson links open
 * the other notebooks.
 *
 * @param notebookDir The folder of the lesson notebooks; by default the course's
 *   own `notebooks/`, found from this file's place in the repository (so the
 *   table is the same whatever the working directory).
 * @param ledgerPath The ledger, if not `LEDGER.md` in `notebookDir`.
 * @returns A displayable table (HTML, Markdown and plain text).
 * @example
 * ```ts
 * import { claimsTable } from "./claims_table.ts";
 * import { DISPLAY } from "./display.ts";
 * import { expect } from "expect";
 * const dir = "lib/notebook"; // from the repository's root: a folder with no notebooks
 * const bundle = claimsTable(dir, `${dir}/no-ledger.md`)[DISPLAY]();
 * expect(bundle["text/plain"]).toBe("0 claims checked, 0 not yet checked");
 * ```
 */
export function claimsTable(notebookDir?: string, ledgerPath?: string): Displayable {
  const rows = readClaimRows(notebookDir, ledgerPath); // checks both, and knows the default
  const links: TableLinks = { lesson: (notebook) => notebook };
  const open = rows.filter((r) => r.verdict === "not yet checked").length;
  const summary = claimsSummary(rows);
  return {
    [DISPLAY]: () => ({
      "text/html": `<p class="claims-summary">${summary}</p>\n${claimsHtml(rows, links)}`,
      "text/markdown": `${summary}\n\n${claimsMarkdown(rows, links)}`,
      "text/plain": `${rows.length - open} claims checked, ${open} not yet checked`,
    }),
  };
}
