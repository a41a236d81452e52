"""Faults a press office meets in a years-long archive, the eighth round.

A cursor of the same search but another page (`--after-id` kept while `--offset` is edited, an
"older" link whose page number was typed over) showed the rows after it under the page asked for:
page 2's rows labelled page 4. The cursor now says the offset it was given for (`ID@OFFSET`); for
another offset the page is counted, as for another search's cursor."""

from __future__ import annotations

import json
import re
from html import unescape
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from test_search_archive6_faults import CONFIG, _ctx, _ids, archive, site  # noqa: F401  (fixtures)
from test_web import get

from monitor.cli import main


@pytest.mark.parametrize("query, topic, articles", [("沪明", None, False), ("", "hu-ming", False), ("明溪", None, True)])
def test_a_cursor_given_for_another_offset_gives_the_counted_page(archive, query, topic, articles):  # noqa: F811
    """Page 1's cursor asked with page 3's offset: page 3 as counting gives it, not page 2's rows."""
    from monitor.pipeline.query import cursor, read_cursor, search_page

    ctx = _ctx(archive[0])
    asked = {"topic": topic, "articles": articles, "limit": 6}
    first = search_page(ctx, query, **asked)
    assert first.more and first.last is not None
    said = cursor(first.last, 6)
    assert said is not None
    after, at = read_cursor(said)
    assert (after, at) == (first.last, 6)
    second = search_page(ctx, query, offset=6, upto=first.upto, after=after, after_at=at, **asked)
    assert _ids(second) == _ids(search_page(ctx, query, offset=6, upto=first.upto, **asked))  # read from there
    third = search_page(ctx, query, offset=12, upto=first.upto, **asked)
    assert third.results and _ids(third) != _ids(second)
    for offset in (12, 0, 3):
        read = search_page(ctx, query, offset=offset, upto=first.upto, after=after, after_at=at, **asked)
        counted = search_page(ctx, query, offset=offset, upto=first.upto, **asked)
        assert _ids(read) == _ids(counted), offset
        assert read.more == counted.more


def _cli(work):
    cfg = work / "cli8.toml"
    cfg.write_text(CONFIG.format(db=(work / "s.db").as_posix()), encoding="utf-8")

    def run(*args: str) -> tuple[list[int], str]:
        out = CliRunner().invoke(main, ["--config", str(cfg), "search", "--limit", "5", *args, "--format", "json",
                                        "--", "沪明"])
        assert out.exit_code == 0, out.output
        table = CliRunner().invoke(main, ["--config", str(cfg), "search", "--limit", "5", *args, "--", "沪明"])
        assert table.exit_code == 0, table.output
        return [r["id"] for r in json.loads(out.stdout)], table.stderr
    return run


def test_the_cli_counts_a_page_whose_after_id_was_given_for_another_offset(archive):  # noqa: F811
    """`--after-id` from page 1's "more:" line kept while `--offset` says page 4: page 4."""
    run = _cli(archive[1])
    _, said = run()
    more = said.split("more: ")[1].split(" (")[0].split()
    cursor = more[more.index("--after-id") + 1]
    assert re.fullmatch(r"\d+@5", cursor), more
    upto = more[more.index("--upto-id") + 1]
    page4 = run("--offset", "15", "--upto-id", upto)[0]
    page2 = run("--offset", "5", "--upto-id", upto)[0]
    assert page4 and page4 != page2
    assert run("--offset", "15", "--upto-id", upto, "--after-id", cursor)[0] == page4
    assert run("--offset", "5", "--upto-id", upto, "--after-id", cursor)[0] == page2  # as given: read from there
    # the next page's line names the cursor of the page after the one shown
    assert f"--after-id {run('--offset', '15', '--upto-id', upto)[1].split('--after-id ')[1].split()[0]}".endswith("@20")


@pytest.mark.parametrize("bad", ["12@", "@5", "x1@5", "1@5@6", "１２@5"])
def test_a_cursor_that_is_not_one_is_refused_in_one_line(archive, bad):  # noqa: F811
    cfg = archive[1] / "cli8b.toml"
    cfg.write_text(CONFIG.format(db=(archive[1] / "s.db").as_posix()), encoding="utf-8")
    out = CliRunner().invoke(main, ["--config", str(cfg), "search", "--offset", "5", "--after-id", bad, "沪明"])
    assert out.exit_code == 2, out.output
    assert "ID@OFFSET" in out.output and "Traceback" not in out.output


