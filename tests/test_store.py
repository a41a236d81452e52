"""Store: migrations, articles and stories, FTS search with bigrams, source state, deliveries."""

from __future__ import annotations

import os
from datetime import datetime, timezone

import pytest

from monitor import dedup, ftstokens, textnorm
from monitor.errors import StoreError
from monitor.models import Article, Hit, Match
from monitor.store import Store, migrations


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "t.db")
    yield s
    s.close()


def add(store, url, title, body, story_id=None, source="s1", published=None):
    art = Article(url=url, title=title, paragraphs=(body,), published=published)
    return store.add_article(art, source=source, canonical_url=dedup.canonical_url(url),
                             content_hash=dedup.content_hash(textnorm.normalize(body)), story_id=story_id,
                             band_keys=[1])


def test_migrations_are_recorded_and_idempotent(tmp_path):
    Store.open(tmp_path / "m.db").close()
    again = Store.open(tmp_path / "m.db")
    assert again.schema_version() == [m.name for m in migrations._migrations]
    assert {"articles", "stories", "article_topics", "lsh", "deliveries", "sources"} <= set(again.db.table_names())


def test_an_older_database_is_migrated_in_place(tmp_path):
    import sqlite3

    from sqlite_utils import Database

    from monitor.store import migrations

    old = Database(sqlite3.connect(tmp_path / "old.db"))
    migrations.apply(old, stop_before="m002_link_failures")
    old["stories"].insert({"id": 1, "title": "t"})
    old["articles"].insert({"id": 1, "canonical_url": "http://a/1", "title": "沪明", "story_id": 1})
    old.close()
    store = Store.open(tmp_path / "old.db")
    assert store.schema_version() == [m.name for m in migrations._migrations]
    assert store.article(1)["title"] == "沪明" and store.link_failures() == []
    store.close()


def test_unopenable_path_is_a_store_error(tmp_path):
    (tmp_path / "dir.db").mkdir()
    with pytest.raises(StoreError, match="cannot open database"):
        Store.open(tmp_path / "dir.db")


def test_search_finds_two_character_words_and_traditional_queries(store):
    add(store, "http://a.cn/1", "沪明对口合作推进会召开", "上海市与三明市召开对口合作推进会。")
    add(store, "http://a.cn/2", "三明治店开业", "一家三明治店在上海开业。")
    assert [r["title"] for r in store.search(["三明"])] == ["三明治店开业", "沪明对口合作推进会召开"]
    assert [r["title"] for r in store.search(["滬明"])] == ["沪明对口合作推进会召开"]
    assert [r["title"] for r in store.search(["对口", "三明市"])] == ["沪明对口合作推进会召开"]
    assert [r["title"] for r in store.search(["三明"], exclude=["三明治"])] == ["沪明对口合作推进会召开"]


def test_search_filters_by_source_topic_and_since(store):
    old = datetime(2025, 1, 1, tzinfo=timezone.utc)
    a, _ = add(store, "http://a.cn/1", "沪明合作一", "三明 上海 合作", source="x", published=old)
    b, _ = add(store, "http://a.cn/2", "沪明合作二", "三明 上海 共建", source="y")
    store.set_match(b, Match(topic="hu-ming", matched=True, score=3.0, hits=(Hit("三明", "body", 0, 2, "r"),)))
    assert [r["id"] for r in store.search(["合作"], source="x")] == [a]
    assert [r["id"] for r in store.search([], topic="hu-ming")] == [b]
    assert [r["id"] for r in store.search([], since=datetime(2026, 1, 1, tzinfo=timezone.utc))] == [b]
    assert store.search([], topic="hu-ming")[0]["topics"] == ["hu-ming"]


def test_reposts_share_a_story_and_delivery_is_per_channel(store):
    a, story = add(store, "http://a.cn/1", "沪明合作", "上海 三明 合作 项目")
    b, story_b = add(store, "http://b.cn/9", "沪明合作-转载", "上海 三明 合作 项目 转载", story_id=story)
    assert story_b == story
    for art in (a, b):
        store.set_match(art, Match(topic="hu-ming", matched=True, score=2.0))
    pending = store.undelivered("office", "email:x", ["hu-ming"])
    assert [(r["story_id"], r["article_id"]) for r in pending] == [(story, a)]
    store.record_delivery("office", "email:x", [story])
    assert store.undelivered("office", "email:x", ["hu-ming"]) == []
    assert len(store.undelivered("office", "webhook:y", ["hu-ming"])) == 1


