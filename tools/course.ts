/**
 * `deno task course`: opens the lessons in Jupyter with the Deno kernel.
 *
 * It installs the course's npm packages, registers the Deno kernel for this
 * project (a kernelspec under `.cache/jupyter`, put on `JUPYTER_PATH`, so
 * nothing in your home folder is touched), marks the committed notebooks as
 * trusted so their interactive charts run, and starts the classic Jupyter
 * Notebook server on the `notebooks/` folder. Extra arguments go to Jupyter,
 * e.g. `deno task course --no-browser --port 8899`.
 *
 * @module
 */
import { ensureKernelspec, jupyterEnv, jupyterPython } from "./kernel.ts";
import { lessonNotebooks, ROOT } from "../tests/_notebook.ts";

async function run(command: string, args: string[], env?: Record<string, string>) {
  try {
    const { code } = await new Deno.Command(command, { args, cwd: ROOT, env }).spawn().status;
    return code;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return 127;
    throw error;
  }
}

if (await run("jupyter", ["--version"], jupyterEnv()) !== 0) {
  console.error(
    "Jupyter was not found. Install it first, e.g. on Debian or Ubuntu:\n" +
      "  sudo apt-get install jupyter-notebook jupyter-nbconvert python3-nbclient\n" +
      "or with pip: pip install notebook",
  );
  Deno.exit(1);
}
// npm packages into node_modules/: the kernel resolves them there, and the
// Jupyter server serves plotly.js from there to the interactive charts.
if (await run(Deno.execPath(), ["install"]) !== 0) Deno.exit(1);
console.log(`Deno kernel registered for this project: ${ensureKernelspec()}`);
// Sign the committed notebooks as trusted, so their stored interactive charts
// run before the cells are re-run (Debian ships no `jupyter trust` command).
const sign = "import sys, nbformat\nfrom nbformat.sign import NotebookNotary\n" +
  "notary = NotebookNotary()\n" +
  "for path in sys.argv[1:]: notary.sign(nbformat.read(path, as_version=4))";
await run(await jupyterPython(), ["-c", sign, ...lessonNotebooks()], jupyterEnv());
const code = await run("jupyter", [
  "notebook",
  `--notebook-dir=${ROOT}`,
  "--NotebookApp.default_url=/tree/notebooks",
  // Jupyter refuses to run as root unless told; containers often run as root.
  ...(Deno.uid() === 0 && !Deno.args.includes("--allow-root") ? ["--allow-root"] : []),
  ...Deno.args,
], jupyterEnv());
Deno.exit(code);
