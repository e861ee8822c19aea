import { expect } from "expect";
import { countMultiplyAdds, countParameters } from "./cost.ts";
import { Dropout } from "./dropout.ts";
import { Linear } from "./linear.ts";
import { ReLU } from "./relu.ts";
import { Rng } from "./rng.ts";
import { Sequential } from "./sequential.ts";

function sourcesNet(seed: number) {
  const rng = new Rng(seed);
  return new Sequential(
    new Linear(784, 256, rng.fork(1)),
    new ReLU(),
    new Dropout(0.5, rng.fork(2)),
    new Linear(256, 128, rng.fork(3)),
    new ReLU(),
    new Dropout(0.3, rng.fork(4)),
    new Linear(128, 10, rng.fork(5)),
  );
}

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
