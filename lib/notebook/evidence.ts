/**
 * How the claim engine shows a rule and its evidence: the rule in words, and
 * for a verdict a one-line summary above small tables (per-seed values, paired
 * mean ± SE, interval, the rule, the decision), as HTML, Markdown and plain
 * text from the same rows.
 *
 * @module
 */
import type { Verdict } from "./claims.ts";
import type { Decision, DecisionStats } from "./decide.ts";
import { interval, meanSE, num, percent, pValue, toleranceText } from "./_format.ts";
import { checkObject, checkString, describe } from "../nn/_check.ts";
import { CLAIM_ID } from "./claims.ts";
import { checkRule, type Rule } from "./rule.ts";

/** A small table: a caption, column headers and rows of formatted cells. */
export interface EvidenceGrid {
  caption?: string;
  columns: string[];
  rows: string[][];
}

/** The colour of each verdict's bar (the site's `--holds`, `--approx`, `--wrong`). */
const VERDICT_COLORS: Record<Verdict, string> = {
  "holds": "#1a7f37",
  "holds approximately": "#9a6700",
  "wrong as stated": "#cf222e",
  "not resolved at this scale": "#8250df",
};

const escapeHtml = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");

/** A column is numeric when every cell looks like a number (right-aligned). */
const NUMBER = "[−\\-+]?[0-9.∞]+(e[−\\-+]?[0-9]+)?";
const NUMERIC = new RegExp(`^(${NUMBER}( ± ${NUMBER})?)?$`);
const numericColumn = (g: EvidenceGrid, j: number) =>
  g.rows.some((r) => (r[j] ?? "") !== "") && g.rows.every((r) => NUMERIC.test(r[j] ?? ""));

/** Throws unless g is a grid: `columns` an array of strings, `rows` an array of string arrays. */
function checkGrid(g: unknown): asserts g is EvidenceGrid {
  checkObject("g", g, "an evidence grid { columns, rows }");
  const { columns, rows } = g as Partial<EvidenceGrid>;
  if (!Array.isArray(columns)) {
    throw new TypeError(`g.columns must be an array of strings, got ${describe(columns)}`);
  }
  if (!Array.isArray(rows)) {
    throw new TypeError(`g.rows must be an array of rows, got ${describe(rows)}`);
  }
  rows.forEach((r, i) => {
    if (!Array.isArray(r) || r.length !== columns.length) {
      throw new RangeError(
        `g.rows[${i}] must hold ${columns.length} cells (one per column), got ${describe(r)}`,
      );
    }
  });
}

/**
 * Renders a grid as HTML with the classes of `table()` (`course-table`, `num`).
 *
 * @param g The grid.
 * @returns A `<div class="course-table">` holding the table.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { gridHtml } from "./evidence.ts";
 * expect(gridHtml({ columns: ["seed", "d"], rows: [["1", "0.5"]] }))
 *   .toContain('<td class="num">0.5</td>');
 * ```
 */
export function gridHtml(g: EvidenceGrid): string {
  checkGrid(g);
  const numeric = g.columns.map((_, j) => numericColumn(g, j));
  return [
    '<div class="course-table"><table>',
    ...(g.caption ? [`<caption>${escapeHtml(g.caption)}</caption>`] : []),
    `<thead><tr>${g.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead>`,
    "<tbody>",
    ...g.rows.map((r) =>
      `<tr>${
        r.map((v, j) => `<td${numeric[j] ? ' class="num"' : ""}>${escapeHtml(v)}</td>`).join("")
      }</tr>`
    ),
    "</tbody></table></div>",
  ].join("");
}

/**
 * Renders a grid as a Markdown table (with its caption as an italic line above).
 *
 * @param g The grid.
 * @returns The table's lines.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { gridMarkdown } from "./evidence.ts";
 * expect(gridMarkdown({ columns: ["a"], rows: [["x|y"]] })).toBe("| a |\n| - |\n| x\\|y |");
 * ```
 */
