"""Search at archive scale: an exclusion alone inside a topic or a source (`-上海 --topic hu-ming`,
`-企业 --source desk`), the word in nearly every article. The filter's rows lie apart (a topic's
one in thirty ids), so FTS5 read the word's list over the whole range of each slice's ids and
SQLite tested every entry against the slice (~30 entries a row of the topic: 50-97 ms at 200,000
articles for 3 rows left). Rows holding the word verbatim are now dropped by SQL `instr` and the
query's own test decides the few left, FTS5 not asked. Each test compares the pages with a
brute-force scan or with the path as it was, and says which path was asked; the times are in
BENCHMARKS.md."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import pytest
from test_search_archive6_faults import _ctx

from monitor import querylang, textnorm
from monitor.models import Article, Match
from monitor.pipeline.query import search_page
from monitor.store import search as store_search
from monitor.store.search import SearchPart

# forms of a word that normalise to it without holding it verbatim: a zero-width space inside,
# inline pinyin, a traditional character
HIDDEN = {"上海": ["上\u200b海", "上(shàng)海"], "企业": ["企業", "企\u200b业"]}


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """1,200 articles over months (a fifth imported later with older dates), one in twenty in the
    topic `hu-ming` and one in twenty from the source `desk` (apart among the others' ids);
    上海 and 企业 in nearly all, verbatim or in a hidden form, title or body; 合作 in most;
    every ninth a repost of an earlier story; some without a title."""
    from monitor.store import Store

    rng, day = random.Random(33), datetime(2025, 1, 1, tzinfo=timezone.utc)
    store = Store.open(tmp_path_factory.mktemp("absent") / "s.db")
    stories: list[int] = []
    for i in range(1200):
        words = rng.sample(["两地", "推进", "会议", "召开", "项目", "签约", "调研", "座谈"], 3)
        words += ["合作"] * (rng.random() < 0.7) + ["沪明"] * (rng.random() < 0.2)
        for word, hidden in HIDDEN.items():
            roll = rng.random()
            if roll < 0.7:
                words.append(word)
            elif roll < 0.82:
                words.append(rng.choice(hidden))
        rng.shuffle(words)
        title = "" if i % 17 == 5 else "".join(words[:2]) + f"第{i}期"
        hours = i * 5 + rng.randint(-3, 3) if i % 5 else -3000 - i  # a fifth: backfilled, older
        url = f"https://county{i % 4}.example.cn/a/{i}.html"
        story = stories[(i * 7) % len(stories)] if i % 9 == 8 and stories else None
        aid, sid = store.add_article(Article(url=url, title=title, paragraphs=("，".join(words[2:]) + "。",),
                                             published=day + timedelta(hours=hours)),
                                     source="desk" if i % 20 == 7 else f"s{i % 3}", canonical_url=url,
                                     content_hash=f"h{i}", story_id=story, band_keys=[])
        if story is None:
            stories.append(sid)
        if not title:  # a line stored without a title (a wire's feed line): NULL, nothing indexed of it
            store.conn.execute("UPDATE articles SET title = NULL WHERE id = ?", [aid])
        if i % 20 == 3:
            store.set_match(aid, Match(topic="hu-ming", matched=True, score=9.0))
    yield store
    store.close()


def _expected(store, query: str, topic: str | None) -> list[int]:
    """Every article the query accepts (its own test over the normalised title and body, a
    missing title as empty), newest first."""
    q = querylang.parse(query)
    inside = {r[0] for r in store.conn.execute("SELECT article_id FROM article_topics WHERE topic = ?",
                                               [topic])} if topic else None
    kept = [(r[3], r[0]) for r in store.conn.execute("SELECT id, title, body, coalesce(published, fetched_at) FROM articles")
            if (inside is None or r[0] in inside) and q.accepts(textnorm.normalize(r[1] or ""), textnorm.normalize(r[2] or ""))]
    return [i for _, i in sorted(kept, reverse=True)]


def _in_source(store, ids: list[int], source: str) -> list[int]:
    kept = {r[0] for r in store.conn.execute("SELECT id FROM articles WHERE source = ?", [source])}
    return [i for i in ids if i in kept]


def _asked(monkeypatch, apart: int) -> tuple[list[int], list[str]]:
    """`ABSENT_APART` set to `apart`; the rows `_lacking` was given per call, and every
    statement asking FTS5."""
    monkeypatch.setattr(store_search, "ABSENT_APART", apart)
    given: list[int] = []
    lacking = SearchPart._lacking

    def spied(self, chunk, absent):
        given.append(len(chunk))
        return lacking(self, chunk, absent)

    monkeypatch.setattr(SearchPart, "_lacking", spied)
    return given, []


QUERIES = ["-上海", "-企业", "-上海 -沪明", "-title:上海", "-企业 -合作", "-上海 -企业"]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("where", ["topic", "source"])
def test_an_exclusion_inside_a_filter_is_the_brute_force_scan(desk, monkeypatch, query, where):
    """Every page (15 at a time) and all at once: the articles a scan of every row finds with the
    query's own test, newest first, hidden forms of the word excluded as verbatim ones are."""
    topic, source = ("hu-ming", None) if where == "topic" else (None, "desk")
    expected = _expected(desk, query, topic)
    if source:
        expected = _in_source(desk, expected, source)
    assert expected
    given, _ = _asked(monkeypatch, 4)
    got, offset = [], 0
    while True:
        page = search_page(_ctx(desk), query, topic=topic, source=source, articles=True, limit=15, offset=offset)
        got += [r["id"] for r in page.results]
        offset += 15
        if not page.more:
            break
    assert got == expected
    page = search_page(_ctx(desk), query, topic=topic, source=source, articles=True, limit=0)
    assert [r["id"] for r in page.results] == expected
    assert given  # the rows holding the word verbatim were dropped by SQLite


@pytest.mark.parametrize("query", QUERIES + ["-title:企业 -沪明"])
@pytest.mark.parametrize("where", ["topic", "source"])
@pytest.mark.parametrize("sort", ["date", "relevance"])
def test_story_pages_are_those_of_the_path_as_it_was(desk, monkeypatch, query, where, sort):
    """Stories (reposts folded into their story's place), by date and by relevance, the first
    page and a later one: the same as when FTS5 was asked of every slice."""
    topic, source = ("hu-ming", None) if where == "topic" else (None, "desk")

    def pages() -> list[list[tuple[int, list[int]]]]:
        return [[(r["id"], sorted(x["id"] for x in r["reposts"])) for r in
                 search_page(_ctx(desk), query, topic=topic, source=source, sort=sort, limit=8, offset=offset).results]
                for offset in (0, 8)]

    given, _ = _asked(monkeypatch, 10**9)
    before = pages()
    assert before[0] and not given
    given, _ = _asked(monkeypatch, 4)
    assert pages() == before
    assert given


@pytest.mark.parametrize("query", ["-上海", "-企业 -合作"])
def test_fts5_is_not_asked_of_the_topics_rows(desk, monkeypatch, query):
    """`-上海 --topic`: no statement reads 上海's list over the topic's slices (each asked FTS5
    over the whole range of the slice's ids, ~30 entries a row of the topic at scale); the same
    page."""
    expected = _expected(desk, query, "hu-ming")
    asked: list[str] = []
    desk.conn.set_trace_callback(lambda sql: asked.append(sql) if "articles_fts MATCH" in sql else None)
    try:
        page = search_page(_ctx(desk), query, topic="hu-ming", articles=True, limit=20)
    finally:
        desk.conn.set_trace_callback(None)
    assert [r["id"] for r in page.results] == expected[:20]
    assert not asked, asked[:3]


@pytest.mark.parametrize("query", ["-沪明", "-调研"])
def test_a_rarer_exclusion_goes_back_to_fts5(desk, monkeypatch, query):
    """A word in a fifth (or three eighths) of the articles: most rows hold it not, the text test would decide
    nearly every row, so FTS5 is asked from the next slice on (one slice given to `_lacking`);
    the same articles as a scan."""
    expected = _expected(desk, query, "hu-ming")
    given, _ = _asked(monkeypatch, 4)
    page = search_page(_ctx(desk), query, topic="hu-ming", articles=True, limit=0)
    assert [r["id"] for r in page.results] == expected
    assert len(given) == 1


def test_exclusions_beside_a_match_or_not_verbatim_keep_fts5(desk, monkeypatch):
    """Only an exclusion alone of Han words written as they normalise is dropped by `instr`: a
    match beside it, a Latin word or a spaced phrase are asked of FTS5 as before."""
    given, _ = _asked(monkeypatch, 4)
    for query in ["合作 -上海", "-shanghai", '-"上海 企业"', "-(上海 OR 企业)"]:
        page = search_page(_ctx(desk), query, topic="hu-ming", articles=True, limit=0)
        assert [r["id"] for r in page.results] == _expected(desk, query, "hu-ming"), query
    assert not given