@pytest.mark.parametrize("start", ["/search?q=" + quote("沪明"), "/topic/hu-ming"])
def test_an_older_link_whose_page_number_was_typed_over_shows_that_page(site, start):  # noqa: F811
    """The "older" link of page 1 (page=2&after=…) with page=4 typed in: page 4's stories, as
    counting them gives, not page 2's under page 4's number."""
    def stories(html: str) -> list[str]:
        return re.findall(r'class="result".*?href="[^"]*/story/(\d+)', html, re.S)

    first = get(site, start).text
    older = unescape(re.search(r'<a rel="next" href="([^"]+)"', first).group(1))
    assert "page=2" in older and re.search(r"after=\d+(%40|@)20\b", older), older
    upto = re.search(r"upto=(\d+)", older).group(1)
    sep = "&" if "?" in start else "?"
    page2 = stories(get(site, older).text)
    page4 = stories(get(site, f"{start}{sep}page=4&upto={upto}").text)
    assert page2 and page4 and page2 != page4
    assert stories(get(site, older.replace("page=2", "page=4")).text) == page4
    assert stories(get(site, older).text) == page2


# --- an exclusion alone ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def polled(tmp_path_factory):
    """1,200 articles polled over a year (dates follow the ids, a few hours of noise), a fifth of
    them imported later with older dates; 发展 in all but about one in a hundred, 企业 in most,
    every ninth a repost of an earlier story."""
    import random
    from datetime import datetime, timedelta, timezone

    from monitor.models import Article, Match
    from monitor.store import Store

    rng, day = random.Random(29), datetime(2025, 3, 1, tzinfo=timezone.utc)
    store = Store.open(tmp_path_factory.mktemp("a8") / "s.db")
    stories: list[int] = []
    for i in range(1200):
        words = ["发展"] * (i % 97 != 5) + ["企业"] * (rng.random() < 0.8) + ["沪明"] * (rng.random() < 0.1)
        words += rng.sample(["两地", "推进", "会议", "召开", "项目", "签约", "调研", "座谈"], 3)
        rng.shuffle(words)
        hours = i * 7 + rng.randint(-5, 5) if not 700 <= i < 940 else (i - 2000) * 7
        url = f"https://county{i % 4}.example.cn/a/{i}.html"
        story = stories[(i * 13) % len(stories)] if i % 9 == 8 and stories else None
        aid, sid = store.add_article(Article(url=url, title="".join(words[:2]) + f"第{i}期", paragraphs=("，".join(words) + "。",),
                                             published=day + timedelta(hours=hours)),
                                     source="desk", canonical_url=url, content_hash=f"p{i}", story_id=story, band_keys=[])
        if story is None:
            stories.append(sid)
        if i % 4:
            store.set_match(aid, Match(topic="hu-ming", matched=True, score=9.0))
    yield store
    store.close()


@pytest.mark.parametrize("query", ["-发展", "-发展 -沪明", "NOT 发展", "-(发展 企业)", "-企业", "-发展企业"])
@pytest.mark.parametrize("topic, articles", [(None, True), (None, False), ("hu-ming", True)])
def test_an_exclusion_alone_finds_what_the_plain_path_finds(polled, monkeypatch, query, topic, articles):
    """`-发展` of a word in nearly every article: every page, the articles the query accepts
    (its own test over the normalised text), newest first, whichever way the walk asks."""
    from test_search_archive7_faults import _expected

    from monitor.pipeline.query import search_page
    from monitor.store import search as store_search

    expected, folded = _expected(polled, query, topic), []
    for apart in (8, 0):  # 0: every slice handed to Python, as before
        monkeypatch.setattr(store_search, "APART", apart)
        got, offset = [], 0
        while True:
            page = search_page(_ctx(polled), query, topic=topic, articles=True, limit=7, offset=offset)
            got += [r["id"] for r in page.results]
            offset += 7
            if not page.more:
                break
        assert got == expected, apart
        if not articles:
            folded.append([(r["id"], [x["id"] for x in r["reposts"]])
                           for r in search_page(_ctx(polled), query, topic=topic, limit=0).results])
    assert articles or (folded[0] == folded[1] and folded[0])


