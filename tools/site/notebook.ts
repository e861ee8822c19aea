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
import { renderInline, renderMarkdown } from "./markdown.ts";

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
  outputs?: Output[];
}

/** A notebook rendered for the site. */
export interface RenderedNotebook {
  /** The first Markdown heading, without its `#`. */
  title: string;
  /** The first sentence of the first paragraph after the title, as inline HTML. */
  summary: string;
  /** The cells, as HTML. */
  body: string;
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
  // A claim's verdict (lib/notebook/claims.ts) is set off and coloured by its verdict.
  const claim = data[CLAIM_MIME] as { verdict?: string } | undefined;
  const cls = claim?.verdict ? ` claim verdict-${claim.verdict.replaceAll(" ", "-")}` : "";
  if (data["text/html"] !== undefined) {
    return `<div class="output html${cls}">${text("text/html")}</div>`;
  }
  if (data["image/svg+xml"] !== undefined) {
    return `<div class="output svg">${text("image/svg+xml")}</div>`;
  }
  if (data["text/markdown"] !== undefined) {
    return `<div class="output markdown${cls}">${renderMarkdown(text("text/markdown"))}</div>`;
  }
  if (data["image/png"] !== undefined) {
    return `<div class="output png"><img alt="figure" src="data:image/png;base64,${
      text("image/png").trim()
    }"></div>`;
  }
  return `<pre class="output text">${escapeHtml(text("text/plain"))}</pre>`;
}

/** The first sentence of the first paragraph that is not a heading. */
function firstSentence(markdown: string): string {
  const paragraph = markdown.split(/\n\s*\n/).map((p) => p.trim())
    .find((p) => p !== "" && !p.startsWith("#")) ?? "";
  const flat = paragraph.replace(/\s*\n\s*/g, " ");
  const end = flat.search(/[.!?](\s|$)/);
  return end < 0 ? flat : flat.slice(0, end + 1);
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
 * expect([page.title, page.summary]).toEqual(["Lesson 1", "First idea."]);
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
  const summary = renderInline(firstSentence(markdown[0] ?? ""));
  let hasPlotly = false, number = 0;
  const parts = cells.map((cell, i) => {
    const id = escapeHtml(cell.id ?? `index-${i}`);
    if (cell.cell_type === "markdown") {
      return `<section class="cell markdown" id="cell-${id}">\n${
        renderMarkdown(joined(cell.source))
      }</section>`;
    }
    if (cell.cell_type !== "code") return "";
    number++;
    const outputs = cell.outputs ?? [];
    hasPlotly ||= outputs.some((o) => o.data?.[PLOTLY_MIME] !== undefined);
    const outputHtml = outputs.map(renderOutput).join("\n");
    return `<section class="cell code" id="cell-${id}">\n` +
      `<div class="input"><a class="prompt" href="#cell-${id}">In&nbsp;[${number}]:</a>` +
      `<pre><code class="language-ts">${highlight(joined(cell.source))}</code></pre></div>\n` +
      (outputHtml ? `<div class="outputs">\n${outputHtml}\n</div>\n` : "") + `</section>`;
  });
  // Links between lessons (`04-scale-mismatch.ipynb#…`) point at their pages on the site.
  const body = parts.filter((p) => p !== "").join("\n")
    .replace(/href="([\w.-]+)\.ipynb(#[^"]*)?"/g, 'href="$1.html$2"');
  return { title, summary, body, hasPlotly };
}
