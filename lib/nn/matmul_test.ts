import { expect } from "expect";
import { randn } from "./_gradcheck.ts";
import { matmul, matmulReference, matmulTransA, matmulTransB } from "./matmul.ts";
import { Rng } from "./rng.ts";
import { Tensor } from "./tensor.ts";

function transpose(x: Tensor): Tensor {
  const t = new Tensor(x.cols, x.rows);
  for (let i = 0; i < x.rows; i++) for (let j = 0; j < x.cols; j++) t.set(j, i, x.get(i, j));
  return t;
}

/** Largest |a − b| over all entries. */
function maxDiff(a: Tensor, b: Tensor): number {
  let d = 0;
  for (let i = 0; i < a.data.length; i++) d = Math.max(d, Math.abs(a.data[i] - b.data[i]));
  return d;
}

/**
 * Largest |fast − exact| / (γ_K · Σₖ|a_ik·b_kj|) over all entries, where
 * γ_K = K·u/(1 − K·u), u = 2⁻²⁴ (Higham, Accuracy and Stability, eq. 3.5):
 * the fast kernels sum K float32 products in float32, so this is ≤ 1; the
 * reference sums in float64 and rounds once, so it adds at most u·|c| ≤ u·Σ.
 */
function errorOverBound(fast: Tensor, ref: Tensor, a: Tensor, b: Tensor): number {
  const K = a.cols, u = 2 ** -24, gamma = (K * u) / (1 - K * u);
  let worst = 0;
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      let abs = 0;
      for (let k = 0; k < K; k++) abs += Math.abs(a.get(i, k) * b.get(k, j));
      const err = Math.abs(fast.get(i, j) - ref.get(i, j));
      if (err > 0) worst = Math.max(worst, err / ((gamma + u) * abs));
    }
  }
  return worst;
}

// Odd M, K not a multiple of 4, N = 1: every leftover loop of the kernels runs.
const SHAPES: [number, number, number][] = [[1, 1, 1], [2, 4, 3], [3, 5, 1], [7, 13, 9], [
  16,
  784,
  10,
]];

Deno.test("fast products stay within the float32 bound γ_K·Σ|a·b| of the reference", () => {
  const rng = new Rng(4);
  for (const [M, K, N] of [...SHAPES, [64, 784, 16] as [number, number, number]]) {
    const a = randn(M, K, rng), b = randn(K, N, rng);
    const ref = matmulReference(a, b);
    const worst = Math.max(
      errorOverBound(matmul(a, b), ref, a, b),
      errorOverBound(matmulTransA(transpose(a), b), ref, a, b),
      errorOverBound(matmulTransB(a, transpose(b)), ref, a, b),
    );
    console.log(`${M}×${K}·${K}×${N}: worst error / bound = ${worst.toExponential(2)}`);
    expect(worst).toBeLessThanOrEqual(1);
  }
});

Deno.test("`matmul()`, `matmulTransA()` and `matmulTransB()` give the same bytes", () => {
  const rng = new Rng(5);
  for (const [M, K, N] of SHAPES) {
    const a = randn(M, K, rng), b = randn(K, N, rng);
    const y = matmul(a, b).data;
    expect(matmulTransA(transpose(a), b).data).toEqual(y);
    expect(matmulTransB(a, transpose(b)).data).toEqual(y);
  }
});

Deno.test("`matmul()` computes the pinned 2×2 product", () => {
  const y = matmul(Tensor.fromRows([[1, 2], [3, 4]]), Tensor.fromRows([[5, 6], [7, 8]]));
  expect(y.toRows()).toEqual([[19, 22], [43, 50]]);
});

