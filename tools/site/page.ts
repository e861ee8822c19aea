/**
 * The frame every page of the site shares: head (stylesheets, and plotly.js
 * when the page has charts), a navigation bar, the content, the same
 * navigation at the foot. Every URL is relative, so the site works from a
 * folder, a file URL or any web server, offline.
 *
 * @module
 */
import { escapeHtml } from "./html.ts";

/** A link to a neighbouring page. */
export interface NavLink {
  href: string;
  title: string;
}

/** What a page needs. */
export interface PageOptions {
  /** The page title (text, not HTML). */
  title: string;
  /** The content, as HTML. */
  body: string;
  /** Load plotly.js (once, in the head, before any chart's script runs). */
  plotly?: boolean;
  /** The previous and next lessons, if any. */
  previous?: NavLink;
  next?: NavLink;
}

/** The site's title, shown in every page's navigation bar. */
export const SITE_TITLE = "Dropout, checked";

function nav(options: PageOptions, where: "top" | "bottom"): string {
  const link = (l: NavLink | undefined, rel: string, arrow: string) =>
    l
      ? `<a rel="${rel}" href="${escapeHtml(l.href)}">${rel === "prev" ? `${arrow} ` : ""}${
        escapeHtml(l.title)
      }${rel === "next" ? ` ${arrow}` : ""}</a>`
      : "<span></span>";
  return `<nav class="site-nav ${where}"><a class="home" href="index.html">${SITE_TITLE}</a>` +
    `${link(options.previous, "prev", "←")}${link(options.next, "next", "→")}</nav>`;
}

/**
 * Wraps content in the site's page frame.
 *
 * @param options Title, body, whether to load plotly.js, and neighbours.
 * @returns A complete HTML document.
 * @example
 * ```ts
 * import { page } from "./page.ts";
 * import { expect } from "expect";
 * const html = page({ title: "A & B", body: "<p>hi</p>", plotly: true });
 * expect(html).toContain("<title>A &amp; B · Dropout, checked</title>");
 * expect(html.indexOf('src="plotly.min.js"')).toBeLessThan(html.indexOf("<p>hi</p>"));
 * ```
 */
export function page(options: PageOptions): string {
  const title = options.title === SITE_TITLE ? SITE_TITLE : `${options.title} · ${SITE_TITLE}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="katex/katex.min.css">
<link rel="stylesheet" href="style.css">
${options.plotly ? '<script src="plotly.min.js"></script>\n' : ""}</head>
<body>
${nav(options, "top")}
<main>
${options.body}
</main>
${nav(options, "bottom")}
</body>
</html>
`;
}
