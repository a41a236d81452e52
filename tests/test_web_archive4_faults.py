"""`monitor serve` and the feeds over an imported archive, the fourth round: the versions of a story
imported from exports without source names read 'also at: import, import' (which outlet is
which?), and a feed with no entries changed with every write (its ETag too)."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from html import unescape

import pytest
from click.testing import CliRunner
from test_web import Served, get

from monitor import config as config_mod
from monitor import feeds
from monitor.cli import main
from monitor.pipeline.base import Context
from monitor.store import Store
from monitor.web import create_app

BODY = ("泰宁县与上海市嘉定区签订沪明对口合作协议，双方将在文旅康养、农产品进沪和干部人才交流等方面"
        "开展合作，首批六个项目当天签约。") * 2
EXPORTS = [  # two exports of a year's news, neither naming its outlets
    [{"url": "https://www.county.example.cn/news/1.html", "title": "泰宁嘉定签订对口合作协议", "body": BODY,
      "published": "2026-11-20 08:00"}],
    [{"url": "https://mirror.example.com/a/7.html", "title": "泰宁嘉定签订对口合作协议", "body": BODY,
      "published": "2026-11-20 09:00"},
     {"url": "https://reprint.example.org/p/3.html", "title": "泰宁嘉定签订对口合作协议", "body": BODY,
      "published": "2026-11-20 10:00"}],
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    work = tmp_path_factory.mktemp("imported")
    cfg_path = work / "m.toml"
    cfg_path.write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    db = work / "m.db"
    for rows in EXPORTS:
        done = CliRunner().invoke(main, ["--config", str(cfg_path), "--db", str(db), "import", "-"],
                                  input="".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        assert done.exit_code == 0, done.output
    store = Store.open(db)
    ctx = Context(config_mod.load(cfg_path, db), store)
    with Served(create_app(ctx, auth="")) as served:
        yield served, store, ctx
    store.close()


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_the_outlets_of_an_imported_story_are_named_by_their_hosts(site):
    """'also at: import, import': every line of an export without `source` is stored under one
    name, and the result named its reposts by it; the press office could not tell them apart."""
    served, _, _ = site
    html = get(served, "/search", params={"q": "对口合作"}).text
    also = re.search(r"also at:(.*?)</p>", html, re.S)
    assert also, html
    assert re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', also.group(1)) == [
        ("https://mirror.example.com/a/7.html", "mirror.example.com"),
        ("https://reprint.example.org/p/3.html", "reprint.example.org")]
    assert "county.example.cn ·" in _text(html)  # the first version's, 'www.' left out
    assert "import" not in _text(also.group(1))


def test_a_feed_names_an_imported_storys_outlets_by_their_hosts(site):
    served, _, _ = site
    xml = get(served, "/topic/hu-ming.atom").text
    content = unescape(re.search(r"<(?:summary|content) type=\"html\">(.*?)</", xml, re.S).group(1))
    assert ">mirror.example.com</a>" in content and ">reprint.example.org</a>" in content, content
    assert content.startswith("<p>county.example.cn: "), content
    assert "import" not in _text(content)


def test_the_json_export_keeps_the_stored_source_name(site):
    """The hosts are what a reader sees; an export keeps what is stored (a script filters by it)."""
    _, _, ctx = site
    done = CliRunner().invoke(main, ["--config", str(ctx.cfg.path), "--db", str(ctx.cfg.db_path), "search",
                                     "--format", "json", "对口合作"])
    rows = json.loads(done.stdout)
    assert rows[0]["source"] == "import" and {r["source"] for r in rows[0]["reposts"]} == {"import"}


def test_an_empty_feed_is_the_same_feed_at_every_write():
    """A topic with no story yet wrote the time of the write as the feed's <updated>: the file and
    its ETag changed every run, so readers downloaded it again and again (a feed with entries was
    mended last round)."""
    now = datetime(2026, 12, 6, 9, tzinfo=timezone.utc)
    first = feeds.atom([], title="monitor: new-topic", feed_id="urn:monitor:new-topic", now=now)
    again = feeds.atom([], title="monitor: new-topic", feed_id="urn:monitor:new-topic", now=now + timedelta(hours=5))
    assert first == again


def test_a_served_feed_of_a_search_that_finds_nothing_keeps_its_etag(site):
    served, _, _ = site
    asked = datetime.now(timezone.utc)
    first = get(served, "/search.atom", params={"q": "不存在的词语"})
    again = get(served, "/search.atom", params={"q": "不存在的词语"}, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    # not dated the moment it was asked (two requests in one second shared that date, a later one would not)
    updated = re.search(r"<updated>([^<]+)</updated>", first.text).group(1)
    assert datetime.fromisoformat(updated.replace("Z", "+00:00")) < asked - timedelta(minutes=1), updated
