import { expect } from "expect";
import { dot, maxRelativeDifference, numericGradient, randn } from "./_gradcheck.ts";
import { Dropout, dropout } from "./dropout.ts";
import { Rng } from "./rng.ts";
import { Tensor } from "./tensor.ts";

/** A 1 × n tensor filled with the value v. */
const filled = (n: number, v: number) => new Tensor(1, n, new Float32Array(n).fill(v));

Deno.test("`dropout()` draws the pinned 3×4 mask for seed 6 with p = 0.15 (claim S3-3)", () => {
  const x = Tensor.fromRows([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]);
  const { y, mask } = dropout(x, 0.15, new Rng(6));
  expect([...mask]).toEqual([1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1]);
  expect(y.get(0, 0)).toBe(Math.fround(1 / 0.85));
  expect(y.get(0, 2)).toBe(0);
});

Deno.test("`dropout()` scales kept values by 1/keep and writes exact zeros elsewhere", () => {
  const rng = new Rng(1), x = randn(50, 40, rng);
  for (const p of [0.2, 0.5, 0.9]) {
    const { y, mask } = dropout(x, p, rng);
    for (let i = 0; i < x.data.length; i++) {
      if (mask[i] === 1) {
        // Within one float32 ulp of x/keep (claim S0-6).
        const exact = x.data[i] / (1 - p), ulp = Math.abs(exact) * 2 ** -23;
        expect(Math.abs(y.data[i] - exact)).toBeLessThanOrEqual(ulp);
      } else expect(Object.is(y.data[i], 0)).toBe(true);
    }
  }
  const { y } = dropout(Tensor.fromRows([[0.13, 0.93]]), 0.2, new Rng(6));
  expect(y.toRows().flat().map((v) => v.toFixed(4))).toEqual(["0.1625", "1.1625"]);
});

Deno.test("`dropout()` keeps a unit exactly when `uniform() < keep` on the same stream", () => {
  for (const p of [0.1, 0.5, 0.77]) {
    const { mask } = dropout(Tensor.zeros(7, 1000), p, new Rng(2));
    const replay = new Rng(2);
    const expected = Uint8Array.from(mask, () => (replay.uniform() < 1 - p ? 1 : 0));
    expect(mask).toEqual(expected);
  }
});

Deno.test("`dropout()` drops a fraction p of units within 5 standard errors (claims S0-2, S3-1)", () => {
  const n = 1_000_000, rng = new Rng(3);
  for (const p of [0.1, 0.4, 0.5]) {
    const { mask } = dropout(filled(n, 1), p, rng);
    let dropped = 0, bothKept = 0;
    for (let i = 0; i < n; i++) dropped += 1 - mask[i];
    for (let i = 0; i + 1 < n; i += 2) bothKept += mask[i] & mask[i + 1];
    expect(Math.abs(dropped - n * p)).toBeLessThan(5 * Math.sqrt(n * p * (1 - p)));
    // Independence: disjoint neighbour pairs are both kept with probability keep².
    const pairs = n / 2, q = (1 - p) ** 2;
    expect(Math.abs(bothKept - pairs * q)).toBeLessThan(5 * Math.sqrt(pairs * q * (1 - q)));
  }
});

Deno.test("inverted `dropout()` preserves the mean and adds variance x²·p/keep (claims S1-13, V-1)", () => {
  const n = 1_000_000, x = 10;
  for (const p of [0.2, 0.5]) {
    const { y } = dropout(filled(n, x), p, new Rng(4));
    let sum = 0, sumSq = 0;
    for (const v of y.data) sum += v, sumSq += v * v;
    const variance = (x * x * p) / (1 - p);
    expect(Math.abs(sum / n - x)).toBeLessThan(5 * Math.sqrt(variance / n));
    // y/ (x/keep) is Bernoulli(keep), so y² has variance (x/keep)⁴ · keep · p.
    const sdSq = Math.sqrt(((x / (1 - p)) ** 4 * (1 - p) * p) / n);
    expect(Math.abs(sumSq / n - (sum / n) ** 2 - variance)).toBeLessThan(5 * sdSq + 1e-9);
  }
});

