/**
 * Every lesson notebook is a test: one test per notebook, one step per code
 * cell, run in order in one shared scope, as Jupyter would run them.
 */
import { basename } from "node:path";
import { lessonNotebooks, runNotebook } from "./_notebook.ts";

for (const path of lessonNotebooks()) {
  Deno.test({
    name: `notebook ${basename(path)}`,
    // Cells may leave timers or file handles the kernel would simply keep.
    sanitizeOps: false,
    sanitizeResources: false,
    fn: (t) => runNotebook(t, path),
  });
}
