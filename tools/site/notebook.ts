/**
 * Turns an executed notebook into the body of a web page: Markdown cells as
 * prose (math typeset), code cells with their `In [n]` and highlighted
 * source, and their stored outputs as Jupyter would show them.
 *
 * Every cell becomes a `<section id="cell-…">` named after its nbformat id,
 * so the claims table can link to the cell that checks a claim. Links from
 * one lesson to another (`03-masking.ipynb`) are pointed at the other's page.
 *
 * @module
 */
import { CLAIM_MIME } from "../../lib/notebook/claims.ts";
import { highlight } from "./highlight.ts";
import { escapeHtml, stripAnsi } from "./html.ts";
import { type Heading, renderInline, renderMarkdown, withHeadings } from "./markdown.ts";

/** The parts of an nbformat 4 output the site reads. */
export interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

/** The parts of an nbformat 4 cell the site reads. */
export interface Cell {
  id?: string;
  cell_type: string;
  source: string | string[];
  metadata?: { tags?: string[] };
  outputs?: Output[];
}

/** A notebook rendered for the site. */
export interface RenderedNotebook {
  /** The first Markdown heading, without its `#`. */
  title: string;
  /**
   * What the reader learns, as inline HTML for the index: the first cell's
   * paragraph that starts "What you learn", else its first paragraph after
   * the title, cut to two sentences.
   */
  summary: string;
  /** `false` when the summary had to be cut from a paragraph (no "What you learn" line). */
  summaryStated: boolean;
  /** The cells, as HTML. */
  body: string;
  /** The page's headings (the title excluded, solutions excluded), for "on this page". */
  headings: Heading[];
  /** `true` if an output is a Plotly chart, so the page must load plotly.js. */
  hasPlotly: boolean;
}

const joined = (s: string | string[] | undefined) => Array.isArray(s) ? s.join("") : s ?? "";
const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/**
 * Renders one output. Display priority follows the classic notebook: HTML
 * (which includes each Plotly chart's drawing script), SVG, Markdown, PNG,
 * plain text.
 *
 * @param output An nbformat output.
 * @returns HTML for the output area.
 * @example
 * ```ts
 * import { renderOutput } from "./notebook.ts";
 * import { expect } from "expect";
 * expect(renderOutput({ output_type: "stream", name: "stdout", text: ["a<b\n"] }))
 *   .toBe('<pre class="output stream stdout">a&lt;b\n</pre>');
 * ```
 */
export function renderOutput(output: Output): string {
  if (output.output_type === "stream") {
    const name = output.name === "stderr" ? "stderr" : "stdout";
    return `<pre class="output stream ${name}">${escapeHtml(joined(output.text))}</pre>`;
  }
  if (output.output_type === "error") {
    const trace = stripAnsi((output.traceback ?? []).join("\n")) ||
      `${output.ename}: ${output.evalue}`;
    return `<pre class="output error">${escapeHtml(trace)}</pre>`;
  }
  const data = output.data ?? {};
  const text = (mime: string) => joined(data[mime] as string | string[] | undefined);
  const claim = data[CLAIM_MIME] as { id?: string; verdict?: string } | undefined;
  if (claim?.verdict) {
    // A claim's verdict is set off, coloured by its verdict, and is the target of the claims
    // page's links (`#claim-S4-9`), so a reader lands on the verdict, not on the code above it.
    const inner = { ...data };
    delete inner[CLAIM_MIME];
    const html = renderOutput({ ...output, data: inner })
      .replace(/^<(div|pre) class="output ([^"]*)"/, '<div class="$2"');
    const closed = html.endsWith("</pre>") ? html.replace(/<\/pre>$/, "</div>") : html;
    const id = claim.id ? ` id="claim-${escapeHtml(claim.id)}"` : "";
    return `<div class="output claim verdict-${verdictClass(claim.verdict)}"${id}>` +
      `${closed}</div>`;
  }
  if (data[PLOTLY_MIME] !== undefined) {
    // The site draws charts itself (site.js: plotly.js loaded when a chart nears the screen,
    // re-laid out for phones, the slider mirrored by a keyboard control), from the figure's JSON.
    const json = JSON.stringify(data[PLOTLY_MIME]).replaceAll("</", "<\\/");
    return `<div class="output plotly"><div class="course-plotly" role="figure">` +
      `<p class="chart-fallback"><em>Interactive chart: it draws when it scrolls into view.` +
      `</em></p></div><script type="application/json" class="plotly-figure">${json}</script></div>`;
  }
  if (data["text/html"] !== undefined) {
    return `<div class="output html">${legibleFigures(text("text/html"))}</div>`;
  }
  if (data["image/svg+xml"] !== undefined) {
    return `<div class="output svg">${legibleFigures(text("image/svg+xml"))}</div>`;
  }
  if (data["text/markdown"] !== undefined) {
    return `<div class="output markdown">${renderMarkdown(text("text/markdown"))}</div>`;
  }
  if (data["image/png"] !== undefined) {
    return `<div class="output png"><img alt="figure" src="data:image/png;base64,${
      text("image/png").trim()
    }"></div>`;
  }
  return `<pre class="output text">${escapeHtml(text("text/plain"))}</pre>`;
}

