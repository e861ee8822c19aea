/**
 * The claim engine. A claim cell declares its rule before it measures, then
 * hands the measurements to the rule, which computes the verdict:
 *
 * ```ts ignore
 * const s49 = claim("S4-9", { statement: "…", test: "paired", metric: "held-out loss",
 *   compare: ["no dropout", "dropout"], better: "lower", margin: 0.02, seeds: 10 });
 * await show(s49);                 // the rule, shown before any number exists
 * // … measure …
 * await show(s49.judge({ seeds, baseline, treatment }));
 * ```
 *
 * The verdict shows as a summary line above its evidence tables, and carries
 * a machine-readable record (MIME {@linkcode CLAIM_MIME}) that keeps the rule,
 * the evidence and the numbers, from which the claims table is built and
 * `deno task falsify` re-judges null and reversed evidence with
 * {@linkcode decide}. Every judgement is also kept in a registry,
 * {@linkcode judgedClaims}.
 *
 * @module
 */
import { CLAIM_ID, CLAIM_MIME, type ClaimRecord, type Verdict } from "./claims.ts";
import { decide, type Decision, type DecisionStats } from "./decide.ts";
import { DISPLAY, type Displayable } from "./display.ts";
import { describeRule, renderVerdict } from "./evidence.ts";
import { checkRule, type Evidence, type EvidenceFor, type Rule } from "./rule.ts";
import { describe } from "../nn/_check.ts";

/** A rule as a claim cell declares it: any rule, with the claim's statement. */
export type ClaimRule = Rule & { statement: string };

/** A computed verdict, ready to show. */
export interface Judgement extends Displayable {
  id: string;
  verdict: Verdict;
  /** The one-line reason: the key numbers and the clause of the rule that applied. */
  reason: string;
  /** The numbers behind the verdict. */
  stats: DecisionStats;
  /** `claim ID — verdict: statement. Evidence: reason`. */
  summary: string;
  /** What the notebook stores under {@linkcode CLAIM_MIME}. */
  record: ClaimRecord;
}

/** A declared rule: show it, then judge the evidence with it once. */
export interface DeclaredClaim<R extends ClaimRule> extends Displayable {
  id: string;
  rule: R;
  /** Computes the verdict on the evidence (once per declared rule). */
  judge(evidence: EvidenceFor<R>): Judgement;
}

/** An entry of the registry of judged claims. */
export interface JudgedClaim {
  id: string;
  rule: ClaimRule;
  /** The evidence as stored (JSON-safe; `undefined` when too large to store). */
  evidence: unknown;
  verdict: Verdict;
  record: ClaimRecord;
}

/** The registry lives on globalThis so that every copy of this module shares it. */
const REGISTRY = Symbol.for("dropout-course.judgedClaims");
function registry(): JudgedClaim[] {
  const g = globalThis as unknown as Record<symbol, JudgedClaim[]>;
  return g[REGISTRY] ??= [];
}

/**
 * Every claim judged in this process so far, in order (a claim judged again,
 * e.g. when a cell is re-run, replaces its earlier entry).
 *
 * @returns A copy of the registry.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { claim, judgedClaims } from "./claim.ts";
 * claim("E-1", { statement: "one is one", test: "exact" })
 *   .judge({ cases: [{ name: "1", got: 1, want: 1 }] });
 * expect(judgedClaims().find((c) => c.id === "E-1")?.verdict).toBe("holds");
 * ```
 */
export function judgedClaims(): JudgedClaim[] {
  return [...registry()];
}

/**
 * Empties the registry of judged claims (for tools that judge several notebooks in turn).
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { clearJudgedClaims, judgedClaims } from "./claim.ts";
 * clearJudgedClaims();
 * expect(judgedClaims()).toEqual([]);
 * ```
 */
export function clearJudgedClaims(): void {
  registry().length = 0;
}

/** Largest number of values an exact case may hold and still be stored in the record. */
const STORED_VALUES = 4096;

