/**
 * `deno run -A bench/report.ts`: times our kernels and TensorFlow.js CPU's in
 * one run (median of repeated calls) and prints the markdown table for the README.
 *
 * @module
 */
import { type BenchRow, medianMs, printTable } from "./_table.ts";
import {
  DROPOUT_N,
  K,
  M,
  N,
  oursDropout,
  oursMatmul,
  tfjsDropout,
  tfjsMatmul,
} from "./_kernels.ts";
import { BATCH, EPOCH_EXAMPLES, trainEpoch } from "./_epoch.ts";

/** The kernel rows; `bench/report.ts` prints them, other reports may add rows. */
export function kernelRows(): BenchRow[] {
  const dropMs = medianMs(oursDropout), dropTf = medianMs(tfjsDropout);
  const mmMs = medianMs(oursMatmul), mmTf = medianMs(tfjsMatmul);
  return [
    {
      kernel: "dropout forward, 4M float32, p = 0.5",
      ms: dropMs,
      rate: `${((DROPOUT_N * 4) / dropMs / 1e6).toFixed(2)} GB/s`,
      tfjsMs: dropTf,
      target: "≥ 10× tfjs, ≥ 1 GB/s",
    },
    {
      kernel: `matmul ${M}×${K} · ${K}×${N}`,
      ms: mmMs,
      rate: `${((2 * M * K * N) / mmMs / 1e6).toFixed(2)} GFLOP/s`,
      tfjsMs: mmTf,
      target: "≥ 3× tfjs, aim 4 GFLOP/s",
    },
  ];
}

/** Peak resident memory of this process so far (Linux VmHWM), else the current RSS, in MiB. */
function peakMiB(): number {
  try {
    const kb = Deno.readTextFileSync("/proc/self/status").match(/VmHWM:\s+(\d+) kB/)?.[1];
    if (kb) return Number(kb) / 1024;
  } catch { /* not Linux: fall back to the current RSS */ }
  return Deno.memoryUsage().rss / 2 ** 20;
}

/** The training-epoch row (claim S4-9's network, see `_epoch.ts`). */
export function epochRow(): BenchRow {
  const ms = medianMs(trainEpoch, { warmup: 1, runs: 3, minMs: 0 });
  return {
    kernel: `one epoch, S4-9 net, ${EPOCH_EXAMPLES} digits, batch ${BATCH}`,
    ms,
    rate: `${Math.round(EPOCH_EXAMPLES / (ms / 1000))} samples/s, peak RSS ${
      peakMiB().toFixed(0)
    } MiB`,
    target: "≤ 6 s, < 500 MB",
  };
}

if (import.meta.main) printTable([...kernelRows(), epochRow()]);
