/**
 * `deno run -A bench/_tfjs_wasm.ts` prints, as JSON, TensorFlow.js's WebAssembly
 * backend (XNNPACK, SIMD, one thread) on the report's workloads: dropout of 4M
 * float32 and the matmul shapes of `_kernels.ts` (median wall time, and thread
 * CPU time per call). A process of its own, since
 * tfjs has one active backend at a time. Its `.wasm` files ship in the npm package.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { setThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { cpuPerCallMs, medianMs } from "./_table.ts";
import { DROPOUT_N, MATMULS } from "./_kernels.ts";

setWasmPaths(
  new URL("../node_modules/@tensorflow/tfjs-backend-wasm/dist/", import.meta.url).pathname,
);
setThreadsCount(1);
if (!(await tf.setBackend("wasm"))) throw new Error("tfjs-backend-wasm did not start");

const x = tf.randomUniform([DROPOUT_N]);
const dropout = medianMs(() => {
  const y = tf.dropout(x, 0.5);
  y.dataSync();
  y.dispose();
});
const matmul: Record<string, number> = {}, matmulCpu: Record<string, number | undefined> = {};
for (const { name, form, M, K, N } of MATMULS) {
  const [aShape, bShape] = [form === "aᵀ·b" ? [K, M] : [M, K], form === "a·bᵀ" ? [N, K] : [K, N]];
  const a = tf.randomUniform(aShape), b = tf.randomUniform(bShape);
  const product = () => {
    const y = tf.matMul(a, b, form === "aᵀ·b", form === "a·bᵀ");
    y.dataSync();
    y.dispose();
  };
  matmul[name] = medianMs(product);
  matmulCpu[name] = cpuPerCallMs(product);
}
console.log(JSON.stringify({ dropout, matmul, matmulCpu }));
