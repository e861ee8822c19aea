/**
 * The frame every page of the site shares: head (stylesheets, and the site's
 * script, deferred, when the page has charts), a top bar, a sidebar with the
 * lessons and the current lesson's "on this page" list (a menu at the top on
 * narrow screens), the content, and previous/next links at the foot. Every
 * URL is relative, so the site works from a folder, a file URL or any web
 * server, offline.
 *
 * @module
 */
import { escapeHtml } from "./html.ts";
import type { Heading } from "./markdown.ts";

/** A link to a neighbouring page. */
export interface NavLink {
  href: string;
  title: string;
}

/** A lesson in the sidebar: its own number (from the file name) and title. */
export interface LessonLink extends NavLink {
  /** `"1"`, `"6b"`, …: the number the file name gives the lesson. */
  number: string;
}

/** What a page needs. */
export interface PageOptions {
  /** The page title (text, not HTML). */
  title: string;
  /** The content, as HTML. */
  body: string;
  /** Load the site's script (it loads plotly.js when a chart scrolls into view). */
  plotly?: boolean;
  /** The previous and next lessons, if any. */
  previous?: NavLink;
  next?: NavLink;
  /** Every lesson, for the sidebar; `current` marks this page's. */
  lessons?: LessonLink[];
  current?: string;
  /** This page's headings, for "on this page". */
  headings?: Heading[];
  /** Links beside "Lessons" and "Claims" in the top bar (e.g. a live lab page). */
  extraNav?: NavLink[];
  /** Extra HTML for the head (scripts, styles), for pages with their own needs. */
  head?: string;
}

/** The site's title, shown in every page's navigation bar. */
export const SITE_TITLE = "Dropout, checked";

const link = (l: NavLink, attrs = "") =>
  `<a href="${escapeHtml(l.href)}"${attrs}>${escapeHtml(l.title)}</a>`;

function topBar(options: PageOptions): string {
  const extra = (options.extraNav ?? []).map((l) => link(l)).join("");
  return `<header class="top-bar"><a class="home" href="index.html">${SITE_TITLE}</a>` +
    `<nav aria-label="Site"><a href="index.html#lessons">Lessons</a>` +
    `<a href="claims.html">Claims</a>${extra}</nav></header>`;
}

function lessonList(options: PageOptions): string {
  if (!options.lessons?.length) return "";
  const items = options.lessons.map((l) => {
    const here = l.href === options.current;
    return `<li${here ? ' class="current"' : ""}><a href="${escapeHtml(l.href)}"` +
      `${here ? ' aria-current="page"' : ""}><span class="num">${escapeHtml(l.number)}</span>` +
      `${escapeHtml(l.title.replace(/^Lesson\s+\w+\s*[·:.-]\s*/, ""))}</a></li>`;
  }).join("");
  return `<h2 class="nav-title">Lessons</h2><ol class="nav-lessons">${items}</ol>`;
}

function onThisPage(options: PageOptions): string {
  if (!options.headings?.length) return "";
  const items = options.headings.map((h) =>
    `<li class="depth-${h.depth}"><a href="#${h.id}">${
      h.html.replace(/<a class="anchor"[^>]*>#<\/a>/, "")
    }</a></li>`
  ).join("");
  return `<h2 class="nav-title">On this page</h2><ol class="toc">${items}</ol>`;
}

function pager(options: PageOptions): string {
  if (!options.previous && !options.next) return "";
  const prev = options.previous
    ? `<a rel="prev" href="${escapeHtml(options.previous.href)}"><span>Previous</span>` +
      `${escapeHtml(options.previous.title)}</a>`
    : "<span></span>";
  const next = options.next
    ? `<a rel="next" href="${escapeHtml(options.next.href)}"><span>Next</span>` +
      `${escapeHtml(options.next.title)}</a>`
    : "<span></span>";
  return `<nav class="pager" aria-label="Previous and next lesson">${prev}${next}</nav>`;
}

/**
 * Wraps content in the site's page frame.
 *
 * @param options Title, body, charts, neighbours, sidebar and headings.
 * @returns A complete HTML document.
 * @example
 * ```ts
 * import { page } from "./page.ts";
 * import { expect } from "expect";
 * const html = page({ title: "A & B", body: "<p>hi</p>", plotly: true });
 * expect(html).toContain("<title>A &amp; B · Dropout, checked</title>");
 * expect(html).toContain('<script defer src="site.js"></script>');
 * expect(html).not.toContain('src="plotly.min.js"');
 * ```
 */
export function page(options: PageOptions): string {
  const title = options.title === SITE_TITLE ? SITE_TITLE : `${options.title} · ${SITE_TITLE}`;
  const nav = lessonList(options) + onThisPage(options);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="katex/katex.min.css">
<link rel="stylesheet" href="style.css">
${options.plotly ? '<script defer src="site.js"></script>\n' : ""}${options.head ?? ""}</head>
<body>
${topBar(options)}
<div class="layout${nav ? " with-sidebar" : ""}">
${nav ? `<nav class="sidebar" aria-label="Lessons and sections">${nav}</nav>\n` : ""}<main>
${
    nav
      ? `<details class="page-menu"><summary>Lessons and sections</summary>${nav}</details>\n`
      : ""
  }${options.body}
${pager(options)}
</main>
</div>
</body>
</html>
`;
}
