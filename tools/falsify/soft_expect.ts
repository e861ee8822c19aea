/**
 * A soft `expect` for falsification runs: a failed assertion is recorded and
 * the cell goes on, so that one broken check does not hide the claims after
 * it. `tools/falsify/run.ts` maps the `expect` import to this module when it
 * runs lessons against a mutant library.
 *
 * @module
 */
// The import map of a falsify run points "expect" at this module, so the real one is named in
// full here (the same version as deno.json's).
// deno-lint-ignore no-import-prefix
import { expect as hardExpect } from "npm:expect@30.5.2";

/** The assertion failures recorded since the last {@linkcode takeFailures}. */
const failures: string[] = [];

/** Returns and clears the recorded assertion failures. */
export function takeFailures(): string[] {
  return failures.splice(0, failures.length);
}

function record(error: unknown): void {
  failures.push(error instanceof Error ? error.message.split("\n")[0] : String(error));
}

/** Wraps a matcher object so that every matcher call records its failure instead of throwing. */
function soften<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver);
      if (typeof value === "function") {
        return (...args: unknown[]) => {
          try {
            const result = value.apply(object, args);
            // `.resolves` / `.rejects` matchers return promises.
            if (result instanceof Promise) return result.catch(record);
            return result;
          } catch (error) {
            record(error);
            return undefined;
          }
        };
      }
      // `.not`, `.resolves`, `.rejects` are matcher objects themselves.
      if (value !== null && typeof value === "object") return soften(value);
      return value;
    },
  });
}

/** `expect(value)` whose failed matchers are recorded, not thrown. */
export const expect = Object.assign(
  (value: unknown) => soften(hardExpect(value) as object),
  hardExpect,
) as typeof hardExpect;
