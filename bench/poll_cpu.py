"""CPU per article of a poll, end to end, from an empty database over a local site.

    python bench/poll_cpu.py [PAGES] [--repeats R] [--phases]   # make bench: 2,000 pages, 3 repeats

A generated site of PAGES article pages (~1,500 characters of Chinese each, inside realistic
chrome: navigation, breadcrumbs, a byline, related links, a footer; a third of them GBK with a
`charset=gb2312` header, the others UTF-8) and one list page linking them all, is served by the
replay server in another process, so its CPU is not counted. One `monitor` source polls it
with `min_delay = 0`: fetch, decode, extract, normalise, match, fingerprint, store. The CPU time
of this process (every thread: the fetcher's event loop included) is divided by the articles
stored; politeness waits cost no CPU, so they are excluded by construction. Once-per-process
costs (numpy's import, the matcher's lexicon, OpenCC's tables) are paid before the clock
starts. Wall time is printed too, and the CPU of the fetcher's event-loop thread (network, guard,
robots, politeness) apart from the main thread's (listing, decode, extract, match, ingest).
`--phases` splits the main thread's CPU further (decode, extract, prepare: normalise, match,
fingerprint, tokens; write: the batches' transactions, of which the FTS5 insert), timing each
call with `time.thread_time` (a few µs an article more).

The reference, in the same run against the same server: a bare loop with httpx (one client,
keep-alive), selectolax to take the `<p>` texts, and a sqlite3 insert per page in one
transaction. Bar (issue 9): ≤ 3 ms CPU per article.
"""

from __future__ import annotations

import contextlib
import html
import importlib
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_scale import Generator

SERVER = ("import sys, time\nfrom pathlib import Path\nfrom monitor.replay import ReplayServer\n"
          "with ReplayServer(Path(sys.argv[1])) as s:\n    print(s.base_url, flush=True)\n"
          "    sys.stdin.read()\n")


def make_site(root: Path, pages: int) -> None:
    """The list page and `pages` article pages, a third of them GBK."""
    gen, rng = Generator(seed=23), random.Random(5)
    links = []
    for i in range(pages):
        art = gen.article(i)
        gbk = i % 3 == 0
        paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in art["body"].split("\n"))
        related = "".join(f'<li><a href="/news/{rng.randint(0, pages)}.html">{html.escape(gen._paragraph(4)[:14])}</a></li>'
                          for _ in range(6))
        page = (f'<!DOCTYPE html><html><head><meta charset="{"gb2312" if gbk else "utf-8"}">'
                f"<title>{html.escape(art['title'])}_三明新闻网</title></head><body>"
                '<div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a> <a href="/gov/">政务</a> '
                '<a href="/about/">关于我们</a></div><div class="crumb">当前位置：首页 &gt; 新闻 &gt; 本地</div>'
                f'<div class="article"><h1>{html.escape(art["title"])}</h1>'
                f'<div class="info">2026-11-{1 + i % 28:02d} 08:{i % 60:02d} 来源：三明日报 作者：林某</div>'
                f'<div class="content">{paras}</div><div class="editor">责任编辑：陈某</div></div>'
                f'<div class="related"><h3>相关新闻</h3><ul>{related}</ul></div>'
                '<div class="footer">版权所有 三明新闻网 闽ICP备00000000号</div></body></html>')
        (root / "news" / f"{i}.html").write_bytes(page.encode("gb18030" if gbk else "utf-8"))
        links.append(f'<li><a href="/news/{i}.html">{html.escape(art["title"])}</a></li>')
    (root / "news" / "list.html").write_text(f'<html><body><ul class="list">{"".join(links)}</ul></body></html>',
                                             encoding="utf-8")
    rules = "".join(f'"/news/{i}.html" = {{"Content-Type" = "text/html; charset=gb2312"}}\n'
                    for i in range(0, pages, 3))
    (root / "_headers.toml").write_text(rules, encoding="utf-8")


