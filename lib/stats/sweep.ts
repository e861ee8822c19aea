/**
 * Sweeps: run one experiment over a grid of settings and several seeds, train
 * each (setting, seed) pair once, and summarize the seeds of each setting by
 * their mean and standard error.
 *
 * @module
 */
import { checkInteger, checkObject, describe } from "../nn/_check.ts";
import { type MeanAndSE, meanAndSE } from "./mean_se.ts";

/** The spread of one quantity over seeds: `{ n, mean, sd, se }`, as {@linkcode meanAndSE} gives it. */
export type SeedStats = MeanAndSE;

/**
 * Mean, sample standard deviation and standard error of the mean of a few
 * numbers (typically one result per seed): {@linkcode meanAndSE} under the
 * name the sweeps use.
 *
 * @param values At least one finite number.
 * @returns `{ n, mean, sd, se }`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { seedStats } from "./sweep.ts";
 * const s = seedStats([1, 2, 3]);
 * expect(s.mean).toBe(2);
 * expect(s.sd).toBe(1); // √(((−1)² + 0² + 1²) / 2)
 * expect(s.se).toBeCloseTo(1 / Math.sqrt(3), 15);
 * ```
 */
export function seedStats(values: readonly number[]): SeedStats {
  if (!Array.isArray(values) || values.length === 0) {
    throw new RangeError(`values must be a non-empty array of numbers, got ${describe(values)}`);
  }
  return meanAndSE(values);
}

/** One finished run of a sweep. */
export interface SweepRun<C, R> {
  /** The setting it ran with. */
  config: C;
  /** The seed it ran with. */
  seed: number;
  /** What `run` returned. */
  result: R;
}

/** Options of {@linkcode sweep}. */
export interface SweepOptions<R> {
  /**
   * Results already computed, by {@linkcode runKey}. `sweep` reads it before
   * running and stores every new result in it, so two sweeps that share a
   * cache never train the same (setting, seed) twice.
   */
  cache?: Map<string, R>;
  /** Called after each run (computed or cached), e.g. to report progress. */
  onRun?: (done: number, total: number) => void | Promise<void>;
}

/**
 * A key that names a (setting, seed) pair: the setting's own keys sorted, so
 * `{ n: 1, keep: 0.5 }` and `{ keep: 0.5, n: 1 }` name the same run.
 *
 * @param config A plain object of numbers, strings and booleans.
 * @param seed The seed.
 * @returns A string such as `"keep=0.5,n=1#seed=3"`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { runKey } from "./sweep.ts";
 * expect(runKey({ n: 1, keep: 0.5 }, 3)).toBe(runKey({ keep: 0.5, n: 1 }, 3));
 * expect(runKey({ n: 1, keep: 0.5 }, 3)).toBe("keep=0.5,n=1#seed=3");
 * ```
 */
export function runKey(config: object, seed: number): string {
  if (config === null || typeof config !== "object") {
    throw new TypeError(`config must be an object, got ${describe(config)}`);
  }
  checkInteger("seed", seed, Number.MIN_SAFE_INTEGER);
  const fields = Object.entries(config).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${fields.map(([k, v]) => `${k}=${v}`).join(",")}#seed=${seed}`;
}

/**
 * Runs `run(config, seed)` for every setting and every seed, settings in the
 * outer loop, and returns the results in that order. Each run must draw all
 * its randomness from its seed, so the order (and the cache) cannot change a
 * result.
 *
 * @param configs The settings, plain objects (see {@linkcode runKey}).
 * @param seeds The seeds, integers.
 * @param run Trains or measures one (setting, seed) pair; may be async.
 * @param options A shared `cache` and an `onRun` progress callback.
 * @returns One {@linkcode SweepRun} per (setting, seed), configs × seeds in order.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { sweep } from "./sweep.ts";
 * const cache = new Map<string, number>();
 * let calls = 0;
 * const square = ({ x }: { x: number }, seed: number) => (calls++, x * x + seed);
 * await sweep([{ x: 1 }, { x: 2 }], [0, 10], square, { cache });
 * const rows = await sweep([{ x: 2 }, { x: 3 }], [0, 10], square, { cache });
 * expect(rows.map((r) => r.result)).toEqual([4, 14, 9, 19]);
 * expect(calls).toBe(6); // x = 2 was computed once and reused
 * ```
 */
export async function sweep<C extends object, R>(
  configs: readonly C[],
  seeds: readonly number[],
  run: (config: C, seed: number) => R | Promise<R>,
  options: SweepOptions<R> = {},
): Promise<SweepRun<C, R>[]> {
  if (!Array.isArray(configs)) {
    throw new TypeError(`configs must be an array, got ${describe(configs)}`);
  }
  if (!Array.isArray(seeds) || seeds.length === 0) {
    throw new RangeError(`seeds must be a non-empty array of integers, got ${describe(seeds)}`);
  }
  seeds.forEach((s, i) => checkInteger(`seeds[${i}]`, s, Number.MIN_SAFE_INTEGER));
  if (typeof run !== "function") {
    throw new TypeError(`run must be a function, got ${describe(run)}`);
  }
  checkObject("options", options, "an object { cache?, onRun? }");
  if (options.cache !== undefined && !(options.cache instanceof Map)) {
    throw new TypeError(`cache must be a Map, got ${describe(options.cache)}`);
  }
  if (options.onRun !== undefined && typeof options.onRun !== "function") {
    throw new TypeError(`onRun must be a function, got ${describe(options.onRun)}`);
  }
  const cache = options.cache ?? new Map<string, R>();
  const total = configs.length * seeds.length;
  const rows: SweepRun<C, R>[] = [];
  for (const config of configs) {
    for (const seed of seeds) {
      const key = runKey(config, seed);
      if (!cache.has(key)) cache.set(key, await run(config, seed));
      rows.push({ config, seed, result: cache.get(key)! });
      await options.onRun?.(rows.length, total);
    }
  }
  return rows;
}
