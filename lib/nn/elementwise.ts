/**
 * Elementwise arithmetic on tensors: `map`, `scale`, `hadamard` (⊙) and `add`.
 * Like every tensor operation, each takes an optional preallocated `out` of
 * the right shape (which may be an input: they work in place) and returns it.
 *
 * @module
 */
import { checkFinite, describe } from "./_check.ts";
import { checkTensor, outTensor, type Tensor } from "./tensor.ts";

/** Throws unless a and b have the same shape. */
function checkSameShape(aName: string, a: Tensor, bName: string, b: Tensor): void {
  checkTensor(aName, a);
  checkTensor(bName, b);
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new RangeError(
      `${aName} and ${bName} have mismatched shapes: ${aName} is ${a.shape}, ${bName} is ${b.shape}`,
    );
  }
}

/**
 * Applies `f` to every element: out[i][j] = f(x[i][j]).
 *
 * @param x The input.
 * @param f A function of one number.
 * @param out Optional output of x's shape (may be `x`).
 * @returns `out`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "./tensor.ts";
 * import { map } from "./elementwise.ts";
 * expect(map(Tensor.fromRows([[1, -2]]), Math.abs).toRows()).toEqual([[1, 2]]);
 * ```
 */
export function map(x: Tensor, f: (v: number) => number, out?: Tensor): Tensor {
  checkTensor("x", x);
  if (typeof f !== "function") throw new TypeError(`f must be a function, got ${describe(f)}`);
  const o = outTensor(out, x.rows, x.cols), xd = x.data, od = o.data;
  for (let i = 0; i < xd.length; i++) od[i] = f(xd[i]);
  return o;
}

/**
 * Multiplies every element by s: out = s · x.
 *
 * @param x The input.
 * @param s The factor.
 * @param out Optional output of x's shape (may be `x`).
 * @returns `out`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "./tensor.ts";
 * import { scale } from "./elementwise.ts";
 * expect(scale(Tensor.fromRows([[1, 2]]), 3).toRows()).toEqual([[3, 6]]);
 * ```
 */
export function scale(x: Tensor, s: number, out?: Tensor): Tensor {
  checkTensor("x", x);
  checkFinite("s", s);
  const o = outTensor(out, x.rows, x.cols), xd = x.data, od = o.data;
  for (let i = 0; i < xd.length; i++) od[i] = xd[i] * s;
  return o;
}

/**
 * Elementwise (Hadamard) product: out = a ⊙ b.
 *
 * @param a A tensor.
 * @param b A tensor of the same shape.
 * @param out Optional output of that shape (may be `a` or `b`).
 * @returns `out`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "./tensor.ts";
 * import { hadamard } from "./elementwise.ts";
 * const y = hadamard(Tensor.fromRows([[1, 2]]), Tensor.fromRows([[3, 4]]));
 * expect(y.toRows()).toEqual([[3, 8]]);
 * ```
 */
export function hadamard(a: Tensor, b: Tensor, out?: Tensor): Tensor {
  checkSameShape("a", a, "b", b);
  const o = outTensor(out, a.rows, a.cols), ad = a.data, bd = b.data, od = o.data;
  for (let i = 0; i < ad.length; i++) od[i] = ad[i] * bd[i];
  return o;
}

/**
 * Elementwise sum: out = a + b.
 *
 * @param a A tensor.
 * @param b A tensor of the same shape.
 * @param out Optional output of that shape (may be `a` or `b`).
 * @returns `out`.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Tensor } from "./tensor.ts";
 * import { add } from "./elementwise.ts";
 * expect(add(Tensor.fromRows([[1, 2]]), Tensor.fromRows([[3, 4]])).toRows()).toEqual([[4, 6]]);
 * ```
 */
export function add(a: Tensor, b: Tensor, out?: Tensor): Tensor {
  checkSameShape("a", a, "b", b);
  const o = outTensor(out, a.rows, a.cols), ad = a.data, bd = b.data, od = o.data;
  for (let i = 0; i < ad.length; i++) od[i] = ad[i] + bd[i];
  return o;
}
