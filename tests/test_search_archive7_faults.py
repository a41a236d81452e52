"""Faults a press office meets in a years-long archive, the seventh round: what grows with the
archive where a query excludes common words, and pages asked from where a forged or stale
cursor says. Each test counts or reads what the store is asked, never how long it takes (the
times are in bench/search_tails.py's runs and BENCHMARKS.md)."""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta, timezone

import pytest
from sqlitekit import counted_steps

from monitor import querylang, textnorm
from monitor.models import Article, Match
from monitor.store import Store

DAY = datetime(2025, 6, 1, 2, tzinfo=timezone.utc)
# common words, in most articles; a rarer one; filler
COMMON = {"发展": 0.97, "企业": 0.9, "合作": 0.6, "上海": 0.8}
RARE_WORDS = {"沪明": 0.1, "明溪": 0.05}
FILLER = "两地 推进 会议 召开 项目 签约 调研 座谈 活动 举行".split()


def _ctx(store: Store):
    from monitor.pipeline.base import Context

    return Context(type("Cfg", (), {"topics": {"hu-ming": None}})(), store)  # search reads cfg.topics only


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """400 articles over a year and a half (a fifth imported later with older dates, some sharing
    an hour), each word in its share of them, every seventh a repost of an earlier story."""
    rng = random.Random(28)
    store = Store.open(tmp_path_factory.mktemp("a7") / "s.db")
    stories: list[int] = []
    for i in range(400):
        words = [w for w, p in {**COMMON, **RARE_WORDS}.items() if rng.random() < p] + rng.sample(FILLER, 3)
        rng.shuffle(words)
        title, body = "".join(words[:2]) + f"第{i}期", "，".join(words) + "。"
        hours = (i * 29) % 13000 // 5 if i % 5 else 20000 - i * 3  # a fifth: backfilled, older
        url = f"https://county{i % 3}.example.cn/a/{i}.html"
        story = stories[(i * 11) % len(stories)] if i % 7 == 6 and stories else None
        aid, sid = store.add_article(Article(url=url, title=title, paragraphs=(body,),
                                             published=DAY - timedelta(hours=hours)),
                                     source=f"s{i % 2}", canonical_url=url, content_hash=f"h{i}", story_id=story,
                                     band_keys=[])
        if story is None:
            stories.append(sid)
        if i % 3:
            store.set_match(aid, Match(topic="hu-ming", matched=True, score=9.0))
    yield store
    store.close()


def _expected(store: Store, query: str, topic: str | None) -> list[int]:
    """Every article the query accepts (its own test over the normalised text), newest first."""
    q = querylang.parse(query)
    rows = store.conn.execute("SELECT id, title, body, coalesce(published, fetched_at) AS d FROM articles").fetchall()
    inside = {r[0] for r in store.conn.execute("SELECT article_id FROM article_topics WHERE topic = ?",
                                               [topic])} if topic else None
    kept = [(r[3], r[0]) for r in rows if (inside is None or r[0] in inside)
            and q.accepts(textnorm.normalize(r[1]), textnorm.normalize(r[2]))]
    return [i for _, i in sorted(kept, reverse=True)]


EXCLUSIONS = ["发展 -合作 -企业", "发展 NOT (合作 OR 企业)", "上海 -发展 -企业", "上海 -沪明 -发展", "-发展 -企业 沪明",
              "title:发展 -合作 -企业", "发展 -合作 -企业 -沪明", "(上海 OR 明溪) -发展 -合作"]


