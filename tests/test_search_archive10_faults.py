"""Faults a press office meets in a years-long archive, the tenth round.

A topic's search whose matches were all counted (fewer than RARE: their ids in hand) but more than
TOPIC_WALK walked the topic's newest rows first, asking FTS5 again over them: the topic's rows lie
apart, so that statement read the expression's lists over nearly every rowid (nine common words
ANDed with --topic at 100,000 articles: ~10 ms of ~32), and the matches were then sorted all the same.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import pytest

from monitor.models import Article, Match
from monitor.store import Store

WHEN = datetime(2026, 2, 1, tzinfo=timezone.utc)
WORDS = ["上海", "三明", "合作", "签约", "交流", "项目", "发展", "企业"]


def _ctx(store: Store):
    from monitor.pipeline.base import Context

    return Context(type("Cfg", (), {"topics": {"hu-ming": None}})(), store)  # search reads cfg.topics only


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """1,800 articles over 90 days, one in three in the topic (apart from the words), one in eight
    a repost of an earlier one; 三明 in about half of them, a few without a date."""
    rng = random.Random(10)
    store = Store.open(tmp_path_factory.mktemp("archive10") / "s.db")
    stories: list[int] = []
    with store.transaction():
        for i in range(1800):
            words = [rng.choice(WORDS) for _ in range(rng.randint(4, 12))]
            body = "".join(w + rng.choice(["", "，", " ", "。"]) for w in words)
            url = f"https://news.example.cn/{i}.html"
            art = Article(url=url, title=f"第{i}期{rng.choice(WORDS)}{rng.choice(WORDS)}", paragraphs=(body,),
                          published=None if i % 97 == 5 else WHEN + timedelta(minutes=(i * 61) % 1800 * 72))
            story = rng.choice(stories) if stories and rng.random() < 0.125 else None
            aid, sid = store.add_article(art, source=f"s{i % 3}", canonical_url=url, content_hash=str(i),
                                         story_id=story, band_keys=[])
            stories.append(sid)
            if rng.random() < 1 / 3:
                store.set_match(aid, Match(topic="hu-ming", matched=True, score=1.0))
    yield store
    store.close()


QUERIES = ["三明", "上海 三明", '"上海 三明"', "三明 -签约", "三明 OR 交流", "上海 三明 合作 签约", '"合作 签约"',
           "title:三明", "三明 -发展 -企业"]


def _fts_statements(store: Store, run) -> list[str]:
    asked: list[str] = []
    store.conn.set_trace_callback(lambda sql: asked.append(sql) if "articles_fts MATCH" in sql else None)
    try:
        run()
    finally:
        store.conn.set_trace_callback(None)
    return asked


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("articles", [True, False])
def test_a_topic_search_of_counted_matches_is_the_search_cut_to_the_topic(archive, query, articles):
    """Every page shape: the topic's search is the search without the topic, kept to the topic's
    articles (and a story to the topic's copies), whichever strategy finds it."""
    from monitor.pipeline.query import search_page

    topical = {r[0] for r in archive.conn.execute("SELECT article_id FROM article_topics WHERE topic = 'hu-ming'")}
    every = search_page(_ctx(archive), query, articles=True, limit=0).results
    want = [r["id"] for r in every if r["id"] in topical]
    assert want, query
    got = search_page(_ctx(archive), query, topic="hu-ming", articles=True, limit=0).results
    assert [r["id"] for r in got] == want, query
    for limit, offset in ((20, 0), (20, 20), (7, 35)):
        page = search_page(_ctx(archive), query, topic="hu-ming", articles=articles, limit=limit, offset=offset)
        if articles:
            assert [r["id"] for r in page.results] == want[offset:offset + limit], (query, limit, offset)
        else:
            stories = list(dict.fromkeys(r["story_id"] for r in got))
            assert [r["story_id"] for r in page.results] == stories[offset:offset + limit], (query, limit, offset)
    since = WHEN + timedelta(days=30)
    cut = search_page(_ctx(archive), query, topic="hu-ming", source="s1", since=since, articles=True, limit=0).results
    assert [r["id"] for r in cut] == [r["id"] for r in got if r["source"] == "s1"  # undated: by when fetched
                                      and datetime.fromisoformat(r["published"] or r["fetched"]) >= since], query


@pytest.mark.parametrize("query", ["三明", "上海 三明 合作 签约", "三明 OR 交流"])
def test_a_topic_search_of_counted_matches_asks_fts5_once(archive, query):
    """More than TOPIC_WALK matches, fewer than RARE: counting found them all, and the topic's
    verdicts of those ids are sorted; FTS5 is not asked again over the topic's rows."""
    from monitor.pipeline.query import search_page
    from monitor.store import search as store_search

    count = len(search_page(_ctx(archive), query, articles=True, limit=0).results)
    assert store_search.TOPIC_WALK < count < store_search.RARE, count  # the case: counted, more than the walk
    first: list = []
    asked = _fts_statements(archive, lambda: first.extend(
        search_page(_ctx(archive), query, topic="hu-ming", articles=True).results))
    assert len(first) == 20
    # counting (the newest, then the rest for an expression of many terms), whose ids are sorted by the
    # topic's dates: no statement asks FTS5 among the topic's rows
    assert asked and all(sql.startswith("SELECT count(*)") for sql in asked), asked
