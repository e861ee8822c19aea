/**
 * The switch over the claim engine's tests, for every rule but a family: a
 * family's parts go through it too (families do not nest).
 *
 * @module
 */
import { describe } from "../../nn/_check.ts";
import type {
  BoundEvidence,
  ExactEvidence,
  FactsEvidence,
  FamilyRule,
  McNemarEvidence,
  PairedEvidence,
  Rule,
} from "../rule.ts";
import { decideBound } from "./bound.ts";
import type { Decision } from "./decision.ts";
import { decideEquivalent } from "./equivalent.ts";
import { decideExact } from "./exact.ts";
import { decideFacts } from "./facts.ts";
import { decideMcNemar } from "./mcnemar.ts";
import { decidePaired } from "./paired.ts";

/**
 * Throws unless `evidence` is a plain object (not null, not an array).
 *
 * @param evidence What a claim cell handed to the rule.
 * @param at Where the evidence sits, for the message.
 * @returns The evidence, typed as an object.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { evidenceObject } from "./by_test.ts";
 * expect(() => evidenceObject([1, 2], "evidence")).toThrow("evidence must be an object");
 * ```
 */
export function evidenceObject(evidence: unknown, at: string): object {
  if (typeof evidence !== "object" || evidence === null || Array.isArray(evidence)) {
    throw new TypeError(`${at} must be an object, got ${describe(evidence)}`);
  }
  return evidence;
}

/**
 * Judges evidence by the rule's test (any test but "family"), at level `alpha`.
 *
 * @param rule A checked rule, not a family (a family's part, or a rule on its own).
 * @param evidence The measurements, of the shape the rule's test expects.
 * @param alpha The level to judge at (the rule's own, or the one Holm's correction allows).
 * @param at Where the evidence sits, for error messages ("evidence", "evidence.parts.x").
 * @returns `{ verdict, reason, stats }`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { decideByTest } from "./by_test.ts";
 * const d = decideByTest({ test: "facts" }, { facts: [{ name: "ok", ok: true }] }, 0.05, "evidence");
 * expect(d.verdict).toBe("holds");
 * ```
 */
export function decideByTest(
  rule: Exclude<Rule, FamilyRule>,
  evidence: unknown,
  alpha: number,
  at: string,
): Decision {
  const e = evidenceObject(evidence, at);
  switch (rule.test) {
    case "exact":
      return decideExact(rule, e as ExactEvidence, at);
    case "facts":
      return decideFacts(e as FactsEvidence, at);
    case "bound":
      return decideBound(rule, e as BoundEvidence, at);
    case "paired":
      return decidePaired(rule, e as PairedEvidence, alpha, at);
    case "equivalent":
      return decideEquivalent(rule, e as PairedEvidence, alpha, at);
    case "mcnemar":
      return decideMcNemar(rule, e as McNemarEvidence, alpha, at);
  }
}
