import { expect } from "expect";
import { verdict } from "./claims.ts";
import { ledgerIds } from "./claims_table.ts";

Deno.test("claim IDs: the practitioners' questions (Q-n) are accepted beside S, P, V and E", () => {
  for (const id of ["S0-6", "P-11", "V-1", "E-1", "Q-1", "Q-12"]) {
    expect(verdict(id, "holds", "a statement", "evidence").record.id).toBe(id);
  }
  for (const id of ["Q1", "Q-", "X-1", "q-1"]) {
    expect(() => verdict(id, "holds", "a statement", "evidence")).toThrow(RangeError);
  }
  expect(ledgerIds("- **Q-1** text\n- **Q-2 / V-1** more")).toEqual(["Q-1", "Q-2", "V-1"]);
});
