import { expect } from "expect";
import { Rng } from "./rng.ts";

// Pinned values: sfc32 is pure 32-bit integer arithmetic, so these hold on every machine.
Deno.test("`Rng` gives the same pinned numbers for the same seed on every machine", () => {
  const rng = new Rng(42);
  expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32()])
    .toEqual([1959603763, 2423114712, 2466933512, 4144396390]);
  expect(new Rng(0).nextUint32()).toBe(2899526011);
  expect(new Rng(-1).nextUint32()).toBe(501711139);
  expect(new Rng(2 ** 40).nextUint32()).toBe(996027891); // high bits of the seed count
  expect(new Rng(0).fork(0).nextUint32()).toBe(2016472488);
  expect(new Rng(1).normal()).toBe(-1.1081023031459833);
  expect([...new Rng(3).permutation(6)]).toEqual([0, 4, 5, 3, 2, 1]);
});

Deno.test("`Rng` streams advance and differ between seeds", () => {
  const a = new Rng(1), b = new Rng(2);
  const first = a.uniform();
  expect(a.uniform()).not.toBe(first);
  expect(b.uniform()).not.toBe(first);
});

Deno.test("`fillUint32()` and `fillUniform()` continue the same stream as single draws", () => {
  const bulk = new Rng(5), single = new Rng(5);
  const u = bulk.fillUint32(new Uint32Array(10));
  expect([...u]).toEqual(Array.from({ length: 10 }, () => single.nextUint32()));
  const f = bulk.fillUniform(new Float32Array(10));
  expect([...f]).toEqual(Array.from({ length: 10 }, () => (single.nextUint32() >>> 8) / 2 ** 24));
  expect(bulk.nextUint32()).toBe(single.nextUint32());
});

Deno.test("`uniform()` has mean 1/2 and variance 1/12 within 5 standard errors", () => {
  const rng = new Rng(7), n = 200_000;
  let sum = 0, sumSq = 0, lag = 0, prev = rng.uniform(), min = 1, max = 0;
  for (let i = 0; i < n; i++) {
    const u = rng.uniform();
    min = Math.min(min, u), max = Math.max(max, u);
    sum += u, sumSq += u * u, lag += (u - 0.5) * (prev - 0.5), prev = u;
  }
  expect(min >= 0 && max < 1).toBe(true);
  const mean = sum / n, variance = sumSq / n - mean * mean;
  expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
  // Var(U²) = 1/5 − 1/9 = 4/45, so the second moment has standard error √(4/45/n).
  expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt(4 / 45 / n));
  // Consecutive draws are uncorrelated: the lag-1 covariance has standard error (1/12)/√n.
  expect(Math.abs(lag / n)).toBeLessThan(5 * (1 / 12) / Math.sqrt(n));
});

Deno.test("`normal()` has mean 0 and variance 1 within 5 standard errors", () => {
  const rng = new Rng(8), n = 200_000;
  let sum = 0, sumSq = 0;
  for (let i = 0; i < n; i++) {
    const z = rng.normal();
    sum += z, sumSq += z * z;
  }
  expect(Math.abs(sum / n)).toBeLessThan(5 / Math.sqrt(n));
  expect(Math.abs(sumSq / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n)); // Var(Z²) = 2
});

Deno.test("`bernoulli(q)` is true with probability q within 5 standard errors", () => {
  const rng = new Rng(9), n = 100_000;
  for (const q of [0.1, 0.5, 0.85]) {
    let hits = 0;
    for (let i = 0; i < n; i++) hits += rng.bernoulli(q) ? 1 : 0;
    expect(Math.abs(hits - n * q)).toBeLessThan(5 * Math.sqrt(n * q * (1 - q)));
  }
  expect(rng.bernoulli(0)).toBe(false);
  expect(rng.bernoulli(1)).toBe(true);
});

Deno.test("`permutation(n)` holds each index once and places them uniformly", () => {
  const rng = new Rng(10), trials = 20_000, n = 5;
  const counts = new Float64Array(n * n); // counts[value · n + position]
  for (let t = 0; t < trials; t++) {
    const perm = rng.permutation(n);
    expect([...perm].sort()).toEqual([0, 1, 2, 3, 4]);
    perm.forEach((v, pos) => counts[v * n + pos]++);
  }
  const q = 1 / n, bound = 5 * Math.sqrt(trials * q * (1 - q));
  for (const c of counts) expect(Math.abs(c - trials * q)).toBeLessThan(bound);
  expect(rng.permutation(0).length).toBe(0);
});

Deno.test("`int(n)` stays in [0, n) and hits every value", () => {
  const rng = new Rng(11), seen = new Set<number>();
  for (let i = 0; i < 1000; i++) {
    const k = rng.int(6);
    expect(Number.isInteger(k) && k >= 0 && k < 6).toBe(true);
    seen.add(k);
  }
  expect(seen.size).toBe(6);
});

Deno.test("`fork(label)` derives a reproducible stream without advancing the parent", () => {
  const parent = new Rng(12), twin = new Rng(12);
  const child = parent.fork(3);
  expect(child.nextUint32()).toBe(parent.fork(3).nextUint32());
  expect(parent.fork(4).nextUint32()).not.toBe(parent.fork(3).nextUint32());
  expect(parent.nextUint32()).toBe(twin.nextUint32()); // parent not advanced
  expect(parent.fork(3).nextUint32()).not.toBe(child.nextUint32()); // new state, new stream
});

Deno.test("`fork()` children are uncorrelated with the parent and each other", () => {
  const parent = new Rng(13), a = parent.fork(0), b = parent.fork(1), n = 100_000;
  let ab = 0, ap = 0;
  for (let i = 0; i < n; i++) {
    const ua = a.uniform() - 0.5;
    ab += ua * (b.uniform() - 0.5);
    ap += ua * (parent.uniform() - 0.5);
  }
  // Each product of two independent centred uniforms has variance (1/12)².
  const bound = 5 * (1 / 12) / Math.sqrt(n);
  expect(Math.abs(ab / n)).toBeLessThan(bound);
  expect(Math.abs(ap / n)).toBeLessThan(bound);
});

Deno.test("`Rng` rejects bad seeds, labels and arguments with the parameter's name", () => {
  expect(() => new Rng(1.5)).toThrow(
    new RangeError("seed must be a safe integer (|seed| <= 2^53 - 1), got 1.5"),
  );
  expect(() => new Rng(NaN)).toThrow(RangeError);
  expect(() => new Rng("1" as unknown as number)).toThrow(
    new TypeError('seed must be a safe integer (|seed| <= 2^53 - 1), got "1"'),
  );
  expect(() => new Rng(1).fork(0.5)).toThrow(/label must be a safe integer/);
  expect(() => new Rng(1).bernoulli(1.2)).toThrow(new RangeError("q must be in [0, 1], got 1.2"));
  expect(() => new Rng(1).bernoulli(NaN)).toThrow(new RangeError("q must be in [0, 1], got NaN"));
  expect(() => new Rng(1).permutation(-1)).toThrow(
    /n must be an integer in \[0, 4294967295\], got -1/,
  );
  expect(() => new Rng(1).int(0)).toThrow(/n must be an integer in \[1, 4294967296\], got 0/);
  expect(() => new Rng(1).fillUniform([] as unknown as Float32Array)).toThrow(TypeError);
  expect(() => new Rng(1).fillUint32(new Float32Array(1) as unknown as Uint32Array)).toThrow(
    /out must be a Uint32Array/,
  );
});
