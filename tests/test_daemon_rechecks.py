"""The daemon matches stored articles again (a topic added, rules or the engine changed) beside
its jobs, not ahead of them. Before, `monitor run` matched the whole store before its first poll
(10-15 minutes at a million articles: no poll, no digest meanwhile, and a SIGTERM then killed it
outright), and after a SIGHUP it did the same holding the lock every job needs.

Real processes on a real database; the store is made with one topic and the daemon started with
another, so every stored article waits for the new topic's verdict."""

from __future__ import annotations

import contextlib
import json
import random
import shutil
import signal
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from test_daemon import FEED, HEAD, SITES, start, stop, wait_for

from monitor import config, normform
from monitor.pipeline import Context, import_lines
from monitor.replay import ReplayServer
from monitor.store import Store

STORED = 2500  # enough that matching them all takes seconds, where a poll of three pages takes a fraction
TEA = '[topics.tea]\n[topics.tea.groups.tea]\nterms = ["茶"]\n[[topics.tea.rules]]\nname = "tea"\nany = ["tea"]\n'
PLACES = "三元 沙县 永安 明溪 清流 宁化 大田 尤溪 将乐 泰宁 建宁 浦东 杨浦 闵行 嘉定 金山 松江 青浦 奉贤 崇明".split()
THINGS = "茶园 民宿 果蔬 竹笋 学校 医院 工厂 园区 书院 林场 菌菇 药材 米粉 球队 剧团 车站".split()


def _line(n: int) -> bytes:
    rng = random.Random(n)
    tie = "上海与三明对口合作，" if n % 3 == 0 else ""
    body = tie + "".join(f"{rng.choice(PLACES)}的{rng.choice(THINGS)}第{rng.randrange(10_000)}号项目开工。"
                         for _ in range(25))
    return json.dumps({"url": f"http://news.example/{n}.html", "title": f"县域简报第{n}期", "body": body,
                       "published": "2026-11-20"}, ensure_ascii=False).encode("utf-8") + b"\n"


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    """A store of STORED articles checked against the topic `tea` only."""
    where = tmp_path_factory.mktemp("made")
    path = where / "tea.toml"
    path.write_text(TEA, encoding="utf-8")
    db = where / "m.db"
    store = Store.open(db)
    try:
        report = import_lines(Context(config.load(path, db), store), [_line(n) for n in range(STORED)])
    finally:
        store.close()
    assert report.new == STORED
    return db


@pytest.fixture
def db(made, tmp_path) -> Path:
    shutil.copy(made, tmp_path / "m.db")
    return tmp_path / "m.db"


def unchecked(db: Path, topic: str = "hu-ming") -> int:
    with sqlite3.connect(db, timeout=30) as conn:
        total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        checked = conn.execute("SELECT count(DISTINCT article_id) FROM article_checks WHERE topic = ?",
                               [topic]).fetchone()[0]
    return total - checked


def polled(db: Path) -> int:
    with sqlite3.connect(db, timeout=30) as conn:
        return conn.execute("SELECT count(*) FROM articles WHERE source = 'feed'").fetchone()[0]


def matched(db: Path, topic: str = "hu-ming") -> int:
    with sqlite3.connect(db, timeout=30) as conn:
        return conn.execute("SELECT count(*) FROM article_topics WHERE topic = ? AND article_id IN "
                            "(SELECT id FROM articles WHERE source != 'feed')", [topic]).fetchone()[0]


class Polling:
    """A daemon started on `db` with a feed source, once its first poll has stored something
    (the test runs inside); on the way out it is stopped and `err` holds what it logged."""

    def __init__(self, db: Path, tmp_path: Path) -> None:
        self.db, self.path, self.err = db, tmp_path / "monitor.toml", ""

    @contextlib.contextmanager
    def first_poll(self) -> Iterator[subprocess.Popen]:
        with ReplayServer(SITES) as site:
            self.path.write_text(HEAD + TEA + FEED.format(base=site.base_url, interval="1h"), encoding="utf-8")
            proc = start(self.path, self.db)
            try:
                wait_for(lambda: polled(self.db) > 0 or proc.poll() is not None, timeout=240, what="the first poll")
                assert proc.poll() is None
                yield proc
            finally:
                _, self.err = stop(proc)
        assert proc.returncode == 0 and "Traceback" not in self.err, self.err[-3000:]