/**
 * The CSS class suffix of a verdict: `"holds approximately"` → `"holds-approximately"`.
 *
 * @param verdict A verdict label.
 * @returns Lower case, dashes for spaces.
 * @example
 * ```ts
 * import { verdictClass } from "./notebook.ts";
 * import { expect } from "expect";
 * expect(verdictClass("not resolved at this scale")).toBe("not-resolved-at-this-scale");
 * ```
 */
export function verdictClass(verdict: string): string {
  return verdict.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/**
 * A lesson's own number, from its file name, for the index and the sidebar.
 *
 * @param notebook The notebook's path or file name.
 * @returns `"6b"` for `06b-how-much-dropout.ipynb`; `""` without a leading number.
 * @example
 * ```ts
 * import { lessonNumber } from "./notebook.ts";
 * import { expect } from "expect";
 * expect(["notebooks/01-a.ipynb", "06b-b.ipynb", "10-c.ipynb", "x.ipynb"].map(lessonNumber))
 *   .toEqual(["1", "6b", "10", ""]);
 * ```
 */
export function lessonNumber(notebook: string): string {
  const m = /^(\d+)([a-z]*)-/.exec(notebook.split("/").at(-1) ?? "");
  return m ? `${Number(m[1])}${m[2]}` : "";
}

/** The smallest text a figure may show, in CSS pixels, on any screen. */
export const MIN_TEXT_PX = 9;

/**
 * A static figure (an Observable Plot `<svg>`, alone, in a `<figure>` or in a
 * row of figures) scales down with the page, and so does its text. This
 * gives every chart-sized SVG of an output a minimum width, below which its
 * text would fall under {@linkcode MIN_TEXT_PX} (from its width and font
 * size); the output box scrolls sideways on a narrow screen instead.
 * Small SVGs (a legend's swatches) are left alone.
 *
 * @param markup An output's HTML or SVG.
 * @returns The markup with `min-width` on each chart's `<svg>`.
 * @example
 * ```ts
 * import { legibleFigures } from "./notebook.ts";
 * import { expect } from "expect";
 * const svg = '<svg width="640" height="400" font-size="10" style="font-size:12px">';
 * expect(legibleFigures(svg)).toBe(
 *   '<svg width="640" height="400" font-size="10" style="min-width:507px;font-size:12px">',
 * );
 * expect(legibleFigures('<svg width="15" font-size="10">')).toBe('<svg width="15" font-size="10">');
 * expect(legibleFigures("<table></table>")).toBe("<table></table>");
 * ```
 */
export function legibleFigures(markup: string): string {
  return markup.replace(/<svg\b[^>]*>/g, (tag) => {
    const width = Number(/\swidth="([\d.]+)"/.exec(tag)?.[1] ?? 0);
    const style = /\sstyle="([^"]*)"/.exec(tag);
    const styled = /font-size:\s*([\d.]+)px/.exec(style?.[1] ?? "");
    const size = Number(styled?.[1] ?? /\sfont-size="([\d.]+)"/.exec(tag)?.[1] ?? 10);
    if (width < 100 || !(size > 0)) return tag;
    // A little above the limit, so rounding in the browser never lands under it.
    const min = Math.ceil(width * (MIN_TEXT_PX + 0.5) / size);
    if (min >= width) return tag;
    return style
      ? tag.replace(style[0], ` style="min-width:${min}px;${style[1]}"`)
      : tag.replace(/^<svg\b/, `<svg style="min-width:${min}px"`);
  });
}

/** The longest a summary cut from a paragraph may be: two lines on the index. */
const SUMMARY_CHARS = 220;

/**
 * What a lesson teaches, from its first Markdown cell: a paragraph that
 * starts "What you learn" (bold or not) is taken whole; otherwise the first
 * paragraph after the title, cut to whole sentences within two lines.
 */
function lessonSummary(markdown: string): { text: string; stated: boolean } {
  const paragraphs = markdown.split(/\n\s*\n/).map((p) => p.trim().replace(/\s*\n\s*/g, " "))
    .filter((p) => p !== "" && !p.startsWith("#"));
  const stated = paragraphs.find((p) => /^(\*\*|_)?what you(.ll)? learn/i.test(p));
  if (stated) {
    return {
      text: stated.replace(/^(\*\*|_)?what you(.ll)? learn[^:]*:?(\*\*|_)?:?\s*/i, ""),
      stated: true,
    };
  }
  const flat = paragraphs[0] ?? "";
  // A sentence ends at . ! or ? followed by a space: not inside "0.5" or "03-masking.ipynb".
  const sentences = flat.split(/(?<=[.!?])\s+/);
  let text = "";
  for (const sentence of sentences) {
    if (text !== "" && (text + " " + sentence).length > SUMMARY_CHARS) break;
    text += (text ? " " : "") + sentence;
  }
  if (text.length > SUMMARY_CHARS) {
    text = text.slice(0, SUMMARY_CHARS).replace(/\s+\S*$/, "") + " …";
  }
  return { text: text.trim(), stated: false };
}

