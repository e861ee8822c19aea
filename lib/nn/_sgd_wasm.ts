/**
 * The fast path of `SGD.step()` with momentum: the same update, two values at
 * a time in WebAssembly SIMD, giving the same bytes as the plain loop in
 * `optim.ts` (assembled from the TypeScript below when the library loads).
 *
 * JavaScript computes `v = fround(μ·v + (g + λ·w))` and `w = fround(w − lr·v)`
 * in float64 and rounds each result to float32 as it is stored. The kernel
 * does exactly that: it widens two float32 of v, g and w to float64 lanes
 * (exact), multiplies and adds in float64 in the same order (WebAssembly, like
 * JavaScript, never fuses a multiply and an add), and rounds to float32 when
 * it stores. So the fast path changes no result, only the time.
 *
 * The velocity lives in the kernel's own memory for the optimizer's life
 * (`SgdKernel.velocity` are views of it), so a step copies w and g in and w
 * out, and v never moves.
 *
 * @module
 */
import { addTo, assemble, countDown, type Func, op, V128 } from "./_wasm.ts";

/**
 * `sgd(w, g, v, quads, constants)`: for `quads` groups of four float32 at byte
 * addresses w, g and v, with lr, μ, λ as float64 at `constants`,
 * `constants + 8` and `constants + 16`: v = f32(μ·v + (g + λ·w)); w = f32(w − lr·v).
 */
function sgdFunc(): Func {
  const [w, g, v, quads, constants] = [0, 1, 2, 3, 4];
  const [lr, mu, lambda, vi] = [5, 6, 7, 8]; // v128 locals
  const widened = (at: number, o: number) => [
    ...op.get(at),
    ...op.load64Zero(o),
    ...op.f64x2PromoteLow(),
  ];
  /** The update of the pair `o` bytes past w, g and v. */
  const pair = (o: number) => [
    // vi = f32(μ·v + (g + λ·w)), stored into v
    ...[...op.get(mu), ...widened(v, o), ...op.f64x2Mul()],
    ...[...widened(g, o), ...op.get(lambda), ...widened(w, o), ...op.f64x2Mul(), ...op.f64x2Add()],
    ...[...op.f64x2Add(), ...op.f32x4DemoteZero(), ...op.set(vi)],
    ...[...op.get(v), ...op.get(vi), ...op.store64Low(o)],
    // w = f32(w − lr·vi)
    ...[...op.get(w), ...widened(w, o), ...op.get(lr), ...op.get(vi), ...op.f64x2PromoteLow()],
    ...[...op.f64x2Mul(), ...op.f64x2Sub(), ...op.f32x4DemoteZero(), ...op.store64Low(o)],
  ];
  const body = [
    ...[...op.get(constants), ...op.load64Splat(0), ...op.set(lr)],
    ...[...op.get(constants), ...op.load64Splat(8), ...op.set(mu)],
    ...[...op.get(constants), ...op.load64Splat(16), ...op.set(lambda)],
    ...op.loop(), // two pairs (four values) per turn
    ...pair(0),
    ...pair(8),
    ...[...addTo(w, op.i32(16)), ...addTo(g, op.i32(16)), ...addTo(v, op.i32(16))],
    ...countDown(quads, 1),
    ...op.end(),
  ];
  return { name: "sgd", params: 5, locals: [{ type: V128, count: 4 }], body };
}

/** The kernel's module bytes. */
const sgdModule = (() => {
  try {
    const bytes = assemble([sgdFunc()]);
    return typeof WebAssembly === "object" && WebAssembly.validate(bytes)
      ? new WebAssembly.Module(bytes)
      : null;
  } catch {
    return null;
  }
})();

/** `enabled: false` makes `SGD.step()` run its plain loop (for the test that compares them). */
export const sgdFast = { enabled: true };

/** Bytes at the start of the kernel's memory for lr, μ and λ. */
const HEAD = 32;

/** One optimizer's kernel: its memory holds the velocities, then room for one w and one g. */
export interface SgdKernel {
  /** The velocity of each parameter, views of the kernel's memory (zeros at first). */
  readonly velocity: Float32Array[];
  /** One step for parameter k, in place on w. */
  step(k: number, w: Float32Array, g: Float32Array, lr: number, mu: number, lambda: number): void;
}

/**
 * A kernel for parameters of these sizes, or null where WebAssembly SIMD is missing.
 *
 * @param sizes The number of values of each parameter.
 */
export function sgdKernel(sizes: number[]): SgdKernel | null {
  if (sgdModule === null) return null;
  const total = sizes.reduce((s, n) => s + n, 0), largest = Math.max(0, ...sizes);
  const bytes = HEAD + 4 * (total + 2 * largest) + 16;
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) });
  const instance = new WebAssembly.Instance(sgdModule, { env: { memory } });
  const sgd = instance.exports.sgd as (...args: number[]) => void;
  const f32 = new Float32Array(memory.buffer), f64 = new Float64Array(memory.buffer, 0, 3);
  const starts: number[] = [];
  let at = HEAD / 4;
  for (const n of sizes) starts.push(at), at += n;
  const wAt = at, gAt = at + largest; // scratch for one parameter's w and g
  return {
    velocity: sizes.map((n, k) => f32.subarray(starts[k], starts[k] + n)),
    step(k, w, g, lr, mu, lambda) {
      const n = w.length, v = starts[k];
      f64[0] = lr, f64[1] = mu, f64[2] = lambda;
      f32.set(w, wAt);
      f32.set(g, gAt);
      if (n >= 4) sgd(4 * wAt, 4 * gAt, 4 * v, n >> 2, 0);
      for (let i = n & ~3; i < n; i++) { // the last 1–3 values, as the plain loop does them
        const vi = Math.fround(mu * f32[v + i] + (g[i] + lambda * w[i]));
        f32[v + i] = vi;
        f32[wAt + i] = w[i] - lr * vi;
      }
      w.set(f32.subarray(wAt, wAt + n));
    },
  };
}
