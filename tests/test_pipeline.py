"""End to end: fixture sites on 127.0.0.1 → poll → store → search → digest, and failure paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SITE_SOURCES

from monitor import config
from monitor.fetch import Fetcher
from monitor.pipeline import Context, poll, rematch, search, send_digests
from monitor.replay import ReplayServer
from monitor.store import Store

SITES = Path(__file__).parent / "fixtures" / "sites"

CONFIG = SITE_SOURCES + """[[sources]]
name = "garbage"
kind = "html"
url = "{base}/garbage/list.html"
link_selector = "ul.news a"
[[sources]]
name = "down"
kind = "feed"
url = "http://127.0.0.1:{dead}/rss.xml"
[[subscribers]]
name = "desk"
topics = ["hu-ming"]
[[subscribers.channels]]
kind = "file"
path = "{out}/{{subscriber}}.txt"
"""


def dead_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def site():
    with ReplayServer(SITES) as server:
        yield server


@pytest.fixture
def ctx(site, tmp_path):
    path = tmp_path / "monitor.toml"
    path.write_text(CONFIG.format(base=site.base_url, dead=dead_port(), out=tmp_path.as_posix()), encoding="utf-8")
    cfg = config.load(path, tmp_path / "m.db")
    store = Store.open(cfg.db_path)
    with Fetcher(cfg.fetch) as fetcher:
        yield Context(cfg, store, fetcher)
    store.close()


def titles(rows) -> set[str]:
    return {r["title"] for r in rows}


def test_poll_stores_matches_folds_and_survives_failures(ctx, site, tmp_path):
    reports = {r.source: r for r in poll(ctx)}
    assert (reports["feed"].status, reports["feed"].new, reports["feed"].matched) == ("ok", 3, 2)
    assert (reports["gbk"].new, reports["gbk"].matched, reports["gbk"].skipped) == (2, 1, 1)
    assert reports["gbk"].status == "ok"
    assert (reports["repost"].new, reports["repost"].matched) == (1, 1)
    assert reports["garbage"].status == "partial" and reports["garbage"].new == 0
    assert reports["down"].status == "error" and "connection refused" in reports["down"].errors[0]
    assert "/private/gbk/t20261122_700000.htm" not in site.paths_requested()

    stats = ctx.store.stats()
    assert (stats["articles"], stats["stories"]) == (6, 5)  # the repost joins its original's story
    state = ctx.store.source_state("down")
    assert state["error_count"] == 1 and "connection refused" in state["last_error"]

    matched = search(ctx, topic="hu-ming", limit=50, articles=True)
    assert len(matched) == 4 and not any("三明治" in r["title"] for r in matched)
    assert len(titles(matched)) == 3  # the repost carries its original's headline
    stories = search(ctx, topic="hu-ming", limit=50)  # one row per story, the repost under its original
    assert len(stories) == 3 and sum(len(r["reposts"]) for r in stories) == 1
    assert titles(search(ctx, "三明治")) == {"鸡蛋三明治成上海写字楼早餐新宠 便利店早高峰销量翻番"}
    traditional = search(ctx, "沪明劳务协作")
    assert len(traditional) == 1 and "滬" in traditional[0]["title"]
    assert titles(search(ctx, "碳票")) == {"三明林业碳票在上海完成首笔跨区域交易"}
    assert {r["source"] for r in search(ctx, "碳票", articles=True)} == {"gbk", "repost"}
    (story,) = search(ctx, "碳票")
    assert story["source"] == "gbk" and [p["source"] for p in story["reposts"]] == ["repost"]

    results = send_digests(ctx)
    assert [(r.status, r.stories) for r in results] == [("sent", 3)]
    text = (tmp_path / "desk.txt").read_text(encoding="utf-8")
    assert text.count("碳票在上海完成首笔跨区域交易") >= 1 and "三明治" not in text
    assert [r.status for r in send_digests(ctx)] == ["empty"]


def test_second_poll_uses_conditional_get_and_stores_nothing_twice(ctx, site):
    poll(ctx, ["feed", "gbk"])
    before = len(site.paths_requested())
    again = {r.source: r for r in poll(ctx, ["feed", "gbk"])}
    assert again["feed"].status == "not_modified" and again["gbk"].status == "not_modified"
    assert len(site.paths_requested()) - before == 2  # the two listings, answered 304
    assert ctx.store.stats()["articles"] == 5


def test_failed_article_is_retried_next_poll(ctx, site):
    site.set_status("/feed/2026/11-24/2002.shtml", 500)
    first = poll(ctx, ["feed"])[0]
    assert first.status == "partial" and first.new == 2 and "HTTP 500" in first.errors[0]
    site.clear_status()
    second = poll(ctx, ["feed"])[0]
    assert second.status == "ok" and second.new == 1  # listing fetched again, not 304


def test_a_failed_link_is_forgotten_once_it_goes_through_and_no_other_link_is_looked_up(ctx, site):
    """The listing's one look-up says which links have failed before: a fetched article costs
    no statement on `link_failures` unless its link is one of them (was a read per article)."""
    statements: list[str] = []
    ctx.store.conn.set_trace_callback(statements.append)
    site.set_status("/feed/2026/11-24/2002.shtml", 500)
    first = poll(ctx, ["feed"])[0]
    reads = [s for s in statements if "link_failures" in s and s.lstrip().upper().startswith("SELECT")]
    assert len(reads) == 2, reads  # the listing's, and the failing link's attempts so far
    assert first.new == 2 and [f["attempts"] for f in ctx.store.link_failures("feed")] == [1]
    site.clear_status()
    second = poll(ctx, ["feed"])[0]
    ctx.store.conn.set_trace_callback(None)
    assert second.new == 1 and ctx.store.link_failures("feed") == []


def test_rematch_after_rule_change_reaches_digests(ctx, tmp_path):
    from monitor import match

    poll(ctx, ["feed"])
    send_digests(ctx)
    assert [r.status for r in send_digests(ctx)] == ["empty"]
    # the desk decides sandwiches in Shanghai matter after all: widen hu-ming and re-run it
    rule = {"threshold": 1, "groups": {"sandwich": {"terms": ["三明治"]}},
            "rules": [{"name": "sandwich", "any": ["sandwich"], "weight": 1}]}
    ctx.cfg.topics["hu-ming"] = match.compile_topic("hu-ming", rule, where="test")
    counts = rematch(ctx, ["hu-ming"])
    assert counts == {"articles": 3, "gained": 1, "lost": 2}
    results = send_digests(ctx)
    assert [(r.status, r.stories) for r in results] == [("sent", 1)]
    assert "三明治" in (tmp_path / "desk.txt").read_text(encoding="utf-8")


def test_links_over_the_per_poll_cap_wait_for_the_next_poll(ctx):
    from msgspec.structs import replace  # config objects are msgspec Structs

    ctx.cfg = replace(ctx.cfg, fetch=replace(ctx.cfg.fetch, max_articles_per_poll=2))
    first = poll(ctx, ["feed"])[0]
    assert (first.new, first.deferred) == (2, 1)
    second = poll(ctx, ["feed"])[0]
    assert (second.status, second.new, second.deferred) == ("ok", 1, 0)  # not a 304


def test_atom_feed_lists_each_story_once(ctx):
    import feedparser

    from monitor.feeds import atom
    from monitor.pipeline import recent_stories
    from monitor.store import utcnow

    poll(ctx, ["feed", "gbk"])
    poll(ctx, ["repost"])  # sources of one cycle run at once; the original must come first here
    stories = recent_stories(ctx, "hu-ming")
    assert len(stories) == 3
    parsed = feedparser.parse(atom(stories, title="t", feed_id="urn:x", now=utcnow()).encode("utf-8"))
    assert not parsed.bozo and len(parsed.entries) == 3
    carbon = next(e for e in parsed.entries if "碳票" in e.title)
    assert "Also reported by: <a href=" in carbon.summary and ">repost</a>" in carbon.summary  # linked
    assert parsed.entries[0].title == "上海名校长工作室落户三明 沪明教育合作再深化"  # newest first


def test_a_link_that_keeps_failing_is_given_up(ctx, site):
    for _ in range(3):
        report = poll(ctx, ["garbage"])[0]
        assert report.status == "partial" and len(report.errors) == 1
    assert site.paths_requested().count("/garbage/junk.html") == 3
    fourth = poll(ctx, ["garbage"])[0]
    assert (fourth.status, fourth.errors, fourth.duplicates) == ("ok", [], 1)
    assert site.paths_requested().count("/garbage/junk.html") == 3
    failure = ctx.store.link_failures("garbage")[0]
    assert failure["attempts"] == 3 and "no article text" in failure["reason"]


def _one_list_source(tmp_path: Path, base_url: str) -> config.Config:
    """A config with one html source: the list page /news/list.html of the site at `base_url`."""
    cfg_path = tmp_path / "m.toml"
    cfg_path.write_text('include = ["monitor:topics/hu-ming.toml"]\n[fetch]\nmin_delay = 0\nretries = 0\n'
                        'allow_private = ["127.0.0.1"]\n'
                        f'[[sources]]\nname = "s"\nkind = "html"\nurl = "{base_url}/news/list.html"\n'
                        'link_selector = "ul.news a"\n', encoding="utf-8")
    return config.load(cfg_path, tmp_path / "m.db")


def test_downloads_are_not_fetched_again_and_gone_pages_after_three_polls(tmp_path):
    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    (root / "news" / "list.html").write_text(
        '<ul class="news"><li><a href="report.pdf">年报</a></li><li><a href="gone.html">旧闻</a></li>'
        '<li><a href="ok.html">新闻</a></li></ul>', encoding="utf-8")
    (root / "news" / "report.pdf").write_bytes(b"%PDF-1.4 not a page")
    (root / "news" / "ok.html").write_text("<html><body><h1>三明新闻</h1><p>" + "三明市召开会议，部署冬季森林防火工作。" * 3
                                           + "</p></body></html>", encoding="utf-8")
    with ReplayServer(root) as server:
        cfg = _one_list_source(tmp_path, server.base_url)
        store = Store.open(cfg.db_path)
        with Fetcher(cfg.fetch) as fetcher:
            ctx = Context(cfg, store, fetcher)
            first = poll(ctx)[0]
            assert (first.status, first.new, first.skipped, len(first.errors)) == ("partial", 1, 1, 1)
            assert "HTTP 404" in first.errors[0]
            later = [poll(ctx)[0] for _ in range(3)]  # a 404 may be a page not published yet
            assert [r.status for r in later] == ["partial", "partial", "ok"]
            assert later[-1].duplicates == 3
        assert server.paths_requested().count("/news/report.pdf") == 1
        assert server.paths_requested().count("/news/gone.html") == 3
        reasons = {r["canonical_url"].rsplit("/", 1)[1]: r["reason"] for r in store.link_failures()}
        assert reasons["report.pdf"] == "not a web page (application/pdf)"
        store.close()


def test_a_relative_byline_time_is_dated_from_the_fetch(tmp_path):
    from datetime import datetime, timedelta, timezone

    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    (root / "news" / "list.html").write_text('<ul class="news"><li><a href="a.html">新闻</a></li></ul>', encoding="utf-8")
    (root / "news" / "a.html").write_text(
        "<html><head><title>三明新闻</title></head><body><h1>三明新闻</h1><div>3小时前 来源：本网</div><div><p>"
        + "三明市召开会议，部署冬季森林防火工作。" * 3 + "</p></div><ul><li>2020-01-02 旧闻</li></ul></body></html>",
        encoding="utf-8")
    with ReplayServer(root) as server:
        cfg = _one_list_source(tmp_path, server.base_url)
        store = Store.open(cfg.db_path)
        before = datetime.now(timezone.utc)
        with Fetcher(cfg.fetch) as fetcher:
            assert poll(Context(cfg, store, fetcher))[0].new == 1
        after = datetime.now(timezone.utc)
        (row,) = store.articles_by_id([1])
        store.close()
    published = datetime.fromisoformat(row["published"])
    assert before - timedelta(hours=3, seconds=1) <= published <= after - timedelta(hours=3)


def test_an_atom_feed_stays_well_formed_whatever_a_page_held():
    """Control characters (a scraped title's \\x0b or \\x1b, a body's NUL) and noncharacters are
    not allowed in XML at all, escaped or not: one such title made the whole feed unreadable."""
    import xml.dom.minidom
    from datetime import datetime, timezone

    import feedparser

    from monitor.feeds import atom
    from monitor.models import Repost, Story

    when = datetime(2026, 12, 1, tzinfo=timezone.utc)
    story = Story(story_id=1, article_id=1, title="沪明\x0b对口\x1b合作推进会\ufffe召开", url="https://sm.example.cn/a\x7f1",
                  source="sm\x01", published=when, topics=("hu-ming",), snippet="两地签署\x00产业园区\x08共建协议。\U0001F600",
                  reposts=(Repost(2, "fj\x02", "https://fj.example.cn/b", "", when),))
    text = atom([story], title="monitor:\x0c hu-ming", feed_id="urn:x", now=when)
    xml.dom.minidom.parseString(text.encode("utf-8"))  # raises on any character XML forbids
    parsed = feedparser.parse(text.encode("utf-8"))
    assert not parsed.bozo and parsed.entries[0].title == "沪明对口合作推进会召开"
    summary = parsed.entries[0].summary
    assert "两地签署产业园区共建协议。\U0001F600" in summary and '<a href="https://fj.example.cn/b">fj</a>' in summary
