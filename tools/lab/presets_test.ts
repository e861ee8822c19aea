import { expect } from "expect";
import { basename } from "node:path";
import { lessonNotebooks } from "../../tests/_notebook.ts";
import { PRESETS, tryItLive, withLabLinks } from "./presets.ts";
import { parseSettings, settingsQuery } from "./settings.ts";

Deno.test("every lesson has a try-it-live link whose settings are all in range", () => {
  for (const lesson of lessonNotebooks().map((p) => basename(p))) {
    expect({ lesson, count: PRESETS[lesson]?.length ?? 0 }).not.toEqual({ lesson, count: 0 });
  }
  for (const presets of Object.values(PRESETS)) {
    for (const { settings } of presets) {
      const parsed = parseSettings(settingsQuery(settings));
      expect(parsed.adjusted).toEqual([]);
      expect(parsed.settings).toMatchObject(settings);
    }
  }
});

Deno.test("withLabLinks() puts the box after the lesson's title", () => {
  const body = withLabLinks("<h1>Lesson</h1><p>text</p>", "03-masking.ipynb");
  expect(body.indexOf("try-live")).toBeGreaterThan(body.indexOf("</h1>"));
  expect(body.indexOf("try-live")).toBeLessThan(body.indexOf("<p>text"));
  expect(tryItLive("03-masking.ipynb")).toContain('href="lab.html?width=32&amp;depth=1');
  expect(tryItLive("nope.ipynb")).toBe("");
});
