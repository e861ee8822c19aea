/**
 * What {@linkcode decide} returns: a verdict, the reason, and the numbers
 * behind it, one shape per test. `decide.ts` re-exports these types.
 *
 * @module
 */
import type { PairedSummary } from "../../stats/paired_t.ts";
import type { Verdict } from "../claims.ts";

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
  | (
    & { test: "paired"; seeds: number[]; baseline: number[]; treatment: number[] }
    // pairedT's summary of the improvement d (positive favours the claim), then the margin.
    & Omit<PairedSummary, "n">
    & { margin: number }
  )
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
