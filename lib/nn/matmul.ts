/**
 * Matrix products for the layers: `matmul` (a·b), `matmulTransA` (aᵀ·b) and
 * `matmulTransB` (a·bᵀ), plus `matmulReference`, the plain triple loop the
 * fast kernels are tested against.
 *
 * Linear's forward is x·W, its backward needs xᵀ·dOut (for dW) and dOut·Wᵀ
 * (for dX); computing the transposed forms directly avoids copying a transpose.
 *
 * The three fast products share one kernel (`_gemm.ts`: WebAssembly SIMD,
 * assembled from TypeScript at load time, with a plain JavaScript fallback
 * that gives the same bytes). Their reduction order is pinned: each output is
 * the float32 sum over k = 0, 1, …, K−1, in that order, of the float32
 * products, so `matmul(a, b)`, `matmulTransA(aᵀ, b)` and `matmulTransB(a, bᵀ)`
 * agree bit for bit, and a run gives the same bytes on every machine.
 * `matmulReference` sums in float64 instead; the two differ by at most the
 * float32 rounding bound γ_K·Σₖ|a_ik·b_kj| with γ_K = K·2⁻²⁴/(1 − K·2⁻²⁴).
 *
 * Each fast product can also add into its output (`{ accumulate: true }`:
 * out += product, the product summed first and then added), which is how
 * `Linear` accumulates dW into its gradient without a temporary matrix.
 *
 * @module
 */
import { describe } from "./_check.ts";
import { gemm } from "./_gemm.ts";
import { checkTensor, outTensor, Tensor } from "./tensor.ts";

/** Options of the fast products. */
export interface MatmulOptions {
  /**
   * `true`: out += product (out is required; the product is summed in the
   * pinned order first, then added, so the bytes equal `out[i] += product[i]`).
   * Default `false`: out = product.
   */
  accumulate?: boolean;
}

/** Reads the `accumulate` option: a boolean, and only with an `out` to add into. */
function accumulateOf(options: MatmulOptions, out: Tensor | undefined): boolean {
  const accumulate = options.accumulate ?? false;
  if (typeof accumulate !== "boolean") {
    throw new TypeError(`accumulate must be a boolean, got ${describe(accumulate)}`);
  }
  if (accumulate && out === undefined) {
    throw new TypeError("accumulate needs an out tensor to add into, got none");
  }
  return accumulate;
}

/**
 * Checks a product's operands and returns its output tensor: both inputs are
 * tensors, their inner dimensions match (the error names both shapes), and
 * `out`, when given, has the product's shape and shares no memory with them.
 */
function prepare(
  form: "a·b" | "aᵀ·b" | "a·bᵀ",
  a: Tensor,
  b: Tensor,
  out: Tensor | undefined,
): Tensor {
  checkTensor("a", a);
  checkTensor("b", b);
  const [rows, innerA] = form === "aᵀ·b" ? [a.cols, a.rows] : [a.rows, a.cols];
  const [innerB, cols] = form === "a·bᵀ" ? [b.cols, b.rows] : [b.rows, b.cols];
  if (innerA !== innerB) {
    throw new RangeError(
      `a and b have mismatched shapes for ${form}: a is ${a.shape}, b is ${b.shape}`,
    );
  }
  const o = outTensor(out, rows, cols);
  checkNoAlias(o, a, b);
  return o;
}

/** Throws if `out` shares memory with an input (the kernels read inputs while writing out). */
function checkNoAlias(out: Tensor, a: Tensor, b: Tensor): void {
  for (const [name, t] of [["a", a], ["b", b]] as const) {
    const o = out.data, d = t.data;
    if (
      o.buffer === d.buffer && o.byteOffset < d.byteOffset + d.byteLength &&
      d.byteOffset < o.byteOffset + o.byteLength
    ) {
      throw new RangeError(`out must not share memory with ${name}`);
    }
  }
}

