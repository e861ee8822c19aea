/**
 * The rules a claim cell declares before it measures, and the evidence each
 * rule is judged on. {@linkcode checkRule} validates a rule;
 * `decide.ts` applies it.
 *
 * A rule is plain data (it is stored as JSON beside its verdict), so a tool
 * can re-judge stored evidence by the very rule the lesson declared.
 *
 * @module
 */
import { describe } from "../nn/_check.ts";

/** The tests a rule can use. */
export type ClaimTest =
  | "exact"
  | "facts"
  | "bound"
  | "paired"
  | "equivalent"
  | "mcnemar"
  | "family";

/**
 * Every test name, in the order the docs list them.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { CLAIM_TESTS } from "./rule.ts";
 * expect(CLAIM_TESTS).toContain("paired");
 * expect(CLAIM_TESTS.at(-1)).toBe("family");
 * ```
 */
export const CLAIM_TESTS: readonly ClaimTest[] = [
  "exact",
  "facts",
  "bound",
  "paired",
  "equivalent",
  "mcnemar",
  "family",
];

/** Fields any rule may carry, for display. */
export interface RuleCommon {
  /** The claim in a few words (required by `claim()`). */
  statement?: string;
  /** What is measured, e.g. "held-out cross-entropy". */
  metric?: string;
  /** The two conditions compared: [baseline, treatment]. */
  compare?: [string, string];
  /** How many seeds the evidence must hold (required for "paired" and "equivalent"). */
  seeds?: number;
  /** The significance level, in (0, 0.5] (default 0.05). */
  alpha?: number;
}

/** How far `got` may be from `want` in an exact claim; default: exact equality. */
export interface Tolerance {
  /** Float32 units in the last place of `want`. */
  ulps?: number;
  /** An absolute difference. */
  abs?: number;
  /** A difference relative to |want|. */
  rel?: number;
}

/** Exact arithmetic or full enumeration: every case within tolerance. */
export interface ExactRule extends RuleCommon {
  test: "exact";
  /** The allowed gap (a case passes within the largest of the three); default exact. */
  tolerance?: Tolerance;
}

/** Structural facts, each computed by code. */
export interface FactsRule extends RuleCommon {
  test: "facts";
}

/** Estimates that must match a known value within k standard errors. */
export interface BoundRule extends RuleCommon {
  test: "bound";
  /** Standard errors allowed (default 5). */
  k?: number;
  /** A relative tolerance the claim's "about" allows: within it → holds approximately. */
  approximately?: number;
}

/** A paired comparison by seed, with the effect size the claim needs. */
export interface PairedRule extends RuleCommon {
  test: "paired";
  /** Whether the treatment is better when the metric is higher or lower. */
  better: "higher" | "lower";
  /** The effect the claim needs, in metric units, ≥ 0. */
  margin: number;
  seeds: number;
}

/** Two conditions that should agree within ±bound (TOST). */
export interface EquivalentRule extends RuleCommon {
  test: "equivalent";
  /** The equivalence bound, > 0, in metric units. */
  bound: number;
  seeds: number;
}

/** Two classifiers on the same items: exact McNemar per seed, Holm across seeds. */
export interface McNemarRule extends RuleCommon {
  test: "mcnemar";
}

/** One part of a family: a named rule of any test but "family". */
export type PartRule =
  & (ExactRule | FactsRule | BoundRule | PairedRule | EquivalentRule | McNemarRule)
  & { name: string };

/** Several parts judged together, their p-values Holm-corrected. */
export interface FamilyRule extends RuleCommon {
  test: "family";
  parts: PartRule[];
  /** Whether the claim needs all parts (default) or any one of them. */
  needs?: "all" | "any";
}

/** A declared rule. */
export type Rule =
  | ExactRule
  | FactsRule
  | BoundRule
  | PairedRule
  | EquivalentRule
  | McNemarRule
  | FamilyRule;

/** A value compared in an exact case: a number or an array of numbers. */
export type ExactValue = number | ArrayLike<number>;

/** Evidence for "exact": each case's measured and wanted values. */
export interface ExactEvidence {
  cases: { name: string; got: ExactValue; want: ExactValue }[];
}

/** Evidence for "facts": each fact computed by code. */
export interface FactsEvidence {
  facts: { name: string; ok: boolean; detail?: string }[];
}

/** Evidence for "bound": estimates with their standard errors and the values they should hit. */
export interface BoundEvidence {
  estimates: { name: string; mean: number; se: number; want: number }[];
}

/** Evidence for "paired" and "equivalent": one value per seed and condition. */
export interface PairedEvidence {
  seeds: number[];
  baseline: number[];
  treatment: number[];
}

/** Per-item correctness: one array (one seed) or one array per seed. */
export type Correctness = ArrayLike<boolean | number> | ArrayLike<boolean | number>[];

/**
 * Evidence for "mcnemar": per-item correctness of both classifiers (one seed,
 * or one array per seed), or the discordant counts per seed (what the stored
 * record keeps).
 */
export type McNemarEvidence =
  | { baselineCorrect: Correctness; treatmentCorrect: Correctness; seeds?: number[] }
  | { counts: { onlyBaseline: number; onlyTreatment: number }[]; seeds?: number[] };

/** Evidence for "family": each part's evidence under its name. */
export interface FamilyEvidence {
  parts: Record<string, Evidence>;
}

