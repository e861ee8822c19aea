import { expect } from "expect";
import { sweepInParallel } from "./sweep_in_parallel.ts";
import { sweep } from "./sweep.ts";
import { Rng } from "../nn/rng.ts"; // for this thread; each worker has the course's own

/** A run that depends only on its input: a seeded draw from the course's Rng. */
const task = ({ x, seed }: { x: number; seed: number }) => x + new Rng(seed).uniform();

Deno.test("`sweepInParallel()` gives the runs of `sweep()` in the same order, on workers", async () => {
  const configs = [{ x: 1 }, { x: 2 }, { x: 3 }], seeds = [5, 6];
  const serial = await sweep(configs, seeds, ({ x }, seed) => x + new Rng(seed).uniform());
  const parallel = await sweepInParallel(configs, seeds, (c, seed) => ({ ...c, seed }), task, {
    workers: 2,
  });
  expect(parallel).toEqual(serial);
});

Deno.test("`sweepInParallel()` trains only runs missing from the cache, each once", async () => {
  const cache = new Map<string, number>();
  const built: string[] = [];
  const input = (c: { x: number }, seed: number) => (built.push(`${c.x}/${seed}`), { ...c, seed });
  await sweepInParallel([{ x: 1 }, { x: 1 }], [1], input, task, { cache, workers: 1 });
  expect(built).toEqual(["1/1"]); // a setting listed twice runs once
  const rows = await sweepInParallel([{ x: 1 }, { x: 2 }], [1, 2], input, task, { cache });
  expect(built).toEqual(["1/1", "1/2", "2/1", "2/2"]);
  expect(rows.map((r) => [r.config.x, r.seed])).toEqual([[1, 1], [1, 2], [2, 1], [2, 2]]);
  expect(cache.size).toBe(4);
});

Deno.test("`sweepInParallel()` rejects bad arguments, naming the value", async () => {
  const input = (c: { x: number }, seed: number) => ({ ...c, seed });
  await expect(sweepInParallel([{ x: 1 }], [], input, task)).rejects.toThrow(/non-empty/);
  await expect(sweepInParallel([{ x: 1 }], [1.5], input, task)).rejects.toThrow(
    "seeds[0] must be an integer, got 1.5",
  );
  await expect(sweepInParallel(3 as never, [1], input, task)).rejects.toThrow(TypeError);
  await expect(sweepInParallel([{ x: 1 }], [1], 3 as never, task)).rejects.toThrow(TypeError);
});