def test_unmatched_verdict_removes_an_old_match(store):
    a, _ = add(store, "http://a.cn/1", "t", "b")
    store.set_match(a, Match(topic="hu-ming", matched=True, score=1.0))
    store.set_match(a, Match(topic="hu-ming", matched=False, score=0.0))
    assert store.topics_of([a]) == {a: []}


def test_source_errors_count_up_and_clear_on_success(store):
    store.record_poll("s", "feed", "http://x/f", status="error", error="GET: HTTP 500")
    store.record_poll("s", "feed", "http://x/f", status="error", error="GET: HTTP 500")
    assert store.source_state("s")["error_count"] == 2
    store.record_poll("s", "feed", "http://x/f", status="ok", new=3, etag='"abc"')
    state = store.source_state("s")
    assert (state["error_count"], state["last_error"], state["etag"], state["last_new"]) == (0, None, '"abc"', 3)


def test_known_urls(store):
    add(store, "http://a.cn/1?utm_source=x", "t", "b")
    assert store.known_urls([dedup.canonical_url("http://a.cn/1"), "http://other/"]) == {"http://a.cn/1"}


def test_fts_keeps_no_copy_of_the_tokens_and_a_delete_regenerates_them(store):
    a, story = add(store, "http://a.cn/1", "沪明对口合作推进会召开", "上海市与三明市召开对口合作推进会。")
    b, _ = add(store, "http://a.cn/2", "三明治店开业", "一家三明治店在上海开业。")
    sql = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
    assert "content=''" in sql and "detail=none" in sql
    assert store.conn.execute("SELECT tokens FROM articles_fts WHERE rowid = ?", [a]).fetchone() == (None,)
    assert store.delete_article(a) and not store.delete_article(a)
    assert [r["id"] for r in store.search(["三明"])] == [b]
    assert store.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
                              [ftstokens.term_expression("对口合作")]).fetchall() == []
    store.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")  # raises when corrupt
    assert store.conn.execute("SELECT count(*) FROM stories WHERE id = ?", [story]).fetchone()[0] == 0


def test_the_index_holds_distinct_tokens_and_titles_behind_a_mark(store):
    a, _ = add(store, "http://a.cn/1", "三明三明 Sanming", "上海上海，沪明 2026")
    tokens = ftstokens.article_tokens("三明三明 Sanming", "上海上海，沪明 2026").split()
    mark = ftstokens.MARK
    assert sorted(tokens) == sorted(["三明", "明三", "明", "上海", "海上", "海", "沪明", "sanming", "2026",
                                     mark + "三明", mark + "明三", mark + "明", mark + "sanming"])
    assert [r["id"] for r in store.search(["sanming"])] == [a]



def test_the_index_text_of_an_article_is_the_same_in_every_process():
    """Words other than CJK runs were joined in set order, which follows the hash seed: the
    same article gave another FTS text (and another database file) in each process."""
    import subprocess
    import sys

    code = ("from monitor import ftstokens; print(ftstokens.article_tokens("
            "'Sanming and Shanghai sign 2026 pact 沪明', 'Yong an, Shaxian, Taining: iPhone 5G COVID-19 GDP up 上海'))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3", "4")}
    assert len(runs) == 1 and "sanming" in next(iter(runs))

def _old_database(path, stop_before: str) -> None:
    """A database as an older version left it: migrations up to `stop_before`, two articles
    indexed as that version did (positional bigrams in a title and a body column)."""
    import sqlite3

    from sqlite_utils import Database

    old = Database(sqlite3.connect(path))
    migrations.apply(old, stop_before=stop_before)
    old["stories"].insert({"id": 1, "title": "t"})
    for i, title, body in ((7, "沪明合作", "三明"), (8, "三明治", "上海市与三明市对口合作")):
        old["articles"].insert({"id": i, "canonical_url": f"http://a/{i}", "title": title, "body": body, "story_id": 1})
        old.execute(f"INSERT INTO articles_fts(rowid, title, body) VALUES ({i}, ?, ?)",
                    [textnorm.index_tokens(title), textnorm.index_tokens(body)])
    old.conn.commit()
    old.close()