Deno.test("`dropout()` with p = 0 is the identity and p = 1 gives exact zeros (claim E-1)", () => {
  const x = Tensor.fromRows([[Infinity, -Infinity, NaN, -0, 3]]);
  const id = dropout(x, 0, new Rng(1));
  expect([...id.y.data]).toEqual([...x.data]);
  expect(Object.is(id.y.data[3], -0)).toBe(true);
  expect([...id.mask]).toEqual([1, 1, 1, 1, 1]);
  for (const mode of ["inverted", "standard"] as const) {
    const zero = dropout(x, 1, new Rng(1), { mode });
    expect([...zero.y.data]).toEqual([0, 0, 0, 0, 0]);
    expect([...zero.mask]).toEqual([0, 0, 0, 0, 0]);
    const evalZero = dropout(x, 1, new Rng(1), { mode: "standard", training: false });
    expect([...evalZero.y.data]).toEqual([0, 0, 0, 0, 0]); // × keep = 0, written, not multiplied
  }
  // A dropped infinite input is 0, not Infinity · 0 = NaN.
  const inf = dropout(filled(1000, Infinity), 0.5, new Rng(5));
  expect(inf.y.data.every((v, i) => (inf.mask[i] ? v === Infinity : Object.is(v, 0)))).toBe(true);
});

Deno.test("`dropout()` in evaluation: inverted is the identity, standard multiplies by keep (claims S0-1, S0-7)", () => {
  const x = Tensor.fromRows([[1, 2], [3, 4]]);
  const inv = dropout(x, 0.5, new Rng(1), { training: false });
  expect(inv.y).toBe(x);
  expect([...inv.mask]).toEqual([1, 1, 1, 1]);
  const out = Tensor.zeros(2, 2);
  expect(dropout(x, 0.5, new Rng(1), { training: false, out }).y).toBe(out);
  expect(out.toRows()).toEqual(x.toRows());
  const std = dropout(x, 0.25, new Rng(1), { mode: "standard", training: false });
  expect(std.y.toRows()).toEqual([[0.75, 1.5], [2.25, 3]]);
});

Deno.test("standard `dropout()` does not scale kept values in training", () => {
  const x = filled(100, 3);
  const { y, mask } = dropout(x, 0.5, new Rng(7), { mode: "standard" });
  expect(y.data.every((v, i) => v === 3 * mask[i])).toBe(true);
});

Deno.test("`dropout()` writes into the `out` and `mask` buffers it is given", () => {
  const x = Tensor.fromRows([[1, 2, 3]]), out = Tensor.zeros(1, 3), buf = new Uint8Array(3);
  const r = dropout(x, 0.5, new Rng(1), { out, mask: buf });
  expect(r.y).toBe(out);
  expect(r.mask).toBe(buf);
  expect(dropout(x, 0.5, new Rng(1), { out: x }).y).toBe(x); // in place
});

Deno.test("`Dropout` draws a new mask each step and eval() makes it deterministic (claims S4-3, S2-5)", () => {
  const layer = new Dropout(0.5, new Rng(8)), x = filled(64, 1);
  layer.forward(x);
  const first = layer.mask!.slice();
  layer.forward(x);
  expect(layer.mask).not.toEqual(first);
  layer.training = false;
  expect(layer.forward(x)).toBe(x);
  expect(layer.lastOutput).toBe(x);
  const std = new Dropout(0.5, new Rng(8), { mode: "standard" });
  std.training = false;
  expect(std.forward(x).data.every((v) => v === 0.5)).toBe(true);
  expect(std.backward(x).data.every((v) => v === 0.5)).toBe(true);
  expect(layer.backward(x)).toBe(x);
  expect(layer.parameters()).toEqual([]);
});

Deno.test("`Dropout.backward()` reuses the forward mask: gradient check (claim S3-2)", () => {
  for (const mode of ["inverted", "standard"] as const) {
    const rng = new Rng(9), x = randn(4, 6, rng), g = randn(4, 6, rng);
    const layer = new Dropout(0.4, new Rng(10), { mode });
    layer.forward(x);
    const dX = layer.backward(g);
    // The same seed draws the same mask whatever x is, so the mask is fixed across evaluations.
    const loss = () => dot(g, dropout(x, 0.4, new Rng(10), { mode }).y);
    const numeric = numericGradient(loss, x.data);
    expect(maxRelativeDifference(`Dropout (${mode}) dX`, dX.data, numeric)).toBeLessThan(1e-4);
    expect(dX.data.every((v, i) => layer.mask![i] === 1 || Object.is(v, 0))).toBe(true);
  }
});

