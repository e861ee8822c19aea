/**
 * The fast matrix product behind `matmul`, `matmulTransA` and `matmulTransB`:
 * a blocked, vectorised kernel written in WebAssembly SIMD, assembled from
 * the TypeScript below when the library loads (see `_wasm.ts`).
 *
 * How it works (the README's "How the fast matmul works" tells it slowly):
 * - A, B are copied into wasm memory (the Tensors stay plain Float32Arrays).
 * - B is rearranged into panels of 8 columns, each K × 8 and contiguous.
 * - A is cut into blocks of 4 rows; for each block, `pack` copies the values
 *   of two consecutive k (a 4 × 2 sliver) side by side, skipping slivers that
 *   are all zero (blank pixels, dropped or inactive units), and lists the k kept.
 * - The kernel computes C one 4 × 8 tile at a time, in 8 registers of 4
 *   float32 lanes: per kept k it broadcasts a[i+r][k] to 4 lanes, multiplies
 *   by the 8 values b[k][j..j+7] (two vectors) and adds. The tile stays in
 *   registers until its sum over k is complete, then is stored once.
 * - Column panels outside, row blocks inside: one panel of B stays in cache
 *   while all of packed A streams past it.
 *
 * Reduction order, pinned: every c[i][j] is the float32 sum, in order k = 0,
 * 1, …, K−1, of the float32 products a[i][k]·b[k][j] (multiply rounded to
 * float32, then add rounded to float32; no fused multiply-add). `gemmJs`
 * performs exactly the same operations in the same order, so both give the
 * same bytes, and so do `matmul(a, b)`, `matmulTransA(aᵀ, b)` and
 * `matmulTransB(a, bᵀ)`. Skipping a zero product changes nothing: adding ±0
 * to a sum that starts at +0 leaves it unchanged (the sum is never −0). This
 * holds for finite b; where b holds ±∞ or NaN, a skipped 0·∞ would have been NaN.
 *
 * @module
 */
import { addTo, assemble, countDown, type Func, I32, I64, op, V128 } from "./_wasm.ts";
import { ENTRY, sparseGemmFunc, sparsePackFunc } from "./_gemm_sparse.ts";

/** Rows of a tile (A values per 16-byte load). */
export const MR = 4;
/** Columns of a tile (two vectors of 4 lanes). */
export const NR = 8;

/** How the kernel finds the 4 values a[i..i+3][k] of A. */
type ALayout =
  /** Side by side (aᵀ stored row-major, or A packed): one 16-byte load. */
  | "adjacent"
  /** In 4 rows `rowStep` bytes apart (A stored row-major): four 4-byte loads. */
  | "rows";

/** Bytes of one packed pair: a[i..i+3][k] and a[i..i+3][k+1]. */
const PAIR = 32;

/**
 * `pack(a, mBlocks, K, kStep, rowStep, blockStep, ldb, list, packed)`: for
 * each block of 4 rows of A, copies the pairs (k, k + 1) whose 8 values are
 * not all zero side by side into `packed` (32 bytes a pair, at packed +
 * block·16K), and lists them at list + block·(4 + 2K): their count n, then
 * n byte offsets k·ldb into B. The kernel then reads A sequentially and
 * visits only these pairs, so blank pixels and dropped units cost nothing.
 * (A pair holding only ±0 is skipped; one holding −0 may not be: both are exact.)
 */
