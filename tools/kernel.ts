/**
 * A project-local kernelspec for the Deno kernel, so that Jupyter runs the
 * lessons with the same `deno` binary as the tests, whatever is (or is not)
 * registered in the user's home.
 *
 * @module
 */
import { join } from "node:path";
import { ROOT } from "../tests/_notebook.ts";

/** The folder put on `JUPYTER_PATH`; Jupyter finds `kernels/deno/kernel.json` inside it. */
export const JUPYTER_DIR: string = join(ROOT, ".cache", "jupyter");

/** The kernel's V8 old-generation ceiling, in MB. */
const KERNEL_OLD_SPACE_MB = 512;

/** Writes the kernelspec (idempotent) and returns its path. */
export function ensureKernelspec(): string {
  const dir = join(JUPYTER_DIR, "kernels", "deno");
  Deno.mkdirSync(dir, { recursive: true });
  const spec = {
    argv: [Deno.execPath(), "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: "Deno",
    language: "typescript",
    env: {
      // Plain-text outputs must carry no ANSI colour codes.
      NO_COLOR: "1",
      // A ceiling on each isolate's old generation (the kernel's, and each worker's): V8 then
      // collects the garbage a lesson makes sooner. The lessons peak about 100 MB lower (the
      // README has both measurements); their JavaScript heap stays far below it.
      DENO_V8_FLAGS: `--max-old-space-size=${KERNEL_OLD_SPACE_MB}`,
      // On Linux (glibc), buffers of 64 KB or more are mapped one by one and returned to the
      // system when freed, instead of lingering in malloc's heap: about 30–45 MB lower peaks.
      MALLOC_MMAP_THRESHOLD_: "65536",
    },
  };
  const path = join(dir, "kernel.json");
  Deno.writeTextFileSync(path, JSON.stringify(spec, null, 2) + "\n");
  return path;
}

/** The environment for a Jupyter process: ours first on `JUPYTER_PATH`, no colour. */
export function jupyterEnv(): Record<string, string> {
  const existing = Deno.env.get("JUPYTER_PATH");
  return {
    ...Deno.env.toObject(),
    JUPYTER_PATH: existing ? `${JUPYTER_DIR}:${existing}` : JUPYTER_DIR,
    NO_COLOR: "1",
  };
}

/** The Python that has Jupyter's client libraries (a pyenv or venv python may not). */
export async function jupyterPython(): Promise<string> {
  const candidates = [Deno.env.get("JUPYTER_PYTHON"), "python3", "/usr/bin/python3"];
  for (const python of candidates) {
    if (!python) continue;
    try {
      const probe = await new Deno.Command(python, {
        args: ["-c", "import jupyter_client, nbformat"],
        stderr: "null",
      }).output();
      if (probe.success) return python;
    } catch { /* not installed */ }
  }
  throw new Error("no python3 with jupyter_client and nbformat found (install Jupyter)");
}
