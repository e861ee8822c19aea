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
  [9, 70, 72], // two wide (32-column) sparse tiles and one narrow
];

Deno.test("the kernel module is valid WebAssembly SIMD and is used here", () => {
  expect(WebAssembly.validate(gemmModuleBytes)).toBe(true);
  expect(usingWasm).toBe(true);
});

Deno.test("`gemm()` on wasm, blocked or sparse, gives the same bytes as its JavaScript fallback, in all three forms", () => {
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
        const ways = [
          { useWasm: true, kernel: "blocked" },
          { useWasm: true, kernel: "sparse" },
          { useWasm: true, kernel: "auto" },
          { useWasm: false },
        ] as const;
        for (const way of ways) {
          const c = new Float32Array(M * N).fill(NaN);
          gemm(form, x, y, c, M, K, N, way);
          expect(bytesOf(c)).toEqual(bytesOf(js));
          // accumulate: c += product, the same bytes as adding the product afterwards.
          const start = values(M * N, rng), added = start.slice();
          for (let i = 0; i < added.length; i++) added[i] += js[i];
          gemm(form, x, y, start, M, K, N, { ...way, accumulate: true });
          expect(bytesOf(start)).toEqual(bytesOf(added));
        }
      }
    }
  }
});

Deno.test("the sparse kernel skips ±0 in A and still matches when a row of A is all zeros", () => {
  const [M, K, N] = [5, 6, 40];
  const a = new Float32Array(M * K), b = values(K * N, new Rng(4));
  a.set([-0, 1, 0, -2, -0, 3], 0); // row 0: ±0 skipped; row 1 all zeros; row 2 one value
  a[2 * K + 5] = -1.5;
  const js = new Float32Array(M * N), c = new Float32Array(M * N).fill(NaN);
  gemmJs(a, K, 1, b, N, 1, js, M, K, N);
  gemm("a·b", a, b, c, M, K, N, { kernel: "sparse" });
  expect(bytesOf(c)).toEqual(bytesOf(js));
  expect(Array.from(c.subarray(N, 2 * N)).every((v) => Object.is(v, 0))).toBe(true);
});