function packFunc(layout: ALayout): Func {
  const [a, mBlocks, K, kStep, rowStep, blockStep, ldb, list, packed] = [
    0,
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    8,
  ];
  const [ib, k, aRow, aP, out, n, head, item, bOff, nz, blockOut] = [
    9,
    10,
    11,
    12,
    13,
    14,
    15,
    16,
    17,
    18,
    19,
  ];
  const [x0] = [20]; // i64 (rows) locals x0..x3
  const [v0, v1] = [24, 25]; // v128 (adjacent) locals
  // Copy the 8 values to out and set nz = 1 if any is nonzero. Adjacent: the
  // 4 values at k, then the 4 at k + 1. Rows: (k, k + 1) of row 0, of row 1, …
  const copyPair = layout === "adjacent"
    ? [
      ...[...op.get(aP), ...op.v128Load(), ...op.set(v0)],
      ...[...op.get(aP), ...op.get(kStep), ...op.i32Add(), ...op.v128Load(), ...op.set(v1)],
      ...[...op.get(out), ...op.get(v0), ...op.v128Store(0)],
      ...[...op.get(out), ...op.get(v1), ...op.v128Store(16)],
      ...[...op.get(v0), ...op.get(v1), ...op.v128Or(), ...op.anyTrue(), ...op.set(nz)],
    ]
    : [
      ...[0, 1, 2, 3].flatMap((r) => [
        ...op.get(aP),
        ...(r ? [...op.get(rowStep), ...op.i32(r), ...op.i32Mul(), ...op.i32Add()] : []),
        ...op.i64Load(),
        ...op.set(x0 + r),
        ...op.get(out),
        ...op.get(x0 + r),
        ...op.i64Store(8 * r),
      ]),
      ...[0, 1, 2, 3].flatMap((r) => [...op.get(x0 + r), ...(r ? op.i64Or() : [])]),
      ...[...op.i64Eqz(), ...op.i32Eqz(), ...op.set(nz)],
    ];
  const body = [
    ...[...op.get(a), ...op.set(aRow), ...op.get(list), ...op.set(head)],
    ...[...op.get(packed), ...op.set(blockOut), ...op.get(mBlocks), ...op.set(ib)],
    ...op.loop(), // over blocks of 4 rows
    ...[...op.i32(0), ...op.set(n), ...op.i32(0), ...op.set(bOff)],
    ...[...op.get(aRow), ...op.set(aP), ...op.get(blockOut), ...op.set(out)],
    ...[...op.get(head), ...op.i32(4), ...op.i32Add(), ...op.set(item)],
    ...[...op.get(K), ...op.set(k)],
    ...op.loop(), // over k, two at a time
    ...copyPair,
    ...[...op.get(item), ...op.get(bOff), ...op.i32Store(0)],
    // Keep the pair (advance past it) only if nonzero: no branch.
    ...addTo(out, [...op.get(nz), ...op.i32(PAIR), ...op.i32Mul()]),
    ...addTo(item, [...op.get(nz), ...op.i32(4), ...op.i32Mul()]),
    ...addTo(n, op.get(nz)),
    ...addTo(aP, [...op.get(kStep), ...op.i32(2), ...op.i32Mul()]),
    ...addTo(bOff, [...op.get(ldb), ...op.i32(2), ...op.i32Mul()]),
    ...countDown(k, 2),
    ...op.end(),
    ...[...op.get(head), ...op.get(n), ...op.i32Store(0)],
    ...addTo(head, [...op.get(K), ...op.i32(2), ...op.i32Mul(), ...op.i32(4), ...op.i32Add()]),
    ...addTo(blockOut, [...op.get(K), ...op.i32(16), ...op.i32Mul()]),
    ...addTo(aRow, op.get(blockStep)),
    ...countDown(ib, 1),
    ...op.end(),
  ];
  return {
    name: `${layout}Pack`,
    params: 9,
    locals: [{ type: I32, count: 11 }, { type: I64, count: 4 }, { type: V128, count: 2 }],
    body,
  };
}

/**
 * `panels(src, K, nBlocks, ldb, dst)`: rearranges B (K rows of stride ldb
 * bytes) into panels of 8 columns, each K × 8 and contiguous, so the kernel
 * reads B sequentially and one panel stays in the L1 cache.
 */