/** Evidence of any test. */
export type Evidence =
  | ExactEvidence
  | FactsEvidence
  | BoundEvidence
  | PairedEvidence
  | McNemarEvidence
  | FamilyEvidence;

/** The evidence type a rule is judged on. */
export type EvidenceFor<R extends Rule> = R extends ExactRule ? ExactEvidence
  : R extends FactsRule ? FactsEvidence
  : R extends BoundRule ? BoundEvidence
  : R extends PairedRule | EquivalentRule ? PairedEvidence
  : R extends McNemarRule ? McNemarEvidence
  : FamilyEvidence;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function checkText(name: string, v: unknown, optional = false) {
  if (optional && v === undefined) return;
  if (typeof v !== "string" || v.trim() === "") {
    throw new TypeError(`${name} must be a non-empty string, got ${describe(v)}`);
  }
}

function checkNonNeg(name: string, v: unknown, optional = false, strict = false) {
  if (optional && v === undefined) return;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (strict && v === 0)) {
    throw new RangeError(
      `${name} must be a finite number ${strict ? "> 0" : ">= 0"}, got ${describe(v)}`,
    );
  }
}

/**
 * Checks a rule, throwing a `TypeError`/`RangeError` that names the bad field
 * (`rule.margin must be a finite number >= 0, got -1`).
 *
 * @param rule The rule to check.
 * @param name How to name it in messages (default "rule").
 * @returns The rule, unchanged.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { checkRule } from "./rule.ts";
 * expect(() => checkRule({ test: "paired", better: "lower", margin: -1, seeds: 5 }))
 *   .toThrow("rule.margin must be a finite number >= 0, got -1");
 * ```
 */
export function checkRule<R extends Rule>(rule: R, name = "rule"): R {
  if (!isObject(rule)) throw new TypeError(`${name} must be an object, got ${describe(rule)}`);
  const r = rule as unknown as Record<string, unknown>;
  if (!CLAIM_TESTS.includes(r.test as ClaimTest)) {
    throw new RangeError(
      `${name}.test must be one of ${CLAIM_TESTS.map((t) => `"${t}"`).join(", ")}, got ${
        describe(r.test)
      }`,
    );
  }
  checkText(`${name}.statement`, r.statement, true);
  checkText(`${name}.metric`, r.metric, true);
  if (r.compare !== undefined) {
    const c = r.compare;
    if (!Array.isArray(c) || c.length !== 2 || !c.every((s) => typeof s === "string" && s)) {
      throw new TypeError(
        `${name}.compare must be [baseline, treatment], two non-empty strings, got ${describe(c)}`,
      );
    }
  }
  if (r.alpha !== undefined && (typeof r.alpha !== "number" || !(r.alpha > 0 && r.alpha <= 0.5))) {
    throw new RangeError(`${name}.alpha must be a number in (0, 0.5], got ${describe(r.alpha)}`);
  }
  const needsSeeds = r.test === "paired" || r.test === "equivalent";
  if (needsSeeds || r.seeds !== undefined) {
    if (
      typeof r.seeds !== "number" || !Number.isSafeInteger(r.seeds) ||
      r.seeds < (needsSeeds ? 2 : 1)
    ) {
      throw new RangeError(
        `${name}.seeds must be an integer >= ${needsSeeds ? 2 : 1}, got ${describe(r.seeds)}`,
      );
    }
  }
  switch (rule.test) {
    case "exact": {
      const t = r.tolerance;
      if (t !== undefined) {
        if (!isObject(t)) {
          throw new TypeError(
            `${name}.tolerance must be an object { ulps?, abs?, rel? }, got ${describe(t)}`,
          );
        }
        for (const key of Object.keys(t)) {
          if (!["ulps", "abs", "rel"].includes(key)) {
            throw new RangeError(`${name}.tolerance.${key} is unknown; use ulps, abs or rel`);
          }
          checkNonNeg(`${name}.tolerance.${key}`, t[key]);
        }
      }
      break;
    }
    case "bound":
      checkNonNeg(`${name}.k`, r.k, true, true);
      checkNonNeg(`${name}.approximately`, r.approximately, true, true);
      break;
    case "paired":
      if (r.better !== "higher" && r.better !== "lower") {
        throw new RangeError(
          `${name}.better must be "higher" or "lower", got ${describe(r.better)}`,
        );
      }
      checkNonNeg(`${name}.margin`, r.margin);
      break;
    case "equivalent":
      checkNonNeg(`${name}.bound`, r.bound, false, true);
      break;
    case "family": {
      if (!Array.isArray(r.parts) || r.parts.length === 0) {
        throw new RangeError(`${name}.parts must be a non-empty array, got ${describe(r.parts)}`);
      }
      if (r.needs !== undefined && r.needs !== "all" && r.needs !== "any") {
        throw new RangeError(`${name}.needs must be "all" or "any", got ${describe(r.needs)}`);
      }
      const seen = new Set<string>();
      rule.parts.forEach((part, i) => {
        const at = `${name}.parts[${i}]`;
        if (!isObject(part)) throw new TypeError(`${at} must be an object, got ${describe(part)}`);
        checkText(`${at}.name`, part.name);
        if (seen.has(part.name)) throw new RangeError(`${at}.name "${part.name}" is used twice`);
        seen.add(part.name);
        if ((part as { test: string }).test === "family") {
          throw new RangeError(`${at}.test must not be "family" (families do not nest)`);
        }
        checkRule(part, at);
      });
      break;
    }
  }
  return rule;
}