@pytest.mark.parametrize("stop_before", ["m006_contentless_fts", "m010_fts_distinct_tokens"])
def test_an_old_index_is_rebuilt_as_distinct_tokens(tmp_path, stop_before):
    _old_database(tmp_path / "old.db", stop_before)
    store = Store.open(tmp_path / "old.db")
    assert "detail=none" in store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
    assert [r["id"] for r in store.search(["沪明"])] == [7]
    assert [r["id"] for r in store.search(["对口合作"])] == [8]
    assert sorted(r["id"] for r in store.search(["三明"])) == [7, 8]
    assert [r["id"] for r in store.search(["三明"], exclude=["三明治"])] == [7]
    assert store.delete_article(7) and store.search(["沪明"]) == []
    store.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    store.close()


def test_hits_round_trip_through_the_store(store):
    a, _ = add(store, "http://a.cn/1", "沪明合作", "三明 上海 合作")
    hits = (Hit("三明", "body", 0, 2, "r1"), Hit("沪明", "title", 0, 2, "r2"))
    store.set_match(a, Match(topic="hu-ming", matched=True, score=2.0, hits=hits))
    assert tuple(store.hits_of(a, ["hu-ming"])) == hits
    assert store.hit_spans(a, ["hu-ming"], "body") == [(0, 2)] and store.hit_spans(a, ["other"], "body") == []


def test_hits_are_stored_compactly_and_old_rows_still_read(store):
    a, _ = add(store, "http://a.cn/1", "沪明合作", "三明 上海 合作")
    b, _ = add(store, "http://a.cn/2", "沪明合作", "三明 上海 合作")
    hits = (Hit("三明", "body", 0, 2, "both sides"), Hit("沪明", "title", 0, 2, "says 沪明"), Hit("合", "body", 6, 7, "x"))
    store.set_match(a, Match(topic="hu-ming", matched=True, score=2.0, hits=hits, rules=("says 沪明", "both sides")))
    stored = store.conn.execute("SELECT hits FROM article_topics WHERE article_id = ?", [a]).fetchone()[0]
    assert stored == '[["三明","body",0,2,1],["沪明","title",0,2,0],["合","body",6,7,"x"]]'  # rules by index
    old = '[{"term": "三明", "field": "body", "start": 0, "end": 2, "rule": "r"}]'  # as databases before hold
    store.conn.execute("INSERT INTO article_topics(article_id, topic, score, hits, rules, reason) "
                       "VALUES (?, 'hu-ming', 1, ?, '[]', '')", [b, old])
    assert tuple(store.hits_of(a, ["hu-ming"])) == hits
    assert store.hits_of(b, ["hu-ming"]) == [Hit("三明", "body", 0, 2, "r")]
    shown = store.topic_matches([a, b])
    assert shown[a][0]["hits"][1] == {"term": "沪明", "field": "title", "start": 0, "end": 2, "rule": "says 沪明"}
    assert shown[b][0]["hits"] == [{"term": "三明", "field": "body", "start": 0, "end": 2, "rule": "r"}]


def test_a_new_database_gives_free_pages_back(store):
    assert store.conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # incremental
    ids = [add(store, f"http://a.cn/{i}", f"标题{i}", "三明上海合作" * 400)[0] for i in range(30)]
    for i in ids:
        store.delete_article(i)
    assert store.conn.execute("PRAGMA freelist_count").fetchone()[0] > 20
    before = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.release_free_pages()
    assert store.conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    assert store.conn.execute("PRAGMA page_count").fetchone()[0] < before - 20


def test_topic_verdicts_carry_their_article_date_also_after_the_upgrade(tmp_path):
    import sqlite3

    from sqlite_utils import Database

    old = Database(sqlite3.connect(tmp_path / "old.db"))
    migrations.apply(old, stop_before="m011_topic_dates")
    old["stories"].insert({"id": 1, "title": "t"})
    old["articles"].insert({"id": 7, "canonical_url": "http://a/7", "title": "沪明", "body": "三明", "story_id": 1,
                            "published": "2026-05-01T00:00:00+00:00", "fetched_at": "2026-06-01T00:00:00+00:00"})
    old["article_topics"].insert({"article_id": 7, "topic": "hu-ming", "score": 1.0, "hits": "[]"})
    old.conn.commit()
    old.close()
    store = Store.open(tmp_path / "old.db")
    a, _ = add(store, "http://a.cn/1", "沪明合作", "三明 上海 合作", published=datetime(2026, 7, 1, tzinfo=timezone.utc))
    store.set_match(a, Match(topic="hu-ming", matched=True, score=2.0))
    dates = store.conn.execute("SELECT article_id, date FROM article_topics ORDER BY article_id").fetchall()
    assert dates == [(7, "2026-05-01T00:00:00+00:00"), (a, "2026-07-01T00:00:00+00:00")]
    assert [r["id"] for r in store.search([], topic="hu-ming")] == [a, 7]
    store.close()