def test_an_exclusion_alone_hands_python_the_articles_kept(polled, monkeypatch):
    """`-发展` (a word in all but one article in a hundred) handed Python every row walked and
    the id of every article FTS5 found the word in, to keep the few without it (at 1M, ~35,000
    of each for a page: 72 ms); SQLite keeps them: Python sees the page's rows."""
    from monitor.pipeline.query import search_page
    from monitor.store.search import SearchPart

    asked: list[int] = []
    among = SearchPart._fts_among

    def counted(self, expr, ids, density=None):
        asked.append(len(ids))
        return among(self, expr, ids, density)

    monkeypatch.setattr(SearchPart, "_fts_among", counted)
    page = search_page(_ctx(polled), "-发展", articles=True, limit=5)
    assert len(page.results) == 5
    assert sum(asked) < 150, asked  # ~500 rows walked for five of them


# --- expressions of many tokens -------------------------------------------------------------------

WORDS = ["沪明", "明溪", "永安", "沙县", "将乐", "泰宁", "建宁", "宁化", "清流", "大田", "尤溪", "三元"]


@pytest.fixture(scope="module")
def listed(tmp_path_factory):
    """600 articles an hour apart, each with three or four of twelve place names, the nine
    common words of a long AND in every other one, every fifth a repost of an earlier story."""
    import random
    from datetime import datetime, timedelta, timezone

    from monitor.models import Article
    from monitor.store import Store

    rng, day = random.Random(8), datetime(2025, 9, 1, tzinfo=timezone.utc)
    store = Store.open(tmp_path_factory.mktemp("many") / "s.db")
    stories: list[int] = []
    for i in range(600):
        words = rng.sample(WORDS, rng.choice((3, 4))) + (NINE if i % 2 else ["会议"])
        rng.shuffle(words)
        url = f"https://city{i % 3}.example.cn/n/{i}.html"
        story = stories[(i * 7) % len(stories)] if i % 5 == 4 and stories else None
        _, sid = store.add_article(Article(url=url, title=f"简讯第{i}期", paragraphs=("、".join(words) + "。",),
                                           published=day + timedelta(hours=i)),
                                   source="desk", canonical_url=url, content_hash=f"m{i}", story_id=story, band_keys=[])
        if story is None:
            stories.append(sid)
    yield store
    store.close()


NINE = ["发展", "上海", "企业", "合作", "项目", "投资", "交流", "三明", "签约"]
LONG_OR = " OR ".join(WORDS + ["对口合作", "瑞金医院"] + [f"词{c}" for c in "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"])


def _asked(store, monkeypatch, query: str, **kw) -> tuple[list, int]:
    """The page's results (ids, their reposts) and how many statements asked FTS5 `query`'s expression."""
    from monitor import querylang
    from monitor.pipeline.query import search_page

    expr = querylang.plan(querylang.parse(query)).match
    head = expr[:40]
    asked: list[str] = []
    store.conn.set_trace_callback(lambda sql: asked.append(sql) if head in sql and not sql.startswith("--") else None)
    try:
        page = search_page(_ctx(store), query, **kw)
    finally:
        store.conn.set_trace_callback(None)
    return [(r["id"], [x["id"] for x in r["reposts"]]) for r in page.results], len(asked)


def test_the_leads_of_a_long_or_are_told_by_their_text(listed, monkeypatch):
    """A page of stories for an OR of 36 words asked FTS5 the 36-way OR again for each round of
    its stories' leads (each statement seeks every token in every segment of the index: ~4 ms
    at 200,000 articles, ~9 at 1M, for three ids); a few articles are tested over their text."""
    from monitor.pipeline import query as pipeline_query

    monkeypatch.setattr(pipeline_query, "TOKENS_PER_ROW", 10**6)  # every lead asked of FTS5
    by_fts, before = _asked(listed, monkeypatch, LONG_OR, limit=10)
    monkeypatch.setattr(pipeline_query, "TOKENS_PER_ROW", 2)
    by_text, after = _asked(listed, monkeypatch, LONG_OR, limit=10)
    assert by_text == by_fts and any(r for _, r in by_text)
    assert after < before, (after, before)


