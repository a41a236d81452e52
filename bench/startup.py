"""Start-up time of the CLI: `monitor --help` and `monitor search` on a small database.

Runs each command as a fresh process (the installed `monitor` entry point) N times, after one
warm-up run that fills the character-table cache, and prints the median and spread of the
wall time beside `python -c pass` measured in the same run (the floor no command can beat).
Also checks that `search`, `feed`, `sources` and `check-config` never import httpx,
feedparser, the extractor, sqlite-utils or numpy. Bars (issue 9): search ≤ 150 ms, --help ≤ 100 ms.

    python bench/startup.py [RUNS]            # the small database, --help and python -c pass
    python bench/startup.py cli DB [RUNS]     # `monitor search` as a user runs it on DB (e.g. a
                                              # search_scale.py build of 20,000), every query of
                                              # that bench's set, with and without --topic
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
HEAVY = ("httpx", "feedparser", "monitor.extract", "monitor.fetch", "selectolax", "sqlite_utils", "numpy")
ARTICLES = [{"url": f"https://b.example.cn/{i}", "title": f"沪明合作第{i}次推进会", "source": "bench",
             "body": "上海与三明召开对口合作推进会，签约一批产业园项目。" * 10} for i in range(50)]


# Timed as users run it: with bytecode written by the warm-up run and read after. With
# PYTHONDONTWRITEBYTECODE set (as some shells here have it), every run compiled each changed
# module from source again.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _time(cmd: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system of the child) milliseconds per run, sorted, warm-up dropped.
    On a shared box the wall time includes waiting for a core; the CPU time does not."""
    wall, cpu = [], []
    for _ in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=CHILD_ENV)
        wall.append((time.perf_counter() - began) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
    return sorted(wall[1:]), sorted(cpu[1:])


def _heavy_imports(args: list[str]) -> list[str]:
    code = ("import sys; from monitor.cli import main\n"
            f"sys.argv = ['monitor', *{args!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print('\\n' + ' '.join(m for m in sys.modules if m.startswith({HEAVY!r})), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    return done.stderr.strip().splitlines()[-1].split() if done.stderr.strip() else []


def main(runs: int = 15) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "small.db")
        lines = "\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n"
        subprocess.run([str(BIN / "monitor"), "--db", db, "import", "-"], input=lines.encode(), check=True,
                       capture_output=True)
        cases = {"python -c pass": [sys.executable, "-c", "pass"],
                 "monitor --help": [str(BIN / "monitor"), "--help"],
                 "monitor search 沪明": [str(BIN / "monitor"), "--db", db, "search", "沪明"]}
        results = {name: _time(cmd, runs) for name, cmd in cases.items()}
        for name, (wall, cpu) in results.items():
            print(f"{name:22} wall median {statistics.median(wall):6.1f} ms (min {wall[0]:.1f}, max {wall[-1]:.1f})"
                  f"  cpu median {statistics.median(cpu):6.1f} ms (min {cpu[0]:.1f}, max {cpu[-1]:.1f}); {runs} runs")
        bad = 0
        for args in (["--db", db, "search", "沪明"], ["--db", db, "feed", "--topic", "hu-ming"], ["--db", db, "sources"],
                     ["check-config", "--no-secrets"]):
            heavy = _heavy_imports(args)
            print(f"monitor {args[0] if args[0] != '--db' else args[2]:14} imports of {'/'.join(HEAVY)}: "
                  f"{', '.join(heavy) or 'none'}")
            bad += bool(heavy)
    ok = statistics.median(results["monitor search 沪明"][1]) <= 150 and statistics.median(results["monitor --help"][1]) <= 100
    return 0 if ok and not bad else 1


def cli(db: str, runs: int = 5) -> int:
    """Wall and CPU of `monitor search` on `db` for every query of bench/search_scale.py's set,
    with and without --topic, beside `python -c pass` timed in the same run; medians."""
    sys.path.insert(0, str(Path(__file__).parent))
    from search_scale import ONE_CHAR, QUERIES

    floor_wall, floor_cpu = _time([sys.executable, "-c", "pass"], runs)
    print(f"{'python -c pass':32} wall median {statistics.median(floor_wall):6.1f} (min {floor_wall[0]:6.1f})"
          f"  cpu median {statistics.median(floor_cpu):6.1f} ms; {runs} runs, load {os.getloadavg()[0]:.1f}")
    worst = 0.0
    for query in QUERIES + ONE_CHAR:
        for topic in ([], ["--topic", "hu-ming"]):
            wall, cpu = _time([str(BIN / "monitor"), "--db", db, "search", *topic, "--", query], runs)
            worst = max(worst, statistics.median(wall))
            print(f"{query + (' --topic' if topic else ''):32} wall median {statistics.median(wall):6.1f} "
                  f"(min {wall[0]:6.1f}, max {wall[-1]:6.1f})  cpu median {statistics.median(cpu):6.1f} "
                  f"(min {cpu[0]:6.1f}, max {cpu[-1]:6.1f}) ms")
    print(f"worst wall median {worst:.1f} ms (bar 150); load {os.getloadavg()[0]:.1f}")
    return 0 if worst <= 150 else 1


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "cli":
        sys.exit(cli(sys.argv[2], *(int(a) for a in sys.argv[3:4])))
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 15))
