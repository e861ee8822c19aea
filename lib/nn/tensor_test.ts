import { expect } from "expect";
import {
  addRowVector,
  argmaxRows,
  checkBatch,
  colSums,
  outTensor,
  rowSums,
  Tensor,
} from "./tensor.ts";

Deno.test("`Tensor` stores rows × cols row-major and rounds to float32", () => {
  const x = Tensor.fromRows([[1, 2, 3], [4, 5, 0.1]]);
  expect(x.shape).toBe("2×3");
  expect([...x.data]).toEqual([1, 2, 3, 4, 5, Math.fround(0.1)]);
  expect(x.get(1, 0)).toBe(4);
  x.set(0, 2, 7);
  expect(x.toRows()).toEqual([[1, 2, 7], [4, 5, Math.fround(0.1)]]);
  expect(Tensor.zeros(2, 3).data).toEqual(new Float32Array(6));
  expect(Tensor.fromRows([]).shape).toBe("0×0");
});

Deno.test("`row(i)` is a view and `clone()` is a copy", () => {
  const x = Tensor.fromRows([[1, 2], [3, 4]]);
  x.row(1)[0] = 9;
  expect(x.get(1, 0)).toBe(9);
  const c = x.clone();
  c.set(0, 0, 5);
  expect(x.get(0, 0)).toBe(1);
});

Deno.test("`addRowVector()`, `colSums()` and `rowSums()` compute the pinned values", () => {
  const a = Tensor.fromRows([[1, -2], [3, 4]]), b = Tensor.fromRows([[10, 20], [30, 40]]);
  expect(addRowVector(a, Tensor.fromRows([[1, 2]])).toRows()).toEqual([[2, 0], [4, 6]]);
  expect(colSums(a).toRows()).toEqual([[4, 2]]);
  expect(rowSums(a).toRows()).toEqual([[-1], [7]]);
  const out = Tensor.zeros(1, 2);
  expect(colSums(b, out)).toBe(out);
  expect(out.toRows()).toEqual([[40, 60]]);
  expect(addRowVector(a, out, a)).toBe(a); // in place
  expect(colSums(Tensor.zeros(0, 3)).toRows()).toEqual([[0, 0, 0]]);
});

Deno.test("`argmaxRows()` picks the first maximum and never NaN", () => {
  const x = Tensor.fromRows([[1, 3, 3], [NaN, -1, -2], [-Infinity, -Infinity, 0]]);
  expect([...argmaxRows(x)]).toEqual([1, 1, 2]);
});

Deno.test("`Tensor` rejects bad shapes, data and indices naming the parameter", () => {
  expect(() => new Tensor(-1, 2)).toThrow(new RangeError("rows must be an integer >= 0, got -1"));
  expect(() => new Tensor(2, 1.5)).toThrow(new RangeError("cols must be an integer >= 0, got 1.5"));
  expect(() => new Tensor(2, 2, new Float32Array(3))).toThrow(
    new RangeError("data must have rows · cols = 4 values for 2×2, got a Float32Array of length 3"),
  );
  expect(() => new Tensor(1, 1, [1] as unknown as Float32Array)).toThrow(TypeError);
  expect(() => Tensor.fromRows([[1, 2], [3]])).toThrow(/rows\[1\] must be an array of length 2/);
  const x = Tensor.zeros(2, 3);
  expect(() => x.get(2, 0)).toThrow(new RangeError("i must be an integer in [0, 1], got 2"));
  expect(() => x.set(0, -1, 1)).toThrow(new RangeError("j must be an integer in [0, 2], got -1"));
  expect(() => x.row(5)).toThrow(RangeError);
});

Deno.test("tensor ops reject mismatched shapes, wrong `out` and empty batches", () => {
  const a = Tensor.zeros(3, 4);
  expect(() => addRowVector(a, Tensor.zeros(1, 3))).toThrow(
    new RangeError("x and bias have mismatched shapes: bias must be 1×4, got 1×3 (x is 3×4)"),
  );
  expect(() => colSums(a, Tensor.zeros(1, 3))).toThrow(new RangeError("out must be 1×4, got 1×3"));
  expect(() => outTensor({} as Tensor, 1, 1)).toThrow(TypeError);
  expect(() => colSums([[1]] as unknown as Tensor)).toThrow(
    new TypeError("x must be a Tensor, got an array of length 1"),
  );
  expect(() => argmaxRows(Tensor.zeros(2, 0))).toThrow(/x must have at least one column/);
  expect(() => checkBatch("x", Tensor.zeros(0, 4))).toThrow(
    new RangeError("x must have at least one row (an empty batch), got 0×4"),
  );
});
