/**
 * Input checks shared by the tests of the claim engine (private). Each throws
 * a `TypeError` or `RangeError` that names the field (`at`, e.g.
 * "evidence.parts.relu.seeds"), what it must be, and the value received.
 *
 * @module
 */
import { describe } from "../../nn/_check.ts";
import type { PairedEvidence, Rule } from "../rule.ts";

/**
 * Checks that a field is a non-empty array.
 *
 * @param name The field, for the message (e.g. "evidence.seeds").
 * @param v The value given.
 * @returns `v`, typed as an array.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { list } from "./_input.ts";
 * expect(list("evidence.facts", [1])).toEqual([1]);
 * expect(() => list("evidence.facts", [])).toThrow("evidence.facts must not be empty");
 * ```
 */
export function list<T>(name: string, v: unknown): T[] {
  if (!Array.isArray(v)) throw new TypeError(`${name} must be an array, got ${describe(v)}`);
  if (v.length === 0) throw new RangeError(`${name} must not be empty`);
  return v as T[];
}

/**
 * Checks that a field is a finite number.
 *
 * @param name The field, for the message (e.g. "evidence.seeds").
 * @param v The value given.
 * @returns `v`, typed as a number.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { finite } from "./_input.ts";
 * expect(finite("x", 2)).toBe(2);
 * expect(() => finite("x", NaN)).toThrow("x must be a finite number, got NaN");
 * ```
 */
export function finite(name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new TypeError(`${name} must be a finite number, got ${describe(v)}`);
  }
  return v;
}

/**
 * Checks that a field is a non-empty array of finite numbers (one per seed when `length` is given).
 *
 * @param name The field, for the message (e.g. "evidence.seeds").
 * @param v The value given.
 * @param length The number of values it must hold, if fixed.
 * @returns A copy of the values.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { finiteList } from "./_input.ts";
 * expect(finiteList("b", [1, 2], 2)).toEqual([1, 2]);
 * expect(() => finiteList("b", [1], 2)).toThrow("b must hold 2 values (one per seed), got 1");
 * ```
 */
export function finiteList(name: string, v: unknown, length?: number): number[] {
  const values = list<number>(name, v);
  if (length !== undefined && values.length !== length) {
    throw new RangeError(`${name} must hold ${length} values (one per seed), got ${values.length}`);
  }
  values.forEach((x, i) => finite(`${name}[${i}]`, x));
  return [...values];
}

/**
 * Checks that a field is a non-empty string.
 *
 * @param name The field, for the message (e.g. "evidence.seeds").
 * @param v The value given.
 * @returns `v`, typed as a string.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { named } from "./_input.ts";
 * expect(named("name", "relu")).toBe("relu");
 * expect(() => named("name", " ")).toThrow("name must be a non-empty string");
 * ```
 */
export function named(name: string, v: unknown): string {
  if (typeof v !== "string" || v.trim() === "") {
    throw new TypeError(`${name} must be a non-empty string, got ${describe(v)}`);
  }
  return v;
}

/**
 * Checks paired evidence against the declared seed count: at least 2 distinct seeds,
 * one finite value per seed for each condition.
 *
 * @param rule The rule (its `seeds`, if declared).
 * @param e The evidence `{ seeds, baseline, treatment }`.
 * @param at Where the evidence sits, for error messages.
 * @returns Copies of `{ seeds, baseline, treatment }`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { pairedInput } from "./_input.ts";
 * const e = { seeds: [1, 2], baseline: [0.5, 0.6], treatment: [0.55, 0.62] };
 * expect(pairedInput({ seeds: 2 }, e, "evidence").treatment).toEqual([0.55, 0.62]);
 * expect(() => pairedInput({ seeds: 3 }, e, "evidence")).toThrow("rule.seeds = 3");
 * ```
 */
export function pairedInput(rule: { seeds?: number }, e: PairedEvidence, at: string) {
  const seeds = finiteList(`${at}.seeds`, e.seeds);
  if (rule.seeds !== undefined && seeds.length !== rule.seeds) {
    throw new RangeError(
      `${at}.seeds must hold the declared rule.seeds = ${rule.seeds} seeds, got ${seeds.length}`,
    );
  }
  if (seeds.length < 2) throw new RangeError(`${at}.seeds must hold at least 2 seeds, got 1`);
  if (new Set(seeds).size !== seeds.length) {
    throw new RangeError(`${at}.seeds must be distinct, got [${seeds.join(", ")}]`);
  }
  const baseline = finiteList(`${at}.baseline`, e.baseline, seeds.length);
  const treatment = finiteList(`${at}.treatment`, e.treatment, seeds.length);
  return { seeds, baseline, treatment };
}

/**
 * The rule's names of the two conditions.
 *
 * @param rule The rule (its `compare`, if given).
 * @returns `[baseline, treatment]`, `["baseline", "treatment"]` by default.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { names } from "./_input.ts";
 * expect(names({ test: "mcnemar" })).toEqual(["baseline", "treatment"]);
 * expect(names({ test: "mcnemar", compare: ["plain", "dropout"] })[1]).toBe("dropout");
 * ```
 */
export function names(rule: Rule): [string, string] {
  return rule.compare ?? ["baseline", "treatment"];
}
