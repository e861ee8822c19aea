/**
 * The "facts" test of the claim engine: a list of named checks, all of which
 * must be true.
 *
 * @module
 */
import { describe } from "../../nn/_check.ts";
import type { FactsEvidence } from "../rule.ts";
import type { Decision } from "./decision.ts";
import { list, named } from "./_input.ts";

/**
 * Judges a "facts" rule: every fact true → holds, else wrong as stated.
 *
 * @param e The facts `{ name, ok, detail? }`, at least one.
 * @param at Where the evidence sits, for error messages.
 * @returns The verdict, the reason (naming the false facts) and the facts.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { decideFacts } from "./facts.ts";
 * const d = decideFacts({ facts: [{ name: "mask reused", ok: true }] }, "evidence");
 * expect([d.verdict, d.reason]).toEqual(["holds", "all 1 fact true"]);
 * ```
 */
export function decideFacts(e: FactsEvidence, at: string): Decision {
  const items = list<FactsEvidence["facts"][number]>(`${at}.facts`, e.facts).map((f, i) => {
    const name = named(`${at}.facts[${i}].name`, f?.name);
    if (typeof f.ok !== "boolean") {
      throw new TypeError(`${at}.facts[${i}].ok must be a boolean, got ${describe(f.ok)}`);
    }
    if (f.detail !== undefined && typeof f.detail !== "string") {
      throw new TypeError(`${at}.facts[${i}].detail must be a string, got ${describe(f.detail)}`);
    }
    return { name, ok: f.ok, ...(f.detail !== undefined ? { detail: f.detail } : {}) };
  });
  const failed = items.filter((f) => !f.ok);
  return {
    verdict: failed.length === 0 ? "holds" : "wrong as stated",
    reason: failed.length === 0
      ? `all ${items.length} fact${items.length === 1 ? "" : "s"} true`
      : `${failed.length} of ${items.length} facts false: ${failed.map((f) => f.name).join(", ")}`,
    stats: { test: "facts", facts: items },
  };
}
