"""Shared fixtures: real servers on 127.0.0.1 and a digest of invented 沪明对口合作 news.

- `smtp_server`: an aiosmtpd server collecting messages; AUTH offered without TLS, accepting
  `SMTP_USER` / `SMTP_PASSWORD` only.
- `smtp_tls_server(mode)`: the same behind STARTTLS or implicit TLS with a self-signed
  certificate (needs the `openssl` command; tests skip without it). It sets SSL_CERT_FILE so
  that `ssl.create_default_context()` trusts that certificate.
- `webhook_receiver`: a ThreadingHTTPServer recording method, path, query, headers and body;
  `.fail(n, status)` makes the next n requests answer `status`.
- `unused_port`: a port with nothing listening, for refused-connection tests.
- `sample_digest`, `empty_digest`, `make_story`: test data.
"""

from __future__ import annotations

import email
import email.policy
import json
import shutil
import socket
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

try:
    import monitor  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from monitor.models import Digest, Hit, Repost, Story

# The fixture sites' three working sources (tests/fixtures/sites, served by ReplayServer);
# `{base}` is the server's base URL. Tests add their own sources and subscribers after it.
SITE_SOURCES = """
include = ["monitor:topics/hu-ming.toml"]
[fetch]
min_delay = 0
allow_private = ["127.0.0.1"]
retries = 1
timeout = 5
[[sources]]
name = "feed"
kind = "feed"
url = "{base}/feed/rss.xml"
[[sources]]
name = "gbk"
kind = "html"
url = "{base}/gbk/list.html"
link_selector = "ul.news a"
[[sources]]
name = "repost"
kind = "html"
url = "{base}/repost/list.html"
link_selector = "ul.news a"
"""

SMTP_USER = "monitor"
SMTP_PASSWORD = "s3cret-pass"
UTC = timezone.utc


# ---------------------------------------------------------------- SMTP

def free_port() -> int:
    """A port that was free a moment ago (aiosmtpd's Controller cannot bind port 0)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class SMTPSink:
    """The aiosmtpd handler: keeps each envelope; `parsed(i)` gives it as an EmailMessage."""

    host: str = "127.0.0.1"
    port: int = 0
    envelopes: list[Any] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
            SMTP_USER.encode(), SMTP_PASSWORD.encode())
        if ok:
            self.logins.append(auth_data.login.decode())
        # handled=False: let aiosmtpd send the 535 itself (handled=True would leave the client hanging).
        return AuthResult(success=ok, handled=False)

    def parsed(self, i: int = -1) -> EmailMessage:
        envelope = self.envelopes[i]
        raw = envelope.original_content or envelope.content
        return email.message_from_bytes(raw, policy=email.policy.default)


def _start(sink: SMTPSink, **kwargs: Any) -> Controller:
    sink.port = free_port()
    controller = Controller(sink, hostname=sink.host, port=sink.port, authenticator=sink.authenticate,
                            auth_require_tls=False, **kwargs)
    controller.start()
    return controller


@pytest.fixture(autouse=True)
def _no_proxy_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests talk to 127.0.0.1 alone: a proxy in the environment (HTTP_PROXY and the rest, which the
    fetcher and the webhooks honour) would take their requests elsewhere (a CI box behind one)."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _no_size_heard_before() -> None:
    """No mail server's SIZE from an earlier test (`notify.smtp.ANNOUNCED`, by host and port: a
    port is sometimes given again) plans this test's emails."""
    if (smtp := sys.modules.get("monitor.notify.smtp")) is not None:
        smtp.ANNOUNCED.clear()


@pytest.fixture(autouse=True, scope="session")
def _own_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tables and parsed configs cached in the session's own directory (subprocesses inherit
    it), not the user's ~/.cache/monitor: a run writes ~400 configs, whose cached parses
    would push out those of the configs the user and the benchmarks run."""
    import os

    before = os.environ.get("MONITOR_CACHE_DIR")
    os.environ["MONITOR_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("MONITOR_CACHE_DIR", None)
    else:
        os.environ["MONITOR_CACHE_DIR"] = before


@pytest.fixture
def smtp_server() -> Iterator[SMTPSink]:
    sink = SMTPSink()
    controller = _start(sink)
    yield sink
    controller.stop()


@pytest.fixture(scope="session")
def tls_cert(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if not shutil.which("openssl"):
        pytest.skip("openssl command not available to make a test certificate")
    d = tmp_path_factory.mktemp("tls")
    cert, key = d / "cert.pem", d / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


@pytest.fixture
def smtp_tls_server(tls_cert: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A factory: smtp_tls_server("starttls") or smtp_tls_server("ssl") → a running SMTPSink."""
    cert, key = tls_cert
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    controllers: list[Controller] = []

    def start(mode: str) -> SMTPSink:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        sink = SMTPSink()
        kwargs = {"ssl_context": context} if mode == "ssl" else {"tls_context": context, "require_starttls": True}
        controllers.append(_start(sink, **kwargs))
        return sink

    yield start
    for c in controllers:
        c.stop()


@pytest.fixture
def unused_port() -> int:
    return free_port()


