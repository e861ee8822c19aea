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

/** A heading of a page, for its "on this page" list. */
export interface Heading {
  depth: number;
  /** The anchor, unique on the page. */
  id: string;
  /** The heading as inline HTML (math typeset). */
  html: string;
}

/**
 * A URL fragment for a heading: lower case, letters, digits and dashes.
 *
 * @param text The heading's text (Markdown source).
 * @returns The slug; `"section"` when nothing is left.
 * @example
 * ```ts
 * import { slug } from "./markdown.ts";
 * import { expect } from "expect";
 * expect(slug("Lesson 3 · Masking: what *drops*?")).toBe("lesson-3-masking-what-drops");
 * ```
 */
export function slug(text: string): string {
  return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/\$[^$]*\$/g, (m) => m.replace(/[^a-z0-9]+/g, "-"))
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "section";
}

// Headings met while one page renders: ids must be unique across its cells.
let pageHeadings: Heading[] | undefined;

const marked = new Marked({
  gfm: true,
  extensions: [displayMath, inlineMath],
  renderer: {
    heading({ tokens, depth, text }) {
      const html = this.parser.parseInline(tokens);
      let id = slug(text);
      if (pageHeadings) {
        const base = id;
        for (let n = 2; pageHeadings.some((h) => h.id === id); n++) id = `${base}-${n}`;
        pageHeadings.push({ depth, id, html });
      }
      return `<h${depth} id="${id}">${html}<a class="anchor" href="#${id}" ` +
        `aria-label="Link to this section">#</a></h${depth}>\n`;
    },
  },
});

/**
 * Collects the headings of everything rendered inside `render`, making
 * their ids unique across the calls (one page is many Markdown cells).
 *
 * @param render Renders the page, calling {@linkcode renderMarkdown} as often as it needs.
 * @returns What `render` returned, and the headings in order.
 * @example
 * ```ts
 * import { renderMarkdown, withHeadings } from "./markdown.ts";
 * import { expect } from "expect";
 * const { headings } = withHeadings(() => renderMarkdown("## A\n\n## A"));
 * expect(headings.map((h) => h.id)).toEqual(["a", "a-2"]);
 * ```
 */
export function withHeadings<T>(render: () => T): { result: T; headings: Heading[] } {
  const outer = pageHeadings;
  const headings: Heading[] = [];
  pageHeadings = headings;
  try {
    return { result: render(), headings };
  } finally {
    pageHeadings = outer;
  }
}

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
