/**
 * The shape of `lib/`: folders that name the course's concerns, imports that
 * run one way (from the notebook's side down to the toolkit), and no cycles.
 *
 * Only real import and export statements count, not the examples in doc
 * comments (those import the folder's or the library's `mod.ts`).
 */
import { expect } from "expect";

const LIB = new URL("../lib/", import.meta.url);
const FOLDERS = ["nn", "data", "dropout", "stats", "notebook"] as const;

/**
 * Which folders each folder may import from: nn ← data, dropout ← stats ← notebook.
 * nn is the bottom and imports nothing else.
 */
const ALLOWED: Record<string, string[]> = {
  nn: [],
  data: ["nn"],
  dropout: ["nn", "data"],
  stats: ["nn", "data", "dropout"],
  notebook: ["nn", "data", "dropout", "stats"],
};

/** Every .ts file below lib/, as a path relative to lib/ ("nn/tensor.ts"). */
function libFiles(dir = LIB, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of Deno.readDirSync(dir)) {
    if (entry.isDirectory) {
      out.push(...libFiles(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`));
    } else if (entry.name.endsWith(".ts")) out.push(prefix + entry.name);
  }
  return out.sort();
}

/** The relative specifiers a module really imports (comments stripped first). */
export function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found = code.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"(\.[^"]+)"/gms);
  return [...found].map((m) => m[1]);
}

/** The import graph of lib/: file → files it imports (paths relative to lib/). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of libFiles()) {
    const source = Deno.readTextFileSync(new URL(file, LIB));
    const targets = importsOf(source).map((spec) =>
      new URL(spec, new URL(file, LIB)).href.slice(LIB.href.length)
    );
    graph.set(file, targets);
  }
  return graph;
}

/** A cycle in the graph over the given node key (file or folder), or undefined. */
function findCycle(edges: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === "done") return undefined;
    if (state.get(node) === "open") return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, "open");
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, "done");
    return undefined;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

const folderOf = (file: string) => file.includes("/") ? file.split("/")[0] : "";

Deno.test("lib/ has no loose modules except mod.ts, and each folder has a documented mod.ts", () => {
  const loose = libFiles().filter((f) => !f.includes("/") && f !== "mod.ts");
  expect(loose).toEqual([]);
  for (const folder of FOLDERS) {
    const entry = Deno.readTextFileSync(new URL(`${folder}/mod.ts`, LIB));
    expect(entry.startsWith("/**")).toBe(true);
  }
  const folders = new Set(libFiles().map(folderOf).filter((f) => f !== ""));
  expect([...folders].sort()).toEqual([...FOLDERS].sort());
});

Deno.test("imports run one way: nn/ imports no other folder, and no folder imports upward", () => {
  const wrong: string[] = [];
  for (const [file, targets] of importGraph()) {
    const from = folderOf(file);
    if (from === "") continue; // lib/mod.ts re-exports every folder
    for (const target of targets) {
      const to = folderOf(target);
      if (to !== from && !ALLOWED[from].includes(to)) wrong.push(`${file} → ${target}`);
    }
  }
  expect(wrong).toEqual([]);
});

Deno.test("no import cycles, between files or between folders", () => {
  const graph = importGraph();
  const fileEdges = new Map([...graph].map(([f, ts]) => [f, new Set(ts)]));
  expect(findCycle(fileEdges)).toBeUndefined();
  const folderEdges = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    if (from === "") continue;
    for (const t of targets) {
      if (folderOf(t) !== from) {
        folderEdges.set(from, (folderEdges.get(from) ?? new Set()).add(folderOf(t)));
      }
    }
  }
  expect(findCycle(folderEdges)).toBeUndefined();
});

Deno.test("the checker sees a forbidden import and a cycle (it can fail)", () => {
  expect(importsOf('import { x } from "../data/mnist.ts";\n/** import { y } from "./z.ts"; */'))
    .toEqual(["../data/mnist.ts"]);
  const cycle = new Map([["a", new Set(["b"])], ["b", new Set(["c"])], ["c", new Set(["a"])]]);
  expect(findCycle(cycle)).toEqual(["a", "b", "c", "a"]);
  expect(findCycle(new Map([["a", new Set(["b"])], ["b", new Set<string>()]]))).toBeUndefined();
});
