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
 * @module
 */
import { describe } from "../nn/_check.ts";
import { ulp32 } from "../stats/bits.ts";
import { holm } from "../stats/holm.ts";
import { mcnemar, mcnemarExact } from "../stats/mcnemar.ts";
import { pairedT } from "../stats/paired_t.ts";
import { tost } from "../stats/tost.ts";
import { tQuantile } from "../stats/t_quantile.ts";
import type { Verdict } from "./claims.ts";
import { interval, num, percent, pValue, toleranceText } from "./_format.ts";
import {
  type BoundEvidence,
  type BoundRule,
  checkRule,
  type EquivalentRule,
  type Evidence,
  type ExactEvidence,
  type ExactRule,
  type FactsEvidence,
  type FamilyEvidence,
  type FamilyRule,
  type McNemarEvidence,
  type PairedEvidence,
  type PairedRule,
  type PartRule,
  type Rule,
} from "./rule.ts";

/** What a rule decided: the verdict, why, and the numbers (JSON-safe). */
export interface Decision {
  verdict: Verdict;
  /** One sentence: the key numbers and the clause of the rule that applied. */
  reason: string;
  /** The numbers behind the verdict; `stats.test` names the test. */
  stats: DecisionStats;
}

/** One exact case, compared. */
export interface ExactCaseStats {
  name: string;
  /** How many values were compared (1 for a number). */
  length: number;
  /** The largest |got − want|. */
  maxAbs: number;
  /** The largest |got − want| in float32 ulps of want. */
  maxUlps: number;
  pass: boolean;
  /** The values, when they are single numbers. */
  got?: number;
  want?: number;
}

/** One estimate of a "bound" rule, compared. */
export interface BoundEstimateStats {
  name: string;
  mean: number;
  se: number;
  want: number;
  /** |mean − want| / se (∞ when se = 0 and they differ). */
  ses: number;
  /** |mean − want| / |want|. */
  rel: number;
  within: "k·se" | "approximately" | "no";
}

/** One seed of a McNemar comparison. */
export interface McNemarSeedStats {
  seed?: number;
  /** Items scored, when the correctness arrays were given. */
  items?: number;
  accBaseline?: number;
  accTreatment?: number;
  onlyBaseline: number;
  onlyTreatment: number;
  p: number;
  /** Holm-adjusted across seeds. */
  pAdjusted: number;
  favours: "treatment" | "baseline" | "neither";
}

/** One part of a family, judged. */
export interface PartStats {
  name: string;
  test: string;
  verdict: Verdict;
  reason: string;
  /** The part's p-value (paired: of d = 0; equivalent: TOST; mcnemar: smallest seed), if any. */
  p?: number;
  /** Holm-adjusted across the family's parts. */
  pAdjusted?: number;
  /** The level the part was judged at. */
  alpha: number;
  stats: DecisionStats;
}

/** The numbers behind a decision, by test. */
export type DecisionStats =
  | { test: "exact"; cases: ExactCaseStats[] }
  | { test: "facts"; facts: { name: string; ok: boolean; detail?: string }[] }
  | { test: "bound"; k: number; approximately?: number; estimates: BoundEstimateStats[] }
  | {
    test: "paired";
    seeds: number[];
    baseline: number[];
    treatment: number[];
    /** Per seed, the improvement: positive favours the claim. */
    diffs: number[];
    mean: number;
    sd: number;
    se: number;
    df: number;
    t: number;
    p: number;
    ci: [number, number];
    level: number;
    margin: number;
  }
  | {
    test: "equivalent";
    seeds: number[];
    baseline: number[];
    treatment: number[];
    /** Per seed, treatment − baseline. */
    diffs: number[];
    mean: number;
    se: number;
    df: number;
    bound: number;
    p: number;
    /** The 1 − 2α interval (90 % at α = 0.05). */
    ciInner: [number, number];
    innerLevel: number;
    /** The 1 − α interval (95 % at α = 0.05). */
    ciOuter: [number, number];
    outerLevel: number;
  }
  | { test: "mcnemar"; seeds: McNemarSeedStats[] }
  | { test: "family"; needs: "all" | "any"; parts: PartStats[] };

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
  return decideAt(rule, evidence, rule.alpha ?? 0.05, "evidence");
}

