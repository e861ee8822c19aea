import { expect } from "expect";
import type { Parameter } from "./layer.ts";
import { Adam, SGD } from "./optim.ts";
import { Tensor } from "./tensor.ts";
import { Rng } from "./rng.ts";
import { sgdFast } from "./_sgd_wasm.ts";

const param = (name: string, value: number[][], grad: number[][]): Parameter => ({
  name,
  value: Tensor.fromRows(value),
  grad: Tensor.fromRows(grad),
});

Deno.test("`SGD` with momentum and weight decay follows PyTorch's update", () => {
  const w = param("w.W", [[1]], [[0.5]]);
  const opt = new SGD([w], { lr: 0.1, momentum: 0.9, weightDecay: 0.1 });
  opt.step(); // g = 0.5 + 0.1·1 = 0.6; v = 0.6; w = 1 − 0.06 = 0.94
  expect(w.value.get(0, 0)).toBeCloseTo(0.94, 6);
  opt.step(); // g = 0.5 + 0.094 = 0.594; v = 0.54 + 0.594 = 1.134; w = 0.94 − 0.1134
  expect(w.value.get(0, 0)).toBeCloseTo(0.8266, 6);
  opt.zeroGrad();
  expect(w.grad.get(0, 0)).toBe(0);
});

Deno.test("`Adam` matches two hand-computed steps with bias correction", () => {
  const w = param("w.W", [[1]], [[2]]);
  const opt = new Adam([w], { lr: 0.1 });
  opt.step(); // m̂ = 2, v̂ = 4: w = 1 − 0.1·2/(2 + 1e-8)
  expect(w.value.get(0, 0)).toBeCloseTo(0.9, 6);
  w.grad.set(0, 0, -1);
  opt.step();
  const m = 0.9 * 0.2 + 0.1 * -1, v = 0.999 * 0.004 + 0.001 * 1;
  const step = (0.1 * (m / (1 - 0.9 ** 2))) / (Math.sqrt(v / (1 - 0.999 ** 2)) + 1e-8);
  expect(w.value.get(0, 0)).toBeCloseTo(Math.fround(0.9) - step, 6);
});

Deno.test("`SGD` and `Adam` minimise a quadratic", () => {
  for (
    const make of [
      (q: Parameter[]) => new SGD(q, { lr: 0.1 }),
      (q: Parameter[]) => new Adam(q, { lr: 0.05 }),
    ]
  ) {
    const w = param("w.W", [[3, -2]], [[0, 0]]), opt = make([w]);
    for (let t = 0; t < 500; t++) {
      opt.zeroGrad();
      w.value.data.forEach((v, i) => w.grad.data[i] = 2 * (v - 1)); // L = Σ (w − 1)²
      opt.step();
    }
    for (const v of w.value.data) expect(Math.abs(v - 1)).toBeLessThan(1e-2);
  }
});

Deno.test("max-norm rescales each weight column to norm ≤ c and leaves biases alone", () => {
  // Columns of W (in × out = 2 × 2): unit 0 has weights (3, 4) (norm 5), unit 1 (0.3, 0.4).
  const w = param("fc.W", [[3, 0.3], [4, 0.4]], [[0, 0], [0, 0]]);
  const b = param("fc.b", [[10, 10]], [[0, 0]]);
  for (const opt of [new SGD([w, b], { lr: 0.1, maxNorm: 2 }), new Adam([w, b], { maxNorm: 2 })]) {
    opt.step();
    expect(Math.hypot(w.value.get(0, 0), w.value.get(1, 0))).toBeCloseTo(2, 6);
    expect(w.value.get(0, 1)).toBeCloseTo(0.3, 6); // below c: untouched
    expect(b.value.toRows()).toEqual([[10, 10]]);
  }
});

Deno.test("optimizers reject bad hyperparameters and parameter lists naming them", () => {
  const w = () => [param("w.W", [[1]], [[1]])];
  expect(() => new SGD(w(), { lr: 0 })).toThrow(
    new RangeError("lr must be a finite number > 0, got 0"),
  );
  expect(() => new SGD(w(), { lr: NaN })).toThrow(RangeError);
  expect(() => new SGD(w(), { lr: 0.1, momentum: 1 })).toThrow(
    new RangeError("momentum must be in [0, 1), got 1"),
  );
  expect(() => new SGD(w(), { lr: 0.1, weightDecay: -1 })).toThrow(
    new RangeError("weightDecay must be a finite number >= 0, got -1"),
  );
  expect(() => new SGD(w(), { lr: 0.1, maxNorm: 0 })).toThrow(
    /maxNorm must be a finite number > 0/,
  );
  expect(() => new SGD(w(), undefined as unknown as { lr: number })).toThrow(
    new TypeError(
      "options must be an object { lr, momentum?, weightDecay?, maxNorm? }, got undefined",
    ),
  );
  expect(() => new SGD([], { lr: 0.1 })).toThrow(
    new RangeError("params must not be empty, got 0 parameters"),
  );
  expect(() => new Adam((() => []) as unknown as Parameter[])).toThrow(
    /params must be an array of Parameters/,
  );
  expect(() => new Adam([{ name: "x" } as Parameter])).toThrow(
    /params\[0\].value must be a Tensor/,
  );
  expect(() => new Adam(w(), { beta1: 1 })).toThrow(
    new RangeError("beta1 must be in [0, 1), got 1"),
  );
  expect(() => new Adam(w(), { beta2: -0.1 })).toThrow(RangeError);
  expect(() => new Adam(w(), { eps: 0 })).toThrow(/eps must be a finite number > 0/);
  expect(() => new Adam(w(), { lr: "1" as unknown as number })).toThrow(
    new TypeError('lr must be a finite number > 0, got "1"'),
  );
});

Deno.test("`SGD.step()`'s wasm fast path gives the plain loop's bytes, odd sizes and non-finite values too", () => {
  const rng = new Rng(5);
  const make = () => {
    const rng2 = new Rng(9);
    return [201, 7, 1, 4, 3].map((n, k) => {
      const w = new Tensor(1, n), g = new Tensor(1, n);
      for (let i = 0; i < n; i++) w.data[i] = 2 * rng2.uniform() - 1;
      if (k === 0) w.data[3] = Infinity, w.data[4] = NaN, w.data[5] = -0;
      return { name: `p${k}.W`, value: w, grad: g };
    });
  };
  const fast = make(), plain = make();
  const options = { lr: 0.05, momentum: 0.9, weightDecay: 1e-3 };
  const [a, b] = [new SGD(fast, options), new SGD(plain, options)];
  for (let t = 0; t < 5; t++) {
    fast.forEach((q, k) => {
      for (let i = 0; i < q.grad.data.length; i++) {
        const v = 2 * rng.uniform() - 1;
        q.grad.data[i] = v, plain[k].grad.data[i] = v;
      }
    });
    sgdFast.enabled = true;
    a.step();
    sgdFast.enabled = false;
    b.step();
    sgdFast.enabled = true;
    fast.forEach((q, k) => expect(bytes(q.value.data)).toEqual(bytes(plain[k].value.data)));
  }
});

const bytes = (x: Float32Array) => new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
