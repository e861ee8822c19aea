import { expect } from "expect";
import { claim, clearJudgedClaims, judgedClaims } from "./claim.ts";
import { CLAIM_MIME, type ClaimRecord } from "./claims.ts";
import { decide } from "./decide.ts";
import { DISPLAY } from "./display.ts";
import type { Evidence, Rule } from "./rule.ts";

const SEEDS = [1, 2, 3, 4, 5];
const PLAIN = [0.5, 0.52, 0.49, 0.51, 0.5];
const DROP = [0.45, 0.46, 0.45, 0.46, 0.44];

const declare = () =>
  claim("S4-9", {
    statement: "dropout lowers held-out loss",
    test: "paired",
    metric: "held-out loss",
    compare: ["no dropout", "dropout"],
    better: "lower",
    margin: 0.02,
    seeds: 5,
  });

Deno.test("claim() shows its rule before any evidence, and judge() computes the verdict", () => {
  const rule = declare();
  const shown = rule[DISPLAY]();
  expect(shown[CLAIM_MIME]).toBeUndefined(); // a rule is not a verdict: the table ignores it
  expect(shown["text/markdown"]).toContain("**claim S4-9 · rule, declared before measuring.**");
  expect(shown["text/plain"]).toContain(
    "in order: lo > 0.02 → holds; lo > 0 → holds approximately",
  );
  const v = rule.judge({ seeds: SEEDS, baseline: PLAIN, treatment: DROP });
  expect(v.verdict).toBe("holds");
  expect(v.summary).toMatch(/^claim S4-9 — holds: dropout lowers held-out loss\. Evidence: /);
  const bundle = v[DISPLAY]();
  const html = bundle["text/html"] as string;
  expect(html).toContain('class="claim-verdict verdict-holds"');
  expect(html).toContain("<th>no dropout</th><th>dropout</th><th>improvement</th>");
  expect(html).toContain("mean ± SE");
  expect(html).toContain("95 % interval (df 4)");
  expect(bundle["text/plain"]).toContain("Rule, declared before measuring: Paired by seed");
  expect(html).toContain('<td class="num">0.5</td>');
  expect(bundle["text/markdown"]).toContain("| seed | no dropout | dropout | improvement |");
});

Deno.test("the stored record keeps the rule and the numbers, and decide() re-judges it", () => {
  const v = declare().judge({ seeds: SEEDS, baseline: PLAIN, treatment: DROP });
  const record = JSON.parse(JSON.stringify(v[DISPLAY]()[CLAIM_MIME])) as ClaimRecord;
  expect(record).toMatchObject({ id: "S4-9", verdict: "holds", rule: { margin: 0.02 } });
  expect(typeof record.evidence).toBe("string"); // the claims table's evidence column
  expect(decide(record.rule as unknown as Rule, record.data as Evidence).verdict).toBe("holds");
  // reversed evidence, as falsify feeds it
  const data = record.data as { seeds: number[]; baseline: number[]; treatment: number[] };
  const reversed = { ...data, baseline: data.treatment, treatment: data.baseline };
  expect(decide(record.rule as unknown as Rule, reversed).verdict).toBe("wrong as stated");
});

Deno.test("a declared rule judges once; the registry keeps the latest judgement per ID", () => {
  clearJudgedClaims();
  const rule = declare();
  rule.judge({ seeds: SEEDS, baseline: PLAIN, treatment: DROP });
  expect(() => rule.judge({ seeds: SEEDS, baseline: PLAIN, treatment: DROP }))
    .toThrow("claim S4-9 has been judged already");
  declare().judge({ seeds: SEEDS, baseline: DROP, treatment: PLAIN }); // a re-run cell
  const judged = judgedClaims();
  expect(judged.map((c) => [c.id, c.verdict])).toEqual([["S4-9", "wrong as stated"]]);
  expect(judged[0].rule.test).toBe("paired");
  expect(judged[0].evidence).toEqual({ seeds: SEEDS, baseline: DROP, treatment: PLAIN });
});