def test_band_rows_are_rebuilt_in_bands_of_three_keeping_their_dates(tmp_path):
    import sqlite3

    from sqlite_utils import Database

    from monitor import dedup

    old = Database(sqlite3.connect(tmp_path / "old.db"))
    migrations.apply(old, stop_before="m012_lsh_bands_of_three")
    fps = {7: dedup.fingerprint("上海市与三明市对口合作持续深化，沪明临港产业园三期项目日前开工"),
           8: dedup.fingerprint("沙县小吃文化节在沙县举行，来自各地的游客品尝了扁肉和拌面")}
    old["stories"].insert({"id": 1, "title": "t"})
    for i, fp in fps.items():
        old["articles"].insert({"id": i, "canonical_url": f"http://a/{i}", "title": "t", "body": "b", "story_id": 1})
        old["fingerprints"].insert({"article_id": i, "shingles": fp.count, "sig": fp.packed()})
        old["lsh"].insert_all([{"key": n * 1000 + i, "article_id": i, "created_at": 1_700_000_000 + i} for n in range(16)])
    old.conn.commit()
    # m013 (fingerprints of the story lines) drops every band row for a rebuild from the text:
    # this upgrade stops before it
    migrations.apply(old, stop_before="m013_fingerprints_of_story_lines")
    rows = old.execute("SELECT article_id, key, created_at FROM lsh ORDER BY article_id").fetchall()
    for i, fp in fps.items():
        assert sorted(k for a, k, _ in rows if a == i) == sorted(dedup.band_keys(fp.sig)) and dedup.BANDS == 21
        assert {w for a, _, w in rows if a == i} == {1_700_000_000 + i}
    marks = ",".join("?" * dedup.BANDS)
    assert old.execute(f"SELECT DISTINCT article_id FROM lsh WHERE key IN ({marks})", dedup.band_keys(fps[7].sig)).fetchall() == [(7,)]
    old.close()


def test_a_link_that_went_through_forgets_its_failures_and_a_clean_one_writes_nothing(store):
    store.record_link_failure("http://x/1", "s", "timeout")
    store.record_link_failure("http://x/2", "s", "timeout")
    store.clear_link_failure("http://x/1")
    assert [r["canonical_url"] for r in store.link_failures()] == ["http://x/2"]
    before = store.conn.total_changes
    store.clear_link_failure("http://x/3")  # never failed: a read, no write transaction
    assert store.conn.total_changes == before and not store.conn.in_transaction


def test_anchor_look_ups_leave_out_anchors_held_by_more_than_hot_articles(store):
    """The anchors' articles are read in one statement, each anchor's first HOT + 1: an anchor
    held by more than HOT articles counts for none of them, the others for each article, the
    articles most shared first."""
    from monitor.models import Article
    from monitor.store.fingerprints import HOT

    hot, rare, lone, band = 10**15 + 1, 10**15 + 2, 10**15 + 3, 10**15 + 4
    for i in range(HOT + 3):
        keys = [hot] + ([rare] if i in (5, 7, HOT + 2) else []) + ([lone] if i == 7 else []) + ([band] if i == 9 else [])
        store.add_article(Article(url=f"http://a.example/{i}", title=f"t{i}", paragraphs=("x",)), source="s",
                          canonical_url=f"http://a.example/{i}", content_hash=f"h{i}", story_id=None,
                          band_keys=keys, shingles=50, signature=b"\0" * 8)
    ids = {r["canonical_url"]: r["id"] for r in store.query("SELECT id, canonical_url FROM articles")}
    found = store.lsh_candidates([band], anchors=[hot, rare, lone, 10**15 + 9])
    assert [(c["article_id"], c["shared"]) for c in found] == [
        (ids["http://a.example/7"], 2), (ids["http://a.example/5"], 1), (ids["http://a.example/9"], 1),
        (ids[f"http://a.example/{HOT + 2}"], 1)]
    assert store.lsh_candidates([], anchors=[hot]) == []


