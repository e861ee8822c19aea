import { expect } from "expect";
import { bareDisplays, describeBareDisplays } from "./displays.ts";

Deno.test("bareDisplays() flags a display left as a cell's last expression", () => {
  const cells = [
    "const fig = plot({ marks: [] });\nfig",
    "plot({ marks: [] })",
    'verdict("S0-6", rule, "s", "e")',
    "await show(table(rows));",
    "table(rows)\n// a trailing comment",
    "displayable({ 'text/plain': 'x' });",
    "({ a: 1 })",
  ];
  expect(bareDisplays(cells).map((d) => d.cell)).toEqual([1, 2, 3, 5, 6, 7]);
  expect(bareDisplays(cells)[0].statement).toBe("fig");
  expect(describeBareDisplays("01-x.ipynb", bareDisplays(["plot(x)"]))[0])
    .toMatch(/^01-x\.ipynb: cell 1 ends with a bare display `plot\(x\)`/);
});

Deno.test("bareDisplays() accepts what the kernel does not show", () => {
  const cells = [
    "await show(plot({}));",
    "const x = 1;",
    "x = 2;",
    "n++;",
    "expect(x).toBe(2);",
    "expect(() => f()).toThrow(RangeError);",
    "console.assert(x > 0);",
    "for (const s of seeds) await show(s);",
    'import { plot } from "course";',
    "function f() { return plot({}); }",
    "void plot({});",
    "if (x) {\n  await say('x');\n}",
    "",
    "// only a comment",
  ];
  expect(bareDisplays(cells)).toEqual([]);
});
