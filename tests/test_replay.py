"""Replay server: real HTTP requests to 127.0.0.1, and the integrity of the replayed sites."""

from __future__ import annotations

import re
import socket
import tomllib
from importlib.resources import files
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import httpx
import pytest
from protego import Protego
from selectolax.lexbor import LexborHTMLParser

from monitor.replay import ReplayServer, bundled_root

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sites"


@pytest.fixture
def site(tmp_path: Path):
    """A tiny site with a GBK page carrying the placeholder, and a header override."""
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "gbk.html").write_bytes('<a href="{{BASE}}/news/x.html">沪明合作</a>'.encode("gbk"))
    (tmp_path / "news" / "plain.html").write_text("<p>上海与三明</p>", encoding="utf-8")
    (tmp_path / "blob.bin").write_bytes(b"{{BASE}}\x00\xff")
    (tmp_path / "index.html").write_text("root index", encoding="utf-8")
    (tmp_path / "_headers.toml").write_text(
        '"/news/*" = { "Content-Type" = "text/html; charset=gb2312", "X-Glob" = "yes" }\n'
        '"/news/plain.html" = { "Content-Type" = "text/html; charset=utf-8" }\n'
        '"/*" = { "Last-Modified" = "Wed, 18 Nov 2026 02:00:00 GMT" }\n', encoding="utf-8")
    with ReplayServer(tmp_path) as server:
        yield server


def get(server: ReplayServer, path: str, **headers: str) -> httpx.Response:
    return httpx.get(server.url(path), headers=headers, timeout=5)


def test_binds_an_ephemeral_port_on_loopback(site):
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", site.base_url)
    assert get(site, "/").text == "root index"  # a directory answers with its index.html


def test_placeholder_is_replaced_on_bytes_and_gbk_survives(site):
    resp = get(site, "/news/gbk.html")
    expected = f'<a href="{site.base_url}/news/x.html">沪明合作</a>'.encode("gbk")
    assert resp.content == expected
    assert b"{{BASE}}" not in resp.content


def test_binary_files_are_served_untouched(site):
    assert get(site, "/blob.bin").content == b"{{BASE}}\x00\xff"
    assert get(site, "/blob.bin").headers["content-type"] == "application/octet-stream"


def test_headers_toml_overrides_with_exact_paths_beating_globs(site):
    gbk = get(site, "/news/gbk.html").headers
    plain = get(site, "/news/plain.html").headers
    assert gbk["content-type"] == "text/html; charset=gb2312" and gbk["x-glob"] == "yes"
    assert plain["content-type"] == "text/html; charset=utf-8" and plain["x-glob"] == "yes"
    assert get(site, "/").headers["content-type"] == "text/html"  # default: no charset
    assert get(site, "/").headers["last-modified"] == "Wed, 18 Nov 2026 02:00:00 GMT"


