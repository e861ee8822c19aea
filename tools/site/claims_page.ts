/**
 * The site's claims page: every claim the lessons judge, grouped by lesson,
 * with the count of each verdict and a filter by verdict. The filter is a row
 * of checkboxes and a stylesheet rule each (`:has()`), so it needs no script
 * and no server and is reachable with the Tab key. Each claim links to its
 * verdict in the lesson (`#claim-ID`), not to the code above it.
 *
 * @module
 */
import type { ClaimRow } from "../../lib/notebook/claims_table.ts";
import { escapeHtml } from "./html.ts";
import { renderInline } from "./markdown.ts";
import { verdictClass } from "./notebook.ts";

/** The verdicts in the order the page lists them; any other label follows. */
export const VERDICTS = [
  "holds",
  "holds approximately",
  "wrong as stated",
  "not resolved at this scale",
] as const;

/** A lesson as the claims page names it. */
export interface ClaimsLesson {
  /** The notebook's file name. */
  notebook: string;
  /** The lesson's page. */
  href: string;
  /** `"1"`, `"6b"`, …: its own number. */
  number: string;
  title: string;
}

/**
 * Counts claims by verdict, listing the known verdicts first.
 *
 * @param verdicts One verdict per claim.
 * @returns `[verdict, count]` pairs, known verdicts first (even at zero), others after.
 * @example
 * ```ts
 * import { verdictCounts } from "./claims_page.ts";
 * import { expect } from "expect";
 * expect(verdictCounts(["holds", "holds", "wrong as stated"])).toEqual([
 *   ["holds", 2], ["holds approximately", 0], ["wrong as stated", 1],
 *   ["not resolved at this scale", 0],
 * ]);
 * ```
 */
export function verdictCounts(verdicts: string[]): [string, number][] {
  const labels = [...VERDICTS, ...new Set(verdicts.filter((v) => !VERDICTS.includes(v as never)))];
  return labels.map((label) => [label, verdicts.filter((v) => v === label).length]);
}

function countsLine(verdicts: string[]): string {
  return verdictCounts(verdicts).filter(([, n]) => n > 0)
    .map(([v, n]) => `<span class="count verdict-${verdictClass(v)}">${n} ${escapeHtml(v)}</span>`)
    .join(", ");
}

/**
 * Renders the claims page's content.
 *
 * @param rows The claims table's rows (from the executed notebooks).
 * @param lessons The lessons, in course order.
 * @returns HTML for the page's `<main>`.
 * @example
 * ```ts
 * import { claimsPage } from "./claims_page.ts";
 * import { expect } from "expect";
 * const row = { id: "S0-6", statement: "s", verdict: "holds" as const, evidence: "e",
 *   notebook: "05-x.ipynb", lesson: "L5", cell: 3, cellId: "c" };
 * const html = claimsPage([row], [{ notebook: "05-x.ipynb", href: "05-x.html", number: "5",
 *   title: "L5" }]);
 * expect(html).toContain('href="05-x.html#claim-S0-6"');
 * expect(html).toContain('<input type="checkbox" id="show-holds" checked>');
 * ```
 */
export function claimsPage(rows: ClaimRow[], lessons: ClaimsLesson[]): string {
  const checked = rows.filter((r) => "notebook" in r);
  const all = checked.map((r) => r.verdict as string);
  const labels = verdictCounts(all).map(([v]) => v);
  const filter = labels.map((v) => {
    const cls = verdictClass(v);
    const n = all.filter((x) => x === v).length;
    return `<label class="verdict-${cls}"><input type="checkbox" id="show-${cls}" checked>` +
      ` ${escapeHtml(v)} <span class="n">(${n})</span></label>`;
  }).join("\n");
  // One rule per verdict: unchecking its box hides its claims (no script needed).
  const rules = labels.map((v) => {
    const cls = verdictClass(v);
    return `body:has(#show-${cls}:not(:checked)) .claim-item.verdict-${cls} { display: none; }`;
  }).join("\n");
  const groups = lessons.map((lesson) => {
    const mine = checked.filter((r) => "notebook" in r && r.notebook === lesson.notebook);
    if (mine.length === 0) return "";
    const items = mine.map((r) => {
      if (!("notebook" in r)) return "";
      const cls = verdictClass(r.verdict);
      return `<li class="claim-item verdict-${cls}"><a href="${escapeHtml(lesson.href)}#claim-${
        encodeURIComponent(r.id)
      }"><span class="claim-id">${escapeHtml(r.id)}</span> <span class="verdict-label">${
        escapeHtml(r.verdict)
      }</span></a> <span class="statement">${renderInline(r.statement)}</span></li>`;
    }).join("\n");
    return `<section class="claims-lesson"><h2 id="lesson-${escapeHtml(lesson.number)}">` +
      `<a href="${escapeHtml(lesson.href)}">${escapeHtml(lesson.title)}</a></h2>\n` +
      `<p class="counts">${countsLine(mine.map((r) => r.verdict as string))}</p>\n` +
      `<ul class="claims-list">\n${items}\n</ul></section>`;
  }).join("\n");
  const unchecked = rows.filter((r) => !("notebook" in r)).map((r) => escapeHtml(r.id));
  return `<style>\n${rules}\n</style>\n<h1>Every claim, checked</h1>\n` +
    `<p>Each lesson states its claims, declares how it will judge each one before measuring, ` +
    `and lets the measurement decide. ${checked.length} claims: ` +
    `${countsLine(all)}.</p>\n` +
    `<fieldset class="verdict-filter"><legend>Show claims that</legend>\n${filter}\n</fieldset>\n` +
    groups +
    (unchecked.length > 0
      ? `\n<p class="unchecked">In the ledger but not yet checked by a lesson: ${
        unchecked.join(", ")
      }.</p>`
      : "");
}
