"""SIGTERM while a source's poll is reading a long list of links (a first poll of a busy site,
its article pages slow). The daemon waited for the poll to ask for every link: twenty pages
at a second or more each, past `docker stop`'s 10 s, so the container was SIGKILLed mid-write
with no 'daemon stopped' line. A stopping poll asks for no more links; the pages under way
are read and stored, the rest wait for the next poll (as past the source's deadline). A real
`monitor run`, a 127.0.0.1 site; what happened is counted, not timed."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time

from test_daemon import HEAD, start, wait_for
from test_daemon_failing_sources import LocalSite

LINKS = 20
ITEM = '<item><title>沪明合作第{n}项</title><link>{base}/a/{n}.html</link></item>'
PAGE = ("<html><head><title>沪明合作第{n}项</title></head><body><article><h1>沪明合作第{n}项</h1>"
        + "<p>上海市与三明市对口合作第{n}个项目在三明签约，双方将共建产业园区，推动文旅康养合作。</p>" * 6
        + "</article></body></html>")


class SlowPages(LocalSite):
    """A feed of LINKS articles whose pages take a second each."""

    def __init__(self) -> None:
        self.pages = 0
        super().__init__(self._answer)

    def _answer(self, path: str) -> tuple[int, str, bytes]:
        if path == "/feed.xml":
            items = "".join(ITEM.format(n=n, base=self.base) for n in range(LINKS))
            return 200, "application/rss+xml", (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                                                f'<title>县</title><link>{self.base}/</link>{items}</channel></rss>').encode()
        if path.startswith("/a/"):
            self.pages += 1
            time.sleep(1.0)
            return 200, "text/html; charset=utf-8", PAGE.format(n=path[3:-5]).encode()
        return 404, "text/html; charset=utf-8", b""


def test_sigterm_mid_poll_asks_for_no_more_links_and_leaves_the_rest_for_the_next(tmp_path):
    site = SlowPages()
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(HEAD.replace("[fetch]", "[schedule]\njitter = 0\n[fetch]\nretries = 0")
                    + f'[[sources]]\nname = "busy"\nkind = "feed"\nurl = "{site.base}/feed.xml"\ninterval = "1h"\n',
                    encoding="utf-8")
    proc = start(path, db)
    try:
        wait_for(lambda: site.pages >= 2, timeout=60, what="two article pages asked for")
        proc.send_signal(signal.SIGTERM)
        try:
            _, err = proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
        asked = site.pages
    finally:
        if proc.poll() is None:
            proc.kill()
        site.close()
    assert proc.returncode == 0, err
    assert "Traceback" not in err, err
    messages = [json.loads(line)["message"] for line in err.splitlines() if line.startswith("{")]
    assert messages[-1].startswith("daemon stopped by SIGTERM"), messages[-5:]
    assert asked < LINKS // 2, asked  # not every link asked for before stopping
    with sqlite3.connect(db) as con:
        stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        status, waiting = con.execute("SELECT last_status, waiting FROM sources WHERE name = 'busy'").fetchone()
    assert stored >= 1 and status == "partial", (stored, status)
    assert len(json.loads(waiting)) == LINKS - asked, waiting  # the rest, for the next poll
