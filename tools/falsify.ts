/**
 * `deno task falsify`: shows that every claim's check can fail.
 *
 * A check that cannot fail proves nothing. For each claim of the ledger this
 * runs the claim's check in a world where the claim is false, and requires
 * the check to notice:
 *
 * - **Exact and statistical claims** run their lessons against a broken
 *   library (a mutant, see `tools/falsify/mutants.ts`): the course library with
 *   one deliberate bug, such as dropout that forgets to scale. The claim must
 *   come out other than "holds", or an assertion in its own cell must fail.
 * - **Experimental claims** are re-judged from the evidence stored in the
 *   executed lessons, with the evidence replaced by a null world (the paired
 *   differences centred on zero) and a reversed one (the differences negated,
 *   or pushed far outside an equivalence bound). The declared rule must not say
 *   "holds" in either.
 *
 * It prints one line per ledger ID and ends with `falsify: N of N rejected`.
 *
 *   deno task falsify               every claim
 *   deno task falsify S0-6 P-11     just these
 *
 * @module
 */
import { join, relative } from "node:path";
import { ROOT } from "../tests/_notebook.ts";
import { ledgerIds } from "../lib/notebook/claims_table.ts";
import { type CellOutcome, claimIds } from "./falsify/run.ts";
import { type Mutant, MUTANTS } from "./falsify/mutants.ts";
import { rejudge } from "./falsify/rejudge.ts";

const WORK = join(ROOT, ".cache", "falsify");
const NOTEBOOKS = join(ROOT, "notebooks");

/** How one claim was falsified, or why it was not. */
interface Finding {
  rejected: boolean;
  how: string;
}

/** The notebooks (paths) whose claim cells name any of `ids`. */
function notebooksChecking(ids: string[]): string[] {
  const found: string[] = [];
  for (
    const entry of [...Deno.readDirSync(NOTEBOOKS)].sort((a, b) => a.name.localeCompare(b.name))
  ) {
    if (!entry.name.endsWith(".ipynb")) continue;
    const path = join(NOTEBOOKS, entry.name);
    const nb = JSON.parse(Deno.readTextFileSync(path)) as {
      cells: { cell_type: string; source: string | string[] }[];
    };
    const named = nb.cells.filter((c) => c.cell_type === "code")
      .flatMap((c) => claimIds(Array.isArray(c.source) ? c.source.join("") : c.source));
    if (named.some((id) => ids.includes(id))) found.push(path);
  }
  return found;
}

/** Copies lib/ with the mutant's patches applied, and writes an import map that points `course` at it. */
function buildMutant(mutant: Mutant): string {
  const dir = join(WORK, mutant.name);
  try {
    Deno.removeSync(dir, { recursive: true });
  } catch { /* first run */ }
  const copy = (from: string, to: string) => {
    Deno.mkdirSync(to, { recursive: true });
    for (const entry of Deno.readDirSync(from)) {
      if (entry.isDirectory) copy(join(from, entry.name), join(to, entry.name));
      else if (entry.name.endsWith(".ts")) {
        Deno.copyFileSync(join(from, entry.name), join(to, entry.name));
      }
    }
  };
  copy(join(ROOT, "lib"), join(dir, "lib"));
  const target = join(dir, "lib", mutant.file);
  let source = Deno.readTextFileSync(target);
  for (const { find, replace } of mutant.patches) {
    if (!source.includes(find)) {
      throw new Error(
        `mutant ${mutant.name}: the text to patch is no longer in lib/${mutant.file}:\n${find}`,
      );
    }
    source = source.replace(find, replace);
  }
  Deno.writeTextFileSync(target, source);
  const config = JSON.parse(Deno.readTextFileSync(join(ROOT, "deno.json"))) as {
    imports: Record<string, string>;
  };
  const imports: Record<string, string> = {};
  for (const [name, spec] of Object.entries(config.imports)) {
    imports[name] = spec.startsWith("./") ? new URL(spec, `file://${ROOT}/`).href : spec;
  }
  imports.course = new URL(`file://${join(dir, "lib", "mod.ts")}`).href;
  imports.expect = new URL("./falsify/soft_expect.ts", import.meta.url).href;
  const map = join(dir, "import_map.json");
  Deno.writeTextFileSync(map, JSON.stringify({ imports }, null, 2));
  return map;
}

