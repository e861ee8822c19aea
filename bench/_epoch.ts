/**
 * The epoch workload of the benchmarks, shared by `epoch_bench.ts` (Deno.bench)
 * and `report.ts` (the markdown table): one training epoch of the source's
 * network (claim S4-9), Linear(784, 256) → ReLU → Dropout(0.5) →
 * Linear(256, 128) → ReLU → Dropout(0.3) → Linear(128, 10), over 8,000 real
 * digits in batches of 64 with SGD (momentum 0.9).
 *
 * @module
 */
import { epochRunner, loadDigits, mlp, SGD } from "../lib/mod.ts";
import { medianMs, minCpuMs } from "./_table.ts";

/** Training examples per epoch. */
export const EPOCH_EXAMPLES = 8000;
/** Examples per step. */
export const BATCH = 64;

/** The 8,000 training digits (exported so the report can hand the same digits to PyTorch). */
export const { train } = loadDigits({ trainSize: EPOCH_EXAMPLES, testSize: 1, seed: 0 });
const model = mlp([784, 256, 128, 10], { seed: 1, dropout: [0.5, 0.3] });
const optimizer = new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });

/**
 * One epoch, exactly the loop `fit()` runs (its `epochRunner`) without the
 * evaluation pass: a seeded shuffle, then per batch of 64 gather, forward,
 * cross-entropy, backward and an SGD step, in training mode.
 */
export const trainEpoch: () => void = epochRunner(model, train, {
  optimizer,
  loss: "cross-entropy",
  batchSize: BATCH,
  seed: 6,
});

/** Peak resident memory of this process so far (Linux VmHWM), else the current RSS, in MiB. */
function peakMiB(): number {
  try {
    const kb = Deno.readTextFileSync("/proc/self/status").match(/VmHWM:\s+(\d+) kB/)?.[1];
    if (kb) return Number(kb) / 1024;
  } catch { /* not Linux: fall back to the current RSS */ }
  return Deno.memoryUsage().rss / 2 ** 20;
}

// `deno run -A bench/_epoch.ts` prints { ms, cpuMs, peakMiB, examples, batch } as JSON: run on its
// own, the process's peak memory is that of loading the digits and training, nothing else.
// `ms` is the median wall time, `cpuMs` the smallest CPU time of one epoch (robust to load).
if (import.meta.main) {
  const ms = medianMs(trainEpoch, { warmup: 1, runs: 3, minMs: 0 });
  const cpuMs = minCpuMs(trainEpoch, { warmup: 0, runs: 3 });
  console.log(
    JSON.stringify({ ms, cpuMs, peakMiB: peakMiB(), examples: EPOCH_EXAMPLES, batch: BATCH }),
  );
}
