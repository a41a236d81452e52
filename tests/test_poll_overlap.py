"""Two processes polling one source at once: a `monitor poll` from cron that starts before the
last one has ended, or one typed by hand while the daemon polls. Before, both fetched every new
link, so the site saw each article twice and its host twice as many requests as
`fetch.min_delay` allows (gaps of 0.2 s at min_delay = 1 s). Now each source has one poller at a
time: the other process skips it and says so, records nothing for it, and polls the rest."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from sitekit import Hit, Site

from monitor import locks

PAGES = 6


class Timed(Site):
    """A news list and its article pages, each request's time recorded."""

    def __init__(self, prefix: str = "/news", delay: float = 0.0) -> None:
        super().__init__()
        self.times: list[tuple[float, str]] = []
        self.delay = delay
        self.held = threading.Event()  # article pages wait for it once `hold` is called
        self.held.set()
        self.prefix = prefix
        self.gate = threading.Lock()

    def __enter__(self) -> Timed:
        super().__enter__()
        links = "".join(f'<li><a class="item" href="{self.prefix}/{i}.html">沪明合作第{i}项进展</a></li>'
                        for i in range(PAGES))
        self.route("GET", f"{self.prefix}/", self._answer_with(
            f"<html><body><ul>{links}</ul></body></html>"))
        for i in range(PAGES):
            paragraphs = "".join(f"<p>上海与三明对口合作第{i}项工作持续推进，双方围绕产业、文旅和医疗开展交流，"
                                 f"这是第{k}段较长的正文内容，用来让页面读起来像一篇报道。</p>" for k in range(6))
            self.route("GET", f"{self.prefix}/{i}.html", self._answer_with(
                f"<html><head><title>沪明合作第{i}项进展</title></head><body><h1>沪明合作第{i}项进展</h1>"
                f"<p>2026-12-0{1 + i % 5} 08:00</p>{paragraphs}</body></html>"))
        self.route("GET", "/robots.txt", lambda hit: (404, {}, b""))
        return self

    def _answer_with(self, page: str):
        def answer(hit: Hit):
            with self.gate:
                self.times.append((time.monotonic(), hit.path))
            if hit.path.endswith(".html"):
                self.held.wait(60)
            time.sleep(self.delay)
            return 200, {"Content-Type": "text/html; charset=utf-8"}, page.encode("utf-8")
        return answer

    def articles(self, prefix: str | None = None) -> list[str]:
        return [p for _, p in self.times if p.endswith(".html") and p.startswith(prefix or self.prefix)]


def config(tmp: Path, *sites: tuple[str, str], min_delay: float = 0.5) -> Path:
    blocks = "".join(f'[[sources]]\nname = "{name}"\nkind = "html"\nurl = "{url}"\nlink_selector = "a.item"\n\n'
                     for name, url in sites)
    cfg = tmp / "monitor.toml"
    cfg.write_text('include = ["monitor:topics/hu-ming.toml"]\n\n[fetch]\n'
                   f'min_delay = {min_delay}\nretries = 0\nallow_private = ["127.0.0.1"]\n\n' + blocks, encoding="utf-8")
    return cfg


