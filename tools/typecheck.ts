/**
 * Type-checks the library, the tests, the tools and the code of every lesson.
 *
 * The Jupyter kernel never type-checks cells, and `deno check` ignores
 * `.ipynb` files, so each notebook's code cells are first written out as a
 * module (the same one the test harness runs) and checked with the rest.
 *
 * @module
 */
import { join } from "node:path";
import { lessonNotebooks, ROOT, writeModule } from "../tests/_notebook.ts";

const modules = lessonNotebooks().map((path) => writeModule(path));
const targets = ["lib", "tests", "tools", "bench"].map((dir) => join(ROOT, dir))
  .filter((dir) => {
    try {
      return Deno.statSync(dir).isDirectory;
    } catch {
      return false;
    }
  });
const result = await new Deno.Command(Deno.execPath(), {
  args: ["check", "--doc", ...targets, ...modules],
  cwd: ROOT,
}).spawn().status;
console.log(`type-checked ${targets.length} folders and ${modules.length} notebooks`);
Deno.exit(result.code);