function panelsFunc(): Func {
  const [src, K, nBlocks, ldb, dst] = [0, 1, 2, 3, 4];
  const [jb, k, from, to, col] = [5, 6, 7, 8, 9];
  const body = [
    ...[...op.get(src), ...op.set(col), ...op.get(dst), ...op.set(to)],
    ...[...op.get(nBlocks), ...op.set(jb)],
    ...op.loop(),
    ...[...op.get(col), ...op.set(from), ...op.get(K), ...op.set(k)],
    ...op.loop(),
    ...[...op.get(to), ...op.get(from), ...op.v128Load(0), ...op.v128Store(0)],
    ...[...op.get(to), ...op.get(from), ...op.v128Load(16), ...op.v128Store(16)],
    ...addTo(from, op.get(ldb)),
    ...addTo(to, op.i32(4 * NR)),
    ...countDown(k, 1),
    ...op.end(),
    ...addTo(col, op.i32(4 * NR)),
    ...countDown(jb, 1),
    ...op.end(),
  ];
  return { name: "panels", params: 5, locals: [{ type: I32, count: 5 }], body };
}

/**
 * The kernel, for one layout of the packed pairs: `gemm(packed, b, c,
 * mBlocks, K, nBlocks, ldb, ldc, list)`, addresses and strides in bytes.
 * C (mBlocks·4 × nBlocks·8, row stride ldc) = A · B over the pairs that
 * `pack` kept, in increasing k; B has rows of stride ldb. With `accumulate`,
 * C += A · B instead: the tile's finished sum is added to C once, as it is
 * stored (the same float32 add as `grad[i] += sum[i]` in JavaScript).
 */
