/**
 * The "mcnemar" test of the claim engine: two classifiers scored on the same
 * items, by McNemar's exact test per seed (`lib/stats/mcnemar.ts`) and Holm's
 * correction across seeds.
 *
 * @module
 */
import { describe } from "../../nn/_check.ts";
import { holm } from "../../stats/holm.ts";
import { mcnemar, mcnemarExact } from "../../stats/mcnemar.ts";
import type { Verdict } from "../claims.ts";
import { num, pValue } from "../_format.ts";
import type { McNemarEvidence, McNemarRule } from "../rule.ts";
import type { Decision, McNemarSeedStats } from "./decision.ts";
import { finiteList, list, names } from "./_input.ts";

const isArrayLike = (v: unknown): v is ArrayLike<unknown> =>
  typeof v === "object" && v !== null && typeof (v as ArrayLike<unknown>).length === "number";

function countOf(name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
    throw new RangeError(`${name} must be an integer >= 0, got ${describe(v)}`);
  }
  return v;
}

/**
 * Judges a "mcnemar" rule: exact McNemar p per seed, Holm-corrected across
 * seeds; some seed significantly better and none significantly worse → holds;
 * the reverse → wrong as stated; else not resolved at this scale.
 *
 * @param rule The declared rule (optional `seeds`: how many seeds, checked).
 * @param e Per-item correctness `{ baselineCorrect, treatmentCorrect }` (one seed, or
 *   arrays of arrays), or the stored discordant `{ counts }`; optional `seeds` ids.
 * @param alpha The level, after Holm's correction across seeds.
 * @param at Where the evidence sits, for error messages.
 * @returns The verdict, the reason and per-seed counts, p and Holm-adjusted p.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { decideMcNemar } from "./mcnemar.ts";
 * const e = { counts: [{ onlyBaseline: 1, onlyTreatment: 12 }] };
 * expect(decideMcNemar({ test: "mcnemar" }, e, 0.05, "evidence").verdict).toBe("holds");
 * ```
 */
export function decideMcNemar(
  rule: McNemarRule,
  e: McNemarEvidence,
  alpha: number,
  at: string,
): Decision {
  let perSeed: Omit<McNemarSeedStats, "pAdjusted" | "favours" | "seed">[];
  if ("counts" in e) {
    perSeed = list<{ onlyBaseline: number; onlyTreatment: number }>(`${at}.counts`, e.counts)
      .map((c, i) => {
        const onlyBaseline = countOf(`${at}.counts[${i}].onlyBaseline`, c?.onlyBaseline);
        const onlyTreatment = countOf(`${at}.counts[${i}].onlyTreatment`, c.onlyTreatment);
        return { onlyBaseline, onlyTreatment, p: mcnemarExact(onlyBaseline, onlyTreatment) };
      });
  } else {
    const { baselineCorrect: a, treatmentCorrect: b } = e;
    if (!isArrayLike(a) || !isArrayLike(b)) {
      throw new TypeError(
        `${at} must hold baselineCorrect and treatmentCorrect arrays (or counts), got ${
          describe(isArrayLike(a) ? b : a)
        }`,
      );
    }
    const many = a.length > 0 && isArrayLike(a[0]);
    const as = (many ? Array.from(a as ArrayLike<unknown>) : [a]) as ArrayLike<boolean | number>[];
    const bs = (many ? Array.from(b as ArrayLike<unknown>) : [b]) as ArrayLike<boolean | number>[];
    if (as.length !== bs.length) {
      throw new RangeError(
        `${at}.baselineCorrect and ${at}.treatmentCorrect must hold the same number of seeds, ` +
          `got ${as.length} and ${bs.length}`,
      );
    }
    perSeed = as.map((x, i) => {
      if (!isArrayLike(bs[i])) {
        throw new TypeError(
          `${at}.treatmentCorrect[${i}] must be an array, got ${describe(bs[i])}`,
        );
      }
      const r = mcnemar(x, bs[i]);
      const acc = (v: ArrayLike<boolean | number>) =>
        Array.from(v).reduce<number>((s, y) => s + Number(y), 0) / v.length;
      return {
        items: x.length,
        accBaseline: acc(x),
        accTreatment: acc(bs[i]),
        onlyBaseline: r.b,
        onlyTreatment: r.c,
        p: r.p,
      };
    });
  }
  if (perSeed.length === 0) throw new RangeError(`${at} must hold at least one seed`);
  if (rule.seeds !== undefined && perSeed.length !== rule.seeds) {
    throw new RangeError(
      `${at} must hold the declared rule.seeds = ${rule.seeds} seeds, got ${perSeed.length}`,
    );
  }
  let seedIds: number[] | undefined;
  if (e.seeds !== undefined) {
    seedIds = finiteList(`${at}.seeds`, e.seeds, perSeed.length);
  }
  const { adjusted } = holm(perSeed.map((s) => s.p), alpha);
  const seeds: McNemarSeedStats[] = perSeed.map((s, i) => ({
    ...(seedIds ? { seed: seedIds[i] } : {}),
    ...s,
    pAdjusted: adjusted[i],
    favours: adjusted[i] < alpha
      ? (s.onlyTreatment > s.onlyBaseline ? "treatment" : "baseline")
      : "neither",
  }));
  const better = seeds.filter((s) => s.favours === "treatment").length;
  const worse = seeds.filter((s) => s.favours === "baseline").length;
  const verdict: Verdict = better > 0 && worse === 0
    ? "holds"
    : worse > 0 && better === 0
    ? "wrong as stated"
    : "not resolved at this scale";
  const [base, treat] = names(rule);
  const b = seeds.reduce((s, x) => s + x.onlyBaseline, 0);
  const c = seeds.reduce((s, x) => s + x.onlyTreatment, 0);
  const reason = seeds.length === 1
    ? `only ${treat} right on ${c} items, only ${base} right on ${b}: exact McNemar p = ` +
      `${pValue(seeds[0].p)}${
        verdict === "not resolved at this scale" ? ` (not below ${num(alpha)})` : ""
      }`
    : `over ${seeds.length} seeds, only ${treat} right on ${c} items in all, only ${base} on ${b}; ` +
      `exact McNemar, Holm-corrected: ${treat} significantly better on ${better} seed${
        better === 1 ? "" : "s"
      }, worse on ${worse}`;
  return { verdict, reason, stats: { test: "mcnemar", seeds } };
}
