"""Issue 9's last bar as an outside check would run it: one run, 20,000 articles, the commands.

    python bench/check20k.py [N] [--runs=R]    # N = 20,000 generated articles, R = 5 runs a query

1. `monitor import FILE` (the command, a fresh process, its workers' CPU counted) of N generated
   1,500-character articles (bench/import_scale.py's generator, reposts included), against a
   bare sqlite-utils + FTS5 table filled with the same rows one insert at a time, in the same run;
2. `monitor search` (the command, start-up included) on the store just imported, every query of
   bench/search_scale.py's set with and without `--topic`, beside `python -c pass`;
3. the same queries in-process (`search_scale.run`: p95 of the search itself).

Bars (issue 9): import ≥ 1,000 articles/s of CPU per core and ≥ 2× the bare per-row insert;
`monitor search` ≤ 150 ms wall (the small database's bar, here at N); in-process p95 ≤ 20 ms for
2+ characters, ≤ 100 ms for one. Each is printed met or NOT met; the exit status is 0 only when
all are met. The other scripts measure each part apart (import_scale.py, startup.py cli,
search_scale.py run); this one is the shape of a check written apart from them.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from import_scale import CONFIG, Generator, bare_run  # the bench folder, put on the path above
from search_scale import ONE_CHAR, QUERIES, run
from startup import BIN, _time


def _import(cfg: Path, db: Path, data: Path) -> tuple[float, float]:
    """`monitor import` as a user runs it: wall and CPU seconds (its workers' included)."""
    before, began = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    done = subprocess.run([str(BIN / "monitor"), "--config", str(cfg), "--db", str(db), "import", str(data)],
                          capture_output=True, text=True, check=False)
    wall, after = time.perf_counter() - began, resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"monitor import failed: {done.stderr.strip()[-500:]}")
    print(f"  {done.stdout.strip() or done.stderr.strip().splitlines()[-1]}")
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _search(db: Path, runs: int) -> tuple[float, float]:
    """`monitor search` on `db` for every query, with and without --topic: the worst median wall
    and CPU (ms; on a shared machine the wall also counts waiting for a core)."""
    floor, _ = _time([sys.executable, "-c", "pass"], runs)
    worst, worst_cpu, rows = 0.0, 0.0, []
    for query in QUERIES + ONE_CHAR:
        for topic in ([], ["--topic", "hu-ming"]):
            wall, cpu = _time([str(BIN / "monitor"), "--db", str(db), "search", *topic, "--", query], runs)
            worst, worst_cpu = max(worst, statistics.median(wall)), max(worst_cpu, statistics.median(cpu))
            rows.append(f"  {query + (' --topic' if topic else ''):24} wall {statistics.median(wall):6.1f} "
                        f"(max {wall[-1]:6.1f})  cpu {statistics.median(cpu):6.1f} ms")
    print(f"  python -c pass: wall median {statistics.median(floor):.1f} ms", *rows, sep="\n")
    return worst, worst_cpu


def main(n: int = 20_000, runs: int = 5) -> int:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        lines = list(Generator().lines(0, n))
        (tmp / "articles.jsonl").write_bytes(b"".join(lines))
        (tmp / "bench.toml").write_text(CONFIG, encoding="utf-8")
        print(f"{n:,} generated articles; load {os.getloadavg()[0]:.1f}")
        wall, cpu = _import(tmp / "bench.toml", tmp / "m.db", tmp / "articles.jsonl")
        bare_wall, _ = bare_run(tmp / "bare.db", lines)
        ratio = bare_wall / wall
        print(f"import: {n / wall:,.0f}/s wall, {n / cpu:,.0f}/s CPU; bare sqlite-utils + FTS5 per-row insert "
              f"{n / bare_wall:,.0f}/s wall; import / bare {ratio:.2f}x")
        print("monitor search (the command, start-up included), medians of", runs, "runs:")
        worst_cli, worst_cpu = _search(tmp / "m.db", runs)
        print("in-process (search_scale.run):")
        in_process_ok = run(tmp / "m.db", runs) == 0
    bars = {"import ≥ 1,000/s CPU": n / cpu >= 1000, "import ≥ 2× bare": ratio >= 2,
            f"monitor search ≤ 150 ms wall (worst median {worst_cli:.0f} ms; CPU {worst_cpu:.0f})": worst_cli <= 150,
            "in-process p95 ≤ 20 ms / 100 ms": in_process_ok}
    for bar, ok in bars.items():
        print(f"{bar}: {'met' if ok else 'NOT met'}")
    return 0 if all(bars.values()) else 1


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--runs")]
    runs = next((int(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--runs=")), 5)
    sys.exit(main(int(args[0]) if args else 20_000, runs))
