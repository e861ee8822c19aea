import * as Plot from "@observablehq/plot";
import { expect } from "expect";
import { DISPLAY } from "./display.ts";
import { plot, plotly } from "./plot.ts";

Deno.test("`plot()` returns namespaced SVG, shown as image/svg+xml and as HTML", () => {
  const fig = plot({ marks: [Plot.dot([[0, 1], [1, 2]])] });
  expect(fig.isSvg).toBe(true);
  expect(fig.html).toMatch(/^<svg[^>]* xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(fig.html).toContain('xmlns:xlink="http://www.w3.org/1999/xlink"');
  const bundle = fig[DISPLAY]();
  expect(bundle["image/svg+xml"]).toBe(fig.html);
  expect(bundle["text/html"]).toBe(fig.html);
});

Deno.test("`plot()` with a legend is a <figure> shown as HTML, its SVGs namespaced", () => {
  const fig = plot({
    color: { legend: true },
    marks: [
      Plot.dot([{ x: 1, y: 2, c: "a" }, { x: 2, y: 1, c: "b" }], { x: "x", y: "y", fill: "c" }),
    ],
  });
  expect(fig.isSvg).toBe(false);
  expect(fig.html.startsWith("<figure")).toBe(true);
  expect(fig.html).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(Object.keys(fig[DISPLAY]())).toEqual(["text/html", "text/plain"]);
});

Deno.test("`plot()` rounds coordinates to hundredths but leaves text as written", () => {
  const fig = plot({
    marks: [Plot.dot([[1 / 3, 2 / 3]]), Plot.text([[0.5, 0.5]], { text: () => "0.123456789" })],
  });
  expect(fig.html).not.toMatch(/="[^"]*\d\.\d{3}/); // no attribute keeps 3+ decimals
  expect(fig.html).toContain(">0.123456789<");
});

Deno.test("`plot()` is deterministic: the same spec gives the same bytes", () => {
  const spec = () => ({ marks: [Plot.lineY([3, 1, 4, 1, 5, 9, 2, 6])] });
  expect(plot(spec()).html).toBe(plot(spec()).html);
});

Deno.test("`plotly()` carries the figure as plotly JSON and as a self-drawing HTML fallback", () => {
  const chart = plotly({
    data: [{ x: [0, 1], y: [1, 2], type: "scatter", name: "</script>" }],
    layout: { title: { text: "demo" } },
  });
  const bundle = chart[DISPLAY]() as Record<string, unknown>;
  expect(bundle["application/vnd.plotly.v1+json"]).toMatchObject({
    layout: { title: { text: "demo" } },
  });
  expect(chart.html).toContain(`<div id="${chart.id}"`);
  // A "</script>" inside the data must not end the script early.
  expect(chart.html.split("</script>").length).toBe(2);
  expect(bundle["text/plain"]).toBe("[interactive chart: demo]");
});

Deno.test("`plotly()` rejects a figure without traces", () => {
  expect(() => plotly({} as never)).toThrow(
    new TypeError("figure.data must be an array of traces, got undefined"),
  );
});

Deno.test("`plot()` applies the theme: 12 px text and log ticks without SI prefixes", () => {
  const fig = plot({ y: { type: "log" }, marks: [Plot.dot([[0, 1e-6], [1, 1e-2]])] });
  expect(fig.html).toMatch(/^<svg[^>]*style="[^"]*font-size:\s*12px/);
  expect(fig.html).not.toMatch(/>\d+[µmn]</);
  expect(fig.html).toContain(">10⁻⁶<");
});
