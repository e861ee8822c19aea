/**
 * Runs the lessons in real Jupyter, with the Deno kernel, and checks that
 * the outputs stored in each notebook are exactly what its code produces.
 *
 *   deno task notebooks                 execute every notebook; fail on errors or stale outputs
 *   deno task notebooks --write         execute and store the fresh outputs in the notebooks
 *   deno task notebooks notebooks/05-inverted-dropout.ipynb   just one (either mode)
 *
 * Execution counts and timing metadata are ignored in the comparison; every
 * other byte of every output must match. A notebook that raises, writes to
 * stderr, exceeds its time budget, peaks at 500 MiB or more in the kernel
 * (read from Linux's /proc, where it exists) or grows past 1 MB fails.
 *
 * @module
 */
import { basename, join } from "node:path";
import { formatNotebooks, writeNotebook } from "./fmt_notebooks.ts";
import { ensureKernelspec, jupyterEnv, jupyterPython } from "./kernel.ts";
import { lessonNotebooks, ROOT } from "../tests/_notebook.ts";

/** Seconds one notebook may take in Jupyter on the 2-core CI machine. */
export const BUDGET_SECONDS = 90;
/** The largest a committed notebook may be, outputs included. */
const MAX_BYTES = 1_000_000;
/** Peak resident memory one notebook's kernel may reach, in MiB (its workers included). */
export const MAX_MIB = 500;
const EXECUTED = join(ROOT, ".cache", "executed");

type Output = Record<string, unknown> & { output_type: string };
type Cell = Record<string, unknown> & { cell_type: string; outputs?: Output[] };
type Notebook = Record<string, unknown> & { cells: Cell[] };

const text = (value: unknown) => (Array.isArray(value) ? value.join("") : String(value ?? ""));

/** Joins consecutive stream outputs of one stream: how they are chunked depends on timing. */
function mergeStreams(outputs: Output[]): Output[] {
  const merged: Output[] = [];
  for (const output of outputs) {
    const last = merged[merged.length - 1];
    if (
      output.output_type === "stream" && last?.output_type === "stream" &&
      last.name === output.name
    ) {
      merged[merged.length - 1] = { ...last, text: text(last.text) + text(output.text) };
    } else {
      merged.push(output);
    }
  }
  return merged;
}

/** Drops what legitimately changes between runs: timings. Keeps everything a reader sees. */
export function clean(notebook: Notebook): Notebook {
  return {
    ...notebook,
    cells: notebook.cells.map((cell) => {
      const { execution: _timing, ...metadata } = (cell.metadata ?? {}) as Record<
        string,
        unknown
      >;
      const tidy: Cell = { ...cell, metadata };
      if (cell.outputs) tidy.outputs = mergeStreams(cell.outputs);
      return tidy;
    }),
  };
}

/** The comparable content of a notebook: each cell's kind, source and outputs (no counts). */
export function comparable(notebook: Notebook): string {
  return JSON.stringify(
    clean(notebook).cells.map((cell) => ({
      type: cell.cell_type,
      source: text(cell.source),
      outputs: (cell.outputs ?? []).map(({ execution_count: _count, ...output }) =>
        JSON.parse(JSON.stringify(output, (_key, value) =>
          Array.isArray(value) &&
            value.every((v) => typeof v === "string")
            ? value.join("")
            : value))
      ),
    })),
  );
}

/** Problems a reader would see in the executed notebook: errors and stderr output. */
export function problems(notebook: Notebook): string[] {
  const found: string[] = [];
  let number = 0;
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "code") continue;
    number++;
    for (const output of cell.outputs ?? []) {
      if (output.output_type === "error") {
        found.push(`cell ${number}: ${output.ename}: ${output.evalue}`);
      } else if (output.output_type === "stream" && output.name === "stderr") {
        found.push(`cell ${number} wrote to stderr: ${text(output.text).slice(0, 300)}`);
      }
    }
  }
  return found;
}

/**
 * Executes one notebook with the Deno kernel through `tools/execute.py`
 * (jupyter_client; see there why not nbclient). Returns the executed notebook
 * (also when a cell raised, so its error can be reported) and the seconds it took.
 */
