import { expect } from "expect";
import { Dropout, mlp } from "../nn/mod.ts";
import { scaleFixRun, withoutDropout } from "./scale_fixes.ts";

Deno.test("`withoutDropout()` shares every other layer and drops the Dropout layers", () => {
  const net = mlp([3, 8, 8, 2], { seed: 1, dropout: 0.5 });
  const bare = withoutDropout(net);
  expect(bare.layers.some((l) => l instanceof Dropout)).toBe(false);
  expect(bare.parameters()).toEqual(net.parameters());
  expect(() => withoutDropout({} as never)).toThrow(TypeError);
});

Deno.test("`scaleFixRun()` is seeded and the two standard-mode rows share weights", async () => {
  const a = await scaleFixRun(3, { epochs: 3, width: 8 });
  const b = await scaleFixRun(3, { epochs: 3, width: 8 });
  expect(a).toEqual(b);
  expect(a.every((r) => r.seed === 3 && Number.isFinite(r.mse))).toBe(true);
  expect(a[0].mse).not.toBe(a[1].mse); // no correction vs × (1 − p): the same weights, scaled
});
