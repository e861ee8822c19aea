/**
 * Verdicts on the claims of the course's ledger (`notebooks/LEDGER.md`).
 *
 * A lesson cell first asserts a claim (it throws if the claim is false), then
 * records its verdict with {@linkcode verdict}. The verdict shows in the
 * notebook as one line of text and also carries a machine-readable copy
 * (MIME type {@linkcode CLAIM_MIME}) from which `deno task claims` builds the
 * course's claims table, so the table is generated from the executed
 * notebooks, never typed by hand.
 *
 * @module
 */
import { DISPLAY, type Displayable } from "./display.ts";

/** The three verdicts a claim can earn. */
export type Verdict = "holds" | "holds approximately" | "wrong as stated";

/** The MIME type of the machine-readable verdict in a notebook's outputs. */
export const CLAIM_MIME = "application/vnd.dropout-course.claim+json";

/** A claim's verdict as stored in the notebook. */
export interface ClaimRecord {
  /** The ledger ID, such as `"S0-6"`. */
  id: string;
  /** The claim in a few words. */
  statement: string;
  verdict: Verdict;
  /** What was measured: numbers, bounds, seeds. */
  evidence: string;
}

const ID = /^(S[0-9]-[0-9]+|[PVEQ]-[0-9]+)$/;
const VERDICTS: readonly Verdict[] = ["holds", "holds approximately", "wrong as stated"];

/**
 * Records the verdict on a claim that the cell has just asserted.
 *
 * @param id The ledger ID, such as `"S0-6"`.
 * @param verdict `"holds"`, `"holds approximately"` or `"wrong as stated"`.
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
  if (!ID.test(id)) {
    throw new RangeError(`id must look like S0-6, P-11, V-1, E-1 or Q-1, got "${id}"`);
  }
  if (!VERDICTS.includes(verdict)) {
    throw new RangeError(`verdict must be one of ${VERDICTS.join(", ")}, got "${verdict}"`);
  }
  if (statement.trim() === "") throw new RangeError("statement must not be empty");
  if (evidence.trim() === "") throw new RangeError("evidence must not be empty");
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