@contextlib.contextmanager
def phases(spent: dict[str, float]):
    """Main-thread CPU per phase while inside, added to `spent` (seconds)."""
    import threading

    from monitor import extract
    from monitor.fetch.client import Response
    ingest = importlib.import_module("monitor.pipeline.ingest")  # the package re-exports a function of this name
    from monitor.store import Store

    def timed(name: str, fn):
        def call(*args, **kw):
            if threading.current_thread() is not threading.main_thread():
                return fn(*args, **kw)
            start = time.thread_time()
            try:
                return fn(*args, **kw)
            finally:
                spent[name] = spent.get(name, 0.0) + time.thread_time() - start
        return call

    saved = [(extract, "extract"), (ingest, "prepare"), (ingest.Ingestor, "flush"), (Store, "index_articles"),
             (Response, "text")]
    originals = [getattr(owner, name) for owner, name in saved]
    extract.extract = timed("extract", originals[0])
    ingest.prepare = timed("prepare", originals[1])
    ingest.Ingestor.flush = timed("write", originals[2])
    Store.index_articles = timed("  of which FTS5 insert", originals[3])
    Response.text = property(timed("decode", originals[4].fget))
    try:
        yield spent
    finally:
        for (owner, name), original in zip(saved, originals, strict=True):
            setattr(owner, name, original)


def poll_run(tmp: Path, base_url: str, pages: int) -> tuple[float, float, int, float, float]:
    """One poll from an empty database: (CPU s, wall s, articles stored, CPU s of the fetcher's
    event-loop thread, CPU s of this thread: listing, extraction, ingest)."""
    from monitor import config
    from monitor.fetch import Fetcher
    from monitor.pipeline import Context, catch_up, poll
    from monitor.store import Store

    host = base_url.split("//", 1)[1]
    (tmp / "poll.toml").write_text(
        'include = ["monitor:topics/hu-ming.toml"]\n'
        f'[fetch]\nmin_delay = 0\nretries = 0\nmax_articles_per_poll = {pages}\nallow_private = ["{host}"]\n'
        f'[[sources]]\nname = "site"\nkind = "html"\nurl = "{base_url}/news/list.html"\n'
        'link_selector = "ul.list a"\n', encoding="utf-8")
    db = tmp / f"poll-{time.monotonic_ns()}.db"
    cfg = config.load(tmp / "poll.toml", db)
    store = Store.open(db)
    _warm(cfg)
    cpu, wall, mine = time.process_time(), time.perf_counter(), time.thread_time()
    with Fetcher(cfg.fetch) as fetcher:
        ctx = Context(cfg, store, fetcher)
        catch_up(ctx)
        report = poll(ctx)[0]
        loop_cpu = fetcher.submit(_thread_time()).result()  # the loop thread's whole life
    cpu, wall, mine = time.process_time() - cpu, time.perf_counter() - wall, time.thread_time() - mine
    stored = store.stats()["articles"]
    store.close()
    assert report.status == "ok" and stored == pages, (report.status, report.errors[:3], stored)
    return cpu, wall, stored, loop_cpu, mine


async def _thread_time() -> float:
    return time.thread_time()


def _warm(cfg) -> None:
    """Once-per-process costs, not per article: numpy's import, the matcher's lexicon, jieba's
    word list (contested spots) and the OpenCC word tables are loaded before the clock starts."""
    from monitor import dedup, match, scriptfold
    from monitor.match import segment

    match.match_topics(list(cfg.topics.values()), "三明", "上海市与三明市对口合作。")
    segment.is_word("三明")
    dedup.fingerprint(scriptfold.fingerprint_text("上海市与三明市对口合作。"))


