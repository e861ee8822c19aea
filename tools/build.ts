/**
 * `deno task build`: the course as a static web site in `_site/`.
 *
 * Every committed lesson notebook becomes a page, rendered from its stored
 * outputs (nothing is re-run): prose with math typeset by KaTeX, code cells
 * with their `In [n]`, SVG figures inline, and Plotly charts drawn by the one
 * copy of plotly.js the page loads. The index lists the lessons with a line
 * each and the claims table, every claim linking to the cell that checks it.
 * All assets come from `node_modules/`, so the site works offline.
 *
 * @module
 */
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { claimsHtml, readClaimRows } from "../lib/notebook/claims_table.ts";
import { lessonNotebooks, ROOT } from "../tests/_notebook.ts";
import { withLabLinks } from "./lab/presets.ts";
import { buildLab, LAB_INDEX_LINK } from "./lab/site.ts";
import { escapeHtml } from "./site/html.ts";
import { renderMarkdown } from "./site/markdown.ts";
import { renderNotebook } from "./site/notebook.ts";
import { page, SITE_TITLE } from "./site/page.ts";

const OUT = join(ROOT, "_site");
const MODULES = join(ROOT, "node_modules");

const htmlName = (notebook: string) => basename(notebook).replace(/\.ipynb$/, ".html");

/** Copies plotly.js, KaTeX's stylesheet and fonts, and our stylesheet into the site. */
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
  Deno.copyFileSync(
    join(dirname(fileURLToPath(import.meta.url)), "site", "style.css"),
    join(OUT, "style.css"),
  );
}

/** The README's first heading and first paragraph, for the index page's opening. */
function readmeIntro(): string {
  const readme = Deno.readTextFileSync(join(ROOT, "README.md"));
  const paragraph = readme.split(/\n\s*\n/).find((p) => p.trim() && !p.startsWith("#")) ?? "";
  return renderMarkdown(paragraph);
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

const notebooks = lessonNotebooks();
const lessons = notebooks.map((path) => ({
  path,
  href: htmlName(path),
  ...renderNotebook(Deno.readTextFileSync(path), basename(path)),
}));
let charts = 0;
lessons.forEach((lesson, i) => {
  const link = (l: typeof lesson | undefined) => l && { href: l.href, title: l.title };
  Deno.writeTextFileSync(
    join(OUT, lesson.href),
    page({
      title: lesson.title,
      body: withLabLinks(lesson.body, basename(lesson.path)),
      plotly: lesson.hasPlotly,
      previous: link(lessons[i - 1]),
      next: link(lessons[i + 1]),
    }),
  );
  charts += lesson.body.split('class="course-plotly"').length - 1;
});

const rows = readClaimRows(join(ROOT, "notebooks"), join(ROOT, "notebooks", "LEDGER.md"));
const list = lessons.map((l) =>
  `<li><a href="${l.href}">${escapeHtml(l.title)}</a><span class="summary">${l.summary}</span></li>`
).join("\n");
const index =
  `<h1>${SITE_TITLE}</h1>\n${readmeIntro()}\n${LAB_INDEX_LINK}\n<h2 id="lessons">The lessons</h2>\n` +
  `<ol class="lessons">\n${list}\n</ol>\n<h2 id="claims">Claims</h2>\n` +
  `<p>Every claim the course makes, its verdict, and the cell that checks it.</p>\n` +
  claimsHtml(rows, {
    lesson: htmlName,
    cell: (c) => `${htmlName(c.notebook)}#cell-${encodeURIComponent(c.cellId)}`,
  });
Deno.writeTextFileSync(join(OUT, "index.html"), page({ title: SITE_TITLE, body: index }));
const lab = await buildLab(OUT);
console.log(
  `build: ${lessons.length} lessons + index → ${OUT} (${charts} interactive charts, ` +
    `${rows.filter((r) => r.verdict !== "not yet checked").length} claims in the table); ` +
    `lab.html with a ${lab.bundleBytes.worker} B worker bundle`,
);
