import { expect } from "expect";
import { inParallel, stopWorkers } from "./parallel.ts";
import { fit, mlp, SGD } from "../nn/mod.ts";
import { noisyCurve } from "../data/mod.ts";

/** A small training run per seed; returns the trained weights' bytes and the losses. */
async function run(seed: number) {
  const data = noisyCurve({ n: 64, noise: 0.1, seed });
  const model = mlp([1, 32, 32, 1], { seed, dropout: [0.5, 0.5] });
  const optimizer = new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
  const history = await fit(model, data, {
    optimizer,
    loss: "mse",
    epochs: 2,
    batchSize: 16,
    seed: seed + 1,
  });
  return {
    weights: model.parameters().map((q) => q.value.data),
    losses: history.map((r) => r.trainLoss),
  };
}

Deno.test("`inParallel()` on workers gives the same bytes as a serial run, in input order", async () => {
  const seeds = [3, 1, 4, 1];
  const serial = await inParallel(seeds, run, { workers: 1 });
  const parallel = await inParallel(seeds, run, { workers: 2 });
  expect(parallel.length).toBe(seeds.length);
  parallel.forEach((r, i) => {
    expect(r.losses).toEqual(serial[i].losses);
    r.weights.forEach((w, k) =>
      expect(new Uint8Array(w.buffer)).toEqual(new Uint8Array(serial[i].weights[k].buffer))
    );
  });
  expect(serial[1]).toEqual(serial[3]); // the same seed twice: the same result
});

Deno.test("`inParallel()` reports a failing task with its input's index", async () => {
  const task = (x: number) => {
    if (x === 2) throw new RangeError("two");
    return x;
  };
  await expect(inParallel([1, 2, 3], task, { workers: 2 })).rejects.toThrow(
    "task failed on inputs[1]: RangeError: two",
  );
});

Deno.test("`inParallel()` rejects bad arguments", async () => {
  await expect(inParallel(3 as unknown as number[], (x) => x)).rejects.toThrow(TypeError);
  await expect(inParallel([1], 3 as unknown as () => 1)).rejects.toThrow(TypeError);
  await expect(inParallel([1], (x) => x, { workers: 0 })).rejects.toThrow(
    "workers must be an integer >= 1, got 0",
  );
});

Deno.test("`inParallel()` starts its workers once and reuses them across calls", async () => {
  // Each worker counts the tasks it has run in its own global: a reused worker keeps counting.
  const count = (_: number) => {
    const g = globalThis as { tasksRun?: number };
    return g.tasksRun = (g.tasksRun ?? 0) + 1;
  };
  stopWorkers();
  expect(await inParallel([0, 1], count, { workers: 2 })).toEqual([1, 1]);
  expect(await inParallel([0, 1], count, { workers: 2 })).toEqual([2, 2]);
  stopWorkers(); // fresh workers start counting again
  expect(await inParallel([0, 1], count, { workers: 2 })).toEqual([1, 1]);
  stopWorkers();
});

Deno.test("`inParallel()` calls made together run one after the other, each in order", async () => {
  const square = (x: number) => x * x;
  const [a, b] = await Promise.all([
    inParallel([1, 2, 3], square, { workers: 2 }),
    inParallel([4, 5], square, { workers: 2 }),
  ]);
  expect(a).toEqual([1, 4, 9]);
  expect(b).toEqual([16, 25]);
  stopWorkers();
});

Deno.test("large typed arrays in inputs reach the workers intact (shared, not copied)", async () => {
  const big = new Float32Array(50_000).map((_, i) => i / 7); // 200 KB: sent as shared memory
  const small = new Int32Array([3, 1, 2]);
  const inputs = [0, 1, 2, 3].map((k) => ({ k, big, small, nested: [{ big }] }));
  const task = (
    input: { k: number; big: Float32Array; small: Int32Array; nested: { big: Float32Array }[] },
  ) => {
    let s = 0;
    for (let i = 0; i < input.big.length; i++) s += input.big[i];
    return [input.k, s, input.small[0], input.nested[0].big.length, input.big.constructor.name];
  };
  const [parallel, serial] = [
    await inParallel(inputs, task, { workers: 2 }),
    await inParallel(inputs, task, { workers: 1 }),
  ];
  expect(parallel).toEqual(serial);
  expect(parallel[3]).toEqual([3, serial[3][1], 3, 50_000, "Float32Array"]);
  stopWorkers();
});
