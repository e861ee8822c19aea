import { expect } from "expect";
import { dot, maxRelativeDifference, numericGradient, randn } from "./_gradcheck.ts";
import { ReLU } from "./relu.ts";
import { Rng } from "./rng.ts";
import { Tensor } from "./tensor.ts";

Deno.test("`ReLU.forward()` is max(0, x) and keeps NaN visible", () => {
  const relu = new ReLU();
  const y = relu.forward(Tensor.fromRows([[-2, -0, 0, 3, NaN, Infinity]]));
  expect([...y.data]).toEqual([0, 0, 0, 3, NaN, Infinity]);
  expect(relu.lastOutput).toBe(y);
  expect(relu.parameters()).toEqual([]);
});

Deno.test("`ReLU.backward()` matches central differences away from the kink", () => {
  const rng = new Rng(1), relu = new ReLU(), g = randn(4, 5, rng);
  const x = randn(4, 5, rng);
  for (let i = 0; i < x.data.length; i++) x.data[i] += x.data[i] > 0 ? 0.1 : -0.1; // |x| > 0.1 > h
  relu.forward(x);
  const dX = relu.backward(g);
  const numeric = numericGradient(() => dot(g, new ReLU().forward(x)), x.data, 1e-2);
  expect(maxRelativeDifference("ReLU dX", dX.data, numeric)).toBeLessThan(1e-5);
  expect(relu.backward(Tensor.fromRows(Array(4).fill([1, 1, 1, 1, 1]))).data.some((v) => v === 0))
    .toBe(true);
});

Deno.test("`ReLU` rejects empty batches, bad shapes and backward before forward", () => {
  const relu = new ReLU();
  expect(() => relu.backward(Tensor.zeros(1, 1))).toThrow("ReLU.backward called before forward");
  expect(() => relu.forward(Tensor.zeros(0, 3))).toThrow(
    new RangeError("x must have at least one row (an empty batch), got 0×3"),
  );
  relu.forward(Tensor.zeros(2, 3));
  expect(() => relu.backward(Tensor.zeros(3, 2))).toThrow(
    new RangeError("dOut and the last output have mismatched shapes: dOut is 3×2, output is 2×3"),
  );
  expect(() => relu.forward({} as Tensor)).toThrow(TypeError);
});

Deno.test("ReLU's branch-free loops give the plain rule's bytes, NaN, ±0 and ±∞ included", () => {
  const specials = [NaN, -NaN, 0, -0, Infinity, -Infinity, 1e-45, -1e-45, 3.5, -2];
  const rng = new Rng(12), n = 4000, x = new Tensor(40, n / 40), dOut = new Tensor(40, n / 40);
  for (let i = 0; i < n; i++) {
    x.data[i] = i < specials.length ? specials[i] : rng.normal();
    dOut.data[i] = i % 7 === 0 ? specials[i % specials.length] : rng.normal();
  }
  // The rule, as a plain loop: y = x where x > 0 or x is NaN, else 0; dX = x > 0 ? dOut : 0.
  const y = new Float32Array(n), dX = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const v = x.data[i];
    y[i] = v > 0 ? v : Number.isNaN(v) ? v : 0;
    dX[i] = v > 0 ? dOut.data[i] : 0;
  }
  const relu = new ReLU();
  const bytes = (a: Float32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const got = relu.forward(x).data;
  for (let i = 0; i < n; i++) {
    expect(Object.is(got[i], y[i]) || (isNaN(got[i]) && isNaN(y[i]))).toBe(true);
  }
  expect(bytes(relu.backward(dOut).data)).toEqual(bytes(dX));
});