def test_band_look_ups_read_each_keys_newest_holders_only_so_a_story_of_thousands_stays_cheap(store):
    """A key held by more than KEY_MOST articles (a story copied everywhere) is counted over its
    newest KEY_MOST holders: the work of a look-up stops growing with the copies (it grew with
    every copy, and importing thousands of copies grew with their square), and a key or article
    below the cap counts exactly as before; a key given twice counts once."""
    from monitor.models import Article
    from monitor.store.fingerprints import KEY_MOST

    wide, narrow, other = 10**15 + 11, 10**15 + 12, 10**15 + 13
    steps: list[int] = []

    def add(i: int, keys: list[int]) -> None:
        store.add_article(Article(url=f"http://c.example/{i}", title=f"t{i}", paragraphs=("x",)), source="s",
                          canonical_url=f"http://c.example/{i}", content_hash=f"c{i}", story_id=None,
                          band_keys=keys, shingles=50, signature=b"\0" * 8)

    def vm_steps() -> int:  # SQLite's own count of virtual machine steps for one look-up
        count = [0]
        store.conn.set_progress_handler(lambda: count.__setitem__(0, count[0] + 1) or 0, 10)
        try:
            store.lsh_candidates([wide, narrow, wide])
        finally:
            store.conn.set_progress_handler(None, 0)
        return count[0]

    for i in range(4 * KEY_MOST):
        add(i, [wide] + ([narrow] if i in (3, 10) else []))
        if i + 1 in (KEY_MOST, 2 * KEY_MOST, 4 * KEY_MOST):
            steps.append(vm_steps())
    add(4 * KEY_MOST, [other])
    ids = {r["canonical_url"]: r["id"] for r in store.query("SELECT id, canonical_url FROM articles")}
    assert steps[2] <= steps[0] * 1.3, steps  # 4x the holders: no more work (it was ~4x)
    found = store.lsh_candidates([wide, narrow, wide], limit=3)
    newest = sorted((ids[f"http://c.example/{i}"] for i in range(4 * KEY_MOST)), reverse=True)[:KEY_MOST]
    # the narrow key's holders are too old to be among the wide key's newest: counted once each;
    # then the oldest of the wide key's newest KEY_MOST
    assert [(c["article_id"], c["shared"]) for c in found] == [
        (ids["http://c.example/3"], 1), (ids["http://c.example/10"], 1), (min(newest), 1)]
    assert [c["article_id"] for c in store.lsh_candidates([other])] == [ids[f"http://c.example/{4 * KEY_MOST}"]]


def _reads() -> int:
    """Read system calls this process has made so far (Linux)."""
    with open("/proc/self/io") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("syscr"))


@pytest.mark.skipif(not os.path.exists("/proc/self/io"), reason="needs Linux's /proc/self/io")
def test_pages_read_once_stay_cached_between_transactions(tmp_path):
    """A store's pages stay in the connection's cache between transactions: an index of ~9 MB
    (far past SQLite's default 2 MiB) walked a second time is not read from the file again, as
    an import's writes at random keys of the URL and band-key indexes touch the same pages
    again and again."""
    import random

    path = tmp_path / "c.db"
    store = Store.open(path)
    rng = random.Random(5)
    with store.transaction():
        store.conn.execute("CREATE TABLE scratch (k BLOB PRIMARY KEY, v INTEGER) WITHOUT ROWID")
        store.conn.executemany("INSERT INTO scratch VALUES (?, ?)",
                               ((rng.randbytes(48), i) for i in range(160_000)))
    store.close()
    store = Store.open(path)
    assert store.conn.execute("PRAGMA page_count").fetchone()[0] * 4096 > 8_000_000
    walk = "SELECT sum(length(k)) FROM scratch"
    store.conn.execute(walk).fetchone()  # read once from the file
    before = _reads()
    for _ in range(3):
        store.conn.execute(walk).fetchone()
    assert _reads() - before < 50  # a 2 MiB cache reads the ~2,200 pages again each time
    store.close()
