/**
 * Formats the cells of the lesson notebooks with `deno fmt`, or checks that
 * they are formatted.
 *
 *   deno run -A tools/fmt_notebooks.ts            format every notebook in notebooks/
 *   deno run -A tools/fmt_notebooks.ts --check    fail if any cell would change
 *   deno run -A tools/fmt_notebooks.ts --check notebooks/05-inverted-dropout.ipynb
 *
 * Why not `deno fmt --check` on the `.ipynb` files: in Deno 2.9.6 it reports
 * every notebook that is not in its incremental cache as unformatted, even
 * when formatting would not change a byte, so it fails on every fresh clone.
 * So `deno.json` leaves notebooks out of `deno fmt`, and this tool formats
 * each cell the way `deno fmt` formats a `.ts` (code) or `.md` (prose) file,
 * with the project's line width.
 *
 * @module
 */
import { basename, join } from "node:path";
import { lessonNotebooks, ROOT } from "../tests/_notebook.ts";
import { toLines } from "./notebook.ts";

type Cell = { cell_type: string; source: string | string[] };
type Notebook = { cells: Cell[] };

const source = (cell: Cell) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source);

function lineWidth(): number {
  const config = JSON.parse(Deno.readTextFileSync(join(ROOT, "deno.json")));
  return config.fmt?.lineWidth ?? 80;
}

/**
 * Formats the code and markdown cells of the given notebooks in one `deno fmt`
 * run. Returns, per notebook, the formatted notebook and whether it changed.
 */
export async function formatNotebooks(
  paths: string[],
): Promise<{ path: string; notebook: Notebook; changed: boolean }[]> {
  const dir = Deno.makeTempDirSync({ prefix: "fmt-notebooks-" });
  try {
    const notebooks = paths.map((path) => ({
      path,
      notebook: JSON.parse(Deno.readTextFileSync(path)) as Notebook,
    }));
    const files: { nb: number; cell: number; file: string }[] = [];
    notebooks.forEach(({ notebook }, nb) =>
      notebook.cells.forEach((cell, i) => {
        const ext = cell.cell_type === "code" ? "ts" : cell.cell_type === "markdown" ? "md" : "";
        if (!ext || source(cell).trim() === "") return;
        const file = join(dir, `${nb}-${i}.${ext}`);
        Deno.writeTextFileSync(file, source(cell) + "\n");
        files.push({ nb, cell: i, file });
      })
    );
    if (files.length > 0) {
      const result = await new Deno.Command(Deno.execPath(), {
        args: ["fmt", "--quiet", "--no-config", `--line-width=${lineWidth()}`, dir],
        stderr: "piped",
      }).output();
      if (!result.success) {
        throw new Error(`deno fmt failed:\n${new TextDecoder().decode(result.stderr)}`);
      }
    }
    const changed = new Set<number>();
    for (const { nb, cell, file } of files) {
      const formatted = Deno.readTextFileSync(file).replace(/\n$/, "");
      const target = notebooks[nb].notebook.cells[cell];
      if (formatted !== source(target)) {
        changed.add(nb);
        target.source = toLines(formatted);
      }
    }
    return notebooks.map(({ path, notebook }, nb) => ({
      path,
      notebook,
      changed: changed.has(nb),
    }));
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

/** Writes a notebook the way Jupyter does: one-space JSON indent, trailing newline. */
export function writeNotebook(path: string, notebook: unknown): void {
  Deno.writeTextFileSync(path, JSON.stringify(notebook, null, 1) + "\n");
}

if (import.meta.main) {
  const check = Deno.args.includes("--check");
  const chosen = Deno.args.filter((arg) => !arg.startsWith("--"));
  const paths = chosen.length ? chosen.map((p) => join(Deno.cwd(), p)) : lessonNotebooks();
  const results = await formatNotebooks(paths);
  const unformatted = results.filter((r) => r.changed);
  if (check) {
    for (const { path } of unformatted) console.error(`not formatted: ${basename(path)}`);
    console.log(`checked the cells of ${results.length} notebooks`);
    if (unformatted.length) {
      console.error("run `deno run -A tools/fmt_notebooks.ts` to format them");
      Deno.exit(1);
    }
  } else {
    for (const { path, notebook } of unformatted) writeNotebook(path, notebook);
    console.log(`formatted ${unformatted.length} of ${results.length} notebooks`);
  }
}
