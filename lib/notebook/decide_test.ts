import { expect } from "expect";
import { decide } from "./decide.ts";
import type { Rule } from "./rule.ts";
import { BASE, paired, SEEDS } from "./decide/_fixtures.ts";

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