/** The evidence as JSON-safe data that `decide(rule, data)` accepts, or undefined if too big. */
function storable(rule: Rule, evidence: unknown, stats: DecisionStats): unknown {
  const e = evidence as Record<string, unknown>;
  switch (stats.test) {
    case "paired":
    case "equivalent":
      return { seeds: stats.seeds, baseline: stats.baseline, treatment: stats.treatment };
    case "mcnemar":
      return {
        counts: stats.seeds.map((s) => ({
          onlyBaseline: s.onlyBaseline,
          onlyTreatment: s.onlyTreatment,
        })),
        ...(stats.seeds[0].seed !== undefined ? { seeds: stats.seeds.map((s) => s.seed) } : {}),
      };
    case "exact": {
      const cases = e.cases as { name: string; got: unknown; want: unknown }[];
      const size = (v: unknown) => typeof v === "number" ? 1 : (v as ArrayLike<number>).length;
      if (cases.reduce((s, c) => s + size(c.got) + size(c.want), 0) > STORED_VALUES) {
        return undefined;
      }
      const plain = (v: unknown) => typeof v === "number" ? v : Array.from(v as ArrayLike<number>);
      return {
        cases: cases.map((c) => ({ name: c.name, got: plain(c.got), want: plain(c.want) })),
      };
    }
    case "facts":
      return { facts: stats.facts };
    case "bound":
      return {
        estimates: stats.estimates.map(({ name, mean, se, want }) => ({ name, mean, se, want })),
      };
    case "family": {
      const parts = (rule as { parts: (Rule & { name: string })[] }).parts;
      const given = e.parts as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [i, p] of parts.entries()) {
        out[p.name] = storable(p, given[p.name], stats.parts[i].stats);
        if (out[p.name] === undefined) return undefined;
      }
      return { parts: out };
    }
  }
}

/** A deep copy through JSON, so the stored rule cannot change behind the record. */
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/**
 * Declares a claim's rule before measuring. Shown, it states the rule and the
 * outcome each verdict needs; `.judge(evidence)` then computes the verdict.
 *
 * @param id The ledger ID, such as `"S4-9"`.
 * @param rule The statement and the rule: `test` ("exact", "facts", "bound",
 *   "paired", "equivalent", "mcnemar" or "family") and its options
 *   (see `rule.ts` and `/work/plan/ENGINE.md`).
 * @returns A displayable declared rule with `.judge(evidence)`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { claim } from "./claim.ts";
 * import { CLAIM_MIME } from "./claims.ts";
 * import { DISPLAY } from "./display.ts";
 * const rule = claim("S1-12", {
 *   statement: "the fix lowers held-out loss", test: "paired", metric: "held-out loss",
 *   compare: ["plain", "fixed"], better: "lower", margin: 0.01, seeds: 5,
 * });
 * expect(rule[DISPLAY]()["text/plain"]).toContain("declared before measuring");
 * const v = rule.judge({
 *   seeds: [1, 2, 3, 4, 5],
 *   baseline: [0.50, 0.52, 0.49, 0.51, 0.50],
 *   treatment: [0.45, 0.46, 0.45, 0.46, 0.44],
 * });
 * expect(v.verdict).toBe("holds");
 * expect(v[DISPLAY]()[CLAIM_MIME]).toMatchObject({ id: "S1-12", verdict: "holds" });
 * ```
 */
export function claim<R extends ClaimRule>(id: string, rule: R): DeclaredClaim<R> {
  if (typeof id !== "string" || !CLAIM_ID.test(id)) {
    throw new RangeError(`id must look like S0-6, P-11, V-1, E-1 or Q-1, got ${describe(id)}`);
  }
  checkRule(rule);
  if (typeof rule.statement !== "string" || rule.statement.trim() === "") {
    throw new TypeError(
      `rule.statement must be a non-empty string, got ${describe(rule.statement)}`,
    );
  }
  const declared = json(rule);
  const ruleText = describeRule(declared);
  let judged = false;
  return {
    id,
    rule: declared,
    judge(evidence: EvidenceFor<R>): Judgement {
      if (judged) {
        throw new Error(`claim ${id} has been judged already; a declared rule judges once`);
      }
      const decision: Decision = decide(declared, evidence as Evidence);
      judged = true;
      const { verdict, reason, stats } = decision;
      const data = storable(declared, evidence, stats);
      const record: ClaimRecord = {
        id,
        statement: declared.statement,
        verdict,
        evidence: reason,
        rule: declared as unknown as Record<string, unknown>,
        ...(data !== undefined ? { data } : {}),
        stats,
      };
      const entries = registry();
      const at = entries.findIndex((c) => c.id === id);
      const entry: JudgedClaim = { id, rule: declared, evidence: data, verdict, record };
      if (at >= 0) entries.splice(at, 1, entry);
      else entries.push(entry);
      const shown = renderVerdict(id, declared.statement, declared, decision);
      return {
        id,
        verdict,
        reason,
        stats,
        summary: shown.summary,
        record,
        [DISPLAY]: () => ({
          [CLAIM_MIME]: record,
          "text/html": shown.html,
          "text/markdown": shown.markdown,
          "text/plain": shown.plain,
        }),
      };
    },
    [DISPLAY]: () => ({
      "text/markdown": `**claim ${id} · rule, declared before measuring.** ` +
        `${declared.statement}. ${ruleText}`,
      "text/plain": `claim ${id} · rule, declared before measuring: ${declared.statement}. ` +
        ruleText,
    }),
  };
}
