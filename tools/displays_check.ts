/**
 * `deno task check` runs this with `deno test`: one test per lesson, failing
 * when a code cell ends with a display the kernel would show as its result
 * (see `displays.ts`). Not named `*_test.ts`, so `deno task test` leaves it
 * to `deno task check`.
 *
 * @module
 */
import { basename } from "node:path";
import { lessonNotebooks, readCodeCells } from "../tests/_notebook.ts";
import { bareDisplays, describeBareDisplays } from "./displays.ts";

for (const path of lessonNotebooks()) {
  Deno.test(`${basename(path)}: every display is awaited`, () => {
    const found = bareDisplays(readCodeCells(path).map((c) => c.source));
    if (found.length > 0) throw new Error(describeBareDisplays(basename(path), found).join("\n"));
  });
}
