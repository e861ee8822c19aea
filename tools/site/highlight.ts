/**
 * A small TypeScript highlighter for the site's code cells: comments,
 * strings, numbers and keywords get a class each; everything else is escaped
 * text. It only colours; it never changes what the code says.
 *
 * @module
 */
import { escapeHtml } from "./html.ts";

const KEYWORDS = new Set(
  ("as async await break case catch class const continue default do else export extends false " +
    "finally for from function if import in instanceof let new null of return static super " +
    "switch this throw true try type typeof undefined var void while yield interface")
    .split(" "),
);

// One alternation, tried left to right at each position: comments, strings, template
// literals (without nesting), numbers, words.
const TOKEN =
  /(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|(\b\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?\b)|([A-Za-z_$][\w$]*)/g;

/**
 * Highlights TypeScript source as HTML.
 *
 * @param source The code.
 * @returns Escaped HTML with `<span class="tok-…">` around comments, strings, numbers, keywords.
 * @example
 * ```ts
 * import { highlight } from "./highlight.ts";
 * import { expect } from "expect";
 * expect(highlight("Array.from")).toBe("Array.from");
 * expect(highlight("const x = '<a>'; // hi")).toBe(
 *   '<span class="tok-kw">const</span> x = <span class="tok-str">\'&lt;a&gt;\'</span>; ' +
 *     '<span class="tok-com">// hi</span>',
 * );
 * ```
 */
export function highlight(source: string): string {
  let html = "", last = 0;
  for (const m of source.matchAll(TOKEN)) {
    const [text, comment, string, number, word] = m;
    html += escapeHtml(source.slice(last, m.index));
    last = m.index + text.length;
    const cls = comment
      ? "com"
      : string
      ? "str"
      : number
      ? "num"
      : word && KEYWORDS.has(word) && source[m.index - 1] !== "." // not `Array.from`
      ? "kw"
      : undefined;
    html += cls ? `<span class="tok-${cls}">${escapeHtml(text)}</span>` : escapeHtml(text);
  }
  return html + escapeHtml(source.slice(last));
}