def test_the_first_poll_runs_while_stored_articles_are_matched_again(db, tmp_path):
    assert unchecked(db) == STORED
    daemon = Polling(db, tmp_path)
    with daemon.first_poll() as proc:
        assert unchecked(db) > 0, "the poll waited for the whole store to be matched again"
        wait_for(lambda: unchecked(db) == 0 or proc.poll() is not None, timeout=240, what="the stored articles' verdicts")
        assert proc.poll() is None
    assert matched(db) >= STORED // 3 // 2  # the ties in every third article found by the new topic
    assert matched(db, "tea") > 0 and unchecked(db, "tea") == 0


def test_a_sigterm_while_matching_again_stops_at_once_and_the_next_start_finishes(db, tmp_path):
    path = tmp_path / "monitor.toml"
    path.write_text(HEAD + TEA, encoding="utf-8")
    proc = start(path, db)
    try:
        wait_for(lambda: unchecked(db) < STORED or proc.poll() is not None, timeout=240, what="a first batch")
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
    finally:
        stop(proc)
    assert proc.returncode == 0, err[-3000:]  # stopped as the daemon stops, not killed by the signal
    assert "daemon stopped" in err and "Traceback" not in err
    assert 0 < unchecked(db) < STORED  # what it had not reached is left for the next start
    again = start(path, db, "--once")
    _, err = again.communicate(timeout=600)
    assert again.returncode == 0, err[-3000:]
    assert unchecked(db) == 0


def test_a_reload_with_a_new_topic_matches_the_store_in_the_background(db, tmp_path):
    path = tmp_path / "monitor.toml"
    path.write_text(HEAD + TEA, encoding="utf-8")
    proc = start(path, db)
    try:
        wait_for(lambda: unchecked(db) == 0 or proc.poll() is not None, timeout=240, what="hu-ming's verdicts")
        path.write_text(HEAD + TEA + TEA.replace("tea", "tea2").replace('"茶"', '"园"'), encoding="utf-8")
        proc.send_signal(signal.SIGHUP)
        wait_for(lambda: unchecked(db, "tea2") == 0 or proc.poll() is not None, timeout=240, what="tea2's verdicts")
        assert proc.poll() is None
    finally:
        _, err = stop(proc)
    assert proc.returncode == 0 and "Traceback" not in err, err[-3000:]
    assert matched(db, "tea2") > 0


def index_version(db: Path) -> str:
    with sqlite3.connect(db, timeout=30) as conn:
        return conn.execute("SELECT version FROM normal_forms WHERE part = 'index'").fetchone()[0]


def test_an_index_made_under_another_normal_form_is_rebuilt_beside_the_first_poll(db, tmp_path):
    """An upgrade that changes the normal form: the search index is rebuilt (some 25 minutes at
    a million articles), which the daemon did before its first poll."""
    store = Store.open(db)
    try:
        store.set_normal_form("index", "an-older-release")  # as an upgrade finds it
    finally:
        store.close()
    daemon = Polling(db, tmp_path)
    with daemon.first_poll() as proc:
        assert index_version(db) == "an-older-release", "the poll waited for the index to be rebuilt"
        current = normform.index_version()
        wait_for(lambda: index_version(db) == current or proc.poll() is not None, timeout=240, what="the rebuilt index")
        assert proc.poll() is None
    assert "search index: rebuilt" in daemon.err
    store = Store.open(db)
    try:  # every article is found in the new index, those the poll stored beside the rebuild too
        assert len(store.search(["县域简报"], limit=STORED + 10)) == STORED
        assert store.stats()["articles"] == STORED + polled(db)
    finally:
        store.close()


OLD = 4000  # articles published long ago: fingerprinted again after the window's, beside the polls
REPOSTED = "http://news.example/planted.html"


