import { expect } from "expect";
import { decide } from "../decide.ts";

Deno.test("facts: holds when every fact is true, else wrong as stated", () => {
  const fact = (ok: boolean) => ({ name: "mask reused", ok });
  expect(decide({ test: "facts" }, { facts: [fact(true), fact(true)] }).verdict).toBe("holds");
  const d = decide({ test: "facts" }, { facts: [fact(true), { name: "scaled", ok: false }] });
  expect([d.verdict, d.reason]).toEqual(["wrong as stated", "1 of 2 facts false: scaled"]);
});
