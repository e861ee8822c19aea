/**
 * `inParallel`: independent runs (seeds, rates, data sizes) spread over Web
 * Workers, one per core, with results bit-identical to a serial run and in
 * input order.
 *
 * Each worker imports the course library and evaluates the task's source text
 * with the library's computing exports (`mlp`, `fit`, `loadDigits`, `Rng`,
 * `SGD`, `seedStats`, …) in scope, so a task is a self-contained function
 * `(input) => result`: it may use those names and its input, nothing else it
 * closes over. Inputs and results cross threads by structured clone (numbers,
 * strings, arrays, plain objects, typed arrays; a `Tensor` arrives as a plain
 * object, so return `tensor.data` instead). The library is deterministic and
 * single-threaded per run, so the same input gives the same bytes in any
 * worker or in this thread.
 *
 * @module
 */
import { checkInteger, checkObject, describe, orDefault } from "../nn/_check.ts";
import { rebuildTask } from "./_scope.ts";

/** Options of {@linkcode inParallel}. */
export interface ParallelOptions {
  /**
   * Number of workers, an integer ≥ 1 (default: `navigator.hardwareConcurrency`,
   * at most one per input). `1` runs every task here, serially, without workers.
   */
  workers?: number;
}

/**
 * Runs `task` on every input, spread over Web Workers, and returns the results
 * in input order.
 *
 * @param inputs The inputs, one per run (structured-clonable: numbers, arrays, plain objects).
 * @param task A self-contained function `(input) => result` (or a promise of it)
 *   that uses only its input and the course's exports; its result must be
 *   structured-clonable.
 * @param options `workers` (default: one per core; `1` runs serially in this thread, with the
 *   task rebuilt from its source all the same, so it sees the same names).
 * @returns The results, `results[i] = task(inputs[i])`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { inParallel } from "./parallel.ts";
 * import { Rng } from "../nn/mod.ts"; // for this thread; each worker has the course's own
 * // Ten seeds of a tiny experiment, two workers.
 * const task = (seed: number) => new Rng(seed).uniform();
 * const parallel = await inParallel([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], task, { workers: 2 });
 * const serial = await inParallel([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], task, { workers: 1 });
 * expect(parallel).toEqual(serial);
 * ```
 */
export async function inParallel<I, O>(
  inputs: readonly I[],
  task: (input: I) => O | Promise<O>,
  options: ParallelOptions = {},
): Promise<O[]> {
  if (!Array.isArray(inputs)) {
    throw new TypeError(`inputs must be an array, got ${describe(inputs)}`);
  }
  if (typeof task !== "function") {
    throw new TypeError(`task must be a function (input) => result, got ${describe(task)}`);
  }
  checkObject("options", options, "an object { workers? }");
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  const workers = orDefault(options.workers, Math.max(1, Math.min(cores, inputs.length)));
  checkInteger("workers", workers, 1);
  const source = task.toString();
  if (workers === 1 || inputs.length <= 1) {
    // Here, serially, but rebuilt from source like on a worker: the same names in scope.
    const rebuilt = rebuildTask(source) as (input: I) => O | Promise<O>;
    const results: O[] = [];
    for (const input of inputs) results.push(await rebuilt(structuredClone(input)));
    return results;
  }
  return await runOnWorkers(inputs, source, Math.min(workers, inputs.length));
}

/**
 * The pool: workers are started once and kept between calls (starting one
 * loads the whole library, which can cost more than a short task), and ended
 * after `IDLE_MS` without work, or by {@linkcode stopWorkers}. Calls run one
 * after another (`queue`), so a pool's worker serves one call at a time.
 */