function decideAt(rule: Rule, evidence: unknown, alpha: number, at: string): Decision {
  if (typeof evidence !== "object" || evidence === null || Array.isArray(evidence)) {
    throw new TypeError(`${at} must be an object, got ${describe(evidence)}`);
  }
  switch (rule.test) {
    case "exact":
      return exact(rule, evidence as ExactEvidence, at);
    case "facts":
      return facts(evidence as FactsEvidence, at);
    case "bound":
      return bound(rule, evidence as BoundEvidence, at);
    case "paired":
      return paired(rule, evidence as PairedEvidence, alpha, at);
    case "equivalent":
      return equivalent(rule, evidence as PairedEvidence, alpha, at);
    case "mcnemar":
      return mcnemarRule(rule, evidence as McNemarEvidence, alpha, at);
    case "family":
      return family(rule, evidence as FamilyEvidence, alpha, at);
  }
}

// ---------------------------------------------------------------- input checks

function list<T>(name: string, v: unknown): T[] {
  if (!Array.isArray(v)) throw new TypeError(`${name} must be an array, got ${describe(v)}`);
  if (v.length === 0) throw new RangeError(`${name} must not be empty`);
  return v as T[];
}

function finite(name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new TypeError(`${name} must be a finite number, got ${describe(v)}`);
  }
  return v;
}

function finiteList(name: string, v: unknown, length?: number): number[] {
  const values = list<number>(name, v);
  if (length !== undefined && values.length !== length) {
    throw new RangeError(`${name} must hold ${length} values (one per seed), got ${values.length}`);
  }
  values.forEach((x, i) => finite(`${name}[${i}]`, x));
  return [...values];
}

function named(name: string, v: unknown): string {
  if (typeof v !== "string" || v.trim() === "") {
    throw new TypeError(`${name} must be a non-empty string, got ${describe(v)}`);
  }
  return v;
}

/** Checks paired evidence against the declared seed count. */
function pairedInput(rule: { seeds?: number }, e: PairedEvidence, at: string) {
  const seeds = finiteList(`${at}.seeds`, e.seeds);
  if (rule.seeds !== undefined && seeds.length !== rule.seeds) {
    throw new RangeError(
      `${at}.seeds must hold the declared rule.seeds = ${rule.seeds} seeds, got ${seeds.length}`,
    );
  }
  if (seeds.length < 2) throw new RangeError(`${at}.seeds must hold at least 2 seeds, got 1`);
  if (new Set(seeds).size !== seeds.length) {
    throw new RangeError(`${at}.seeds must be distinct, got [${seeds.join(", ")}]`);
  }
  const baseline = finiteList(`${at}.baseline`, e.baseline, seeds.length);
  const treatment = finiteList(`${at}.treatment`, e.treatment, seeds.length);
  return { seeds, baseline, treatment };
}

// ---------------------------------------------------------------- exact and facts

function values(name: string, v: unknown): number[] {
  if (typeof v === "number") {
    if (Number.isNaN(v)) throw new TypeError(`${name} must not be NaN`);
    return [v];
  }
  if (typeof v !== "object" || v === null || typeof (v as ArrayLike<number>).length !== "number") {
    throw new TypeError(`${name} must be a number or an array of numbers, got ${describe(v)}`);
  }
  const out = Array.from(v as ArrayLike<number>);
  if (out.length === 0) throw new RangeError(`${name} must not be empty`);
  out.forEach((x, i) => {
    if (typeof x !== "number" || Number.isNaN(x)) {
      throw new TypeError(`${name}[${i}] must be a number (not NaN), got ${describe(x)}`);
    }
  });
  return out;
}

/** One float32 ulp at `want`; Infinity where want does not fit in float32. */
function ulpAt(want: number): number {
  try {
    return ulp32(want);
  } catch {
    return Infinity;
  }
}

