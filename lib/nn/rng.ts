/**
 * A small seeded random number generator: the same numbers on every machine.
 *
 * The generator is **sfc32** ("Small Fast Chaotic", 32-bit), by Chris
 * Doty-Humphrey, from the PractRand test suite, where it passes all tests up
 * to 2^45 bytes of output. It is seeded through **splitmix32** (the 32-bit
 * variant of Steele, Lea & Flood's SplitMix, with the output mix of
 * Chris Wellons' hash-prospector). The JavaScript forms follow bryc's
 * collection, https://github.com/bryc/code/blob/master/jshash/PRNGs.md.
 * Everything is 32-bit integer arithmetic (`| 0`, `>>> 0`, `Math.imul`), so the
 * stream is bit-for-bit identical on every JavaScript engine.
 *
 * @module
 */
import { checkInRange, checkInteger, checkNumber, describe } from "./_check.ts";

/** 2^32, the number of distinct `nextUint32()` values. */
const TWO_POW_32 = 4294967296;

/** splitmix32's output function: a bijective 32-bit mix of `z`. */
function mix32(z: number): number {
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/**
 * A seeded, forkable pseudo-random generator (sfc32 seeded by splitmix32).
 *
 * Seeded means deterministic, not constant: every draw advances the stream.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { Rng } from "./rng.ts";
 * const a = new Rng(42), b = new Rng(42);
 * expect(a.uniform()).toBe(b.uniform()); // same seed, same stream
 * expect(a.uniform()).not.toBe(a.uniform()); // the stream advances
 * ```
 */
export class Rng {
  // The four 32-bit words of sfc32's state; d is a counter that guarantees a period ≥ 2^32.
  #a = 0;
  #b = 0;
  #c = 0;
  #d = 0;

  /**
   * Creates a generator from an integer seed.
   *
   * @param seed Any safe integer (|seed| < 2^53). The low 32 bits start a
   *   splitmix32 sequence that fills the state; the high bits are xor-ed in.
   */
  constructor(seed: number) {
    checkInteger("seed", seed, Number.MIN_SAFE_INTEGER);
    this.#seed(seed >>> 0, Math.floor(seed / TWO_POW_32) >>> 0);
  }

  /** Fills the state from (lo, hi) via splitmix32 and discards 12 outputs to mix it. */
  #seed(lo: number, hi: number): void {
    let s = lo;
    const next = () => mix32(s = (s + 0x9e3779b9) | 0);
    this.#a = next();
    this.#b = next();
    this.#c = next() ^ hi;
    this.#d = 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /**
   * The next raw 32-bit output: one step of sfc32.
   *
   * @returns An integer in [0, 2^32).
   * @example
   * ```ts
   * import { expect } from "expect";
   * import { Rng } from "./rng.ts";
   * const u = new Rng(1).nextUint32();
   * expect(Number.isInteger(u) && u >= 0 && u < 2 ** 32).toBe(true);
   * ```
   */
  nextUint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /**
   * Fills `out` with raw 32-bit outputs, the same numbers as repeated
   * `nextUint32()` calls but with the state held in local variables (fast).
   *
   * @param out The array to fill.
   * @returns `out`.
   * @example
   * ```ts
   * import { expect } from "expect";
   * import { Rng } from "./rng.ts";
   * const a = new Rng(3), b = new Rng(3);
   * const bulk = a.fillUint32(new Uint32Array(3));
   * expect([...bulk]).toEqual([b.nextUint32(), b.nextUint32(), b.nextUint32()]);
   * ```
   */
  fillUint32(out: Uint32Array): Uint32Array {
    if (!(out instanceof Uint32Array)) {
      throw new TypeError(`out must be a Uint32Array, got ${describe(out)}`);
    }
    let a = this.#a, b = this.#b, c = this.#c, d = this.#d;
    for (let i = 0; i < out.length; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = ((c << 21) | (c >>> 11)) + t | 0;
      out[i] = t;
    }
    this.#a = a, this.#b = b, this.#c = c, this.#d = d;
    return out;
  }

  /**
   * A uniform number in [0, 1): `nextUint32() / 2^32`, exact in float64.
   *
   * @returns A number u with 0 ≤ u < 1, a multiple of 2^-32.
   * @example
   * ```ts
   * import { expect } from "expect";
   * import { Rng } from "./rng.ts";
   * const u = new Rng(7).uniform();
   * expect(u >= 0 && u < 1).toBe(true);
   * ```
   */
  uniform(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /**
   * Fills a `Float32Array` with uniforms in [0, 1). Each value is the top 24
   * bits of one `nextUint32()` times 2^-24, exact in float32 (dividing all 32
   * bits would round values near 1 up to 1.0 in float32).
   *
   * @param out The array to fill.
   * @returns `out`.
   * @example
   * ```ts
   * import { expect } from "expect";
   * import { Rng } from "./rng.ts";
   * const u = new Rng(1).fillUniform(new Float32Array(1000));
   * expect(u.every((v) => v >= 0 && v < 1)).toBe(true);
   * ```
   */
  fillUniform(out: Float32Array): Float32Array {
    if (!(out instanceof Float32Array)) {
      throw new TypeError(`out must be a Float32Array, got ${describe(out)}`);
    }
    for (let i = 0; i < out.length; i++) out[i] = (this.nextUint32() >>> 8) * 5.960464477539063e-8;
    return out;
  }

  /**
   * A standard normal draw (mean 0, variance 1) by the Box–Muller transform:
   * `sqrt(−2 ln u1) · cos(2π u2)`, with u1 in (0, 1]. Uses two uniforms and
   * keeps no spare, so the state is only the four sfc32 words.
   *
   * @returns A number from N(0, 1).
   * @example
   * ```ts
   * import { expect } from "expect";
   * import { Rng } from "./rng.ts";
   * expect(Number.isFinite(new Rng(5).normal())).toBe(true);
   * ```
   */
  normal(): number {
    const u1 = 1 - this.uniform(); // in (0, 1], so the log is finite
    const u2 = this.uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /**
   * A Bernoulli draw: `true` with probability q, decided as `uniform() < q`.
   *
   * @param q The probability of `true`, in [0, 1].
   * @returns `true` with probability q.
   * @example
   * ```ts
   * import { expect } from "expect";
   * import { Rng } from "./rng.ts";
   * const rng = new Rng(2);
   * expect(rng.bernoulli(1)).toBe(true);
   * expect(rng.bernoulli(0)).toBe(false);
   * ```
   */
  bernoulli(q: number): boolean {
    checkInRange("q", q, 0, 1);
    return this.uniform() < q;
  }

  /**
   * A uniform integer in [0, n): `floor(uniform() · n)`. Its bias is at most
   * n / 2^32 in probability, negligible for the sizes in this course.
   *
   * @param n The number of outcomes, an integer in [1, 2^32].
   * @returns An integer k with 0 ≤ k < n.
   * @example
   * ```ts
   * import { expect } from "expect";
   * import { Rng } from "./rng.ts";
   * const k = new Rng(4).int(6);
   * expect(k >= 0 && k < 6 && Number.isInteger(k)).toBe(true);
   * ```
   */
  int(n: number): number {
    checkInteger("n", n, 1, TWO_POW_32);
    return Math.floor(this.uniform() * n);
  }

  /**
   * A uniformly random permutation of 0 … n−1 (Fisher–Yates, Knuth's Algorithm P).
   *
   * @param n The length, an integer ≥ 0.
   * @returns A `Uint32Array` holding each of 0 … n−1 once.
   * @example
   * ```ts
   * import { expect } from "expect";
   * import { Rng } from "./rng.ts";
   * const perm = new Rng(9).permutation(5);
   * expect([...perm].sort()).toEqual([0, 1, 2, 3, 4]);
   * ```
   */
  permutation(n: number): Uint32Array {
    checkInteger("n", n, 0, TWO_POW_32 - 1);
    const out = new Uint32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(this.uniform() * (i + 1));
      const tmp = out[i];
      out[i] = out[j];
      out[j] = tmp;
    }
    return out;
  }

  /**
   * An independent derived stream, for an ensemble member or a layer.
   *
   * Derivation: the child is seeded, exactly as `new Rng` seeds, from two
   * 32-bit words that hash the parent's current four state words and `label`
   * (each folded in with `h = mix32(h ^ word)`). The parent is **not
   * advanced**: forking the same label twice from the same state gives the same
   * stream, different labels give unrelated streams, and draws from the parent
   * afterwards are what they would have been without the fork.
   *
   * @param label A safe integer naming the child (e.g. the member index).
   * @returns A new `Rng`.
   * @example
   * ```ts
   * import { expect } from "expect";
   * import { Rng } from "./rng.ts";
   * const parent = new Rng(1);
   * const first = parent.fork(0).uniform();
   * expect(parent.fork(0).uniform()).toBe(first); // same label, same stream
   * expect(parent.fork(1).uniform()).not.toBe(first); // another label
   * expect(parent.uniform()).toBe(new Rng(1).uniform()); // parent untouched
   * ```
   */
  fork(label: number): Rng {
    checkNumber("label", label);
    checkInteger("label", label, Number.MIN_SAFE_INTEGER);
    const words = [this.#a, this.#b, this.#c, this.#d, label >>> 0, Math.floor(label / TWO_POW_32)];
    let lo = 0x243f6a88, hi = 0x85a308d3; // two different starting points (digits of π)
    for (const w of words) {
      lo = mix32(lo ^ w);
      hi = mix32(hi ^ w ^ 0x9e3779b9);
    }
    const child = new Rng(0);
    child.#seed(lo, hi);
    return child;
  }
}
