import { expect } from "expect";
import { decide } from "../decide.ts";
import type { Rule } from "../rule.ts";

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
