"""Fetch: politeness, conditional GET, retries, limits and decoding, against a real local server."""

from __future__ import annotations

import pytest

from monitor.config import FetchConfig
from monitor.errors import FetchError
from monitor.fetch import Fetcher
from monitor.replay import ReplayServer

PAGE_UTF8 = "<html><head><meta charset='gb2312'><title>沪明合作</title></head><body><p>上海与三明</p></body></html>"


@pytest.fixture
def site(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.html").write_bytes(PAGE_UTF8.encode("utf-8"))  # lies: says gb2312
    (tmp_path / "news" / "gbk.html").write_bytes("<html><body><p>滬明對口合作 三明市</p></body></html>".encode("gb18030"))
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "x.html").write_text("secret", encoding="utf-8")
    (tmp_path / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", encoding="utf-8")
    (tmp_path / "big.html").write_bytes(b"<p>" + b"x" * 50_000 + b"</p>")
    (tmp_path / "_headers.toml").write_text('"/news/gbk.html" = {"Content-Type" = "text/html; charset=gbk"}\n',
                                            encoding="utf-8")
    with ReplayServer(tmp_path) as server:
        yield server


@pytest.fixture
def fetcher():
    slept: list[float] = []
    with Fetcher(FetchConfig(min_delay=0.0, retries=2, max_bytes=20_000), sleep=slept.append) as f:
        f.slept = slept
        yield f


def test_lying_charset_is_decoded_as_utf8(site, fetcher):
    resp = fetcher.get(site.url("/news/a.html"))
    assert "上海与三明" in resp.text and "\ufffd" not in resp.text


def test_gbk_page_decodes_with_gb18030(site, fetcher):
    assert "滬明對口合作" in fetcher.get(site.url("/news/gbk.html")).text


def test_robots_disallow_is_a_fetch_error(site, fetcher):
    with pytest.raises(FetchError, match=r"robots\.txt"):
        fetcher.get(site.url("/private/x.html"))
    assert "/private/x.html" not in site.paths_requested()


def test_conditional_get_gives_not_modified(site, fetcher):
    first = fetcher.get(site.url("/news/a.html"))
    again = fetcher.get(site.url("/news/a.html"), etag=first.headers["etag"])
    assert again.not_modified and again.status == 304


def test_transient_500_is_retried_then_succeeds(site, fetcher):
    site.set_status("/news/a.html", 503, times=2, headers={"Retry-After": "3"})
    resp = fetcher.get(site.url("/news/a.html"))
    assert resp.status == 200
    assert site.paths_requested().count("/news/a.html") == 3
    assert fetcher.slept.count(3.0) == 2  # Retry-After honoured


def test_404_is_not_retried(site, fetcher):
    with pytest.raises(FetchError, match="HTTP 404") as err:
        fetcher.get(site.url("/nope.html"))
    assert "check the source URL" in str(err.value) and err.value.status == 404
    assert site.paths_requested().count("/nope.html") == 1


def test_size_cap(site, fetcher):
    with pytest.raises(FetchError, match="max_bytes"):
        fetcher.get(site.url("/big.html"))


def test_refused_connection_is_one_line(fetcher):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError) as err:
        fetcher.get(f"http://127.0.0.1:{port}/x", check_robots=False)
    assert "connection refused" in str(err.value) and "\n" not in str(err.value)


def test_per_host_delay_is_enforced(site):
    slept: list[float] = []
    with Fetcher(FetchConfig(min_delay=5.0), sleep=slept.append) as f:
        f.get(site.url("/news/a.html"), check_robots=False)
        f.get(site.url("/news/a.html"), check_robots=False)
    assert slept and 4.0 < slept[-1] <= 5.0
