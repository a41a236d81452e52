"""Faults an RSS reader following the archive meets: `monitor feed` could not be limited to
recent stories (`--since`, as search and rematch take it), and no feed said where it lives
(`<link rel="self">`, which readers and validators use to tell the feed's own address from a
copy's, and to follow a move), nor linked the page it is a feed of."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from test_web import Served, get

from monitor import config as config_mod
from monitor.cli import main
from monitor.feeds import ATOM
from monitor.pipeline.base import Context
from monitor.store import Store
from monitor.web import create_app

NS = {"a": ATOM}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Ten stories of the topic, one a day from 2026-11-01."""
    work = tmp_path_factory.mktemp("feeds")
    cfg_path = work / "m.toml"
    cfg_path.write_text('include = ["monitor:topics/hu-ming.toml"]\n[web]\nbase_url = "https://intranet.example.cn/monitor/"\n',
                        encoding="utf-8")
    lines = [json.dumps({"url": f"https://n{i}.example.cn/{i}.html", "title": f"沪明对口合作第{i}号项目签约落地",
                         "published": f"2026-11-{1 + i:02d}T10:00:00+08:00",
                         "body": f"上海市与三明市对口合作第{i}号项目签约，推进沪明合作园区{i * 3 + 1}个。"},
                        ensure_ascii=False) for i in range(10)]
    db = work / "m.db"
    done = CliRunner().invoke(main, ["--config", str(cfg_path), "--db", str(db), "import", "-"],
                              input="\n".join(lines) + "\n")
    assert done.exit_code == 0, done.output
    return cfg_path, db


def feed(archive, *args) -> ET.Element:
    cfg, db = archive
    result = CliRunner().invoke(main, ["--config", str(cfg), "--db", str(db), "feed", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return ET.fromstring(result.output)


def test_monitor_feed_since_keeps_the_recent_stories(archive):
    titles = [e.find("a:title", NS).text for e in feed(archive, "--since", "2026-11-08").findall("a:entry", NS)]
    assert titles == ["沪明对口合作第9号项目签约落地", "沪明对口合作第8号项目签约落地", "沪明对口合作第7号项目签约落地"]
    assert len(feed(archive).findall("a:entry", NS)) == 10


def test_monitor_feed_names_its_own_address(archive):
    root = feed(archive, "--url", "https://feeds.example.cn/hu-ming.atom")
    assert [(x.get("rel"), x.get("href")) for x in root.findall("a:link", NS)] == [
        ("self", "https://feeds.example.cn/hu-ming.atom")]
    assert root.find("a:link", NS).get("type") == "application/atom+xml"


def _links(xml: str) -> dict[str, str]:
    return {x.get("rel"): x.get("href") for x in ET.fromstring(xml).findall("a:link", NS)}


def test_the_served_feeds_name_their_address_and_their_page(archive):
    cfg_path, db = archive
    cfg = config_mod.load(cfg_path, db)
    store = Store.open(db)
    with Served(create_app(Context(cfg, store), auth="")) as site:
        topic = get(site, "/topic/hu-ming.atom").text
        search = get(site, "/search.atom?q=" + quote("沪明 合作") + "&since=2026-11-05").text
    store.close()
    assert _links(topic) == {"self": "https://intranet.example.cn/monitor/topic/hu-ming.atom",
                             "alternate": "https://intranet.example.cn/monitor/topic/hu-ming"}
    links = _links(search)
    assert links["self"].startswith("https://intranet.example.cn/monitor/search.atom?")
    assert links["alternate"].startswith("https://intranet.example.cn/monitor/search?")
    for href in links.values():
        assert "q=%E6%B2%AA%E6%98%8E+%E5%90%88%E4%BD%9C" in href and "since=2026-11-05" in href


def test_without_a_base_url_the_feed_names_the_address_it_was_asked_at(tmp_path):
    cfg = config_mod.load(None, tmp_path / "m.db")
    store = Store.open(cfg.db_path)
    with Served(create_app(Context(cfg, store), auth="")) as site:
        xml = get(site, "/topic/hu-ming.atom").text
    store.close()
    assert _links(xml)["self"] == f"http://127.0.0.1:{site.port}/topic/hu-ming.atom"


def test_a_feed_written_again_without_new_stories_is_the_same_file(archive):
    """`monitor feed -o` from cron wrote a new <updated> (the time of the write) every run: the
    file changed, so did its ETag, and every reader downloaded it again and some showed it as
    updated. The feed's time is its newest entry's."""
    import time

    cfg, db = archive
    runs = []
    for _ in range(2):
        result = CliRunner().invoke(main, ["--config", str(cfg), "--db", str(db), "feed"], catch_exceptions=False)
        runs.append(result.output)
        time.sleep(1.1)
    assert runs[0] == runs[1]
    root = ET.fromstring(runs[0])
    newest = max(e.find("a:updated", NS).text for e in root.findall("a:entry", NS))
    assert root.find("a:updated", NS).text == newest == "2026-11-10T02:00:00Z"


def test_a_served_feed_answers_a_readers_conditional_request(archive):
    """Readers poll a feed every few minutes: the served feeds had no validator, so each poll was
    the whole feed (built and sent). An unchanged feed now answers 304."""
    cfg_path, db = archive
    cfg = config_mod.load(cfg_path, db)
    store = Store.open(db)
    with Served(create_app(Context(cfg, store), auth="")) as site:
        for path in ("/topic/hu-ming.atom", "/search.atom?q=" + quote("沪明")):
            first = get(site, path)
            tag = first.headers["etag"]
            again = get(site, path, headers={"If-None-Match": tag})
            assert again.status_code == 304 and not again.content and again.headers["etag"] == tag
            assert get(site, path, headers={"If-None-Match": '"other"'}).status_code == 200
    store.close()


def test_a_feed_entry_links_each_outlet_that_reposted_the_story():
    """The entry listed the story's reposts as text ("Also reported by: copier https://…"): a
    feed reader shows that unlinked, so the other outlets' versions could not be opened from it."""
    from datetime import datetime, timezone

    import feedparser

    from monitor import feeds
    from monitor.models import Repost, Story

    now = datetime(2026, 12, 1, tzinfo=timezone.utc)
    reposts = (Repost(2, "copier", "https://copy.example.com/view?id=9&x=<b>", "", now),
               Repost(3, "odd", "javascript:alert(1)", "", now))
    story = Story(story_id=1, article_id=1, title="沪明合作", url="https://desk.example.cn/1.html", source="desk",
                  published=now, topics=("hu-ming",), snippet="上海与三明签约 <b>。", reposts=reposts)
    xml = feeds.atom([story], title="t", feed_id="urn:monitor:t", now=now)
    summary = ET.fromstring(xml).find("a:entry/a:summary", NS)
    assert summary.get("type") == "html"
    assert '<a href="https://copy.example.com/view?id=9&amp;x=&lt;b&gt;">copier</a>' in summary.text
    assert "javascript:" not in summary.text.split("odd")[0] and "<a href=\"javascript" not in summary.text
    assert "desk: 上海与三明签约 &lt;b&gt;。" in summary.text
    parsed = feedparser.parse(xml.encode("utf-8")).entries[0]
    assert 'href="https://copy.example.com/view?id=9&amp;x=%3Cb%3E"' in parsed.summary or "copy.example.com" in parsed.summary
    assert "Also reported by:" in parsed.summary and "copier</a>" in parsed.summary
