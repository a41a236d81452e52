"""A webhook receiver whose answer has a header line a browser reads past (`Content-Type : …`, a
firewall's stray line, `Transfer-Encoding: chunked, chunked`, `http/1.1` in lower case).

The daemon read such answers (its fetcher mends them, and that mend served every HTTP client in
the process), but `monitor digest` alone, a cron job's way to send, never loaded the fetcher: it
read them strictly, called the delivery failed although the receiver had taken the message, and
sent the same digest again at every run. Run here as users run it, in a process of its own, on
a real receiver on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from delivery_world import NO_PROXY, news_lines, write_config

from monitor import config
from monitor.pipeline import Context, import_lines
from monitor.store import Store

OK = b'{"errcode":0,"errmsg":"ok"}'
HEADS = {
    "spaced name": (b"HTTP/1.1 200 OK", [b"Content-Type : application/json", b"Content-Length: %d" % len(OK)], OK),
    "firewall line": (b"HTTP/1.1 200 OK", [b"get-ban-to-cache-result/robot.php: userdata not support",
                                           b"Content-Type: application/json", b"Content-Length: %d" % len(OK)], OK),
    "chunked twice": (b"HTTP/1.1 200 OK", [b"Content-Type: application/json", b"Transfer-Encoding: chunked, chunked"],
                      b"%x\r\n%s\r\n0\r\n\r\n" % (len(OK), OK)),
    "lower-case version": (b"http/1.1 200 OK", [b"Content-Type: application/json", b"Content-Length: %d" % len(OK)], OK),
}


class RawReceiver:
    """Takes each POST whole, records its body, and answers with the given bytes as they are."""

    def __init__(self, status: bytes, headers: list[bytes], body: bytes) -> None:
        self.bodies: list[bytes] = []
        receiver = self

        class H(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                receiver.bodies.append(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
                self.wfile.write(status + b"\r\n" + b"".join(h + b"\r\n" for h in headers) + b"\r\n" + body)
                self.close_connection = True

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, args=(0.01,), daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/robot/send"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def digest(path, db) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in NO_PROXY}
    return subprocess.run([sys.executable, "-m", "monitor", "--config", str(path), "--db", str(db), "digest"],
                          capture_output=True, text=True, env=env, timeout=120, check=False)


@pytest.mark.parametrize("kind", list(HEADS))
def test_monitor_digest_alone_takes_an_answer_a_browser_reads(tmp_path, kind):
    receiver = RawReceiver(*HEADS[kind])
    try:
        path = write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "dingtalk", "url": receiver.url}])
        store = Store.open(tmp_path / "m.db")
        assert import_lines(Context(config.load(path, store.path), store), news_lines(3)).matched == 3
        store.close()
        first = digest(path, tmp_path / "m.db")
        assert first.returncode == 0, first.stderr
        assert len(receiver.bodies) == 1 and "上海与三明" in receiver.bodies[0].decode()
        second = digest(path, tmp_path / "m.db")  # the next cron run: nothing left to send
        assert second.returncode == 0, second.stderr
        assert len(receiver.bodies) == 1, f"sent again: {first.stderr.strip()[-300:]}"
        again = Store.open(tmp_path / "m.db")
        try:
            assert again.db.execute("SELECT count(*) FROM deliveries").fetchone()[0] == 3  # a row a story
        finally:
            again.close()
    finally:
        receiver.close()
