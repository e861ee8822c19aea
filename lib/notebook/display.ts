/**
 * Showing things in Jupyter without depending on the kernel.
 *
 * Library objects that want to appear in a notebook implement the
 * `Symbol.for("Jupyter.display")` method (the kernel looks for it). Code that
 * must push an output itself (a progress line that updates in place) goes
 * through {@linkcode show}, which is a no-op outside the Deno kernel, so the
 * same cell runs in `deno test`.
 *
 * @module
 */
import { checkObject, describe } from "../nn/_check.ts";

/**
 * The symbol the Deno kernel calls to turn an object into a MIME bundle.
 *
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { DISPLAY } from "./display.ts";
 * const note = { [DISPLAY]: () => ({ "text/plain": "hi" }) };
 * expect(note[DISPLAY]()).toEqual({ "text/plain": "hi" });
 * ```
 */
export const DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

/** A Jupyter MIME bundle: MIME type → content. */
export type MimeBundle = Record<string, string | object>;

/** Anything the kernel can show through {@linkcode DISPLAY}. */
export interface Displayable {
  [DISPLAY](): MimeBundle;
}

/**
 * Wraps a MIME bundle as a displayable object: the last expression of a cell
 * shows it, and tests can read it back with `obj[DISPLAY]()`.
 *
 * @param bundle The MIME bundle to show.
 * @returns An object the Deno kernel displays as `bundle`.
 * @example
 * ```ts
 * import { DISPLAY, displayable } from "./display.ts";
 * import { expect } from "expect";
 * const note = displayable({ "text/plain": "hello" });
 * expect(note[DISPLAY]()).toEqual({ "text/plain": "hello" });
 * ```
 */
export function displayable(bundle: MimeBundle): Displayable {
  checkObject("bundle", bundle, "a MIME bundle { [mime type]: content }");
  return { [DISPLAY]: () => bundle };
}

interface Kernel {
  display(
    obj: unknown,
    options?: { raw?: boolean; update?: boolean; display_id?: string },
  ): Promise<void>;
}

/** The kernel's display API, or `undefined` outside `deno jupyter`. */
function kernel(): Kernel | undefined {
  try {
    // Reading `Deno.jupyter` throws outside the kernel.
    return (Deno as unknown as { jupyter?: Kernel }).jupyter;
  } catch {
    return undefined;
  }
}

/**
 * Whether the code runs inside the Deno Jupyter kernel (or a harness that provides one).
 *
 * @returns `true` inside the kernel, `false` elsewhere (`deno test`, `deno run`).
 * @example
 * ```ts
 * import { expect } from "expect";
 * import { inKernel } from "./display.ts";
 * expect(typeof inKernel()).toBe("boolean");
 * ```
 */
export function inKernel(): boolean {
  return kernel() !== undefined;
}

/**
 * Shows a MIME bundle (or anything displayable, such as a figure or a
 * verdict) now, optionally under a display id so that a later call with
 * `update: true` replaces it in place. Does nothing outside Jupyter.
 *
 * @param item A MIME bundle, or an object with a {@linkcode DISPLAY} method.
 * @param options `displayId` names the output; `update` replaces an earlier one.
 * @returns A promise that settles once the kernel has sent the output.
 * @example
 * ```ts
 * import { show } from "./display.ts";
 * await show({ "text/plain": "epoch 1/10" }, { displayId: "progress" });
 * await show({ "text/plain": "epoch 2/10" }, { displayId: "progress", update: true });
 * ```
 */
export async function show(
  item: MimeBundle | Displayable,
  options: { displayId?: string; update?: boolean } = {},
): Promise<void> {
  checkObject("item", item, "a MIME bundle or a displayable object");
  checkObject("options", options, "an object { displayId?, update? }");
  const k = kernel();
  if (k === undefined) return;
  const bundle = typeof (item as Displayable)[DISPLAY] === "function"
    ? (item as Displayable)[DISPLAY]()
    : item as MimeBundle;
  await k.display(bundle, {
    raw: true,
    display_id: options.displayId,
    update: options.update,
  });
  // The kernel tags an output with the request it is handling when the message goes out, and
  // `display()` settles before that: if the cell ends right here and Run All has queued the next
  // cell, the output can be tagged with the next cell's request and show under it (seen once in
  // the classic Jupyter page). A short pause lets the message go out first. An update finds its
  // output by display id, wherever it is, so it needs none.
  if (!options.update) await new Promise((resolve) => setTimeout(resolve, FLUSH_MS));
}

/** How long {@linkcode show} waits after a new output, so the kernel sends it before the cell ends. */
const FLUSH_MS = 15;

/**
 * Prints lines of text as a cell output. Use it instead of `console.log` in
 * lessons: the Deno kernel sometimes files console output under the next
 * cell, while a displayed output always stays with its own cell. Does
 * nothing outside Jupyter.
 *
 * @param lines The lines to print, joined with newlines.
 * @returns A promise that settles once the kernel has sent the output.
 * @example
 * ```ts
 * import { say } from "./display.ts";
 * await say("kept 8 of 10 values", "dropped 2");
 * ```
 */
export function say(...lines: string[]): Promise<void> {
  lines.forEach((line, i) => {
    if (typeof line !== "string") {
      throw new TypeError(`lines[${i}] must be a string, got ${describe(line)}`);
    }
  });
  return show({ "text/plain": lines.join("\n") });
}
