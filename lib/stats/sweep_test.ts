import { expect } from "expect";
import { runKey, seedStats, sweep } from "./sweep.ts";
import { Rng } from "../nn/rng.ts";

Deno.test("`seedStats()` gives mean, sample sd (n − 1) and sd/√n", () => {
  const s = seedStats([0.12, 0.15, 0.09, 0.14]);
  expect(s.n).toBe(4);
  expect(s.mean).toBeCloseTo(0.125, 15);
  const sd = Math.sqrt((0.005 ** 2 + 0.025 ** 2 + 0.035 ** 2 + 0.015 ** 2) / 3);
  expect(s.sd).toBeCloseTo(sd, 15);
  expect(s.se).toBeCloseTo(sd / 2, 15);
  expect(seedStats([7])).toEqual({ n: 1, mean: 7, sd: 0, se: 0 });
});

Deno.test("`seedStats()`: the SE of n normal draws is within 5 SE of σ/√n on average", () => {
  // Average the squared SE over many groups of 5 draws: E[se²] = σ²/n exactly.
  const rng = new Rng(11), groups = 20000, n = 5, sigma = 2;
  let sum = 0, sumSq = 0;
  for (let g = 0; g < groups; g++) {
    const se2 = seedStats(Array.from({ length: n }, () => sigma * rng.normal())).se ** 2;
    sum += se2, sumSq += se2 * se2;
  }
  const mean = sum / groups, sdOfMean = Math.sqrt((sumSq / groups - mean * mean) / groups);
  expect(Math.abs(mean - sigma ** 2 / n)).toBeLessThan(5 * sdOfMean);
});

Deno.test("`seedStats()` rejects empty or non-finite input, naming the value", () => {
  expect(() => seedStats([])).toThrow(/non-empty/);
  expect(() => seedStats([1, NaN])).toThrow("values[1] must be a finite number, got NaN");
});

Deno.test("`runKey()` ignores the order of a setting's keys", () => {
  expect(runKey({ b: 2, a: "x" }, 1)).toBe("a=x,b=2#seed=1");
  expect(runKey({ a: "x", b: 2 }, 1)).toBe(runKey({ b: 2, a: "x" }, 1));
  expect(runKey({ a: 1 }, 1)).not.toBe(runKey({ a: 1 }, 2));
  expect(() => runKey(null as never, 1)).toThrow(TypeError);
});

Deno.test("`sweep()` runs configs × seeds in order and reuses cached runs", async () => {
  const cache = new Map<string, string>();
  const calls: string[] = [];
  const run = async (c: { n: number }, seed: number) => {
    await Promise.resolve();
    calls.push(`${c.n}/${seed}`);
    return `n${c.n}s${seed}`;
  };
  const progress: string[] = [];
  const first = await sweep([{ n: 1 }, { n: 2 }], [5, 6], run, {
    cache,
    onRun: (done, total) => void progress.push(`${done}/${total}`),
  });
  expect(first.map((r) => [r.config.n, r.seed, r.result])).toEqual([
    [1, 5, "n1s5"],
    [1, 6, "n1s6"],
    [2, 5, "n2s5"],
    [2, 6, "n2s6"],
  ]);
  expect(progress).toEqual(["1/4", "2/4", "3/4", "4/4"]);
  const second = await sweep([{ n: 2 }, { n: 3 }], [5, 6], run, { cache });
  expect(second.map((r) => r.result)).toEqual(["n2s5", "n2s6", "n3s5", "n3s6"]);
  expect(calls).toEqual(["1/5", "1/6", "2/5", "2/6", "3/5", "3/6"]);
});

Deno.test("`sweep()` checks its arguments", async () => {
  const run = () => 0;
  await expect(sweep([{}], [], run)).rejects.toThrow(/seeds must be a non-empty array/);
  await expect(sweep([{}], [1.5], run)).rejects.toThrow(
    "seeds[0] must be a safe integer (|seeds[0]| <= 2^53 - 1), got 1.5",
  );
  await expect(sweep("x" as never, [1], run)).rejects.toThrow(TypeError);
  await expect(sweep([{}], [1], 3 as never)).rejects.toThrow(/run must be a function/);
});
