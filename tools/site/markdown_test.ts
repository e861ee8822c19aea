import { expect } from "expect";
import { renderMarkdown } from "./markdown.ts";

Deno.test("renderMarkdown() typesets $…$ inline and $$…$$ as a display block with KaTeX", () => {
  const inline = renderMarkdown("the variance $x^2 \\cdot p/(1-p)$ grows");
  expect(inline).toMatch(/^<p>the variance <span class="katex">/);
  expect(inline).not.toContain("$");
  const display = renderMarkdown("Before.\n\n$$\\mathbb{E}[y] = \\frac{x}{1-p}(1-p)$$\n\nAfter.");
  expect(display).toContain('<div class="math-display"><span class="katex-display">');
  expect(display).toContain("<p>After.</p>");
});

Deno.test("renderMarkdown() leaves dollars in prose and in code alone", () => {
  expect(renderMarkdown("it costs $5, or $ 10 $")).toBe("<p>it costs $5, or $ 10 $</p>\n");
  expect(renderMarkdown("`let $a = $b`")).toBe("<p><code>let $a = $b</code></p>\n");
});

Deno.test("renderMarkdown() fails the build on malformed math instead of printing it raw", () => {
  expect(() => renderMarkdown("$\\frac{1}{$")).toThrow();
});

Deno.test("renderMarkdown() renders GitHub tables", () => {
  expect(renderMarkdown("| a | b |\n| - | - |\n| 1 | 2 |")).toContain("<td>1</td>");
});
