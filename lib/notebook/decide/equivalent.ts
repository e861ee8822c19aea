/**
 * The "equivalent" test of the claim engine: two conditions the same within
 * ±bound, shown by two one-sided tests (`tost` in `lib/stats/`), not by a
 * failure to find a difference.
 *
 * @module
 */
import { tost } from "../../stats/tost.ts";
import { tQuantile } from "../../stats/t_quantile.ts";
import type { Verdict } from "../claims.ts";
import { interval, num, percent, pValue } from "../_format.ts";
import type { EquivalentRule, PairedEvidence } from "../rule.ts";
import type { Decision } from "./decision.ts";
import { names, pairedInput } from "./_input.ts";

/**
 * Judges an "equivalent" rule on d = treatment − baseline: the 1 − 2α
 * interval inside (−bound, bound) (TOST p < α) → holds; the 1 − α interval
 * entirely outside [−bound, bound] → wrong as stated; else not resolved.
 *
 * @param rule The declared rule: `bound` (> 0, in the metric's units) and `seeds`.
 * @param e One value per seed for each condition: `{ seeds, baseline, treatment }`.
 * @param alpha The level of each one-sided test.
 * @param at Where the evidence sits, for error messages.
 * @returns The verdict, the reason, and the TOST p with both intervals.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { decideEquivalent } from "./equivalent.ts";
 * const rule = { test: "equivalent", bound: 0.05, seeds: 5 } as const;
 * const baseline = [0.583, 0.641, 0.56, 0.622, 0.655];
 * const treatment = [0.612, 0.655, 0.598, 0.64, 0.701];
 * const d = decideEquivalent(rule, { seeds: [1, 2, 3, 4, 5], baseline, treatment }, 0.05, "evidence");
 * expect(d.verdict).toBe("holds");
 * ```
 */
export function decideEquivalent(
  rule: EquivalentRule,
  e: PairedEvidence,
  alpha: number,
  at: string,
): Decision {
  const { seeds, baseline, treatment } = pairedInput(rule, e, at);
  const diffs = treatment.map((t, i) => t - baseline[i]);
  const b = rule.bound;
  const r = tost(diffs, b, alpha);
  const { mean, se, df } = r;
  const half = tQuantile(1 - alpha / 2, df) * se;
  const outer: [number, number] = [mean - half, mean + half];
  let verdict: Verdict, clause: string;
  if (r.equivalent) {
    verdict = "holds";
    clause = `${percent(1 - 2 * alpha)} interval ${interval(r.ci90)} lies inside ±${num(b)}`;
  } else if (outer[0] > b || outer[1] < -b) {
    verdict = "wrong as stated";
    clause = `${percent(1 - alpha)} interval ${interval(outer)} lies outside ±${num(b)}`;
  } else {
    verdict = "not resolved at this scale";
    clause = `${percent(1 - 2 * alpha)} interval ${interval(r.ci90)} reaches past ±${num(b)}`;
  }
  const [base, treat] = names(rule);
  const reason = `${treat} − ${base}, ${rule.metric ?? "the metric"}: ${num(mean)} ± ${num(se)} ` +
    `(mean ± SE, ${r.n} paired seeds); ${clause} (TOST p = ${pValue(r.p)})`;
  return {
    verdict,
    reason,
    stats: {
      test: "equivalent",
      seeds,
      baseline,
      treatment,
      diffs,
      mean,
      se,
      df,
      bound: b,
      p: r.p,
      ciInner: r.ci90,
      innerLevel: 1 - 2 * alpha,
      ciOuter: outer,
      outerLevel: 1 - alpha,
    },
  };
}