async function execute(
  python: string,
  path: string,
): Promise<{ notebook?: Notebook; seconds: number; peakMiB?: number; log: string }> {
  const out = join(EXECUTED, basename(path));
  try {
    Deno.removeSync(out);
  } catch { /* first run */ }
  const started = performance.now();
  const result = await new Deno.Command(python, {
    args: [
      join(ROOT, "tools", "execute.py"),
      path,
      out,
      "--kernel=deno",
      `--timeout=${BUDGET_SECONDS * 4}`,
    ],
    env: jupyterEnv(),
    stdout: "piped",
    stderr: "piped",
  }).output();
  const seconds = (performance.now() - started) / 1000;
  const log = new TextDecoder().decode(result.stderr)
    .split("\n").filter((line) => !line.includes('"deno jupyter" is unstable')).join("\n");
  let notebook: Notebook | undefined;
  try {
    notebook = JSON.parse(Deno.readTextFileSync(out));
  } catch { /* not written */ }
  const peak = new TextDecoder().decode(result.stdout).match(/peak-memory-mib: (\d+)/)?.[1];
  const peakMiB = peak === undefined ? undefined : Number(peak);
  return { notebook: result.code === 2 ? undefined : notebook, seconds, peakMiB, log };
}

async function main(args: string[]): Promise<number> {
  const write = args.includes("--write");
  // A busy machine may store outputs with a looser budget (NOTEBOOK_BUDGET_SECONDS); CI uses 90 s.
  const budget = Number(Deno.env.get("NOTEBOOK_BUDGET_SECONDS") ?? BUDGET_SECONDS);
  const chosen = args.filter((arg) => !arg.startsWith("--"));
  const paths = chosen.length ? chosen.map((p) => join(Deno.cwd(), p)) : lessonNotebooks();
  ensureKernelspec();
  const python = await jupyterPython();
  Deno.mkdirSync(EXECUTED, { recursive: true });
  let passed = 0;
  let failed = 0;
  const rows: string[] = [];
  for (const path of paths) {
    const name = basename(path);
    const { notebook, seconds, peakMiB, log } = await execute(python, path);
    const issues: string[] = [];
    if (!notebook) {
      issues.push(`Jupyter failed to execute it:\n${log.split("\n").slice(-30).join("\n")}`);
    } else {
      issues.push(...problems(notebook));
      if (seconds > budget) {
        issues.push(`took ${seconds.toFixed(1)} s, over the ${budget} s budget`);
      }
      if (peakMiB !== undefined && peakMiB >= MAX_MIB) {
        issues.push(`peaked at ${peakMiB} MiB in the kernel, over the ${MAX_MIB} MiB limit`);
      }
      if (write && issues.length === 0) {
        writeNotebook(path, clean(notebook));
        const [formatted] = await formatNotebooks([path]);
        if (formatted.changed) writeNotebook(path, formatted.notebook);
      } else {
        const stored = JSON.parse(Deno.readTextFileSync(path)) as Notebook;
        if (comparable(stored) !== comparable(notebook)) {
          issues.push(
            "stored outputs differ from a fresh run (run `deno task notebooks --write` and commit)",
          );
        }
      }
      const bytes = Deno.statSync(path).size;
      if (bytes > MAX_BYTES) issues.push(`is ${bytes} bytes, over the ${MAX_BYTES} limit`);
    }
    const verdict = issues.length ? "FAILED" : "ok";
    issues.length ? failed++ : passed++;
    const memory = peakMiB === undefined ? "–" : `${peakMiB}`;
    rows.push(`| ${name} | ${seconds.toFixed(1)} | ${memory} | ${verdict} |`);
    console.log(`${name} ... ${verdict} (${seconds.toFixed(1)} s, peak ${memory} MiB in Jupyter)`);
    for (const issue of issues) console.log(`  - ${issue}`);
  }
  console.log(
    `\n| notebook | seconds in Jupyter | peak MiB | result |\n|---|---:|---:|---|\n${
      rows.join("\n")
    }`,
  );
  console.log(`\njupyter: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
