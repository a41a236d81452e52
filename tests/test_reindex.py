"""A store stays right across upgrades of the normal form: the index and the fingerprints are
rebuilt when the code that normalises text changed, resumably, and readers warn meanwhile."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from monitor import config, normform, textnorm
from monitor.models import Article
from monitor.pipeline import Context, catch_up, ingest, ingest_many, search
from monitor.pipeline import reindex as reindex_module
from monitor.pipeline.reindex import bring_up_to_date, stale_index
from monitor.store import Store, migrations
from monitor.textnorm import chartable

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n'
# Our own text. 淸 is a variant of 清 that the table leaves alone; the simulated upgrade folds it.
QINGLIU = ("三明市淸流县与上海市对口合作再进一步，淸流县的花卉和茶叶通过沪明合作平台销往上海。"
           "当地干部说，淸流的生态产品有了稳定的销路，农户收入明显增加。")
# A repost whose every 5-character shingle holds 淸: an upgrade that folds it changes them all.
FOLDED = "淸溪淸水淸泉淸流淸风淸明淸香淸甜淸亮淸幽淸静淸澈淸凉淸新淸秀淸雅淸丽淸淡淸朗淸爽淸润淸和淸远淸越淸晖"


def art(url: str, title: str, body: str) -> Article:
    return Article(url=url, title=title, paragraphs=tuple(body.split("\n")))


def _forget_forms() -> None:
    """Drop every in-process cache that holds the character table or text made through it."""
    chartable._bmp.cache_clear()
    chartable._np_table.cache_clear()
    textnorm._memo.clear()
    normform.forget()
    from monitor import scriptfold

    scriptfold.char_variants.cache_clear()
    scriptfold.word_variants.cache_clear()
    scriptfold._words.cache_clear()
    scriptfold._variants_array.cache_clear()


@pytest.fixture
def upgrade(monkeypatch, tmp_path):
    """Call it to simulate an upgrade whose character table folds 淸 into 清 (as a new OpenCC
    release may): the normal form changes in-process, and the versions are computed afresh
    (an upgrade changes the files their disk cache is keyed by)."""

    def apply() -> None:
        tables = dict(chartable._tables())
        one = list(tables["bmp1"])
        one[ord("淸")] = "清"
        tables["bmp1"] = "".join(one)
        monkeypatch.setattr(chartable, "_tables", lambda: tables)
        monkeypatch.setattr(chartable, "_sparse", {True: {}, False: {}})
        monkeypatch.setattr(chartable, "_sparse_seen", {True: set(), False: set()})
        monkeypatch.setenv("MONITOR_CACHE_DIR", str(tmp_path / "upgraded-cache"))
        _forget_forms()
        assert textnorm.normalize("淸流") == "清流"

    yield apply
    monkeypatch.undo()
    _forget_forms()
    assert textnorm.normalize("淸流") == "淸流"


def titles(ctx: Context, query: str) -> list[str]:
    return [r["title"] for r in search(ctx, query, articles=True)]


def test_an_upgrade_of_the_normal_form_loses_stored_articles_until_the_index_is_rebuilt(ctx, upgrade, caplog):
    ingest_many(ctx, [(art("http://a.example/1", "淸流花卉销往上海", QINGLIU), "s", None),
                      (art("http://a.example/2", "三明茶叶", "三明的茶叶在上海很受欢迎。" * 4), "s", None)])
    assert titles(ctx, "淸流") == ["淸流花卉销往上海"] and not stale_index(ctx)
    upgrade()
    # the fault: the query is normalised the new way (清流), the index holds the old tokens
    assert titles(ctx, "淸流") == [] and titles(ctx, "清流") == []
    assert stale_index(ctx)
    with caplog.at_level("INFO", logger="monitor"):
        done = catch_up(ctx)  # what poll, run and import do first
    assert done == {}
    assert not stale_index(ctx)
    assert titles(ctx, "淸流") == ["淸流花卉销往上海"] and titles(ctx, "清流") == ["淸流花卉销往上海"]
    assert set(titles(ctx, "茶叶")) == {"淸流花卉销往上海", "三明茶叶"}
    logged = [r.getMessage() for r in caplog.records]
    assert any("re-indexing 2 stored articles (made under another normal form" in m for m in logged)
    assert any("rebuilt, 2 articles" in m for m in logged)
    assert ctx.store.conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts_new'").fetchone() == (0,)


def test_after_an_upgrade_a_repost_of_an_old_story_still_folds_with_it(ctx, upgrade):
    first = ingest(ctx, art("http://a.example/1", "淸流风物", FOLDED), "s")
    upgrade()
    repost = art("http://b.example/7", "转载：淸流风物", FOLDED)
    bring_up_to_date(ctx)
    again = ingest(ctx, repost, "s")
    assert again.status == "repost" and again.story_id == first.story_id


def test_without_the_rebuild_the_repost_would_be_a_story_of_its_own(ctx, upgrade):
    """The fault the fingerprint rebuild fixes, shown with the rebuild left out."""
    first = ingest(ctx, art("http://a.example/1", "淸流风物", FOLDED), "s")
    upgrade()
    ctx.store.set_normal_form("fingerprints", normform.fingerprint_version())  # as if nothing were checked
    ctx.store.set_normal_form("index", normform.index_version())
    again = ingest(ctx, art("http://b.example/7", "转载：淸流风物", FOLDED), "s")
    assert again.status == "new" and again.story_id != first.story_id


def test_a_store_at_the_current_normal_form_does_no_rebuild_at_open(ctx, monkeypatch, caplog):
    ingest_many(ctx, [(art(f"http://a.example/{i}", f"沪明合作{i}", QINGLIU + str(i)), "s", None) for i in range(3)])

    def refuse(*args, **kwargs):
        raise AssertionError("a rebuild was started")

    monkeypatch.setattr(Store, "start_index_rebuild", refuse)
    monkeypatch.setattr(Store, "drop_fingerprints", refuse)
    with caplog.at_level("INFO", logger="monitor"):
        assert catch_up(ctx) == {}
        assert bring_up_to_date(ctx) == reindex_module.Reindexed(0, 0)
    assert not [r for r in caplog.records if "re-index" in r.getMessage() or "fingerprint" in r.getMessage()]


def test_a_rebuild_that_fails_half_way_leaves_the_old_index_and_resumes(ctx, upgrade, monkeypatch):
    ingest_many(ctx, [(art(f"http://a.example/{i}", f"淸流新闻{i}", QINGLIU), "s", None) for i in range(7)])
    upgrade()
    monkeypatch.setattr(reindex_module, "BATCH", 2)
    real, calls = Store.add_rebuilt, []

    def fail_second(self, *args):
        calls.append(args)
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error (simulated)")
        return real(self, *args)

    monkeypatch.setattr(Store, "add_rebuilt", fail_second)
    with pytest.raises(sqlite3.OperationalError):
        bring_up_to_date(ctx)
    state = ctx.store.normal_form("index")
    assert state.target == normform.index_version() and state.mark == 2  # the first batch only
    assert stale_index(ctx) and titles(ctx, "淸流") == []  # still the old index, still said to be stale
    monkeypatch.setattr(Store, "add_rebuilt", real)
    done = bring_up_to_date(ctx)
    assert done.indexed == 5  # the five not done before
    assert not stale_index(ctx) and len(titles(ctx, "淸流")) == 7


def test_articles_stored_and_deleted_during_a_rebuild_end_up_right(ctx, upgrade):
    ids = [r.article_id for r in ingest_many(ctx, [(art(f"http://a.example/{i}", f"淸流{i}", QINGLIU + str(i)), "s", None)
                                                   for i in range(4)])]
    upgrade()
    target = normform.index_version()
    from monitor import ftstokens

    assert ctx.store.start_index_rebuild(target) == 0
    rows = ctx.store.texts_after(0, 4)
    assert ctx.store.add_rebuilt(target, 0, ids[-1], [(i, ftstokens.article_tokens(t, b)) for i, t, b in rows])
    assert not ctx.store.add_rebuilt(target, 0, ids[-1], [])  # another process's stale batch: refused
    ctx.store.delete_article(ids[-1])  # the newest goes: its id is given again
    again = ingest(ctx, art("http://c.example/1", "淸流再报道", QINGLIU + "再"), "s")
    assert again.article_id == ids[-1]  # below the rebuild's mark: indexed into the new table too
    ctx.store.delete_article(ids[0])
    assert ctx.store.finish_index_rebuild(target, ftstokens.article_tokens) == 0
    assert sorted(titles(ctx, "淸流")) == ["淸流1", "淸流2", "淸流再报道"]
    expr = ftstokens.term_expression(textnorm.normalize("淸流"))  # the index itself: no row of a deleted article
    indexed = ctx.store.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", [expr]).fetchall()
    assert sorted(r[0] for r in indexed) == ids[1:]


def monitor(tmp: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    (tmp / "monitor.toml").write_text(CONFIG, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "monitor", "--config", str(tmp / "monitor.toml"),
                           "--db", str(tmp / "m.db"), *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


def _as_before_this_version(db: Path) -> None:
    """The store as one made by a version that recorded no normal form (after m017: unknown)."""
    conn = sqlite3.connect(db)
    conn.execute("UPDATE normal_forms SET version = 'unknown'")
    conn.commit()
    conn.close()


def test_search_on_a_stale_store_warns_once_and_still_answers(ctx, tmp_path):
    ingest(ctx, art("http://a.example/1", "淸流花卉销往上海", QINGLIU), "s")
    fresh = monitor(tmp_path, "search", "上海")
    assert fresh.returncode == 0 and "淸流花卉销往上海" in fresh.stdout and fresh.stderr == ""
    _as_before_this_version(tmp_path / "m.db")
    stale = monitor(tmp_path, "search", "上海")
    assert stale.returncode == 0 and "淸流花卉销往上海" in stale.stdout
    warnings = stale.stderr.splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("warning:") and "monitor reindex" in warnings[0]
    fixed = monitor(tmp_path, "reindex")
    assert fixed.returncode == 0 and "re-indexed 1 article, fingerprinted 1" in fixed.stdout, fixed.stderr
    assert monitor(tmp_path, "search", "上海").stderr == ""
    assert "up to date" in monitor(tmp_path, "reindex").stdout


def test_a_reindex_killed_after_a_batch_goes_on_from_there(ctx, tmp_path):
    n = reindex_module.BATCH + 50
    with ctx.store.transaction():
        for i in range(n):
            ctx.store.add_article(art(f"http://a.example/{i}", f"沪明合作第{i}期", f"上海三明对口合作第{i}期简报。"),
                                  source="s", canonical_url=f"http://a.example/{i}", content_hash=str(i),
                                  story_id=None)
    _as_before_this_version(tmp_path / "m.db")
    killed = monitor(tmp_path, "reindex", env={"MONITOR_TEST_CRASH_AT": "reindex-batch"})
    assert killed.returncode == -9
    conn = sqlite3.connect(tmp_path / "m.db")
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT version, mark FROM normal_forms WHERE part = 'index'").fetchone() == (
        "unknown", reindex_module.BATCH)
    conn.close()
    assert "沪明合作第7期" in monitor(tmp_path, "search", "title:第7期").stdout  # the old index answers
    again = monitor(tmp_path, "reindex")
    assert again.returncode == 0 and f"re-indexed 50 articles, fingerprinted {n}" in again.stdout, again.stderr
    assert f"沪明合作第{n - 1}期" in monitor(tmp_path, "search", f"title:第{n - 1}期").stdout


def test_an_existing_store_is_of_an_unknown_form_and_a_new_one_takes_the_current(tmp_path):
    conn = sqlite3.connect(tmp_path / "old.db")
    from monitor.store.database import ImmediateDatabase

    migrations.real().apply(ImmediateDatabase(conn), stop_before="m017_normal_forms")
    conn.execute("INSERT INTO articles(id, url, canonical_url, title, body) VALUES (1, 'u', 'u', 't', 'b')")
    conn.commit()
    conn.close()
    old = Store.open(tmp_path / "old.db")
    assert old.normal_form("index").version == old.normal_form("fingerprints").version == "unknown"
    old.close()
    new = Store.open(tmp_path / "new.db")
    assert new.normal_form("index").version == "empty"
    path = tmp_path / "monitor.toml"
    path.write_text(CONFIG, encoding="utf-8")
    ctx = Context(config.load(path, tmp_path / "new.db"), new)
    ingest(ctx, art("http://a.example/1", "沪明合作", QINGLIU), "s")
    assert new.normal_form("index").version == normform.index_version()
    assert new.normal_form("fingerprints").version == normform.fingerprint_version()
    new.close()


def test_the_old_index_and_fingerprints_go_in_small_steps_and_an_interrupted_clearing_goes_on(ctx, upgrade, monkeypatch):
    from monitor.store import normalforms

    ingest_many(ctx, [(art(f"http://a.example/{i}", f"淸流{i}", QINGLIU + str(i) * 30), "s", None) for i in range(6)])
    upgrade()
    monkeypatch.setattr(normalforms, "CHUNK", 2)  # rows per transaction: many steps for six articles
    steps, real_clear, real_drop = [], Store.clear_old_index, Store.drop_fingerprints

    def clear_then_stop(self, chunk=None):
        steps.append("clear")
        if steps.count("clear") == 3:
            raise KeyboardInterrupt  # Ctrl-C during the clearing
        return real_clear(self, chunk)

    def count_drop(self, version, chunk=None):
        steps.append("drop")
        return real_drop(self, version, chunk)

    monkeypatch.setattr(Store, "clear_old_index", clear_then_stop)
    monkeypatch.setattr(Store, "drop_fingerprints", count_drop)
    with pytest.raises(KeyboardInterrupt):
        bring_up_to_date(ctx)
    assert not stale_index(ctx) and len(titles(ctx, "清流")) == 6  # swapped in before the clearing
    assert ctx.store.old_index_left()
    monkeypatch.setattr(Store, "clear_old_index", real_clear)
    done = bring_up_to_date(ctx)
    assert not ctx.store.old_index_left() and done.fingerprinted == 6
    assert steps.count("drop") > 3  # the signatures went a few at a time, then their version was recorded
    assert ctx.store.normal_form("fingerprints") == (normform.fingerprint_version(), None, 0)
    names = {r[0] for r in ctx.store.conn.execute("SELECT name FROM sqlite_master")}
    assert not {n for n in names if n.startswith(("articles_fts_old", "articles_fts_new"))}


def test_a_store_filled_around_the_pipeline_is_not_called_stale_but_a_writer_rebuilds_it(ctx):
    ctx.store.add_article(art("http://a.example/1", "淸流花卉", QINGLIU), source="s", canonical_url="http://a.example/1",
                          content_hash="x", story_id=None)
    assert ctx.store.normal_form("index").version == "empty" and not stale_index(ctx)
    assert bring_up_to_date(ctx) == (1, 1)
    assert ctx.store.normal_form("index").version == normform.index_version()


def test_the_search_page_says_so_on_a_stale_store_until_it_is_rebuilt(ctx, tmp_path):
    import httpx
    from test_web import Served

    from monitor.web import create_app

    ingest(ctx, art("http://a.example/1", "淸流花卉销往上海", QINGLIU), "s")
    with Served(create_app(ctx, auth="")) as served:
        page = httpx.get(served.url("/search?q=上海")).text
        assert "淸流花卉" in page and "monitor reindex" not in page
        ctx.store.set_normal_form("index", "unknown")  # as a store from before the version was recorded
        page = httpx.get(served.url("/search?q=上海")).text
        assert "淸流花卉" in page and page.count("monitor reindex") == 1
        bring_up_to_date(ctx)
        assert "monitor reindex" not in httpx.get(served.url("/search?q=上海")).text


def test_the_scale_benchmarks_generated_store_is_of_the_current_form(tmp_path, caplog):
    """bench/search_scale.py writes rows and tokens around the pipeline, in this code's form:
    an import into its store must start at once, not re-index a million articles first."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import search_scale

    db = tmp_path / "gen.db"
    search_scale.build(db, 40, body_chars=120, workers=1)
    ctx = Context(config.load(tmp_path / "bench.toml", db), Store.open(db))
    try:
        assert not stale_index(ctx)
        done = bring_up_to_date(ctx)
        assert (done.indexed, done.fingerprinted) == (0, 0)
        assert "re-indexing" not in caplog.text
    finally:
        ctx.store.close()


