/**
 * `deno task site-test`: the course checked in a real browser (headless
 * Chromium). It is kept out of `deno task test`, which learners run without a
 * browser.
 *
 * 1. The built site (`deno task build` first): every page opens without a
 *    console error or a failed or outside request, every figure has marks,
 *    every Plotly chart is drawn, every claim link lands on its cell; a
 *    screenshot of each lesson goes to `_site/screenshots/`.
 * 2. The learner's path: `deno task course` on a free local port, the first
 *    lesson opened in the Jupyter web interface and run until its first plot
 *    appears; then the server is stopped.
 *
 * Ends with `browser: N passed, M failed` (one check per page, plus one for
 * Jupyter); pass `--site-only` to skip the Jupyter check.
 *
 * @module
 */
import { join, relative } from "node:path";
import { lessonNotebooks, ROOT } from "../tests/_notebook.ts";
import { launch } from "./browser/chromium.ts";
import { checkJupyter } from "./browser/jupyter.ts";
import { serveStatic } from "./browser/serve.ts";
import { checkSite } from "./browser/site.ts";

const SITE = join(ROOT, "_site");
const SHOTS = join(ROOT, ".cache", "screenshots");
const pages = (() => {
  try {
    return [
      "index.html",
      ...[...Deno.readDirSync(SITE)].map((e) => e.name)
        .filter((n) => n.endsWith(".html") && n !== "index.html").sort(),
    ];
  } catch {
    console.error("site-test: _site/ is missing; run `deno task build` first");
    Deno.exit(1);
  }
})();

let passed = 0, failed = 0, figures = 0, charts = 0, formulas = 0;
const report = (ok: boolean, line: string, problems: string[]) => {
  ok ? passed++ : failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${line}`);
  for (const p of problems) console.log(`       ${p}`);
};

const browser = await launch();
const server = await serveStatic(SITE);
try {
  for (const r of await checkSite(browser.context, server.url, pages, SHOTS)) {
    figures += r.figures.drawn;
    charts += r.charts.drawn;
    formulas += r.formulas;
    const phone = r.phone.texts > 0
      ? `; at 390 px smallest text ${r.phone.smallestPx.toFixed(1)} px`
      : "";
    report(
      r.problems.length === 0,
      r.screenshots.length === 0 ? r.page : `${r.page}: ${r.figures.drawn}/${r.figures.total} ` +
        `figures, ${r.charts.drawn}/${r.charts.total} Plotly charts, ${r.formulas} formulas${phone}`,
      r.problems,
    );
  }
  if (!Deno.args.includes("--site-only")) {
    const lesson = lessonNotebooks()[0];
    const r = await checkJupyter(browser.context, lesson, join(SHOTS, "jupyter.png"));
    report(
      r.problems.length === 0 && r.seconds !== undefined && r.chartSeconds !== undefined,
      `Jupyter: ${r.notebook} ran in the web interface, first plot after ${
        r.seconds?.toFixed(1) ?? "—"
      } s, first interactive chart after ${r.chartSeconds?.toFixed(1) ?? "—"} s${
        r.screenshot ? ` → ${r.screenshot}` : ""
      }`,
      r.problems,
    );
  }
} finally {
  await server.close();
  await browser.close();
}
if (browser.external.length > 0) {
  failed++;
  console.log(`FAIL requests outside 127.0.0.1 (blocked): ${browser.external.join(", ")}`);
}
console.log(
  `site: ${pages.length} pages, ${figures} figures with marks, ${charts} Plotly charts drawn, ` +
    `${formulas} formulas typeset; screenshots in ${relative(ROOT, SHOTS)}/`,
);
console.log(`browser: ${passed} passed, ${failed} failed`);
Deno.exit(failed === 0 ? 0 : 1);
