"""Faults a press office meets in a years-long archive, the fifth round: the costs that grow with
the archive (each test counts what the store is asked, never how long it takes: the times are in
bench/search_scale.py's and BENCHMARKS.md)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from monitor.models import Article, Match
from monitor.store import Store

DAY = datetime(2026, 10, 5, 3, tzinfo=timezone.utc)


def _ctx(store: Store):
    from monitor.pipeline.base import Context

    return Context(type("Cfg", (), {"topics": {"hu-ming": None}})(), store)  # search reads cfg.topics only


def _add(store: Store, i: int, title: str, body: str, topic: bool = True) -> int:
    url = f"https://city.example.cn/n/{i}.html"
    aid, _ = store.add_article(Article(url=url, title=title, paragraphs=(body,), published=DAY + timedelta(hours=i)),
                               source="desk", canonical_url=url, content_hash=f"x{i}", story_id=None, band_keys=[])
    if topic:
        store.set_match(aid, Match(topic="hu-ming", matched=True, score=9.0))
    return aid


# --- an exclusion of common words that leaves few ------------------------------------------------

@pytest.mark.parametrize("query, topic", [("发展 -企业 -合作", None), ("发展 NOT (企业 OR 合作)", None),
                                          ("发展 -企业 -合作", "hu-ming")])
def test_an_exclusion_that_leaves_few_reads_the_lists_once(tmp_path, monkeypatch, query, topic):
    """`发展 -企业 -合作` (three of the commonest words: a few dozen articles of 200,000 have the
    first and neither other) cost 18-23 ms at 200,000 articles, five times that at 1M: FTS5 read
    the three long lists to the end to count the matches (few: sorted), then again to sort them.
    Counting keeps the ids it found: the lists are read once, the same articles found."""
    from monitor.pipeline.query import search_page
    from monitor.store import search as store_search

    monkeypatch.setattr(store_search, "RARE", 40)  # the default's 3,000 over 240 articles, not 12,000
    monkeypatch.setattr(store_search, "TOPIC_RARE", 40)
    store = Store.open(tmp_path / "s.db")
    lone = set()
    for i in range(240):
        alone = i % 50 == 9
        body = "两地共同推动产业发展。" + ("" if alone else ("企业合作项目签约。" if i % 3 else "企业参与建设。"))
        aid = _add(store, i, f"沪明交流第{i}期", body)
        if alone:
            lone.add(aid)
    asked: list[str] = []
    store.conn.set_trace_callback(lambda sql: asked.append(sql) if "articles_fts MATCH" in sql else None)
    page = search_page(_ctx(store), query, topic=topic, articles=True)
    store.close()
    assert {r["id"] for r in page.results} == lone
    assert len(asked) == 1, asked
