/**
 * The browser test checks itself: a deliberately broken page, served from a
 * temporary folder, must fail each site check: a formula left as raw `$…$`,
 * a table that makes the page scroll sideways at 390 px, text drawn at 6 px,
 * a link to an anchor that does not exist, and a claim link that lands on
 * code instead of a verdict. If a check stops seeing its fault, this fails.
 *
 * @module
 */
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { serveStatic } from "./serve.ts";
import { checkSite } from "./site.ts";

const BROKEN = `<!DOCTYPE html><html><head><meta name="viewport"
content="width=device-width, initial-scale=1"></head><body><main>
<section class="cell markdown" id="cell-a"><p>The variance is $p(1-p)$, untypeset.</p></section>
<section class="cell code" id="cell-b"><pre id="claim-S1-1">expect(x).toBe(1);</pre></section>
<table style="width: 800px"><tr><td>a table wider than a phone</td></tr></table>
<p style="font-size: 6px">text too small to read</p>
<a href="#nowhere">a broken anchor</a>
</main></body></html>`;

const INDEX = `<!DOCTYPE html><html><head><meta name="viewport"
content="width=device-width, initial-scale=1"></head><body><main>
<a href="broken.html#cell-b">a claim link</a> <a href="broken.html#claim-S1-1">S1-1</a>
</main></body></html>`;

/** Each fault the broken page has, and the words the check must report it with. */
const EXPECTED: [string, RegExp][] = [
  ["untypeset formula", /formula not typeset in cell-a: \$p\(1-p\)\$/],
  ["sideways scroll at 390 px", /the page scrolls sideways at 390 px/],
  ["text under 9 px", /text at 6\.0 px < 9 px/],
  ["broken anchor", /links to broken\.html#nowhere, which is not on that page/],
  ["claim link that lands on code", /links to broken\.html#claim-S1-1, which is not a verdict/],
];

/**
 * Runs the site checks on the broken page.
 *
 * @param context A browser context.
 * @returns The faults the checks missed (empty when every check fired).
 */
export async function selfTest(context: BrowserContext): Promise<string[]> {
  const dir = await Deno.makeTempDir({ prefix: "course-selftest-" });
  try {
    Deno.writeTextFileSync(join(dir, "index.html"), INDEX);
    Deno.writeTextFileSync(join(dir, "broken.html"), BROKEN);
    const server = await serveStatic(dir);
    try {
      const results = await checkSite(
        context,
        server.url,
        ["index.html", "broken.html"],
        join(dir, "shots"),
      );
      const problems = results.flatMap((r) => r.problems);
      return EXPECTED.filter(([, pattern]) => !problems.some((p) => pattern.test(p)))
        .map(([name]) => `the checks missed a ${name}`);
    } finally {
      await server.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
