"""Faults a press office meets in a years-long archive, the ninth round.

A quoted phrase of common words that finds a long page (`--limit 100` of `"上海 三明"`) checks each
candidate over its normal form; past `DENSE_AFTER` characters translated, the character table
switched to numpy, so the search imported numpy midway (~0.4 s, more than the page itself)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlitekit import counted_steps
from test_search import CONFIG, loaded_by

from monitor import normform
from monitor.models import Article
from monitor.store import Store
from monitor.textnorm import chartable

WHEN = datetime(2026, 3, 1, tzinfo=timezone.utc)
FILLER = "园区建设稳步推进，企业签约数量增长，两地交流日益密切。"  # 28 characters, no 上海 nor 三明


def test_a_phrase_search_of_a_long_page_never_loads_numpy(tmp_path):
    """130 articles of ~2,600 characters each hold `上海 三明` (typeset with a space), 20 hold only
    both words apart: a page of 120 normalises well past DENSE_AFTER characters, as a poll does,
    but the search goes on through `str.translate`, never importing numpy."""
    store = Store.open(tmp_path / "s.db")
    for i in range(150):
        middle = "上海 三明" if i % 15 else "上海，三明"  # every fifteenth: both words, not the phrase
        body = FILLER * 46 + f"本报讯 {middle}两地{i}号项目开工。" + FILLER * 46
        art = Article(url=f"https://p.example/{i}", title=f"第{i}期简报", paragraphs=(body,),
                      published=WHEN + timedelta(hours=i))
        store.add_article(art, source="p", canonical_url=art.url, content_hash=str(i), story_id=None, band_keys=[])
    store.close()
    normform.index_version()  # its cache built here, not by the search (after a change of the code it hashes)
    assert 120 * len(FILLER) * 92 > chartable.DENSE_AFTER
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(CONFIG.format(db=(tmp_path / "s.db").as_posix()), encoding="utf-8")
    done = loaded_by(cfg, ["search", "--limit", "120", "--articles", "--format", "json", '"上海 三明"'], ("numpy",))
    assert "LOADED []" in done.stderr, done.stderr[-2000:]
    ids = [r["id"] for r in json.loads(done.stdout)]
    assert ids == [i + 1 for i in reversed(range(150)) if i % 15][:120]


# --- a spaced phrase of common words: its candidates turned away cheaply --------------------------

def test_a_spaced_phrase_turns_away_words_that_meet_across_a_comma_before_reading_the_sequence(tmp_path, monkeypatch):
    """`"发展 企业 合作"`: FTS5 asks for 展企 or a run ending at 展 (and so at 业), and 展 ends a run
    before every comma after 发展: ~8,600 candidates for a page at 200,000 articles, each body
    searched for the whole sequence by an expression opening with a class (~6 µs twice a
    candidate, the expanders looked for by another). Where the phrase has a space, a preimage
    of the character before it must be followed by one of the character after it or by what
    may lie between: expressions opening with a character, ~4x cheaper, which turn those away
    first; the sequence's is read for the rest only. The same articles are found."""
    from test_search_archive5_faults import _add, _ctx

    from monitor import querylang
    from monitor.pipeline.query import search_page

    store = Store.open(tmp_path / "s.db")
    want = set()
    phrased = {5: "推动发展 企业 合作共赢", 60: "发展企业合作新模式", 90: "发展 企業 合作(hé zuò)"}
    for i in range(150):
        title = f"第{i}期两地动态"
        body = phrased.get(i, "坚持发展，企业，合作三方面并举。发展，企业合作。")  # the words, never as the phrase
        aid = _add(store, i, title, body)
        if i in phrased:
            want.add(aid)
    read = []
    real = querylang._han_sequence.__wrapped__

    def counted(needle):
        found = real(needle)
        return lambda text: read.append(needle) or found(text)
    monkeypatch.setattr(querylang, "_han_sequence", counted)
    for articles in (True, False):
        read.clear()
        page = search_page(_ctx(store), '"发展 企业 合作"', articles=articles)
        assert {r["id"] for r in page.results} == want
        assert len(read) < 20, len(read)  # every candidate past the first 32, title and body, before
    store.close()


