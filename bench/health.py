"""What `monitor health` spends on its counts (`Store.stats`), and what keeping the story count
(m028's triggers) costs each story made.

    python bench/health.py counts DB [RUNS]   # DB: a copy (it is migrated); each run a fresh
                                              # process opening it as `monitor health` does, with
                                              # the file's pages dropped from the OS cache first
                                              # (posix_fadvise on this file alone) and without
    python bench/health.py inserts [RUNS]     # ms per 20,000 stories made, with and without the
                                              # triggers, alternating, in a new database each

Run it with the code to measure on PYTHONPATH (main's for the reference: it counts with
`count(*)`). Prints medians.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import os, sys, time
from monitor.store import Store
path, cold = sys.argv[1], sys.argv[2] == "cold"
if cold:
    for name in (path, path + "-wal"):
        if os.path.exists(name):
            fd = os.open(name, os.O_RDONLY)
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            os.close(fd)
store = Store.open(path)
t0 = time.perf_counter()
stats = store.stats()
took = time.perf_counter() - t0
store.close()
print(f"{took * 1000:.2f} {stats['articles']} {stats['stories']}")
"""


def counts(db: str, runs: int) -> None:
    subprocess.run([sys.executable, "-c", CHILD, db, "warm"], check=True, capture_output=True)  # migrates it
    for kind in ("warm", "cold"):
        times, said = [], ""
        for _ in range(runs):
            out = subprocess.run([sys.executable, "-c", CHILD, db, kind], check=True, capture_output=True,
                                 text=True).stdout.split()
            times.append(float(out[0]))
            said = f"articles={out[1]} stories={out[2]}"
        print(f"stats() {kind:4}: median {statistics.median(times):7.2f} ms  "
              f"(min {min(times):.2f}, max {max(times):.2f}; {runs} runs)  {said}")


def inserts(runs: int, n: int = 20_000) -> None:
    from monitor.store import Store
    from monitor.store.articles import _NEW_STORY

    took: dict[bool, list[float]] = {True: [], False: []}
    for i in range(runs * 2):
        kept = i % 2 == 0
        with tempfile.TemporaryDirectory() as tmp:
            store = Store.open(Path(tmp) / "m.db")
            if not kept:
                store.conn.execute("DROP TRIGGER IF EXISTS stories_counted")
            with store.transaction():
                t0 = time.perf_counter()
                for j in range(n):
                    store.conn.execute(_NEW_STORY, [f"沪明合作第{j}次推进会", "2026-12-07T00:00:00"])
                took[kept].append((time.perf_counter() - t0) * 1000)
            store.close()
    for kept in (False, True):
        print(f"{n:,} stories made, trigger {'on ' if kept else 'off'}: median {statistics.median(took[kept]):7.1f} ms"
              f"  ({runs} runs: {', '.join(f'{t:.0f}' for t in took[kept])})")
    extra = (statistics.median(took[True]) - statistics.median(took[False])) / n * 1000
    print(f"the trigger: {extra:+.2f} µs a story")


if __name__ == "__main__":
    if sys.argv[1:2] == ["counts"] and len(sys.argv) >= 3:
        counts(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    elif sys.argv[1:2] == ["inserts"]:
        inserts(int(sys.argv[2]) if len(sys.argv) > 2 else 5)
    else:
        sys.exit(__doc__)
