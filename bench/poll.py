"""Poll cycle wall time against the politeness lower bound, with peak memory.

50 simulated hosts on 127.0.0.1 (one port each, served by a separate process so the crawler
has the CPU to itself), each with robots.txt, a list page and 20 articles, every answer delayed
50–200 ms at random. One `run_cycle` over the 50 sources with `fetch.min_delay` = DELAY: no
host may see its next request sooner than DELAY after the last, so no cycle can beat
max over hosts of (requests × DELAY) = 22 × DELAY. Reports the cycle's wall time, the ratio to
that bound (bar: ≤ 1.2), the largest same-host gap shortfall (must be none) and the process's
peak RSS. Median and spread over RUNS runs, a fresh database each.

    python bench/poll.py [--runs 3] [--delay 1.0] [--hosts 50] [--articles 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LATENCY = (0.05, 0.2)
PARA = ("上海市与三明市召开沪明对口合作联席会议，双方就产业协作、文旅交流和人才培养达成多项共识。"
        "会议指出，两地将继续深化合作共建产业园，推动更多上海企业在三明落地。")


# ------------------------------------------------------------ the simulated hosts (child process)

def article(host: int, n: int) -> bytes:
    body = "".join(f"<p>第{host}站第{n}篇第{i}段。{PARA}</p>" for i in range(6))
    return (f"<html><head><meta charset='utf-8'><title>沪明合作新闻 {host}-{n}</title></head><body>"
            f"<h1>沪明合作新闻 {host}-{n}</h1><div class='content'>{body}</div></body></html>").encode()


def listing(articles: int) -> bytes:
    items = "".join(f"<li><a href='/a{n}.html'>新闻{n}</a></li>" for n in range(articles))
    return f"<html><body><ul class='news'>{items}</ul></body></html>".encode()


async def serve(hosts: int, articles: int) -> None:
    log: list[tuple[int, float]] = []

    def handler(host: int):
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                while True:
                    head = await reader.readuntil(b"\r\n\r\n")
                    log.append((host, time.monotonic()))
                    path = head.split(b" ", 2)[1].decode()
                    await asyncio.sleep(random.uniform(*LATENCY))
                    status, body = _answer(host, path, articles)
                    writer.write(f"HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\n"
                                 f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
                    await writer.drain()
            except (asyncio.IncompleteReadError, ConnectionError):
                writer.close()
        return handle

    servers = [await asyncio.start_server(handler(h), "127.0.0.1", 0) for h in range(hosts)]
    print(json.dumps([s.sockets[0].getsockname()[1] for s in servers]), flush=True)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.readline)  # the parent says when to report and stop
    print(json.dumps(log), flush=True)


def _answer(host: int, path: str, articles: int) -> tuple[str, bytes]:
    if path == "/robots.txt":
        return "200 OK", b"User-agent: *\nDisallow: /private/\n"
    if path == "/list.html":
        return "200 OK", listing(articles)
    m = re.fullmatch(r"/a(\d+)\.html", path)
    if m:
        return "200 OK", article(host, int(m.group(1)))
    return "404 Not Found", b"not found"


# ------------------------------------------------------------ the crawler (this process)

def peak_rss_mb() -> float:
    text = Path("/proc/self/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+)", text).group(1)) / 1024


def one_run(hosts: int, articles: int, delay: float) -> dict:
    from monitor import config
    from monitor.fetch import Fetcher
    from monitor.pipeline import Context, run_cycle
    from monitor.store import Store

    child = subprocess.Popen([sys.executable, __file__, "--serve", str(hosts), str(articles)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        ports = json.loads(child.stdout.readline())
        with tempfile.TemporaryDirectory() as tmp:
            sources = "".join(f'[[sources]]\nname = "h{i}"\nkind = "html"\nurl = "http://127.0.0.1:{p}/list.html"\n'
                              'link_selector = "ul.news a"\n' for i, p in enumerate(ports))
            path = Path(tmp) / "bench.toml"
            path.write_text('include = ["monitor:topics/hu-ming.toml"]\n'
                            f'[fetch]\nmin_delay = {delay}\nretries = 0\nconcurrency = 32\n'
                            f'allow_private = ["127.0.0.1"]\n{sources}', encoding="utf-8")
            cfg = config.load(path, Path(tmp) / "bench.db")
            store = Store.open(cfg.db_path)
            with Fetcher(cfg.fetch) as fetcher:
                started = time.monotonic()
                reports = run_cycle(Context(cfg, store, fetcher))
                wall = time.monotonic() - started
            new = sum(r.new for r in reports)
            bad = [r.source for r in reports if r.status != "ok"]
            store.close()
        child.stdin.write("\n")
        child.stdin.flush()
        log = json.loads(child.stdout.readline())
    finally:
        child.kill()
        child.wait()
    by_host: dict[int, list[float]] = {}
    for host, at in log:
        by_host.setdefault(host, []).append(at)
    requests = max(len(v) for v in by_host.values())
    min_gap = min(b - a for v in by_host.values() for a, b in zip(sorted(v), sorted(v)[1:], strict=False))
    bound = requests * delay
    return {"wall": wall, "bound": bound, "ratio": wall / bound, "new": new, "not_ok": bad,
            "requests_per_host": requests, "min_gap": min_gap, "peak_rss_mb": peak_rss_mb()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--delay", type=float, default=1.0)
    ap.add_argument("--hosts", type=int, default=50)
    ap.add_argument("--articles", type=int, default=20)
    args = ap.parse_args()
    import monitor.pipeline  # noqa: F401 - imports out of the first run's peak

    base = peak_rss_mb()
    runs = []
    for i in range(args.runs):
        r = one_run(args.hosts, args.articles, args.delay)
        runs.append(r)
        print(f"run {i + 1}: wall {r['wall']:.2f} s, bound {r['bound']:.1f} s ({r['requests_per_host']} requests × "
              f"{args.delay:g} s), ratio {r['ratio']:.3f}, new {r['new']}, not ok {r['not_ok'] or 'none'}, "
              f"min same-host gap {r['min_gap']:.3f} s, peak RSS {r['peak_rss_mb']:.0f} MB", flush=True)
    ratios = sorted(r["ratio"] for r in runs)
    walls = sorted(r["wall"] for r in runs)
    print(f"poll: {args.hosts} hosts × {args.articles} articles, latency {LATENCY[0] * 1000:.0f}–"
          f"{LATENCY[1] * 1000:.0f} ms, min_delay {args.delay:g} s: wall median {statistics.median(walls):.2f} s "
          f"(min {walls[0]:.2f}, max {walls[-1]:.2f}); ratio to the politeness bound median "
          f"{statistics.median(ratios):.3f} (min {ratios[0]:.3f}, max {ratios[-1]:.3f}; bar ≤ 1.2); "
          f"smallest same-host gap {min(r['min_gap'] for r in runs):.3f} s; peak RSS {max(r['peak_rss_mb'] for r in runs):.0f} MB "
          f"(after imports {base:.0f} MB)")
    ok = statistics.median(ratios) <= 1.2 and all(r["min_gap"] >= args.delay for r in runs)
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--serve":
        asyncio.run(serve(int(sys.argv[2]), int(sys.argv[3])))
    else:
        sys.exit(main())
