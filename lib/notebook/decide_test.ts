import { expect } from "expect";
import { decide } from "./decide.ts";
import type { PairedRule, Rule } from "./rule.ts";

const SEEDS = [1, 2, 3, 4, 5];
const BASE = [0.5, 0.52, 0.49, 0.51, 0.5];
/** Treatment values whose improvement over BASE is `shift` plus a fixed wobble. */
const shifted = (shift: number, wobble = 0.004) =>
  BASE.map((b, i) => b + shift + wobble * [1, -1, 0.5, -0.5, 0][i]);
const paired = (margin: number): PairedRule => ({
  test: "paired",
  metric: "accuracy",
  compare: ["plain", "dropout"],
  better: "higher",
  margin,
  seeds: 5,
});

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

/** Correctness arrays with `b` items only the baseline gets right and `c` only the treatment. */
function items(b: number, c: number, agree = 50): [number[], number[]] {
  return [
    [...Array(b).fill(1), ...Array(c).fill(0), ...Array(agree).fill(1)],
    [...Array(b).fill(0), ...Array(c).fill(1), ...Array(agree).fill(1)],
  ];
}

Deno.test("mcnemar: holds, wrong as stated, not resolved, for one seed and several", () => {
  const rule: Rule = { test: "mcnemar", compare: ["weight scaling", "MC averaging"] };
  const one = (b: number, c: number) => {
    const [x, y] = items(b, c);
    return decide(rule, { baselineCorrect: x, treatmentCorrect: y }).verdict;
  };
  expect(one(3, 13)).toBe("holds"); // p = 0.0213
  expect(one(13, 3)).toBe("wrong as stated");
  expect(one(10, 10)).toBe("not resolved at this scale");
  const many = (pairs: [number, number][]) => {
    const seeds = pairs.map(([b, c]) => items(b, c));
    return decide({ ...rule, seeds: pairs.length }, {
      baselineCorrect: seeds.map((s) => s[0]),
      treatmentCorrect: seeds.map((s) => s[1]),
    });
  };
  // 0.0213 alone, but Holm over 3 seeds makes it 0.064: not resolved
  expect(many([[3, 13], [10, 10], [10, 11]]).verdict).toBe("not resolved at this scale");
  expect(many([[0, 20], [10, 10], [10, 11]]).verdict).toBe("holds");
  expect(many([[20, 0], [10, 10], [10, 11]]).verdict).toBe("wrong as stated");
  expect(many([[20, 0], [0, 20], [10, 11]]).verdict).toBe("not resolved at this scale");
  const d = many([[0, 20], [10, 10], [10, 11]]);
  if (d.stats.test !== "mcnemar") throw new Error("mcnemar stats expected");
  expect(d.stats.seeds.map((s) => [s.onlyBaseline, s.onlyTreatment])).toEqual([
    [0, 20],
    [10, 10],
    [10, 11],
  ]);
  // the stored counts re-judge to the same verdict
  const counts = d.stats.seeds.map(({ onlyBaseline, onlyTreatment }) => ({
    onlyBaseline,
    onlyTreatment,
  }));
  expect(decide(rule, { counts }).verdict).toBe("holds");
});

Deno.test("exact: holds within tolerance, wrong as stated outside it", () => {
  const f = Math.fround(0.13 / 0.8);
  expect(decide({ test: "exact" }, { cases: [{ name: "a", got: 1, want: 1 }] }).verdict)
    .toBe("holds");
  expect(decide({ test: "exact" }, { cases: [{ name: "a", got: f, want: 0.1625 }] }).verdict)
    .toBe("wrong as stated");
  const ulps = decide({ test: "exact", tolerance: { ulps: 1 } }, {
    cases: [{ name: "a", got: new Float32Array([f]), want: [0.1625] }],
  });
  expect(ulps.verdict).toBe("holds");
  expect(
    decide({ test: "exact", tolerance: { abs: 0.1 } }, {
      cases: [{ name: "a", got: [1, 2], want: [1, 2.2] }],
    }).verdict,
  ).toBe("wrong as stated");
  expect(
    decide({ test: "exact", tolerance: { rel: 0.1 } }, {
      cases: [{ name: "a", got: [1, 2], want: [1, 2.2] }],
    }).verdict,
  ).toBe("holds");
});

Deno.test("facts: holds when every fact is true, else wrong as stated", () => {
  const fact = (ok: boolean) => ({ name: "mask reused", ok });
  expect(decide({ test: "facts" }, { facts: [fact(true), fact(true)] }).verdict).toBe("holds");
  const d = decide({ test: "facts" }, { facts: [fact(true), { name: "scaled", ok: false }] });
  expect([d.verdict, d.reason]).toEqual(["wrong as stated", "1 of 2 facts false: scaled"]);
});

Deno.test("bound: holds, holds approximately, wrong as stated", () => {
  const est = (mean: number) => ({ estimates: [{ name: "E[y]", mean, se: 0.01, want: 1 }] });
  const rule: Rule = { test: "bound", k: 5, approximately: 0.1 };
  expect(decide(rule, est(1.04)).verdict).toBe("holds");
  expect(decide(rule, est(1.08)).verdict).toBe("holds approximately");
  expect(decide(rule, est(1.2)).verdict).toBe("wrong as stated");
  expect(decide({ test: "bound" }, est(1.08)).verdict).toBe("wrong as stated");
});

