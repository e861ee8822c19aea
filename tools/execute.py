"""Execute a notebook with a Jupyter kernel, keeping every output of every cell.

    python3 tools/execute.py IN.ipynb OUT.ipynb [--kernel deno] [--timeout 360]

Why not `jupyter nbconvert --execute` (nbclient): the Deno kernel (2.9.6)
sometimes publishes a cell's result *after* the "idle" status that closes the
cell. nbclient stops listening for a cell at "idle", so those outputs are
dropped at random (measured: about one cell in twenty-five). Every message
still carries its cell's request id in its parent header, so this runner
listens for the whole session, files each message under the cell it belongs
to, and builds the outputs once the kernel has gone quiet after a final empty
request. It uses the same Jupyter machinery as nbclient (jupyter_client,
nbformat) and the kernel named in the command line.

It prints `peak-memory-mib: N`, the kernel's peak resident memory, when it
can read it (Linux); with --memory-per-cell, also the memory after each cell
(to stderr), to find which cell a lesson's peak comes from.

Exit status: 0 when every cell ran; 1 when a cell raised (its error is stored
as an error output, and the cells after it are not run, as in nbclient); 2 on
a timeout or a dead kernel.
"""

import argparse
import os
import queue
import sys
import time

import nbformat
from jupyter_client.manager import start_new_kernel

QUIET_SECONDS = 0.5  # how long iopub must stay silent before the outputs are final


def cell_outputs(messages):
    """Turns one cell's iopub messages, in arrival order, into nbformat outputs."""
    outputs = []
    for msg in messages:
        kind = msg["msg_type"]
        content = msg["content"]
        if kind == "clear_output":
            outputs.clear()
        elif kind == "update_display_data":
            display_id = content.get("transient", {}).get("display_id")
            for out in outputs:
                if out.get("_display_id") == display_id:
                    out["data"] = content["data"]
                    out["metadata"] = content.get("metadata", {})
        elif kind in ("stream", "display_data", "execute_result", "error"):
            out = nbformat.v4.output_from_msg(msg)
            display_id = (content.get("transient") or {}).get("display_id")
            if display_id:
                out["_display_id"] = display_id
            outputs.append(out)
    for out in outputs:
        out.pop("_display_id", None)
    return outputs


def memory_mib(km, field="VmHWM"):
    """The kernel process's resident memory in MiB (Linux /proc: VmHWM is its peak,
    VmRSS its current size, its workers' threads included), or None without /proc."""
    try:
        pid = km.provisioner.pid
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except (AttributeError, OSError, ValueError, TypeError):
        return None
    return None


def report_memory(km, source):
    """Prints the kernel's current and peak memory after the cell `source` (where /proc exists)."""
    now, peak = memory_mib(km, "VmRSS"), memory_mib(km)
    if now is not None and peak is not None:
        first = source.split("\n")[0][:60]
        print(f"memory: {now:.0f} MiB now, {peak:.0f} MiB peak after: {first}", file=sys.stderr)


def run(path_in, path_out, kernel_name, timeout, memory_per_cell=False):
    nb = nbformat.read(path_in, as_version=4)
    cwd = os.path.dirname(os.path.abspath(path_in))
    km, kc = start_new_kernel(kernel_name=kernel_name, cwd=cwd)
    inbox = {}  # request id -> iopub messages, in arrival order
    status = 0

    def drain(wait):
        """Files iopub messages under their request; returns how many arrived."""
        count = 0
        while True:
            try:
                msg = kc.get_iopub_msg(timeout=wait)
            except queue.Empty:
                return count
            inbox.setdefault(msg["parent_header"].get("msg_id"), []).append(msg)
            count += 1
            wait = 0.01

    def wait_for_reply(msg_id):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            drain(0.05)
            try:
                reply = kc.get_shell_msg(timeout=0.05)
            except queue.Empty:
                if not km.is_alive():
                    raise RuntimeError("the kernel died")
                continue
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply
        raise TimeoutError(f"a cell ran longer than {timeout} s")

    try:
        requests = []
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            msg_id = kc.execute(cell.source, store_history=True, allow_stdin=False)
            requests.append((cell, msg_id))
            reply = wait_for_reply(msg_id)
            cell.execution_count = reply["content"].get("execution_count")
            if memory_per_cell:
                report_memory(km, cell.source)
            if reply["content"]["status"] != "ok":
                status = 1
                break
        # A last, empty request: the kernel has sent everything for earlier cells
        # once it answers this, but late messages may still be in flight.
        wait_for_reply(kc.execute("", store_history=False))
        while drain(QUIET_SECONDS):
            pass
        for cell, msg_id in requests:
            cell.outputs = cell_outputs(inbox.get(msg_id, []))
            for out in cell.outputs:
                if out.get("output_type") == "execute_result":
                    out["execution_count"] = cell.execution_count
    except (TimeoutError, RuntimeError) as problem:
        print(f"execute.py: {path_in}: {problem}", file=sys.stderr)
        status = 2
    finally:
        peak = memory_mib(km)
        if peak is not None:
            print(f"peak-memory-mib: {peak:.0f}")
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    nbformat.write(nb, path_out)
    return status


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook")
    parser.add_argument("output")
    parser.add_argument("--kernel", default="deno")
    parser.add_argument("--timeout", type=float, default=360)
    parser.add_argument("--memory-per-cell", action="store_true",
                        help="print the kernel's memory after each cell to stderr")
    args = parser.parse_args()
    sys.exit(run(args.notebook, args.output, args.kernel, args.timeout, args.memory_per_cell))


if __name__ == "__main__":
    main()
