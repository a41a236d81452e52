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
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from test_daemon import HEAD, start, stop, wait_for

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>县融媒体</title><link>{base}/</link></channel></rss>"""


class Stalling:
    def __init__(self, delay: float) -> None:
        self.asked = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                if self.path == "/robots.txt":
                    code, body = 404, b""
                else:
                    owner.asked += 1
                    time.sleep(delay)
                    code, body = 200, FEED.format(base=owner.base).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_a_sighup_is_read_while_every_poll_thread_waits_on_a_slow_site(tmp_path):
    sites = [Stalling(8.0) for _ in range(11)]  # a host each: their polls wait at once, not in a host's turns
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    sources = "".join(f'[[sources]]\nname = "slow{i}"\nkind = "feed"\nurl = "{site.base}/feed.xml"\n'
                      'interval = "1h"\n' for i, site in enumerate(sites))
    path.write_text(HEAD.replace("[fetch]", "[schedule]\njitter = 0\n[fetch]\nretries = 0\ntimeout = 60")
                    + sources, encoding="utf-8")
    proc = start(path, db)
    try:
        wait_for(lambda: sum(site.asked for site in sites) >= 10, timeout=60, what="ten feeds asked for")
        proc.send_signal(signal.SIGHUP)
        time.sleep(9.0)  # past the first poll's end
    finally:
        _, err = stop(proc)
        for site in sites:
            site.close()
    records = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert "Traceback" not in err, err
    reloaded = [r["time"] for r in records if r["message"].startswith("config reloaded")]
    polled = [r["time"] for r in records if r.get("source", "").startswith("slow") and "status" in r]
    assert reloaded and polled, [r["message"] for r in records]
    assert reloaded[0] < min(polled), (reloaded, sorted(polled)[:3])
