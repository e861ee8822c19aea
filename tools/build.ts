/**
 * `deno task build`: the course as a static web site in `_site/`.
 *
 * Every committed lesson notebook becomes a page, rendered from its stored
 * outputs (nothing is re-run): prose with math typeset by KaTeX, code cells
 * with their `In [n]` (drawing code folded), SVG figures inline, and Plotly
 * charts drawn by `site.js`, which loads plotly.js when the first chart
 * scrolls near. Each lesson page has a sidebar (the lessons, and its own
 * sections) and previous/next links. The index lists the lessons by their
 * own numbers with what each teaches; `claims.html` lists every claim by
 * lesson, with verdict counts and a filter, each linking to its verdict.
 * All assets come from `node_modules/`, so the site works offline.
 *
 * @module
 */
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readClaimRows } from "../lib/notebook/claims_table.ts";
import { lessonNotebooks, ROOT } from "../tests/_notebook.ts";
import { claimsPage } from "./site/claims_page.ts";
import { withLabLinks } from "./lab/presets.ts";
import { buildLab, LAB_INDEX_LINK } from "./lab/site.ts";
import { escapeHtml } from "./site/html.ts";
import { renderInline, renderMarkdown } from "./site/markdown.ts";
import { lessonNumber, renderNotebook } from "./site/notebook.ts";
import { type LessonLink, page, type PageOptions, SITE_TITLE } from "./site/page.ts";

const OUT = join(ROOT, "_site");
const MODULES = join(ROOT, "node_modules");
const SITE_SRC = join(dirname(fileURLToPath(import.meta.url)), "site");

const htmlName = (notebook: string) => basename(notebook).replace(/\.ipynb$/, ".html");

/** Copies plotly.js, KaTeX's stylesheet and fonts, our stylesheet and script into the site. */
function copyAssets(): void {
  const katex = join(MODULES, "katex", "dist");
  Deno.mkdirSync(join(OUT, "katex", "fonts"), { recursive: true });
  Deno.copyFileSync(join(katex, "katex.min.css"), join(OUT, "katex", "katex.min.css"));
  for (const font of Deno.readDirSync(join(katex, "fonts"))) {
    Deno.copyFileSync(join(katex, "fonts", font.name), join(OUT, "katex", "fonts", font.name));
  }
  Deno.copyFileSync(
    join(MODULES, "plotly.js-dist-min", "plotly.min.js"),
    join(OUT, "plotly.min.js"),
  );
  for (const file of ["style.css", "site.js"]) {
    Deno.copyFileSync(join(SITE_SRC, file), join(OUT, file));
  }
}

/** The README's first heading and first paragraph, for the index page's opening. */
function readmeIntro(): string {
  const readme = Deno.readTextFileSync(join(ROOT, "README.md"));
  const paragraph = readme.split(/\n\s*\n/).find((p) => p.trim() && !p.startsWith("#")) ?? "";
  return renderMarkdown(paragraph);
}

/**
 * The README's lesson table, "what you learn" column, by notebook file name:
 * the index's summary for a lesson whose first cell states none.
 */
function readmeSummaries(): Map<string, string> {
  const readme = Deno.readTextFileSync(join(ROOT, "README.md"));
  const rows = readme.matchAll(
    /^\|[^|\n]*\|\s*`?(?:notebooks\/)?([\w.-]+\.ipynb)`?\s*\|([^|\n]+)\|/gm,
  );
  return new Map([...rows].map((m) => [m[1], m[2].trim()]));
}

/** Repository Markdown files that are pages of the site too, and their page names. */
const MARKDOWN_PAGES: Record<string, string> = { "notebooks/LEDGER.md": "ledger.html" };

/** Points links at a repository Markdown file (`LEDGER.md`, `notebooks/LEDGER.md`) at its page. */
function linkMarkdownPages(html: string): string {
  return html.replace(/href="([^"#]*\.md)(#[^"]*)?"/g, (whole, file: string, hash = "") => {
    const name = Object.keys(MARKDOWN_PAGES).find((f) => f === file || f.endsWith(`/${file}`));
    return name ? `href="${MARKDOWN_PAGES[name]}${hash}"` : whole;
  });
}

