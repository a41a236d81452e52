"""Search at archive scale: what grows with a deep page: page 200 of `上海` by relevance walked
~20,000 rows of the date index to find ~4,000 title matches, every row handed to Python beside
the ids FTS5 found in the slice. A long slice now keeps its matches inside SQLite (the rows
handed over are the matches). Each test compares the pages with a brute-force scan and with the
path as it was, and says which path was asked; the times are in BENCHMARKS.md."""

from __future__ import annotations

import pytest
from test_search_archive6_faults import _ctx
from test_search_archive7_faults import _expected

from monitor.pipeline.query import search_page
from monitor.store import search as store_search
from monitor.store.search import SearchPart


@pytest.fixture(scope="module")
def polled(tmp_path_factory):
    """500 articles polled over months (dates follow the ids, a few hours of noise), a fifth of
    them imported later with older dates; 企业 in most, 沪明 in one in ten, three of eight other
    words in each (two words and a number the title), every ninth a repost of an earlier story."""
    import random
    from datetime import datetime, timedelta, timezone

    from monitor.models import Article
    from monitor.store import Store

    rng, day = random.Random(32), datetime(2025, 3, 1, tzinfo=timezone.utc)
    store = Store.open(tmp_path_factory.mktemp("scale") / "s.db")
    stories: list[int] = []
    for i in range(500):
        words = ["企业"] * (rng.random() < 0.8) + ["沪明"] * (rng.random() < 0.1)
        words += rng.sample(["两地", "推进", "会议", "召开", "项目", "签约", "调研", "座谈"], 3)
        rng.shuffle(words)
        hours = i * 7 + rng.randint(-5, 5) if not 300 <= i < 400 else (i - 900) * 7
        url = f"https://county{i % 4}.example.cn/a/{i}.html"
        story = stories[(i * 13) % len(stories)] if i % 9 == 8 and stories else None
        _, sid = store.add_article(Article(url=url, title="".join(words[:2]) + f"第{i}期", paragraphs=("，".join(words) + "。",),
                                           published=day + timedelta(hours=hours)),
                                   source="desk", canonical_url=url, content_hash=f"s{i}", story_id=story, band_keys=[])
        if story is None:
            stories.append(sid)
    yield store
    store.close()


def _relevance(store, query: str) -> list[int]:
    """The order by relevance, by brute force: the articles with the query in their title,
    newest first, then the other articles the query accepts, newest first."""
    titled = _expected(store, " ".join(w if w.startswith("-") or w == "OR" else f"title:{w}" for w in query.split()), None)
    seen = set(titled)
    return titled + [i for i in _expected(store, query, None) if i not in seen]


def _walked(monkeypatch, among_slice: int) -> list[bool]:
    """Walks chosen for few matches too (a store of 1,200 articles), slices of `among_slice` rows
    or more kept inside SQLite; the list says, per slice asked of SQLite, whether it was a match's."""
    monkeypatch.setattr(store_search, "RARE", 20)  # past 20 matches: walked, not sorted
    monkeypatch.setattr(store_search, "JOIN_MOST", 0)  # never the joined walk
    monkeypatch.setattr(store_search, "AMONG_SLICE", among_slice)
    asked: list[bool] = []
    left = SearchPart._left

    def spied(self, sliced, params, ident, expr, among=False):
        out = left(self, sliced, params, ident, expr, among)
        asked.append(among and out is not None)
        return out

    monkeypatch.setattr(SearchPart, "_left", spied)
    return asked


@pytest.mark.parametrize("query", ["项目", "签约 -沪明", "沪明 OR 座谈"])
def test_deep_pages_by_relevance_are_the_brute_force_order(polled, monkeypatch, query):
    """Every page by relevance (title matches first), read 25 at a time and at once from deep
    offsets: the order a scan of every article gives, with the slices kept inside SQLite."""
    expected = _relevance(polled, query)
    assert len(expected) > 60
    asked = _walked(monkeypatch, 64)
    got, offset = [], 0
    while True:
        page = search_page(_ctx(polled), query, sort="relevance", articles=True, limit=15, offset=offset)
        got += [r["id"] for r in page.results]
        offset += 15
        if not page.more:
            break
    assert got == expected
    for deep in (len(expected) // 2, len(expected) - 10):
        page = search_page(_ctx(polled), query, sort="relevance", articles=True, limit=20, offset=deep)
        assert [r["id"] for r in page.results] == expected[deep:deep + 20]
    assert any(asked)  # the slices' matches were kept by SQLite


@pytest.mark.parametrize("query, sort", [("项目", "relevance"), ("签约 -沪明", "date"), ("title:会议", "date"),
                                         ("沪明 OR 座谈", "relevance")])
@pytest.mark.parametrize("offset", [0, 60])
def test_deep_story_pages_are_those_of_the_walk_as_it_was(polled, monkeypatch, query, sort, offset):
    """Stories (reposts folded into their story's place): the same pages as when every slice's
    rows were handed to Python."""
    def pages() -> list[tuple[int, list[int]]]:
        page = search_page(_ctx(polled), query, sort=sort, limit=40, offset=offset)
        return [(r["id"], sorted(x["id"] for x in r["reposts"])) for r in page.results]

    asked = _walked(monkeypatch, 10**9)
    before = pages()
    assert before and not any(asked)
    asked = _walked(monkeypatch, 64)
    assert pages() == before
    assert any(asked)


@pytest.mark.parametrize("query, sort", [("项目", "relevance"), ("项目", "date"), ("签约 -沪明", "relevance")])
@pytest.mark.parametrize("articles", [True, False])
def test_a_page_past_every_match_sorts_them_at_once(polled, monkeypatch, query, sort, articles):
    """A page that takes every match (page 200 of 三明 by relevance: its ~1,000 title matches
    all come first) walked the date index for them, SQLite against the set of matches, up to
    its budget, and then sorted them all the same (~40 % of that page's time at 200,000
    articles): they are sorted at once. The pages are those a scan gives."""
    expected = _relevance(polled, query) if sort == "relevance" else _expected(polled, query, None)
    walked: list[str] = []
    for name in ("_walk", "_joined"):
        method = getattr(SearchPart, name)

        def spied(self, *args, _method=method, _name=name, **kwargs):
            walked.append(_name)
            return _method(self, *args, **kwargs)
        monkeypatch.setattr(SearchPart, name, spied)
    shown = expected
    if not articles:  # stories: each at the place of its newest (or most relevant) article
        firsts: dict[int, int] = {}
        for i in expected:
            firsts.setdefault(polled.conn.execute("SELECT story_id FROM articles WHERE id = ?", [i]).fetchone()[0], i)
        shown = list(firsts.values())
    deep = len(shown) - 15
    page = search_page(_ctx(polled), query, sort=sort, articles=articles, limit=20, offset=deep)
    assert [r["id"] for r in page.results] == shown[deep:] and len(page.results) == 15
    assert not walked, walked
