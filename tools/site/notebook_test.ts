import { expect } from "expect";
import { renderNotebook, renderOutput } from "./notebook.ts";

const svg = '<svg xmlns="http://www.w3.org/2000/svg"><g aria-label="dot"></g></svg>';

Deno.test("renderOutput() prefers HTML, then SVG, then Markdown, then plain text", () => {
  const bundle = { "text/html": "<b>h</b>", "image/svg+xml": svg, "text/plain": "t" };
  expect(renderOutput({ output_type: "display_data", data: bundle }))
    .toBe('<div class="output html"><b>h</b></div>');
  expect(renderOutput({ output_type: "execute_result", data: { "image/svg+xml": svg } }))
    .toBe(`<div class="output svg">${svg}</div>`);
  expect(renderOutput({ output_type: "display_data", data: { "text/markdown": "**v**" } }))
    .toContain("<strong>v</strong>");
  expect(renderOutput({ output_type: "execute_result", data: { "text/plain": ["1 <", " 2"] } }))
    .toBe('<pre class="output text">1 &lt; 2</pre>');
});

Deno.test("renderOutput() marks a claim's verdict with its class and anchors it by ID", () => {
  const data = {
    "application/vnd.dropout-course.claim+json": { id: "S2-2", verdict: "wrong as stated" },
    "text/markdown": "**claim S2-2 — wrong as stated.**",
  };
  expect(renderOutput({ output_type: "execute_result", data })).toMatch(
    /^<div class="output claim verdict-wrong-as-stated" id="claim-S2-2"><div class="markdown"><p>/,
  );
  const html = {
    "application/vnd.dropout-course.claim+json": {
      id: "S4-9",
      verdict: "not resolved at this scale",
    },
    "text/html": "<table></table>",
  };
  expect(renderOutput({ output_type: "display_data", data: html })).toBe(
    '<div class="output claim verdict-not-resolved-at-this-scale" id="claim-S4-9">' +
      '<div class="html"><table></table></div></div>',
  );
});

Deno.test("renderOutput() leaves Plotly charts to the site's script, with the figure as JSON", () => {
  const fig = { data: [{ y: [1], name: "</script>" }] };
  const html = renderOutput({
    output_type: "display_data",
    data: { "application/vnd.plotly.v1+json": fig, "text/html": "<script>old()</script>" },
  });
  expect(html).not.toContain("old()");
  expect(html).toContain('<script type="application/json" class="plotly-figure">');
  expect(html).toContain("<\\/script>");
});

Deno.test("renderNotebook() folds tagged code cells and collapses solutions", () => {
  const nb = {
    cells: [
      {
        id: "t",
        cell_type: "markdown",
        source: "# L\n\n**What you learn:** masks; scaling.\n\nMore.",
      },
      {
        id: "f",
        cell_type: "code",
        metadata: { tags: ["fold"] },
        source: "// draw the loss curves\nawait show(plot({}));",
        outputs: [{ output_type: "display_data", data: { "text/plain": "[figure]" } }],
      },
      { id: "g", cell_type: "code", metadata: { tags: ["fold"] }, source: "await show(x);" },
      { id: "s", cell_type: "markdown", source: "#### Solution 3.2\n\nIt is $p^2$." },
      { id: "h", cell_type: "markdown", source: "## Part $p$\n\n### Sub" },
    ],
  };
  const page = renderNotebook(JSON.stringify(nb), "x");
  expect(page.summary).toBe("masks; scaling.");
  expect(page.summaryStated).toBe(true);
  expect(page.body).toContain(
    '<details class="fold"><summary>draw the loss curves</summary>\n<div class="input">',
  );
  expect(page.body).toContain("<summary>code that draws the figure</summary>");
  // The output of a folded cell stays visible, outside the <details>.
  expect(page.body).toMatch(/<\/details>\n<div class="outputs">/);
  expect(page.body).toContain('<details class="solution"><summary>Solution 3.2</summary>');
  expect(page.headings.map((h) => h.id)).toEqual(["part-p", "sub"]);
});

Deno.test("renderNotebook() cuts a summary to two lines when no 'What you learn' is stated", () => {
  const long = "A first sentence that says something. " + "Word ".repeat(60) + "end.";
  const page = renderNotebook(
    JSON.stringify({ cells: [{ cell_type: "markdown", source: `# T\n\n${long}` }] }),
    "x",
  );
  expect(page.summary).toBe("A first sentence that says something.");
  expect(page.summaryStated).toBe(false);
  const dotted = renderNotebook(
    JSON.stringify({
      cells: [{ cell_type: "markdown", source: "# T\n\nKeep 0.5 of [it](03-a.ipynb). Two." }],
    }),
    "x",
  );
  expect(dotted.summary).toBe('Keep 0.5 of <a href="03-a.ipynb">it</a>. Two.');
});

Deno.test("renderOutput() shows errors without terminal colour codes", () => {
  const html = renderOutput({
    output_type: "error",
    ename: "RangeError",
    evalue: "p",
    traceback: ["\u001b[31mRangeError\u001b[0m: p must be in [0, 1]"],
  });
  expect(html).toBe('<pre class="output error">RangeError: p must be in [0, 1]</pre>');
});

Deno.test("renderNotebook() numbers code cells among code cells and notices Plotly charts", () => {
  const nb = {
    cells: [
      { id: "t", cell_type: "markdown", source: ["# Lesson 9 · Tests\n", "\n", "One. Two."] },
      { id: "c1", cell_type: "code", source: "1", outputs: [] },
      {
        id: "m",
        cell_type: "markdown",
        source: "## Part\n\nSee [masking](03-masking.ipynb#cell-x).",
      },
      {
        id: "c2",
        cell_type: "code",
        source: "chart",
        outputs: [{
          output_type: "execute_result",
          data: {
            "application/vnd.plotly.v1+json": {},
            "text/html": '<div class="course-plotly">',
          },
        }],
      },
    ],
  };
  const page = renderNotebook(JSON.stringify(nb), "fallback");
  expect(page.title).toBe("Lesson 9 · Tests");
  expect(page.summary).toBe("One. Two.");
  expect(page.hasPlotly).toBe(true);
  expect(page.body).toContain('<a class="prompt" href="#cell-c2">In&nbsp;[2]:</a>');
  expect(page.body).toContain('<h2 id="part">Part<a class="anchor" href="#part"');
  expect(page.body).toContain('<section class="cell markdown" id="cell-m">');
  expect(page.body).toContain('<a href="03-masking.html#cell-x">masking</a>');
  const plain = renderNotebook(JSON.stringify({ cells: [] }), "fallback");
  expect([plain.title, plain.hasPlotly]).toEqual(["fallback", false]);
});

Deno.test("renderOutput() marks an engine verdict's HTML with its class", () => {
  const html = renderOutput({
    output_type: "display_data",
    data: {
      "application/vnd.dropout-course.claim+json": {
        id: "S4-9",
        verdict: "not resolved at this scale",
      },
      "text/html": "<div>table</div>",
    },
  });
  expect(html).toBe(
    '<div class="output claim verdict-not-resolved-at-this-scale" id="claim-S4-9">' +
      '<div class="html"><div>table</div></div></div>',
  );
});
