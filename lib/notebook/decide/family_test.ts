import { expect } from "expect";
import { decide } from "../decide.ts";
import type { PairedRule, Rule } from "../rule.ts";
import { BASE, paired, SEEDS, shifted } from "./_fixtures.ts";

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
