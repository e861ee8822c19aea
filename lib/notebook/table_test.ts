import { expect } from "expect";
import { DISPLAY } from "./display.ts";
import { table } from "./table.ts";

Deno.test("`table()` right-aligns numeric columns and escapes HTML", () => {
  const t = table([{ name: "<b>", n: 3, x: 0.5 }, { name: "a", n: 10, x: 1.25 }], {
    caption: "two rows",
    digits: 2,
  });
  const bundle = t[DISPLAY]();
  expect(bundle["text/plain"]).toBe("two rows\nname   n     x\n<b>    3  0.50\na     10  1.25");
  expect(bundle["text/html"]).toContain("<td>&lt;b&gt;</td>");
  expect(bundle["text/html"]).toContain('<td class="num">1.25</td>');
  expect(bundle["text/html"]).toContain("<caption>two rows</caption>");
});

Deno.test("`table()` follows the columns option and rejects bad input", () => {
  const t = table([{ a: 1, b: 2 }], { columns: ["b", "a"] });
  expect(t[DISPLAY]()["text/plain"]).toBe("b  a\n2  1");
  expect(() => table("rows" as never)).toThrow("rows must be an array");
  expect(() => table([], { digits: -1 })).toThrow("digits must be an integer in [0, 12], got -1");
});
