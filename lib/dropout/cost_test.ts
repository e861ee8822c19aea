import { expect } from "expect";
import { countMultiplyAdds, countParameters, withMultiplyAddCounter } from "./cost.ts";
import { mlp } from "../nn/mlp.ts";

const sourcesNet = (seed: number) => mlp([784, 256, 128, 10], { seed, dropout: [0.5, 0.3] });

Deno.test("the sources' 784-256-128-10 network: parameters and multiply-adds", () => {
  const model = sourcesNet(1);
  expect(countParameters(model)).toBe(784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10);
  expect(countMultiplyAdds(model)).toBe(784 * 256 + 256 * 128 + 128 * 10);
  expect(countMultiplyAdds(model, 64)).toBe(64 * (784 * 256 + 256 * 128 + 128 * 10));
});

Deno.test("K members cost K times one member (claim S1-4)", () => {
  const members = [1, 2, 3, 4, 5].map(sourcesNet);
  const params = members.reduce((s, m) => s + countParameters(m), 0);
  const madds = members.reduce((s, m) => s + countMultiplyAdds(m), 0);
  expect(params).toBe(5 * countParameters(members[0]));
  expect(madds).toBe(5 * countMultiplyAdds(members[0]));
});

Deno.test("`countMultiplyAdds()` rejects a batch below 1", () => {
  expect(() => countMultiplyAdds(sourcesNet(1), 0)).toThrow(
    new RangeError("batch must be an integer >= 1, got 0"),
  );
});

Deno.test("`withMultiplyAddCounter()` tallies what a training run executes", async () => {
  const { fit } = await import("../nn/train.ts");
  const { SGD } = await import("../nn/optim.ts");
  const { Tensor } = await import("../nn/tensor.ts");
  const net = mlp([6, 5, 3], { seed: 1 });
  const { model, tally } = withMultiplyAddCounter(net);
  expect(model.parameters()).toEqual(net.parameters()); // the same parameters, shared
  const x = Tensor.zeros(10, 6), y = new Int32Array(10);
  const optimizer = new SGD(model.parameters(), { lr: 0.1 });
  await fit(model, { x, y }, {
    optimizer,
    loss: "cross-entropy",
    epochs: 2,
    batchSize: 4,
    seed: 0,
  });
  const perExample = 6 * 5 + 5 * 3;
  // 2 epochs of 10 examples forward, plus one evaluation pass over the 10 per epoch.
  expect(tally.forward).toBe(2 * 10 * perExample + 2 * 10 * perExample);
  // Backward: dW for both layers, dX only for the second (the first layer's input is data).
  expect(tally.backward).toBe(2 * 10 * (6 * 5 + 2 * 5 * 3));
});