def test_a_walk_after_a_probe_asks_fts5_only_past_it(listed, monkeypatch):
    """Nine common words ANDed: their newest matches counted (`_fts_probed`), then the walk
    asked FTS5 the nine lists again for the same newest rows; it takes the probe's matches."""
    from monitor.store import search as store_search

    monkeypatch.setattr(store_search, "RARE", 100)  # 600 articles standing for 200,000
    query = " ".join(NINE)
    pages = []
    for offset in (0, 20, 60, 200):
        pages.append(_asked(listed, monkeypatch, query, articles=True, offset=offset))
    monkeypatch.setattr(store_search, "PROBE", 10**6)  # counted whole: sorted, no walk
    for (got, _), offset in zip(pages, (0, 20, 60, 200), strict=True):
        assert got == _asked(listed, monkeypatch, query, articles=True, offset=offset)[0], offset
    assert pages[0][0] and pages[0][1] == 1, pages[0][1]


# --- an exclusion alone that leaves (almost) nothing ----------------------------------------------

def _walked(store, query: str, **kw) -> tuple[list[int], int]:
    """The page's article ids and how many rows the date index's walk was asked for."""
    from monitor.pipeline.query import search_page

    limits: list[int] = []
    walk = re.compile(r"ORDER BY coalesce\(published, fetched_at\) DESC, id DESC LIMIT (\d+)\)?$")

    def seen(sql: str) -> None:
        if sql.startswith(("SELECT id, story_id, coalesce", "SELECT count(*), min(id)")) and (m := walk.search(sql)):
            limits.append(int(m.group(1)))
    store.conn.set_trace_callback(seen)
    try:
        page = search_page(_ctx(store), query, **kw)
    finally:
        store.conn.set_trace_callback(None)
    return [r["id"] for r in page.results], sum(limits)


@pytest.mark.parametrize("query", ["-发展", "-发展 -沪明", "-(发展 企业)"])
def test_an_exclusion_that_leaves_few_stops_walking_and_finds_the_rest_at_once(polled, monkeypatch, query):
    """`-发展 -沪明` (发展 in every article of the generated archive) walked every row to say
    nothing (0.76 s at 1M); past a walk that found less than a page at a rate that puts the page
    past half the archive, SQLite finds the rest at once (or counting says none is left): the
    same articles in the same order, every page, with or without a filter."""
    from test_search_archive7_faults import _expected

    from monitor.store import search as store_search

    monkeypatch.setattr(store_search, "LONE_WALK", 64)  # 1,200 articles standing for 1M
    for since in (None, "2024-06-01"):
        from monitor.timespec import parse_since

        kw = {"since": parse_since(since)} if since else {}
        expected = [i for i in _expected(polled, query, None) if not since or i in set(
            _walked(polled, "", articles=True, limit=0, **kw)[0])]
        got, offset = [], 0
        while True:
            ids, walked = _walked(polled, query, articles=True, limit=5, offset=offset, **kw)
            got += ids
            offset += 5
            if len(ids) < 5:
                break
        assert got == expected, since
        # the last page, past every match: the walk stopped (its rows asked of SQLite), not all 1,200 walked
        assert walked <= 2 * store_search.LONE_WALK, (since, walked)


def test_an_exclusion_of_a_word_in_every_article_says_nothing_without_walking_them(tmp_path, monkeypatch):
    from monitor.models import Article
    from monitor.store import Store
    from monitor.store import search as store_search

    monkeypatch.setattr(store_search, "LONE_WALK", 64)
    store = Store.open(tmp_path / "s.db")
    for i in range(1500):
        url = f"https://town.example.cn/{i}.html"
        store.add_article(Article(url=url, title=f"第{i}期", paragraphs=(f"推动发展第{i}项。",), published=None),
                          source="desk", canonical_url=url, content_hash=f"e{i}", story_id=None, band_keys=[])
    ids, walked = _walked(store, "-发展 -沪明", articles=True)
    assert ids == [] and walked < 500, walked
    ids, walked = _walked(store, "-沪明", articles=True)
    assert len(ids) == 20 and walked < 500, walked
    store.close()
