/**
 * The learner's path, checked in a browser: start `deno task course` as the
 * README says (headless, on a free port, with a random token), open each
 * lesson in the classic Jupyter Notebook, clear its stored outputs, Run All,
 * and compare every cell's outputs with the stored ones, cell by cell. The
 * Deno kernel has sent a cell's result late, tagged with the next request, so
 * that it showed under the next cell: this is the check that would see it.
 * The server and its kernels are always stopped at the end, and the lesson
 * files must be left exactly as they were.
 *
 * @module
 */
import { basename, join, relative } from "node:path";
import type { BrowserContext } from "playwright-core";
import { ROOT } from "../../tests/_notebook.ts";
import { cellKeys, compareRuns, type NbOutput, type RunComparison } from "./checks.ts";

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls the server's API until it answers (it first runs `deno install` and `jupyter trust`). */
async function waitForServer(
  base: string,
  token: string,
  timeoutMs: number,
  gone: () => boolean,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gone()) {
    try {
      const response = await fetch(`${base}api/status?token=${token}`);
      await response.body?.cancel();
      if (response.ok) return true;
    } catch { /* not listening yet */ }
    await sleep(500);
  }
  return false;
}

/** Shuts down every kernel of the server through its API. */
async function shutdownKernels(base: string, token: string): Promise<void> {
  try {
    const kernels = await (await fetch(`${base}api/kernels?token=${token}`)).json() as {
      id: string;
    }[];
    for (const k of kernels) {
      await (await fetch(`${base}api/kernels/${k.id}?token=${token}`, { method: "DELETE" })).body
        ?.cancel();
    }
  } catch { /* the server is already gone */ }
}

/** Shuts down every kernel through the API, then the server's whole process group. */
async function stop(server: Deno.ChildProcess, base: string, token: string): Promise<void> {
  await shutdownKernels(base, token);
  const signal = (sig: Deno.Signal) => {
    try {
      Deno.kill(-server.pid, sig); // negative: the whole group `setsid` started
    } catch { /* already exited */ }
  };
  signal("SIGTERM");
  const exited = await Promise.race([
    server.status.then(() => true),
    sleep(15_000).then(() => false),
  ]);
  if (!exited) {
    signal("SIGKILL");
    await server.status;
  }
}

/** A running `deno task course` server. */
interface Server {
  base: string;
  token: string;
  stop(): Promise<void>;
}