/** Runs the lessons that check a mutant's claims against it; returns the claim cells' outcomes. */
async function runMutant(mutant: Mutant, only: string[]): Promise<CellOutcome[]> {
  const claims = mutant.claims.filter((id) => only.length === 0 || only.includes(id));
  const notebooks = notebooksChecking(claims);
  if (notebooks.length === 0) return [];
  const map = buildMutant(mutant);
  const moduleDir = join(WORK, mutant.name, "modules");
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      `--import-map=${map}`,
      join(ROOT, "tools", "falsify", "run.ts"),
      moduleDir,
      ...notebooks,
    ],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  });
  const { stdout, stderr, success } = await child.output();
  const lines = new TextDecoder().decode(stdout).split("\n").filter((l) => l.startsWith("{"));
  if (!success && lines.length === 0) {
    throw new Error(
      `mutant ${mutant.name} crashed:\n${new TextDecoder().decode(stderr).slice(-2000)}`,
    );
  }
  return lines.map((l) => JSON.parse(l) as CellOutcome);
}

/** Runs `tasks` with at most `limit` at a time, keeping their order in the results. */
async function pooled<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

if (import.meta.main) {
  const only = Deno.args;
  const ledger = ledgerIds(Deno.readTextFileSync(join(NOTEBOOKS, "LEDGER.md")));
  const ids = only.length > 0 ? ledger.filter((id) => only.includes(id)) : ledger;
  const findings = new Map<string, Finding[]>(ids.map((id) => [id, []]));
  const note = (id: string, finding: Finding) => findings.get(id)?.push(finding);

  // Experimental claims: the stored evidence, re-judged in a null and a reversed world.
  for (const { id, how, rejected } of rejudge(NOTEBOOKS)) note(id, { rejected, how });

  // Exact and statistical claims: the lessons, run against broken libraries.
  const mutants = MUTANTS.filter((m) => m.claims.some((id) => findings.has(id)));
  const cores = navigator.hardwareConcurrency ?? 2;
  const outcomes = await pooled(mutants.map((m) => () => runMutant(m, only)), Math.max(1, cores));
  mutants.forEach((mutant, k) => {
    for (const id of mutant.claims) {
      const cells = outcomes[k].filter((o) => o.ids.includes(id));
      if (cells.length === 0) continue;
      const reached = cells.filter((o) => o.reached);
      if (reached.length === 0) {
        note(id, {
          rejected: false,
          how: `mutant ${mutant.name}: an earlier cell stopped the lesson`,
        });
        continue;
      }
      const caught = reached.find((o) =>
        (o.verdicts[id] ?? "holds") !== "holds" || o.failures.length > 0
      );
      note(
        id,
        caught
          ? {
            rejected: true,
            how: `mutant ${mutant.name} (${mutant.what}): ` +
              (caught.verdicts[id] && caught.verdicts[id] !== "holds"
                ? `verdict "${caught.verdicts[id]}"`
                : `assertion failed: ${caught.failures[0].slice(0, 90)}`),
          }
          : { rejected: false, how: `mutant ${mutant.name}: the check still says "holds"` },
      );
    }
  });

  let rejected = 0;
  for (const id of ids) {
    const list = findings.get(id)!;
    const ok = list.some((f) => f.rejected);
    if (ok) rejected++;
    const shown = ok ? list.find((f) => f.rejected)! : list[0];
    const how = shown?.how ?? "no mutant or stored evidence falsifies this claim's check";
    console.log(`${ok ? "rejected    " : "NOT REJECTED"} ${id.padEnd(6)} ${how}`);
  }
  console.log(`\nfalsify: ${rejected} of ${ids.length} rejected`);
  console.log(`(work files in ${relative(ROOT, WORK)}/)`);
  if (rejected !== ids.length) Deno.exit(1);
}
