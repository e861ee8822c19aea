import { expect } from "expect";
import { renderMarkdown, withHeadings } from "./markdown.ts";

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

Deno.test("renderMarkdown() leaves dollars in fenced code and prices beside math alone", () => {
  const fenced = renderMarkdown("```ts\nconst s = `$${x}$`;\n```");
  expect(fenced).not.toContain("katex");
  expect(fenced).toContain("$${x}$");
  const mixed = renderMarkdown("from $5 to $10, with $p = 0.5$ and `$q$`");
  expect(mixed).toContain('from $5 to $10, with <span class="katex">');
  expect(mixed).toContain("<code>$q$</code>");
  expect(renderMarkdown("- item with $x_i$\n- and $$y$$")).toContain("katex");
});

Deno.test("renderMarkdown() gives headings unique anchors within a page", () => {
  const { result, headings } = withHeadings(() =>
    renderMarkdown("## Why $p$?\n\ntext") + renderMarkdown("## Why $p$?")
  );
  expect(result).toContain('<h2 id="why-p">');
  expect(result).toContain('<a class="anchor" href="#why-p-2"');
  expect(headings.map((h) => [h.depth, h.id])).toEqual([[2, "why-p"], [2, "why-p-2"]]);
});
