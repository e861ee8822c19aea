/**
 * Input checks shared by the public functions of `lib/` (private: not re-exported),
 * and **the library's input contract**, stated once here:
 *
 * Every public export of `lib/mod.ts` checks its arguments at the boundary.
 *
 * - A value of the wrong kind (a string for a number, an array for a `Tensor`,
 *   `undefined` or `null` for a required argument or options object) throws a
 *   `TypeError`.
 * - A value of the right kind outside what is allowed throws a `RangeError`:
 *   NaN, ±Infinity, a number out of range or not an integer, a tensor or array
 *   of the wrong shape or length, an empty batch, labels outside [0, classes),
 *   probabilities that do not sum to 1.
 * - The message names the parameter (with its path: `options.seed`,
 *   `train.y[5]`), what is allowed, and what was received, with its length or
 *   shape when that is the problem: `p must be in [0, 1], got 1.2`,
 *   `mask must be a Uint8Array of length 6, got a Uint8Array of length 4`.
 * - No export returns NaN (or a silently clamped value) for finite, valid input;
 *   a callback that returns NaN is reported, not averaged.
 * - Training is all or nothing: `fit`, `epochRunner`, `evaluate`,
 *   `trainEnsemble` and `bootstrap` check the whole data set (every row width,
 *   every label, every value finite) before the first step, so a bad row is
 *   named by its row in the data set and the model and optimizer are left
 *   exactly as they were.
 *
 * `tests/contract_test.ts` calls every export with bad values and fails on any
 * answer that is not such an error, and on any export missing from its table.
 *
 * @module
 */

/**
 * Formats a received value for an error message: `"abc"`, `NaN`, `undefined`,
 * `an array of length 3`, `a Uint8Array of length 4`, `a 2×3 Tensor`, `a Function`.
 */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return String(value);
  }
  if (value === null || value === undefined) return String(value);
  if (typeof value === "symbol") return value.toString();
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  const name = (value as object).constructor?.name ?? "object";
  const article = /^[AEIOU]/i.test(name) && !/^U(int|ni)/.test(name) ? "an" : "a";
  if (ArrayBuffer.isView(value) && "length" in value) {
    return `${article} ${name} of length ${value.length}`;
  }
  const t = value as { rows?: unknown; cols?: unknown };
  if (name === "Tensor" && typeof t.rows === "number" && typeof t.cols === "number") {
    return `a ${t.rows}×${t.cols} Tensor`;
  }
  return `${article} ${name}`;
}

/**
 * An optional argument's value: `fallback` when it was left out (`undefined`).
 * `null` is not "left out": it is passed on, so the check that follows refuses it.
 */
export function orDefault<T>(value: T | undefined, fallback: T): T {
  return value === undefined ? fallback : value;
}

/**
 * Throws a `TypeError` unless `value` is an object (the options argument of a
 * call, say); `expected` names what it must hold.
 */
export function checkObject(
  name: string,
  value: unknown,
  expected = "an object",
): asserts value is object {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new TypeError(`${name} must be ${expected}, got ${describe(value)}`);
  }
}

/** Throws a `TypeError` unless `value` is a function. */
export function checkFunction(name: string, value: unknown): asserts value is CallableFunction {
  if (typeof value !== "function") {
    throw new TypeError(`${name} must be a function, got ${describe(value)}`);
  }
}

/**
 * Throws a `TypeError` unless `value` is a layer or model: an object with
 * `forward`, `backward` and `parameters` methods.
 */
export function checkLayer(name: string, value: unknown): void {
  const v = value as Record<string, unknown> | null;
  if (
    v === null || typeof v !== "object" || typeof v.forward !== "function" ||
    typeof v.backward !== "function" || typeof v.parameters !== "function"
  ) {
    throw new TypeError(
      `${name} must be a Layer (forward, backward, parameters), got ${describe(value)}`,
    );
  }
}

/** Throws a `TypeError` unless `value` is a string. */
export function checkString(name: string, value: unknown): asserts value is string {
  if (typeof value !== "string") {
    throw new TypeError(`${name} must be a string, got ${describe(value)}`);
  }
}

