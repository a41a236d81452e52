"""The `monitor` process: `python -m monitor` and the `monitor` console script (`run`).

In: the command line. Out: the CLI's output and exit status (cli.py does the work). What is
here is about the process, not the commands: how often the cyclic garbage collector runs, and
an exit that skips tearing the interpreter down. Never imports more than the CLI needs.
"""

from __future__ import annotations

import gc
import sys

# Start-up allocates tens of thousands of objects that live until exit (modules, classes, the
# character tables); collecting every 700 allocations traversed them ~40 times to free nothing
# (5-10 ms CPU of a search, measured interleaved A/B). Every 50,000: long runs still collect
# their cycles, in bigger steps.
GC_THRESHOLD = 50_000


def run() -> None:
    """`monitor ...`: the CLI, then an exit that skips tearing the interpreter down.

    Freeing every module, the character tables and the rest object by object at exit took more
    CPU than a search itself (~40-60 ms of `monitor search`); the operating system reclaims the
    memory at once. Exit handlers still run and output is flushed first. With another thread
    alive, an unusual exit status or output that cannot be flushed (a closed pipe), Python's
    own exit runs as usual."""
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
    from .cli import main  # after the threshold: importing click and the rest allocates most

    try:
        main(prog_name="monitor")
    except SystemExit as exc:
        _exit_now(exc.code)
        raise


def _exit_now(code: object) -> None:
    import threading

    if threading.active_count() != 1 or not (code is None or isinstance(code, int)):
        return
    import atexit
    import os

    atexit._run_exitfuncs()  # what the normal exit runs first (log handlers, temporary files)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # Python's exit reports it, as without this shortcut
    os._exit(code or 0)


if __name__ == "__main__":
    run()
