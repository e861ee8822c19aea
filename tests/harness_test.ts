/**
 * Tests of the notebook harness itself: a false claim in a cell must fail
 * `deno test` and name the notebook, the cell and its first line.
 */
import { expect } from "expect";
import { join } from "node:path";
import { makeNotebook } from "../tools/notebook.ts";
import { firstLine, readCodeCells, ROOT, toModule } from "./_notebook.ts";

// Under .cache/, the one folder the tests may write to, and outside the project's
// test paths (deno.json's test.include does not list .cache/).
Deno.mkdirSync(join(ROOT, ".cache", "tmp"), { recursive: true });
const FIXTURES = Deno.makeTempDirSync({ dir: join(ROOT, ".cache", "tmp"), prefix: "harness-" });
globalThis.addEventListener("unload", () => Deno.removeSync(FIXTURES, { recursive: true }));

/** The permission flags of `deno task test`, read from deno.json: a fixture gets no more. */
const TEST_PERMISSIONS: string[] = JSON.parse(Deno.readTextFileSync(join(ROOT, "deno.json")))
  .tasks.test.split(/\s+/).filter((arg: string) => arg.startsWith("--allow-"));

/** Writes a notebook and a test file that runs it, then runs `deno test` on that file. */
async function runFixture(name: string, cells: string[]) {
  const notebook = join(FIXTURES, `${name}.ipynb`);
  const draft = cells.map((source) => ({ kind: "code" as const, source }));
  Deno.writeTextFileSync(
    notebook,
    JSON.stringify(makeNotebook([{ kind: "markdown", source: "# A fixture" }, ...draft])),
  );
  const testFile = join(FIXTURES, `${name}_test.ts`);
  Deno.writeTextFileSync(
    testFile,
    `import { runNotebook } from ${JSON.stringify(join(ROOT, "tests", "_notebook.ts"))};\n` +
      `Deno.test(${JSON.stringify(`notebook ${name}.ipynb`)}, (t) => runNotebook(t, ${
        JSON.stringify(notebook)
      }, ${JSON.stringify(join(FIXTURES, "modules"))}));\n`,
  );
  const result = await new Deno.Command("deno", { // the deno on PATH, which --allow-run=deno allows
    // The permissions of `deno task test` (deno.json), no more: no network.
    args: ["test", ...TEST_PERMISSIONS, "--no-check", testFile],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
  }).output();
  const text = new TextDecoder().decode(result.stdout) + new TextDecoder().decode(result.stderr);
  return { code: result.code, text };
}

Deno.test("a notebook whose claims hold passes, sharing state across cells", async () => {
  const { code, text } = await runFixture("holds", [
    'import { expect } from "expect";\nconst x = 0.13 / 0.8;',
    "// claim DEMO-1\nexpect(x).toBeCloseTo(0.1625, 12);",
    'await Deno.jupyter.display({ "text/plain": "shown" }, { raw: true });',
  ]);
  expect(text).toContain("cell 2: // claim DEMO-1 ... ok");
  expect(code).toBe(0);
});

Deno.test("a false claim fails deno test and names notebook, cell and first line", async () => {
  const { code, text } = await runFixture("false_claim", [
    "const x = 0.13 / 0.8;",
    '// claim DEMO-2: a deliberately false claim\nif (x !== 0.2) throw new Error("x is " + x);',
    "console.log('never runs');",
  ]);
  expect(code).not.toBe(0);
  expect(text).toContain("notebook false_claim.ipynb");
  expect(text).toContain("cell 2: // claim DEMO-2: a deliberately false claim ... FAILED");
  expect(text).toContain("cell 3: console.log('never runs'); ... ignored");
  expect(text).not.toContain("\nnever runs");
});

Deno.test("imports are hoisted, including multi-line ones, and cells keep their order", () => {
  const module = toModule([
    { number: 1, source: 'import {\n  expect,\n} from "expect";\nconst a = 1;' },
    { number: 2, source: 'import * as Plot from "@observablehq/plot";\nexpect(a).toBe(1);' },
  ], "demo.ipynb");
  const lines = module.split("\n");
  const body = lines.indexOf(
    "export async function* cells(): AsyncGenerator<number, void, undefined> {",
  );
  expect(lines.slice(0, body).join("\n")).toContain('import {\n  expect,\n} from "expect";');
  expect(lines.slice(0, body).join("\n")).toContain('import * as Plot from "@observablehq/plot";');
  expect(module.indexOf("yield 1;")).toBeLessThan(module.indexOf("const a = 1;"));
  expect(module.indexOf("const a = 1;")).toBeLessThan(module.indexOf("yield 2;"));
});

Deno.test("firstLine() skips blank lines and trims", () => {
  expect(firstLine("\n\n  // claim S0-6\nx")).toBe("// claim S0-6");
  expect(firstLine("")).toBe("(empty cell)");
});

Deno.test("readCodeCells() numbers code cells only, from 1", () => {
  const path = join(FIXTURES, "numbering.ipynb");
  Deno.writeTextFileSync(
    path,
    JSON.stringify(makeNotebook([
      { kind: "markdown", source: "# Title" },
      { kind: "code", source: "1" },
      { kind: "markdown", source: "text" },
      { kind: "code", source: "2" },
    ])),
  );
  expect(readCodeCells(path)).toEqual([{ number: 1, source: "1" }, { number: 2, source: "2" }]);
});
