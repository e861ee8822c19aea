/**
 * The workloads of the kernel benchmarks, set up once and shared by
 * `kernels_bench.ts` (Deno.bench) and `report.ts` (the markdown table), so
 * both measure exactly the same thing.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { dropout, matmul, matmulTransA, matmulTransB, Rng, Tensor } from "../lib/mod.ts";

await tf.setBackend("cpu");

/** Dropout workload: 4M float32 values (16 MiB), p = 0.5. */
export const DROPOUT_N = 4 * 1024 * 1024;
/** Matmul workload: (256 × 784) · (784 × 256). */
export const [M, K, N] = [256, 784, 256];

/** The matrix products compared with tfjs-wasm: the benchmark shape and a training step's. */
export const MATMULS: {
  name: string;
  form: "a·b" | "aᵀ·b" | "a·bᵀ";
  M: number;
  K: number;
  N: number;
}[] = [
  { name: "matmul 256×784 · 784×256", form: "a·b", M: 256, K: 784, N: 256 },
  { name: "forward x·W, 64×784 · 784×256", form: "a·b", M: 64, K: 784, N: 256 },
  { name: "dW = xᵀ·dOut, (64×784)ᵀ · 64×256", form: "aᵀ·b", M: 784, K: 64, N: 256 },
  { name: "dX = dOut·Wᵀ, 64×256 · (784×256)ᵀ", form: "a·bᵀ", M: 64, K: 256, N: 784 },
];

const rng = new Rng(1);

/** Our product for each entry of `MATMULS`, on dense random operands, into a preallocated output. */
export const oursMatmuls: (() => void)[] = MATMULS.map(({ form, M, K, N }) => {
  const a = form === "aᵀ·b" ? new Tensor(K, M) : new Tensor(M, K);
  const b = form === "a·bᵀ" ? new Tensor(N, K) : new Tensor(K, N);
  rng.fillUniform(a.data), rng.fillUniform(b.data);
  const c = new Tensor(M, N);
  const product = form === "a·b" ? matmul : form === "aᵀ·b" ? matmulTransA : matmulTransB;
  return () => void product(a, b, c);
});
const x = new Tensor(1, DROPOUT_N, rng.fillUniform(new Float32Array(DROPOUT_N)));
const out = new Tensor(1, DROPOUT_N), mask = new Uint8Array(DROPOUT_N);
const a = new Tensor(M, K, rng.fillUniform(new Float32Array(M * K)));
const b = new Tensor(K, N, rng.fillUniform(new Float32Array(K * N)));
const c = new Tensor(M, N);
const tfX = tf.tensor1d(x.data),
  tfA = tf.tensor2d(a.data, [M, K]),
  tfB = tf.tensor2d(b.data, [K, N]);

/** Our dropout forward, writing into preallocated buffers. */
export const oursDropout = (): void => {
  dropout(x, 0.5, rng, { out, mask });
};
/** tfjs-cpu's `tf.dropout` on the same values (its result read back and freed). */
export const tfjsDropout = (): void => {
  const y = tf.dropout(tfX, 0.5);
  y.dataSync();
  y.dispose();
};
/** Our matmul into a preallocated output. */
export const oursMatmul = (): void => {
  matmul(a, b, c);
};
/** tfjs-cpu's `tf.matMul` on the same matrices. */
export const tfjsMatmul = (): void => {
  const y = tf.matMul(tfA, tfB);
  y.dataSync();
  y.dispose();
};