Deno.test("`dropout()` and `Dropout` reject a bad p naming it and the allowed range (claim E-1)", () => {
  const x = Tensor.zeros(2, 2), rng = new Rng(1);
  expect(() => dropout(x, 1.2, rng)).toThrow(new RangeError("p must be in [0, 1], got 1.2"));
  expect(() => dropout(x, -0.1, rng)).toThrow(new RangeError("p must be in [0, 1], got -0.1"));
  expect(() => dropout(x, NaN, rng)).toThrow(new RangeError("p must be in [0, 1], got NaN"));
  expect(() => dropout(x, "0.5" as unknown as number, rng)).toThrow(
    new TypeError('p must be a number in [0, 1], got "0.5"'),
  );
  expect(() => dropout(x, undefined as unknown as number, rng)).toThrow(
    new TypeError("p must be a number in [0, 1], got undefined"),
  );
  expect(() => new Dropout(Infinity, rng)).toThrow(
    new RangeError("p must be in [0, 1], got Infinity"),
  );
});

Deno.test("`dropout()` and `Dropout` reject bad options, buffers and call order", () => {
  const x = Tensor.zeros(2, 2), rng = new Rng(1);
  expect(() => dropout([[1]] as unknown as Tensor, 0.5, rng)).toThrow(/x must be a Tensor/);
  expect(() => dropout(x, 0.5, {} as Rng)).toThrow(
    new TypeError("rng must be an Rng, got an Object"),
  );
  expect(() => dropout(x, 0.5, rng, { mode: "scaled" as "inverted" })).toThrow(
    new RangeError('mode must be "inverted" or "standard", got "scaled"'),
  );
  expect(() => dropout(x, 0.5, rng, { training: 1 as unknown as boolean })).toThrow(
    new TypeError("training must be a boolean, got 1"),
  );
  expect(() => dropout(x, 0.5, rng, { mask: new Uint8Array(3) })).toThrow(
    /mask must be a Uint8Array of length 4/,
  );
  expect(() => dropout(x, 0.5, rng, { out: Tensor.zeros(1, 4) })).toThrow(
    new RangeError("out must be 2×2, got 1×4"),
  );
  const layer = new Dropout(0.5, rng);
  expect(() => layer.backward(x)).toThrow("Dropout.backward called before forward");
  layer.forward(x);
  expect(() => layer.backward(Tensor.zeros(3, 2))).toThrow(
    new RangeError("dOut and the last output have mismatched shapes: dOut is 3×2, output is 2×2"),
  );
  expect(() => new Dropout(0.5, rng, { mode: "x" as "inverted" })).toThrow(RangeError);
});

Deno.test("Dropout's branch-free backward gives the plain rule's bytes, ±∞ and NaN in dOut included", () => {
  const rng = new Rng(21), x = new Tensor(30, 50), dOut = new Tensor(30, 50);
  for (let i = 0; i < x.data.length; i++) {
    x.data[i] = rng.normal();
    dOut.data[i] = i % 11 === 0 ? [Infinity, -Infinity, NaN, -0][i % 4] : rng.normal();
  }
  for (const mode of ["inverted", "standard"] as const) {
    const layer = new Dropout(0.4, new Rng(3), { mode });
    layer.forward(x);
    const mask = layer.mask!, s = mode === "inverted" ? 1 / 0.6 : 1;
    // The rule, as a plain loop: dOut · s where the unit was kept, else 0.
    const plain = new Float32Array(x.data.length);
    for (let i = 0; i < plain.length; i++) plain[i] = mask[i] === 1 ? dOut.data[i] * s : 0;
    const dX = layer.backward(dOut).data;
    for (let i = 0; i < plain.length; i++) {
      expect(Object.is(dX[i], plain[i]) || (isNaN(dX[i]) && isNaN(plain[i]))).toBe(true);
    }
  }
});
