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
    sample = f"LIMIT {store_search.COMMON_SAMPLE})"  # a count of an exclusion's first matches (its order)
    store.conn.set_trace_callback(lambda sql: asked.append(sql) if "articles_fts MATCH" in sql
                                  and not sql.endswith(sample) else None)
    page = search_page(_ctx(store), query, topic=topic, articles=True)
    store.close()
    assert {r["id"] for r in page.results} == lone
    assert len(asked) == 1, asked


# --- a quoted phrase of two common words with a space ---------------------------------------------

PHRASED = {3: "上海三明两地签约", 40: "上海 三明 对口合作推进会", 77: "来自上海\u3000三明的客商"}  # adjacent, spaced twice


def test_a_spaced_phrase_of_two_common_words_normalises_few_candidates(tmp_path, monkeypatch):
    """`"上海 三明"` (a phrase as a title typesets it: it finds 上海三明 and 上海 三明) is asked of FTS5
    as each side alone, so every article with both words anywhere was a candidate, and each was
    normalised whole to be checked: ~1,000 for a page at 200,000 articles, 65-100 ms. Past a few
    candidates a cheap test over the original text turns away those where no preimage of 海 is
    followed by one of 三 with no Han character between (what normalising cannot join), and FTS5
    asks for 海三 or a run ending at 海 where the sides meet. The same articles are found."""
    from monitor import textnorm
    from monitor.pipeline import query as pipeline_query
    from monitor.pipeline.query import search_page

    store = Store.open(tmp_path / "s.db")
    want = set()
    for i in range(200):
        title = PHRASED.get(i, f"上海客商赴三明考察第{i}批")  # both words, never side by side
        body = "两地企业洽谈合作。" if i in PHRASED else "上海企业到三明市洽谈，上海，三明两地合作。"
        aid = _add(store, i, title, body)
        if i in PHRASED:
            want.add(aid)
    calls = []
    real = textnorm.normalize
    # an article's title or body normalised (not a character of the query's, once a process)
    monkeypatch.setattr(pipeline_query.textnorm, "normalize", lambda text: calls.append(len(text) > 1) or real(text))
    page = search_page(_ctx(store), '"上海 三明"', articles=True)
    assert {r["id"] for r in page.results} == want
    assert sum(calls) < 100, sum(calls)  # 2 a candidate (title, body) for all 200 before
    calls.clear()
    assert {r["id"] for r in search_page(_ctx(store), '"上海 三明"').results} == want  # stories: the same
    assert sum(calls) < 100, sum(calls)
    store.close()


# what normalising drops, joins, expands or keeps between characters: spaces of every kind, a
# zero-width space, pinyin after a character, kana, a combining mark, expansions (㍿ is 株式会社,
# ㈠ is (一)), punctuation (kept, or taken with pinyin or kana), letters, digits, a character beyond the BMP
NASTY = [" ", "\u3000", "\n", "\u200b", "(hù)", "（míng）", "(m2)", "，", "、", ";", "’", "·", "の", "\u0301", "㍿", "㈠",
         "a", "7", "-", "株", "\U0002a6d6", "上", "海"]


def _nasty_text(rng, chars: str, n: int, nasty: list[str] = NASTY) -> str:
    """Mostly the query's characters in order (each in any form that normalises to it), with
    pieces of `nasty` between."""
    from monitor import snippets

    out, k = [], rng.randrange(len(chars))
    for _ in range(n):
        if rng.random() < 0.55:
            out.append(rng.choice(snippets.preimages(chars[k % len(chars)])))
            k += 1
        else:
            out.append(rng.choice(nasty))
    return "".join(out)


@pytest.mark.parametrize("query", ['"沪明 对口"', '"对口 合作"', "对口合作", 'title:"沪 明"', "沪明 -合作",
                                   '"株式 会社"', '"上海 沪明" 对口', "沪明 OR 合作"])
def test_the_cheap_rejection_never_turns_away_an_article_the_query_accepts(query):
    """`Query.reject_test` is a shortcut of `accepts`: over texts of the query's characters in
    every form that normalises to them, with what normalising drops, joins, expands or keeps
    between, every text it turns away `accepts` refuses too."""
    import random

    from monitor import querylang, textnorm

    q = querylang.parse(query)
    reject = q.reject_test()
    if query == "沪明 OR 合作":
        assert reject is None  # no term every match needs
        return
    assert reject is not None
    chars = "".join(c for c in query if "\u4e00" <= c <= "\u9fff")
    rng = random.Random(query)
    turned, accepted = 0, 0
    for _ in range(4000):
        title, body = _nasty_text(rng, chars, rng.randint(0, 10)), _nasty_text(rng, chars, rng.randint(0, 20))
        ok = q.accepts(textnorm.normalize(title), textnorm.normalize(body))
        accepted += ok
        if reject(title, body):
            turned += 1
            assert not ok, (title, body)
    assert turned > 300 and accepted > 100, (turned, accepted)  # the test says something, both ways


# --- proximity as another engine writes it --------------------------------------------------------

@pytest.mark.parametrize("query", ["NEAR(上海 三明)", "near(上海 三明)", "上海 NEAR 三明", "上海 NEAR/3 三明", "AROUND(上海 三明)"])
def test_a_proximity_operator_finding_nothing_says_what_finds_the_words(tmp_path, query):
    """`NEAR(上海 三明)` (SQLite's FTS5, Lucene, Westlaw write proximity so; Google AROUND(3)) looked
    for the word "near" too and answered a bare 'nothing found' over an archive full of both words.
    The hint says the words are all required anyway, and a quoted phrase finds them side by side."""
    from click.testing import CliRunner

    from monitor.cli import main

    store = Store.open(tmp_path / "s.db")
    _add(store, 1, "上海三明两地签约", "上海与三明两地企业签约合作。")
    store.close()
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(f'include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "{(tmp_path / "s.db").as_posix()}"\n',
                   encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(cfg), "search", "--", query], catch_exceptions=False)
    assert result.exit_code == 0
    assert "hint:" in result.stderr and "quoted phrase" in result.stderr, result.stderr
    found = CliRunner().invoke(main, ["--config", str(cfg), "search", "--", "上海 三明"], catch_exceptions=False)
    assert "上海三明两地签约" in found.output and "hint" not in found.stderr
