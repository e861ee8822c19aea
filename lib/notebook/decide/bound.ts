/**
 * The "bound" test of the claim engine: estimates with standard errors, each
 * within k SE (or, approximately, within a fraction) of the value a theory
 * predicts.
 *
 * @module
 */
import type { Verdict } from "../claims.ts";
import { num, percent } from "../_format.ts";
import type { BoundEvidence, BoundRule } from "../rule.ts";
import type { BoundEstimateStats, Decision } from "./decision.ts";
import { finite, list, named } from "./_input.ts";

/**
 * Judges a "bound" rule: every |mean − want| ≤ k·se → holds; else, with
 * `approximately`, every gap within k·se or approximately·|want| → holds
 * approximately; else wrong as stated.
 *
 * @param rule The declared rule: `k` (default 5) and optional `approximately`.
 * @param e The estimates `{ name, mean, se, want }` (se ≥ 0; se = 0 demands equality).
 * @param at Where the evidence sits, for error messages.
 * @returns The verdict, the reason and per-estimate gaps in SEs and relative to want.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { decideBound } from "./bound.ts";
 * const e = { estimates: [{ name: "E[y]", mean: 1.08, se: 0.01, want: 1 }] };
 * expect(decideBound({ test: "bound", k: 5 }, e, "evidence").verdict).toBe("wrong as stated");
 * const approx = { test: "bound", k: 5, approximately: 0.1 } as const;
 * expect(decideBound(approx, e, "evidence").verdict).toBe("holds approximately");
 * ```
 */
export function decideBound(rule: BoundRule, e: BoundEvidence, at: string): Decision {
  const k = rule.k ?? 5, approx = rule.approximately;
  const estimates = list<BoundEvidence["estimates"][number]>(`${at}.estimates`, e.estimates).map(
    (s, i): BoundEstimateStats => {
      const name = named(`${at}.estimates[${i}].name`, s?.name);
      const mean = finite(`${at}.estimates[${i}].mean`, s.mean);
      const se = finite(`${at}.estimates[${i}].se`, s.se);
      if (se < 0) throw new RangeError(`${at}.estimates[${i}].se must be >= 0, got ${se}`);
      const want = finite(`${at}.estimates[${i}].want`, s.want);
      const gap = Math.abs(mean - want);
      const ses = gap === 0 ? 0 : gap / se;
      const rel = gap === 0 ? 0 : gap / Math.abs(want);
      const within = gap <= k * se
        ? "k·se"
        : approx !== undefined && gap <= approx * Math.abs(want)
        ? "approximately"
        : "no";
      return { name, mean, se, want, ses, rel, within };
    },
  );
  const verdict: Verdict = estimates.every((s) => s.within === "k·se")
    ? "holds"
    : estimates.every((s) => s.within !== "no")
    ? "holds approximately"
    : "wrong as stated";
  const worst = estimates.reduce((a, b) => (b.ses > a.ses ? b : a));
  const reason = verdict === "holds"
    ? `every estimate within ${num(k)} SE of its value (largest gap ${
      num(worst.ses)
    } SE, ${worst.name})`
    : verdict === "holds approximately"
    ? `every estimate within ${num(k)} SE or ${percent(approx!)} of its value; ` +
      `${worst.name} is ${num(worst.ses)} SE (${percent(worst.rel)}) off`
    : `${estimates.filter((s) => s.within === "no").map((s) => s.name).join(", ")} off by more ` +
      `than ${num(k)} SE${approx !== undefined ? ` and ${percent(approx)}` : ""} ` +
      `(largest ${num(worst.ses)} SE)`;
  return {
    verdict,
    reason,
    stats: {
      test: "bound",
      k,
      ...(approx !== undefined ? { approximately: approx } : {}),
      estimates,
    },
  };
}
