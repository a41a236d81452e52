"""Ingest: one transaction per article (a kill at each commit point loses nothing), start-up
catch-up of unchecked articles, batches, and several processes on one database."""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest

from monitor import config, dedup, match
from monitor.models import Article
from monitor.pipeline import Context, Ingestor, catch_up, checks, ingest, ingest_many
from monitor.pipeline.checks import rules_hash
from monitor.replay import ReplayServer
from monitor.store import Store

SITES = Path(__file__).parent / "fixtures" / "sites"
STORY = ("上海市与三明市对口合作持续深化，沪明临港产业园三期项目日前在三明市三元区开工，"
         "计划引进新材料和生物医药企业二十家。园区由两地国资平台共同出资建设，上海方面派出管理团队，"
         "负责招商和运营。今年以来，园区已签约项目十二个，总投资超过四十亿元。")
CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n[fetch]\nmin_delay = 0\nallow_private = ["127.0.0.1"]\nretries = 0\n'


def articles() -> list[dict]:
    """Six import lines: three on topic, one repost of the first, two off topic."""
    return [
        {"url": "http://a.example/1", "title": "沪明对口合作产业园三期开工", "body": STORY},
        {"url": "http://b.example/9", "title": "转载：沪明产业园开工",
         "body": "来源：三明日报\n" + STORY + "\n责任编辑：林某"},
        {"url": "http://a.example/2", "title": "三明治店在上海开业", "body": "一家三明治店本周在上海静安区开业，面包每天现烤。" * 3},
        {"url": "http://a.example/3", "title": "沪明劳务协作推进会召开",
         "body": "上海市与三明市召开劳务协作推进会，两地人社部门签署协议。" * 3},
        {"url": "http://a.example/4", "title": "冬季森林防火", "body": "三明市召开会议，部署冬季森林防火工作。" * 4},
        {"url": "http://a.example/5", "title": "滬明對口合作簽約", "body": "上海市與三明市簽署對口合作協議，共建人才飛地。" * 3},
    ]


def monitor(tmp: Path, *args: str, env: dict | None = None, cfg: str = CONFIG,
            stdin: bytes | None = None) -> subprocess.CompletedProcess:
    (tmp / "monitor.toml").write_text(cfg, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "monitor", "--config", str(tmp / "monitor.toml"),
                           "--db", str(tmp / "m.db"), *args], capture_output=True, input=stdin,
                          env={**os.environ, **(env or {})}, timeout=120)


def write_lines(path: Path, objs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs), encoding="utf-8")
    return path


def check_consistent(db_path: Path, topic_rules: int) -> dict[str, int]:
    """Integrity ok, every article checked under the current rules, no story without articles."""
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    counts = {"articles": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
              "stories": conn.execute("SELECT count(*) FROM stories").fetchone()[0],
              "matched": conn.execute("SELECT count(*) FROM article_topics").fetchone()[0]}
    unchecked = conn.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_checks c "
                             "WHERE c.article_id = a.id AND c.topic = 'hu-ming' AND c.rules = ?)",
                             [topic_rules]).fetchone()[0]
    orphans = conn.execute("SELECT count(*) FROM articles WHERE story_id NOT IN (SELECT id FROM stories)").fetchone()[0]
    empty = conn.execute("SELECT count(*) FROM stories WHERE id NOT IN (SELECT story_id FROM articles)").fetchone()[0]
    indexed = conn.execute("SELECT count(*) FROM articles WHERE id NOT IN (SELECT rowid FROM articles_fts)").fetchone()[0]
    assert (unchecked, orphans, empty, indexed) == (0, 0, 0, 0)
    conn.close()
    return counts


def hu_ming_rules(tmp: Path | None = None) -> int:
    """The rules hash of hu-ming as the CLI's config compiles it."""
    path = Path(tmp or ".") / "hash.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return rules_hash(config.load(path, None).topics["hu-ming"])