# ---------------------------------------------------------------- webhook receiver

@dataclass
class Received:
    """One request the receiver got."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # keys lower-cased
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


class WebhookReceiver:
    """Records requests; answers 200 with `reply_body` unless told to fail the next N."""

    def __init__(self) -> None:
        self.requests: list[Received] = []
        self.reply_body = b'{"ok": true}'
        self._failures: list[tuple[int, dict[str, str]]] = []
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def fail(self, n: int, status: int = 500, headers: dict[str, str] | None = None) -> None:
        """Answer `status` (with `headers`) to the next `n` requests."""
        with self._lock:
            self._failures += [(status, headers or {})] * n

    def _answer(self, received: Received) -> tuple[int, dict[str, str], bytes]:
        with self._lock:
            self.requests.append(received)
            if self._failures:
                status, headers = self._failures.pop(0)
                return status, headers, b'{"error": "planned failure"}'
        return 200, {"Content-Type": "application/json"}, self.reply_body

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                parts = urlsplit(self.path)
                received = Received(self.command, parts.path, parse_qs(parts.query),
                                    {k.lower(): v for k, v in self.headers.items()}, body)
                status, headers, reply = receiver._answer(received)
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            do_PUT = do_GET = do_POST

            def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
                pass

        return Handler


@pytest.fixture
def webhook_receiver() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver()
    receiver.thread.start()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


# ---------------------------------------------------------------- digest data

TOPICS = ("沪明对口合作", "文旅协作")


def make_story(story_id: int, title: str, published: datetime | None, topics: tuple[str, ...], snippet: str,
               terms: tuple[str, ...] = (), source: str = "三明日报", reposts: tuple[Repost, ...] = (),
               url: str | None = None) -> Story:
    """A Story whose hits name `terms` (body hits: offsets are not used for snippets)."""
    hits = tuple(Hit(term=t, field="body", start=0, end=len(t), rule="test") for t in terms)
    return Story(story_id=story_id, article_id=story_id * 10, title=title,
                 url=url or f"https://www.smrb.example.cn/news/2026-11/{story_id}.html", source=source,
                 published=published, topics=topics, snippet=snippet, hits=hits, reposts=reposts)


def _stories() -> tuple[Story, ...]:
    return (
        make_story(101, "三明与上海签署新一轮对口合作框架协议", datetime(2026, 11, 26, 1, 30, tzinfo=UTC),
                   ("沪明对口合作",), "11月25日，上海市与三明市在沪签署新一轮对口合作框架协议，双方将在产业、科技等领域深化合作。",
                   terms=("三明", "对口合作"),
                   reposts=(Repost(1011, "东南网", "https://www.fjsen.example.com/2026-11/26/c_1.htm", "沪明签署对口合作协议", None),
                            Repost(1012, "福建日报", "https://fjrb.example.cn/2026/1126/2.html", "沪明深化合作", None))),
        make_story(102, "上海游客专列抵达三明 <沙县小吃> 引热议 & 点赞", datetime(2026, 11, 25, 23, 0, tzinfo=UTC),
                   ("文旅协作", "沪明对口合作"), "首趟“上海—三明”旅游专列抵达沙县，游客品尝沙县小吃。",
                   terms=("旅游专列", "沙县小吃", "不在摘要里"), source="东南网"),
        make_story(103, "沪明合作共建产业园新进展", datetime(2026, 11, 25, 2, 0, tzinfo=UTC),
                   ("沪明对口合作",), "上海三明合作共建产业园新签约项目12个。", terms=("产业园",), source="新华网福建频道"),
        make_story(104, "三明文旅推介会在上海举行", None, ("文旅协作",),
                   "三明文旅推介会在上海举行，推介“中国绿都·最氧三明”品牌。", terms=("推介会", "三明")),
    )


@pytest.fixture
def sample_digest() -> Digest:
    return Digest(subscriber="press", generated_at=datetime(2026, 11, 26, 0, 0, tzinfo=UTC),
                  since=datetime(2026, 11, 25, 0, 0, tzinfo=UTC), topics=TOPICS, stories=_stories())


@pytest.fixture
def empty_digest() -> Digest:
    return Digest(subscriber="press", generated_at=datetime(2026, 11, 26, 0, 0, tzinfo=UTC),
                  since=datetime(2026, 11, 25, 0, 0, tzinfo=UTC), topics=TOPICS, stories=())


@pytest.fixture
def ctx(request, tmp_path):
    """A pipeline Context on a fresh store in `tmp_path`, configured by the test module's
    CONFIG text (a module with its own `ctx` fixture keeps that one)."""
    from monitor import config
    from monitor.pipeline import Context
    from monitor.store import Store

    path = tmp_path / "monitor.toml"
    path.write_text(request.module.CONFIG, encoding="utf-8")
    store = Store.open(tmp_path / "m.db")
    yield Context(config.load(path, tmp_path / "m.db"), store)
    store.close()


@pytest.fixture(scope="module")
def hu_ming() -> Any:
    """The bundled hu-ming topic, compiled once per test module (the match tests' subject)."""
    from monitor import match

    return match.load_topics(match.default_topics_path())["hu-ming"]