/** The label of a folded code cell: its first comment line, or what folded cells usually do. */
function foldLabel(source: string): string {
  const comment = source.split("\n").map((l) => l.trim()).find((l) => l.startsWith("//"));
  const text = comment?.replace(/^\/\/+\s*/, "").trim();
  return text ? text : "code that draws the figure";
}

/**
 * Renders a notebook's cells, with code-cell numbers counted among code
 * cells (a fresh run's `In [n]`).
 *
 * @param json The notebook file's text.
 * @param fallbackTitle The title to use when the notebook has no heading.
 * @returns Title, summary, body and whether plotly.js is needed.
 * @example
 * ```ts
 * import { renderNotebook } from "./notebook.ts";
 * import { expect } from "expect";
 * const nb = { cells: [
 *   { id: "a", cell_type: "markdown", source: "# Lesson 1\n\nFirst idea. Second one." },
 *   { id: "b", cell_type: "code", source: "1 + 1", outputs: [] },
 * ] };
 * const page = renderNotebook(JSON.stringify(nb), "x");
 * expect([page.title, page.summary]).toEqual(["Lesson 1", "First idea. Second one."]);
 * expect(page.body).toContain('id="cell-b"');
 * expect(page.body).toContain("In&nbsp;[1]:");
 * ```
 */
export function renderNotebook(json: string, fallbackTitle: string): RenderedNotebook {
  const cells = (JSON.parse(json) as { cells?: Cell[] }).cells;
  if (!Array.isArray(cells)) throw new TypeError(`${fallbackTitle} is not a notebook: no cells`);
  const markdown = cells.filter((c) => c.cell_type === "markdown").map((c) => joined(c.source));
  const heading = markdown.flatMap((m) => m.split("\n")).find((l) => /^#\s/.test(l));
  const title = heading?.replace(/^#+\s*/, "").trim() ?? fallbackTitle;
  const summary = lessonSummary(markdown[0] ?? "");
  let hasPlotly = false, number = 0;
  const { result: parts, headings } = withHeadings(() =>
    cells.map((cell, i) => {
      const id = escapeHtml(cell.id ?? `index-${i}`);
      const source = joined(cell.source);
      if (cell.cell_type === "markdown") {
        return `<section class="cell markdown" id="cell-${id}">\n${renderProse(source)}</section>`;
      }
      if (cell.cell_type !== "code") return "";
      number++;
      const outputs = cell.outputs ?? [];
      hasPlotly ||= outputs.some((o) => o.data?.[PLOTLY_MIME] !== undefined);
      const outputHtml = outputs.map(renderOutput).join("\n");
      const folded = cell.metadata?.tags?.includes("fold") === true;
      const input =
        `<div class="input"><a class="prompt" href="#cell-${id}">In&nbsp;[${number}]:</a>` +
        `<pre><code class="language-ts">${highlight(source)}</code></pre></div>\n`;
      return `<section class="cell code${folded ? " folded" : ""}" id="cell-${id}">\n` +
        (folded
          ? `<details class="fold"><summary>${escapeHtml(foldLabel(source))}</summary>\n` +
            `${input}</details>\n`
          : input) +
        (outputHtml ? `<div class="outputs">\n${outputHtml}\n</div>\n` : "") + `</section>`;
    })
  );
  // Links between lessons (`04-scale-mismatch.ipynb#…`) point at their pages on the site.
  const body = parts.filter((p) => p !== "").join("\n")
    .replace(/href="([\w.-]+)\.ipynb(#[^"]*)?"/g, 'href="$1.html$2"');
  return {
    title,
    summary: renderInline(summary.text),
    summaryStated: summary.stated,
    body,
    headings: headings.filter((h) => h.depth > 1 && h.depth <= 3),
    hasPlotly,
  };
}

/**
 * A Markdown cell as HTML. A cell that opens with a `#### Solution …`
 * heading is collapsed into a `<details>` whose summary is that heading, so
 * the answer to an exercise stays hidden until the reader asks for it.
 */
function renderProse(source: string): string {
  const solution = /^\s*#{1,6}\s+(Solution\b[^\n]*)\n?/.exec(source);
  if (!solution) return renderMarkdown(source);
  return `<details class="solution"><summary>${renderInline(solution[1].trim())}</summary>\n` +
    `${renderMarkdown(source.slice(solution[0].length))}</details>\n`;
}