@pytest.mark.parametrize("point", ["stored", "matched", "batch", "committed"])
def test_a_kill_at_each_commit_point_loses_nothing(tmp_path, point):
    lines = write_lines(tmp_path / "in.jsonl", articles())
    killed = monitor(tmp_path, "import", str(lines), env={"MONITOR_TEST_CRASH_AT": point})
    assert killed.returncode == -9, killed.stderr.decode()
    check_consistent(tmp_path / "m.db", hu_ming_rules(tmp_path))  # nothing half-written
    again = monitor(tmp_path, "import", str(lines))
    assert again.returncode == 0 and b"Traceback" not in again.stderr, again.stderr.decode()
    counts = check_consistent(tmp_path / "m.db", hu_ming_rules(tmp_path))
    assert counts == {"articles": 6, "stories": 5, "matched": 4}  # the repost joined its original


def test_a_poll_killed_mid_ingest_stores_the_rest_next_time(tmp_path):
    with ReplayServer(SITES) as site:
        cfg = CONFIG + f'[[sources]]\nname = "feed"\nkind = "feed"\nurl = "{site.base_url}/feed/rss.xml"\n'
        killed = monitor(tmp_path, "poll", cfg=cfg, env={"MONITOR_TEST_CRASH_AT": "matched"})
        assert killed.returncode == -9
        again = monitor(tmp_path, "poll", cfg=cfg)
    assert again.returncode == 0, again.stderr.decode()
    assert check_consistent(tmp_path / "m.db", hu_ming_rules(tmp_path))["articles"] == 3


def art(obj: dict) -> Article:
    return Article(url=obj["url"], title=obj["title"], paragraphs=tuple(obj["body"].split("\n")))


def test_a_new_topic_or_changed_rules_reach_stored_articles_at_start(ctx):
    results = ingest_many(ctx, [(art(o), "s", None) for o in articles()])
    assert [r.status for r in results] == ["new", "repost", "new", "new", "new", "new"]
    assert catch_up(ctx) == {}  # everything was checked as it was stored
    rule = {"threshold": 1, "groups": {"sandwich": {"terms": ["三明治"]}},
            "rules": [{"name": "sandwich", "any": ["sandwich"], "weight": 1}]}
    ctx.cfg.topics["sandwich"] = match.compile_topic("sandwich", rule, where="test")
    assert catch_up(ctx) == {"sandwich": 6}
    assert catch_up(ctx) == {}
    assert [r["title"] for r in ctx.store.search([], topic="sandwich")] == ["三明治店在上海开业"]
    rule["groups"]["sandwich"]["terms"] = ["森林防火"]  # the rules change: every verdict is stale
    ctx.cfg.topics["sandwich"] = match.compile_topic("sandwich", rule, where="test")
    assert catch_up(ctx) == {"sandwich": 6}
    assert [r["title"] for r in ctx.store.search([], topic="sandwich")] == ["冬季森林防火"]


def test_an_upgraded_engine_rematches_stored_articles_although_the_rules_are_the_same(ctx, monkeypatch):
    from monitor.match import engine

    ingest_many(ctx, [(art(o), "s", None) for o in articles()])
    assert catch_up(ctx) == {}
    matched = [r["title"] for r in ctx.store.search([], topic="hu-ming")]
    assert len(matched) == 4  # three stories on topic, one of them with its repost

    def silent(rule, scoped):  # an engine whose rules never fire: every verdict it gave is stale
        return None

    monkeypatch.setattr(engine, "_fire", silent)
    monkeypatch.setattr(checks, "_HASHES", {})  # a new process: hashes not yet made
    assert catch_up(ctx) == {"hu-ming": 6}
    assert ctx.store.search([], topic="hu-ming") == []
    assert catch_up(ctx) == {}


