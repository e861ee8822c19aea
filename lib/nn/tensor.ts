/**
 * `Tensor`: a rows × cols matrix of float32 numbers, stored row-major in one
 * `Float32Array`, and the shape-checked elementwise operations the layers use.
 * (Matrix products live in `matmul.ts`, elementwise arithmetic in `elementwise.ts`.)
 *
 * Every operation takes an optional preallocated `out` of the right shape,
 * writes into it and returns it; without `out` it allocates one. Loops never
 * allocate.
 *
 * @module
 */
import { checkInteger, checkNumber, describe } from "./_check.ts";

/**
 * A rows × cols float32 matrix; element (i, j) is `data[i * cols + j]`.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "./tensor.ts";
 * const x = Tensor.fromRows([[1, 2, 3], [4, 5, 6]]);
 * expect(x.shape).toBe("2×3");
 * expect(x.get(1, 2)).toBe(6);
 * ```
 */
export class Tensor {
  /** Number of rows (examples in a batch). */
  readonly rows: number;
  /** Number of columns (features or units). */
  readonly cols: number;
  /** The values, row-major: element (i, j) is `data[i * cols + j]`. */
  readonly data: Float32Array;

  /**
   * Wraps `data` (not copied) or allocates zeros.
   *
   * @param rows Number of rows, an integer ≥ 0.
   * @param cols Number of columns, an integer ≥ 0.
   * @param data Optional values, length rows · cols.
   */
  constructor(rows: number, cols: number, data?: Float32Array) {
    this.rows = checkInteger("rows", rows);
    this.cols = checkInteger("cols", cols);
    if (data === undefined) data = new Float32Array(rows * cols);
    if (!(data instanceof Float32Array)) {
      throw new TypeError(`data must be a Float32Array, got ${describe(data)}`);
    }
    if (data.length !== rows * cols) {
      throw new RangeError(
        `data must have rows · cols = ${rows * cols} values for ${rows}×${cols}, got ${
          describe(data)
        }`,
      );
    }
    this.data = data;
  }

  /**
   * A rows × cols tensor of zeros.
   *
   * @param rows Number of rows.
   * @param cols Number of columns.
   * @returns A new zero tensor.
   * @example
   * ```ts
   * import { expect } from "expect";
   * import { Tensor } from "./tensor.ts";
   * expect(Tensor.zeros(2, 2).toRows()).toEqual([[0, 0], [0, 0]]);
   * ```
   */
  static zeros(rows: number, cols: number): Tensor {
    return new Tensor(rows, cols);
  }

  /**
   * Builds a tensor from nested arrays, one inner array per row.
   *
   * @param rows The rows; all must have the same length and hold numbers (±Infinity
   *   and NaN are kept: a tensor may hold them, the losses refuse them).
   * @returns A new tensor (values rounded to float32).
   * @example
   * ```ts
   * import { expect } from "expect";
   * import { Tensor } from "./tensor.ts";
   * expect(Tensor.fromRows([[1, 2]]).shape).toBe("1×2");
   * ```
   */
  static fromRows(rows: number[][]): Tensor {
    if (!Array.isArray(rows)) throw new TypeError(`rows must be an array, got ${describe(rows)}`);
    const cols = rows.length === 0 ? 0 : rows[0].length;
    const t = new Tensor(rows.length, cols);
    rows.forEach((r, i) => {
      if (!Array.isArray(r) || r.length !== cols) {
        throw new RangeError(`rows[${i}] must be an array of length ${cols}, got ${describe(r)}`);
      }
      for (let j = 0; j < cols; j++) checkNumber(`rows[${i}][${j}]`, r[j]);
      t.data.set(r, i * cols);
    });
    return t;
  }

  /** The shape for messages, e.g. `"3×4"`. */
  get shape(): string {
    return `${this.rows}×${this.cols}`;
  }