function exact(rule: ExactRule, e: ExactEvidence, at: string): Decision {
  const tol = rule.tolerance ?? {};
  const cases = list<ExactEvidence["cases"][number]>(`${at}.cases`, e.cases).map((c, i) => {
    const name = named(`${at}.cases[${i}].name`, c?.name);
    const got = values(`${at}.cases[${i}].got`, c.got);
    const want = values(`${at}.cases[${i}].want`, c.want);
    if (got.length !== want.length) {
      throw new RangeError(
        `${at}.cases[${i}]: got and want must have the same length, got ${got.length} and ${want.length}`,
      );
    }
    let maxAbs = 0, maxUlps = 0, pass = true;
    for (let j = 0; j < got.length; j++) {
      const gap = got[j] === want[j] ? 0 : Math.abs(got[j] - want[j]);
      const allowed = Math.max(
        tol.abs ?? 0,
        (tol.rel ?? 0) * Math.abs(want[j]),
        tol.ulps && Number.isFinite(ulpAt(want[j])) ? tol.ulps * ulpAt(want[j]) : 0,
      );
      maxAbs = Math.max(maxAbs, gap);
      maxUlps = Math.max(maxUlps, gap === 0 ? 0 : gap / ulpAt(want[j]));
      if (!(gap <= allowed)) pass = false;
    }
    const scalar = typeof c.got === "number" && typeof c.want === "number";
    return {
      name,
      length: got.length,
      maxAbs,
      maxUlps,
      pass,
      ...(scalar ? { got: got[0], want: want[0] } : {}),
    };
  });
  const failed = cases.filter((c) => !c.pass);
  const tolText = toleranceText(rule.tolerance);
  const reason = failed.length === 0
    ? `all ${cases.length} case${cases.length === 1 ? "" : "s"} ${tolText}`
    : `${failed.length} of ${cases.length} cases not ${tolText}: ` +
      failed.slice(0, 3).map((c) => `${c.name} (off by ${num(c.maxAbs)})`).join(", ") +
      (failed.length > 3 ? ", …" : "");
  return {
    verdict: failed.length === 0 ? "holds" : "wrong as stated",
    reason,
    stats: { test: "exact", cases },
  };
}

function facts(e: FactsEvidence, at: string): Decision {
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

// ---------------------------------------------------------------- bound

function bound(rule: BoundRule, e: BoundEvidence, at: string): Decision {
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

// ---------------------------------------------------------------- paired and equivalent

function names(rule: Rule): [string, string] {
  return rule.compare ?? ["baseline", "treatment"];
}

function paired(rule: PairedRule, e: PairedEvidence, alpha: number, at: string): Decision {
  const { seeds, baseline, treatment } = pairedInput(rule, e, at);
  const level = 1 - alpha;
  // d is oriented so that positive favours the claim.
  const s = rule.better === "higher"
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
    `${num(s.mean)} ± ${num(s.se)} (mean ± SE, ${s.n} paired seeds); ${percent(level)} interval ` +
    `${interval(s.ci)} ${clause}`;
  return {
    verdict,
    reason,
    stats: {
      test: "paired",
      seeds,
      baseline,
      treatment,
      diffs: s.diffs,
      mean: s.mean,
      sd: s.sd,
      se: s.se,
      df: s.df,
      t: s.t,
      p: s.p,
      ci: s.ci,
      level,
      margin,
    },
  };
}

function equivalent(rule: EquivalentRule, e: PairedEvidence, alpha: number, at: string): Decision {
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

// ---------------------------------------------------------------- McNemar

const isArrayLike = (v: unknown): v is ArrayLike<unknown> =>
  typeof v === "object" && v !== null && typeof (v as ArrayLike<unknown>).length === "number";

function countOf(name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
    throw new RangeError(`${name} must be an integer >= 0, got ${describe(v)}`);
  }
  return v;
}

function mcnemarRule(rule: Rule, e: McNemarEvidence, alpha: number, at: string): Decision {
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

// ---------------------------------------------------------------- family

/** The p-value a part brings to the family's Holm correction, if its test has one. */
function partP(d: Decision): number | undefined {
  const s = d.stats;
  if (s.test === "paired" || s.test === "equivalent") return s.p;
  if (s.test === "mcnemar") return Math.min(...s.seeds.map((x) => x.pAdjusted));
  return undefined;
}

function family(rule: FamilyRule, e: FamilyEvidence, alpha: number, at: string): Decision {
  const given = e.parts;
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
    decideAt(part, evidenceOf(part), part.alpha ?? alpha, `${at}.parts.${part.name}`)
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
      d = decideAt(part, evidenceOf(part), level, `${at}.parts.${part.name}`);
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