def test_an_engine_version_bump_rematches_stored_articles(ctx, monkeypatch):
    from monitor.match import version

    ingest_many(ctx, [(art(o), "s", None) for o in articles()])
    before = rules_hash(ctx.cfg.topics["hu-ming"])
    monkeypatch.setattr(version, "ENGINE", version.ENGINE + 1)
    monkeypatch.setattr(checks, "_HASHES", {})
    assert rules_hash(ctx.cfg.topics["hu-ming"]) != before
    assert catch_up(ctx) == {"hu-ming": 6}
    assert len(ctx.store.search([], topic="hu-ming")) == 4


def test_articles_an_upgrade_newly_matches_are_named_once_and_wait_for_the_digest(ctx, monkeypatch, caplog):
    from monitor.match import engine

    ingest_many(ctx, [(art(o), "s", None) for o in articles()])
    sandwich = ctx.store.conn.execute("SELECT id FROM articles WHERE title LIKE '三明治%'").fetchone()[0]
    real = engine._match

    def keener(topic, doc):  # a new engine that also takes the sandwich shop for the topic
        verdict = real(topic, doc)
        return dataclasses.replace(verdict, matched=True) if "三明治" in doc.title else verdict

    monkeypatch.setattr(engine, "_match", keener)
    monkeypatch.setattr(checks, "_HASHES", {})
    with caplog.at_level("WARNING", logger="monitor"):
        catch_up(ctx)
    said = [r.getMessage() for r in caplog.records if "newly match" in r.getMessage()]
    assert said == ["1 stored articles newly match topic hu-ming; their stories wait for the next digests "
                    "(to skip old ones: monitor digest --mark-read --before 7d)"]
    waiting = {r["article_id"] for r in ctx.store.undelivered("x", "email", ["hu-ming"])}
    assert sandwich in waiting


def test_rules_hash_is_stable_across_processes(tmp_path):
    hu_ming_rules(tmp_path)
    code = ("from monitor import config; from monitor.pipeline.checks import rules_hash; "
            f"print(rules_hash(config.load({str(tmp_path / 'hash.toml')!r}, None).topics['hu-ming']))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert runs == {f"{hu_ming_rules(tmp_path)}\n"}


def test_a_batch_stores_each_article_once_and_single_ingest_still_works(ctx):
    objs = articles()
    with Ingestor(ctx, batch_size=4) as ingestor:
        first = [r for o in objs + objs[:2] for r in ingestor.add(art(o), "s")]
    results = first + ingestor.results
    assert [r.status for r in results] == ["new", "repost", "new", "new", "new", "new", "duplicate", "duplicate"]
    assert results[1].story_id == results[0].story_id and results[1].canonical == "http://b.example/9"
    assert ingest(ctx, art(objs[0]), "s").status == "duplicate"
    assert ingest(ctx, art({**objs[0], "url": "http://c.example/1"}), "s").status == "repost"


def test_an_article_stored_meanwhile_by_another_process_counts_as_stored(ctx, tmp_path):
    obj = articles()[0]
    with Ingestor(ctx, batch_size=10) as ingestor:
        ingestor.add(art(obj), "s")  # prepared, not yet written
        other = Store.open(tmp_path / "m.db")
        other_ctx = Context(ctx.cfg, other)
        assert ingest(other_ctx, art(obj), "s").status == "new"
        other.close()
    assert [r.status for r in ingestor.results] == ["duplicate"]
    assert ctx.store.stats()["articles"] == 1


def test_two_concurrent_first_starts_do_not_race(tmp_path):
    for round_ in range(3):
        db = tmp_path / f"r{round_}.db"
        code = f"from monitor.store import Store; Store.open({str(db)!r}).close()"
        procs = [subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE) for _ in range(3)]
        errors = [p.communicate(timeout=60)[1] for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0], errors
        store = Store.open(db)
        assert len(store.schema_version()) == len(set(store.schema_version()))
        store.close()