@pytest.mark.parametrize("query", EXCLUSIONS)
@pytest.mark.parametrize("topic", [None, "hu-ming"])
def test_exclusions_are_asked_one_after_another_commonest_first(archive, query, topic):
    """`上海 -发展 -企业` (two of the commonest words excluded: nothing left) was asked of FTS5 as
    `(上海) NOT (发展 OR 企业)`: FTS5 merges the two long lists into one to seek it for every
    article 上海 gives, reading both to the end (42 ms at 1M). Asked `(上海) NOT (发展) NOT
    (企业)`, 企业 is sought only for what 发展 left (24 ms); the commonest exclusion goes first,
    leaving least to seek the others for. The same articles, in the same order."""
    from monitor.pipeline.query import search_page

    asked: list[str] = []
    archive.conn.set_trace_callback(lambda sql: asked.append(sql) if "articles_fts MATCH" in sql else None)
    try:
        page = search_page(_ctx(archive), query, topic=topic, articles=True, limit=0)
    finally:
        archive.conn.set_trace_callback(None)
    assert [r["id"] for r in page.results] == _expected(archive, query, topic)
    negated = [m for sql in asked for m in re.findall(r"NOT \((\([^()]*\)(?: OR \([^()]*\))+)\)", sql)]
    assert not negated, negated  # no alternatives merged to be excluded at once
    exclusions = [s for sql in asked for s in re.findall(r'(?: NOT \("[^"]+"\))+', sql)]
    assert exclusions, asked
    for chain in exclusions:  # 发展 (most articles), then 企业, then 合作, then 沪明
        words = re.findall(r'"([^"]+)"', chain)
        rank = ["发展", "企业", "合作", "沪明", "明溪"]
        assert words == sorted(words, key=rank.index), chain


# --- a cursor of another search -------------------------------------------------------------------

@pytest.mark.parametrize("query, topic, articles", [("沪明", None, False), ("", "hu-ming", False), ("明溪", None, True),
                                                     ("合作 -签约", None, False), ("title:动态", "hu-ming", True)])
def test_a_cursor_of_another_search_gives_the_counted_page(tmp_path, query, topic, articles):
    """Page 2 read from where page 1 ended (`after`, the web's older link, `--after-id`) trusted
    any stored article as where page 1 ended: a link whose words were edited, or an `--after-id`
    copied from another search, showed that search's place in this one's results (rows from
    anywhere, none of page 2's). A cursor this search does not find within its filters (another
    search's, one stored after the pinned state, one since deleted) has the page counted."""
    from test_search_archive6_faults import _fill, _ids

    from monitor.pipeline.query import search_page

    store = Store.open(tmp_path / "s.db")
    _fill(store, 150)
    ctx = _ctx(store)
    asked = {"topic": topic, "articles": articles, "limit": 7}
    first = search_page(ctx, query, **asked)
    counted = search_page(ctx, query, offset=7, upto=first.upto, **asked)
    assert first.more and counted.results
    found = {r["id"] for r in search_page(ctx, query, limit=0, topic=topic, articles=True).results}
    others = [r["id"] for r in search_page(ctx, "三明举办", limit=0, articles=True).results if r["id"] not in found]
    url = "https://county9.example.cn/a/late.html"  # stored after page 1 was read, found by the search
    late, _ = store.add_article(Article(url=url, title="动态：沪明合作明溪签约", paragraphs=("沪明合作明溪签约。",),
                                        published=DAY), source="desk", canonical_url=url, content_hash="late",
                                story_id=None, band_keys=[])
    store.set_match(late, Match(topic="hu-ming", matched=True, score=9.0))
    assert others
    for cursor in (others[0], others[-1], late):
        read = search_page(ctx, query, offset=7, upto=first.upto, after=cursor, **asked)
        assert _ids(read) == _ids(counted), cursor
        assert read.more == counted.more
    store.close()


def test_the_cli_counts_a_page_whose_after_id_another_search_gave(tmp_path):
    """`--after-id` copied from another search's "more:" line: the page is counted, as without it."""
    from click.testing import CliRunner
    from test_search_archive6_faults import CONFIG, _fill

    from monitor.cli import main

    store = Store.open(tmp_path / "s.db")
    _fill(store, 150)
    store.close()
    cfg = tmp_path / "m.toml"
    cfg.write_text(CONFIG.format(db=(tmp_path / "s.db").as_posix()), encoding="utf-8")

    def ids(*args: str) -> list[str]:
        out = CliRunner().invoke(main, ["--config", str(cfg), "search", *args, "--format", "json"])
        assert out.exit_code == 0, out.output
        return re.findall(r'"id": (\d+)', out.output)

    other = ids("三明举办", "--articles", "--limit", "3")
    assert other
    counted = ids("沪明", "--limit", "5", "--offset", "5")
    assert ids("沪明", "--limit", "5", "--offset", "5", "--after-id", other[-1]) == counted


