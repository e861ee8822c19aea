/**
 * Opens every page of the built site in Chromium and checks what a reader
 * would see: every static figure has marks, every Plotly chart was drawn by
 * plotly.js, every claim link of the index lands on a cell that exists, and
 * nothing failed (no console error, no failed or outside request). Saves a
 * full-page screenshot of each lesson.
 *
 * @module
 */
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import type { El, PageGlobals } from "./dom.ts";

/** What one page's check found. */
export interface PageResult {
  page: string;
  /** Static figures (Observable Plot SVGs or `<figure>`s) with marks / in all. */
  figures: { drawn: number; total: number };
  /** Plotly charts drawn / in all. */
  charts: { drawn: number; total: number };
  /** Everything that went wrong; empty when the page passed. */
  problems: string[];
  screenshot?: string;
}

/** Counts the static figures and how many of them contain drawn marks. */
function countFigures(page: Page): Promise<{ drawn: number; total: number }> {
  return page.evaluate(() => {
    const figures = [...(globalThis as unknown as PageGlobals).document.querySelectorAll(
      ".output.svg > svg, .output.html > svg, .output.html > figure",
    )];
    const isMark = (g: El) => !/axis|grid|frame|tick/.test(g.getAttribute("aria-label") ?? "");
    const drawn = figures.filter((fig) => {
      const box = fig.getBoundingClientRect();
      const marks = [...fig.querySelectorAll("g[aria-label]")].filter(isMark)
        .filter((g) =>
          g.querySelector("path, circle, rect, line, text") !== null ||
          /^(path|circle|rect|line|text)$/.test(g.tagName)
        );
      return box.width > 50 && box.height > 30 && marks.length > 0;
    });
    return { drawn: drawn.length, total: figures.length };
  });
}

/** Waits (up to 30 s) for plotly.js to draw every chart, then counts the drawn ones. */
async function countCharts(page: Page): Promise<{ drawn: number; total: number }> {
  const count = () =>
    page.evaluate(() => {
      const charts = [
        ...(globalThis as unknown as PageGlobals).document.querySelectorAll(".course-plotly"),
      ];
      const drawn = charts.filter((el) =>
        el.classList.contains("js-plotly-plot") && el.querySelector(".main-svg") !== null &&
        ((el as unknown as { data?: unknown[] }).data?.length ?? 0) > 0
      );
      return { drawn: drawn.length, total: charts.length };
    });
  await page.waitForFunction(
    () =>
      [...(globalThis as unknown as PageGlobals).document.querySelectorAll(".course-plotly")]
        .every((el) => el.querySelector(".main-svg") !== null),
    undefined,
    { timeout: 30_000 },
  )
    .catch(() => {});
  return await count();
}

/** Links on the page to files of the site that the server does not have. */
async function brokenLinks(page: Page, baseUrl: string): Promise<string[]> {
  const hrefs = await page.$$eval(
    "a[href]",
    (as) => as.map((a) => (a as unknown as { href: string }).href),
  );
  const files = new Set(hrefs.filter((h) => h.startsWith(baseUrl)).map((h) => h.split("#")[0]));
  const broken: string[] = [];
  for (const file of files) {
    const response = await fetch(file);
    await response.body?.cancel();
    if (!response.ok) broken.push(file.slice(baseUrl.length));
  }
  return broken;
}

/**
 * Checks every page of the site.
 *
 * @param context A browser context (see `chromium.ts`).
 * @param baseUrl Where the site is served, ending in `/`.
 * @param pages The page files, `index.html` first.
 * @param screenshots The folder for lesson screenshots.
 * @returns One result per page.
 */
export async function checkSite(
  context: BrowserContext,
  baseUrl: string,
  pages: string[],
  screenshots: string,
): Promise<PageResult[]> {
  Deno.mkdirSync(screenshots, { recursive: true });
  const results: PageResult[] = [];
  const anchors = new Map<string, string[]>(); // page → cell ids the index links to
  for (const name of pages) {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
    page.on(
      "response",
      (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`),
    );
    await page.goto(baseUrl + name, { waitUntil: "load" });
    const charts = await countCharts(page);
    const figures = await countFigures(page);
    if (figures.drawn < figures.total) {
      problems.push(`${figures.total - figures.drawn} of ${figures.total} figures have no marks`);
    }
    if (charts.drawn < charts.total) {
      problems.push(`${charts.total - charts.drawn} of ${charts.total} Plotly charts not drawn`);
    }
    for (const href of await brokenLinks(page, baseUrl)) problems.push(`broken link: ${href}`);
    let screenshot: string | undefined;
    if (name === "index.html") {
      const links = await page.$$eval(
        "a[href*='#cell-']",
        (as) => as.map((a) => a.getAttribute("href")!),
      );
      for (const href of links) {
        const [file, id] = href.split("#");
        anchors.set(file, [...anchors.get(file) ?? [], decodeURIComponent(id)]);
      }
      if (links.length === 0) problems.push("the claims table links to no cell");
    } else {
      const missing = await page.evaluate(
        (ids) =>
          ids.filter((id) => !(globalThis as unknown as PageGlobals).document.getElementById(id)),
        anchors.get(name) ?? [],
      );
      for (const id of missing) {
        problems.push(`the index links to #${id}, which is not on the page`);
      }
      screenshot = join(screenshots, name.replace(/\.html$/, ".png"));
      await page.screenshot({ path: screenshot, fullPage: true });
    }
    await page.close();
    results.push({ page: name, figures, charts, problems, screenshot });
  }
  return results;
}