def test_two_concurrent_polls_store_each_article_once(tmp_path):
    with ReplayServer(SITES) as site:
        cfg = CONFIG + "".join(
            f'[[sources]]\nname = "{name}"\nkind = "{kind}"\nurl = "{site.base_url}/{path}"\n'
            + ('link_selector = "ul.news a"\n' if kind == "html" else "")
            for name, kind, path in [("feed", "feed", "feed/rss.xml"), ("gbk", "html", "gbk/list.html"),
                                     ("repost", "html", "repost/list.html")])
        (tmp_path / "monitor.toml").write_text(cfg, encoding="utf-8")
        args = [sys.executable, "-m", "monitor", "--config", str(tmp_path / "monitor.toml"),
                "--db", str(tmp_path / "m.db"), "poll"]
        procs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
        outs = [p.communicate(timeout=120) for p in procs]
    for p, (_, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0 and b"Traceback" not in err and b"locked" not in err, err.decode()
    counts = check_consistent(tmp_path / "m.db", hu_ming_rules(tmp_path))
    assert (counts["articles"], counts["stories"]) == (6, 5)


def test_writers_in_threads_wait_for_each_other(tmp_path):
    """Two connections writing at once: the second waits for the lock instead of failing."""
    Store.open(tmp_path / "m.db").close()
    errors: list[BaseException] = []

    def write(n: int) -> None:
        store = Store.open(tmp_path / "m.db")
        try:
            for i in range(30):
                with store.transaction():
                    store.record_link_failure(f"http://x/{n}/{i}", "s", "test")
        except BaseException as exc:
            errors.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    store = Store.open(tmp_path / "m.db")
    assert len(store.link_failures()) == 90
    store.close()


BOILER = ("本网讯 欢迎关注三明日报微信公众号，获取更多本地资讯。版权所有，未经授权不得转载。"
          "联系电话：0598-1234567，地址：三明市梅列区新市中路。")
LONG_STORY = STORY + ("据介绍，产业园三期规划面积八百亩，重点布局新能源装备、智能制造和现代物流三大板块，"
                      "预计二〇二八年全面建成投产后年产值可达一百五十亿元，新增就业岗位六千个。"
                      "三明市有关负责人表示，将持续优化营商环境，为入园企业提供全周期服务。")
OTHER_STORY = ("沙县小吃文化节昨日在沙县举行，来自全国各地的游客品尝了扁肉、拌面和烧卖，主办方介绍，"
               "本届文化节共设置展位一百二十个，吸引游客超过五万人次，带动餐饮消费明显增长。")


def test_a_repost_with_other_header_and_footer_folds_and_shared_boilerplate_does_not(ctx):
    original = art({"url": "http://a.example/o", "title": "产业园开工", "body": LONG_STORY + "\n" + BOILER})
    repost = art({"url": "http://b.example/r", "title": "产业园开工（转载）",
                  "body": "来源：东南网 记者 王某\n" + LONG_STORY + "\n（完）责任编辑：陈某 审核：李某"})
    unrelated = art({"url": "http://c.example/u", "title": "小吃节", "body": BOILER + "\n" + OTHER_STORY + "\n" + BOILER})
    first, second, third = ingest_many(ctx, [(original, "a", None), (repost, "b", None), (unrelated, "a", None)])
    assert (second.status, second.story_id) == ("repost", first.story_id)
    assert third.status == "new" and third.story_id != first.story_id


def test_clear_candidates_are_judged_from_signatures_without_reading_text(ctx):
    first = ingest(ctx, art({"url": "http://a.example/o", "title": "t", "body": STORY * 2}), "a")
    # garble the stored text: only the stored signature can still recognise the repost
    ctx.store.conn.execute("UPDATE articles SET body = '无关' WHERE id = ?", [first.article_id])
    ctx.store.conn.commit()
    again = ingest(ctx, art({"url": "http://b.example/r", "title": "t", "body": "来源：东南网\n" + STORY * 2}), "b")
    assert (again.status, again.story_id) == ("repost", first.story_id)


def test_an_old_database_gets_fingerprints_rebuilt_at_start(ctx, tmp_path):
    ids = [r.article_id for r in ingest_many(ctx, [(art(o), "s", None) for o in articles()[:1]])]
    ctx.store.conn.execute("DELETE FROM fingerprints")  # as after the migration to a new hash
    ctx.store.conn.execute("DELETE FROM lsh")
    ctx.store.conn.commit()
    catch_up(ctx)
    assert ctx.store.conn.execute("SELECT count(*) FROM fingerprints").fetchone()[0] == len(ids)
    # a row per band, one for the opening's key, the openings' and the headline's (as an ingest writes them), the anchors
    assert ctx.store.conn.execute("SELECT count(*) FROM lsh").fetchone()[0] == dedup.BANDS + 1 + dedup.ANCHORS + 2
    repost = ingest(ctx, art(articles()[1]), "s")
    assert repost.status == "repost"


def test_lsh_rows_outside_the_window_are_pruned_through_an_index(ctx):
    from datetime import timedelta

    from monitor.store import utcnow

    ingest(ctx, art(articles()[0]), "s")
    ctx.store.conn.execute("UPDATE lsh SET created_at = created_at - ?", [int(timedelta(days=60).total_seconds())])
    ctx.store.conn.commit()
    plan = " ".join(r[3] for r in ctx.store.conn.execute("EXPLAIN QUERY PLAN DELETE FROM lsh WHERE created_at < 1"))
    assert "lsh_created_at" in plan
    ingest(ctx, art(articles()[3]), "s")  # every batch prunes: the daemon too, not only `monitor poll`
    assert ctx.store.conn.execute("SELECT count(*) FROM lsh WHERE created_at < ?",
                                  [int((utcnow() - timedelta(days=45)).timestamp())]).fetchone()[0] == 0


def test_a_backfill_keeps_band_rows_only_for_articles_inside_the_window(ctx):
    """`monitor import` dates an article's band rows by its publication: once the run is over,
    those of articles published before the near-duplicate window are gone (a 1M backfill left
    21M rows, and every later article wrote its bands at random places among them), while the
    run still folds reposts of an old story that arrive in it, batches apart."""
    from datetime import timedelta

    from monitor.pipeline import import_lines
    from monitor.store import utcnow

    old, fresh = "2023-11-08T10:23:00+08:00", (utcnow() - timedelta(days=2)).isoformat()
    lines = [json.dumps({**o, "published": old if i < 3 else fresh}, ensure_ascii=False)
             for i, o in enumerate([articles()[0], articles()[2], articles()[3], articles()[4], articles()[5]])]
    lines.insert(2, json.dumps({**articles()[1], "published": old}, ensure_ascii=False))  # the old story's repost
    report = import_lines(ctx, lines, workers=1)
    assert (report.new, report.reposts) == (5, 1)
    banded = {r[0]: r[1] for r in ctx.store.conn.execute("SELECT a.url, count(*) FROM lsh JOIN articles a "
                                                         "ON a.id = lsh.article_id GROUP BY a.url")}
    # short texts, each longer than its opening: its key too, and a brief's opening's and headline's (`dedup.kind_keys`)
    rows = dedup.BANDS + 1 + dedup.ANCHORS + 2
    assert banded == {"http://a.example/4": rows, "http://a.example/5": rows}  # the fresh ones
    # batches apart within one run: the repost still finds the original's band rows
    with Ingestor(ctx, batch_size=1, backfill=True) as ingestor:
        first = ingestor.add(Article(url="http://c.example/1", title="旧闻", paragraphs=(STORY + "旧闻一则。",),
                                     published=datetime(2023, 5, 1, tzinfo=timezone.utc)), "s")
        again = ingestor.add(Article(url="http://c.example/2", title="旧闻转载", paragraphs=("转载：" + STORY + "旧闻一则。",),
                                     published=datetime(2023, 5, 2, tzinfo=timezone.utc)), "s")
    assert first[0].status == "new" and again[0].status == "repost" and again[0].story_id == first[0].story_id
    # a poll (no backfill) dates them by the fetch, as before: kept for the window
    polled = ingest(ctx, Article(url="http://d.example/1", title="旧文", paragraphs=("三明市召开森林防火会议，部署冬季工作。" * 4,),
                                 published=datetime(2023, 5, 1, tzinfo=timezone.utc)), "s")
    assert ctx.store.conn.execute("SELECT count(*) FROM lsh WHERE article_id = ?", [polled.article_id]).fetchone()[0] \
        == rows - 1  # (a headline of two characters tells no story: no key)


def test_a_long_one_off_pass_at_start_is_announced_and_a_short_one_is_not(ctx, caplog, monkeypatch):
    """Minutes of re-fingerprinting or re-matching a million articles are said first, so a quiet
    command is not taken for a hung one; a handful of articles is not worth a line."""
    ingest_many(ctx, [(art(o), "s", None) for o in articles()])
    ctx.store.conn.execute("DELETE FROM fingerprints")
    ctx.store.conn.commit()
    rule = {"threshold": 1, "groups": {"g": {"terms": ["三明治"]}}, "rules": [{"name": "r", "any": ["g"], "weight": 1}]}
    ctx.cfg.topics["sandwich"] = match.compile_topic("sandwich", rule, where="test")
    with caplog.at_level("WARNING", logger="monitor"):
        catch_up(ctx)
    assert not [r for r in caplog.records if "takes a while" in r.getMessage()]

    monkeypatch.setattr(checks, "NOTICE_AT", 6)  # as if these six were a million
    ctx.store.conn.execute("DELETE FROM fingerprints")
    ctx.store.conn.commit()
    rule["groups"]["g"]["terms"] = ["森林防火"]
    ctx.cfg.topics["sandwich"] = match.compile_topic("sandwich", rule, where="test")
    shown = []  # what a progress bar on a terminal is told
    with caplog.at_level("WARNING", logger="monitor"):
        catch_up(ctx, lambda what, done, total: shown.append((what, done, total)))
    assert ("topic sandwich's verdicts", 6, 6) in shown
    said = [r.getMessage() for r in caplog.records if "takes a while" in r.getMessage()]
    assert said == ["fingerprinting 6 stored articles for story folding (once, after an upgrade): this takes a while",
                    "matching 6 stored articles against the rules of topic sandwich (new or changed): this takes a "
                    "while"]


def _temporary_files() -> list[str]:
    """SQLite's temporary files this process holds open (unlinked at once, named etilqs_*)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:  # closed meanwhile (the listing's own descriptor)
            continue
        if "etilqs_" in target:
            found.append(target)
    return found


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="reads /proc to see the open files")
def test_a_batch_keeps_its_savepoints_undo_records_in_memory(ctx):
    """Each article's savepoint records the pages it changes; past 64 KiB SQLite spills that
    record to a temporary file, and an article's band rows alone change a page each in a
    window of thousands of articles: two pwrite calls per page, ~76 per polled article."""
    import random

    rng = random.Random(3)
    ctx.store.conn.executemany("INSERT INTO lsh(key, article_id, created_at) VALUES (?, ?, ?)",
                               [(rng.getrandbits(62), 10**6 + i // 30, 2_000_000_000) for i in range(60_000)])
    ctx.store.conn.commit()
    seen: list[list[str]] = []
    with Ingestor(ctx, on_batch=lambda stored: seen.append(_temporary_files())) as ingestor:
        for obj in articles():
            ingestor.add(art(obj), "s")
    assert [r.status for r in ingestor.results][:2] == ["new", "repost"]
    assert seen == [[]]
    assert ctx.store.conn.execute("PRAGMA temp_store").fetchone()[0] == 0  # as it was, after the batch
    with ctx.store.transaction(), ctx.store.savepoint():  # the control: an ordinary transaction's spills
        ctx.store.conn.executemany("INSERT INTO lsh(key, article_id, created_at) VALUES (?, ?, ?)",
                                   [(rng.getrandbits(62), 1, 2_000_000_000) for _ in range(200)])
        spilled = _temporary_files()
    assert spilled
