/**
 * Opens every page of the built site in Chromium and checks what a reader
 * would see, at desktop width and on a phone (390 px):
 *
 * - desktop: every static figure has marks; every Plotly chart is drawn once
 *   it scrolls into view, and each chart slider has a keyboard control that
 *   moves it; no formula is left as raw `$…$`; nothing failed (no console
 *   error, no failed or outside request); every link reaches a file;
 * - phone: the page does not scroll sideways and no text is drawn under 9 px
 *   (folded code opened, charts drawn);
 * - across pages: every `#anchor` a link names exists on its page, and the
 *   claims page's links land on a verdict.
 *
 * Screenshots (the first screen of each page, at both widths) go to
 * `.cache/screenshots/`, never into the site.
 *
 * @module
 */
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import {
  brokenAnchors,
  horizontalScroll,
  PHONE,
  smallText,
  type TextSample,
  untypesetMath,
} from "./checks.ts";

/** What one page's check found. */
export interface PageResult {
  page: string;
  /** Static figures (Observable Plot SVGs or `<figure>`s) with marks / in all. */
  figures: { drawn: number; total: number };
  /** Plotly charts drawn / in all. */
  charts: { drawn: number; total: number };
  /** Formulas typeset by KaTeX on the page. */
  formulas: number;
  /** Pieces of text measured on the phone, and the smallest size met. */
  phone: { texts: number; smallestPx: number };
  /** Everything that went wrong; empty when the page passed. */
  problems: string[];
  screenshots: string[];
}

// deno-lint-ignore no-explicit-any
type Any = any;

/** Counts the static figures and how many of them contain drawn marks. */
function countFigures(page: Page): Promise<{ drawn: number; total: number }> {
  return page.evaluate(() => {
    const d = (globalThis as Any).document;
    const figures = [
      ...d.querySelectorAll(".output.svg > svg, .output.html > svg, .output.html > figure"),
    ] as Any[];
    const isMark = (g: Any) => !/axis|grid|frame|tick/.test(g.getAttribute("aria-label") ?? "");
    const drawn = figures.filter((fig) => {
      const box = fig.getBoundingClientRect();
      const marks = [...fig.querySelectorAll("g[aria-label]")].filter(isMark)
        .filter((g: Any) =>
          g.querySelector("path, circle, rect, line, text") !== null ||
          /^(path|circle|rect|line|text)$/.test(g.tagName)
        );
      return box.width > 50 && box.height > 30 && marks.length > 0;
    });
    return { drawn: drawn.length, total: figures.length };
  });
}

/**
 * Scrolls every chart into view (the site draws a chart only then), waits up
 * to 30 s for plotly.js to draw them all, and counts the drawn ones.
 */
async function drawCharts(page: Page): Promise<{ drawn: number; total: number }> {
  const total = await page.locator(".course-plotly").count();
  for (let i = 0; i < total; i++) {
    await page.locator(".course-plotly").nth(i).scrollIntoViewIfNeeded();
  }
  await page.waitForFunction(
    () =>
      [...(globalThis as Any).document.querySelectorAll(".course-plotly")]
        .every((el: Any) => el.classList.contains("drawn")),
    undefined,
    { timeout: 30_000 },
  ).catch(() => {});
  const drawn = await page.evaluate(() =>
    [...(globalThis as Any).document.querySelectorAll(".course-plotly")].filter((el: Any) =>
      el.classList.contains("js-plotly-plot") && el.querySelector(".main-svg") !== null &&
      (el.data?.length ?? 0) > 0
    ).length
  );
  return { drawn, total };
}

/** Every chart slider must have a keyboard control; ArrowRight on it must move the slider. */
async function checkSliders(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const charts = page.locator(".course-plotly.drawn");
  for (let i = 0; i < await charts.count(); i++) {
    const chart = charts.nth(i);
    const sliders = await chart.evaluate((el: Any) => (el.layout?.sliders ?? []).length);
    if (sliders === 0) continue;
    const control = page.locator(".output.plotly").filter({ has: chart }).locator(
      ".chart-slider input[type=range]",
    ).first();
    if (await control.count() === 0) {
      problems.push(`chart ${i + 1}: its slider has no keyboard control`);
      continue;
    }
    const before = await chart.evaluate((el: Any) => el.layout.sliders[0].active ?? 0);
    const max = Number(await control.getAttribute("max"));
    await control.focus();
    await page.keyboard.press(before >= max ? "ArrowLeft" : "ArrowRight");
    const after = await chart.evaluate((el: Any) => el.layout.sliders[0].active ?? 0);
    if (after === before) problems.push(`chart ${i + 1}: the arrow keys do not move its slider`);
  }
  return problems;
}

