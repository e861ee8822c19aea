/**
 * The child process of `deno task falsify`: runs lesson notebooks (their code
 * cells, in order, in one scope, as the test harness does) against whatever
 * library the import map gives as `course`, with a soft `expect`, and prints
 * one JSON line per claim cell: the IDs it names, the verdicts it recorded,
 * and the assertions that failed in it.
 *
 *   deno run -A --import-map=MAP tools/falsify/run.ts OUT_DIR notebooks/05-….ipynb …
 *
 * @module
 */
import { basename, join } from "node:path";
import {
  captured,
  firstLine,
  installJupyterStandIn,
  readCodeCells,
  writeModule,
} from "../../tests/_notebook.ts";
import { provideSolutions } from "../../lib/notebook/exercise.ts";
import { solutions } from "../../notebooks/solutions.ts";
import { takeFailures } from "./soft_expect.ts";

/** What one claim cell did under the mutant. */
export interface CellOutcome {
  notebook: string;
  cell: number;
  /** The IDs the cell names in its first line (`// claim S1-5 · claim S2-1`). */
  ids: string[];
  /** Verdicts the cell recorded, by ID. */
  verdicts: Record<string, string>;
  /** Failed assertions, or the error that stopped the cell. */
  failures: string[];
  /** false when an earlier cell stopped the notebook, so this cell never ran. */
  reached: boolean;
}

const CLAIM_MIME = "application/vnd.dropout-course.claim+json";

/** The claim IDs a cell names in its first line. */
export function claimIds(source: string): string[] {
  const line = firstLine(source);
  if (!/^\/\/\s*claim\b/.test(line)) return [];
  return [...line.matchAll(/claim\s+([A-Z][0-9]?-[0-9]+)/g)].map((m) => m[1]);
}

async function runOne(path: string, moduleDir: string): Promise<CellOutcome[]> {
  installJupyterStandIn();
  provideSolutions(solutions);
  const cells = readCodeCells(path);
  const mod = await import(`file://${writeModule(path, moduleDir)}`) as {
    cells: () => AsyncGenerator<number, void, undefined>;
  };
  const outcomes: CellOutcome[] = [];
  const cwd = Deno.cwd();
  Deno.chdir(join(path, ".."));
  const run = mod.cells();
  let stopped: string | undefined;
  try {
    await run.next();
    for (const cell of cells) {
      const ids = claimIds(cell.source);
      captured.length = 0;
      takeFailures();
      const failures: string[] = [];
      if (stopped === undefined) {
        try {
          await run.next();
        } catch (error) {
          stopped = `cell ${cell.number}: ${error instanceof Error ? error.message : error}`;
          failures.push(`stopped: ${stopped.split("\n")[0]}`);
        }
      }
      failures.unshift(...takeFailures());
      if (ids.length === 0) continue;
      const verdicts: Record<string, string> = {};
      for (const { bundle } of captured) {
        const record = (bundle as Record<string, { id?: string; verdict?: string }> | null)
          ?.[CLAIM_MIME];
        if (record?.id) verdicts[record.id] = record.verdict ?? "";
      }
      const reached = stopped === undefined || failures.some((f) => f.startsWith("stopped"));
      outcomes.push({
        notebook: basename(path),
        cell: cell.number,
        ids,
        verdicts,
        failures,
        reached,
      });
    }
  } finally {
    Deno.chdir(cwd);
  }
  return outcomes;
}

if (import.meta.main) {
  const [moduleDir, ...notebooks] = Deno.args;
  for (const path of notebooks) {
    for (const outcome of await runOne(path, moduleDir)) console.log(JSON.stringify(outcome));
  }
}
