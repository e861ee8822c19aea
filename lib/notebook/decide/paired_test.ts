import { expect } from "expect";
import { decide } from "../decide.ts";
import type { PairedRule, Rule } from "../rule.ts";
import { BASE, paired, SEEDS, shifted } from "./_fixtures.ts";

Deno.test("paired: each of the four verdicts, from the interval and the margin", () => {
  const v = (rule: Rule, treatment: number[]) =>
    decide(rule, { seeds: SEEDS, baseline: BASE, treatment }).verdict;
  expect(v(paired(0.02), shifted(0.05))).toBe("holds"); // lo > margin
  expect(v(paired(0.02), shifted(0.022))).toBe("holds approximately"); // 0 < lo ≤ margin
  expect(v(paired(0.02), shifted(-0.05))).toBe("wrong as stated"); // hi < 0
  expect(v(paired(0.02), shifted(0.005))).toBe("holds approximately"); // 0 < lo, hi < margin
  expect(v(paired(0.02), shifted(0.003, 0.01))).toBe("wrong as stated"); // lo ≤ 0 < hi < margin
  expect(v(paired(0.02), shifted(0.01, 0.03))).toBe("not resolved at this scale");
  expect(v(paired(0), shifted(0.001, 0.03))).toBe("not resolved at this scale");
});

Deno.test("paired: 'lower is better' orients the improvement, and reversing the evidence flips it", () => {
  const rule: PairedRule = { ...paired(0.01), better: "lower" };
  const lower = BASE.map((b) => b - 0.05);
  const d = decide(rule, { seeds: SEEDS, baseline: BASE, treatment: lower });
  expect(d.verdict).toBe("holds");
  if (d.stats.test !== "paired") throw new Error("paired stats expected");
  expect(d.stats.mean).toBeCloseTo(0.05, 12);
  const reversed = decide(rule, { seeds: SEEDS, baseline: lower, treatment: BASE });
  expect(reversed.verdict).toBe("wrong as stated");
  expect(reversed.reason).toContain("the reverse is resolved");
});

Deno.test("paired: the reference example's interval [0.012388, 0.045612] decides", () => {
  const a = [0.612, 0.655, 0.598, 0.64, 0.701], b = [0.583, 0.641, 0.56, 0.622, 0.655];
  const rule = (margin: number): PairedRule => ({ ...paired(margin), seeds: 5 });
  const e = { seeds: SEEDS, baseline: b, treatment: a };
  expect(decide(rule(0.0123), e).verdict).toBe("holds");
  expect(decide(rule(0.0124), e).verdict).toBe("holds approximately");
  expect(decide(rule(0.0457), e).verdict).toBe("holds approximately"); // resolved above 0 only
});