/** Raw `$…$` left in the prose: text outside code, KaTeX and scripts. */
async function rawMath(page: Page): Promise<{ formulas: number; raw: string[] }> {
  const texts: { text: string; where: string }[] = await page.evaluate(() => {
    const d = (globalThis as Any).document;
    const out: { text: string; where: string }[] = [];
    for (const cell of d.querySelectorAll("main .cell.markdown, main .output.markdown")) {
      const copy = cell.cloneNode(true);
      for (const skip of copy.querySelectorAll("code, pre, .katex, script, style")) skip.remove();
      out.push({ text: copy.textContent, where: cell.id || "an output" });
    }
    return out;
  });
  const raw = texts.flatMap(({ text, where }) => {
    const formula = untypesetMath(text);
    return formula ? [`formula not typeset in ${where}: ${formula}`] : [];
  });
  const formulas = await page.locator(".katex").count();
  return { formulas, raw };
}

/** Every visible piece of text and its rendered size (SVG text scaled as drawn). */
function measureText(page: Page): Promise<TextSample[]> {
  return page.evaluate(() => {
    const d = (globalThis as Any).document;
    const w = globalThis as Any;
    const samples: { text: string; px: number; where: string }[] = [];
    const walker = d.createTreeWalker(d.body, 4 /* NodeFilter.SHOW_TEXT */);
    const path = (el: Any) => {
      const parts: string[] = [];
      for (let e = el; e && e !== d.body && parts.length < 4; e = e.parentElement) {
        parts.unshift(e.tagName.toLowerCase() + (e.id ? `#${e.id}` : ""));
      }
      return parts.join(" > ");
    };
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      // Blank and zero-width text (KaTeX's struts) shows nothing to read.
      if (text.replace(/[\s\u200b\u200c\u200d\u2060\ufeff]/g, "") === "") continue;
      const el = node.parentElement;
      if (!el || el.closest("script, style, title, .katex-mathml")) continue;
      const style = w.getComputedStyle(el);
      if (style.visibility === "hidden" || Number(style.opacity) === 0) continue;
      const rects = el.getClientRects();
      if (rects.length === 0 || (rects[0].width === 0 && rects[0].height === 0)) continue;
      let px = parseFloat(style.fontSize);
      if (el.namespaceURI === "http://www.w3.org/2000/svg" && el.getScreenCTM) {
        const m = el.getScreenCTM();
        if (m) px *= Math.hypot(m.a, m.b);
      }
      samples.push({ text, px, where: path(el) });
    }
    return samples;
  });
}

/** The page's element ids, and its links that carry a `#fragment`. */
function anchorsOf(page: Page): Promise<{ ids: string[]; links: string[] }> {
  return page.evaluate(() => {
    const d = (globalThis as Any).document;
    return {
      ids: [...d.querySelectorAll("[id]")].map((e: Any) => e.id),
      links: [...d.querySelectorAll("a[href*='#']")].map((a: Any) => a.getAttribute("href")),
    };
  });
}

/** Links on the page to files of the site that the server does not have. */
async function brokenLinks(page: Page, baseUrl: string): Promise<string[]> {
  const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => (a as Any).href as string));
  const files = new Set(hrefs.filter((h) => h.startsWith(baseUrl)).map((h) => h.split("#")[0]));
  const broken: string[] = [];
  for (const file of files) {
    const response = await fetch(file);
    await response.body?.cancel();
    if (!response.ok) broken.push(file.slice(baseUrl.length));
  }
  return broken;
}

function watch(page: Page, problems: string[]): void {
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
}

let readmeDone = false;

/** A screenshot of the page with its first figure near the top, for the README. */
async function readmeShot(page: Page, path: string): Promise<void> {
  await page.evaluate(() => {
    const d = (globalThis as Any).document;
    const figure = d.querySelector(".output.svg, .output.html > figure, .output.html > svg");
    const cell = figure?.closest(".cell");
    const before = cell?.previousElementSibling;
    (before?.classList.contains("markdown") ? before : cell)?.scrollIntoView();
  });
  await page.screenshot({ path });
}

/** The phone pass: no sideways scroll, no text under 9 px, with folds open and charts drawn. */
async function checkPhone(
  context: BrowserContext,
  url: string,
  problems: string[],
  screenshot: string,
): Promise<{ texts: number; smallestPx: number }> {
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  watch(page, problems);
  await page.goto(url, { waitUntil: "load" });
  await page.screenshot({ path: screenshot });
  await drawCharts(page);
  await page.evaluate(() => {
    for (const d of (globalThis as Any).document.querySelectorAll("details")) d.open = true;
  });
  const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
    const d = (globalThis as Any).document;
    const width = d.documentElement.clientWidth;
    let widest = "", right = width;
    for (const el of d.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.right > right + 1 && r.width > 0) {
        // Only what is not clipped by a scrolling box counts.
        let clipped = false;
        for (let p = el.parentElement; p && p !== d.body; p = p.parentElement) {
          const o = (globalThis as Any).getComputedStyle(p).overflowX;
          if (o === "auto" || o === "scroll" || o === "hidden") clipped = true;
        }
        if (!clipped) {
          right = r.right;
          widest = el.tagName.toLowerCase() + (el.className ? `.${el.className}` : "");
        }
      }
    }
    return { scrollWidth: d.documentElement.scrollWidth, clientWidth: width, widest };
  });
  const overflow = horizontalScroll(scrollWidth, clientWidth, widest || "unknown element");
  if (overflow) problems.push(overflow);
  const samples = await measureText(page);
  problems.push(...smallText(samples));
  const covered = await page.evaluate(() => {
    // The In [n] label must never sit on top of the code.
    const d = (globalThis as Any).document;
    return [...d.querySelectorAll(".input")].filter((input: Any) => {
      const a = input.querySelector(".prompt")?.getBoundingClientRect();
      const b = input.querySelector("pre")?.getBoundingClientRect();
      return a && b && a.bottom > b.top + 1 && a.top < b.bottom && a.right > b.left &&
        a.left < b.right;
    }).length;
  });
  if (covered > 0) problems.push(`the In [n] label covers the code in ${covered} cells`);
  if (/^\d/.test(url.split("/").at(-1) ?? "") && !readmeDone) {
    readmeDone = true;
    await page.evaluate(() => {
      for (const d of (globalThis as Any).document.querySelectorAll("details")) d.open = false;
    });
    await readmeShot(page, join(screenshot, "..", "..", "readme-phone.png"));
  }
  await page.close();
  return {
    texts: samples.length,
    smallestPx: samples.reduce((m, s) => Math.min(m, s.px), Infinity),
  };
}