Deno.test("family: Holm across parts; all, any; each verdict", () => {
  const part = (name: string, margin = 0.01): PairedRule & { name: string } => ({
    ...paired(margin),
    name,
  });
  const rule = (needs: "all" | "any"): Rule => ({
    test: "family",
    needs,
    parts: [part("relu"), part("tanh"), { name: "exact", test: "exact" }],
  });
  const ev = (a: number[], b: number[], ok = true) => ({
    parts: {
      relu: { seeds: SEEDS, baseline: BASE, treatment: a },
      tanh: { seeds: SEEDS, baseline: BASE, treatment: b },
      exact: { cases: [{ name: "x", got: 1, want: ok ? 1 : 2 }] },
    },
  });
  expect(decide(rule("all"), ev(shifted(0.05), shifted(0.05))).verdict).toBe("holds");
  expect(decide(rule("all"), ev(shifted(0.05), shifted(0.012))).verdict)
    .toBe("holds approximately");
  expect(decide(rule("all"), ev(shifted(0.05), shifted(0.05), false)).verdict)
    .toBe("wrong as stated");
  expect(decide(rule("all"), ev(shifted(0.05), shifted(0.01, 0.03))).verdict)
    .toBe("not resolved at this scale");
  expect(decide(rule("any"), ev(shifted(0.05), shifted(-0.05), false)).verdict).toBe("holds");
  expect(decide(rule("any"), ev(shifted(0.012), shifted(0.01, 0.03), false)).verdict)
    .toBe("holds approximately");
  expect(decide(rule("any"), ev(shifted(-0.05), shifted(-0.05), false)).verdict)
    .toBe("wrong as stated");
  expect(decide(rule("any"), ev(shifted(-0.05), shifted(0.01, 0.03), false)).verdict)
    .toBe("not resolved at this scale");
});

Deno.test("family: Holm widens a part's interval so that a lone 'holds' can become unresolved", () => {
  // One part alone holds at 95 %; beside two clearly null parts, Holm judges it at a stricter level.
  const a = [0.612, 0.655, 0.598, 0.64, 0.701], b = [0.583, 0.641, 0.56, 0.622, 0.655];
  const noise = [0.01, -0.012, 0.004, 0.009, -0.011];
  const part = (name: string): PairedRule & { name: string } => ({ ...paired(0), name });
  const alone = decide({ test: "family", parts: [part("x")] }, {
    parts: { x: { seeds: SEEDS, baseline: b, treatment: a } },
  });
  expect(alone.verdict).toBe("holds"); // p = 0.0084
  const family = decide({ test: "family", parts: [part("x"), part("y"), part("z")] }, {
    parts: {
      x: { seeds: SEEDS, baseline: b, treatment: a },
      y: { seeds: SEEDS, baseline: b, treatment: b.map((v, i) => v + noise[i]) },
      z: { seeds: SEEDS, baseline: b, treatment: b.map((v, i) => v - noise[i]) },
    },
  });
  if (family.stats.test !== "family") throw new Error("family stats expected");
  const x = family.stats.parts[0];
  expect(x.pAdjusted).toBeCloseTo(3 * 0.008359, 5);
  expect(x.alpha).toBeCloseTo(0.05 / 3, 6);
  expect(x.verdict).toBe("holds"); // 0.0251 < 0.05 still
  expect(family.verdict).toBe("not resolved at this scale"); // y and z contain 0
});

Deno.test("decide() rejects malformed evidence, naming the field", () => {
  const rule = paired(0.01);
  expect(() => decide(rule, { seeds: [1, 2, 3], baseline: [1, 2, 3], treatment: [1, 2, 3] }))
    .toThrow("evidence.seeds must hold the declared rule.seeds = 5 seeds, got 3");
  expect(() => decide(rule, { seeds: SEEDS, baseline: BASE, treatment: [1, 2, NaN, 4, 5] }))
    .toThrow("evidence.treatment[2] must be a finite number, got NaN");
  expect(() => decide(rule, { seeds: SEEDS, baseline: BASE, treatment: [1, 2] }))
    .toThrow("evidence.treatment must hold 5 values (one per seed), got 2");
  expect(() => decide(rule, { seeds: [1, 1, 2, 3, 4], baseline: BASE, treatment: BASE }))
    .toThrow("evidence.seeds must be distinct");
  expect(() => decide({ test: "facts" }, { facts: [] })).toThrow(
    "evidence.facts must not be empty",
  );
  expect(() => decide({ test: "facts" }, { facts: [{ name: "x", ok: 1 as unknown as boolean }] }))
    .toThrow("evidence.facts[0].ok must be a boolean, got 1");
  expect(() => decide({ test: "exact" }, { cases: [{ name: "x", got: [1], want: [1, 2] }] }))
    .toThrow("got and want must have the same length, got 1 and 2");
  expect(() => decide({ test: "nope" } as unknown as Rule, { facts: [] }))
    .toThrow('rule.test must be one of "exact", "facts"');
  expect(() => decide({ test: "family", parts: [{ name: "a", test: "facts" }] }, { parts: {} }))
    .toThrow('evidence.parts must hold evidence for "a"');
  expect(() =>
    decide({ test: "family", parts: [{ name: "a", test: "facts" }] }, {
      parts: { a: { facts: [{ name: "f", ok: true }] }, b: { facts: [] } },
    })
  ).toThrow("evidence.parts.b is not a declared part (a)");
});
