/**
 * The decision rules of the claim engine: {@linkcode decide} turns a declared
 * rule and its evidence into a verdict, a one-line reason and the numbers
 * behind it. It is pure (it displays and records nothing), so a tool can
 * re-judge stored evidence, or null and reversed evidence, by the same rule.
 *
 * The rules, at α = 0.05 unless the rule sets `alpha`:
 * - exact: every case within tolerance → holds, else wrong as stated.
 * - facts: every fact true → holds, else wrong as stated.
 * - bound: every |mean − want| ≤ k·se → holds; else, with `approximately`,
 *   every gap within k·se or approximately·|want| → holds approximately; else wrong.
 * - paired: with d oriented so that positive favours the claim and [lo, hi] its
 *   1 − α Student-t interval: lo > margin → holds; lo > 0 → holds approximately;
 *   hi < 0, or hi < margin when margin > 0 → wrong as stated; else not resolved.
 * - equivalent: the 1 − 2α interval inside (−bound, bound) → holds; the 1 − α
 *   interval entirely outside [−bound, bound] → wrong as stated; else not resolved.
 * - mcnemar: exact p per seed, Holm-corrected across seeds; some seed
 *   significantly better and none significantly worse → holds; the reverse →
 *   wrong as stated; else not resolved.
 * - family: each part by its own rule, at the level Holm's correction across
 *   the parts' p-values allows it; see {@linkcode decide}.
 *
 * Each test lives in its own file under `decide/` (`exact.ts`, `facts.ts`,
 * `bound.ts`, `paired.ts`, `equivalent.ts`, `mcnemar.ts`, `family.ts`); the
 * statistics they use are in `lib/stats/`.
 *
 * @module
 */
import { decideByTest } from "./decide/by_test.ts";
import type { Decision } from "./decide/decision.ts";
import { decideFamily } from "./decide/family.ts";
import { checkRule, type Evidence, type FamilyEvidence, type Rule } from "./rule.ts";

export type {
  BoundEstimateStats,
  Decision,
  DecisionStats,
  ExactCaseStats,
  McNemarSeedStats,
  PartStats,
} from "./decide/decision.ts";

/**
 * Applies a declared rule to its evidence and returns the verdict, the reason
 * and the numbers. Pure: nothing is shown or recorded.
 *
 * A family judges each part by its own rule. Parts with a p-value (paired:
 * the two-sided p of d = 0; equivalent: the TOST p; mcnemar: its smallest
 * Holm-adjusted seed p) are Holm-corrected across the family: a part with
 * p-value p and adjusted p′ is judged at α·p/p′ (α/m when p = 0), the level at
 * which its own test rejects exactly when Holm's does. With `needs: "all"`
 * (default): all hold → holds; any wrong → wrong as stated; all at least
 * approximately → holds approximately; else not resolved. With `needs: "any"`:
 * any holds → holds; else any approximately → holds approximately; all wrong →
 * wrong as stated; else not resolved.
 *
 * @param rule The declared rule (see `rule.ts`).
 * @param evidence The measurements, of the shape the rule's test expects.
 * @returns `{ verdict, reason, stats }`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { decide } from "./decide.ts";
 * const rule = { test: "paired", better: "higher", margin: 0, seeds: 3 } as const;
 * const d = decide(rule, { seeds: [1, 2, 3], baseline: [1, 2, 3], treatment: [2, 3.1, 4.2] });
 * expect(d.verdict).toBe("holds");
 * const reversed = decide(rule, { seeds: [1, 2, 3], baseline: [2, 3.1, 4.2], treatment: [1, 2, 3] });
 * expect(reversed.verdict).toBe("wrong as stated");
 * ```
 */
export function decide(rule: Rule, evidence: Evidence): Decision {
  checkRule(rule);
  const alpha = rule.alpha ?? 0.05;
  return rule.test === "family"
    ? decideFamily(rule, evidence as FamilyEvidence, alpha, "evidence")
    : decideByTest(rule, evidence, alpha, "evidence");
}
