import { expect } from "expect";
import { decide } from "../decide.ts";
import type { Rule } from "../rule.ts";
import { BASE, SEEDS, shifted } from "./_fixtures.ts";

Deno.test("equivalent: holds, wrong as stated, not resolved", () => {
  const rule: Rule = { test: "equivalent", bound: 0.02, seeds: 5 };
  const v = (treatment: number[]) =>
    decide(rule, { seeds: SEEDS, baseline: BASE, treatment }).verdict;
  expect(v(shifted(0.001))).toBe("holds");
  expect(v(shifted(0.06))).toBe("wrong as stated");
  expect(v(shifted(-0.06))).toBe("wrong as stated");
  expect(v(shifted(0.015, 0.02))).toBe("not resolved at this scale");
});

Deno.test("equivalent: the reference TOST example holds at ±0.05, not at ±0.04", () => {
  const a = [0.612, 0.655, 0.598, 0.64, 0.701], b = [0.583, 0.641, 0.56, 0.622, 0.655];
  const e = { seeds: SEEDS, baseline: b, treatment: a };
  const d = decide({ test: "equivalent", bound: 0.05, seeds: 5 }, e);
  expect(d.verdict).toBe("holds");
  if (d.stats.test !== "equivalent") throw new Error("equivalent stats expected");
  expect(d.stats.p).toBeCloseTo(0.012339, 6);
  expect(decide({ test: "equivalent", bound: 0.04, seeds: 5 }, e).verdict)
    .toBe("not resolved at this scale");
  expect(decide({ test: "equivalent", bound: 0.01, seeds: 5 }, e).verdict).toBe("wrong as stated");
});
