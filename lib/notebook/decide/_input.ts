/**
 * Input checks shared by the tests of the claim engine (private). Each throws
 * a `TypeError` or `RangeError` that names the field (`at`, e.g.
 * "evidence.parts.relu.seeds"), what it must be, and the value received.
 *
 * @module
 */
import { describe } from "../../nn/_check.ts";
import type { PairedEvidence, Rule } from "../rule.ts";

/** A non-empty array. */
export function list<T>(name: string, v: unknown): T[] {
  if (!Array.isArray(v)) throw new TypeError(`${name} must be an array, got ${describe(v)}`);
  if (v.length === 0) throw new RangeError(`${name} must not be empty`);
  return v as T[];
}

/** A finite number. */
export function finite(name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new TypeError(`${name} must be a finite number, got ${describe(v)}`);
  }
  return v;
}

/** A non-empty array of finite numbers (one per seed when `length` is given), copied. */
export function finiteList(name: string, v: unknown, length?: number): number[] {
  const values = list<number>(name, v);
  if (length !== undefined && values.length !== length) {
    throw new RangeError(`${name} must hold ${length} values (one per seed), got ${values.length}`);
  }
  values.forEach((x, i) => finite(`${name}[${i}]`, x));
  return [...values];
}

/** A non-empty string. */
export function named(name: string, v: unknown): string {
  if (typeof v !== "string" || v.trim() === "") {
    throw new TypeError(`${name} must be a non-empty string, got ${describe(v)}`);
  }
  return v;
}

/** Paired evidence, checked against the declared seed count: distinct seeds, one value each. */
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

/** The rule's names of the two conditions, [baseline, treatment]. */
export function names(rule: Rule): [string, string] {
  return rule.compare ?? ["baseline", "treatment"];
}
