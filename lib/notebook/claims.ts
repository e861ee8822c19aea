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
import { checkString, describe } from "../nn/_check.ts";
import { DISPLAY, type Displayable } from "./display.ts";

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

/**
 * Records a verdict typed by the cell.
 *
 * @deprecated Declare a rule with `claim(id, rule)` and let `rule.judge(evidence)`
 * compute the verdict; this stays only until every lesson has moved to the engine.
 *
 * @param id The ledger ID, such as `"S0-6"`.
 * @param verdict One of {@linkcode VERDICTS}.
 * @param statement The claim in a few words.
 * @param evidence What the cell measured, in numbers.
 * @returns A displayable line; make it the cell's last expression (or pass it to `show`).
 * @example
 * ```ts
 * import { CLAIM_MIME, verdict } from "./claims.ts";
 * import { DISPLAY } from "./display.ts";
 * import { expect } from "expect";
 * const v = verdict("S0-6", "holds", "p = 0.2 maps 0.13 to 0.1625", "exact in float32");
 * expect(v[DISPLAY]()[CLAIM_MIME]).toMatchObject({ id: "S0-6", verdict: "holds" });
 * ```
 */
export function verdict(
  id: string,
  verdict: Verdict,
  statement: string,
  evidence: string,
): Displayable & { record: ClaimRecord } {
  checkString("id", id);
  if (!CLAIM_ID.test(id)) {
    throw new RangeError(`id must look like S0-6, P-11, V-1, E-1 or Q-1, got ${describe(id)}`);
  }
  if (!VERDICTS.includes(verdict)) {
    throw new RangeError(`verdict must be one of ${VERDICTS.join(", ")}, got ${describe(verdict)}`);
  }
  checkString("statement", statement);
  checkString("evidence", evidence);
  if (statement.trim() === "") throw new RangeError(`statement must not be empty, got ""`);
  if (evidence.trim() === "") throw new RangeError(`evidence must not be empty, got ""`);
  const record: ClaimRecord = { id, statement, verdict, evidence };
  const line = `claim ${id} — ${verdict}: ${statement}. Evidence: ${evidence}`;
  return {
    record,
    [DISPLAY]: () => ({
      [CLAIM_MIME]: record,
      "text/markdown": `**claim ${id} — ${verdict}.** ${statement}. *Evidence:* ${evidence}`,
      "text/plain": line,
    }),
  };
}