# --- many common words ANDed ---------------------------------------------------------------------

NINE = "发展 上海 企业 合作 项目 投资 交流 三明 签约".split()


def test_many_common_words_anded_read_the_lists_near_the_newest_only(tmp_path, monkeypatch):
    """Nine common words ANDed (`发展 上海 … 签约`: few articles have all nine) cost ~80 ms at 1M:
    their matches were counted from the oldest article up to RARE (FTS5 reading 80 % of nine
    long lists), and then, some thousands being found, SQLite built the set of every match
    to walk the date index against (all nine lists read to the end). Now the matches are
    counted from the newest (a probe of 64), the date index is walked against FTS5 asked over
    the walked rows' ids only, in slices as long as the matches' density says a page takes
    (each statement of nine tokens costs ~1.3 ms at 1M however few rows it covers: the walk
    grew from 64 rows in eight). The same articles, in the same order."""
    from monitor.pipeline.query import search_page
    from monitor.store import search as store_search

    monkeypatch.setattr(store_search, "RARE", 40)  # the default's 3,000 over 1,500 articles, not 1M
    rng = random.Random(9)
    store = Store.open(tmp_path / "s.db")
    for i in range(1500):
        words = [w for w in NINE if rng.random() < 0.75] + rng.sample(FILLER, 2)
        rng.shuffle(words)
        url = f"https://wire.example.cn/a/{i}.html"
        store.add_article(Article(url=url, title=f"第{i}期", paragraphs=("，".join(words) + "。",),
                                  published=DAY + timedelta(minutes=7 * i + (i * 37) % 60)),
                          source="wire", canonical_url=url, content_hash=f"h{i}", story_id=None, band_keys=[])
    query = " ".join(NINE)
    want = _expected(store, query, None)
    assert 60 < len(want) < 300  # thousands at 1M: between few and many
    asked: list[str] = []
    store.conn.set_trace_callback(lambda sql: asked.append(sql) if "articles_fts MATCH" in sql else None)
    page = search_page(_ctx(store), query, articles=True)
    store.conn.set_trace_callback(None)
    assert [r["id"] for r in page.results] == want[:20]
    probe = "ORDER BY rowid DESC LIMIT 64)"
    unbounded = [sql for sql in asked if "rowid BETWEEN" not in sql and not sql.endswith(probe)]
    assert not unbounded, unbounded  # every list read over the walked rows' ids only (or the newest 64)
    assert len(asked) <= 3, asked
    store.close()


# --- relevance: the title pass -------------------------------------------------------------------

@pytest.mark.parametrize("query", ["发展 上海", "上海 -发展", "发展 -合作 -企业", "(上海 -发展) OR 沪明",
                                   "title:发展 合作", "(发展 OR 沪明) -企业", "沪明"])
