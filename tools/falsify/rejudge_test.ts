import { expect } from "expect";
import { decide } from "../../lib/notebook/decide.ts";
import type { Rule } from "../../lib/notebook/rule.ts";
import { isExperimental, moveEvidence } from "./rejudge.ts";

const seeds = [1, 2, 3, 4, 5];
const paired: Rule = { test: "paired", better: "lower", margin: 0, seeds: 5, metric: "loss" };
const clearWin = {
  seeds,
  baseline: [1, 1.1, 0.9, 1.05, 0.95],
  treatment: [0.8, 0.85, 0.7, 0.82, 0.74],
};

Deno.test("a clear paired win holds, and neither false world of it does", () => {
  expect(decide(paired, clearWin).verdict).toBe("holds");
  expect(decide(paired, moveEvidence(paired, clearWin, "null")).verdict).toBe(
    "not resolved at this scale",
  );
  expect(decide(paired, moveEvidence(paired, clearWin, "reversed")).verdict).toBe(
    "wrong as stated",
  );
});

Deno.test("an equivalence that holds is pushed outside its bound in both false worlds", () => {
  const rule: Rule = { test: "equivalent", bound: 0.05, seeds: 5 };
  const same = {
    seeds,
    baseline: [0.9, 0.91, 0.92, 0.9, 0.91],
    treatment: [0.9, 0.912, 0.919, 0.901, 0.91],
  };
  expect(decide(rule, same).verdict).toBe("holds");
  for (const world of ["null", "reversed"] as const) {
    expect(decide(rule, moveEvidence(rule, same, world)).verdict).not.toBe("holds");
  }
});

Deno.test("McNemar counts are balanced (null) and swapped (reversed)", () => {
  const rule: Rule = { test: "mcnemar" };
  const data = { counts: [{ onlyBaseline: 3, onlyTreatment: 20 }] };
  expect(decide(rule, data).verdict).toBe("holds");
  expect(decide(rule, moveEvidence(rule, data, "null")).verdict).toBe("not resolved at this scale");
  expect(decide(rule, moveEvidence(rule, data, "reversed")).verdict).toBe("wrong as stated");
});

Deno.test("a family moves its experimental parts and keeps its exact ones", () => {
  const rule: Rule = {
    test: "family",
    parts: [
      { name: "win", test: "paired", better: "lower", margin: 0, seeds: 5 },
      { name: "arithmetic", test: "exact" },
    ],
  };
  expect(isExperimental(rule)).toBe(true);
  expect(isExperimental({ test: "exact" })).toBe(false);
  const data = {
    parts: { win: clearWin, arithmetic: { cases: [{ name: "1+1", got: 2, want: 2 }] } },
  };
  expect(decide(rule, data).verdict).toBe("holds");
  expect(decide(rule, moveEvidence(rule, data, "reversed")).verdict).toBe("wrong as stated");
});

Deno.test("a claim the evidence refutes is also not 'holds' in the reversed world", () => {
  // Lower is better, and the treatment is worse on every seed: the claim is wrong as stated.
  const refuted = { seeds, baseline: clearWin.treatment, treatment: clearWin.baseline };
  expect(decide(paired, refuted).verdict).toBe("wrong as stated");
  for (const world of ["null", "reversed"] as const) {
    expect(decide(paired, moveEvidence(paired, refuted, world)).verdict).not.toBe("holds");
  }
});