NASTY = [" ", "\u3000", "\n", "\u200b", "(hù)", "（míng）", "(m2)", "，", "、", ";", "’", "·", "の", "\u0301", "㍿", "㍾", "㈢",
         "㈠", "a", "7", "-", "株", "\U0002a6d6", "上", "海", "治", "\ufa45"]


@pytest.mark.parametrize("query", ['"上海 三明"', '"发展 企业 合作"', '"明治 上海"', '"三明 治理"', 'title:"海 三"',
                                   '"株式 会社" 上海', "上海三明 -合作"])
def test_the_cheaper_rejection_never_turns_away_an_article_the_query_accepts(query):
    """Over texts of the query's characters in every form that normalises to them (海's
    compatibility forms, ㈢ for 三), with what normalising drops, joins, expands (㍾ is 明治, ㍿
    株式会社: one makes a character of some of these phrases, not of others) or keeps between,
    every text `Query.reject_test` turns away `accepts` refuses too; and it still turns away many."""
    import random

    from test_search_archive5_faults import _nasty_text

    from monitor import querylang, textnorm

    q = querylang.parse(query)
    reject = q.reject_test()
    assert reject is not None
    chars = "".join(c for c in query if "\u4e00" <= c <= "\u9fff")
    rng = random.Random(query)
    turned, accepted = 0, 0
    for _ in range(4000):
        title = _nasty_text(rng, chars, rng.randint(0, 10), NASTY)
        body = _nasty_text(rng, chars, rng.randint(0, 20), NASTY)
        ok = q.accepts(textnorm.normalize(title), textnorm.normalize(body))
        accepted += ok
        if reject(title, body):
            turned += 1
            assert not ok, (title, body)
    assert turned > 300 and accepted > 50, (turned, accepted)


# --- a long word of common bigrams: a token that narrows is asked of FTS5 -------------------------

def test_a_long_word_asks_fts5_a_token_that_still_narrows_its_many_candidates(tmp_path, monkeypatch):
    """`发展企业合作` (unquoted: its bigrams ANDed, then checked side by side): a token with over
    four times the matches of the rarest was left to the check, even one in a fifth of the
    articles. At 1M 展企 (18 %) was left out beside 业合 (4.3 %): ~700 candidates checked for a
    page, 27 ms. When the rarest alone leaves more than RARE candidates, such a token is asked
    too (one in nearly every article still is not). The same articles, in the same order."""
    from test_search_archive5_faults import _add, _ctx

    from monitor.pipeline import query as pipeline_query
    from monitor.pipeline.query import search_page
    from monitor.store import search as store_search

    store = Store.open(tmp_path / "s.db")
    phrased = set()
    for i in range(800):
        if i % 80 == 7:  # 10: the word
            body = "推动发展企业合作共赢。"
        elif i % 40 == 3:  # 20: 业合 (the rarest: 40), never after 发展 so
            body = "企业合作，发展。"
        elif i % 80 == 27:  # 10: 展企 and 业合, apart
            body = "发展企业，企业合作。"
        elif i % 5 == 1:  # 160: 展企 (180 in all: in under a fourth of the articles, over 4x 业合)
            body = "发展企业，合作。"
        else:  # the three common words apart
            body = "发展，企业，合作。"
        aid = _add(store, i, f"第{i}号", body, topic=False)
        if i % 80 == 7:
            phrased.add(aid)
    monkeypatch.setattr(store_search, "RARE", 20)
    checked = []
    real = pipeline_query._checker.__wrapped__

    def counting(q):
        check = real(q)
        return lambda title, body: checked.append(1) or check(title, body)
    monkeypatch.setattr(pipeline_query, "_checker", counting)
    for articles in (True, False):
        checked.clear()
        page = search_page(_ctx(store), "发展企业合作", articles=articles)
        assert {r["id"] for r in page.results} == phrased
        assert len(checked) <= 20, len(checked)  # the 40 with 业合 before
    with monkeypatch.context() as plain:  # nothing left to the check: the same page
        plain.setattr(type(store), "common_tokens", lambda self, groups: frozenset())
        assert [r["id"] for r in search_page(_ctx(store), "发展企业合作").results] == \
            [r["id"] for r in page.results]
    store.close()


