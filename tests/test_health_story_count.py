"""`monitor health` (the image's HEALTHCHECK: a new process every ten minutes) counted the stories
with `count(*)`, reading every page of the stories table, their titles with them (~90 MB at a
million, from disk when the cache had let them go). The database keeps their number now (m028's
triggers); the articles are counted on their smallest index. Real SQLite files; what a fresh connection reads is the kernel's own count of
the bytes this process read (/proc/self/io), not a time. How fast it is at 200k: bench/health.py."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.models import Article
from monitor.store import Store

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n'


def _read_bytes() -> int:
    text = Path("/proc/self/io").read_text()
    return int(re.search(r"^rchar: (\d+)", text, re.M)[1])  # type: ignore[index]


def _add(store: Store, i: int, title: str, story: int | None = None) -> tuple[int, int]:
    art = Article(url=f"https://sm.example.cn/a/{i}.htm", title=title, paragraphs=(f"三明与上海第{i}次交流。",))
    return store.add_article(art, source="sm", canonical_url=art.url, content_hash=str(i), story_id=story)


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="the kernel's read count is Linux's")
def test_the_counts_read_no_story(tmp_path):
    db = tmp_path / "m.db"
    store = Store.open(db)
    with store.transaction():
        for i in range(1500):  # titles of ~1.5 KB: the stories table alone is ~2 MB
            _add(store, i, f"沪明对口合作第{i}号：" + "三明市与上海市签署合作协议。" * 80)
    store.close()
    with sqlite3.connect(db) as conn:
        table = conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name = 'stories'").fetchone()[0]
    assert table > 1_000_000, table
    store = Store.open(db)  # a new connection, nothing in its cache: as `monitor health` opens it
    try:
        before = _read_bytes()
        stats = store.stats()
        read = _read_bytes() - before
    finally:
        store.close()
    assert stats["stories"] == stats["articles"] == 1500, stats
    assert read < table // 10, (read, table)  # on cda056c: the whole table, and more


def test_the_kept_counts_follow_stories_made_merged_and_emptied(tmp_path):
    # through the store's own paths and the CLI's, compared with a count of the rows themselves
    cfg, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    cfg.write_text(CONFIG, encoding="utf-8")
    store = Store.open(db)
    ids = [_add(store, i, f"沪明对口合作第{i}号") for i in range(6)]
    other, _ = _add(store, 99, "同一故事的另一个版本", story=ids[0][1])  # a second outlet of story 1: no story made
    store.merge_stories(ids[1][1], [ids[2][1], ids[3][1]])  # two stories gone into another
    assert store.delete_article(ids[4][0])  # the last article of its story: the story goes with it
    assert store.delete_article(other)  # not the last of story 1: it stays
    store.close()

    def counted() -> tuple[str, str]:
        res = CliRunner().invoke(main, ["--config", str(cfg), "--db", str(db), "health"])
        said = re.search(r"articles=\d+ stories=\d+", res.output)[0]  # type: ignore[index]
        with sqlite3.connect(db) as conn:
            rows = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "stories")]
        return said, "articles={} stories={}".format(*rows)

    assert counted() == ("articles=5 stories=3",) * 2
    line = ('{"url": "https://sm.example.cn/b/1.htm", "title": "三明与上海签署文旅合作协议", '
            '"body": "上海市与三明市在沪签署文旅对口合作协议。", "published": "2026-12-01T08:00:00+08:00"}\n')
    imported = CliRunner().invoke(main, ["--config", str(cfg), "--db", str(db), "import", "-"], input=line)
    assert imported.exit_code == 0, imported.output
    assert counted() == ("articles=6 stories=4",) * 2
