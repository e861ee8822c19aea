/**
 * Number formatting for evidence (private: not re-exported).
 *
 * @module
 */
import { meanAndSE } from "../stats/mean_se.ts";
import type { Tolerance } from "./rule.ts";

/**
 * A number to `digits` significant digits, without trailing zeros or exponent noise.
 *
 * @param x The number (±∞ and NaN print as symbols).
 * @param digits Significant digits (default 3).
 * @returns The text, with a true minus sign.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { num } from "./_format.ts";
 * expect(num(0.012388)).toBe("0.0124");
 * expect(num(-2e-7)).toBe("−2.00e-7");
 * expect(num(Infinity)).toBe("∞");
 * ```
 */
export function num(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return x > 0 ? "∞" : x < 0 ? "−∞" : "NaN";
  if (x === 0) return "0";
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const a = Math.abs(x);
  const s = a >= 1e-4 && a < 1e9
    ? String(Number(x.toPrecision(digits)))
    : x.toExponential(digits - 1);
  return s.replace("-", "−");
}

/**
 * A p-value: 3 significant digits, "< 1e−12" below that.
 *
 * @param p The p-value.
 * @returns The text.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { pValue } from "./_format.ts";
 * expect(pValue(0.008359)).toBe("0.00836");
 * expect(pValue(1e-20)).toBe("< 1e−12");
 * ```
 */
export function pValue(p: number): string {
  return p < 1e-12 ? "< 1e−12" : num(p, 3);
}

/**
 * An interval `[lo, hi]`, each end to 3 significant digits.
 *
 * @param interval The ends, [lo, hi].
 * @returns The text.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { interval } from "./_format.ts";
 * expect(interval([0.012388, 0.045612])).toBe("[0.0124, 0.0456]");
 * ```
 */
export function interval([lo, hi]: readonly [number, number]): string {
  return `[${num(lo)}, ${num(hi)}]`;
}

/**
 * A confidence level as a percentage: 0.95 → "95 %", 0.9875 → "98.75 %".
 *
 * @param level The level, in [0, 1].
 * @returns The text.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { percent } from "./_format.ts";
 * expect(percent(0.95)).toBe("95 %");
 * expect(percent(0.9875)).toBe("98.75 %");
 * ```
 */
export function percent(level: number): string {
  return `${Number((level * 100).toPrecision(6))} %`;
}

/**
 * A tolerance in words: "equal exactly" or "within 2 ulps or 1e-06 absolute".
 *
 * @param tol The tolerance of an exact rule, if any.
 * @returns The text.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { toleranceText } from "./_format.ts";
 * expect(toleranceText(undefined)).toBe("equal exactly");
 * expect(toleranceText({ ulps: 2, abs: 0.5 })).toBe("within 2 ulps or 0.5 absolute");
 * ```
 */
export function toleranceText(tol: Tolerance | undefined): string {
  const parts = [
    ...(tol?.ulps ? [`${tol.ulps} ulp${tol.ulps === 1 ? "" : "s"}`] : []),
    ...(tol?.abs ? [`${num(tol.abs)} absolute`] : []),
    ...(tol?.rel ? [`${num(tol.rel)} relative`] : []),
  ];
  return parts.length === 0 ? "equal exactly" : `within ${parts.join(" or ")}`;
}

/**
 * The per-seed summary used in tables: mean ± SE of a list of values.
 *
 * @param values One value per seed, at least one.
 * @returns `"mean ± SE"`, each to 3 significant digits.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { meanSE } from "./_format.ts";
 * expect(meanSE([1, 2, 3])).toBe("2 ± 0.577");
 * ```
 */
export function meanSE(values: number[]): string {
  const s = meanAndSE(values);
  return `${num(s.mean)} ± ${num(s.se)}`;
}