function gemmFunc(layout: ALayout, accumulate: boolean): Func {
  const H = NR / 4; // vectors per row of a tile
  const [packed, b, c, mBlocks, K, nBlocks, ldb, ldc, list, panelStep] = [
    0,
    1,
    2,
    3,
    4,
    5,
    6,
    7,
    8,
    9,
  ];
  const [ib, jb, n, aBlock, cRow, aP, bP, cP, bCol, bQ, head, p] = [
    10,
    11,
    12,
    13,
    14,
    15,
    16,
    17,
    18,
    19,
    20,
    21,
  ];
  const V = 22; // v128 locals: acc[r][h], B's H vectors, the splat
  const acc = (r: number, h: number) => V + H * r + h;
  const bv = (h: number) => V + H * MR + h;
  const s = V + H * MR + H;
  /** Where a[i+r][k+u] sits in a packed pair. */
  const aOffset = (r: number, u: number) => layout === "adjacent" ? 16 * u + 4 * r : 8 * r + 4 * u;
  /** tile += a[i..i+3][k+u] ⊗ b[k+u][j..j+7], A's pair `aBase` bytes past aP. */
  const step = (u: number, bBase: number, aBase: number) => {
    const code = [];
    for (let h = 0; h < H; h++) {
      code.push(...op.get(bBase), ...op.v128Load(16 * h), ...op.set(bv(h)));
    }
    for (let r = 0; r < MR; r++) {
      code.push(...op.get(aP), ...op.load32Splat(aBase + aOffset(r, u)), ...op.set(s));
      for (let h = 0; h < H; h++) {
        code.push(
          ...op.get(acc(r, h)),
          ...op.get(s),
          ...op.get(bv(h)),
          ...op.f32x4Mul(),
          ...op.f32x4Add(),
          ...op.set(acc(r, h)),
        );
      }
    }
    return code;
  };
  /** One kept pair: its offset into B is `pOffset` bytes past p, its A values `aBase` past aP. */
  const pair = (pOffset: number, aBase: number) => [
    ...[...op.get(bCol), ...op.get(p), ...op.i32Load(pOffset), ...op.i32Add(), ...op.tee(bP)],
    ...[...op.get(ldb), ...op.i32Add(), ...op.set(bQ)],
    ...step(0, bP, aBase),
    ...step(1, bQ, aBase),
  ];
  const zeroAcc = [], storeAcc = [];
  for (let r = 0; r < MR; r++) {
    const row = r === 0 ? [] : [...op.get(ldc), ...op.i32(r), ...op.i32Mul(), ...op.i32Add()];
    for (let h = 0; h < H; h++) {
      zeroAcc.push(...op.v128Zero(), ...op.set(acc(r, h)));
      const sum = accumulate
        ? [...op.get(cP), ...row, ...op.v128Load(16 * h), ...op.get(acc(r, h)), ...op.f32x4Add()]
        : op.get(acc(r, h));
      storeAcc.push(...op.get(cP), ...row, ...sum, ...op.v128Store(16 * h));
    }
  }
  // Loop order: column blocks outside, row blocks inside, so that one panel of
  // B (K × 8, read once per row block) stays in the L1/L2 cache while all of
  // packed A streams past it.
  const body = [
    ...[...op.get(b), ...op.set(bCol), ...op.get(c), ...op.set(cRow)],
    ...[...op.get(nBlocks), ...op.set(jb)],
    ...op.loop(), // over blocks of 8 columns of B and C
    ...[...op.get(packed), ...op.set(aBlock), ...op.get(cRow), ...op.set(cP)],
    ...[...op.get(list), ...op.set(head), ...op.get(mBlocks), ...op.set(ib)],
    ...op.loop(), // over blocks of 4 rows of A and C
    ...zeroAcc,
    ...[...op.get(head), ...op.i32Load(0), ...op.set(n)],
    ...[...op.get(head), ...op.i32(4), ...op.i32Add(), ...op.set(p)],
    ...[...op.get(aBlock), ...op.set(aP)],
    ...op.block(),
    ...[...op.get(n), ...op.i32Eqz(), ...op.brIf(0)], // an all-zero block of A
    // An odd count: one pair first, then two pairs per turn of the loop (the
    // same pairs in the same order; unrolled only to halve the loop's bookkeeping).
    ...[...op.get(n), ...op.i32(1), ...op.i32And(), ...op.if()],
    ...pair(0, 0),
    ...addTo(aP, op.i32(PAIR)),
    ...addTo(p, op.i32(4)),
    ...[...op.get(n), ...op.i32(1), ...op.i32Sub(), ...op.tee(n), ...op.i32Eqz(), ...op.brIf(1)],
    ...op.end(),
    ...op.loop(), // over the kept pairs (k, k + 1), two at a time
    ...pair(0, 0),
    ...pair(4, PAIR),
    ...addTo(aP, op.i32(2 * PAIR)),
    ...addTo(p, op.i32(8)),
    ...countDown(n, 2),
    ...op.end(),
    ...op.end(),
    ...storeAcc,
    ...addTo(head, [...op.get(K), ...op.i32(2), ...op.i32Mul(), ...op.i32(4), ...op.i32Add()]),
    ...addTo(aBlock, [...op.get(K), ...op.i32(16), ...op.i32Mul()]),
    ...addTo(cP, [...op.get(ldc), ...op.i32(MR), ...op.i32Mul()]),
    ...countDown(ib, 1),
    ...op.end(),
    ...addTo(bCol, op.get(panelStep)),
    ...addTo(cRow, op.i32(4 * NR)),
    ...countDown(jb, 1),
    ...op.end(),
  ];
  return {
    name: accumulate ? `${layout}Add` : layout,
    params: 10,
    locals: [{ type: I32, count: 12 }, { type: V128, count: H * MR + H + 1 }],
    body,
  };
}

/** The kernel's module bytes (exported for the test that checks it validates). */
export const gemmModuleBytes: Uint8Array<ArrayBuffer> = assemble([
  gemmFunc("adjacent", false),
  gemmFunc("rows", false),
  gemmFunc("adjacent", true),
  gemmFunc("rows", true),
  panelsFunc(),
  packFunc("adjacent"),
  packFunc("rows"),
  sparsePackFunc(),
  sparseGemmFunc(8, false),
  sparseGemmFunc(8, true),
  sparseGemmFunc(2, false),
  sparseGemmFunc(2, true),
]);

