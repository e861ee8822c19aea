/**
 * Number formatting for evidence (private: not re-exported).
 *
 * @module
 */
import { meanAndSE } from "../stats/mean_se.ts";
import type { Tolerance } from "./rule.ts";

/** A number to `digits` significant digits, without trailing zeros or exponent noise. */
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

/** A p-value: 3 significant digits, "< 1e-12" below that. */
export function pValue(p: number): string {
  return p < 1e-12 ? "< 1e−12" : num(p, 3);
}

/** An interval `[lo, hi]`. */
export function interval([lo, hi]: readonly [number, number]): string {
  return `[${num(lo)}, ${num(hi)}]`;
}

/** A confidence level as a percentage: 0.95 → "95 %", 0.9875 → "98.75 %". */
export function percent(level: number): string {
  return `${Number((level * 100).toPrecision(6))} %`;
}

/** "equal exactly" or "within 2 ulps or 1e-6". */
export function toleranceText(tol: Tolerance | undefined): string {
  const parts = [
    ...(tol?.ulps ? [`${tol.ulps} ulp${tol.ulps === 1 ? "" : "s"}`] : []),
    ...(tol?.abs ? [`${num(tol.abs)} absolute`] : []),
    ...(tol?.rel ? [`${num(tol.rel)} relative`] : []),
  ];
  return parts.length === 0 ? "equal exactly" : `within ${parts.join(" or ")}`;
}

/** The per-seed summary used in tables: mean ± SE of a list of values. */
export function meanSE(values: number[]): string {
  const s = meanAndSE(values);
  return `${num(s.mean)} ± ${num(s.se)}`;
}
