import { expect } from "expect";
import { incompleteBeta, tCdf, tQuantile } from "./t_quantile.ts";

/** Student t quantiles from SciPy 1.17 (`scipy.stats.t.ppf`), for q = 0.95, 0.975, 0.995. */
const TABLE: [number, number, number, number][] = [
  [1, 6.313752, 12.706205, 63.656741],
  [2, 2.919986, 4.302653, 9.924843],
  [3, 2.353363, 3.182446, 5.840909],
  [4, 2.131847, 2.776445, 4.604095],
  [5, 2.015048, 2.570582, 4.032143],
  [6, 1.943180, 2.446912, 3.707428],
  [7, 1.894579, 2.364624, 3.499483],
  [8, 1.859548, 2.306004, 3.355387],
  [9, 1.833113, 2.262157, 3.249836],
  [10, 1.812461, 2.228139, 3.169273],
  [12, 1.782288, 2.178813, 3.054540],
  [15, 1.753050, 2.131450, 2.946713],
  [19, 1.729133, 2.093024, 2.860935],
  [20, 1.724718, 2.085963, 2.845340],
  [29, 1.699127, 2.045230, 2.756386],
  [30, 1.697261, 2.042272, 2.749996],
  [50, 1.675905, 2.008559, 2.677793],
  [100, 1.660234, 1.983972, 2.625891],
];

Deno.test("tQuantile() matches SciPy's table to 6 decimals", () => {
  let worst = 0;
  for (const [df, ...values] of TABLE) {
    [0.95, 0.975, 0.995].forEach((q, j) => {
      const got = tQuantile(q, df);
      worst = Math.max(worst, Math.abs(got - values[j]));
      expect(Math.abs(got - values[j])).toBeLessThan(5e-7); // the table is rounded to 6 places
    });
  }
  console.log(`max |tQuantile − table| = ${worst.toExponential(2)}`);
});

Deno.test("tQuantile() is symmetric and inverts tCdf()", () => {
  for (const df of [1, 2.5, 4, 30, 1000]) {
    for (const q of [1e-6, 0.01, 0.3, 0.5, 0.8, 0.999]) {
      const t = tQuantile(q, df);
      expect(tCdf(t, df)).toBeCloseTo(q, 10);
      expect(tQuantile(1 - q, df)).toBeCloseTo(-t, 8);
    }
  }
});

Deno.test("tCdf() for df = 1 is the Cauchy CDF, and approaches the normal for large df", () => {
  for (const t of [-3, -0.5, 0.2, 1, 10]) {
    expect(tCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 13);
  }
  expect(tCdf(1.959964, 1e7)).toBeCloseTo(0.975, 6);
  expect(tCdf(Infinity, 3)).toBe(1);
  expect(tCdf(-Infinity, 3)).toBe(0);
});

Deno.test("incompleteBeta() agrees with closed forms", () => {
  // I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b
  for (const x of [0.01, 0.2, 0.5, 0.9, 0.999]) {
    expect(incompleteBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 13);
    expect(incompleteBeta(x, 1, 4)).toBeCloseTo(1 - (1 - x) ** 4, 13);
  }
});

Deno.test("tQuantile() and tCdf() reject bad input, naming the parameter", () => {
  expect(() => tQuantile(1, 3)).toThrow("q must be a number in (0, 1), got 1");
  expect(() => tQuantile(0.9, 0)).toThrow("df must be a finite number > 0, got 0");
  expect(() => tCdf(NaN, 3)).toThrow("t must be a number, got NaN");
  expect(() => incompleteBeta(1.5, 1, 1)).toThrow("x must be a number in [0, 1], got 1.5");
});
