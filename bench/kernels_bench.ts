/**
 * `deno bench -A bench/kernels_bench.ts`: our kernels against TensorFlow.js's
 * CPU backend in the same run; deno prints each group's ratio to the baseline.
 * For the markdown table with GB/s and GFLOP/s, run `deno run -A bench/report.ts`.
 *
 * @module
 */
import { oursDropout, oursMatmul, tfjsDropout, tfjsMatmul } from "./_kernels.ts";

Deno.bench("dropout 4M float32, ours", { group: "dropout", baseline: true }, oursDropout);
Deno.bench("dropout 4M float32, tfjs-cpu", { group: "dropout" }, tfjsDropout);
Deno.bench("matmul 256×784·784×256, ours", { group: "matmul", baseline: true }, oursMatmul);
Deno.bench("matmul 256×784·784×256, tfjs-cpu", { group: "matmul" }, tfjsMatmul);
