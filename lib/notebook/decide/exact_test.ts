import { expect } from "expect";
import { decide } from "../decide.ts";

Deno.test("exact: holds within tolerance, wrong as stated outside it", () => {
  const f = Math.fround(0.13 / 0.8);
  expect(decide({ test: "exact" }, { cases: [{ name: "a", got: 1, want: 1 }] }).verdict)
    .toBe("holds");
  expect(decide({ test: "exact" }, { cases: [{ name: "a", got: f, want: 0.1625 }] }).verdict)
    .toBe("wrong as stated");
  const ulps = decide({ test: "exact", tolerance: { ulps: 1 } }, {
    cases: [{ name: "a", got: new Float32Array([f]), want: [0.1625] }],
  });
  expect(ulps.verdict).toBe("holds");
  expect(
    decide({ test: "exact", tolerance: { abs: 0.1 } }, {
      cases: [{ name: "a", got: [1, 2], want: [1, 2.2] }],
    }).verdict,
  ).toBe("wrong as stated");
  expect(
    decide({ test: "exact", tolerance: { rel: 0.1 } }, {
      cases: [{ name: "a", got: [1, 2], want: [1, 2.2] }],
    }).verdict,
  ).toBe("holds");
});
