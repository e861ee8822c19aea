/**
 * Input checks shared by the public functions of `lib/` (private: not re-exported).
 *
 * Every check throws a `TypeError` (wrong kind of value) or a `RangeError`
 * (right kind, outside the allowed range) whose message names the parameter,
 * the allowed range and the value received, e.g. `p must be in [0, 1], got 1.2`.
 *
 * @module
 */

/** Formats a received value for an error message (`"abc"`, `NaN`, `object`). */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return String(value);
  }
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  const name = (value as object).constructor?.name ?? "object";
  return `${/^[AEIOU]/i.test(name) ? "an" : "a"} ${name}`;
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

/** Throws unless `value` is an integer in [lo, hi] (defaults: 0 and 2^53 − 1). */
export function checkInteger(
  name: string,
  value: unknown,
  lo = 0,
  hi = Number.MAX_SAFE_INTEGER,
): number {
  const range = hi !== Number.MAX_SAFE_INTEGER
    ? `an integer in [${lo}, ${hi}]`
    : lo === Number.MIN_SAFE_INTEGER
    ? "an integer"
    : `an integer >= ${lo}`;
  checkNumber(name, value, range);
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