export function gridMarkdown(g: EvidenceGrid): string {
  checkGrid(g);
  const cell = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");
  return [
    ...(g.caption ? [`*${cell(g.caption)}*`, ""] : []),
    `| ${g.columns.map(cell).join(" | ")} |`,
    `| ${g.columns.map(() => "-").join(" | ")} |`,
    ...g.rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");
}

/**
 * Renders a grid as padded plain text (numbers right-aligned).
 *
 * @param g The grid.
 * @returns The table's lines.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { gridPlain } from "./evidence.ts";
 * expect(gridPlain({ columns: ["seed", "d"], rows: [["1", "0.5"], ["12", "1"]] }))
 *   .toBe("seed    d\n   1  0.5\n  12    1");
 * ```
 */
export function gridPlain(g: EvidenceGrid): string {
  checkGrid(g);
  const numeric = g.columns.map((_, j) => numericColumn(g, j));
  const widths = g.columns.map((c, j) => Math.max(c.length, ...g.rows.map((r) => r[j].length)));
  const pad = (s: string, j: number) => numeric[j] ? s.padStart(widths[j]) : s.padEnd(widths[j]);
  return [
    ...(g.caption ? [g.caption] : []),
    g.columns.map(pad).join("  ").trimEnd(),
    ...g.rows.map((r) => r.map(pad).join("  ").trimEnd()),
  ].join("\n");
}

const n4 = (x: number) => num(x, 4);
const names = (rule: Rule): [string, string] => rule.compare ?? ["baseline", "treatment"];

/**
 * The rule in words: what is measured and which outcome earns which verdict.
 *
 * @param rule A declared rule.
 * @returns One or more sentences (a family lists its parts on separate lines).
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { describeRule } from "./evidence.ts";
 * expect(describeRule({ test: "facts" })).toBe(
 *   "Facts, each computed by code: all true → holds; otherwise wrong as stated.",
 * );
 * ```
 */
export function describeRule(rule: Rule): string {
  checkRule(rule);
  const alpha = rule.alpha ?? 0.05;
  const [base, treat] = names(rule);
  const metric = rule.metric ?? "the metric";
  switch (rule.test) {
    case "exact":
      return `Exact: every case ${
        toleranceText(rule.tolerance)
      } → holds; otherwise wrong as stated.`;
    case "facts":
      return "Facts, each computed by code: all true → holds; otherwise wrong as stated.";
    case "bound": {
      const k = rule.k ?? 5;
      return `Bound: every estimate within ${num(k)} standard errors of its value → holds; ` +
        (rule.approximately !== undefined
          ? `within ${percent(rule.approximately)} of it → holds approximately; `
          : "") +
        "otherwise wrong as stated.";
    }
    case "paired": {
      const m = num(rule.margin);
      return `Paired by seed over ${rule.seeds} seeds: ${metric}, ${base} (baseline) vs ${treat}; ` +
        `${rule.better} is better; margin ${m}. With [lo, hi] the ${percent(1 - alpha)} ` +
        `Student-t interval of the improvement, in order: ` +
        (rule.margin > 0
          ? `lo > ${m} → holds; lo > 0 → holds approximately; hi < ${m} (below 0: the reverse; ` +
            "else smaller than claimed) → wrong as stated; "
          : "lo > 0 → holds; hi < 0 → wrong as stated; ") +
        "otherwise not resolved at this scale.";
    }
    case "equivalent": {
      const b = num(rule.bound);
      return `Equivalent within ±${b} (TOST), paired by seed over ${rule.seeds} seeds: ${metric}, ` +
        `${treat} − ${base}. The ${percent(1 - 2 * alpha)} interval inside ±${b} → holds; the ` +
        `${percent(1 - alpha)} interval entirely outside ±${b} → wrong as stated; otherwise not ` +
        "resolved at this scale.";
    }
    case "mcnemar":
      return `Exact McNemar test of ${treat} vs ${base} on the same items` +
        `${rule.seeds !== undefined ? `, ${rule.seeds} seeds` : ""}, Holm-corrected across ` +
        `seeds at α = ${
          num(alpha)
        }: ${treat} significantly better on some seed and worse on none → ` +
        "holds; the reverse → wrong as stated; otherwise not resolved at this scale.";
    case "family": {
      const needs = rule.needs ?? "all";
      return `A family of ${rule.parts.length} parts, p-values Holm-corrected across them; ` +
        (needs === "all"
          ? "all hold → holds; any wrong → wrong as stated; all at least approximately → holds " +
            "approximately; otherwise not resolved at this scale."
          : "any holds → holds; any holds approximately → holds approximately; all wrong → wrong " +
            "as stated; otherwise not resolved at this scale.") +
        rule.parts.map((p) => `\n- ${p.name}: ${describeRule(p)}`).join("");
    }
  }
}

/** The tables that show a decision's numbers. */
function evidenceGrids(rule: Rule, stats: DecisionStats, prefix = ""): EvidenceGrid[] {
  const [base, treat] = names(rule);
  switch (stats.test) {
    case "exact":
      return [{
        caption: `${prefix}Cases (${toleranceText((rule as { tolerance?: never }).tolerance)})`,
        columns: ["case", "got", "want", "max |got − want|", "max ulps", "within"],
        rows: stats.cases.map((c) => [
          c.name,
          c.got !== undefined ? String(c.got) : `${c.length} values`,
          c.want !== undefined ? String(c.want) : `${c.length} values`,
          n4(c.maxAbs),
          n4(c.maxUlps),
          c.pass ? "yes" : "no",
        ]),
      }];
    case "facts":
      return [{
        caption: `${prefix}Facts`,
        columns: ["fact", "true", "detail"],
        rows: stats.facts.map((f) => [f.name, f.ok ? "yes" : "no", f.detail ?? ""]),
      }];
    case "bound":
      return [{
        caption: `${prefix}Estimates against their values (k = ${num(stats.k)} SE)`,
        columns: ["estimate", "mean", "SE", "want", "|gap| / SE", "|gap| / |want|", "within"],
        rows: stats.estimates.map((s) => [
          s.name,
          n4(s.mean),
          n4(s.se),
          n4(s.want),
          n4(s.ses),
          n4(s.rel),
          s.within,
        ]),
      }];
    case "paired":
    case "equivalent": {
      const diffName = stats.test === "paired" ? "improvement" : `${treat} − ${base}`;
      const perSeed: EvidenceGrid = {
        caption: `${prefix}Per seed`,
        columns: ["seed", base, treat, diffName],
        rows: [
          ...stats.seeds.map((s, i) => [
            String(s),
            n4(stats.baseline[i]),
            n4(stats.treatment[i]),
            n4(stats.diffs[i]),
          ]),
          ["mean ± SE", meanSE(stats.baseline), meanSE(stats.treatment), meanSE(stats.diffs)],
        ],
      };
      const test: string[][] = stats.test === "paired"
        ? [
          [`paired ${diffName} (mean ± SE)`, `${num(stats.mean)} ± ${num(stats.se)}`],
          [`${percent(stats.level)} interval (df ${stats.df})`, interval(stats.ci)],
          ["t, two-sided p", `${num(stats.t)}, ${pValue(stats.p)}`],
          ["margin", num(stats.margin)],
        ]
        : [
          [`paired ${diffName} (mean ± SE)`, `${num(stats.mean)} ± ${num(stats.se)}`],
          [`${percent(stats.innerLevel)} interval (df ${stats.df})`, interval(stats.ciInner)],
          [`${percent(stats.outerLevel)} interval`, interval(stats.ciOuter)],
          ["equivalence bound", `±${num(stats.bound)}`],
          ["TOST p", pValue(stats.p)],
        ];
      return [perSeed, { caption: `${prefix}Paired test`, columns: ["", "value"], rows: test }];
    }
    case "mcnemar":
      return [{
        caption: `${prefix}Exact McNemar test per seed (Holm-corrected across seeds)`,
        columns: [
          "seed",
          "items",
          `${base} accuracy`,
          `${treat} accuracy`,
          `only ${base} right`,
          `only ${treat} right`,
          "p",
          "Holm p",
          "significantly better",
        ],
        rows: stats.seeds.map((s, i) => [
          String(s.seed ?? i + 1),
          s.items !== undefined ? String(s.items) : "",
          s.accBaseline !== undefined ? n4(s.accBaseline) : "",
          s.accTreatment !== undefined ? n4(s.accTreatment) : "",
          String(s.onlyBaseline),
          String(s.onlyTreatment),
          pValue(s.p),
          pValue(s.pAdjusted),
          s.favours === "treatment" ? treat : s.favours === "baseline" ? base : "neither",
        ]),
      }];
    case "family": {
      const parts = (rule as { parts: (Rule & { name: string })[] }).parts;
      return [
        {
          caption: `${prefix}Parts (needs ${stats.needs})`,
          columns: ["part", "test", "p", "Holm p", "judged at α", "verdict"],
          rows: stats.parts.map((p) => [
            p.name,
            p.test,
            p.p !== undefined ? pValue(p.p) : "",
            p.pAdjusted !== undefined ? pValue(p.pAdjusted) : "",
            p.p !== undefined ? num(p.alpha) : "",
            p.verdict,
          ]),
        },
        ...stats.parts.flatMap((p, i) => evidenceGrids(parts[i], p.stats, `${p.name}: `)),
      ];
    }
  }
}

/** The rendered forms of a verdict. */
export interface RenderedVerdict {
  /** One line: `claim S4-9 — holds: <statement>. Evidence: <reason>`. */
  summary: string;
  html: string;
  markdown: string;
  plain: string;
}

/**
 * Renders a judged claim: the summary line, the evidence tables, the rule and the decision.
 *
 * @param id The claim's ledger ID.
 * @param statement The claim in a few words.
 * @param rule The declared rule.
 * @param decision What `decide()` returned.
 * @returns The summary line and the HTML, Markdown and plain-text forms.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { decide } from "./decide.ts";
 * import { renderVerdict } from "./evidence.ts";
 * const rule = { test: "facts" } as const;
 * const r = renderVerdict("S2-2", "masks are reused", rule,
 *   decide(rule, { facts: [{ name: "same mask", ok: true }] }));
 * expect(r.summary).toBe("claim S2-2 — holds: masks are reused. Evidence: all 1 fact true");
 * expect(r.html).toContain("verdict-holds");
 * ```
 */
export function renderVerdict(
  id: string,
  statement: string,
  rule: Rule,
  decision: Decision,
): RenderedVerdict {
  checkString("id", id);
  if (!CLAIM_ID.test(id)) {
    throw new RangeError(`id must look like S0-6, P-11, V-1, E-1 or Q-1, got ${describe(id)}`);
  }
  checkString("statement", statement);
  checkRule(rule);
  checkObject("decision", decision, "a Decision from decide(rule, evidence)");
  const { verdict, reason } = decision;
  const grids = evidenceGrids(rule, decision.stats);
  const ruleText = describeRule(rule);
  const summary = `claim ${id} — ${verdict}: ${statement}. Evidence: ${reason}`;
  const cls = `claim-verdict verdict-${verdict.replaceAll(" ", "-")}`;
  const html = `<div class="${cls}" style="border-left: 4px solid ${VERDICT_COLORS[verdict]}; ` +
    `padding: 0.25rem 0.75rem">` +
    `<p><strong>claim ${escapeHtml(id)} — ${verdict}.</strong> ${escapeHtml(statement)}. ` +
    `<em>Evidence:</em> ${escapeHtml(reason)}</p>` +
    grids.map(gridHtml).join("") +
    `<p><em>Rule, declared before measuring:</em> ${
      escapeHtml(ruleText).replaceAll("\n", "<br>")
    }</p>` +
    "</div>";
  const markdown = `**claim ${id} — ${verdict}.** ${statement}. *Evidence:* ${reason}\n\n` +
    grids.map(gridMarkdown).join("\n\n") + `\n\n*Rule, declared before measuring:* ${ruleText}`;
  const plain = [summary, ...grids.map(gridPlain), `Rule, declared before measuring: ${ruleText}`]
    .join("\n\n");
  return { summary, html, markdown, plain };
}
