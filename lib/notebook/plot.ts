/**
 * Figures for the lessons: Observable Plot rendered to static SVG, and Plotly
 * charts that stay interactive without pasting plotly.js into every notebook.
 *
 * Both kinds display themselves in Jupyter through the `Jupyter.display`
 * symbol, and both produce the same bytes on every run, so a notebook's stored
 * outputs can be compared with a fresh run.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { checkObject, describe as describeValue } from "../nn/_check.ts";
import { DISPLAY, type MimeBundle } from "./display.ts";
import { plotlyTheme, plotTheme } from "./theme.ts";

const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";

/** A rendered static figure: its markup, and how Jupyter should show it. */
export interface Figure {
  /** The markup: an `<svg>` element, or a `<figure>` when the plot has a title or legend. */
  readonly html: string;
  /** `true` when `html` is a bare `<svg>` element. */
  readonly isSvg: boolean;
  /** The MIME bundle Jupyter shows. */
  [DISPLAY](): MimeBundle;
}

/** The little of a DOM element this module touches (Deno has no DOM types). */
interface DomElement {
  readonly tagName: string;
  readonly outerHTML: string;
  setAttribute(name: string, value: string): void;
  querySelectorAll(selector: string): Iterable<DomElement>;
}

/** One server-side DOM for every figure: Plot only needs `createElement` and friends. */
let sharedDocument: unknown;
function serverDocument(): unknown {
  sharedDocument ??=
    (parseHTML("<!DOCTYPE html><html><body></body></html>") as unknown as { document: unknown })
      .document;
  return sharedDocument;
}

/**
 * Renders an Observable Plot specification to static SVG, in the course's
 * figure style (see {@linkcode plotTheme}: text size, readable log ticks).
 *
 * The SVG carries its XML namespaces, so it shows in Jupyter, in GitHub's
 * notebook viewer and as the base64 `<img>` nbconvert writes into HTML. A plot
 * with a title, subtitle, caption or legend is a `<figure>` and is shown as
 * HTML instead.
 *
 * @param options Any `Plot.plot` options (marks, scales, width, …); `document` is supplied.
 * @returns A figure that displays itself when it is a cell's last expression.
 * @example
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * import { plot } from "./plot.ts";
 * import { expect } from "expect";
 * const fig = plot({ marks: [Plot.dot([[0, 1], [1, 2]])] });
 * expect(fig.html.startsWith('<svg')).toBe(true);
 * expect(fig.html).toContain('xmlns="http://www.w3.org/2000/svg"');
 * ```
 */
export function plot(options: Plot.PlotOptions): Figure {
  checkObject("options", options, "Plot's options object { marks, … }");
  const node = Plot.plot({
    ...plotTheme(options as Record<string, unknown>),
    document: serverDocument() as never,
  }) as unknown as DomElement;
  const svgs = node.tagName.toLowerCase() === "svg"
    ? [node]
    : Array.from(node.querySelectorAll("svg"));
  for (const svg of svgs) {
    svg.setAttribute("xmlns", SVG_NS);
    svg.setAttribute("xmlns:xlink", XLINK_NS);
  }
  const html = roundCoordinates(node.outerHTML);
  const isSvg = node.tagName.toLowerCase() === "svg";
  const label = describe(options);
  return {
    html,
    isSvg,
    // An SVG goes out twice: as image/svg+xml for viewers that draw images (GitHub), and as
    // HTML, because nbconvert 6's HTML export strips the elements of image/svg+xml outputs.
    [DISPLAY]: (): MimeBundle =>
      isSvg
        ? { "image/svg+xml": html, "text/html": html, "text/plain": label }
        : { "text/html": html, "text/plain": label },
  };
}

/**
 * Rounds the numbers inside attribute values (coordinates, path data,
 * transforms) to two decimals, a hundredth of a pixel: Plot writes them with
 * up to 16 digits, which doubles the size of a stored figure for nothing.
 * Text between tags (tick labels, annotations) is left exactly as written.
 */
function roundCoordinates(markup: string): string {
  return markup.replace(
    /="([^"]*)"/g,
    (_attr, value: string) => `="${value.replace(/(\d\.\d\d)\d+/g, "$1")}"`,
  );
}

/** A short text stand-in for viewers that show no images. */
function describe(options: { title?: unknown; ariaLabel?: unknown }): string {
  const title = typeof options.title === "string" ? options.title : options.ariaLabel;
  return typeof title === "string" ? `[figure: ${title}]` : "[figure]";
}

/** A Plotly figure: traces, layout and config, as plotly.js takes them. */
export interface PlotlyFigure {
  data: Record<string, unknown>[];
  layout?: Record<string, unknown>;
  config?: Record<string, unknown>;
  /** Extra frames for animations (rarely needed). */
  frames?: Record<string, unknown>[];
}

/** The interactive chart returned by {@linkcode plotly}. */
export interface InteractiveChart {
  /** The element id the chart draws into (derived from the figure, so stable). */
  readonly id: string;
  /** The HTML fallback: a placeholder div and the script that draws into it. */
  readonly html: string;
  /** The MIME bundle Jupyter shows. */
  [DISPLAY](): MimeBundle;
}