/**
 * The plain triple loop out[i][j] = Σₖ a[i][k]·b[k][j], kept as the oracle
 * that the fast `matmul` is tested against.
 *
 * @param a An M×K tensor.
 * @param b A K×N tensor.
 * @param out Optional M×N output (must not share memory with a or b).
 * @returns `out`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "./tensor.ts";
 * import { matmulReference } from "./matmul.ts";
 * const y = matmulReference(Tensor.fromRows([[1, 2]]), Tensor.fromRows([[3], [4]]));
 * expect(y.toRows()).toEqual([[11]]);
 * ```
 */
export function matmulReference(a: Tensor, b: Tensor, out?: Tensor): Tensor {
  const o = prepare("a·b", a, b, out);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      let s = 0;
      for (let k = 0; k < a.cols; k++) s += a.data[i * a.cols + k] * b.data[k * b.cols + j];
      o.data[i * b.cols + j] = s;
    }
  }
  return o;
}

/**
 * Matrix product out = a·b (the forward of `Linear`: x·W).
 *
 * @param a An M×K tensor.
 * @param b A K×N tensor.
 * @param out Optional M×N output (must not share memory with a or b).
 * @param options `accumulate: true` adds the product into `out` instead of overwriting it.
 * @returns `out`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "./tensor.ts";
 * import { matmul } from "./matmul.ts";
 * const y = matmul(Tensor.fromRows([[1, 2], [3, 4]]), Tensor.fromRows([[1, 0], [0, 1]]));
 * expect(y.toRows()).toEqual([[1, 2], [3, 4]]);
 * ```
 */
export function matmul(
  a: Tensor,
  b: Tensor,
  out?: Tensor,
  options: MatmulOptions = {},
): Tensor {
  const accumulate = accumulateOf(options, out);
  const o = prepare("a·b", a, b, out);
  gemm("a·b", a.data, b.data, o.data, a.rows, a.cols, b.cols, { accumulate });
  return o;
}

/**
 * Matrix product with a transposed: out = aᵀ·b (in `Linear`'s backward, dW = xᵀ·dOut).
 *
 * @param a A K×M tensor.
 * @param b A K×N tensor.
 * @param out Optional M×N output (must not share memory with a or b).
 * @param options `accumulate: true` adds the product into `out` instead of overwriting it.
 * @returns `out`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "./tensor.ts";
 * import { matmulTransA } from "./matmul.ts";
 * const y = matmulTransA(Tensor.fromRows([[1, 2]]), Tensor.fromRows([[3, 4]]));
 * expect(y.toRows()).toEqual([[3, 4], [6, 8]]);
 * matmulTransA(Tensor.fromRows([[1, 2]]), Tensor.fromRows([[3, 4]]), y, { accumulate: true });
 * expect(y.toRows()).toEqual([[6, 8], [12, 16]]); // y += aᵀ·b
 * ```
 */
export function matmulTransA(
  a: Tensor,
  b: Tensor,
  out?: Tensor,
  options: MatmulOptions = {},
): Tensor {
  const accumulate = accumulateOf(options, out);
  const o = prepare("aᵀ·b", a, b, out);
  gemm("aᵀ·b", a.data, b.data, o.data, a.cols, a.rows, b.cols, { accumulate });
  return o;
}

/**
 * Matrix product with b transposed: out = a·bᵀ (in `Linear`'s backward, dX = dOut·Wᵀ).
 *
 * @param a An M×K tensor.
 * @param b An N×K tensor.
 * @param out Optional M×N output (must not share memory with a or b).
 * @param options `accumulate: true` adds the product into `out` instead of overwriting it.
 * @returns `out`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "./tensor.ts";
 * import { matmulTransB } from "./matmul.ts";
 * const y = matmulTransB(Tensor.fromRows([[1, 2]]), Tensor.fromRows([[3, 4], [5, 6]]));
 * expect(y.toRows()).toEqual([[11, 17]]);
 * ```
 */
export function matmulTransB(
  a: Tensor,
  b: Tensor,
  out?: Tensor,
  options: MatmulOptions = {},
): Tensor {
  const accumulate = accumulateOf(options, out);
  const o = prepare("a·bᵀ", a, b, out);
  gemm("a·bᵀ", a.data, b.data, o.data, a.rows, a.cols, b.rows, { accumulate });
  return o;
}
