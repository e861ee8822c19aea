/**
 * The "paired" test of the claim engine: the same seeds under two conditions,
 * judged by the Student-t interval of the per-seed improvement
 * (`pairedT` in `lib/stats/`) against 0 and the declared margin.
 *
 * @module
 */
import { pairedT } from "../../stats/paired_t.ts";
import type { Verdict } from "../claims.ts";
import { interval, num, percent } from "../_format.ts";
import type { PairedEvidence, PairedRule } from "../rule.ts";
import type { Decision } from "./decision.ts";
import { names, pairedInput } from "./_input.ts";

/**
 * Judges a "paired" rule. With d oriented so that positive favours the claim
 * and [lo, hi] its 1 − α Student-t interval: lo > margin → holds; lo > 0 →
 * holds approximately; hi < 0, or hi < margin when margin > 0 → wrong as
 * stated; else not resolved at this scale.
 *
 * @param rule The declared rule: `better` ("higher" or "lower"), `margin`, `seeds`.
 * @param e One value per seed for each condition: `{ seeds, baseline, treatment }`.
 * @param alpha The level: the interval is 1 − α.
 * @param at Where the evidence sits, for error messages.
 * @returns The verdict, the reason, and pairedT's summary of d with the margin.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { decidePaired } from "./paired.ts";
 * const rule = { test: "paired", better: "higher", margin: 0, seeds: 3 } as const;
 * const e = { seeds: [1, 2, 3], baseline: [1, 2, 3], treatment: [2, 3.1, 4.2] };
 * const d = decidePaired(rule, e, 0.05, "evidence");
 * expect(d.verdict).toBe("holds");
 * expect(d.reason).toContain("95 % interval [0.852, 1.35] lies above 0");
 * ```
 */
export function decidePaired(
  rule: PairedRule,
  e: PairedEvidence,
  alpha: number,
  at: string,
): Decision {
  const { seeds, baseline, treatment } = pairedInput(rule, e, at);
  const level = 1 - alpha;
  // d is oriented so that positive favours the claim.
  const { n, ...s } = rule.better === "higher"
    ? pairedT(treatment, baseline, level)
    : pairedT(baseline, treatment, level);
  const [lo, hi] = s.ci, margin = rule.margin;
  let verdict: Verdict, clause: string;
  if (lo > margin) {
    verdict = "holds";
    clause = margin > 0 ? `lies above the margin ${num(margin)}` : "lies above 0";
  } else if (lo > 0) {
    verdict = "holds approximately";
    clause = `lies above 0 but not above the margin ${num(margin)}`;
  } else if (hi < 0) {
    verdict = "wrong as stated";
    clause = "lies below 0: the reverse is resolved";
  } else if (margin > 0 && hi < margin) {
    verdict = "wrong as stated";
    clause = `contains 0 but lies below the margin ${num(margin)}: smaller than claimed`;
  } else {
    verdict = "not resolved at this scale";
    clause = margin > 0 ? `contains 0 and reaches the margin ${num(margin)}` : "contains 0";
  }
  const [base, treat] = names(rule);
  const metric = rule.metric ?? "the metric";
  const reason = `${treat} vs ${base}, ${metric} (${rule.better} is better): improvement ` +
    `${num(s.mean)} ± ${num(s.se)} (mean ± SE, ${n} paired seeds); ${percent(level)} interval ` +
    `${interval(s.ci)} ${clause}`;
  // Key order as stored in notebooks: the evidence, pairedT's summary (diffs … level), the margin.
  return { verdict, reason, stats: { test: "paired", seeds, baseline, treatment, ...s, margin } };
}
