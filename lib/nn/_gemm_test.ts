import { expect } from "expect";
import { gemm, gemmJs, gemmModuleBytes, usingWasm } from "./_gemm.ts";
import { Rng } from "./rng.ts";

/** Values in [−1, 1), a fraction `zeros` of them exactly 0 (blank pixels, dropped units). */
function values(n: number, rng: Rng, zeros = 0): Float32Array {
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = rng.uniform() < zeros ? 0 : 2 * rng.uniform() - 1;
  return x;
}

const bytesOf = (x: Float32Array) => new Uint8Array(x.buffer, x.byteOffset, x.byteLength);

// Tails in every dimension: M not a multiple of 4, N not of 8, K odd, and the training shapes.
const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [3, 5, 7],
  [13, 7, 10],
  [64, 128, 10],
  [21, 130, 36],
  [37, 64, 24],
];

Deno.test("the kernel module is valid WebAssembly SIMD and is used here", () => {
  expect(WebAssembly.validate(gemmModuleBytes)).toBe(true);
  expect(usingWasm).toBe(true);
});

Deno.test("`gemm()` on wasm gives the same bytes as its JavaScript fallback, in all three forms", () => {
  const rng = new Rng(3);
  for (const [M, K, N] of SHAPES) {
    for (const zeros of [0, 0.8]) {
      const a = values(M * K, rng, zeros), b = values(K * N, rng);
      // The same matrices stored transposed, for aᵀ·b and a·bᵀ.
      const aT = new Float32Array(K * M), bT = new Float32Array(N * K);
      for (let i = 0; i < M; i++) for (let k = 0; k < K; k++) aT[k * M + i] = a[i * K + k];
      for (let k = 0; k < K; k++) for (let j = 0; j < N; j++) bT[j * K + k] = b[k * N + j];
      const js = new Float32Array(M * N);
      gemmJs(a, K, 1, b, N, 1, js, M, K, N);
      for (const [form, x, y] of [["a·b", a, b], ["aᵀ·b", aT, b], ["a·bᵀ", a, bT]] as const) {
        for (const useWasm of [true, false]) {
          const c = new Float32Array(M * N).fill(NaN);
          gemm(form, x, y, c, M, K, N, { useWasm });
          expect(bytesOf(c)).toEqual(bytesOf(js));
          // accumulate: c += product, the same bytes as adding the product afterwards.
          const start = values(M * N, rng), added = start.slice();
          for (let i = 0; i < added.length; i++) added[i] += js[i];
          gemm(form, x, y, start, M, K, N, { useWasm, accumulate: true });
          expect(bytesOf(start)).toEqual(bytesOf(added));
        }
      }
    }
  }
});
