/**
 * Notebook files as plain text and back, so lessons can be drafted and
 * edited in an ordinary editor.
 *
 * The text form separates cells with marker lines: `// %% [markdown]` starts
 * a markdown cell, `// %%` a code cell, and `// %% [code] tags=a,b` a code
 * cell with Jupyter tags. Converting to text and back keeps cells, sources and
 * tags; outputs are dropped (re-create them with `deno task notebooks --write`).
 *
 *   deno run -A tools/notebook.ts to-text notebooks/05-inverted-dropout.ipynb > draft.txt
 *   deno run -A tools/notebook.ts from-text draft.txt notebooks/05-inverted-dropout.ipynb
 *
 * @module
 */

/** A cell as the text form knows it. */
export interface DraftCell {
  kind: "markdown" | "code";
  source: string;
  tags?: string[];
}

/** The Deno kernel's notebook metadata, as Jupyter writes it. */
const METADATA = {
  kernelspec: { display_name: "Deno", language: "typescript", name: "deno" },
  language_info: {
    codemirror_mode: "typescript",
    file_extension: ".ts",
    mimetype: "text/x.typescript",
    name: "typescript",
    nbconvert_exporter: "script",
    pygments_lexer: "typescript",
  },
};

/** Jupyter's list-of-lines form of a source: each line keeps its `\n`, the last has none. */
export function toLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n").map((line) => `${line}\n`);
  lines[lines.length - 1] = lines[lines.length - 1].slice(0, -1);
  return lines.filter((line, i) => !(line === "" && i === lines.length - 1));
}

/** Builds an nbformat 4 notebook (no outputs) from cells. */
export function makeNotebook(cells: DraftCell[]): Record<string, unknown> {
  return {
    cells: cells.map((cell, i) => {
      const id = `cell-${i + 1}`;
      const metadata = cell.tags?.length ? { tags: cell.tags } : {};
      return cell.kind === "markdown"
        ? { cell_type: "markdown", id, metadata, source: toLines(cell.source) }
        : {
          cell_type: "code",
          execution_count: null,
          id,
          metadata,
          outputs: [],
          source: toLines(cell.source),
        };
    }),
    metadata: METADATA,
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** Parses the text form into cells. */
export function parseText(text: string): DraftCell[] {
  const cells: DraftCell[] = [];
  let current: DraftCell | undefined;
  for (const line of text.split("\n")) {
    const marker = line.match(/^\/\/ %%(?: \[(markdown|code)\])?(?: tags=(\S+))?\s*$/);
    if (marker) {
      if (current) cells.push(current);
      current = {
        kind: marker[1] === "markdown" ? "markdown" : "code",
        source: "",
        tags: marker[2]?.split(","),
      };
      continue;
    }
    if (!current) {
      if (line.trim() === "") continue;
      throw new SyntaxError(`text before the first "// %%" marker: ${line}`);
    }
    current.source += (current.source === "" ? "" : "\n") + line;
  }
  if (current) cells.push(current);
  return cells.map((cell) => ({ ...cell, source: cell.source.replace(/\s+$/, "") }));
}

/** Writes cells in the text form. */
export function toText(notebook: { cells: Record<string, unknown>[] }): string {
  return notebook.cells.map((cell) => {
    const source = Array.isArray(cell.source) ? cell.source.join("") : String(cell.source);
    const tags = (cell.metadata as { tags?: string[] } | undefined)?.tags;
    const marker = cell.cell_type === "markdown"
      ? "// %% [markdown]"
      : tags?.length
      ? `// %% [code] tags=${tags.join(",")}`
      : "// %%";
    return `${marker}\n${source}\n`;
  }).join("\n");
}

if (import.meta.main) {
  const [command, from, to] = Deno.args;
  if (command === "to-text" && from) {
    console.log(toText(JSON.parse(Deno.readTextFileSync(from))));
  } else if (command === "from-text" && from && to) {
    const notebook = makeNotebook(parseText(Deno.readTextFileSync(from)));
    Deno.writeTextFileSync(to, JSON.stringify(notebook, null, 1) + "\n");
  } else {
    console.error("usage: notebook.ts to-text NB.ipynb | from-text DRAFT.txt NB.ipynb");
    Deno.exit(2);
  }
}