def _old_line(n: int) -> bytes:
    return _line(n).replace(b'"published": "2026-11-20"', b'"published": "2025-03-01"')


@pytest.fixture(scope="module")
def aged(tmp_path_factory) -> Path:
    """OLD articles of last year, and one of the last weeks (no date: dated by its fetch) that
    the fixture feed's school story copies, with a closing line of its own."""
    where = tmp_path_factory.mktemp("aged")
    path = where / "tea.toml"
    path.write_text(TEA, encoding="utf-8")
    db = where / "m.db"
    body = ("中新网三明11月24日电（记者 郑雯）24日，由上海市教育部门选派的三个名校长工作室在三明市三元区挂牌，"
            "将在未来两年内定期来明开展教学指导、课题研究和骨干教师培养。\n"
            "这是沪明对口合作框架下教育协作的又一举措。据了解，两地已有三十余所学校结成姊妹校，每年互派教师跟岗学习，"
            "上海优质课程资源也通过网络课堂向三明山区学校开放。\n"
            "三明市教育局相关负责人表示，将借助上海的办学经验，提升当地学校管理水平，让山区孩子在家门口享受更好的教育。\n"
            "本文来自三元区融媒体中心，转载请注明出处。")
    planted = json.dumps({"url": REPOSTED, "title": "上海名校长工作室落户三明", "body": body},
                         ensure_ascii=False).encode("utf-8") + b"\n"
    store = Store.open(db)
    try:
        report = import_lines(Context(config.load(path, db), store), [_old_line(n) for n in range(OLD)] + [planted])
        store.set_normal_form("fingerprints", "an-older-release")  # as an upgrade that changed them finds it
    finally:
        store.close()
    assert report.new == OLD + 1
    return db


def missing_fingerprints(db: Path) -> int:
    with sqlite3.connect(db, timeout=30) as conn:
        return conn.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                            "(SELECT 1 FROM fingerprints f WHERE f.article_id = a.id)").fetchone()[0]


def story_of(db: Path, url_part: str) -> int:
    with sqlite3.connect(db, timeout=30) as conn:
        return conn.execute("SELECT story_id FROM articles WHERE url LIKE ?", [f"%{url_part}%"]).fetchone()[0]


def test_fingerprints_of_another_release_are_made_for_the_window_first_and_the_rest_beside_the_polls(aged, tmp_path):
    """An upgrade that changes the fingerprints: the daemon made them again for every stored
    article before its first poll (some 9 minutes at a million). Now only the articles of the
    near-duplicate window come first (what a new article folds into), the rest beside the jobs."""
    shutil.copy(aged, tmp_path / "m.db")
    db = tmp_path / "m.db"
    daemon = Polling(db, tmp_path)
    with daemon.first_poll() as proc:
        wait_for(lambda: polled(db) >= 3 or proc.poll() is not None, timeout=120, what="the feed's three articles")
        assert story_of(db, "2026/11-24/2002.shtml") == story_of(db, "planted.html")  # folded: its copy came first
        wait_for(lambda: missing_fingerprints(db) == 0 or proc.poll() is not None, timeout=240,
                 what="the older articles' fingerprints")
        assert proc.poll() is None
    assert "fingerprints rebuilt for 1 stored articles of the near-duplicate window" in daemon.err
    assert f"fingerprints rebuilt for {OLD} stored articles" in daemon.err
    # the first poll began before the older articles' fingerprints were all made (read from the
    # log's times: a look at the database when the poll had stored something raced the rebuild,
    # which on a quiet machine could end first although it began after the poll)
    records = [json.loads(line) for line in daemon.err.splitlines() if line.startswith("{")]
    poll = next(r for r in records if "duration_ms" in r)
    rebuilt = next(r for r in records if r["message"].startswith(f"fingerprints rebuilt for {OLD} stored articles"))
    began = datetime.fromisoformat(poll["time"]) - timedelta(milliseconds=poll["duration_ms"])
    assert began < datetime.fromisoformat(rebuilt["time"]), "the poll waited for every stored article's fingerprint"