def reference_run(tmp: Path, base_url: str, pages: int) -> tuple[float, float]:
    """httpx GET + selectolax `<p>` texts + one sqlite3 insert per page (one transaction)."""
    import httpx
    from selectolax.lexbor import LexborHTMLParser

    conn = sqlite3.connect(tmp / f"ref-{time.monotonic_ns()}.db")
    conn.execute("CREATE TABLE pages (url TEXT PRIMARY KEY, title TEXT, body TEXT)")
    cpu, wall = time.process_time(), time.perf_counter()
    with httpx.Client() as client, conn:
        for i in range(pages):
            resp = client.get(f"{base_url}/news/{i}.html")
            tree = LexborHTMLParser(resp.content)
            title = tree.css_first("h1")
            body = "\n".join(p.text() for p in tree.css("p"))
            conn.execute("INSERT INTO pages VALUES (?, ?, ?)", [str(resp.url), title.text() if title else "", body])
    conn.close()
    return time.process_time() - cpu, time.perf_counter() - wall


def main(argv: list[str]) -> int:
    repeats = int(argv[argv.index("--repeats") + 1]) if "--repeats" in argv else 3
    split: dict[str, list[float]] = {}
    nums = [a for i, a in enumerate(argv) if a.isdigit() and (i == 0 or argv[i - 1] != "--repeats")]
    pages = int(nums[0]) if nums else 2000
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "site" / "news").mkdir(parents=True)
        make_site(tmp / "site", pages)
        server = subprocess.Popen([sys.executable, "-c", SERVER, str(tmp / "site")], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)
        try:
            base_url = server.stdout.readline().strip() if server.stdout else ""
            ours, refs, walls, loops, mains = [], [], [], [], []
            for r in range(repeats):
                spent: dict[str, float] = {}
                with phases(spent) if "--phases" in argv else contextlib.nullcontext(spent):
                    cpu, wall, stored, loop_cpu, main_cpu = poll_run(tmp, base_url, pages)
                for name, seconds in [*spent.items(), ("other", main_cpu - sum(
                        v for k, v in spent.items() if not k.startswith(" ")))] if spent else []:
                    split.setdefault(name, []).append(seconds / stored * 1000)
                loops.append(loop_cpu / stored * 1000)
                mains.append(main_cpu / stored * 1000)
                ref_cpu, _ = reference_run(tmp, base_url, pages)
                ours.append(cpu / stored * 1000)
                refs.append(ref_cpu / pages * 1000)
                walls.append(wall / stored * 1000)
                print(f"run {r + 1}: poll {ours[-1]:.2f} ms CPU per article ({walls[-1]:.2f} ms wall; fetch "
                      f"thread {loops[-1]:.2f}, main thread {mains[-1]:.2f}), reference {refs[-1]:.2f} ms CPU "
                      "per page", flush=True)
        finally:
            if server.stdin:
                server.stdin.close()
            server.wait(timeout=10)
    ratios = [a / b for a, b in zip(ours, refs, strict=True)]
    med = statistics.median
    print(f"{pages:,} pages, medians of {repeats} (min–max): poll {med(ours):.2f} ms CPU per article "
          f"({min(ours):.2f}–{max(ours):.2f}); reference fetch+parse+insert {med(refs):.2f} ms "
          f"({min(refs):.2f}–{max(refs):.2f}); ratio {med(ratios):.1f}× ({min(ratios):.1f}–{max(ratios):.1f}); "
          f"wall {med(walls):.2f} ms per article; fetch thread {med(loops):.2f} ms ({min(loops):.2f}–"
          f"{max(loops):.2f}), main thread {med(mains):.2f} ms ({min(mains):.2f}–{max(mains):.2f})")
    if split:
        order = ["decode", "extract", "prepare", "write", "  of which FTS5 insert", "other"]
        print("main thread by phase, ms CPU per article (median): " + ", ".join(
            f"{name.strip()} {med(split[name]):.2f}" for name in order if name in split))
    print("bar (≤ 3 ms CPU per article):", "met" if med(ours) <= 3 else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