# --- a topic's search within dates: the dates bound the topic's own index -------------------------

@pytest.fixture(scope="module")
def topical(tmp_path_factory):
    """2,400 articles over 60 days, three in four in the topic."""
    from test_search_archive5_faults import DAY

    from monitor.models import Match

    store = Store.open(tmp_path_factory.mktemp("topical") / "s.db")
    words = ["上海三明签约", "沪明合作园区", "三明文旅推介", "明溪乡村振兴"]
    with store.transaction():  # one write, not 4,000
        for i in range(2400):
            url = f"https://city.example.cn/t/{i}.html"
            art = Article(url=url, title=f"第{i}号{words[i % 4]}", paragraphs=(f"{words[(i // 4) % 4]}，第{i}次。",),
                          published=DAY + timedelta(minutes=(i * 53) % 2400 * 36))
            aid, _ = store.add_article(art, source="desk", canonical_url=url, content_hash=f"t{i}", story_id=None,
                                       band_keys=[])
            if i % 4 != 1:
                store.set_match(aid, Match(topic="hu-ming", matched=True, score=9.0))
    yield store
    store.close()


_EVERY: dict[tuple[str, bool], list[dict]] = {}


@pytest.mark.parametrize("query", ["", "三明", "沪明 OR 明溪", "上海 -园区"])
@pytest.mark.parametrize("days", [(0, 60), (30, 59), (59, 61), (70, 80), (-10, 2)])
def test_a_topic_search_within_dates_is_the_topic_search_cut_to_them(topical, query, days):
    from test_search_archive5_faults import DAY, _ctx

    from monitor.pipeline.query import search_page

    since, until = DAY + timedelta(days=days[0]), DAY + timedelta(days=days[1])
    for articles in (True, False):
        if (query, articles) not in _EVERY:
            _EVERY[query, articles] = search_page(_ctx(topical), query, topic="hu-ming", articles=articles,
                                                  limit=0).results
        want = [r["id"] for r in _EVERY[query, articles] if since <= datetime.fromisoformat(r["published"]) < until]
        got = search_page(_ctx(topical), query, topic="hu-ming", since=since, until=until, articles=articles, limit=30)
        assert [r["id"] for r in got.results] == want[:30], (query, days, articles)


@pytest.mark.parametrize(("query", "after"), [("", 61), ("三明", 61), ("上海 OR 沪明", 59)])
def test_a_topic_search_since_a_day_with_little_after_it_reads_only_those_days(topical, monkeypatch, query, after):
    """`--topic hu-ming --since 7d` where nothing is that recent walked every row of the topic to
    find none (~45 ms at 1M articles, where the topic's rows are walked): SQLite's steps are
    about those of the same search without the topic (its matches counted), whatever the topic holds."""
    from test_search_archive5_faults import DAY, _ctx

    from monitor.pipeline.query import search_page
    from monitor.store import search as store_search

    monkeypatch.setattr(store_search, "TOPIC_RARE", 1)  # the topic's rows walked, as for a common word at 1M

    def steps(topic: str | None) -> int:
        with counted_steps(topical.conn) as count:
            search_page(_ctx(topical), query, topic=topic, since=DAY + timedelta(days=after), articles=True)
        return count[0]
    alone, within = steps(None), steps("hu-ming")
    assert within <= alone + 40, (within, alone)  # 1,800 verdicts walked: ~160 more