Deno.test("`matmul()`, `matmulTransA()` and `matmulTransB()` agree with `matmulReference()`", () => {
  const rng = new Rng(1);
  for (const [M, K, N] of SHAPES) {
    const a = randn(M, K, rng), b = randn(K, N, rng);
    const ref = matmulReference(a, b);
    // Float32 rounding of a sum of K terms of size ~1: allow 1e-6 · K.
    const tol = 1e-6 * K;
    expect(maxDiff(matmul(a, b), ref)).toBeLessThan(tol);
    expect(maxDiff(matmulTransA(transpose(a), b), ref)).toBeLessThan(tol);
    expect(maxDiff(matmulTransB(a, transpose(b)), ref)).toBeLessThan(tol);
  }
});

Deno.test("matmul kernels overwrite `out` instead of adding to it", () => {
  const a = Tensor.fromRows([[1, 2]]), b = Tensor.fromRows([[3], [4]]);
  const out = Tensor.fromRows([[100]]);
  expect(matmul(a, b, out)).toBe(out);
  expect(out.toRows()).toEqual([[11]]);
  expect(matmulTransA(Tensor.fromRows([[1], [2]]), b, out).toRows()).toEqual([[11]]);
  expect(matmulTransB(a, Tensor.fromRows([[3, 4]]), out).toRows()).toEqual([[11]]);
});

Deno.test("matmul kernels reject mismatched shapes, bad `out` and aliasing", () => {
  const a = Tensor.zeros(3, 4), b = Tensor.zeros(5, 2);
  expect(() => matmul(a, b)).toThrow(
    new RangeError("a and b have mismatched shapes for a·b: a is 3×4, b is 5×2"),
  );
  expect(() => matmulReference(a, b)).toThrow(RangeError);
  expect(() => matmulTransA(a, b)).toThrow(
    new RangeError("a and b have mismatched shapes for aᵀ·b: a is 3×4, b is 5×2"),
  );
  expect(() => matmulTransB(a, b)).toThrow(
    new RangeError("a and b have mismatched shapes for a·bᵀ: a is 3×4, b is 5×2"),
  );
  expect(() => matmul(a, Tensor.zeros(4, 2), Tensor.zeros(2, 2))).toThrow(
    new RangeError("out must be 3×2, got 2×2"),
  );
  const sq = Tensor.zeros(2, 2);
  expect(() => matmul(sq, Tensor.zeros(2, 2), sq)).toThrow(
    new RangeError("out must not share memory with a"),
  );
  expect(() => matmul({} as Tensor, sq)).toThrow(
    new TypeError("a must be a Tensor, got an Object"),
  );
});

Deno.test("`matmul()` and `matmulTransA()` skip zero blocks without changing the result", () => {
  const rng = new Rng(9);
  for (const [m, k, n] of SHAPES) {
    // Mostly zeros, like blank pixels or dropped units, with a few values scattered.
    const a = randn(m, k, rng), b = randn(k, n, rng);
    a.data.forEach((_, i) => {
      if (rng.uniform() < 0.8) a.data[i] = 0;
    });
    const ref = matmulReference(a, b);
    expect(maxDiff(matmul(a, b), ref)).toBeLessThan(1e-6 * k);
    expect(maxDiff(matmulTransA(transpose(a), b), ref)).toBeLessThan(1e-6 * k);
  }
});

Deno.test("`{ accumulate: true }` adds the product into out, the same bytes as adding it after", () => {
  const rng = new Rng(11);
  for (const [m, k, n] of SHAPES) {
    const a = randn(m, k, rng), b = randn(k, n, rng), start = randn(m, n, rng);
    const expected = matmul(a, b);
    expected.data.forEach((v, i) => expected.data[i] = start.data[i] + v);
    for (
      const [product, x, y] of [[matmul, a, b], [matmulTransA, transpose(a), b], [
        matmulTransB,
        a,
        transpose(b),
      ]] as const
    ) {
      const out = new Tensor(m, n, start.data.slice());
      product(x, y, out, { accumulate: true });
      expect(out.data).toEqual(expected.data);
    }
  }
  expect(() => matmul(Tensor.zeros(1, 1), Tensor.zeros(1, 1), undefined, { accumulate: true }))
    .toThrow(new TypeError("accumulate needs an out tensor to add into, got none"));
});
