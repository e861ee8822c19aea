/**
 * `deno task site-test`: the course checked in a real browser (headless
 * Chromium). It is kept out of `deno task test`, which learners run without a
 * browser.
 *
 * 1. The built site (`deno task build` first): every page opens without a
 *    console error or a failed or outside request, every figure has marks,
 *    every Plotly chart is drawn, no formula is left untypeset, every anchor
 *    exists and claim links land on verdicts; at 390 px nothing scrolls
 *    sideways and no text is under 9 px. Screenshots go to
 *    `.cache/screenshots/` (see `browser/site.ts`).
 * 2. The learner's path: `deno task course` on a free local port, every
 *    lesson opened in the classic Jupyter Notebook and run with Run All (the
 *    smallest five times), each cell's outputs compared with the stored ones;
 *    prints `jupyter run-all: N cells, M misfiled`.
 *
 * Ends with `browser: N passed, M failed` (one check per page, one for the
 * anchors, one per Jupyter run); pass `--site-only` to skip Jupyter,
 * `--jupyter-only` to skip the site.
 *
 * @module
 */
import { basename, join, relative } from "node:path";
import { lessonNotebooks, ROOT } from "../tests/_notebook.ts";
import { launch } from "./browser/chromium.ts";
import { checkJupyter } from "./browser/jupyter.ts";
import { serveStatic } from "./browser/serve.ts";
import { selfTest } from "./browser/selftest.ts";
import { checkSite } from "./browser/site.ts";
import { checkLab } from "./lab/check.ts";

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
  const site = Deno.args.includes("--jupyter-only")
    ? []
    : await checkSite(browser.context, server.url, pages, SHOTS);
  for (const r of site) {
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
  if (!Deno.args.includes("--jupyter-only")) {
    const lab = await checkLab(
      browser.context,
      server.url,
      SITE,
      join(ROOT, ".cache", "screenshots"),
    );
    report(
      lab.problems.length === 0,
      `lab: ${lab.epochs} epochs, losses ${lab.equal ? "equal to" : "DIFFERENT from"} Deno's, ` +
        `max input delay ${lab.maxInputDelayMs.toFixed(0)} ms (${lab.clicks} clicks); ` +
        `${lab.msPerEpoch.toFixed(0)} ms per epoch of 3,000 digits (both nets), ` +
        `${lab.redrawsPerSecond.toFixed(0)} redraws/s → ${lab.screenshots.join(", ")}`,
      lab.problems,
    );
  }
  if (!Deno.args.includes("--jupyter-only")) {
    const missed = await selfTest(browser.context);
    report(
      missed.length === 0,
      "self-test: a deliberately broken page fails every site check",
      missed,
    );
  }
  if (!Deno.args.includes("--site-only")) {
    // `--jupyter-only 03 05` runs only the lessons whose file names start so (for a quick look).
    const only = Deno.args.filter((a) => !a.startsWith("--"));
    const lessons = lessonNotebooks().filter((p) =>
      only.length === 0 || only.some((o) => basename(p).startsWith(o))
    );
    const { runs, problems } = await checkJupyter(browser.context, lessons, {
      repeats: 5,
      screenshots: SHOTS,
    });
    let cells = 0, misfiled = 0, missing = 0, differs = 0;
    for (const r of runs) {
      cells += r.cells;
      misfiled += r.misfiled.length;
      missing += r.missing.length + r.extra.length;
      differs += r.differs.length;
      const wrong = [...r.problems, ...r.misfiled, ...r.missing, ...r.extra, ...r.differs];
      report(
        wrong.length === 0,
        `Jupyter Run All: ${r.notebook}, ${r.cells} cells in ${r.seconds.toFixed(0)} s: ` +
          `${r.misfiled.length} misfiled, ${r.missing.length + r.extra.length} missing or ` +
          `unexpected, ${r.differs.length} differing from the stored output`,
        wrong.slice(0, 8),
      );
    }
    if (problems.length > 0) report(false, "Jupyter", problems);
    console.log(
      `jupyter run-all: ${cells} cells, ${misfiled} misfiled` +
        (missing > 0 ? `, ${missing} missing or unexpected` : "") +
        (differs > 0
          ? `, ${differs} differing (stale stored outputs: run \`deno task notebooks\`)`
          : "") +
        ` (${runs.length} runs of ${new Set(runs.map((r) => r.notebook)).size} lessons)`,
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
if (!Deno.args.includes("--jupyter-only")) {
  console.log(
    `site: ${pages.length} pages, ${figures} figures with marks, ${charts} Plotly charts drawn, ` +
      `${formulas} formulas typeset; screenshots in ${relative(ROOT, SHOTS)}/`,
  );
}
console.log(`browser: ${passed} passed, ${failed} failed`);
Deno.exit(failed === 0 ? 0 : 1);