  /** Element (i, j). @param i Row. @param j Column. @returns The value. */
  get(i: number, j: number): number {
    this.#checkIndex(i, j);
    return this.data[i * this.cols + j];
  }

  /** Sets element (i, j) to v. @param i Row. @param j Column. @param v The value. */
  set(i: number, j: number, v: number): void {
    this.#checkIndex(i, j);
    checkNumber("v", v);
    this.data[i * this.cols + j] = v;
  }

  #checkIndex(i: number, j: number): void {
    checkInteger("i", i, 0, this.rows - 1);
    checkInteger("j", j, 0, this.cols - 1);
  }

  /**
   * Row i as a view (a `subarray`: writing to it writes to the tensor).
   *
   * @param i The row index.
   * @returns A `Float32Array` of length `cols` sharing this tensor's memory.
   */
  row(i: number): Float32Array {
    checkInteger("i", i, 0, this.rows - 1);
    return this.data.subarray(i * this.cols, (i + 1) * this.cols);
  }

  /** The values as nested arrays, one per row. @returns A new `number[][]`. */
  toRows(): number[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from(this.row(i)));
  }

  /** A copy with its own memory. @returns A new tensor with the same values. */
  clone(): Tensor {
    return new Tensor(this.rows, this.cols, this.data.slice());
  }
}

/**
 * Throws a `TypeError` unless `t` is a `Tensor` (for checks at a public boundary).
 *
 * @param name The parameter's name, for the message.
 * @param t The value to check.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { checkTensor } from "./tensor.ts";
 * expect(() => checkTensor("x", [1])).toThrow("x must be a Tensor, got an array of length 1");
 * ```
 */
export function checkTensor(name: string, t: unknown): asserts t is Tensor {
  if (!(t instanceof Tensor)) throw new TypeError(`${name} must be a Tensor, got ${describe(t)}`);
}

/**
 * Throws unless `x` is a `Tensor` with at least one row (a non-empty batch).
 *
 * @param name The parameter's name, for the message.
 * @param x The value to check.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { checkBatch, Tensor } from "./tensor.ts";
 * expect(() => checkBatch("x", Tensor.zeros(0, 3))).toThrow(
 *   "x must have at least one row (an empty batch), got 0×3",
 * );
 * ```
 */
export function checkBatch(name: string, x: unknown): asserts x is Tensor {
  checkTensor(name, x);
  if (x.rows === 0) {
    throw new RangeError(`${name} must have at least one row (an empty batch), got ${x.shape}`);
  }
}

/**
 * The output buffer of an operation: `out` after checking its shape, or a new tensor.
 *
 * @param out The caller's buffer, or `undefined`.
 * @param rows The required number of rows.
 * @param cols The required number of columns.
 * @returns `out`, or a new rows × cols tensor of zeros.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { outTensor, Tensor } from "./tensor.ts";
 * expect(outTensor(undefined, 2, 3).shape).toBe("2×3");
 * expect(() => outTensor(Tensor.zeros(1, 1), 2, 3)).toThrow("out must be 2×3, got 1×1");
 * ```
 */
export function outTensor(out: Tensor | undefined, rows: number, cols: number): Tensor {
  checkInteger("rows", rows);
  checkInteger("cols", cols);
  if (out === undefined) return new Tensor(rows, cols);
  checkTensor("out", out);
  if (out.rows !== rows || out.cols !== cols) {
    throw new RangeError(`out must be ${rows}×${cols}, got ${out.shape}`);
  }
  return out;
}

/**
 * Adds a 1 × cols row vector to every row: out[i][j] = x[i][j] + bias[j].
 *
 * @param x A rows × cols tensor.
 * @param bias A 1 × cols tensor.
 * @param out Optional rows × cols output (may be `x` itself).
 * @returns `out`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { addRowVector, Tensor } from "./tensor.ts";
 * const y = addRowVector(Tensor.fromRows([[1, 2], [3, 4]]), Tensor.fromRows([[10, 20]]));
 * expect(y.toRows()).toEqual([[11, 22], [13, 24]]);
 * ```
 */
