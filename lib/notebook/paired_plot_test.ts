import * as Plot from "@observablehq/plot";
import { expect } from "expect";
import { DISPLAY } from "./display.ts";
import { figureRow, pairedPlot } from "./paired_plot.ts";
import { plot } from "./plot.ts";

Deno.test("`pairedPlot()` draws both panels side by side, with a text stand-in", () => {
  const fig = pairedPlot({
    seeds: [1, 2, 3, 4],
    baseline: [0.3, 0.4, 0.35, 0.5],
    treatment: [0.2, 0.3, 0.3, 0.45],
    compare: ["p = 0", "p = 0.5"],
    metric: "test MSE",
    margin: -0.01,
  });
  const bundle = fig[DISPLAY]();
  expect((bundle["text/html"] as string).match(/<svg/g)?.length).toBe(2);
  expect(bundle["text/plain"]).toBe("[figure: test MSE: p = 0 vs p = 0.5, per seed]");
});

Deno.test("`pairedPlot()` rejects series that do not match the seeds, naming the lengths", () => {
  expect(() =>
    pairedPlot({
      seeds: [1, 2],
      baseline: [1],
      treatment: [1, 2],
      compare: ["a", "b"],
      metric: "m",
    })
  ).toThrow(
    new RangeError("baseline and treatment must have one value per seed (2), got 1 and 2"),
  );
});

Deno.test("`figureRow()` wraps the figures' markup in one flex row", () => {
  const a = plot({ marks: [Plot.dot([[0, 1]])] });
  const row = figureRow([a, a], "two");
  expect(row.html.startsWith('<div class="figure-row"')).toBe(true);
  expect(row.html.split(a.html).length).toBe(3);
});
