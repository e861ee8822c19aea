/**
 * Markdown to HTML for the site, with math: `$…$` inline and `$$…$$` as a
 * display block, typeset by KaTeX at build time, so pages need only KaTeX's
 * stylesheet and fonts (copied into the site) and no script.
 *
 * @module
 */
import katex from "katex";
import { Marked, type TokenizerAndRendererExtension } from "marked";

// `$x$`: no space just inside the dollars, no digit right after (so "$5 and $10" stays text).
const INLINE = /^\$(?!\s)((?:\\.|[^\\$\n])+?)(?<!\s)\$(?!\d)/;
const DISPLAY = /^\$\$([\s\S]+?)\$\$/;

function tex(source: string, displayMode: boolean): string {
  return katex.renderToString(source.trim(), { displayMode, throwOnError: true });
}

const displayMath: TokenizerAndRendererExtension = {
  name: "displayMath",
  level: "block",
  start: (src) => src.match(/^\$\$/m)?.index,
  tokenizer(src) {
    const m = DISPLAY.exec(src);
    if (m) {
      return {
        type: "displayMath",
        raw: m[0] + (src.slice(m[0].length).match(/^\n*/)![0]),
        text: m[1],
      };
    }
  },
  renderer: (token) => `<div class="math-display">${tex(token.text, true)}</div>\n`,
};

const inlineMath: TokenizerAndRendererExtension = {
  name: "inlineMath",
  level: "inline",
  start: (src) => src.indexOf("$") < 0 ? undefined : src.indexOf("$"),
  tokenizer(src) {
    const m = DISPLAY.exec(src);
    if (m) return { type: "inlineMath", raw: m[0], text: m[1], display: true };
    const n = INLINE.exec(src);
    if (n) return { type: "inlineMath", raw: n[0], text: n[1], display: false };
  },
  renderer: (token) => tex(token.text, token.display === true),
};

const marked = new Marked({ gfm: true, extensions: [displayMath, inlineMath] });

/**
 * Renders Markdown (GitHub flavour, with `$…$` and `$$…$$` math) to HTML.
 *
 * @param source The Markdown text.
 * @returns HTML.
 * @example
 * ```ts
 * import { renderMarkdown } from "./markdown.ts";
 * import { expect } from "expect";
 * expect(renderMarkdown("**a** costs $5 and $10")).toBe("<p><strong>a</strong> costs $5 and $10</p>\n");
 * expect(renderMarkdown("$p^2$")).toContain('class="katex"');
 * ```
 */
export function renderMarkdown(source: string): string {
  return marked.parse(source, { async: false });
}

/**
 * Renders one line of Markdown without wrapping it in a paragraph.
 *
 * @param source Inline Markdown.
 * @returns HTML.
 * @example
 * ```ts
 * import { renderInline } from "./markdown.ts";
 * import { expect } from "expect";
 * expect(renderInline("a `b`")).toBe("a <code>b</code>");
 * ```
 */
export function renderInline(source: string): string {
  return marked.parseInline(source, { async: false });
}