export function addRowVector(x: Tensor, bias: Tensor, out?: Tensor): Tensor {
  checkTensor("x", x);
  checkTensor("bias", bias);
  if (bias.rows !== 1 || bias.cols !== x.cols) {
    throw new RangeError(
      `x and bias have mismatched shapes: bias must be 1×${x.cols}, got ${bias.shape} (x is ${x.shape})`,
    );
  }
  const o = outTensor(out, x.rows, x.cols), xd = x.data, bd = bias.data, od = o.data, n = x.cols;
  for (let i = 0; i < x.rows; i++) {
    const off = i * n;
    for (let j = 0; j < n; j++) od[off + j] = xd[off + j] + bd[j];
  }
  return o;
}

/**
 * Column sums (the sum over the rows, i.e. over the batch): out[0][j] = Σᵢ x[i][j].
 * This is the bias gradient dB = Σᵢ dOut[i].
 *
 * @param x A rows × cols tensor.
 * @param out Optional 1 × cols output.
 * @returns `out`, 1 × cols.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { colSums, Tensor } from "./tensor.ts";
 * expect(colSums(Tensor.fromRows([[1, 2], [3, 4]])).toRows()).toEqual([[4, 6]]);
 * ```
 */
export function colSums(x: Tensor, out?: Tensor): Tensor {
  checkTensor("x", x);
  const o = outTensor(out, 1, x.cols), od = o.data, xd = x.data, n = x.cols;
  od.fill(0);
  for (let i = 0; i < x.rows; i++) {
    const off = i * n;
    for (let j = 0; j < n; j++) od[j] += xd[off + j];
  }
  return o;
}

/**
 * Row sums (each example's total): out[i][0] = Σⱼ x[i][j].
 *
 * @param x A rows × cols tensor.
 * @param out Optional rows × 1 output.
 * @returns `out`, rows × 1.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { rowSums, Tensor } from "./tensor.ts";
 * expect(rowSums(Tensor.fromRows([[1, 2], [3, 4]])).toRows()).toEqual([[3], [7]]);
 * ```
 */
export function rowSums(x: Tensor, out?: Tensor): Tensor {
  checkTensor("x", x);
  const o = outTensor(out, x.rows, 1), xd = x.data, n = x.cols;
  for (let i = 0; i < x.rows; i++) {
    let s = 0; // accumulate in float64
    for (let j = 0; j < n; j++) s += xd[i * n + j];
    o.data[i] = s;
  }
  return o;
}

/**
 * The column index of each row's largest value (the first one on ties; NaN is
 * never chosen over a number). With class scores as columns, the predicted class.
 * A row with no number at all (all NaN) has no answer, so it throws.
 *
 * @param x A rows × cols tensor with cols ≥ 1 and a number in every row.
 * @returns An `Int32Array` of length rows.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { argmaxRows, Tensor } from "./tensor.ts";
 * expect([...argmaxRows(Tensor.fromRows([[1, 5, 2], [7, 0, 7]]))]).toEqual([1, 0]);
 * ```
 */
export function argmaxRows(x: Tensor): Int32Array {
  checkTensor("x", x);
  if (x.cols === 0) throw new RangeError(`x must have at least one column, got ${x.shape}`);
  const out = new Int32Array(x.rows), xd = x.data, n = x.cols;
  for (let i = 0; i < x.rows; i++) {
    let best = -1, bestV = -Infinity;
    for (let j = 0; j < n; j++) {
      const v = xd[i * n + j];
      if (v > bestV || (best === -1 && v === -Infinity)) bestV = v, best = j;
    }
    if (best === -1) {
      throw new RangeError(`x must have a number in every row, got only NaN in row ${i}`);
    }
    out[i] = best;
  }
  return out;
}