def test_conditional_get(site):
    first = get(site, "/news/gbk.html")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = get(site, "/news/gbk.html", **{"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert get(site, "/news/gbk.html", **{"If-None-Match": '"other"'}).status_code == 200
    assert get(site, "/news/gbk.html", **{"If-Modified-Since": modified}).status_code == 304
    earlier = "Tue, 17 Nov 2026 02:00:00 GMT"
    assert get(site, "/news/gbk.html", **{"If-Modified-Since": earlier}).status_code == 200
    # If-None-Match wins over If-Modified-Since (RFC 9110).
    both = {"If-None-Match": '"other"', "If-Modified-Since": modified}
    assert get(site, "/news/gbk.html", **both).status_code == 200


def test_set_status_for_a_number_of_times_then_normal(site):
    site.set_status("/news/plain.html", 503, times=2, headers={"Retry-After": "7"})
    codes = [get(site, "/news/plain.html") for _ in range(3)]
    assert [r.status_code for r in codes] == [503, 503, 200]
    assert codes[0].headers["retry-after"] == "7"


def test_set_status_always_until_cleared(site):
    site.set_status("/news/plain.html", 500)
    assert {get(site, "/news/plain.html").status_code for _ in range(3)} == {500}
    site.set_status("/missing.html", 200)  # even a missing path can be forced
    assert get(site, "/missing.html").status_code == 200
    site.clear_status()
    assert get(site, "/news/plain.html").status_code == 200


@pytest.mark.parametrize("path", ["/nope.html", "/news/", "/_headers.toml", "/news/../_headers.toml",
                                  "/%2e%2e/etc/passwd", "/a%00b"])
def test_missing_hidden_and_escaping_paths_are_404(site, path):
    assert httpx.get(site.base_url + path, timeout=5).status_code == 404


def test_request_log_keeps_method_path_and_headers(site):
    httpx.head(site.url("/news/plain.html?x=1"), headers={"User-Agent": "probe/1"}, timeout=5)
    method, path, headers = site.requests[-1]
    assert (method, path) == ("HEAD", "/news/plain.html?x=1")
    assert headers["user-agent"] == headers["User-Agent"] == "probe/1"
    assert site.paths_requested("HEAD") == ["/news/plain.html?x=1"]


def test_latency_delays_answers(tmp_path):
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    with ReplayServer(tmp_path, latency=0.2) as server:
        assert httpx.get(server.url("/a.txt"), timeout=5).elapsed.total_seconds() >= 0.2


def test_stop_releases_the_port(tmp_path):
    server = ReplayServer(tmp_path).start()
    port = int(server.base_url.rsplit(":", 1)[1])
    server.stop()
    server.stop()  # idempotent
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


# ---------------------------------------------------------------- the replayed sites themselves

@pytest.fixture(scope="module", params=["bundled", "fixtures"])
def replay(request):
    root = bundled_root() if request.param == "bundled" else FIXTURES
    with ReplayServer(root) as server:
        yield server


def robots(server: ReplayServer) -> Protego:
    resp = get(server, "/robots.txt")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/plain")
    return Protego.parse(resp.text)


def test_robots_disallows_private_for_every_agent(replay):
    rules = robots(replay)
    assert not rules.can_fetch(replay.url("/private/anything.htm"), "monitor/0.1")
    assert rules.can_fetch(replay.url("/robots.txt"), "monitor/0.1")


def links_on(server: ReplayServer, path: str, selector: str) -> list[str]:
    resp = get(server, path)
    charset = resp.headers["content-type"].partition("charset=")[2] or "utf-8"
    tree = LexborHTMLParser(resp.content.decode("gb18030" if charset.startswith("gb") else charset))
    return [urljoin(server.url(path), a.attributes["href"]) for a in tree.css(selector)]


def feed_links(server: ReplayServer, path: str) -> list[str]:
    return [entry.link for entry in feedparser.parse(get(server, path).content).entries]


def demo_sources() -> list[tuple[str, str, str | None]]:
    raw = tomllib.loads((files("monitor") / "data" / "demo.toml").read_text(encoding="utf-8"))
    return [(s["kind"], s["url"].replace("{{BASE}}", ""), s.get("link_selector")) for s in raw["sources"]
            if s["kind"] in ("feed", "html")]


def test_every_demo_link_is_served_or_forbidden_by_robots():
    with ReplayServer(bundled_root()) as server:
        rules, urls = robots(server), []
        for kind, path, selector in demo_sources():
            urls += feed_links(server, path) if kind == "feed" else links_on(server, path, selector)
        assert len(urls) == 14 and len(set(urls)) == 14
        forbidden = [u for u in urls if not rules.can_fetch(u, "monitor/0.1")]
        assert [u.removeprefix(server.base_url) for u in forbidden] == ["/private/sanming-gov/t20261117_123450.htm"]
        assert all(httpx.get(u, timeout=5).status_code == 200 for u in urls)


def test_demo_charsets_are_as_the_readme_promises():
    with ReplayServer(bundled_root()) as server:
        gov = get(server, "/sanming-gov/202611/t20261118_123456.htm")
        assert gov.headers["content-type"] == "text/html; charset=gb2312"
        assert "人才飞地" in gov.content.decode("gb18030")
        liar = get(server, "/sanming-gov/202611/t20261121_123459.htm")
        assert liar.headers["content-type"] == "text/html; charset=gb2312" and b"charset=gb2312" in liar.content
        with pytest.raises(UnicodeDecodeError):
            liar.content.decode("gb18030")  # a strict decode fails, so a fallback to UTF-8 can notice
        assert "三明优质农产品" in liar.content.decode("utf-8")
        big5 = get(server, "/hk-mirror/news/2026/11/22/a0131.htm")
        assert big5.headers["content-type"] == "text/html; charset=big5"
        assert "結對" in big5.content.decode("big5")
        assert "深水埗" in get(server, "/hk-mirror/news/2026/11/23/a0140.htm").content.decode("big5hkscs")


def test_fixture_pages_listed_in_readme_exist():
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    paths = re.findall(r"`(/[\w./-]+\.(?:html|htm|shtml|xml))`", readme)
    assert len(paths) >= 12
    with ReplayServer(FIXTURES) as server:
        assert [p for p in paths if get(server, p).status_code != 200] == []
        liar = get(server, "/gbk/t20261123_700001.htm").content
        with pytest.raises(UnicodeDecodeError):
            liar.decode("gb18030")
        with pytest.raises(UnicodeDecodeError):
            get(server, "/garbage/junk.html").content.decode("utf-8")


def test_demo_sitemap_api_and_search_sources_list_served_pages(tmp_path):
    import monitor.cli  # noqa: F401  (the commands register through the CLI module)
    from monitor import config
    from monitor.commands.demo import demo_config
    from monitor.fetch import Fetcher
    from monitor.pipeline.listing import blocking_listing

    with ReplayServer(bundled_root()) as server:
        cfg = config.load(demo_config(server.base_url, tmp_path), tmp_path / "d.db")
        found = {}
        with Fetcher(cfg.fetch) as fetcher:
            for name in ("shanghai-hzb", "sm-zwgk-api", "bing-hu-ming"):
                found[name] = [c.url.removeprefix(server.base_url) for c in blocking_listing(fetcher, cfg.source(name)).candidates]
        assert found == {
            "shanghai-hzb": ["/shanghai-hzb/dkhz/2026/hzb_1202_02.html", "/shanghai-hzb/dkhz/2026/hzb_1202_01.html",
                             "/shanghai-hzb/dkhz/2026/hzb_1201_01.html"],
            "sm-zwgk-api": ["/sm-zwgk/content/zwgk_8801.htm", "/sm-zwgk/content/zwgk_8795.htm",
                            "/sm-zwgk/content/zwgk_8790.htm"],
            "bing-hu-ming": ["/xinmin-sh/html/xm_202612_0051.html", "/wenhui-sh/2026/wh_1203_017.html",
                             "/wenhui-sh/2026/wh_1202_031.html"]}
        asked = server.paths_requested()
        assert "/shanghai-hzb/sitemap_2019.xml" not in asked and not [p for p in asked if "/2019/" in p or "/2020/" in p]
        assert [p for p in asked if p.startswith("/sm-zwgk/api/")] == ["/sm-zwgk/api/list_1.json", "/sm-zwgk/api/list_2.json"]
        assert all(get(server, p).status_code == 200 for urls in found.values() for p in urls)
def test_the_replay_server_sends_without_nagle_delay():
    import socket

    from monitor.replay import _QuietServer

    server = _QuietServer(("127.0.0.1", 0), object)  # type: ignore[arg-type]
    client = socket.create_connection(server.server_address[:2])
    accepted, _ = server.get_request()
    assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    for s in (accepted, client):
        s.close()
    server.server_close()