def test_a_probe_for_the_fingerprints_alone_leaves_the_index_version_as_it_was(monkeypatch):
    """fold-5's numbers probe went into PROBES, which both versions digest: the index version
    changed with no search token changed, and every store would re-index its whole archive
    (26 minutes at a million articles) at the next start. Probes that only fingerprints read
    live apart."""
    index, prints = normform._compute_index_version(), normform._compute_fingerprint_version()
    monkeypatch.setattr(normform, "FINGERPRINT_PROBES", (*normform.FINGERPRINT_PROBES, "二十一万三千 210,000"))
    assert normform._compute_index_version() == index
    assert normform._compute_fingerprint_version() != prints
    assert not any("1,200户" in p for p in normform.PROBES)  # the numbers probe reads fingerprints only


def test_a_new_stores_first_index_says_nothing_of_an_old_one(ctx, upgrade, caplog):
    # A new store's first writer records its normal form: there is no old index to clear, and
    # the line 'the old index cleared in 0 steps' came among the daemon's first polls' lines (a
    # test reading one line a poll failed on it when the start was slow). An upgrade's rebuild,
    # which swaps an old index out and clears it, still says so.
    with caplog.at_level("INFO", logger="monitor"):
        reindex_module.index_up_to_date(ctx)
    assert not [r for r in caplog.records if "old index" in r.getMessage()]
    ingest_many(ctx, [(art("http://a.example/1", "淸流花卉销往上海", QINGLIU), "s", None)])
    upgrade()
    with caplog.at_level("INFO", logger="monitor"):
        reindex_module.index_up_to_date(ctx)
    assert [r for r in caplog.records if "the old index cleared in" in r.getMessage()]
