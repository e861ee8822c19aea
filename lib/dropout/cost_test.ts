import { expect } from "expect";
import { countMultiplyAdds, countParameters } from "./cost.ts";
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
