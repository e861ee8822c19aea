/**
 * `deno run -A bench/report.ts`: times our kernels and their peers in one run
 * (median of repeated calls) and prints the markdown table for the README.
 *
 * Peers: TensorFlow.js's CPU backend (in this process), its WebAssembly
 * backend (XNNPACK, SIMD, one thread; `_tfjs_wasm.ts` in a process of its
 * own) and PyTorch on the CPU with one thread (`_torch.py`, when
 * `/usr/bin/python3 -c "import torch"` works). The epoch runs in a process of
 * its own (`_epoch.ts`) so that its peak memory is the epoch's alone.
 *
 * @module
 */
import {
  bitsEqual,
  epochRunner,
  inParallel,
  loadDigits,
  mlp,
  SGD,
  stopWorkers,
} from "../lib/mod.ts";
import { cpuPerCallMs, medianMs, processCpuMs } from "./_table.ts";
import { DROPOUT_N, MATMULS, oursDropout, oursMatmuls, tfjsDropout } from "./_kernels.ts";
import { train } from "./_epoch.ts";

const here = (file: string) => new URL(file, import.meta.url).pathname;

/** Runs a command and parses the first line of its output that is a JSON object. */
async function jsonOf(command: string, args: string[]): Promise<Record<string, unknown>> {
  const { stdout, success } = await new Deno.Command(command, { args, stderr: "inherit" })
    .output();
  const line = new TextDecoder().decode(stdout).split("\n").find((l) => l.startsWith("{"));
  if (!success || line === undefined) throw new Error(`${command} ${args.join(" ")} failed`);
  return JSON.parse(line);
}

/** PyTorch's numbers, or undefined (with the install line printed) when torch is missing. */
async function torchNumbers(): Promise<Record<string, number> | undefined> {
  const python = "/usr/bin/python3";
  try {
    const probe = await new Deno.Command(python, { args: ["-c", "import torch"], stderr: "null" })
      .output();
    if (!probe.success) throw new Error("no torch");
  } catch {
    console.error("PyTorch rows skipped; to add them: apt-get install -y python3-torch");
    return undefined;
  }
  // The same 8,000 digits: float32 pixels, then uint8 labels.
  const file = await Deno.makeTempFile({ suffix: ".bin" });
  const x = train.x.data, labels = train.y as Int32Array;
  const bytes = new Uint8Array(x.byteLength + labels.length);
  bytes.set(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
  bytes.set(Uint8Array.from(labels), x.byteLength);
  await Deno.writeFile(file, bytes);
  try {
    return await jsonOf(python, [here("./_torch.py"), file]) as Record<string, number>;
  } finally {
    await Deno.remove(file);
  }
}

/** One seed of the sweep: an S4-9 network trained one epoch on the 8,000 digits. */
const sweepTask = (seed: number) => {
  const { train } = loadDigits({ trainSize: 8000, testSize: 1, seed: 0 });
  const model = mlp([784, 256, 128, 10], { seed, dropout: [0.5, 0.3] });
  const optimizer = new SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
  epochRunner(model, train, { optimizer, loss: "cross-entropy", batchSize: 64, seed })();
  return model.parameters().map((q) => q.value.data);
};

/** Wall time and process CPU time (all threads) of `fn` in ms, and its result. */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; cpu: number; result: T }> {
  const t = performance.now(), c = processCpuMs() ?? NaN;
  const result = await fn();
  return { ms: performance.now() - t, cpu: (processCpuMs() ?? NaN) - c, result };
}

/**
 * The 10-seed sweep serially and on `workers` workers, measured in `rounds`
 * interleaved pairs (serial, parallel, serial, …), keeping each one's fastest
 * wall time: a burst of other jobs slows one run, not the minimum of several.
 * The pool is started first (its start-up, timed on its own, loads the library in
 * every worker once) and is reused by every parallel run, as in a notebook.
 */
async function sweep(workers: number, rounds: number) {
  const seeds = Array.from({ length: 10 }, (_, i) => i + 1);
  const startup = await timed(() => inParallel([0, 1], (x: number) => x, { workers }));
  let serial, parallel;
  for (let r = 0; r < rounds; r++) {
    const s = await timed(() => inParallel(seeds, sweepTask, { workers: 1 }));
    const p = await timed(() => inParallel(seeds, sweepTask, { workers }));
    if (serial === undefined || s.ms < serial.ms) serial = s;
    if (parallel === undefined || p.ms < parallel.ms) parallel = p;
  }
  stopWorkers();
  const identical = serial!.result.every((w, i) =>
    w.every((d, k) => bitsEqual(d, parallel!.result[i][k]))
  );
  return { startupMs: startup.ms, serial: serial!, parallel: parallel!, identical };
}

interface Row {
  work: string;
  ours: number;
  tfjsCpu?: number;
  tfjsWasm?: number;
  torch?: number;
  /** The peer the target is stated against, and the ratio that must be met. */
  target: { peer: "tfjsCpu" | "tfjsWasm" | "torch"; atLeast: number; text: string };
}

