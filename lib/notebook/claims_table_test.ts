import { expect } from "expect";
import { CLAIM_MIME } from "./claims.ts";
import { DISPLAY } from "./display.ts";
import {
  claimRows,
  claimsHtml,
  claimsInNotebook,
  claimsMarkdown,
  claimsTable,
  ledgerIds,
} from "./claims_table.ts";

/** A notebook whose code cells each output the verdicts given (an empty list: no claim). */
function notebook(title: string, cells: { id: string; claims: string[] }[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { id: "intro", cell_type: "markdown", source: [`# ${title}\n`, "\n", "Some prose.\n"] },
      ...cells.map(({ id, claims }) => ({
        id,
        cell_type: "code",
        source: "1",
        outputs: claims.map((claim) => ({
          output_type: "execute_result",
          data: {
            [CLAIM_MIME]: {
              id: claim,
              statement: `statement of ${claim}`,
              verdict: "holds",
              evidence: "measured",
            },
          },
        })),
      })),
    ],
  });
}

const LEDGER = `# The claims ledger
## Lesson: one
- **S1-1** first claim, wrapped
  onto a second line.
- **S1-5 / S2-1** a double entry.
* **S1-10** starred bullet.
Prose that mentions **S9-9** is not an entry.
`;

Deno.test("claimsInNotebook() records the lesson title, the code-cell number and the cell id", () => {
  const json = notebook("Lesson 2 · Ensembles", [
    { id: "a", claims: [] },
    { id: "b", claims: ["S1-3", "S1-4"] },
  ]);
  const claims = claimsInNotebook(json, "02-ensembles.ipynb");
  expect(claims.map((c) => [c.id, c.cell, c.cellId, c.lesson, c.notebook])).toEqual([
    ["S1-3", 2, "b", "Lesson 2 · Ensembles", "02-ensembles.ipynb"],
    ["S1-4", 2, "b", "Lesson 2 · Ensembles", "02-ensembles.ipynb"],
  ]);
  expect(claims[0]).toMatchObject({ statement: "statement of S1-3", verdict: "holds" });
});

Deno.test("claimsInNotebook() rejects a file without cells, naming it", () => {
  expect(() => claimsInNotebook("{}", "x.ipynb")).toThrow(
    "json must be a notebook with a cells array (x.ipynb), got cells: undefined",
  );
});

Deno.test("ledgerIds() reads bullet entries in order and splits double IDs", () => {
  expect(ledgerIds(LEDGER)).toEqual(["S1-1", "S1-5", "S2-1", "S1-10"]);
});

Deno.test("claimRows() follows the ledger, lists unchecked IDs, and sorts the rest naturally", () => {
  const claims = [
    ...claimsInNotebook(notebook("B", [{ id: "x", claims: ["S2-1", "E-1"] }]), "02-b.ipynb"),
    ...claimsInNotebook(notebook("A", [{ id: "y", claims: ["S1-10", "S1-9"] }]), "01-a.ipynb"),
  ];
  const rows = claimRows(claims, ledgerIds(LEDGER));
  expect(rows.map((r) => `${r.id} ${r.verdict}`)).toEqual([
    "S1-1 not yet checked",
    "S1-5 not yet checked",
    "S2-1 holds",
    "S1-10 holds",
    "E-1 holds",
    "S1-9 holds",
  ]);
  // Without a ledger: natural order, S1-9 before S1-10.
  expect(claimRows(claims, []).map((r) => r.id)).toEqual(["E-1", "S1-9", "S1-10", "S2-1"]);
});

Deno.test("claimsMarkdown() escapes pipes and links lessons and cells when asked", () => {
  const [claim] = claimsInNotebook(notebook("A | B", [{ id: "c9", claims: ["V-1"] }]), "05.ipynb");
  const md = claimsMarkdown([claim], {
    lesson: (nb) => `notebooks/${nb}`,
    cell: (c) => `05.html#cell-${c.cellId}`,
  });
  expect(md.split("\n")[2]).toBe(
    "| V-1 | statement of V-1 | holds | [A \\| B](notebooks/05.ipynb) | [In [1]](05.html#cell-c9) |",
  );
});

Deno.test("claimsHtml() escapes text and marks each row with its verdict", () => {
  const [claim] = claimsInNotebook(notebook("<A>", [{ id: "c", claims: ["V-1"] }]), "n.ipynb");
  const html = claimsHtml([claim], { cell: () => "n.html#cell-c" });
  expect(html).toContain('<tr class="verdict-holds"><td>V-1</td>');
  expect(html).toContain("<td>&lt;A&gt;</td>");
  expect(html).toContain('<a href="n.html#cell-c">In&nbsp;[1]</a>');
});

Deno.test("claimsTable() reads a folder of notebooks and the ledger", () => {
  // Under .cache/, the one folder the tests may write to (see the README).
  const cache = new URL("../../.cache/tmp", import.meta.url);
  Deno.mkdirSync(cache, { recursive: true });
  const dir = Deno.makeTempDirSync({ dir: cache.pathname });
  Deno.writeTextFileSync(
    `${dir}/01-a.ipynb`,
    notebook("Lesson 1", [{ id: "c", claims: ["S1-1"] }]),
  );
  Deno.writeTextFileSync(`${dir}/notes.md`, "not a notebook");
  Deno.writeTextFileSync(`${dir}/ledger.md`, LEDGER);
  const bundle = claimsTable(dir, `${dir}/ledger.md`)[DISPLAY]();
  expect(bundle["text/plain"]).toBe("1 claims checked, 3 not yet checked");
  expect(bundle["text/markdown"]).toContain(
    "| S1-1 | statement of S1-1 | holds | [Lesson 1](01-a.ipynb)",
  );
  expect(bundle["text/html"]).toContain('<a href="01-a.ipynb">Lesson 1</a>');
  Deno.removeSync(dir, { recursive: true });
});