type GemmExport = (...args: number[]) => void;

/** The instantiated kernel and its memory, or null where WebAssembly SIMD is missing. */
const wasm = (() => {
  try {
    if (typeof WebAssembly !== "object" || !WebAssembly.validate(gemmModuleBytes)) return null;
    const memory = new WebAssembly.Memory({ initial: 1 });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(gemmModuleBytes), {
      env: { memory },
    });
    const fn = (name: string) => instance.exports[name] as GemmExport;
    return {
      memory,
      adjacent: fn("adjacent"),
      rows: fn("rows"),
      adjacentAdd: fn("adjacentAdd"),
      rowsAdd: fn("rowsAdd"),
      adjacentPack: fn("adjacentPack"),
      rowsPack: fn("rowsPack"),
      panels: fn("panels"),
      sparsePack: fn("sparsePack"),
      sparse32: fn("sparse32"),
      sparse32Add: fn("sparse32Add"),
      sparse8: fn("sparse8"),
      sparse8Add: fn("sparse8Add"),
    };
  } catch {
    return null;
  }
})();

/** `true` when the WebAssembly SIMD kernel is in use, `false` on the JavaScript fallback. */
export const usingWasm: boolean = wasm !== null;

/** Float32 view of the wasm memory, at least `bytes` long (grows the memory if needed). */
function heap(bytes: number): Float32Array {
  const memory = wasm!.memory;
  const need = Math.ceil((bytes - memory.buffer.byteLength) / 65536);
  if (need > 0) memory.grow(need);
  return new Float32Array(memory.buffer);
}

/** The three products, by the layout of their operands. */
export type Form = "a·b" | "aᵀ·b" | "a·bᵀ";

/** Options of {@linkcode gemm}. */
export interface GemmOptions {
  /** `true`: c += A·B (the product summed first, then added to c). Default `false`: c = A·B. */
  accumulate?: boolean;
  /** `false` forces the JavaScript fallback (for the tests). Default: wasm where available. */
  useWasm?: boolean;
  /**
   * Which wasm kernel (for the tests and benchmarks; both give the same bytes):
   * `"blocked"` (4 × 8 tiles), `"sparse"` (one row at a time, every zero of A
   * skipped) or `"auto"` (default: sparse when A is mostly zeros).
   */
  kernel?: "auto" | "blocked" | "sparse";
}

/**
 * c (M×N, row-major) = A·B for the three forms: "a·b" (a M×K, b K×N),
 * "aᵀ·b" (a K×M, b K×N) and "a·bᵀ" (a M×K, b N×K), in the pinned order;
 * with `accumulate`, c += A·B, where the sum A·B is completed first and then
 * added to c (so the bytes equal those of `c[i] += product[i]`).
 */
