"""Executes notebooks top to bottom with nbclient, the way the tests (and CI) run them.

usage: python run_notebooks.py OUTPUT_DIR NOTEBOOK.ipynb [...] [--timeout SECONDS_PER_CELL]

Each executed notebook is written to OUTPUT_DIR (never over the original), and the kernels run with
OUTPUT_DIR as their working directory, so pictures and downloads land there too. The exit code is 1
when any cell fails; the failing cell's error is printed. One JSON line per notebook reports its time.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output_dir", type=Path)
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--timeout", type=int, default=180, help="seconds allowed per cell")
    args = parser.parse_args()

    args.output_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("LINKAGE_OUTPUT_DIR", str(args.output_dir.resolve()))
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")

    failed = False
    for path in args.notebooks:
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(
            notebook,
            timeout=args.timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(args.output_dir.resolve())}},
        )
        started = time.monotonic()
        error = None
        try:
            client.execute()
        except CellExecutionError as failure:
            error = str(failure)
        except Exception as failure:  # a dead kernel or a timeout: report it like a failing cell
            error = f"{type(failure).__name__}: {failure}"
        seconds = round(time.monotonic() - started, 2)
        nbformat.write(notebook, args.output_dir / path.name)
        print(json.dumps({"notebook": path.name, "ok": error is None, "seconds": seconds}), flush=True)
        if error is not None:
            failed = True
            print(f"--- {path.name} failed ---\n{error}", file=sys.stderr, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
