"""Rebuild rate after an upgrade of the normal form, and how long the write lock is held.

    python bench/search_scale.py build DB 20000 1500   # a 20k store of 1,500-character articles
    python bench/reindex_scale.py DB [REPEATS]          # rebuild a copy of DB REPEATS times

Each run copies DB, records its normal forms as "unknown" (a store from before they were
recorded, or made under another form), and rebuilds in-process what the first writer would
(`pipeline.reindex`): the search index, then the fingerprints. Meanwhile a second process
plays a polling daemon: every 0.2 s it begins an IMMEDIATE write transaction on the same
store (busy timeout 30 s, as `Store.open`), writes a row and commits, timing how long it
waited for the lock. Printed per run: articles/s of each phase (wall and CPU), every write
transaction of the rebuild (median, p95 and max hold of the lock; the last one of the index,
which swaps the tables, apart), the daemon's waits, and the file's growth; then medians.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

PROBE = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
conn.execute("CREATE TABLE IF NOT EXISTS bench_probe (at REAL)")
waits = []
while not __import__("os").path.exists(sys.argv[2]):
    began = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    waits.append(time.perf_counter() - began)
    conn.execute("INSERT INTO bench_probe VALUES (?)", [time.time()])
    conn.execute("COMMIT")
    time.sleep(0.2)
waits.sort()
print(len(waits), waits[len(waits) // 2] * 1000, waits[-1] * 1000)
"""


def _holds(store_cls: type) -> tuple[list[float], Iterator[None]]:
    """Time every outermost write transaction of the store (BEGIN to COMMIT: the lock held)."""
    from monitor.store.base import StoreBase

    held: list[float] = []
    real = StoreBase.transaction

    @contextlib.contextmanager
    def timed(self, mode: str = "IMMEDIATE"):
        outer = not self.conn.in_transaction
        began = time.perf_counter()
        with real(self, mode):
            yield
        if outer:
            held.append(time.perf_counter() - began)

    StoreBase.transaction = timed  # type: ignore[method-assign]
    return held, real


def one(db: Path, tmp: Path) -> dict[str, float]:
    from monitor import config, normform
    from monitor.pipeline.base import Context
    from monitor.pipeline.ingest import rebuild_fingerprints
    from monitor.pipeline.reindex import _clear_old_index, _rebuild_index
    from monitor.store import Store
    from monitor.store.base import StoreBase

    copy = tmp / "copy.db"
    for suffix in ("", "-wal", "-shm"):
        if Path(str(db) + suffix).exists():
            shutil.copyfile(str(db) + suffix, str(copy) + suffix)
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE normal_forms SET version = 'unknown'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size_before = copy.stat().st_size
    stop = tmp / "stop"
    stop.unlink(missing_ok=True)
    probe = subprocess.Popen([sys.executable, "-c", PROBE, str(copy), str(stop)], stdout=subprocess.PIPE, text=True)
    store = Store.open(copy)
    ctx = Context(config.load(None, copy), store)
    n = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    held, real = _holds(Store)
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        _rebuild_index(ctx, normform.index_version(), None)
        t1, c1 = time.perf_counter(), time.process_time()
        index_holds = list(held)
        held.clear()
        _clear_old_index(ctx)
        tc = time.perf_counter()
        clear_holds = list(held)
        held.clear()
        while store.drop_fingerprints(normform.fingerprint_version()):
            pass
        drop_holds = list(held)
        held.clear()
        t1b, c1b = time.perf_counter(), time.process_time()
        rebuild_fingerprints(ctx)
        t2, c2 = time.perf_counter(), time.process_time()
    finally:
        StoreBase.transaction = real  # type: ignore[method-assign]
    stop.touch()
    writes, wait_median, wait_max = probe.communicate(timeout=60)[0].split()
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    batches = sorted(index_holds[1:-1] + held)  # every batch: not the set-up, the swap
    return {"articles": n, "index_s": t1 - t0, "index_rate": n / (t1 - t0), "index_cpu_rate": n / (c1 - c0),
            "clear_s": tc - t1, "drop_fp_s": t1b - tc,
            "fp_s": t2 - t1b, "fp_rate": n / (t2 - t1b), "fp_cpu_rate": n / (c2 - c1b),
            "hold_median_ms": statistics.median(batches) * 1000,
            "hold_p95_ms": batches[int(len(batches) * 0.95)] * 1000, "hold_max_ms": batches[-1] * 1000,
            "swap_ms": index_holds[-1] * 1000, "clear_max_ms": max(clear_holds) * 1000,
            "drop_fp_max_ms": max(drop_holds) * 1000,
            "probe_writes": float(writes), "probe_wait_median_ms": float(wait_median),
            "probe_wait_max_ms": float(wait_max), "grew_mb": (copy.stat().st_size - size_before) / 1e6}


def main(db: Path, repeats: int = 3) -> int:
    runs = []
    for i in range(repeats):
        with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
            load = os.getloadavg()[0]
            r = one(db, Path(tmp))
            runs.append(r)
            print(f"run {i + 1} (load {load:.1f}): " + ", ".join(f"{k} {v:.1f}" for k, v in r.items()), flush=True)
    print("medians (min-max): " + ", ".join(
        f"{k} {statistics.median(r[k] for r in runs):.1f} ({min(r[k] for r in runs):.1f}-{max(r[k] for r in runs):.1f})"
        for k in runs[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), *(int(a) for a in sys.argv[2:3])))