export function gemm(
  form: Form,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  M: number,
  K: number,
  N: number,
  { accumulate = false, useWasm = usingWasm, kernel = "auto" }: GemmOptions = {},
): void {
  if (M === 0 || N === 0) return;
  if (K === 0 || !useWasm || wasm === null) {
    const [sI, sK] = form === "aᵀ·b" ? [1, M] : [K, 1];
    const [sBk, sBn] = form === "a·bᵀ" ? [1, K] : [N, 1];
    return gemmJs(a, sI, sK, b, sBk, sBn, c, M, K, N, accumulate);
  }
  // Pad M to whole tiles, N to whole tiles, K to even, all with zeros
  // (a zero of A is a skipped product: the sums do not change).
  const Mp = Math.ceil(M / MR) * MR, Np = Math.ceil(N / NR) * NR, Kp = K + (K % 2);
  if (kernel === "sparse" || (kernel === "auto" && sparseIsFaster(a, M * K, N))) {
    return sparseGemm(form, a, b, c, M, K, N, Np, accumulate);
  }
  // Offsets in wasm memory, in floats: A, B, C, the packed pairs of A, their list.
  const aOff = 0, bOff = Mp * Kp, cOff = bOff + Kp * Np, packOff = cOff + Mp * Np;
  const panelOff = packOff + Mp * Kp, listOff = panelOff + Kp * Np;
  const h = heap(4 * (listOff + (Mp / MR) * (Kp / 2 + 1)));
  // A, as "rows" (row-major, Mp × Kp) or "adjacent" (aᵀ row-major, Kp × Mp).
  let layout: ALayout, kStep: number, rowStep: number, blockStep: number;
  if (form === "aᵀ·b") {
    [layout, kStep, rowStep, blockStep] = ["adjacent", 4 * Mp, 4, 16];
    copyRows(h, aOff, Mp, a, K, M);
    h.fill(0, aOff + K * Mp, aOff + Kp * Mp);
  } else {
    [layout, kStep, rowStep, blockStep] = ["rows", 4, 4 * Kp, 16 * Kp];
    copyRows(h, aOff, Kp, a, M, K);
    h.fill(0, aOff + M * Kp, aOff + Mp * Kp);
  }
  // B, row-major Kp × Np.
  copyB(form, h, bOff, b, K, N, Np);
  h.fill(0, bOff + K * Np, bOff + Kp * Np);
  // With accumulate, C starts as c (its padding columns as zeros; padding rows are never read).
  if (accumulate) copyRows(h, cOff, Np, c, M, N);
  const tiles = layout === "adjacent"
    ? (accumulate ? wasm.adjacentAdd : wasm.adjacent)
    : (accumulate ? wasm.rowsAdd : wasm.rows);
  const pack = layout === "adjacent" ? wasm.adjacentPack : wasm.rowsPack;
  // B in panels of 8 columns (each Kp × 8, row stride 32 bytes), A in kept pairs.
  wasm.panels(4 * bOff, Kp, Np / NR, 4 * Np, 4 * panelOff);
  pack(4 * aOff, Mp / MR, Kp, kStep, rowStep, blockStep, 4 * NR, 4 * listOff, 4 * packOff);
  tiles(
    4 * packOff,
    4 * panelOff,
    4 * cOff,
    Mp / MR,
    Kp,
    Np / NR,
    4 * NR,
    4 * Np,
    4 * listOff,
    4 * Kp * NR,
  );
  copyOut(h, cOff, Np, c, M, N);
}

/**
 * Whether the row-sparse kernel beats the blocked one, as measured on this
 * course's shapes: when at least 32 columns fill its wide tiles and fewer than
 * half the values of A are nonzero (dense, it does about 1.4× the blocked
 * kernel's time; at a fifth nonzero, as for digits or dropped ReLU units, about half).
 */
function sparseIsFaster(a: Float32Array, n: number, N: number): boolean {
  return N >= 32 && nonzeroShare(a, n) < 0.5;
}

/** The share of nonzero values among about 1,000 evenly spaced values of a[0..n). */
function nonzeroShare(a: Float32Array, n: number): number {
  const step = Math.max(1, Math.floor(n / 1024));
  let seen = 0, nonzero = 0;
  for (let i = 0; i < n; i += step) seen++, nonzero += +(a[i] !== 0);
  return nonzero / seen;
}

/**
 * The same product by the row-sparse kernels of `_gemm_sparse.ts`: A's
 * nonzero values listed row by row, C computed one row and 32 columns at a
 * time (8 for the last columns), B read in place (row-major, Np wide).
 */
