"""A source failing for hours under a daemon run without -v.

The daemon logs at WARNING unless asked for more, and a poll's line (`source=... status=error
first_error: ...`) is INFO: an operator whose outlet had been answering 503 since the night
saw nothing in `docker logs` and found out from a thin digest. Now the daemon says it once when
a source starts failing (its status and first error) and once when it works again (after how
many failed polls, since when), and nothing in between. A real `monitor run` without -v against
a site on 127.0.0.1 that fails, then recovers."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from test_daemon import HEAD, start, stop, wait_for

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>县融媒体</title><link>{base}/</link>
<item><title>沪明合作项目签约</title><link>{base}/a/1.html</link><pubDate>Mon, 30 Nov 2026 08:00:00 +0800</pubDate></item>
</channel></rss>"""
PAGE = ("<html><head><title>沪明合作项目签约</title></head><body><article><h1>沪明合作项目签约</h1>"
        + "<p>上海市与三明市对口合作项目在三明签约，双方将共建产业园区，推动文旅康养合作。</p>" * 6
        + "</article></body></html>")
# a daemon that polls one feed every two seconds, without jitter or retries, the feed at {url}
QUIET = HEAD.replace("[fetch]", "[schedule]\njitter = 0\n[fetch]\nretries = 0")
SOURCE = '[[sources]]\nname = "county"\nkind = "feed"\nurl = "{url}"\ninterval = "2s"\n'


class LocalSite:
    """A site on 127.0.0.1 answering each GET by `answer(path)`: (code, content type, body)."""

    def __init__(self, answer: Callable[[str], tuple[int, str, bytes]], headers: dict[str, str] | None = None) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                code, kind, body = answer(self.path)
                self.send_response(code)
                for name, value in ({} if self.path == "/robots.txt" else headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True  # a request still sleeping does not hold up close()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Flaky(LocalSite):
    """A site whose pages answer 503 while `down` is set (its robots.txt is a plain 404)."""

    def __init__(self) -> None:
        self.down = True
        self.feeds = 0
        super().__init__(self._answer)

    def _answer(self, path: str) -> tuple[int, str, bytes]:
        if path.split("?")[0] == "/feed.xml":
            self.feeds += 1
        if path == "/robots.txt":
            return 404, "text/plain", b""
        if self.down:
            return 503, "text/html", b"<html><body>maintenance</body></html>"
        if path == "/feed.xml":
            return 200, "application/rss+xml", FEED.format(base=self.base).encode()
        if path == "/a/1.html":
            return 200, "text/html; charset=utf-8", PAGE.encode()
        return 404, "text/html", b""


@pytest.fixture
def flaky():
    site = Flaky()
    yield site
    site.close()


def test_a_failing_source_is_said_once_when_it_fails_and_once_when_it_works_again(tmp_path, flaky):
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(QUIET + SOURCE.format(url=f"{flaky.base}/feed.xml"), encoding="utf-8")
    proc = start(path, db, verbose=False)
    try:
        wait_for(lambda: flaky.feeds >= 3, timeout=60, what="three failing polls")
        flaky.down = False
        seen = flaky.feeds
        wait_for(lambda: flaky.feeds >= seen + 3, timeout=60, what="three working polls")
    finally:
        _, err = stop(proc)
    lines = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    about = [r for r in lines if r.get("source") == "county"]
    assert "Traceback" not in err, err
    failing = [r for r in about if "is failing" in r["message"]]
    working = [r for r in about if "works again" in r["message"]]
    assert len(failing) == 1, about
    assert failing[0]["level"] == "warning" and "503" in failing[0]["message"], failing
    assert len(working) == 1, about
    assert failing[0]["status"] == "error" and working[0]["status"] == "ok", about
    assert working[0]["since"] == failing[0]["since"], about
    assert working[0]["level"] == "warning" and working[0]["failed_polls"] >= 3, working
    polls = [r for r in about if "status" in r and r not in failing + working]
    assert polls == [], polls  # nothing for each failed or working poll in between


def test_a_failure_of_another_kind_is_said_and_a_resting_or_busy_poll_changes_nothing():
    from monitor.pipeline.health import Outages

    said = Outages()
    lines = [said.note("s", status, "HTTP 404", now) for status, now in
             [("ok", "t0"), ("error", "t1"), ("rate_limited", "t2"), ("busy", "t3"), ("error", "t4"),
              ("gone", "t5"), ("gone", "t6"), ("partial", "t7"), ("ok", "t8")]]
    assert [i for i, line in enumerate(lines) if line] == [1, 5, 7], lines
    assert "status=error since=t1Z" in lines[1] and "error=HTTP 404" in lines[1]
    assert "status=gone since=t1Z" in lines[5]  # the outage began at its first failed poll
    assert "works again: status=partial failed_polls=4 since=t1Z" in lines[7]
