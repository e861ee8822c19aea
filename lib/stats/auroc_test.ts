import { expect } from "expect";
import { Rng } from "../nn/rng.ts";
import { auroc, rocCurve } from "./auroc.ts";

Deno.test("`auroc()` equals the share of correctly ordered pairs, ties counting half", () => {
  const rng = new Rng(7);
  const pos = Array.from({ length: 40 }, () => Math.round(10 * rng.normal() + 5));
  const neg = Array.from({ length: 30 }, () => Math.round(10 * rng.normal()));
  let pairs = 0;
  for (const a of pos) for (const b of neg) pairs += a > b ? 1 : a === b ? 0.5 : 0;
  expect(auroc(pos, neg).auc).toBeCloseTo(pairs / (40 * 30), 12);
  expect(auroc(neg, pos).auc).toBeCloseTo(1 - pairs / (40 * 30), 12);
});

Deno.test("`auroc()` gives Hanley & McNeil's standard error (A = 0.8, 50 and 50: 0.04450)", () => {
  // Negatives 0 … 49; 40 positives above them all and 10 below: 2000 of 2500 pairs, A = 0.8.
  // By hand: Q1 = 0.8/1.2, Q2 = 1.28/1.8, SE² = (0.16 + 49(Q1 − 0.64) + 49(Q2 − 0.64))/2500.
  const neg = Array.from({ length: 50 }, (_, i) => i);
  const pos = Array.from({ length: 50 }, (_, i) => (i < 40 ? 50.5 : -1));
  const { auc, se } = auroc(pos, neg);
  expect(auc).toBe(0.8);
  expect(se).toBeCloseTo(0.044502, 6);
});

Deno.test("`auroc()`'s standard error matches the spread of AUCs over repeated samples", () => {
  // Scores N(1, 1) against N(0, 1): AUC = Φ(1/√2) ≈ 0.760. Over 400 samples of 60 and 60 the
  // sd of the AUC should be near the Hanley–McNeil SE (it is an approximation: within 20 %).
  const rng = new Rng(11), aucs: number[] = [];
  let se = 0;
  for (let r = 0; r < 400; r++) {
    const pos = Array.from({ length: 60 }, () => 1 + rng.normal());
    const neg = Array.from({ length: 60 }, () => rng.normal());
    const result = auroc(pos, neg);
    aucs.push(result.auc), se += result.se / 400;
  }
  const mean = aucs.reduce((s, v) => s + v, 0) / aucs.length;
  const sd = Math.sqrt(aucs.reduce((s, v) => s + (v - mean) ** 2, 0) / (aucs.length - 1));
  expect(Math.abs(mean - 0.7602)).toBeLessThan(5 * sd / Math.sqrt(400));
  expect(Math.abs(sd / se - 1)).toBeLessThan(0.2);
});

Deno.test("`rocCurve()` rises from (0, 0) to (1, 1); `auroc()` rejects empty or bad scores", () => {
  const curve = rocCurve([0.9, 0.8, 0.3], [0.5, 0.2, 0.1]);
  for (let i = 1; i < curve.length; i++) {
    expect(curve[i].fpr).toBeGreaterThanOrEqual(curve[i - 1].fpr);
    expect(curve[i].tpr).toBeGreaterThanOrEqual(curve[i - 1].tpr);
  }
  expect(() => auroc([], [1])).toThrow(RangeError);
  expect(() => auroc([NaN], [1])).toThrow(
    new TypeError("positives[0] must be a finite number, got NaN"),
  );
});