Deno.test("every test renders: exact, facts, bound, equivalent, mcnemar, family", () => {
  const cases: [Rule & { statement: string }, unknown][] = [
    [{ statement: "s", test: "exact", tolerance: { ulps: 1 } }, {
      cases: [{ name: "y", got: new Float32Array([1, 2]), want: [1, 2] }],
    }],
    [{ statement: "s", test: "facts" }, { facts: [{ name: "f", ok: false, detail: "why" }] }],
    [{ statement: "s", test: "bound", approximately: 0.1 }, {
      estimates: [{ name: "m", mean: 1.05, se: 0.001, want: 1 }],
    }],
    [{ statement: "s", test: "equivalent", bound: 0.1, seeds: 5 }, {
      seeds: SEEDS,
      baseline: PLAIN,
      treatment: PLAIN.map((v, i) => v + [0.01, -0.01, 0.02, 0, 0.03][i]),
    }],
    [{ statement: "s", test: "mcnemar" }, {
      baselineCorrect: [1, 0, 1],
      treatmentCorrect: [1, 1, 1],
    }],
    [{
      statement: "s",
      test: "family",
      parts: [{ name: "a", test: "facts" }, {
        name: "b",
        test: "paired",
        better: "higher",
        margin: 0,
        seeds: 5,
      }],
    }, {
      parts: {
        a: { facts: [{ name: "f", ok: true }] },
        b: { seeds: SEEDS, baseline: PLAIN, treatment: DROP },
      },
    }],
  ];
  const seen: string[] = [];
  for (const [rule, evidence] of cases) {
    const v = claim("V-1", rule).judge(evidence as never);
    const bundle = v[DISPLAY]();
    expect(bundle["text/html"]).toContain('<div class="course-table">');
    const record = JSON.parse(JSON.stringify(bundle[CLAIM_MIME])) as ClaimRecord;
    expect(decide(record.rule as unknown as Rule, record.data as Evidence).verdict).toBe(v.verdict);
    seen.push(v.verdict);
  }
  expect(seen).toEqual([
    "holds",
    "wrong as stated",
    "holds approximately",
    "holds",
    "not resolved at this scale",
    "wrong as stated",
  ]);
});

Deno.test("claim() rejects a bad ID, a missing statement, an unknown test or option", () => {
  const ok = { statement: "s", test: "facts" } as const;
  expect(() => claim("S4", ok)).toThrow('id must look like S0-6, P-11, V-1, E-1 or Q-1, got "S4"');
  expect(() => claim("S4-1", { ...ok, statement: "" })).toThrow("rule.statement must be");
  expect(() => claim("S4-1", { statement: "s", test: "t-test" } as never))
    .toThrow('rule.test must be one of "exact", "facts", "bound", "paired"');
  expect(() =>
    claim("S4-1", { statement: "s", test: "paired", better: "up", margin: 0, seeds: 5 } as never)
  ).toThrow('rule.better must be "higher" or "lower", got "up"');
  expect(() =>
    claim("S4-1", { statement: "s", test: "paired", better: "lower", margin: 0, seeds: 1 })
  ).toThrow("rule.seeds must be an integer >= 2, got 1");
  expect(() => claim("S4-1", { statement: "s", test: "equivalent", bound: 0, seeds: 5 }))
    .toThrow("rule.bound must be a finite number > 0, got 0");
  expect(() => claim("S4-1", { statement: "s", test: "exact", tolerance: { ulp: 1 } } as never))
    .toThrow("rule.tolerance.ulp is unknown");
  expect(() => claim("S4-1", { statement: "s", test: "family", parts: [] }))
    .toThrow("rule.parts must be a non-empty array");
  expect(() => declare().judge({ seeds: [1, 2, 3], baseline: [1, 2, 3], treatment: [1, 2, 3] }))
    .toThrow("evidence.seeds must hold the declared rule.seeds = 5 seeds, got 3");
});