/** Where the loader looks for plotly.js, relative to a Jupyter server or a built page. */
const PLOTLY_FILE = "node_modules/plotly.js-dist-min/plotly.min.js";

/**
 * Wraps a Plotly figure so it displays as an interactive chart, in the
 * course's style ({@linkcode plotlyTheme}).
 *
 * The output carries the figure twice: as `application/vnd.plotly.v1+json`
 * (drawn natively by JupyterLab and VS Code) and as HTML whose script draws it
 * with plotly.js. The script loads plotly.js once per page, offline: from the
 * Jupyter server's copy in `node_modules/`, or from a page that already
 * includes it (the course site does). Nothing multi-megabyte is stored in the
 * notebook.
 *
 * @param figure Traces, layout and config, exactly as `Plotly.newPlot` takes them.
 * @returns A chart that displays itself when it is a cell's last expression.
 * @example
 * ```ts
 * import { plotly } from "./plot.ts";
 * import { expect } from "expect";
 * const chart = plotly({ data: [{ x: [0, 1], y: [1, 2], type: "scatter" }] });
 * expect(chart.html).toContain(chart.id);
 * expect(plotly({ data: [{ x: [0, 1], y: [1, 2], type: "scatter" }] }).id).toBe(chart.id);
 * ```
 */
export function plotly(figure: PlotlyFigure): InteractiveChart {
  checkObject("figure", figure, "an object { data, layout?, config? }");
  if (!Array.isArray(figure.data)) {
    throw new TypeError(
      `figure.data must be an array of traces, got ${describeValue(figure.data)}`,
    );
  }
  const full = {
    data: figure.data,
    layout: { autosize: true, ...plotlyTheme(figure.layout, figure.data.length) } as Record<
      string,
      unknown
    >,
    config: { responsive: true, displaylogo: false, ...figure.config },
    ...(figure.frames ? { frames: figure.frames } : {}),
  };
  const json = JSON.stringify(full);
  const id = `plotly-${fnv1a(json)}`;
  const height = typeof full.layout.height === "number" ? full.layout.height : 420;
  const title = (full.layout as { title?: unknown }).title;
  const label = typeof title === "string"
    ? title
    : typeof (title as { text?: unknown })?.text === "string"
    ? (title as { text: string }).text
    : "chart";
  const html = `<div id="${id}" class="course-plotly" style="width:100%;min-height:${height}px">` +
    `<p><em>Interactive chart (${escapeHtml(label)}): run the notebook in Jupyter ` +
    `or open the course site to explore it.</em></p></div>\n` +
    `<script type="text/javascript">\n${loaderScript(id, json)}\n</script>`;
  return {
    id,
    html,
    [DISPLAY]: () => ({
      "application/vnd.plotly.v1+json": full,
      "text/html": html,
      "text/plain": `[interactive chart: ${label}]`,
    }),
  };
}

/** The script that draws one chart once plotly.js is on the page. */
function loaderScript(id: string, json: string): string {
  // `</` inside a script would end it early; JSON allows the escaped form.
  const safe = json.replaceAll("</", "<\\/");
  return `(function () {
  var id = ${JSON.stringify(id)}, fig = ${safe};
  function draw() {
    var el = document.getElementById(id);
    if (!el) return;
    el.innerHTML = "";
    window.Plotly.newPlot(el, fig.data, fig.layout, fig.config)
      .then(function () { if (fig.frames) window.Plotly.addFrames(el, fig.frames); });
  }
  if (window.Plotly) return draw();
  var queue = (window.__coursePlotlyQueue = window.__coursePlotlyQueue || []);
  queue.push(draw);
  if (queue.length > 1) return;
  var data = (document.body && document.body.dataset) || {};
  var urls = [];
  if (data.baseUrl !== undefined && data.notebookPath !== undefined) {
    var dir = data.notebookPath.split("/").slice(0, -2).join("/");
    urls.push(data.baseUrl + "files/" + (dir ? dir + "/" : "") + ${JSON.stringify(PLOTLY_FILE)});
  }
  urls.push("plotly.min.js", "../" + ${JSON.stringify(PLOTLY_FILE)});
  function tryNext() {
    var url = urls.shift();
    if (!url) { console.warn("plotly.js not found; charts stay static"); return; }
    // plotly.js must not register with require.js (Jupyter's page has it), or it
    // never sets window.Plotly: hide define.amd, which its loader checks, while it
    // loads. define itself stays, since other scripts on the page may call it.
    var amd = window.define && window.define.amd;
    if (amd) window.define.amd = undefined;
    function restore() { if (amd) window.define.amd = amd; }
    var s = document.createElement("script");
    s.src = url;
    s.onload = function () {
      restore();
      while (queue.length) queue.shift()();
    };
    s.onerror = function () { restore(); s.remove(); tryNext(); };
    document.head.appendChild(s);
  }
  tryNext();
})();`;
}

/** FNV-1a, 32 bits, as 8 hex digits: a stable id for a figure. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
