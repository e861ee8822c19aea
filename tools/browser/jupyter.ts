/**
 * The learner's path, checked in a browser: start `deno task course` as the
 * README says (headless, on a free port, with a random token), open a lesson
 * in the classic Jupyter Notebook, clear its stored outputs, run all cells,
 * and wait for the first plot to appear. The server and its kernel are always
 * stopped at the end, and the lesson file must be left exactly as it was.
 *
 * @module
 */
import { basename, relative } from "node:path";
import type { BrowserContext } from "playwright-core";
import { ROOT } from "../../tests/_notebook.ts";

/** What the check found. */
export interface JupyterResult {
  notebook: string;
  /** Seconds from "run all" to the first fresh plot, if one appeared. */
  seconds?: number;
  /**
   * Seconds from "run all" to the first interactive chart drawn by plotly.js,
   * which the chart's script loads from the Jupyter server's `node_modules/`.
   */
  chartSeconds?: number;
  problems: string[];
  screenshot?: string;
}

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

/** Shuts down every kernel through the API, then the server's whole process group. */
async function stop(server: Deno.ChildProcess, base: string, token: string): Promise<void> {
  try {
    const kernels = await (await fetch(`${base}api/kernels?token=${token}`)).json() as {
      id: string;
    }[];
    for (const k of kernels) {
      await (await fetch(`${base}api/kernels/${k.id}?token=${token}`, { method: "DELETE" })).body
        ?.cancel();
    }
  } catch { /* the server is already gone */ }
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

/**
 * Runs one lesson in the Jupyter web interface until its first plot appears.
 *
 * @param context A browser context (see `chromium.ts`).
 * @param notebook The lesson's path.
 * @param screenshot Where to save a screenshot of the notebook once the plot is there.
 * @param timeoutMs How long to wait for the plot after starting the run.
 * @returns The time to the first plot and any problems.
 */
export async function checkJupyter(
  context: BrowserContext,
  notebook: string,
  screenshot: string,
  timeoutMs = 120_000,
): Promise<JupyterResult> {
  const problems: string[] = [];
  const before = Deno.readTextFileSync(notebook);
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
  let seconds: number | undefined, chartSeconds: number | undefined, saved: string | undefined;
  try {
    let exited = false;
    server.status.then(() => exited = true);
    if (!await waitForServer(base, token, 120_000, () => exited)) {
      const tail = log.join("").trim().split("\n").slice(-5).join(" | ");
      throw new Error(`the server did not start: ${tail}`);
    }
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    const path = relative(ROOT, notebook).split("/").map(encodeURIComponent).join("/");
    await page.goto(`${base}notebooks/${path}?token=${token}`, { waitUntil: "load" });
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
    });
    if (await page.locator(".output_area svg").count() > 0) problems.push("outputs not cleared");
    const start = Date.now();
    await page.evaluate(() =>
      (globalThis as unknown as JupyterWindow).Jupyter.notebook.execute_all_cells()
    );
    await page.locator(".output_area svg").first().waitFor({
      state: "visible",
      timeout: timeoutMs,
    });
    seconds = (Date.now() - start) / 1000;
    const errors = await page.locator(".output_error").count();
    if (errors > 0) problems.push(`${errors} cells failed before the first plot`);
    await page.locator(".output_area svg").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshot });
    saved = screenshot;
    // The offline plotly.js loader, in the learner's Jupyter: a chart must get drawn.
    await page.locator(".output_area .js-plotly-plot .main-svg").first().waitFor({
      state: "attached",
      timeout: timeoutMs,
    });
    chartSeconds = (Date.now() - start) / 1000;
    await page.close();
  } catch (error) {
    problems.push(error instanceof Error ? error.message.split("\n")[0] : String(error));
  } finally {
    await stop(server, base, token);
  }
  if (Deno.readTextFileSync(notebook) !== before) problems.push(`${notebook} was modified`);
  return { notebook: basename(notebook), seconds, chartSeconds, problems, screenshot: saved };
}

/** The little of the classic notebook's page API the check uses. */
interface JupyterWindow {
  Jupyter: {
    notebook: {
      kernel?: { is_connected(): boolean; info_reply?: { status?: string } };
      set_autosave_interval(ms: number): void;
      clear_all_output(): void;
      execute_all_cells(): void;
    };
  };
}