const pool: Worker[] = [];
const IDLE_MS = 5000;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Ends the pool's workers now (they also end by themselves after 5 s without
 * work, which is what lets a script exit). The next `inParallel` starts new ones.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { inParallel, stopWorkers } from "./parallel.ts";
 * expect(await inParallel([1, 2], (x: number) => 2 * x, { workers: 2 })).toEqual([2, 4]);
 * stopWorkers();
 * ```
 */
export function stopWorkers(): void {
  if (idleTimer !== undefined) clearTimeout(idleTimer);
  idleTimer = undefined;
  for (const worker of pool.splice(0)) worker.terminate();
}

/** Arms the idle timer without letting it keep Deno's event loop alive by itself. */
function armIdleTimer(): void {
  const id = setTimeout(stopWorkers, IDLE_MS);
  idleTimer = id;
  const deno = (globalThis as { Deno?: { unrefTimer?: (id: number) => void } }).Deno;
  deno?.unrefTimer?.(Number(id));
}

/** Runs one call on the pool, after any call already running. */
function runOnWorkers<I, O>(inputs: readonly I[], source: string, count: number): Promise<O[]> {
  const run = queue.then(() => runOnPool<I, O>(inputs, source, count));
  queue = run.catch(() => {});
  return run;
}

/** Hands out inputs to `count` workers, the next one to whichever finishes first. */
function runOnPool<I, O>(inputs: readonly I[], source: string, count: number): Promise<O[]> {
  if (idleTimer !== undefined) clearTimeout(idleTimer), idleTimer = undefined;
  while (pool.length < count) {
    pool.push(new Worker(new URL("./_worker.ts", import.meta.url), { type: "module" }));
  }
  const workers = pool.slice(0, count);
  const results = new Array<O>(inputs.length);
  let next = 0, done = 0;
  return new Promise<O[]>((resolve, reject) => {
    const finish = (error?: Error) => {
      for (const worker of workers) worker.onmessage = worker.onerror = null;
      if (error) {
        stopWorkers(); // the others may be mid-task: start afresh next time
        reject(error);
      } else {
        armIdleTimer();
        resolve(results);
      }
    };
    const give = (worker: Worker) => {
      if (next < inputs.length) {
        const index = next++;
        worker.postMessage({ index, source, input: sharedLarge(inputs[index], new Map()) });
      }
    };
    for (const worker of workers) {
      worker.onmessage = (event: MessageEvent) => {
        const { index, result, error } = event.data;
        if (error !== undefined) {
          return finish(new Error(`task failed on inputs[${index}]: ${error}`));
        }
        results[index] = result;
        if (++done === inputs.length) return finish();
        give(worker);
      };
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        finish(new Error(`a worker failed: ${event.message}`));
      };
      give(worker);
    }
  });
}

/** Typed arrays at least this large travel to the workers as shared memory, not as copies. */
const SHARE_BYTES = 1 << 16;
/** The shared copy of each large typed array already sent (one per array, for its lifetime). */
const sharedCopies = new WeakMap<ArrayBufferView, ArrayBufferView>();

/**
 * The input as it travels to a worker: the same values, except that every
 * typed array of 64 KB or more is replaced by a copy in a SharedArrayBuffer,
 * made once per array and reused by every later task. A training set sent
 * with each of a hundred runs then costs one copy, not a hundred in every
 * worker's memory. Tasks read their inputs and never write into them, so
 * sharing changes no result; structured cloning still copies everything
 * else (and turns class instances such as Tensors into plain objects).
 */
function sharedLarge(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (ArrayBuffer.isView(value)) {
    if (value.byteLength < SHARE_BYTES || value.buffer instanceof SharedArrayBuffer) return value;
    let shared = sharedCopies.get(value);
    if (shared === undefined) {
      const Kind = value.constructor as new (buffer: SharedArrayBuffer) => ArrayBufferView;
      const buffer = new SharedArrayBuffer(value.byteLength);
      new Uint8Array(buffer).set(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      shared = new Kind(buffer);
      sharedCopies.set(value, shared);
    }
    return shared;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(sharedLarge(item, seen));
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null && !isClassInstance(value)) return value;
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [key, item] of Object.entries(value)) out[key] = sharedLarge(item, seen);
  return out;
}

/** An object of a user class (a Tensor): cloned as its own fields, as structured cloning does. */
function isClassInstance(value: object): boolean {
  const ctor = (value as { constructor?: unknown }).constructor;
  return typeof ctor === "function" && /^class\b/.test(Function.prototype.toString.call(ctor));
}
