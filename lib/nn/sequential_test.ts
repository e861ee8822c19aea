import { expect } from "expect";
import { dot, maxRelativeDifference, numericGradient, randn } from "./_gradcheck.ts";
import { Dropout } from "./dropout.ts";
import type { Layer } from "./layer.ts";
import { Linear } from "./linear.ts";
import { ReLU } from "./relu.ts";
import { Rng } from "./rng.ts";
import { Sequential } from "./sequential.ts";
import { Tensor } from "./tensor.ts";

/** The same weights and the same dropout stream every time it is called. */
const makeModel = () =>
  new Sequential(
    new Linear(4, 6, new Rng(1), { name: "fc1" }),
    new ReLU(),
    new Dropout(0.3, new Rng(2)),
    new Linear(6, 3, new Rng(3), { name: "fc2" }),
  );

Deno.test("`Sequential.train()` and `eval()` switch every layer and return the model", () => {
  const model = makeModel();
  expect(model.eval()).toBe(model);
  expect(model.layers.map((l) => l.training)).toEqual([false, false, false, false]);
  expect(model.training).toBe(false);
  expect(model.train()).toBe(model);
  expect(model.layers.every((l) => l.training)).toBe(true);
  expect(model.parameters().map((q) => q.name)).toEqual(["fc1.W", "fc1.b", "fc2.W", "fc2.b"]);
  expect(new Sequential([new ReLU()]).layers.length).toBe(1); // an array works too
});

Deno.test("`Sequential.eval()` equals the same network without its dropout layers (claim S1-14)", () => {
  const model = makeModel().eval(), x = randn(5, 4, new Rng(4));
  const [fc1, relu, , fc2] = model.layers;
  const plain = new Sequential(fc1, relu, fc2);
  expect(model.forward(x).toRows()).toEqual(plain.forward(x).toRows());
});

Deno.test("`Sequential.backward()` matches central differences through Linear, ReLU and Dropout", () => {
  const rng = new Rng(5), x = randn(3, 4, rng), g = randn(3, 3, rng);
  const model = makeModel();
  model.forward(x);
  const dX = model.backward(g);
  const dW1 = (model.layers[0] as Linear).W.grad.data;
  // A fresh model redraws the same mask, so each evaluation sees the forward pass's mask.
  const w1 = (model.layers[0] as Linear).W.value.data.slice();
  const loss = () => {
    const fresh = makeModel();
    (fresh.layers[0] as Linear).W.value.data.set(w1);
    return dot(g, fresh.forward(x));
  };
  expect(maxRelativeDifference("Sequential dX", dX.data, numericGradient(loss, x.data, 1e-3)))
    .toBeLessThan(1e-3);
  expect(maxRelativeDifference("Sequential dW1", dW1, numericGradient(loss, w1, 1e-3)))
    .toBeLessThan(1e-3);
  model.zeroGrad();
  expect(model.parameters().every((q) => q.grad.data.every((v) => v === 0))).toBe(true);
});

Deno.test("`Sequential` rejects non-layers and a non-boolean training flag", () => {
  expect(() => new Sequential(new ReLU(), {} as Layer)).toThrow(
    new TypeError("layers[1] must be a Layer, got an Object"),
  );
  expect(() => {
    makeModel().training = "yes" as unknown as boolean;
  }).toThrow(new TypeError('training must be a boolean, got "yes"'));
  expect(() => makeModel().forward(Tensor.zeros(0, 4))).toThrow(/x must have at least one row/);
});

Deno.test("`Sequential.backward(dOut, false)` skips the input gradient but not the weight gradients", () => {
  const build = () => {
    const rng = new Rng(3);
    return new Sequential(new Linear(5, 4, rng.fork(1)), new ReLU(), new Linear(4, 2, rng.fork(2)));
  };
  const x = Tensor.fromRows([[1, -2, 0.5, 3, -1], [0.5, 1, -1, 2, 0]]);
  const dOut = Tensor.fromRows([[1, -1], [0.5, 2]]);
  const a = build(), b = build();
  a.forward(x);
  b.forward(x);
  const dX = a.backward(dOut);
  const skipped = b.backward(dOut, false);
  expect(dX.shape).toBe("2×5");
  expect(skipped.shape).toBe("2×0");
  a.parameters().forEach((p, i) => expect(b.parameters()[i].grad.data).toEqual(p.grad.data));
});

Deno.test("`Sequential.backward(dOut, false)` skips leading layers without parameters", () => {
  const build = () => {
    const rng = new Rng(5);
    return new Sequential(
      new Dropout(0.2, rng.fork(0)),
      new Linear(5, 4, rng.fork(1)),
      new ReLU(),
      new Linear(4, 2, rng.fork(2)),
    );
  };
  const x = Tensor.fromRows([[1, -2, 0.5, 3, -1], [0.5, 1, -1, 2, 0]]);
  const dOut = Tensor.fromRows([[1, -1], [0.5, 2]]);
  const a = build(), b = build();
  a.forward(x);
  b.forward(x);
  expect(a.backward(dOut).shape).toBe("2×5");
  expect(b.backward(dOut, false).shape).toBe("2×0");
  a.parameters().forEach((p, i) => expect(b.parameters()[i].grad.data).toEqual(p.grad.data));
});
