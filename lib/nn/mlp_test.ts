import { expect } from "expect";
import { Dropout } from "./dropout.ts";
import { Linear } from "./linear.ts";
import { mlp } from "./mlp.ts";

Deno.test("`mlp()` builds the sources' 784-256-128-10 network with dropout 0.5 and 0.3", () => {
  const model = mlp([784, 256, 128, 10], { seed: 1, dropout: [0.5, 0.3] });
  const drops = model.layers.filter((l) => l instanceof Dropout) as Dropout[];
  expect(drops.map((d) => d.p)).toEqual([0.5, 0.3]);
  const linears = model.layers.filter((l) => l instanceof Linear) as Linear[];
  expect(linears.map((l) => [l.inFeatures, l.outFeatures])).toEqual([[784, 256], [256, 128], [
    128,
    10,
  ]]);
});

Deno.test("`mlp()` gives the same initial weights whatever the dropout rates", () => {
  const a = mlp([5, 8, 3], { seed: 4 });
  const b = mlp([5, 8, 3], { seed: 4, dropout: 0.5, inputDropout: 0.2 });
  expect(b.layers[0]).toBeInstanceOf(Dropout);
  a.parameters().forEach((p, i) => expect(b.parameters()[i].value.data).toEqual(p.value.data));
});

Deno.test("`mlp()` rejects bad sizes and rates, naming them", () => {
  expect(() => mlp([5], { seed: 1 })).toThrow(RangeError);
  expect(() => mlp([5, 0, 2], { seed: 1 })).toThrow(
    new RangeError("sizes[1] must be an integer >= 1, got 0"),
  );
  expect(() => mlp([5, 4, 2], { seed: 1, dropout: [0.5, 0.5] })).toThrow(
    new RangeError("dropout must give one rate per hidden layer (1), got 2"),
  );
  expect(() => mlp([5, 4, 2], { seed: 1, dropout: -0.1 })).toThrow(
    new RangeError("dropout must be in [0, 1], got -0.1"),
  );
  expect(() => mlp([4, 5, 3], undefined as never)).toThrow(
    new TypeError(
      "options must be an object { seed, dropout?, inputDropout?, mode? }, got undefined",
    ),
  );
  expect(() => mlp([4, 5, 3], { seed: 1, dropout: null as never })).toThrow(
    new TypeError("dropout must be a number in [0, 1], got null"),
  );
  expect(() => mlp([5, 4, 2], { seed: 1, inputDropout: 1.2 })).toThrow(
    new RangeError("inputDropout must be in [0, 1], got 1.2"),
  );
});
