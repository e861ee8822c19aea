/**
 * The notebook harness: runs a lesson's code cells under `deno test`, in
 * order, one test step per cell.
 *
 * Jupyter cells share one scope: a `const` from cell 2 is visible in cell 5.
 * To keep that and still stop between cells, the cells become the body of one
 * async generator that yields before each cell; each test step resumes it
 * once, so an exception in a cell fails exactly that cell's step. Import
 * declarations are hoisted to module scope, where they must live.
 *
 * The generated module is written under `.cache/notebooks/` so that it
 * resolves imports through the same `deno.json` as the kernel does, and so
 * that `deno task check` can type-check notebook code (the kernel never does).
 *
 * @module
 */
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { provideSolutions } from "../lib/notebook/exercise.ts";
import { solutions } from "../notebooks/solutions.ts";

/** One code cell: its position among the notebook's code cells (1-based) and its source. */
export interface CodeCell {
  /** 1-based index among code cells: after a fresh run it is the cell's `In [n]`. */
  readonly number: number;
  readonly source: string;
}

/** What the `Deno.jupyter` stand-in received while cells ran outside the kernel. */
export const captured: { bundle: unknown; options: unknown }[] = [];

export const ROOT: string = dirname(dirname(fileURLToPath(import.meta.url)));
const CACHE = join(ROOT, ".cache", "notebooks");

/** Reads the code cells of a `.ipynb` file (markdown and raw cells are skipped). */
export function readCodeCells(path: string): CodeCell[] {
  const nb = JSON.parse(Deno.readTextFileSync(path)) as {
    cells: { cell_type: string; source: string | string[] }[];
  };
  if (!Array.isArray(nb.cells)) throw new TypeError(`${path} is not a notebook: no cells array`);
  return nb.cells
    .filter((cell) => cell.cell_type === "code")
    .map((cell, i) => ({
      number: i + 1,
      source: Array.isArray(cell.source) ? cell.source.join("") : cell.source,
    }));
}

/** The first non-blank line of a cell, for test-step names. */
export function firstLine(source: string): string {
  const line = source.split("\n").find((l) => l.trim() !== "") ?? "(empty cell)";
  return line.trim().slice(0, 100);
}

/**
 * Splits a cell into its import declarations and the rest. Handles imports
 * that span several lines (`import {\n a,\n} from "x";`).
 */
function splitImports(source: string): { imports: string[]; body: string } {
  const imports: string[] = [];
  const body: string[] = [];
  const lines = source.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!/^import[\s{*"']/.test(lines[i])) {
      body.push(lines[i]);
      continue;
    }
    const statement = [lines[i]];
    while (!/(["'];?\s*(\/\/.*)?$)/.test(statement[statement.length - 1]) && i + 1 < lines.length) {
      statement.push(lines[++i]);
    }
    imports.push(statement.join("\n"));
    body.push(""); // keep line numbers of the body stable
  }
  return { imports, body: body.join("\n") };
}

/** Turns a notebook's code cells into a module exporting `cells()`, an async generator. */
export function toModule(cells: CodeCell[], sourceName: string): string {
  const imports: string[] = [];
  const parts: string[] = [];
  for (const cell of cells) {
    const split = splitImports(cell.source);
    imports.push(...split.imports);
    parts.push(`  yield ${cell.number};\n${indent(split.body)}`);
  }
  return [
    `// Generated from ${sourceName} by tests/_notebook.ts. Do not edit.`,
    "// deno-lint-ignore-file",
    ...imports,
    "export async function* cells(): AsyncGenerator<number, void, undefined> {",
    ...parts,
    "}",
    "",
  ].join("\n");
}

function indent(text: string): string {
  return text.split("\n").map((line) => (line === "" ? "" : `  ${line}`)).join("\n");
}

/**
 * Writes the generated module for one notebook into `outDir` (by default
 * `.cache/notebooks/`, which `deno task check` type-checks) and returns its path.
 */
export function writeModule(notebookPath: string, outDir: string = CACHE): string {
  const cells = readCodeCells(notebookPath);
  const name = basename(notebookPath).replace(/\.ipynb$/, "");
  Deno.mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `${name}.ts`);
  const text = toModule(cells, relative(ROOT, notebookPath));
  // Rewrite only on change, so a re-run does not invalidate Deno's caches.
  let old = "";
  try {
    old = Deno.readTextFileSync(out);
  } catch { /* first run */ }
  if (old !== text) Deno.writeTextFileSync(out, text);
  return out;
}

/** Gives cells a `Deno.jupyter` that records displays, as the kernel would show them. */
export function installJupyterStandIn(): void {
  let present = true;
  try {
    present = (Deno as unknown as { jupyter?: unknown }).jupyter !== undefined;
  } catch {
    present = false; // reading it throws outside the kernel
  }
  if (present) return;
  const display = async (obj: unknown, options?: unknown) => {
    const show = (obj as Record<symbol, unknown> | null)?.[Symbol.for("Jupyter.display")];
    const bundle = typeof show === "function" ? await show.call(obj) : obj;
    captured.push({ bundle, options });
  };
  const tagged = (mime: string) => (strings: TemplateStringsArray, ...values: unknown[]) => ({
    [Symbol.for("Jupyter.display")]: () => ({ [mime]: String.raw({ raw: strings }, ...values) }),
  });
  (Deno as unknown as { jupyter: unknown }).jupyter = {
    display,
    broadcast: async () => {},
    md: tagged("text/markdown"),
    html: tagged("text/html"),
    svg: tagged("image/svg+xml"),
    format: (obj: unknown) => obj,
    $display: Symbol.for("Jupyter.display"),
  };
}

/**
 * Runs every code cell of a notebook as one step of the test context `t`.
 * A cell that throws fails its own step; the cells after it are reported as
 * ignored, since they would run against a half-built state.
 */
export async function runNotebook(
  t: Deno.TestContext,
  notebookPath: string,
  moduleDir: string = CACHE,
): Promise<void> {
  installJupyterStandIn();
  // Exercises ship unanswered; the harness supplies the answers so that each is checked.
  provideSolutions(solutions);
  const cells = readCodeCells(notebookPath);
  const modulePath = writeModule(notebookPath, moduleDir);
  const mod = await import(`file://${modulePath}`) as {
    cells: () => AsyncGenerator<number, void, undefined>;
  };
  // The working directory stays where it is (the kernel's would be the notebook's folder):
  // `deno test --parallel` runs other test modules on other threads of this process, and
  // the working directory is the process's. No lesson reads a file by a relative path.
  const run = mod.cells();
  await run.next(); // stops at the first `yield`, before cell 1
  let failed = false;
  for (const cell of cells) {
    const name = `cell ${cell.number}: ${firstLine(cell.source)}`;
    if (failed) {
      await t.step({ name, ignore: true, fn: () => {} });
      continue;
    }
    const ok = await t.step(name, async () => {
      await run.next();
    });
    failed = !ok;
  }
}

/** The lesson notebooks, in course order (file names start with their number). */
export function lessonNotebooks(dir: string = join(ROOT, "notebooks")): string[] {
  return [...Deno.readDirSync(dir)]
    .filter((entry) => entry.isFile && entry.name.endsWith(".ipynb"))
    .map((entry) => join(dir, entry.name))
    .sort();
}
