/**
 * The row-sparse kernels of the fast matrix product (`_gemm.ts` assembles
 * them into the same WebAssembly module as the blocked kernels).
 *
 * Most of what a dropout network multiplies is zero: three quarters of the
 * pixels of a digit are blank, half of the ReLU units are off and dropout
 * zeroes p of the rest. The blocked kernel can only skip a whole 4 × 2 sliver
 * of A; these skip every single zero:
 * - `sparsePack` lists, for each row i of A, its nonzero values a[i][k] with
 *   the byte offset of row k of B (branch-free: every value is written, and
 *   the cursor only advances past the nonzero ones).
 * - `sparseGemm` computes C one row and 4·H columns at a time, the H vectors
 *   of the row's sum held in registers: per listed (a[i][k], k) it broadcasts
 *   a[i][k] to 4 lanes, multiplies by the 4·H values b[k][j..] and adds.
 *
 * The reduction order is the blocked kernel's: every c[i][j] is the float32
 * sum, in increasing k, of the float32 products, with the zero products left
 * out. Leaving a zero product out changes no sum (the module comment of
 * `_gemm.ts` says why), so both kernels give the same bytes.
 *
 * @module
 */
import { addTo, countDown, type Func, I32, op, V128 } from "./_wasm.ts";

/** Bytes of one listed entry: the value a[i][k] (float32) and the byte offset k·ldb (int32). */
export const ENTRY = 8;

/**
 * `sparsePack(a, M, K, kStep, rowStep, ldb, list, rowBytes)`: for each of the
 * M rows of A (element (i, k) at a + i·rowStep + k·kStep bytes), writes at
 * list + i·rowBytes the count n of nonzero values, then n entries (a[i][k],
 * k·ldb) in increasing k. A value ±0 is left out (its bits shifted left by one
 * are zero).
 */
export function sparsePackFunc(): Func {
  const [a, M, K, kStep, rowStep, ldb, list, rowBytes] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [i, k, aRow, aP, head, item, n, bOff, x, nz] = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
  const body = [
    ...[...op.get(a), ...op.set(aRow), ...op.get(list), ...op.set(head)],
    ...[...op.get(M), ...op.set(i)],
    ...op.loop(), // over the rows of A
    ...[...op.get(aRow), ...op.set(aP), ...op.get(head), ...op.i32(4), ...op.i32Add()],
    ...[...op.set(item), ...op.i32(0), ...op.set(n), ...op.i32(0), ...op.set(bOff)],
    ...[...op.get(K), ...op.set(k)],
    ...op.loop(), // over k
    ...[...op.get(aP), ...op.i32Load(0), ...op.set(x)],
    ...[...op.get(item), ...op.get(x), ...op.i32Store(0)],
    ...[...op.get(item), ...op.get(bOff), ...op.i32Store(4)],
    ...[...op.get(x), ...op.i32(1), ...op.i32Shl(), ...op.i32Eqz(), ...op.i32Eqz(), ...op.set(nz)],
    // Keep the entry (advance past it) only if the value is nonzero: no branch.
    ...addTo(item, [...op.get(nz), ...op.i32(3), ...op.i32Shl()]),
    ...addTo(n, op.get(nz)),
    ...addTo(aP, op.get(kStep)),
    ...addTo(bOff, op.get(ldb)),
    ...countDown(k, 1),
    ...op.end(),
    ...[...op.get(head), ...op.get(n), ...op.i32Store(0)],
    ...addTo(head, op.get(rowBytes)),
    ...addTo(aRow, op.get(rowStep)),
    ...countDown(i, 1),
    ...op.end(),
  ];
  return { name: "sparsePack", params: 8, locals: [{ type: I32, count: 10 }], body };
}

/**
 * `sparseGemm(list, b, c, M, nBlocks, ldc, rowBytes)` for tiles of one row
 * and 4·H columns: C (row stride ldc bytes) = A · B over the entries that
 * `sparsePack` listed (list + i·rowBytes for row i), for nBlocks blocks of 4·H
 * columns starting at b and c. With `accumulate`, C += A · B: the row's
 * finished sum is added to C once, as it is stored.
 */
