/**
 * The "family" test of the claim engine: several parts, each judged by its own
 * rule, their p-values Holm-corrected across the family (`lib/stats/holm.ts`).
 *
 * @module
 */
import { describe } from "../../nn/_check.ts";
import { holm } from "../../stats/holm.ts";
import type { Verdict } from "../claims.ts";
import type { FamilyEvidence, FamilyRule, PartRule } from "../rule.ts";
import { decideByTest, evidenceObject } from "./by_test.ts";
import type { Decision, PartStats } from "./decision.ts";

/** The p-value a part brings to the family's Holm correction, if its test has one. */
function partP(d: Decision): number | undefined {
  const s = d.stats;
  if (s.test === "paired" || s.test === "equivalent") return s.p;
  if (s.test === "mcnemar") return Math.min(...s.seeds.map((x) => x.pAdjusted));
  return undefined;
}

/**
 * Judges a "family" rule: each part by its own rule. Parts with a p-value
 * (paired: the two-sided p of d = 0; equivalent: the TOST p; mcnemar: its
 * smallest Holm-adjusted seed p) are Holm-corrected across the family: a part
 * with p-value p and adjusted p′ is judged at α·p/p′ (α/m when p = 0), the
 * level at which its own test rejects exactly when Holm's does. With
 * `needs: "all"` (default): all hold → holds; any wrong → wrong as stated; all
 * at least approximately → holds approximately; else not resolved. With
 * `needs: "any"`: any holds → holds; else any approximately → holds
 * approximately; all wrong → wrong as stated; else not resolved.
 *
 * @param rule The declared family: its `parts` (named rules) and `needs`.
 * @param e `{ parts: { [name]: evidence } }`: every declared part, no others.
 * @param alpha The family-wise level (a part may set its own `alpha`).
 * @param at Where the evidence sits, for error messages.
 * @returns The verdict, the reason and each part's verdict, p, adjusted p and level.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { decideFamily } from "./family.ts";
 * import type { FamilyRule } from "../rule.ts";
 * const rule: FamilyRule = { test: "family", needs: "any", parts: [
 *   { name: "a", test: "facts" },
 *   { name: "b", test: "bound", k: 2 },
 * ] };
 * const d = decideFamily(rule, { parts: {
 *   a: { facts: [{ name: "x", ok: false }] },
 *   b: { estimates: [{ name: "m", mean: 1.01, se: 0.01, want: 1 }] },
 * } }, 0.05, "evidence");
 * expect(d.verdict).toBe("holds");
 * ```
 */
export function decideFamily(
  rule: FamilyRule,
  e: FamilyEvidence,
  alpha: number,
  at: string,
): Decision {
  const given = (evidenceObject(e, at) as FamilyEvidence).parts;
  if (typeof given !== "object" || given === null || Array.isArray(given)) {
    throw new TypeError(
      `${at}.parts must be an object { [part name]: evidence }, got ${describe(given)}`,
    );
  }
  const declared = rule.parts.map((p) => p.name);
  for (const name of Object.keys(given)) {
    if (!declared.includes(name)) {
      throw new RangeError(`${at}.parts.${name} is not a declared part (${declared.join(", ")})`);
    }
  }
  const evidenceOf = (part: PartRule) => {
    if (!(part.name in given)) {
      throw new RangeError(`${at}.parts must hold evidence for "${part.name}"`);
    }
    return given[part.name];
  };
  // First pass at α: the p-values; then re-judge each part at its Holm level.
  const first = rule.parts.map((part) =>
    decideByTest(part, evidenceOf(part), part.alpha ?? alpha, `${at}.parts.${part.name}`)
  );
  const ps = first.map(partP);
  const tested = ps.flatMap((p, i) => (p === undefined ? [] : [i]));
  const adjusted = new Map<number, number>();
  if (tested.length > 0) {
    const { adjusted: adj } = holm(tested.map((i) => ps[i]!), alpha);
    tested.forEach((i, j) => adjusted.set(i, adj[j]));
  }
  const parts: PartStats[] = rule.parts.map((part, i) => {
    const base = part.alpha ?? alpha;
    const p = ps[i], pAdj = adjusted.get(i);
    let level = base, d = first[i];
    if (p !== undefined && pAdj !== undefined && tested.length > 1) {
      level = p > 0 ? base * p / pAdj : base / tested.length;
      d = decideByTest(part, evidenceOf(part), level, `${at}.parts.${part.name}`);
    }
    return {
      name: part.name,
      test: part.test,
      verdict: d.verdict,
      reason: d.reason,
      ...(p !== undefined ? { p, pAdjusted: pAdj } : {}),
      alpha: level,
      stats: d.stats,
    };
  });
  const needs = rule.needs ?? "all";
  const count = (v: Verdict) => parts.filter((p) => p.verdict === v).length;
  const holds = count("holds"), approx = count("holds approximately");
  const wrong = count("wrong as stated"), m = parts.length;
  let verdict: Verdict;
  if (needs === "all") {
    verdict = holds === m
      ? "holds"
      : wrong > 0
      ? "wrong as stated"
      : holds + approx === m
      ? "holds approximately"
      : "not resolved at this scale";
  } else {
    verdict = holds > 0
      ? "holds"
      : approx > 0
      ? "holds approximately"
      : wrong === m
      ? "wrong as stated"
      : "not resolved at this scale";
  }
  const reason = `${needs === "all" ? "needs all" : "needs any"} of ${m} parts: ` +
    parts.map((p) => `${p.name} ${p.verdict}`).join("; ") +
    (tested.length > 1 ? ` (p-values Holm-corrected across ${tested.length} parts)` : "");
  return { verdict, reason, stats: { test: "family", needs, parts } };
}
