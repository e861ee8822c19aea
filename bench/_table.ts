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
