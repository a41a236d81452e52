"""`monitor serve` started before the archive exists (the compose file starts the pages beside the
daemon, which makes the database at its first write; or a mistyped --db). Before, serve made an
empty database, and its directories, and showed an empty archive: a mistyped path looked like a
monitor that had found nothing. Now it makes nothing: every page answers 503 saying the archive
is not there yet, and the pages work from the first request after a writer has made it."""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

CONFIG = '''include = ["monitor:topics/hu-ming.toml"]

[[sources]]
name = "county-news"
kind = "html"
url = "http://127.0.0.1:9/news/"
link_selector = "a.item"
'''

ARTICLE = {"url": "http://127.0.0.1:9/news/1.html", "title": "沪明两地签署文旅合作协议",
           "body": "上海市与三明市在沪签署文旅对口合作协议，双方将共建疗休养基地。\n"
                   "根据协议，三明将为上海职工开放更多疗休养线路。",
           "published": "2026-12-01T08:00:00+08:00", "source": "county-news"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, auth: str | None = None) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url)
    if auth:
        request.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read().decode("utf-8")


class Served:
    """`monitor serve` as a real process on 127.0.0.1, over the config and database given."""

    def __init__(self, cfg: Path, db: Path, extra_env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if k not in ("MONITOR_DB", "MONITOR_CONFIG", "MONITOR_WEB_AUTH")}
        env.update(extra_env or {})
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "monitor", "--config", str(cfg), "--db", str(db), "serve", "--port", str(self.port)],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env, text=True)
        self.first_line = self.proc.stderr.readline() if self.proc.stderr else ""
        deadline = time.monotonic() + 90  # a start takes 30 s at load 15
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    break
            assert self.proc.poll() is None, self.first_line
            time.sleep(0.05)
        else:
            raise AssertionError("serve did not listen")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(60)


@pytest.fixture
def setup(tmp_path: Path):
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(CONFIG, encoding="utf-8")
    return cfg, tmp_path / "data" / "monitor.db"


def write_archive(cfg: Path, db: Path) -> None:
    """A real writer makes the database: `monitor import` of one article on the topic."""
    lines = json.dumps(ARTICLE, ensure_ascii=False) + "\n"
    done = subprocess.run([sys.executable, "-m", "monitor", "--config", str(cfg), "--db", str(db), "import", "-"],
                          input=lines, capture_output=True, text=True, timeout=120,
                          env={k: v for k, v in os.environ.items() if k not in ("MONITOR_DB", "MONITOR_CONFIG")})
    assert done.returncode == 0, done.stderr


def test_serve_before_the_archive_exists_makes_nothing_and_says_so(setup):
    cfg, db = setup
    served = Served(cfg, db)
    try:
        assert served.first_line.startswith(f"no database at {db} yet") and "503" in served.first_line
        status, headers, page = get(served.url("/search?q=" + urllib.parse.quote("沪明")))
        assert status == 503 and headers.get("retry-after") == "60"
        assert "not been made yet" in page and "<html" in page.lower()
        status, _, text = get(served.url("/search.atom"))
        assert status == 503 and "not been made yet" in text
        for path in ("/sources", "/topic/hu-ming", "/story/1", "/topic/hu-ming.atom"):
            assert get(served.url(path))[0] == 503, path
        assert not db.exists() and not db.parent.exists()  # nothing made: no file, no directory
    finally:
        served.stop()
    assert not db.parent.exists()


def test_the_pages_work_once_a_writer_has_made_the_archive(setup):
    cfg, db = setup
    served = Served(cfg, db)
    try:
        assert get(served.url("/search"))[0] == 503
        write_archive(cfg, db)
        status, _, page = get(served.url("/search?q=" + urllib.parse.quote("沪明")))
        assert status == 200 and "两地签署文旅合作协议" in page
        assert get(served.url("/sources"))[0] == 200
        status, _, feed = get(served.url("/topic/hu-ming.atom"))
        assert status == 200 and "沪明两地签署文旅合作协议" in feed
    finally:
        served.stop()


def test_the_waiting_page_is_behind_the_password_too(setup):
    cfg, db = setup
    served = Served(cfg, db, {"MONITOR_WEB_AUTH": "office:secret"})
    try:
        assert get(served.url("/search"))[0] == 401
        assert get(served.url("/search"), auth="office:secret")[0] == 503
    finally:
        served.stop()
    assert not db.parent.exists()


def test_serve_of_an_existing_archive_starts_as_before(setup):
    cfg, db = setup
    write_archive(cfg, db)
    served = Served(cfg, db)
    try:
        assert served.first_line.startswith(f"serving {db} at http://127.0.0.1:{served.port}/search")
        status, _, page = get(served.url("/search?q=" + urllib.parse.quote("滬明")))
        assert status == 200 and "两地签署文旅合作协议" in page
    finally:
        served.stop()