def monitor(cfg: Path, db: Path, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in ("MONITOR_DB", "MONITOR_CONFIG")}
    return subprocess.Popen([sys.executable, "-m", "monitor", "--config", str(cfg), "--db", str(db), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def finish(proc: subprocess.Popen) -> tuple[int, str]:
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out + err


def stored(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT url FROM articles ORDER BY url")]


def test_two_polls_at_once_fetch_each_article_once_and_keep_the_hosts_pace(tmp_path):
    with Timed() as site:
        cfg, db = config(tmp_path, ("county", site.url("/news/"))), tmp_path / "m.db"
        site.held.clear()  # the first poll's first article answers only once the second poll has run
        first = monitor(cfg, db, "poll")
        deadline = time.monotonic() + 60
        while not site.articles() and time.monotonic() < deadline:  # the first one is fetching articles
            time.sleep(0.02)
        code2, out2 = finish(monitor(cfg, db, "poll"))
        site.held.set()
        code1, out1 = finish(first)
    assert code1 == 0 and code2 == 0, (out1, out2)
    assert sorted(site.articles()) == sorted(set(site.articles())) and len(site.articles()) == PAGES
    assert len(stored(db)) == PAGES
    assert "county\tbusy" in out2 and "skipped county: another `monitor poll` is polling it now" in out2
    gaps = [b - a for (a, _), (b, _) in zip(site.times, site.times[1:], strict=False)]
    assert min(gaps) >= 0.45, gaps  # min_delay 0.5 s, one poller


def test_a_poll_polls_the_sources_no_other_process_holds(tmp_path):
    with Timed("/a") as a, Timed("/b") as b:
        cfg, db = config(tmp_path, ("a-news", a.url("/a/")), ("b-news", b.url("/b/")), min_delay=0.05), tmp_path / "m.db"
        with locks.polling(db, ["a-news"]) as busy:  # another process (this one) is polling a-news
            assert busy == set()
            code, out = finish(monitor(cfg, db, "poll"))
        assert code == 0 and "a-news\tbusy" in out and "skipped a-news:" in out
        assert a.times == [] and len(b.articles()) == PAGES
        with sqlite3.connect(db) as conn:  # nothing recorded for the skipped source: never polled, not failed
            assert conn.execute("SELECT count(*) FROM sources WHERE name = 'a-news'").fetchone()[0] == 0
        code, out = finish(monitor(cfg, db, "poll"))  # released: the next poll reads it
        assert code == 0 and "busy" not in out and len(a.articles()) == PAGES


def test_a_killed_poll_leaves_no_lock_behind(tmp_path):
    with Timed(delay=0.3) as site:
        cfg, db = config(tmp_path, ("county", site.url("/news/")), min_delay=0.05), tmp_path / "m.db"
        doomed = monitor(cfg, db, "poll")
        deadline = time.monotonic() + 60
        while not site.articles() and time.monotonic() < deadline:
            time.sleep(0.02)
        doomed.send_signal(signal.SIGKILL)
        doomed.wait(10)
        code, out = finish(monitor(cfg, db, "poll"))
    assert code == 0 and "busy" not in out
    assert len(stored(db)) == PAGES


def test_the_daemon_skips_a_source_another_process_polls(tmp_path):
    with Timed() as site:
        cfg, db = config(tmp_path, ("county", site.url("/news/"))), tmp_path / "m.db"
        with locks.polling(db, ["county"]):
            code, out = finish(monitor(cfg, db, "run", "--once"))
        assert code == 0, out
        assert site.times == []  # the other process's links: the daemon asked the site nothing
        code, out = finish(monitor(cfg, db, "sources"))
    row = next(line for line in out.splitlines() if line.startswith("county\t"))
    assert code == 0 and "\tnever\t" in row and "busy" not in row  # nothing recorded: not polled, not failed


def test_one_process_takes_and_gives_back_each_source(tmp_path):
    """In one process (the daemon's jobs in their threads) the locks never stand in each other's
    way, and a source given back is free for the next poller."""
    db = tmp_path / "m.db"
    with locks.polling(db, ["a", "b"]) as busy:
        assert busy == set()
        with locks.polling(db, ["c"]) as more:
            assert more == set()
    probe = subprocess.run([sys.executable, "-c", "import sys; from monitor import locks\n"
                            "with locks.polling(sys.argv[1], ['a', 'b', 'c']) as busy: print(sorted(busy))", str(db)],
                           capture_output=True, text=True, timeout=60)
    assert probe.stdout.strip() == "[]", probe.stderr
    with locks.polling(db, ["b"]):
        probe = subprocess.run([sys.executable, "-c", "import sys; from monitor import locks\n"
                                "with locks.polling(sys.argv[1], ['a', 'b', 'c']) as busy: print(sorted(busy))",
                                str(db)], capture_output=True, text=True, timeout=60)
    assert probe.stdout.strip() == "['b']", probe.stderr


def test_two_processes_polling_two_sources_of_one_host_keep_its_pace_together(tmp_path):
    """Each source has its poller, but two sources of one site polled by two processes at once
    (a `monitor poll --source` typed while the daemon polls the other) asked the host twice as
    often as `fetch.min_delay` allows. Turns on a host are now shared by the processes of one
    database: each request waits for the other process's last one to be `min_delay` behind."""
    with Timed("/a") as site:
        for i in range(PAGES):  # a second column of the same site
            site.route("GET", f"/b/{i}.html", site._answer_with(
                f"<html><head><title>沪明文旅第{i}条</title></head><body><h1>沪明文旅第{i}条</h1><p>2026-12-02 09:00</p>"
                + "".join(f"<p>三明与上海文旅合作第{i}条消息，第{k}段正文，两地游客互送客源持续增长。</p>" for k in range(6))
                + "</body></html>"))
        links = "".join(f'<li><a class="item" href="/b/{i}.html">沪明文旅第{i}条</a></li>' for i in range(PAGES))
        site.route("GET", "/b/", site._answer_with(f"<html><body><ul>{links}</ul></body></html>"))
        cfg = config(tmp_path, ("a-news", site.url("/a/")), ("b-news", site.url("/b/")), min_delay=0.5)
        db = tmp_path / "m.db"
        finish(monitor(cfg, db, "sources"))  # the database made once, before both start
        one, other = monitor(cfg, db, "poll", "--source", "a-news"), monitor(cfg, db, "poll", "--source", "b-news")
        (code1, out1), (code2, out2) = finish(one), finish(other)
    assert code1 == 0 and code2 == 0, (out1, out2)
    assert len(stored(db)) == 2 * PAGES
    gaps = [b - a for (a, _), (b, _) in zip(site.times, site.times[1:], strict=False)]
    assert min(gaps) >= 0.45, gaps  # min_delay 0.5 s across both processes