/**
 * Checks every page of the site.
 *
 * @param context A browser context (see `chromium.ts`).
 * @param baseUrl Where the site is served, ending in `/`.
 * @param pages The page files, `index.html` first.
 * @param screenshots The folder for screenshots (`desktop/` and `phone/` inside).
 * @returns One result per page, plus one for the anchors across pages.
 */
export async function checkSite(
  context: BrowserContext,
  baseUrl: string,
  pages: string[],
  screenshots: string,
): Promise<PageResult[]> {
  for (const width of ["desktop", "phone"]) {
    Deno.mkdirSync(join(screenshots, width), { recursive: true });
  }
  const results: PageResult[] = [];
  const ids = new Map<string, Set<string>>();
  const links: { page: string; href: string }[] = [];
  const verdictTargets = new Map<string, Set<string>>(); // page → ids of verdict elements
  for (const name of pages) {
    const page = await context.newPage();
    const problems: string[] = [];
    watch(page, problems);
    await page.goto(baseUrl + name, { waitUntil: "load" });
    const shot = name.replace(/\.html$/, ".png");
    await page.screenshot({ path: join(screenshots, "desktop", shot) });
    const charts = await drawCharts(page);
    const figures = await countFigures(page);
    if (figures.drawn < figures.total) {
      problems.push(`${figures.total - figures.drawn} of ${figures.total} figures have no marks`);
    }
    if (charts.drawn < charts.total) {
      problems.push(`${charts.total - charts.drawn} of ${charts.total} Plotly charts not drawn`);
    }
    problems.push(...await checkSliders(page));
    const math = await rawMath(page);
    problems.push(...math.raw);
    for (const href of await brokenLinks(page, baseUrl)) problems.push(`broken link: ${href}`);
    const anchors = await anchorsOf(page);
    ids.set(name, new Set(anchors.ids));
    links.push(...anchors.links.map((href) => ({ page: name, href })));
    verdictTargets.set(
      name,
      new Set(
        await page.$$eval(".output.claim[id]", (els) => els.map((e) => (e as Any).id as string)),
      ),
    );
    if (name === pages.find((p) => /^\d/.test(p))) {
      // For the README: the first lesson at its first figure, on a desktop and on a phone.
      await readmeShot(page, join(screenshots, "readme-desktop.png"));
    }
    if (name === "claims.html" && !anchors.links.some((l) => l.includes("#claim-"))) {
      problems.push("the claims page links to no verdict");
    }
    await page.close();
    const phone = await checkPhone(
      context,
      baseUrl + name,
      problems,
      join(screenshots, "phone", shot),
    );
    results.push({
      page: name,
      figures,
      charts,
      formulas: math.formulas,
      phone,
      problems,
      screenshots: [join(screenshots, "desktop", shot), join(screenshots, "phone", shot)],
    });
  }
  // Across pages: every #anchor exists, and claim links land on a verdict, not on code.
  const problems = brokenAnchors(links, ids);
  for (const { page, href } of links) {
    // Verdict anchors are `#claim-` and the claim's ID (S1-2, P-11), never a lower-case slug.
    const m = /^([^#]*)#(claim-[A-Z].*)$/.exec(href);
    if (!m) continue;
    const file = m[1] || page, id = decodeURIComponent(m[2]);
    if (ids.get(file)?.has(id) && !verdictTargets.get(file)?.has(id)) {
      problems.push(`${page} links to ${file}#${id}, which is not a verdict`);
    }
  }
  results.push({
    page: `anchors (${links.length} links with a #fragment)`,
    figures: { drawn: 0, total: 0 },
    charts: { drawn: 0, total: 0 },
    formulas: 0,
    phone: { texts: 0, smallestPx: Infinity },
    problems,
    screenshots: [],
  });
  return results;
}
