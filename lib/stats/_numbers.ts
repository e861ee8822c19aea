/**
 * Input checks for the statistics (private: not re-exported).
 *
 * @module
 */
import { describe } from "../nn/_check.ts";

/**
 * Throws unless `values` is an array of at least `min` finite numbers; the
 * message names the parameter, the entry and the value received.
 *
 * @param name The parameter, for the message.
 * @param values The value given.
 * @param min The fewest values allowed (default 1).
 * @returns `values`, typed as numbers.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { checkFiniteArray } from "./_numbers.ts";
 * expect(checkFiniteArray("a", [1, 2], 2)).toEqual([1, 2]);
 * expect(() => checkFiniteArray("a", [1, NaN])).toThrow("a[1] must be a finite number, got NaN");
 * ```
 */
export function checkFiniteArray(name: string, values: unknown, min = 1): readonly number[] {
  if (!Array.isArray(values)) {
    throw new TypeError(`${name} must be an array of finite numbers, got ${describe(values)}`);
  }
  if (values.length < min) {
    throw new RangeError(
      `${name} must hold at least ${min} value${min === 1 ? "" : "s"}, got ${values.length}`,
    );
  }
  values.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new TypeError(`${name}[${i}] must be a finite number, got ${describe(v)}`);
    }
  });
  return values;
}

/**
 * Throws unless `alpha` is a significance level in (0, 0.5].
 *
 * @param name The parameter, for the message.
 * @param alpha The value given.
 * @returns `alpha`, typed as a number.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { checkAlpha } from "./_numbers.ts";
 * expect(checkAlpha("alpha", 0.05)).toBe(0.05);
 * expect(() => checkAlpha("alpha", 0.6)).toThrow("alpha must be a number in (0, 0.5], got 0.6");
 * ```
 */
export function checkAlpha(name: string, alpha: unknown): number {
  if (typeof alpha !== "number" || !(alpha > 0 && alpha <= 0.5)) {
    throw new RangeError(`${name} must be a number in (0, 0.5], got ${describe(alpha)}`);
  }
  return alpha;
}

/**
 * Throws unless `level` is a confidence level in (0, 1).
 *
 * @param level The value given.
 * @returns `level`, typed as a number.
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { checkLevel } from "./_numbers.ts";
 * expect(checkLevel(0.95)).toBe(0.95);
 * expect(() => checkLevel(1)).toThrow("level must be a number in (0, 1), got 1");
 * ```
 */
export function checkLevel(level: unknown): number {
  if (typeof level !== "number" || !(level > 0 && level < 1)) {
    throw new RangeError(`level must be a number in (0, 1), got ${describe(level)}`);
  }
  return level;
}