const ms = (v: number | undefined) => v === undefined ? "–" : v < 10 ? v.toFixed(2) : v.toFixed(0);

/** The markdown table: peer time / our time is the speed-up (> 1: ours is faster). */
function table(rows: Row[]): string {
  const lines = [
    "| work | ours (ms) | tfjs-cpu (ms) | tfjs-wasm (ms) | PyTorch (ms) | speed-up vs target peer | target | met |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- | :-: |",
  ];
  for (const r of rows) {
    const peer = r[r.target.peer];
    const ratio = peer === undefined ? undefined : peer / r.ours;
    const met = ratio === undefined ? "–" : ratio >= r.target.atLeast ? "yes" : "no";
    lines.push(
      `| ${r.work} | ${ms(r.ours)} | ${ms(r.tfjsCpu)} | ${ms(r.tfjsWasm)} | ${ms(r.torch)} | ${
        ratio === undefined ? "–" : `${ratio.toFixed(2)}×`
      } | ${r.target.text} | ${met} |`,
    );
  }
  return lines.join("\n");
}

if (import.meta.main) {
  const wasm = await jsonOf(Deno.execPath(), ["run", "-A", here("./_tfjs_wasm.ts")]) as {
    dropout: number;
    matmul: Record<string, number>;
    matmulCpu: Record<string, number | undefined>;
  };
  const torch = await torchNumbers();
  const rows: Row[] = [{
    work: `dropout forward, ${DROPOUT_N / 2 ** 20}M float32, p = 0.5`,
    ours: medianMs(oursDropout),
    tfjsCpu: medianMs(tfjsDropout),
    tfjsWasm: wasm.dropout,
    torch: torch?.dropout,
    target: { peer: "torch", atLeast: 3, text: "≥ 3× PyTorch (and ≥ 10× tfjs-cpu)" },
  }];
  MATMULS.forEach((m, i) => {
    rows.push({
      work: m.name,
      ours: medianMs(oursMatmuls[i]),
      tfjsWasm: wasm.matmul[m.name],
      torch: i === 0 ? torch?.matmul : undefined,
      target: { peer: "tfjsWasm", atLeast: 1, text: "≥ 1× tfjs-wasm" },
    });
    // The same product in thread CPU time per call (least of 5 blocks of 20 calls), for both
    // sides: what the two kernels cost, without the share of the machine other jobs took.
    const cpu = cpuPerCallMs(oursMatmuls[i]);
    if (cpu !== undefined && wasm.matmulCpu[m.name] !== undefined) {
      rows.push({
        work: `${m.name}, CPU time`,
        ours: cpu,
        tfjsWasm: wasm.matmulCpu[m.name],
        target: { peer: "tfjsWasm", atLeast: 1, text: "≥ 1× tfjs-wasm" },
      });
    }
  });
  const epoch = await jsonOf(Deno.execPath(), ["run", "-A", here("./_epoch.ts")]);
  if (epoch.cpuMs !== undefined) {
    rows.push({
      work: "one epoch, CPU time of the one thread (least of 3; robust to other jobs)",
      ours: epoch.cpuMs as number,
      torch: torch?.epochCpu,
      target: { peer: "torch", atLeast: 1 / 1.5, text: "≤ 1.5× PyTorch's time" },
    });
  }
  rows.push({
    work: `one epoch, S4-9 net, ${epoch.examples} digits, batch ${epoch.batch} (peak RSS ${
      (epoch.peakMiB as number).toFixed(0)
    } MiB)`,
    ours: epoch.ms as number,
    torch: torch?.epoch,
    target: { peer: "torch", atLeast: 1 / 1.5, text: "≤ 1.5× PyTorch's time" },
  });
  const workers = navigator.hardwareConcurrency;
  const { startupMs, serial, parallel, identical } = await sweep(workers, 2);
  console.log(table(rows));
  // CPU / wall is how many cores the run actually got: on a loaded machine the wall-time speed-up
  // cannot exceed the parallel run's share, while serial CPU / parallel CPU ≈ 1 says the workers
  // add no work of their own.
  const cpu = (r: { ms: number; cpu: number }) =>
    Number.isNaN(r.cpu)
      ? ""
      : `, CPU ${(r.cpu / 1000).toFixed(1)} s (${(r.cpu / r.ms).toFixed(2)} cores)`;
  console.log(
    `\n10-seed sweep (one S4-9 epoch per seed), fastest of 2 interleaved runs each: serial ${
      (serial.ms / 1000).toFixed(1)
    } s${cpu(serial)}; ${workers} workers ${(parallel.ms / 1000).toFixed(1)} s${
      cpu(parallel)
    }; speed-up ${(serial.ms / parallel.ms).toFixed(2)}× (target ≥ 1.7× on 2 cores); results ${
      identical ? "bit-identical" : "DIFFER"
    }; CPU serial / parallel ${
      (serial.cpu / parallel.cpu).toFixed(2)
    }. Starting the pool (once, then reused): ${startupMs.toFixed(0)} ms.`,
  );
  if (torch) console.log(`PyTorch ${torch.version}, one thread.`);
}
