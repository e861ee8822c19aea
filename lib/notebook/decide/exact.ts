/**
 * The "exact" test of the claim engine: exact arithmetic or full enumeration,
 * every case within a declared tolerance.
 *
 * @module
 */
import { describe } from "../../nn/_check.ts";
import { ulp32 } from "../../stats/bits.ts";
import { num, toleranceText } from "../_format.ts";
import type { ExactEvidence, ExactRule } from "../rule.ts";
import type { Decision } from "./decision.ts";
import { list, named } from "./_input.ts";

/** A number or an array-like of numbers, as a list; NaN is rejected. */
function values(name: string, v: unknown): number[] {
  if (typeof v === "number") {
    if (Number.isNaN(v)) throw new TypeError(`${name} must not be NaN`);
    return [v];
  }
  if (typeof v !== "object" || v === null || typeof (v as ArrayLike<number>).length !== "number") {
    throw new TypeError(`${name} must be a number or an array of numbers, got ${describe(v)}`);
  }
  const out = Array.from(v as ArrayLike<number>);
  if (out.length === 0) throw new RangeError(`${name} must not be empty`);
  out.forEach((x, i) => {
    if (typeof x !== "number" || Number.isNaN(x)) {
      throw new TypeError(`${name}[${i}] must be a number (not NaN), got ${describe(x)}`);
    }
  });
  return out;
}

/** One float32 ulp at `want`; Infinity where want does not fit in float32. */
function ulpAt(want: number): number {
  try {
    return ulp32(want);
  } catch {
    return Infinity;
  }
}

/**
 * Judges an "exact" rule: every case within tolerance → holds, else wrong as
 * stated. A value passes if |got − want| ≤ max(abs, rel·|want|, ulps·ulp32(want));
 * NaN is rejected, ±Infinity equals only itself.
 *
 * @param rule The declared rule (its `tolerance`; default: exact equality).
 * @param e The cases `{ name, got, want }`, numbers or arrays of the same length.
 * @param at Where the evidence sits, for error messages ("evidence", "evidence.parts.x").
 * @returns The verdict, the reason and per-case stats (largest gap, in ulps too).
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { decideExact } from "./exact.ts";
 * const cases = [{ name: "0.1 in float32", got: Math.fround(0.1), want: 0.1 }];
 * expect(decideExact({ test: "exact" }, { cases }, "evidence").verdict).toBe("wrong as stated");
 * const ulp = { test: "exact", tolerance: { ulps: 1 } } as const;
 * expect(decideExact(ulp, { cases }, "evidence").verdict).toBe("holds");
 * ```
 */
export function decideExact(rule: ExactRule, e: ExactEvidence, at: string): Decision {
  const tol = rule.tolerance ?? {};
  const cases = list<ExactEvidence["cases"][number]>(`${at}.cases`, e.cases).map((c, i) => {
    const name = named(`${at}.cases[${i}].name`, c?.name);
    const got = values(`${at}.cases[${i}].got`, c.got);
    const want = values(`${at}.cases[${i}].want`, c.want);
    if (got.length !== want.length) {
      throw new RangeError(
        `${at}.cases[${i}]: got and want must have the same length, got ${got.length} and ${want.length}`,
      );
    }
    let maxAbs = 0, maxUlps = 0, pass = true;
    for (let j = 0; j < got.length; j++) {
      const gap = got[j] === want[j] ? 0 : Math.abs(got[j] - want[j]);
      const allowed = Math.max(
        tol.abs ?? 0,
        (tol.rel ?? 0) * Math.abs(want[j]),
        tol.ulps && Number.isFinite(ulpAt(want[j])) ? tol.ulps * ulpAt(want[j]) : 0,
      );
      maxAbs = Math.max(maxAbs, gap);
      maxUlps = Math.max(maxUlps, gap === 0 ? 0 : gap / ulpAt(want[j]));
      if (!(gap <= allowed)) pass = false;
    }
    const scalar = typeof c.got === "number" && typeof c.want === "number";
    return {
      name,
      length: got.length,
      maxAbs,
      maxUlps,
      pass,
      ...(scalar ? { got: got[0], want: want[0] } : {}),
    };
  });
  const failed = cases.filter((c) => !c.pass);
  const tolText = toleranceText(rule.tolerance);
  const reason = failed.length === 0
    ? `all ${cases.length} case${cases.length === 1 ? "" : "s"} ${tolText}`
    : `${failed.length} of ${cases.length} cases not ${tolText}: ` +
      failed.slice(0, 3).map((c) => `${c.name} (off by ${num(c.maxAbs)})`).join(", ") +
      (failed.length > 3 ? ", …" : "");
  return {
    verdict: failed.length === 0 ? "holds" : "wrong as stated",
    reason,
    stats: { test: "exact", cases },
  };
}