/** Throws unless `value` is a finite number (a `TypeError` for a non-number, else `RangeError`). */
export function checkFinite(name: string, value: unknown): number {
  checkNumber(name, value, "a finite number");
  if (!Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${value}`);
  }
  return value;
}

/**
 * Throws a `RangeError` at the first non-finite value of a row-major block of
 * `cols` columns, naming its row and column: `x must be finite, got NaN at [5, 3]`.
 */
export function checkFiniteValues(name: string, data: ArrayLike<number>, cols: number): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!Number.isFinite(v)) {
      const r = Math.floor(i / cols), c = i % cols;
      throw new RangeError(`${name} must be finite, got ${v} at [${r}, ${c}]`);
    }
  }
}

/**
 * Throws unless `labels` holds integer class labels in [0, classes), one per
 * row, naming the first bad entry by its index: `labels[5] must be an integer
 * in [0, 9], got 12`. One pass over the labels.
 */
export function checkLabels(
  name: string,
  labels: unknown,
  classes: number,
  rows: number,
): asserts labels is ArrayLike<number> {
  const ok = labels instanceof Int32Array || labels instanceof Uint8Array || Array.isArray(labels);
  if (!ok) {
    throw new TypeError(
      `${name} must be an Int32Array, Uint8Array or number[] of labels, got ${describe(labels)}`,
    );
  }
  if (labels.length !== rows) {
    throw new RangeError(
      `${name} must have one label per row (${rows}), got ${describe(labels)}`,
    );
  }
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (!(c >= 0 && c < classes && Number.isInteger(c))) {
      throw new RangeError(
        `${name}[${i}] must be an integer in [0, ${classes - 1}], got ${describe(c)}`,
      );
    }
  }
}

/**
 * Throws a `TypeError` unless `value` is a number. `expected` describes what
 * is allowed, so that even a value of the wrong kind is told the range.
 */
export function checkNumber(
  name: string,
  value: unknown,
  expected = "a number",
): asserts value is number {
  if (typeof value !== "number") {
    throw new TypeError(`${name} must be ${expected}, got ${describe(value)}`);
  }
}

/** Throws unless `value` is a number in the closed interval [lo, hi] (NaN is rejected). */
export function checkInRange(name: string, value: unknown, lo: number, hi: number): number {
  checkNumber(name, value, `a number in [${lo}, ${hi}]`);
  if (!(value >= lo && value <= hi)) {
    throw new RangeError(`${name} must be in [${lo}, ${hi}], got ${value}`);
  }
  return value;
}

/** Throws unless `value` is a finite number strictly greater than zero. */
export function checkPositive(name: string, value: unknown): number {
  checkNumber(name, value, "a finite number > 0");
  if (!(value > 0 && value < Infinity)) {
    throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
  }
  return value;
}

/**
 * Throws unless `value` is an integer in [lo, hi] (defaults: 0 and 2^53 − 1).
 * Integers beyond 2^53 − 1 in size are refused as not safe: they cannot all be
 * told apart in a float64.
 */
export function checkInteger(
  name: string,
  value: unknown,
  lo = 0,
  hi = Number.MAX_SAFE_INTEGER,
): number {
  const range = hi !== Number.MAX_SAFE_INTEGER
    ? `an integer in [${lo}, ${hi}]`
    : lo === Number.MIN_SAFE_INTEGER
    ? `a safe integer (|${name}| <= 2^53 - 1)`
    : `an integer >= ${lo}`;
  checkNumber(name, value, range);
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    throw new RangeError(`${name} must be a safe integer (|${name}| <= 2^53 - 1), got ${value}`);
  }
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new RangeError(`${name} must be ${range}, got ${value}`);
  }
  return value;
}

/** Throws unless `value` is a number in the half-open interval [lo, hi). */
export function checkInHalfOpen(name: string, value: unknown, lo: number, hi: number): number {
  checkNumber(name, value, `a number in [${lo}, ${hi})`);
  if (!(value >= lo && value < hi)) {
    throw new RangeError(`${name} must be in [${lo}, ${hi}), got ${value}`);
  }
  return value;
}

/** Throws unless `value` is a finite number ≥ 0. */
export function checkNonNegative(name: string, value: unknown): number {
  checkNumber(name, value, "a finite number >= 0");
  if (!(value >= 0 && value < Infinity)) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
  return value;
}
