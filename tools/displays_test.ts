import { expect } from "expect";
import { guardCells, lastExpressions } from "./displays.ts";

Deno.test("lastExpressions() finds every value a cell would end in", () => {
  const cells = [
    "const fig = plot({ marks: [] });\nfig",
    "plot({ marks: [] })",
    'verdict("S0-6", rule, "s", "e")',
    "await show(table(rows));",
    "table(rows)\n// a trailing comment",
    "({ a: 1 });",
    'await exercise("03.1", answer, {})',
    "expect(x).toBe(2);",
  ];
  expect(lastExpressions(cells).map((e) => e.cell)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(lastExpressions(cells)[0].text).toBe("fig");
  expect(lastExpressions(cells)[5].text).toBe("({ a: 1 })");
});

Deno.test("lastExpressions() leaves statements, assignments and `void` alone", () => {
  const cells = [
    "const x = 1;",
    "x = 2;",
    "n++;",
    "for (const s of seeds) await show(s);",
    'import { plot } from "course";',
    "function f() { return plot({}); }",
    "void plot({});",
    "if (x) {\n  await say('x');\n}",
    "",
    "// only a comment",
  ];
  expect(lastExpressions(cells)).toEqual([]);
});

Deno.test("the guarded module fails the type check exactly where a value would be shown", async () => {
  // A tiny module: a void call, an awaited void display, a value, an awaited value, a Promise.
  const cells = [
    "function expectVoid(): void {}\nexpectVoid()",
    "async function show(): Promise<void> {}\nawait show()",
    "const fig = { html: '<svg>' };\nfig",
    "async function exercise(): Promise<boolean> { return false; }\nawait exercise()",
    "show()",
    "({ shown: true });",
  ];
  const guarded = guardCells(cells);
  // Under .cache/ (the only place `deno task test` may write).
  const dir = new URL("../.cache/tmp/", import.meta.url).pathname;
  await Deno.mkdir(dir, { recursive: true });
  const file = await Deno.makeTempFile({ dir, suffix: ".ts" });
  try {
    await Deno.writeTextFile(
      file,
      `export async function run() {\n${guarded.cells.join("\n")}\n}\n${guarded.declarations}\n`,
    );
    const { stdout, stderr } = await new Deno.Command("deno", {
      args: ["check", "--no-config", file],
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const report = new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr);
    const { shownValues } = await import("./displays.ts");
    const name = file.split("/").at(-1)!.replace(/\.ts$/, "");
    expect(shownValues(report).map((s) => [s.module, s.cell, s.type])).toEqual([
      [name, 3, "{ html: string; }"],
      [name, 4, "boolean"],
      [name, 5, "Promise<void>"],
      [name, 6, "{ shown: boolean; }"],
    ]);
  } finally {
    await Deno.remove(file);
  }
});
