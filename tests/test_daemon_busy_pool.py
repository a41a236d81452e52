"""The daemon's own work behind a full pool of polls.

Polls, digests, the retry job and SIGHUP's reload ran in one pool of ten threads. Ten sources
whose sites stall (a timeout each, a host behind with its turns) held all ten: a SIGHUP's reload,
the 08:00 digest and the retries waited for a poll to end, minutes late, the log saying nothing.
A real `monitor run` at -v, eleven sources on 127.0.0.1 sites answering their feeds after 8 s;
the order is read from the log's own times."""

from __future__ import annotations

import json
import signal
import threading
from pathlib import Path

from test_daemon import HEAD, start, stop, wait_for
from test_daemon_failing_sources import LocalSite

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>县融媒体</title><link>{base}/</link></channel></rss>"""


class Stalling(LocalSite):
    """A site answering its feed after `delay` seconds (robots.txt: a plain 404), or at once after
    `release()`: the test has read what it needed, and a stopping daemon finishes its polls first."""

    def __init__(self, delay: float) -> None:
        self.asked, self.delay, self.released = 0, delay, threading.Event()
        super().__init__(self._answer)

    def release(self) -> None:
        self.released.set()

    def _answer(self, path: str) -> tuple[int, str, bytes]:
        if path == "/robots.txt":
            return 404, "application/rss+xml", b""
        self.asked += 1
        self.released.wait(self.delay)
        return 200, "application/rss+xml", FEED.format(base=self.base).encode()


def stalling_sources(tmp_path: Path, n: int, interval: str, delay: float = 8.0) -> tuple[list[Stalling], Path, Path]:
    """`n` sites answering their feeds after `delay` seconds, each a source `slow<i>` polled every
    `interval` (no jitter, no retries): the sites, the config's path and the database's."""
    sites = [Stalling(delay) for _ in range(n)]
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    sources = "".join(f'[[sources]]\nname = "slow{i}"\nkind = "feed"\nurl = "{site.base}/feed.xml"\n'
                      f'interval = "{interval}"\n' for i, site in enumerate(sites))
    path.write_text(HEAD.replace("[fetch]", "[schedule]\njitter = 0\n[fetch]\nretries = 0\ntimeout = 60")
                    + sources, encoding="utf-8")
    return sites, path, db


def test_a_sighup_is_read_while_every_poll_thread_waits_on_a_slow_site(tmp_path):
    sites, path, db = stalling_sources(tmp_path, 11, "1h")  # a host each: their polls wait at once
    proc = start(path, db)
    try:
        wait_for(lambda: sum(site.asked for site in sites) >= 10, timeout=60, what="ten feeds asked for")
        proc.send_signal(signal.SIGHUP)
        wait_for(lambda: _polled(db), timeout=120, what="a first poll's end")  # (not a guessed 9 s)
    finally:
        for site in sites:  # the polls under way and waiting end at once: the daemon stops after them
            site.release()
        _, err = stop(proc)
        for site in sites:
            site.close()
    records = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert "Traceback" not in err, err
    reloaded = [r["time"] for r in records if r["message"].startswith("config reloaded")]
    polled = [r["time"] for r in records if r.get("source", "").startswith("slow") and "status" in r]
    assert reloaded and polled, [r["message"] for r in records]
    assert reloaded[0] < min(polled), (reloaded, sorted(polled)[:3])


def _polled(db) -> bool:
    """Some slow source's first poll has ended (the store has its status)."""
    import sqlite3

    try:
        with sqlite3.connect(db, timeout=1) as con:
            return con.execute("SELECT count(*) FROM sources WHERE last_status IS NOT NULL").fetchone()[0] > 0
    except sqlite3.Error:  # not made yet, or busy
        return False
