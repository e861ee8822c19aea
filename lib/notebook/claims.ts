/**
 * Verdicts on the claims of the course's ledger (`notebooks/LEDGER.md`).
 *
 * A lesson cell declares a claim's rule and hands its measurements to the
 * claim engine (`claim()` in `claim.ts`), which computes the verdict. The
 * verdict shows in the notebook with its evidence and also carries a
 * machine-readable copy (MIME type {@linkcode CLAIM_MIME}) from which
 * `deno task claims` builds the course's claims table, so the table is
 * generated from the executed notebooks, never typed by hand.
 *
 * @module
 */

/**
 * The four verdicts a claim can earn. "not resolved at this scale" is the
 * honest answer of an experiment whose interval straddles the claim's margin.
 */
export type Verdict =
  | "holds"
  | "holds approximately"
  | "wrong as stated"
  | "not resolved at this scale";

/**
 * Every verdict, from the strongest support to none.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { VERDICTS } from "./claims.ts";
 * expect(VERDICTS).toContain("not resolved at this scale");
 * ```
 */
export const VERDICTS: readonly Verdict[] = [
  "holds",
  "holds approximately",
  "wrong as stated",
  "not resolved at this scale",
];

/**
 * The MIME type of the machine-readable verdict in a notebook's outputs.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { CLAIM_MIME } from "./claims.ts";
 * const output = { data: { [CLAIM_MIME]: { id: "S0-6", verdict: "holds" } } };
 * expect(output.data[CLAIM_MIME].id).toBe("S0-6");
 * ```
 */
export const CLAIM_MIME = "application/vnd.dropout-course.claim+json";

/** A claim's verdict as stored in the notebook. */
export interface ClaimRecord {
  /** The ledger ID, such as `"S0-6"`. */
  id: string;
  /** The claim in a few words. */
  statement: string;
  verdict: Verdict;
  /** What was measured, in one line: numbers, bounds, seeds. */
  evidence: string;
  /** The rule declared before measuring (records made by the claim engine). */
  rule?: Record<string, unknown>;
  /** The evidence the rule was judged on, as JSON; `decide(rule, data)` re-judges it. */
  data?: unknown;
  /** The numbers the rule computed (means, intervals, p-values). */
  stats?: unknown;
}

/**
 * The shape of a ledger ID: `S0-6`, `P-11`, `V-1`, `E-1`, `Q-1`.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { CLAIM_ID } from "./claims.ts";
 * expect(["S0-6", "P-11", "S10-1", "X-1"].map((id) => CLAIM_ID.test(id)))
 *   .toEqual([true, true, false, false]);
 * ```
 */
export const CLAIM_ID = /^(S[0-9]-[0-9]+|[PVEQ]-[0-9]+)$/;
