/**
 * `deno task check` runs this with `deno test`: one test per lesson, failing
 * when a code cell ends in a value the Deno kernel would show as the cell's
 * result (see `displays.ts`). The lessons' modules, each last expression
 * wrapped in a guard, go to `.cache/displays/`, and one `deno check` judges
 * them all. Not named `*_test.ts`, so `deno task test` leaves it to
 * `deno task check`.
 *
 * @module
 */
import { basename, join, relative } from "node:path";
import { lessonNotebooks, readCodeCells, ROOT, toModule } from "../tests/_notebook.ts";
import { guardCells, shownValues } from "./displays.ts";

const OUT = join(ROOT, ".cache", "displays");
Deno.mkdirSync(OUT, { recursive: true });
const notebooks = lessonNotebooks();
const modules = notebooks.map((path) => {
  const cells = readCodeCells(path);
  const guarded = guardCells(cells.map((c) => c.source));
  const text = toModule(
    cells.map((c, i) => ({ number: c.number, source: guarded.cells[i] })),
    relative(ROOT, path),
  ) + `\n${guarded.declarations}\n`;
  const file = join(OUT, basename(path).replace(/\.ipynb$/, ".ts"));
  Deno.writeTextFileSync(file, text);
  return file;
});
const { success, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
  args: ["check", ...modules],
  cwd: ROOT,
  env: { NO_COLOR: "1" },
  stdout: "piped",
  stderr: "piped",
}).output();
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const report = decode(stdout) + decode(stderr);
const shown = shownValues(report);
// A module the checker could not even parse would hide every guard: fail, never pass silently.
const unchecked = !success && !/TS\d+ \[ERROR\]/.test(report);

for (const path of notebooks) {
  const name = basename(path).replace(/\.ipynb$/, "");
  Deno.test(`${name}.ipynb: no cell ends in a value the kernel would show`, () => {
    if (unchecked) throw new Error(`deno check could not check the lessons:\n${report}`);
    const mine = shown.filter((s) => s.module === name);
    if (mine.length === 0) return;
    throw new Error(
      mine.map((s) =>
        `${name}.ipynb: cell ${s.cell} ends in a value of type ${s.type}, which the kernel ` +
        "shows as the cell's result and can file under the next cell: end the cell with " +
        "`await show(…)`, or a statement (`const x = …;`)"
      ).join("\n"),
    );
  });
}