/** Starts `deno task course` as the README says: headless, on a free port, with a random token. */
async function startServer(): Promise<Server> {
  const port = freePort(), token = crypto.randomUUID().replaceAll("-", "");
  const base = `http://127.0.0.1:${port}/`;
  const server = new Deno.Command("setsid", {
    args: [
      Deno.execPath(),
      "task",
      "course",
      "--no-browser",
      `--port=${port}`,
      "--ip=127.0.0.1",
      `--NotebookApp.token=${token}`,
      "--NotebookApp.password=",
      // CI runs as root, which Jupyter refuses unless told.
      ...(Deno.uid() === 0 ? ["--allow-root"] : []),
    ],
    cwd: ROOT,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const log: string[] = [];
  for (const stream of [server.stdout, server.stderr]) {
    stream.pipeThrough(new TextDecoderStream()).pipeTo(
      new WritableStream({ write: (chunk) => void log.push(chunk) }),
    ).catch(() => {});
  }
  let exited = false;
  server.status.then(() => exited = true);
  if (!await waitForServer(base, token, 120_000, () => exited)) {
    await stop(server, base, token);
    const tail = log.join("").trim().split("\n").slice(-5).join(" | ");
    throw new Error(`the server did not start: ${tail}`);
  }
  return { base, token, stop: () => stop(server, base, token) };
}

/** One Run All of one lesson, compared with its stored outputs. */
export interface RunResult extends RunComparison {
  notebook: string;
  seconds: number;
  /** Problems besides the comparison (a timeout, a page error). */
  problems: string[];
  screenshot?: string;
}

/** Each code cell's stored outputs, as comparable keys. */
function storedKeys(notebook: string): string[][] {
  const nb = JSON.parse(Deno.readTextFileSync(notebook)) as {
    cells: { cell_type: string; outputs?: NbOutput[] }[];
  };
  return nb.cells.filter((c) => c.cell_type === "code").map((c) => cellKeys(c.outputs ?? []));
}

/**
 * Opens a lesson in the classic Notebook, clears its outputs, runs all
 * cells, waits until every cell has finished (and a little longer, for late
 * results), and compares each code cell's outputs with the stored ones.
 */
async function runAll(
  context: BrowserContext,
  server: Server,
  notebook: string,
  timeoutMs: number,
  screenshot?: string,
): Promise<RunResult> {
  const problems: string[] = [];
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  const path = relative(ROOT, notebook).split("/").map(encodeURIComponent).join("/");
  let live: string[][] = [];
  const start = Date.now();
  try {
    await page.goto(`${server.base}notebooks/${path}?token=${server.token}`, {
      waitUntil: "load",
    });
    // Kernel up, autosave off (the run must not rewrite the committed lesson), old outputs gone.
    await page.waitForFunction(
      () => {
        const nb = (globalThis as unknown as JupyterWindow).Jupyter?.notebook;
        return nb?.kernel?.is_connected() && nb.kernel.info_reply?.status === "ok";
      },
      undefined,
      { timeout: 60_000 },
    );
    await page.evaluate(() => {
      const nb = (globalThis as unknown as JupyterWindow).Jupyter.notebook;
      nb.set_autosave_interval(0);
      nb.clear_all_output();
      nb.execute_all_cells();
    });
    // Finished: no cell waits or runs (`In [*]`), and it stays so for 2 s (late results).
    const finished = () =>
      page.waitForFunction(
        () =>
          (globalThis as unknown as JupyterWindow).Jupyter.notebook.get_cells().every((c) =>
            c.cell_type !== "code" || c.input_prompt_number !== "*"
          ),
        undefined,
        { timeout: timeoutMs, polling: 250 },
      );
    await finished();
    await sleep(2000);
    await finished();
    live = await page.evaluate(() =>
      (globalThis as unknown as JupyterWindow).Jupyter.notebook.toJSON().cells
        .filter((c) => c.cell_type === "code").map((c) => c.outputs ?? [])
    ).then((cells) => cells.map((outputs) => cellKeys(outputs as NbOutput[])));
    if (screenshot) await page.screenshot({ path: screenshot });
  } catch (error) {
    problems.push(error instanceof Error ? error.message.split("\n")[0] : String(error));
  } finally {
    await page.close();
    // Shut the kernel down before the next lesson, so runs do not compete for the 2 cores.
    await shutdownKernels(server.base, server.token);
  }
  const comparison = compareRuns(storedKeys(notebook), live);
  return {
    notebook: basename(notebook),
    seconds: (Date.now() - start) / 1000,
    ...comparison,
    problems,
    screenshot,
  };
}

/**
 * Runs every lesson with Run All in the classic Jupyter Notebook, through
 * one `deno task course` server, and compares each cell's outputs with the
 * stored ones (the smallest lesson runs `repeats` times: a misfiled output
 * is intermittent). Lesson files must be left exactly as they were.
 *
 * @param context A browser context (see `chromium.ts`).
 * @param notebooks The lessons.
 * @param options `repeats` of the smallest lesson, a per-run timeout, and a screenshot folder.
 * @returns One result per run, and problems with the server or the files.
 */
export async function checkJupyter(
  context: BrowserContext,
  notebooks: string[],
  options: { repeats?: number; timeoutMs?: number; screenshots?: string } = {},
): Promise<{ runs: RunResult[]; problems: string[] }> {
  const repeats = options.repeats ?? 5, timeoutMs = options.timeoutMs ?? 180_000;
  const before = new Map(notebooks.map((n) => [n, Deno.readTextFileSync(n)]));
  const smallest = [...notebooks].sort((a, b) => Deno.statSync(a).size - Deno.statSync(b).size)[0];
  const plan = [...notebooks, ...Array(Math.max(0, repeats - 1)).fill(smallest)];
  const runs: RunResult[] = [];
  const problems: string[] = [];
  let server: Server | undefined;
  try {
    server = await startServer();
    for (const [i, notebook] of plan.entries()) {
      const shot = options.screenshots && i === 0
        ? join(options.screenshots, "jupyter.png")
        : undefined;
      runs.push(await runAll(context, server, notebook, timeoutMs, shot));
    }
  } catch (error) {
    problems.push(error instanceof Error ? error.message.split("\n")[0] : String(error));
  } finally {
    await server?.stop();
  }
  for (const [path, text] of before) {
    if (Deno.readTextFileSync(path) !== text) problems.push(`${path} was modified`);
  }
  return { runs, problems };
}

/** The little of the classic notebook's page API the check uses. */
interface JupyterWindow {
  Jupyter: {
    notebook: {
      kernel?: { is_connected(): boolean; info_reply?: { status?: string } };
      set_autosave_interval(ms: number): void;
      clear_all_output(): void;
      execute_all_cells(): void;
      get_cells(): { cell_type: string; input_prompt_number?: number | string | null }[];
      toJSON(): { cells: { cell_type: string; outputs?: unknown[] }[] };
    };
  };
}
