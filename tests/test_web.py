"""`monitor serve`: the pages over the demo database, through a real server on 127.0.0.1 and
through headless Chromium (Debian's `chromium`, installed by the project's set-up)."""

from __future__ import annotations

import base64
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from datetime import datetime, timezone
from html import unescape
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
import uvicorn
from click.testing import CliRunner

from monitor import config as config_mod
from monitor.cli import main
from monitor.models import Article
from monitor.pipeline.base import Context
from monitor.store import Store
from monitor.web import create_app

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
HOSTILE = "<script>document.body.setAttribute('data-pwned','1')</script>沪明"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    """A real uvicorn server for an app, on a free port of 127.0.0.1, in a thread."""

    def __init__(self, app) -> None:
        self.port = _free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Served:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo database (the bundled replay polled through the pipeline) plus a hostile title."""
    work = tmp_path_factory.mktemp("web")
    result = CliRunner().invoke(main, ["demo", "--dir", str(work)])
    assert result.exit_code == 0, result.output
    cfg = config_mod.load(work / "demo.toml", work / "demo.db")
    store = Store.open(cfg.db_path)
    art = Article(url="http://evil.example/1", title=HOSTILE, paragraphs=("沪明合作<b>粗体</b>与<img src=x onerror=alert(1)>。",))
    store.add_article(art, source="evil", canonical_url=art.url, content_hash="evil", story_id=None, band_keys=[])
    yield Context(cfg, store)
    store.close()


@pytest.fixture(scope="module")
def site(demo):
    with Served(create_app(demo, auth="")) as served:
        yield served


def get(site, path: str, **kw) -> httpx.Response:
    return httpx.get(site.url(path), timeout=20, **kw)


def test_search_page_folds_reposts_and_marks_terms(site):
    page = get(site, "/search?q=" + quote("滬明"))
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert "<mark>滬明</mark>" in html and "<mark>沪明</mark>" in html  # one query, both scripts
    assert "<mark>沪明</mark>临港产业园新增12家入驻企业" in html and "+1 outlet<" in html
    assert html.count('class="result"') == len(set(re.findall(r'href="/story/(\d+)', html)))  # one row per story
    assert "三明治" not in html.split("</form>")[1]  # the decoy stories stay out


def test_search_is_bookmarkable_with_filters_and_pages(site, demo):
    html = get(site, "/search?q=" + quote("三明") + "&source=sanming-gov&sort=relevance").text
    sources = re.findall(r'<div class="meta">\s*(\S+) ·', html)
    assert sources and set(sources) == {"sanming-gov"}
    stories = demo.store.conn.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone()[0]
    first = get(site, "/search").text
    assert first.count('class="result"') == min(20, stories) and ('rel="next"' in first) == (stories > 20)
    if stories > 20:
        second = get(site, "/search?page=2").text
        assert second.count('class="result"') == min(20, stories - 20) and 'rel="prev"' in second
    assert get(site, "/search?q=" + quote('三明 "对口')).status_code == 400
    assert "unclosed quote at character 4" in get(site, "/search?q=" + quote('三明 "对口')).text


@pytest.mark.parametrize("path", ["/search?q=上海&page=99999999999999999999", "/topic/hu-ming?page=99999999999999999999",
                                  "/search?since=0001-01-01", "/search?until=9999-12-31", "/search?since=999999999d",
                                  "/search.atom?until=99999999999d", "/story/" + "9" * 40,
                                  "/search?q=" + "(" * 5_000 + "上海" + ")" * 5_000])
def test_out_of_range_parameters_are_answers_not_server_errors(site, path):
    """Numbers and dates past what a datetime or a SQLite integer holds: an empty page, a 400 or a
    404, never a 500 (each was one: OverflowError from SQLite, from the date arithmetic, from a
    chunk size, or RecursionError from the query parser)."""
    assert get(site, path).status_code in (200, 400, 404)


def test_story_page_lists_every_outlet_with_why_it_matched(site):
    html = get(site, "/search?q=" + quote("人才飞地")).text
    story = re.search(r'href="(/story/\d+)[^"]*"', html).group(1)
    page = get(site, story + "?q=" + quote("人才飞地")).text
    assert page.count('class="version"') == 2 and "sanming-gov" in page and "fjsen-sm" in page
    assert "matched <a href=\"/topic/hu-ming\">hu-ming</a>" in page and "<mark>人才飞地</mark>" in page
    assert get(site, "/story/999999").status_code == 404


def test_topic_page_chart_feeds_and_sources(site):
    page = get(site, "/topic/hu-ming?weeks=104").text
    assert "<svg" in page and "<rect" in page and "stories per week per source" in page
    feed = get(site, "/topic/hu-ming.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml") and feed.text.count("<entry>") >= 5
    search_feed = get(site, "/search.atom?q=" + quote("滬明"))
    assert "沪明临港产业园" in search_feed.text and "Also reported by: &lt;a href=" in search_feed.text
    assert "&gt;fjsen-sm&lt;/a&gt;" in search_feed.text
    sources = get(site, "/sources").text
    for name in ("sanming-gov", "fjsen-sm", "chinanews-fj", "hk-mirror"):
        assert name in sources
    assert get(site, "/topic/nope").status_code == 404


def test_every_scraped_string_is_escaped(site):
    html = get(site, "/search?q=" + quote("沪明合作")).text + get(site, "/search?source=evil").text
    assert "<script>document" not in html and "&lt;script&gt;document" in html
    assert "<img src=x" not in html and "<b>粗体" not in html


def test_basic_auth_from_the_environment(demo, monkeypatch):
    monkeypatch.setenv("MONITOR_WEB_AUTH", "desk:s3cret")
    with Served(create_app(demo)) as served:
        assert get(served, "/search").status_code == 401
        assert get(served, "/search", auth=("desk", "wrong")).status_code == 401
        assert get(served, "/search", auth=("desk", "s3cret")).status_code == 200
        token = base64.b64encode(b"desk:s3cret").decode()
        assert get(served, "/sources", headers={"Authorization": f"Basic {token}"}).status_code == 200


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: `make browser` (run by .ci/run) installs it")
        pytest.skip("chromium is not installed here (`sudo make browser` installs it; CI always runs this)")
    return found


# Headless Chromium calls home by itself (component updates, safe browsing, field trials): a test
# must never leave 127.0.0.1, so its background networking is off and every other address goes to
# a proxy on 127.0.0.1's discard port, which answers nothing (loopback itself is never proxied).
OFFLINE = ("--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-domain-reliability", "--no-default-browser-check", "--proxy-server=http://127.0.0.1:9")


def _browser(args: list[str]) -> str:
    cmd = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--no-first-run", "--hide-scrollbars", *OFFLINE, *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=90, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def on_phone(html: str, probe: str, tmp_path, width: int = 375) -> str:
    """What `probe` (a script's body: `say(text)` reports) says of the page shown `width` px wide.
    Chromium's headless window is never narrower than 500 px: the page is read in a frame of
    `width` px, which is the page's own viewport."""
    (tmp_path / "page.html").write_text(html.replace("</body>", "<script>addEventListener('load', () => {"
                                                     " const say = t => parent.postMessage(String(t), '*');"
                                                     + probe + "});</script></body>"), encoding="utf-8")
    (tmp_path / "phone.html").write_text(
        f'<html><body style="margin:0"><iframe src="page.html" width="{width}" height="800" style="border:0">'
        '</iframe><script>addEventListener("message", e => document.body.setAttribute("data-said", e.data));'
        "</script></body></html>", encoding="utf-8")
    dom = _browser(["--window-size=800,900", "--virtual-time-budget=3000", "--dump-dom", (tmp_path / "phone.html").as_uri()])
    found = re.search(r'data-said="([^"]*)"', dom)
    assert found, dom[-2000:]
    return unescape(found.group(1))


def test_headless_chromium_searches_opens_a_story_and_shows_a_script_title_as_text(site):
    ARTIFACTS.mkdir(exist_ok=True)
    dom = _browser(["--dump-dom", site.url("/search?q=" + quote("滬明"))])
    assert "<mark>滬明</mark>" in dom and "<mark>沪明</mark>临港产业园新增12家入驻企业" in dom
    story = re.search(r'<a href="(/story/\d+)[^"]*"><mark>沪明</mark>临港产业园', dom).group(1)
    _browser(["--window-size=420,1400", f"--screenshot={ARTIFACTS / 'search-phone.png'}",
              site.url("/search?q=" + quote("滬明"))])
    page = _browser(["--dump-dom", site.url(story + "?q=" + quote("滬明"))])
    assert page.count('class="version"') == 2 and "fjsen-sm" in page and "sanming-gov" in page
    _browser(["--window-size=1200,1400", f"--screenshot={ARTIFACTS / 'story.png'}", site.url(story)])
    assert (ARTIFACTS / "search-phone.png").stat().st_size > 10000 and (ARTIFACTS / "story.png").stat().st_size > 10000

    hostile = re.search(r'<a href="(/story/\d+)[^"]*">[^<]*&lt;script', _browser(
        ["--dump-dom", site.url("/search?source=evil")])).group(1)
    shown = _browser(["--dump-dom", site.url(hostile)])
    assert 'data-pwned="1"' not in shown  # the script never ran
    assert "&lt;script&gt;document.body" in shown.split("<title>")[1].split("</title>")[0]  # shown as text


def test_digests_link_the_story_page_when_base_url_is_set(demo):
    import msgspec

    from monitor import digest
    from monitor.config.schema import Web
    from monitor.pipeline import build_digest

    cfg = msgspec.structs.replace(demo.cfg, web=Web(base_url="https://monitor.example.cn/"))
    dig = build_digest(Context(cfg, demo.store), cfg.subscribers[0], "linktest")
    assert dig.stories and all(s.page_url == f"https://monitor.example.cn/story/{s.story_id}" for s in dig.stories)
    assert f"every outlet's version: https://monitor.example.cn/story/{dig.stories[0].story_id}" in digest.render(dig)
    plain = build_digest(demo, demo.cfg.subscribers[0], "linktest")
    assert plain.stories[0].page_url is None and "every outlet" not in digest.render(plain)


def test_serve_has_help():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "--port" in result.output and "127.0.0.1" in result.output


def test_a_story_of_many_copies_is_shown_a_page_of_versions_at_a_time(tmp_path):
    """A story copied by hundreds of outlets rendered every version on one page (5,900 copies:
    17.5 MB of HTML); it shows STORY_PAGE versions a page, with the count and links between."""
    from monitor.web.app import STORY_PAGE

    cfg = config_mod.load(None, tmp_path / "m.db")
    store = Store.open(cfg.db_path)
    copies = 2 * STORY_PAGE + 3
    story = None
    for i in range(copies):
        art = Article(url=f"http://m{i}.example/a.html", title="沪明合作签约", paragraphs=(f"上海与三明签约，第{i}份转载。",))
        story = store.add_article(art, source=f"m{i}", canonical_url=art.url, content_hash=f"c{i}",
                                  story_id=story, band_keys=[])[1]
    with Served(create_app(Context(cfg, store), auth="")) as served:
        first = get(served, f"/story/{story}").text
        last = get(served, f"/story/{story}?page=3&q=" + quote("三明")).text
        beyond = get(served, f"/story/{story}?page=99").text
    store.close()
    assert first.count('class="version"') == STORY_PAGE and f"{copies} outlet versions" in first
    assert "第0份转载" in first and f"第{STORY_PAGE}份转载" not in first and 'rel="next"' in first
    assert f'href="/story/{story}?page=2"' in first and 'rel="prev"' not in first
    assert last.count('class="version"') == 3 and f"第{copies - 1}份转载" in last and 'rel="next"' not in last
    assert f'href="/story/{story}?q=%E4%B8%89%E6%98%8E&amp;page=2"' in last and "<mark>三明</mark>" in last
    assert beyond.count('class="version"') == 3  # past the last page: the last page


def test_the_coverage_chart_keeps_a_slot_for_every_week_of_the_period():
    """A week without stories is a gap, not left out (two busy weeks a fortnight apart read as
    adjacent before); an article dated in the future draws no bar of its own."""
    from monitor.web.app import week_starts
    from monitor.web.chart import LEFT, WIDTH, coverage_svg

    starts = week_starts(datetime(2026, 12, 3).date(), 3)  # a Thursday
    assert starts == ["2026-11-16", "2026-11-23", "2026-11-30"]
    svg = coverage_svg([("2026-11-16", "a", 3), ("2026-11-30", "b", 2), ("2030-01-07", "a", 9)], starts)
    assert re.findall(r'class="axis">([^<]+)<', svg)[1:] == ["11-16", "11-23", "11-30"]
    xs = [float(x) for x in re.findall(r'<rect x="([\d.]+)"[^>]*><title>', svg)]  # bars, not the legend's keys
    step = (WIDTH - LEFT) / 3
    assert xs == pytest.approx([LEFT, LEFT + 2 * step], abs=0.1) and "2030" not in svg
    assert "No matched stories" in coverage_svg([("2030-01-07", "a", 9)], starts)


def test_coverage_weeks_start_on_a_monday_in_shanghai(tmp_path):
    """Monday 07:30 in Shanghai is Sunday 23:30 UTC: the story belongs to Monday's week."""
    cfg = tmp_path / "m.toml"
    cfg.write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    line = ('{"url": "https://sm.example.cn/w1", "title": "沪明对口合作推进会召开", "published": "2026-11-30T07:30:00+08:00", '
            '"body": "上海市与三明市对口合作推进会在三明召开，两地签署产业园区共建协议。"}\n')
    db = tmp_path / "m.db"
    assert CliRunner().invoke(main, ["--config", str(cfg), "--db", str(db), "import", "-"], input=line).exit_code == 0
    store = Store.open(db)
    try:
        assert store.coverage("hu-ming", datetime(2026, 11, 1, tzinfo=timezone.utc)) == [("2026-11-30", "sm.example.cn", 1)]
    finally:
        store.close()


def test_an_address_that_is_no_web_page_is_shown_but_never_linked(tmp_path):
    """A store may hold a `javascript:` or `data:` address (imported before imports refused
    them): search, story page and feed show the text and link none of them."""
    import feedparser

    cfg = config_mod.load(None, tmp_path / "m.db")
    store = Store.open(cfg.db_path)
    for i, url in enumerate(["javascript:alert(document.cookie)", "data:text/html,<b>x</b>", "https://ok.example.cn/1"]):
        art = Article(url=url, title=f"沪明合作签约{i}", paragraphs=(f"上海与三明签约，第{i}份。",))
        store.add_article(art, source="s", canonical_url=url, content_hash=f"h{i}", story_id=None, band_keys=[])
    with Served(create_app(Context(cfg, store), auth="")) as served:
        found = get(served, "/search?q=" + quote("沪明")).text
        stories = re.findall(r'href="(/story/\d+)', found)
        pages = [get(served, s).text for s in stories]
        feed = get(served, "/search.atom?q=" + quote("沪明")).text
    store.close()
    assert len(stories) == 3 and "https://ok.example.cn/1" in found
    for html in [found, *pages]:
        assert 'href="javascript:' not in html and 'href="data:' not in html
    assert any("javascript:alert(document.cookie)" in p for p in pages)  # shown as text
    links = [e.get("link") for e in feedparser.parse(feed.encode()).entries]
    assert "https://ok.example.cn/1" in links and not any(str(x).startswith(("javascript", "data")) for x in links)