def test_the_title_pass_of_relevance_asks_the_titles_words_alone(archive, query):
    """By relevance, the articles with the query's words in their titles come first: that pass
    asked FTS5 for the query AND its words in titles, so for nine common words ANDed it read
    the nine body lists besides the nine title lists (~110 ms at 1M, ~45 of them this pass).
    A title holding the words is an article holding them: the pass asks the titles' words and
    the query's exclusions (all of the query when an exclusion sits inside an OR). The same
    articles in the same order: those with the words in the title newest first, then the rest."""
    from monitor.pipeline.query import search_page

    q = querylang.parse(query)
    titled = q.in_title()
    found = _expected(archive, query, None)
    texts = {r[0]: (textnorm.normalize(r[1]), textnorm.normalize(r[2]))
             for r in archive.conn.execute("SELECT id, title, body FROM articles")}
    first = [i for i in found if titled.accepts(*texts[i])]
    asked: list[str] = []
    archive.conn.set_trace_callback(lambda sql: asked.append(sql) if "articles_fts MATCH" in sql else None)
    try:
        page = search_page(_ctx(archive), query, articles=True, limit=0, sort="relevance")
    finally:
        archive.conn.set_trace_callback(None)
    assert [r["id"] for r in page.results] == first + [i for i in found if i not in first]
    assert first and len(first) < len(found)
    if "OR" not in query:
        both = [sql for sql in asked for w in ("发展", "上海") if f'"{w}"' in sql and f'"\ue000{w}"' in sql]
        assert not both, both


# --- one source of many ---------------------------------------------------------------------------

def test_a_search_within_a_rare_source_reads_that_sources_articles_only(tmp_path, monkeypatch):
    """`--source` a county outlet with a handful of articles among thousands (or a name typed
    wrong: none) walked every article's date index to keep the source's: ~80 ms at 1M whatever
    the words, for a page of nothing. The source's own (source, date, id) index is walked:
    SQLite's steps are those of the source's articles, the same articles found."""
    from monitor.pipeline.query import search_page
    from monitor.store import search as store_search

    monkeypatch.setattr(store_search, "RARE", 40)  # the default's 3,000 over 1,500 articles, not 1M
    monkeypatch.setattr(store_search, "JOIN_MOST", 0)  # walked in Python (SQLite's own walk is the same)
    store = Store.open(tmp_path / "s.db")
    rare = []
    for i in range(1500):
        source = "county" if 700 <= i < 705 else f"wire{i % 3}"  # an outlet polled for a day
        url = f"https://{source}.example.cn/a/{i}.html"
        aid, _ = store.add_article(Article(url=url, title=f"沪明动态{i}", paragraphs=("沪明两地合作。",),
                                           published=DAY - timedelta(hours=i)), source=source, canonical_url=url,
                                   content_hash=f"h{i}", story_id=None, band_keys=[])
        if source == "county":
            rare.append(aid)
    ctx = _ctx(store)

    def cost(**kw) -> tuple[list[int], int]:
        with counted_steps(store.conn) as steps:
            found = [r["id"] for r in search_page(ctx, "沪明", articles=True, **kw).results]
        return found, steps[0]

    common, common_steps = cost(source="wire1")
    assert len(common) == 20
    found, rare_steps = cost(source="county")
    assert found == rare  # newest first: the lower ids are the newer
    none, none_steps = cost(source="nosuch")
    assert none == []
    # fewer than a page of a common source costs (walking every article, they were more)
    assert 2 * rare_steps < common_steps and 2 * none_steps < common_steps, (common_steps, rare_steps, none_steps)
    store.close()


# --- snippets of a long OR -------------------------------------------------------------------------

def test_a_page_of_a_long_or_normalises_each_word_once(archive, monkeypatch):
    """Each result's snippet looks for the first of the query's words in its body, and the words
    were normalised again for every result: an OR of 60 words, 1,200 normal forms a page (textnorm
    remembers its last 8 texts only; ~5 ms at 1M). Each word's normal form is made once."""
    from monitor import snippets
    from monitor.pipeline.query import search_page

    words = [f"{a}{b}" for a in "沪明闽申榕" for b in "东南西北中左"]  # 30 words none of the texts holds ...
    query = " OR ".join([*words, "发展"])  # ... and one most of them do
    calls: list[str] = []
    real = snippets.textnorm.normalize
    monkeypatch.setattr(snippets.textnorm, "normalize", lambda text: calls.append(text) or real(text))
    page = search_page(_ctx(archive), query, articles=True)
    assert len(page.results) == 20
    assert sum(1 for c in calls if c in words) <= 2 * len(words), len(calls)  # parsed, snippets: 642 before