/** Writes one page of the site. */
function writePage(name: string, options: PageOptions): void {
  const html = page({
    lessons: sidebar,
    current: name,
    extraNav: [{ href: "lab.html", title: "Lab" }],
    ...options,
  });
  Deno.writeTextFileSync(join(OUT, name), linkMarkdownPages(html));
}

try {
  Deno.statSync(join(MODULES, "plotly.js-dist-min"));
} catch {
  console.error("build: node_modules/ is missing; run `deno install` first");
  Deno.exit(1);
}
try {
  Deno.removeSync(OUT, { recursive: true });
} catch (error) {
  if (!(error instanceof Deno.errors.NotFound)) throw error;
}
Deno.mkdirSync(OUT, { recursive: true });
copyAssets();

const lessons = lessonNotebooks().map((path) => ({
  path,
  href: htmlName(path),
  number: lessonNumber(path),
  ...renderNotebook(Deno.readTextFileSync(path), basename(path)),
}));
const fromReadme = readmeSummaries();
for (const lesson of lessons) {
  const line = fromReadme.get(basename(lesson.path));
  if (!lesson.summaryStated && line) {
    lesson.summary = renderInline(line.charAt(0).toUpperCase() + line.slice(1) + ".");
  }
}
const sidebar: LessonLink[] = lessons.map((l) => ({
  href: l.href,
  title: l.title,
  number: l.number,
}));

let charts = 0;
lessons.forEach((lesson, i) => {
  const link = (l: typeof lesson | undefined) => l && { href: l.href, title: l.title };
  writePage(lesson.href, {
    title: lesson.title,
    body: withLabLinks(lesson.body, basename(lesson.path)),
    plotly: lesson.hasPlotly,
    headings: lesson.headings,
    previous: link(lessons[i - 1]),
    next: link(lessons[i + 1]),
  });
  charts += lesson.body.split('class="course-plotly"').length - 1;
});

const rows = readClaimRows(join(ROOT, "notebooks"), join(ROOT, "notebooks", "LEDGER.md"));
const claimsLessons = lessons.map((l) => ({
  notebook: basename(l.path),
  href: l.href,
  number: l.number,
  title: l.title,
}));
writePage("claims.html", { title: "Claims", body: claimsPage(rows, claimsLessons) });

const list = lessons.map((l) =>
  `<li><a href="${l.href}"><span class="num">${escapeHtml(l.number)}</span>` +
  `<span class="title">${escapeHtml(l.title.replace(/^Lesson\s+\w+\s*[·:.-]\s*/, ""))}</span></a>` +
  `<span class="summary">${l.summary}</span></li>`
).join("\n");
const checked = rows.filter((r) => "notebook" in r).length;
const index =
  `<h1>${SITE_TITLE}</h1>\n${readmeIntro()}\n${LAB_INDEX_LINK}\n<h2 id="lessons">The lessons</h2>\n` +
  `<ol class="lessons">\n${list}\n</ol>\n<h2 id="claims">Claims</h2>\n` +
  `<p>The lessons check ${checked} claims about dropout. <a href="claims.html">Every claim, ` +
  `its verdict and the measurement behind it</a>, grouped by lesson.</p>\n`;
writePage("index.html", { title: SITE_TITLE, body: index });

for (const [file, name] of Object.entries(MARKDOWN_PAGES)) {
  const markdown = Deno.readTextFileSync(join(ROOT, file));
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1].trim() ?? file;
  writePage(name, { title, body: renderMarkdown(markdown) });
}

const unstated = lessons.filter((l) => !l.summaryStated).map((l) => basename(l.path));
const lab = await buildLab(OUT);
console.log(
  `build: ${lessons.length} lessons + index + claims → ${OUT} (${charts} interactive charts, ` +
    `${checked} claims); lab.html with a ${lab.bundleBytes.worker} B worker bundle`,
);
if (unstated.length > 0) {
  console.log(
    `build: no "What you learn:" paragraph in the first cell of ${unstated.join(", ")} ` +
      `(the index shows the README's lesson table, or the first paragraph cut)`,
  );
}
