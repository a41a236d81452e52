"""Shared by the delivery tests: a database of invented matched stories and a config around it.

`news_lines(n)` gives n JSON Lines articles about 上海–三明 cooperation, each with its own text
(so none folds into another as a repost) and URL `https://news.example.cn/a/<i>.html`.
`write_config(...)` writes a config with one subscriber and the given channel tables.
`monitor_cli(tmp_path, *args, crash=...)` runs a real `monitor` on that config and database, killed
at a crash point when `crash` names one.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import socket
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

POOL = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行"
        "学法所民得经十之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四"
        "日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已"
        "通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区")
URL = re.compile(r"https://news\.example\.cn/a/(\d+)\.html")
NO_PROXY = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


def monitor_cli(tmp_path: Path, *args: str, crash: str = "", first: str = "") -> subprocess.CompletedProcess:
    """`monitor ARGS` in its own process on `tmp_path`'s monitor.toml and m.db (no proxy but none
    for 127.0.0.1); `crash`: the crash point (MONITOR_TEST_CRASH_AT) it is SIGKILLed at; `first`:
    Python run in that process before the command (a module's constant changed, e.g. `NO_BACKOFF`)."""
    env = {**{k: v for k, v in os.environ.items() if k not in NO_PROXY}, "NO_PROXY": "127.0.0.1",
           "PYTHONIOENCODING": "utf-8"}
    if crash:
        env["MONITOR_TEST_CRASH_AT"] = crash
    command = ["-c", f"{first}; from monitor.__main__ import run; run()"] if first else ["-m", "monitor"]
    return subprocess.run([sys.executable, *command, "--config", str(tmp_path / "monitor.toml"), "--db",
                           str(tmp_path / "m.db"), *args], capture_output=True, text=True, timeout=300, env=env)


# a webhook's in-request retries (4 tries) without their 1 + 2 + 4 s backoff: the outbox and its order unchanged
NO_BACKOFF = ("from dataclasses import replace; from monitor.notify import webhook; "
              "webhook.POLICY = replace(webhook.POLICY, base=0.0)")


def quick_webhooks(monkeypatch: Any, **policy: Any) -> None:
    """Webhook retries without waiting (and `policy`'s other changes), a robot's pace kept without
    waiting either (`quick_pacing`); no proxy from the environment."""
    from monitor import notify

    monkeypatch.setattr(notify.webhook, "POLICY", replace(notify.webhook.POLICY, base=0.0, **policy))
    quick_pacing(monkeypatch)
    for name in NO_PROXY:
        monkeypatch.delenv(name, raising=False)


def quick_pacing(monkeypatch: Any) -> None:
    """The pacer (a chat robot's rate limit) on a clock that moves by what it sleeps: it keeps the
    pace without the test waiting a real minute."""
    import time

    from monitor.pipeline import pacing

    slept = [0.0]
    monkeypatch.setattr(pacing, "PACER", pacing.Pacer(clock=lambda: time.monotonic() + slept[0],
                                                      sleep=lambda s: slept.__setitem__(0, slept[0] + s)))


def news_lines(n: int, start: int = 0) -> Iterator[str]:
    """n distinct matching articles as JSON Lines."""
    for i in range(start, start + n):
        r = random.Random(i)
        words = "".join(r.choice(POOL) for _ in range(120))
        more = "".join(r.choice(POOL) for _ in range(60))
        yield json.dumps({"url": f"https://news.example.cn/a/{i}.html", "source": "test",
                          "title": f"上海与三明对口合作项目{i}号" + "".join(r.choice(POOL) for _ in range(6)),
                          "body": f"上海市与三明市深化对口合作，{words}。两地合作共建产业园，{more}。"},
                         ensure_ascii=False)


def toml_value(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False) if not isinstance(v, (list, tuple)) else (
        "[" + ", ".join(toml_value(x) for x in v) + "]")


def write_config(path: Path, channels: list[dict[str, Any]], *, max_stories: int = 500,
                 schedule: str = "0 8 * * *") -> Path:
    """A config with the bundled topic and one subscriber `desk` with `channels`."""
    lines = ['include = ["monitor:topics/hu-ming.toml"]', "[[subscribers]]", 'name = "desk"',
             'topics = ["hu-ming"]', f"max_stories = {max_stories}", f'schedule = "{schedule}"']
    for ch in channels:
        lines.append("[[subscribers.channels]]")
        lines += [f"{k} = {toml_value(v)}" for k, v in ch.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def webhook_world(tmp_path: Path, url: str, fmt: str = "json") -> Any:
    """A fresh store with five matched stories waiting for one webhook channel at `url`."""
    from monitor import config
    from monitor.pipeline import Context, import_lines
    from monitor.store import Store

    path = write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": fmt, "url": url}])
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(5)).matched == 5
    return ctx


def add_news(tmp_path: Path, n: int, start: int = 0) -> None:
    """`n` matched stories (news_lines from `start`) imported into tmp_path's m.db under its monitor.toml."""
    from monitor import config
    from monitor.pipeline import Context, import_lines
    from monitor.store import Store

    ctx = Context(config.load(tmp_path / "monitor.toml", tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    try:
        assert import_lines(ctx, news_lines(n, start)).matched == n
    finally:
        ctx.store.close()


def story_numbers(text: str) -> list[int]:
    """The article numbers of the story URLs in `text`, in order."""
    return [int(m) for m in URL.findall(text)]


def counts(texts: list[str]) -> Counter[int]:
    """How often each story URL appears across `texts`."""
    return Counter(i for t in texts for i in story_numbers(t))


# ---------------------------------------------------------------- servers that misbehave

def read_request(conn: Any) -> bytes:
    """The whole HTTP request read from a socket (headers and Content-Length body)."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                   if line.lower().startswith(b"content-length:")), 0)
    while len(body) < length:
        body += conn.recv(65536)
    return head + b"\r\n\r\n" + body


class Server:
    """A TCP server on 127.0.0.1 handling each connection in its own thread with `one(conn, n)`
    (n: the connection's number, from 0); an OSError there (the client hung up) ends that one alone."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        n = 0
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._guarded, args=(conn, n), daemon=True).start()
            n += 1

    def _guarded(self, conn: socket.socket, n: int) -> None:
        with conn, contextlib.suppress(OSError):
            self.one(conn, n)

    def one(self, conn: socket.socket, n: int) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.sock.close()


class StallingReceiver:
    """Wraps conftest's WebhookReceiver: request number `at` (1-based) hangs until `release()`."""

    def __init__(self, receiver: Any, at: int) -> None:
        import threading

        self.receiver, self.at = receiver, at
        self.stalled, self.released = threading.Event(), threading.Event()
        answer = receiver._answer

        def stalling(received: Any) -> tuple[int, dict[str, str], bytes]:
            reply = answer(received)
            if len(receiver.requests) == self.at:
                self.stalled.set()
                self.released.wait(60)
            return reply

        receiver._answer = stalling

    def release(self) -> None:
        self.released.set()
