import { expect } from "expect";
import { curveSplits } from "../data/synthetic.ts";
import { summarizeCurve, trainOnCurve } from "./overfit.ts";

const data = curveSplits({ seed: 3, noise: 0.3, nTrain: 20, nValidation: 40, nTest: 40 });

Deno.test("`trainOnCurve()` is seeded: the same options give the same curve", () => {
  const a = trainOnCurve({ seed: 2, p: 0.5, data, epochs: 60, width: 8 });
  const b = trainOnCurve({ seed: 2, p: 0.5, data, epochs: 60, width: 8 });
  expect(a.curve).toEqual(b.curve);
  expect(a.model.training).toBe(false);
});

Deno.test("`trainOnCurve()` starts every p from the same weights and records from `recordFrom`", () => {
  const plain = trainOnCurve({ seed: 4, p: 0, data, epochs: 1, width: 8, evaluateEvery: 1 });
  const dropped = trainOnCurve({ seed: 4, p: 0.5, data, epochs: 50, width: 8, recordFrom: 41 });
  const first = (run: typeof plain) => run.model.parameters()[0].value.data;
  const fresh = trainOnCurve({ seed: 4, p: 0.9, data, epochs: 1, width: 8 });
  // One Adam step moves every weight by about lr, from the same start.
  first(plain).forEach((w, i) => expect(Math.abs(w - first(fresh)[i])).toBeLessThan(0.03));
  expect(dropped.curve.map((c) => c.epoch)).toEqual([50]);
});

Deno.test("`trainOnCurve()` calls `afterStep` once per step", () => {
  let steps = 0;
  trainOnCurve({ seed: 1, p: 0, data, epochs: 7, width: 4, afterStep: () => steps++ });
  expect(steps).toBe(7);
});

Deno.test("`summarizeCurve()` averages the tail and picks the epoch by validation loss", () => {
  const curve = [5, 1, 4, 6].map((v, i) => ({
    epoch: 10 * (i + 1),
    train: 4 - i,
    validation: v,
    test: 2 * v,
  }));
  const s = summarizeCurve({ curve }, 2);
  expect(s).toEqual({
    trainEnd: 1.5,
    validationEnd: 5,
    testEnd: 10,
    gapEnd: 8.5,
    bestEpoch: 20,
    trainAtBest: 3,
    testAtBest: 2,
  });
  expect(() => summarizeCurve({ curve }, 5)).toThrow(
    new RangeError("tail must be an integer in [1, 4], got 5"),
  );
});

Deno.test("`trainOnCurve()` rejects a bad rate, naming it", () => {
  expect(() => trainOnCurve({ seed: 1, p: 1.5, data })).toThrow(
    new RangeError("p must be in [0, 1], got 1.5"),
  );
});
