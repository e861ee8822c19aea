/**
 * Timing and the markdown table shared by the benchmark report (`bench/report.ts`).
 *
 * @module
 */

/** One row of the benchmark table. */
export interface BenchRow {
  /** What was measured, e.g. `"dropout forward, 4M float32"`. */
  kernel: string;
  /** Our median time in milliseconds. */
  ms: number;
  /** The throughput, formatted with its unit, e.g. `"1.4 GB/s"`. */
  rate: string;
  /** TensorFlow.js CPU's median time in milliseconds, if compared. */
  tfjsMs?: number;
  /** The target, e.g. `"≥ 10× tfjs, ≥ 1 GB/s"`. */
  target?: string;
}

/**
 * The median wall time of `fn` in milliseconds, after `warmup` calls, over
 * at least `runs` calls and at least `minMs` milliseconds in total.
 *
 * @param fn The work to time.
 * @param options `warmup` (default 3), `runs` (default 10), `minMs` (default 500).
 * @returns The median time of one call, in ms.
 */
export function medianMs(
  fn: () => unknown,
  { warmup = 3, runs = 10, minMs = 500 }: { warmup?: number; runs?: number; minMs?: number } = {},
): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < runs || performance.now() - start < minMs) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Formats rows as a markdown table, prints it and returns it.
 *
 * @param rows The measurements.
 * @returns The markdown text.
 */
export function printTable(rows: BenchRow[]): string {
  const header = "| kernel | ours (ms) | throughput | tfjs-cpu (ms) | speed-up | target |";
  const lines = [header, "| --- | ---: | ---: | ---: | ---: | --- |"];
  for (const r of rows) {
    const tf = r.tfjsMs === undefined ? "–" : r.tfjsMs.toFixed(1);
    const ratio = r.tfjsMs === undefined ? "–" : `${(r.tfjsMs / r.ms).toFixed(1)}×`;
    lines.push(
      `| ${r.kernel} | ${r.ms.toFixed(2)} | ${r.rate} | ${tf} | ${ratio} | ${r.target ?? ""} |`,
    );
  }
  const text = lines.join("\n");
  console.log(text);
  return text;
}

/**
 * CPU time of the calling thread in ms (Linux `/proc/thread-self/schedstat`,
 * nanoseconds on a CPU), or undefined elsewhere. Unlike wall time it does not
 * count the time other jobs hold the core, so ratios of CPU times stay
 * meaningful on a loaded machine.
 */
export function threadCpuMs(): number | undefined {
  try {
    return Number(Deno.readTextFileSync("/proc/thread-self/schedstat").split(" ")[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/**
 * CPU time of the whole process (every thread, workers included) in ms, from
 * Linux `/proc/self/stat` (utime + stime, in clock ticks of 10 ms), or undefined elsewhere.
 */
export function processCpuMs(): number | undefined {
  try {
    const fields = Deno.readTextFileSync("/proc/self/stat").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime: fields 14, 15
  } catch {
    return undefined;
  }
}

/**
 * The smallest thread CPU time of one call of `fn`, over `runs` calls after
 * `warmup`: the cost of the work itself, with little of the machine's load in it.
 */
export function minCpuMs(fn: () => unknown, { warmup = 1, runs = 3 } = {}): number | undefined {
  for (let i = 0; i < warmup; i++) fn();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = threadCpuMs();
    if (start === undefined) return undefined;
    fn();
    best = Math.min(best, threadCpuMs()! - start);
  }
  return best;
}

/**
 * The thread CPU time of one call of `fn` in ms: the average over a block of
 * `calls` calls, the least of `blocks` blocks (after 3 warm-up calls), or
 * undefined where thread CPU time is not available. Robust to other jobs on
 * the machine, which steal wall time but not this thread's CPU time.
 */
export function cpuPerCallMs(
  fn: () => unknown,
  { blocks = 5, calls = 20 }: { blocks?: number; calls?: number } = {},
): number | undefined {
  for (let i = 0; i < 3; i++) fn();
  let best = Infinity;
  for (let b = 0; b < blocks; b++) {
    const start = threadCpuMs();
    if (start === undefined) return undefined;
    for (let i = 0; i < calls; i++) fn();
    best = Math.min(best, (threadCpuMs()! - start) / calls);
  }
  return best;
}