function sparseGemm(
  form: Form,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  M: number,
  K: number,
  N: number,
  Np: number,
  accumulate: boolean,
): void {
  const w = wasm!;
  // Offsets in wasm memory, in floats: A (as given), B (row-major K × Np), C (M × Np), the list.
  const rowFloats = 1 + (ENTRY / 4) * K;
  const aOff = 0, bOff = M * K, cOff = bOff + K * Np, listOff = cOff + M * Np;
  const h = heap(4 * (listOff + M * rowFloats));
  h.set(a.subarray(0, M * K), aOff);
  copyB(form, h, bOff, b, K, N, Np);
  if (accumulate) copyRows(h, cOff, Np, c, M, N);
  // Element (i, k) of A: a[i·K + k], or a[k·M + i] when a holds Aᵀ.
  const [kStep, rowStep] = form === "aᵀ·b" ? [4 * M, 4] : [4, 4 * K];
  w.sparsePack(4 * aOff, M, K, kStep, rowStep, 4 * Np, 4 * listOff, 4 * rowFloats);
  const wide = Math.floor(Np / 32), narrow = (Np - 32 * wide) / NR;
  const [kernel32, kernel8] = accumulate ? [w.sparse32Add, w.sparse8Add] : [w.sparse32, w.sparse8];
  const args = [4 * listOff, 4 * bOff, 4 * cOff, M] as const;
  if (wide > 0) kernel32(...args, wide, 4 * Np, 4 * rowFloats);
  if (narrow > 0) {
    const [list, bAt, cAt] = args;
    kernel8(list, bAt + 128 * wide, cAt + 128 * wide, M, narrow, 4 * Np, 4 * rowFloats);
  }
  copyOut(h, cOff, Np, c, M, N);
}

/** Copies B into h at `off` as row-major K × Np (zero-padded), transposing it for "a·bᵀ". */
function copyB(
  form: Form,
  h: Float32Array,
  off: number,
  b: Float32Array,
  K: number,
  N: number,
  Np: number,
): void {
  if (form !== "a·bᵀ") return copyRows(h, off, Np, b, K, N);
  for (let k = 0; k < K; k++) {
    const dst = off + k * Np;
    for (let j = 0; j < N; j++) h[dst + j] = b[j * K + k];
    h.fill(0, dst + N, dst + Np);
  }
}

/** Copies C (M rows of stride Np at `off` in h) out to c (M × N). */
function copyOut(h: Float32Array, off: number, Np: number, c: Float32Array, M: number, N: number) {
  if (Np === N) c.set(h.subarray(off, off + M * N));
  else for (let i = 0; i < M; i++) c.set(h.subarray(off + i * Np, off + i * Np + N), i * N);
}

/** Copies a rows × cols matrix into h at `off` with row stride `stride` ≥ cols, zero-padded. */
function copyRows(
  h: Float32Array,
  off: number,
  stride: number,
  x: Float32Array,
  rows: number,
  cols: number,
): void {
  if (stride === cols) return h.set(x.subarray(0, rows * cols), off);
  for (let r = 0; r < rows; r++) {
    h.set(x.subarray(r * cols, (r + 1) * cols), off + r * stride);
    h.fill(0, off + r * stride + cols, off + (r + 1) * stride);
  }
}

/**
 * The same product in plain JavaScript, in the same order with the same
 * float32 roundings (`Math.fround` on each product; the add rounds when it is
 * stored into the Float32Array): the fallback where WebAssembly SIMD is
 * missing, and the oracle the wasm kernel is tested against, bit for bit.
 */
export function gemmJs(
  a: Float32Array,
  sI: number,
  sK: number,
  b: Float32Array,
  sBk: number,
  sBn: number,
  c: Float32Array,
  M: number,
  K: number,
  N: number,
  accumulate = false,
): void {
  // Each row's sums are made in `row` (float32, so every add rounds), then stored or added.
  const row = new Float32Array(N);
  for (let i = 0; i < M; i++) {
    const co = i * N;
    row.fill(0);
    for (let k = 0; k < K; k++) {
      const v = a[i * sI + k * sK];
      if (v === 0) continue; // adds ±0: no change (see the module comment)
      const bo = k * sBk;
      for (let j = 0; j < N; j++) row[j] += Math.fround(v * b[bo + j * sBn]);
    }
    if (accumulate) { for (let j = 0; j < N; j++) c[co + j] += row[j]; }
    else c.set(row, co);
  }
}
