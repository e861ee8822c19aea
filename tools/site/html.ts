/**
 * HTML helpers shared by the site's renderers.
 *
 * @module
 */

/**
 * Escapes text for HTML element content and double-quoted attributes.
 *
 * @param text Any text.
 * @returns The text with `&`, `<`, `>` and `"` escaped.
 * @example
 * ```ts
 * import { escapeHtml } from "./html.ts";
 * import { expect } from "expect";
 * expect(escapeHtml('a < b & "c"')).toBe("a &lt; b &amp; &quot;c&quot;");
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/**
 * Removes ANSI colour codes (as in a kernel's error tracebacks).
 *
 * @param text Terminal text.
 * @returns The text without escape sequences.
 * @example
 * ```ts
 * import { stripAnsi } from "./html.ts";
 * import { expect } from "expect";
 * expect(stripAnsi("\u001b[31mError\u001b[0m: x")).toBe("Error: x");
 * ```
 */
export function stripAnsi(text: string): string {
  // deno-lint-ignore no-control-regex
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");
}
