/**
 * Input checks for the statistics (private: not re-exported).
 *
 * @module
 */
import { describe } from "../nn/_check.ts";

/**
 * Throws unless `values` is an array of at least `min` finite numbers; the
 * message names the parameter, the entry and the value received.
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

/** Throws unless `alpha` is a significance level in (0, 0.5]. */
export function checkAlpha(name: string, alpha: unknown): number {
  if (typeof alpha !== "number" || !(alpha > 0 && alpha <= 0.5)) {
    throw new RangeError(`${name} must be a number in (0, 0.5], got ${describe(alpha)}`);
  }
  return alpha;
}

/** Throws unless `level` is a confidence level in (0, 1). */
export function checkLevel(level: unknown): number {
  if (typeof level !== "number" || !(level > 0 && level < 1)) {
    throw new RangeError(`level must be a number in (0, 1), got ${describe(level)}`);
  }
  return level;
}
