"""Faults a press office meets in a years-long archive, the sixth round: a deep page cost what
reading every page before it did (page 5,000 of the newest, ~100 ms at 200,000 articles: the
pages before it were read and folded to be skipped). By date a next page is read from where the
last one ended (`after`: the article that placed its last result), the same results as counting.
Each test counts what the store is asked, never how long it takes (bench/search_pages.py times it)."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from html import unescape

import pytest
from click.testing import CliRunner
from test_web import Served, get

from monitor.cli import main
from monitor.models import Article, Match
from monitor.store import Store

DAY = datetime(2026, 3, 2, 1, tzinfo=timezone.utc)
CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "{db}"\n'
BODIES = ["沪明两地签约三个合作项目。", "三明举办上海游客专场推介。", "沪明合作产业园新增企业。", "明溪县开展乡村旅游活动。"]


def _fill(store: Store, n: int = 150) -> None:
    """`n` articles over a few weeks: many share an hour (ties broken by id), every fifth a repost
    of an earlier story (some older than the story's first, some far newer: a story placed by a
    late copy), every third outside the topic, two sources."""
    stories: list[int] = []
    for i in range(n):
        url = f"https://county{i % 7}.example.cn/a/{i}.html"
        when = DAY + timedelta(hours=(i * 37) % 97 // 3 * 5)
        story = stories[(i * 13) % len(stories)] if i % 5 == 4 and stories else None
        body = BODIES[i % 4] + f"第{i}条。"
        aid, sid = store.add_article(Article(url=url, title=f"动态{i}：{body[:6]}", paragraphs=(body,), published=when),
                                     source="desk" if i % 3 == 1 else "wire", canonical_url=url, content_hash=f"h{i}",
                                     story_id=story, band_keys=[])
        if story is None:
            stories.append(sid)
        if i % 3:
            store.set_match(aid, Match(topic="hu-ming", matched=True, score=9.0))


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    work = tmp_path_factory.mktemp("deep")
    store = Store.open(work / "s.db")
    _fill(store)
    yield store, work
    store.close()


def _ctx(store: Store):
    from monitor.pipeline.base import Context

    return Context(type("Cfg", (), {"topics": {"hu-ming": None}})(), store)  # search reads cfg.topics only


def _ids(page) -> list[tuple[int, list[int]]]:
    return [(r["id"], sorted(x["id"] for x in r["reposts"])) for r in page.results]


@pytest.mark.parametrize("query", ["", "沪明", "明", "合作 -签约", "上海 OR 明溪", "title:动态"])
@pytest.mark.parametrize("topic, source, articles", [(None, None, False), ("hu-ming", None, False),
                                                     (None, "desk", False), (None, None, True),
                                                     ("hu-ming", "wire", True)])
def test_pages_read_from_where_the_last_ended_are_the_counted_pages(archive, query, topic, source, articles):
    """Every page of a search by date, each read from the article the page before ended with,
    is the page counting gives: the same stories in the same order, led by the same article,
    none repeated (a story placed on an earlier page by a newer copy stays there), none left out."""
    from monitor.pipeline.query import search_page

    ctx = _ctx(archive[0])
    asked = {"topic": topic, "source": source, "articles": articles, "limit": 7}
    offset, after, pages = 0, None, 0
    while True:
        counted = search_page(ctx, query, offset=offset, **asked)
        read = search_page(ctx, query, offset=offset, after=after, **asked)
        assert _ids(read) == _ids(counted), (offset, after)
        assert read.more == counted.more and read.last == counted.last
        pages += 1
        if not counted.more:
            break
        offset, after = offset + 7, read.last
    assert pages > 1


def test_a_deep_page_costs_what_the_first_does(tmp_path):
    """Page 60 of the newest stories read the 59 pages' rows before it (SQLite's steps grow with
    the page number); read from where page 59 ended it costs what page 3 does, at any depth."""
    from monitor.pipeline.query import search_page

    store = Store.open(tmp_path / "s.db")
    _fill(store, 1500)
    ctx = _ctx(store)
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    def cost(**kw) -> int:
        steps[0] = 0
        store.conn.set_progress_handler(count, 100)
        try:
            search_page(ctx, "", **kw)
        finally:
            store.conn.set_progress_handler(None, 100)
        return steps[0]

    deep = {}
    for page in (3, 20, 60):
        before = search_page(ctx, "", offset=(page - 2) * 20)
        deep[page] = cost(offset=(page - 1) * 20, after=before.last)
    counted = cost(offset=59 * 20)
    # the page's own costs (its stories' members, their leads) vary a little from page to page
    assert max(deep.values()) <= 1.5 * deep[3], deep
    assert counted > 4 * deep[60], (counted, deep)  # what counting page 60 cost
    store.close()


@pytest.fixture(scope="module")
def site(archive):
    from monitor import config as config_mod
    from monitor.pipeline.base import Context
    from monitor.web import create_app

    store, work = archive
    cfg_path = work / "m.toml"
    cfg_path.write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    with Served(create_app(Context(config_mod.load(cfg_path, work / "s.db"), store), auth="")) as served:
        yield served


@pytest.mark.parametrize("start", ["/search?q=%E6%B2%AA%E6%98%8E", "/search", "/topic/hu-ming"])
def test_the_older_link_reads_the_next_page_from_where_this_one_ends(site, start):
    """The web page's "older →" link names where the page ended (`after`): followed to the end,
    the pages hold every story once, in the order the numbered pages (counted) give."""
    def stories(html: str) -> list[str]:
        return re.findall(r'class="result".*?href="[^"]*/story/(\d+)', html, re.S)

    path, seen, counted, page = start, [], [], 1
    while True:
        html = get(site, path).text
        seen += stories(html)
        sep = "&" if "?" in start else "?"
        counted += stories(get(site, f"{start}{sep}page={page}").text)
        nxt = re.search(r'<a rel="next" href="([^"]+)"', html)
        if not nxt:
            break
        path = unescape(nxt.group(1))
        assert "after=" in path, path
        page += 1
    assert page > 2 and seen == counted and len(seen) == len(set(seen))


def test_the_cli_names_where_the_next_page_begins(archive):
    """`monitor search` says the next page's options: with `--after-id` (where this page ended)
    the page is read from there; the same page as `--offset` alone counts."""
    work = archive[1]
    cfg = work / "cli.toml"
    cfg.write_text(CONFIG.format(db=(work / "s.db").as_posix()), encoding="utf-8")

    def page(*args: str) -> tuple[list[int], str]:
        base = ["--config", str(cfg), "search", "--limit", "10", *args]
        out = CliRunner().invoke(main, [*base, "--format", "json", "--", "沪明"], catch_exceptions=False)
        table = CliRunner().invoke(main, [*base, "--", "沪明"], catch_exceptions=False)
        assert out.exit_code == 0 and table.exit_code == 0, out.output + table.output
        return [r["id"] for r in json.loads(out.stdout)], table.stderr

    _, said = page()
    more = said.split("more: ")[1].split(" (")[0].split()
    assert "--after-id" in more and "--offset" in more
    second, said2 = page(*more)
    assert second == page("--offset", "10")[0] and second
    assert "--offset 20" in said2 and "--after-id" in said2
