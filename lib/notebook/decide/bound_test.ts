import { expect } from "expect";
import { decide } from "../decide.ts";
import type { Rule } from "../rule.ts";

Deno.test("bound: holds, holds approximately, wrong as stated", () => {
  const est = (mean: number) => ({ estimates: [{ name: "E[y]", mean, se: 0.01, want: 1 }] });
  const rule: Rule = { test: "bound", k: 5, approximately: 0.1 };
  expect(decide(rule, est(1.04)).verdict).toBe("holds");
  expect(decide(rule, est(1.08)).verdict).toBe("holds approximately");
  expect(decide(rule, est(1.2)).verdict).toBe("wrong as stated");
  expect(decide({ test: "bound" }, est(1.08)).verdict).toBe("wrong as stated");
});
