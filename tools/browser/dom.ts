/**
 * The few DOM types the browser checks use inside `page.evaluate` callbacks.
 * Deno's type-check has no DOM library (adding it would change the globals
 * of every other file), and these callbacks run in the page, where
 * `globalThis` is the window: `(globalThis as unknown as Page).document`.
 *
 * @module
 */

/** An element, as far as the checks read it. */
export interface El {
  readonly tagName: string;
  readonly classList: { contains(name: string): boolean };
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
  getBoundingClientRect(): { width: number; height: number };
}

/** The page's globals, as far as the checks read them. */
export interface PageGlobals {
  document: {
    querySelectorAll(selector: string): Iterable<El>;
    getElementById(id: string): El | null;
  };
}
