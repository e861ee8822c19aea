import { expect } from "expect";
import { dot, maxRelativeDifference, numericGradient, randn } from "./_gradcheck.ts";
import { Linear } from "./linear.ts";
import { matmulReference } from "./matmul.ts";
import { Rng } from "./rng.ts";
import { Tensor } from "./tensor.ts";

Deno.test("`Linear` draws W and b from U(−1/√in, 1/√in) (PyTorch's default)", () => {
  const inF = 400, layer = new Linear(inF, 300, new Rng(1)), bound = 1 / Math.sqrt(inF);
  const w = layer.W.value.data;
  expect(w.every((v) => Math.abs(v) <= bound)).toBe(true);
  expect(layer.b.value.data.every((v) => Math.abs(v) <= bound)).toBe(true);
  // U(−c, c) has variance c²/3; w² has variance c⁴(1/5 − 1/9) = 4c⁴/45.
  let sumSq = 0;
  for (const v of w) sumSq += v * v;
  const n = w.length;
  expect(Math.abs(sumSq / n - bound ** 2 / 3)).toBeLessThan(
    5 * Math.sqrt((4 * bound ** 4) / 45 / n),
  );
  expect(layer.W.value.shape).toBe("400×300");
  expect(layer.b.value.shape).toBe("1×300");
  expect(new Linear(2, 1, new Rng(1)).W.value.get(0, 0)).toBe(
    new Linear(2, 1, new Rng(1)).W.value.get(0, 0),
  );
});

Deno.test("`Linear.forward()` computes x·W + b", () => {
  const layer = new Linear(3, 2, new Rng(2));
  layer.W.value.data.set([1, 2, 3, 4, 5, 6]);
  layer.b.value.data.set([10, 20]);
  const y = layer.forward(Tensor.fromRows([[1, 0, 1], [0, 1, 0]]));
  expect(y.toRows()).toEqual([[16, 28], [13, 24]]);
  expect(layer.lastOutput).toBe(y);
});

Deno.test("`Linear.backward()` matches central differences for x, W and b", () => {
  const rng = new Rng(3), layer = new Linear(5, 4, rng, { name: "fc" });
  const x = randn(3, 5, rng), g = randn(3, 4, rng);
  layer.forward(x);
  const dX = layer.backward(g);
  const loss = () => dot(g, layer.forward(x));
  expect(maxRelativeDifference("Linear dX", dX.data, numericGradient(loss, x.data))).toBeLessThan(
    1e-4,
  );
  const dW = numericGradient(loss, layer.W.value.data);
  expect(maxRelativeDifference("Linear dW", layer.W.grad.data, dW)).toBeLessThan(1e-4);
  const dB = numericGradient(loss, layer.b.value.data);
  expect(maxRelativeDifference("Linear dB", layer.b.grad.data, dB)).toBeLessThan(1e-4);
  // dW = xᵀ·dOut, as the plain reference product computes it (up to float32 rounding).
  const xT = new Tensor(5, 3);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 5; j++) xT.set(j, i, x.get(i, j));
  const ref = matmulReference(xT, g).data;
  expect(layer.W.grad.data.every((v, i) => Math.abs(v - ref[i]) < 1e-6)).toBe(true);
});

Deno.test("`Linear` gradients accumulate until zeroed", () => {
  const rng = new Rng(4), layer = new Linear(2, 2, rng), x = randn(3, 2, rng), g = randn(3, 2, rng);
  layer.forward(x);
  layer.backward(g);
  const once = layer.W.grad.data.slice();
  layer.backward(g);
  expect([...layer.W.grad.data]).toEqual([...once].map((v) => Math.fround(2 * v)));
});

Deno.test("`Linear` rejects bad sizes, shapes and empty batches", () => {
  const rng = new Rng(5), layer = new Linear(5, 2, rng);
  expect(() => layer.forward(Tensor.zeros(3, 4))).toThrow(
    new RangeError("x and W have mismatched shapes: x is 3×4, W is 5×2"),
  );
  expect(() => layer.forward(Tensor.zeros(0, 5))).toThrow(
    new RangeError("x must have at least one row (an empty batch), got 0×5"),
  );
  expect(() => layer.backward(Tensor.zeros(1, 2))).toThrow("Linear.backward called before forward");
  layer.forward(Tensor.zeros(3, 5));
  expect(() => layer.backward(Tensor.zeros(3, 3))).toThrow(
    new RangeError("dOut and the last output have mismatched shapes: dOut is 3×3, output is 3×2"),
  );
  expect(() => new Linear(0, 2, rng)).toThrow(
    new RangeError("inFeatures must be an integer >= 1, got 0"),
  );
  expect(() => new Linear(2, 1.5, rng)).toThrow(/outFeatures must be an integer >= 1, got 1.5/);
  expect(() => new Linear(2, 2, undefined as unknown as Rng)).toThrow(
    new TypeError("rng must be an Rng, got undefined"),
  );
  expect(() => new Linear(2, 2, rng, { name: 3 as unknown as string })).toThrow(
    /name must be a string/,
  );
});
