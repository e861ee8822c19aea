/**
 * `sweepInParallel`: a {@linkcode sweep} whose new runs go to
 * {@linkcode inParallel}'s workers, with the same shared cache, so a second
 * sweep trains only the (setting, seed) pairs the first one did not.
 *
 * @module
 */
import { checkInteger, checkObject, describe } from "../nn/_check.ts";
import { inParallel } from "./parallel.ts";
import { runKey, type SweepRun } from "./sweep.ts";

/** Options of {@linkcode sweepInParallel}. */
export interface ParallelSweepOptions<R> {
  /**
   * Results already computed, by `runKey(config, seed)`; read before running,
   * and every new result is stored in it (as with {@linkcode sweep}).
   */
  cache?: Map<string, R>;
  /** Number of workers (default: one per core; `1` runs serially in this thread). */
  workers?: number;
}

/**
 * Runs `task(input(config, seed))` for every setting and seed not yet in the
 * cache, spread over workers, and returns every run in `configs × seeds` order
 * (settings in the outer loop), like {@linkcode sweep}.
 *
 * `input` runs here and builds what one run needs (its setting, its seed, its
 * data); `task` runs on a worker and must be self-contained (see
 * {@linkcode inParallel}): it may use only its input and the course's exports,
 * and return structured-clonable numbers and arrays. Each run must draw all
 * its randomness from its seed, so results do not depend on the worker, the
 * order or the cache.
 *
 * @param configs The settings, plain objects (see {@linkcode runKey}).
 * @param seeds The seeds, integers.
 * @param input Builds the input of one run from its setting and seed (called only for new runs).
 * @param task Trains or measures one run, `(input) => result`, self-contained.
 * @param options A shared `cache` and the number of `workers`.
 * @returns One {@linkcode SweepRun} per (setting, seed).
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { sweepInParallel } from "./sweep_in_parallel.ts";
 * const cache = new Map<string, number>();
 * const input = ({ x }: { x: number }, seed: number) => ({ x, seed });
 * const task = ({ x, seed }: { x: number; seed: number }) => x * x + seed;
 * await sweepInParallel([{ x: 1 }, { x: 2 }], [0, 10], input, task, { cache, workers: 1 });
 * expect(cache.size).toBe(4);
 * const rows = await sweepInParallel([{ x: 2 }, { x: 3 }], [0, 10], input, task, { cache });
 * expect(rows.map((r) => r.result)).toEqual([4, 14, 9, 19]);
 * expect(cache.size).toBe(6); // x = 2 was computed once and reused
 * ```
 */
export async function sweepInParallel<C extends object, I, R>(
  configs: readonly C[],
  seeds: readonly number[],
  input: (config: C, seed: number) => I,
  task: (input: I) => R | Promise<R>,
  options: ParallelSweepOptions<R> = {},
): Promise<SweepRun<C, R>[]> {
  if (!Array.isArray(configs)) {
    throw new TypeError(`configs must be an array, got ${describe(configs)}`);
  }
  if (!Array.isArray(seeds) || seeds.length === 0) {
    throw new RangeError(`seeds must be a non-empty array of integers, got ${describe(seeds)}`);
  }
  seeds.forEach((s, i) => {
    if (!Number.isSafeInteger(s)) {
      throw new TypeError(`seeds[${i}] must be an integer, got ${describe(s)}`);
    }
  });
  if (typeof input !== "function") {
    throw new TypeError(`input must be a function (config, seed) => input, got ${describe(input)}`);
  }
  if (typeof task !== "function") {
    throw new TypeError(`task must be a function (input) => result, got ${describe(task)}`);
  }
  checkObject("options", options, "an object { cache?, workers? }");
  if (options.cache !== undefined && !(options.cache instanceof Map)) {
    throw new TypeError(`options.cache must be a Map, got ${describe(options.cache)}`);
  }
  if (options.workers !== undefined) checkInteger("options.workers", options.workers, 1);
  const cache = options.cache ?? new Map<string, R>();
  const runs = configs.flatMap((config) => seeds.map((seed) => ({ config, seed })));
  const pending = new Map<string, { config: C; seed: number }>();
  for (const run of runs) {
    const key = runKey(run.config, run.seed);
    if (!cache.has(key) && !pending.has(key)) pending.set(key, run);
  }
  const todo = [...pending.values()];
  if (todo.length > 0) {
    const results = await inParallel(todo.map((r) => input(r.config, r.seed)), task, {
      workers: options.workers,
    });
    [...pending.keys()].forEach((key, i) => cache.set(key, results[i]));
  }
  return runs.map(({ config, seed }) => ({
    config,
    seed,
    result: cache.get(runKey(config, seed))!,
  }));
}