export function sparseGemmFunc(H: number, accumulate: boolean): Func {
  const [list, b, c, M, nBlocks, ldc, rowBytes] = [0, 1, 2, 3, 4, 5, 6];
  const [jb, i, head, cP, n, p, bP, bCol, cCol] = [7, 8, 9, 10, 11, 12, 13, 14, 15];
  const V = 16; // v128 locals: acc[h], the splat
  const acc = (h: number) => V + h;
  const s = V + H;
  /** acc += a ⊗ b[k][j..j+4H), for the entry `at` bytes past p. */
  const entry = (at: number) => {
    const code = [
      ...[...op.get(p), ...op.load32Splat(at), ...op.set(s)],
      ...[...op.get(bCol), ...op.get(p), ...op.i32Load(at + 4), ...op.i32Add(), ...op.set(bP)],
    ];
    for (let h = 0; h < H; h++) {
      code.push(
        ...op.get(acc(h)),
        ...op.get(s),
        ...op.get(bP),
        ...op.v128Load(16 * h),
        ...op.f32x4Mul(),
        ...op.f32x4Add(),
        ...op.set(acc(h)),
      );
    }
    return code;
  };
  const zeroAcc = [], storeAcc = [];
  for (let h = 0; h < H; h++) {
    zeroAcc.push(...op.v128Zero(), ...op.set(acc(h)));
    const sum = accumulate
      ? [...op.get(cP), ...op.v128Load(16 * h), ...op.get(acc(h)), ...op.f32x4Add()]
      : op.get(acc(h));
    storeAcc.push(...op.get(cP), ...sum, ...op.v128Store(16 * h));
  }
  const body = [
    ...[...op.get(b), ...op.set(bCol), ...op.get(c), ...op.set(cCol)],
    ...[...op.get(nBlocks), ...op.set(jb)],
    ...op.loop(), // over blocks of 4·H columns of B and C
    ...[...op.get(list), ...op.set(head), ...op.get(cCol), ...op.set(cP)],
    ...[...op.get(M), ...op.set(i)],
    ...op.loop(), // over the rows of A and C
    ...zeroAcc,
    ...[...op.get(head), ...op.i32Load(0), ...op.set(n)],
    ...[...op.get(head), ...op.i32(4), ...op.i32Add(), ...op.set(p)],
    ...op.block(),
    ...[...op.get(n), ...op.i32Eqz(), ...op.brIf(0)], // a row of zeros
    // An odd count: one entry first, then two per turn of the loop (the same
    // entries in the same order; unrolled only to halve the loop's bookkeeping).
    ...[...op.get(n), ...op.i32(1), ...op.i32And(), ...op.if()],
    ...entry(0),
    ...addTo(p, op.i32(ENTRY)),
    ...[...op.get(n), ...op.i32(1), ...op.i32Sub(), ...op.tee(n), ...op.i32Eqz(), ...op.brIf(1)],
    ...op.end(),
    ...op.loop(), // over the listed entries, two at a time
    ...entry(0),
    ...entry(ENTRY),
    ...addTo(p, op.i32(2 * ENTRY)),
    ...countDown(n, 2),
    ...op.end(),
    ...op.end(),
    ...storeAcc,
    ...addTo(head, op.get(rowBytes)),
    ...addTo(cP, op.get(ldc)),
    ...countDown(i, 1),
    ...op.end(),
    ...addTo(bCol, op.i32(16 * H)),
    ...addTo(cCol, op.i32(16 * H)),
    ...countDown(jb, 1),
    ...op.end(),
  ];
  return {
    name: `sparse${4 * H}${accumulate ? "Add" : ""}`,
    params: 7,
    locals: [{ type: I32, count: 9 }, { type: V128, count: H + 1 }],
    body,
  };
}
