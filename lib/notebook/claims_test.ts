import { expect } from "expect";
import { claim } from "./claim.ts";
import { CLAIM_ID } from "./claims.ts";
import { ledgerIds } from "./claims_table.ts";

Deno.test("claim IDs: the practitioners' questions (Q-n) are accepted beside S, P, V and E", () => {
  for (const id of ["S0-6", "P-11", "V-1", "E-1", "Q-1", "Q-12"]) {
    expect(CLAIM_ID.test(id)).toBe(true);
  }
  for (const id of ["Q1", "Q-", "X-1", "q-1"]) expect(CLAIM_ID.test(id)).toBe(false);
  const rule = claim("Q-12", { statement: "a fact", test: "facts" });
  expect(rule.judge({ facts: [{ name: "one", ok: 1 + 1 === 2 }] }).id).toBe("Q-12");
  expect(() => claim("Q1", { statement: "a fact", test: "facts" })).toThrow(RangeError);
  expect(ledgerIds("- **Q-1** text\n- **Q-2 / V-1** more")).toEqual(["Q-1", "Q-2", "V-1"]);
});
