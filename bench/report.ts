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

/**
 * The training-epoch row (claim S4-9's network, see `_epoch.ts`), measured in
 * a process of its own so that its peak memory is the epoch's alone.
 */
export async function epochRow(): Promise<BenchRow> {
  const args = ["run", "-A", new URL("./_epoch.ts", import.meta.url).pathname];
  const { stdout } = await new Deno.Command(Deno.execPath(), { args, stderr: "inherit" }).output();
  const { ms, peakMiB, examples, batch } = JSON.parse(new TextDecoder().decode(stdout));
  return {
    kernel: `one epoch, S4-9 net, ${examples} digits, batch ${batch}`,
    ms,
    rate: `${Math.round(examples / (ms / 1000))} samples/s, peak RSS ${peakMiB.toFixed(0)} MiB`,
    target: "≤ 6 s, < 500 MB",
  };
}

if (import.meta.main) printTable([...kernelRows(), await epochRow()]);
