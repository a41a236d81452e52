"""A one-line brief of a story whose fingerprint was rebuilt, or stored before the brief keys (fold-28).

70053b0 gave every article two more LSH keys, its opening's first words and its headline's
(`dedup.openings`, `ingest._title_keys`), through which a one-line brief and its story find each
other. An ingest wrote them; a rebuild of the fingerprints (after an upgrade changed the normal
form, or `monitor reindex`) wrote only the bands, the lead and the anchors, and a store written
before 70053b0 had none: a brief of a story stored earlier in the window started a story of its own.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

from test_dedup import _opened
from test_fold_one_line_briefs import ONE_LINE, STORY

from monitor import dedup, scriptfold
from monitor.pipeline import Context, import_lines
from monitor.pipeline.ingest import rebuild_fingerprints
from monitor.store import utcnow

TITLE = "青石镇中心小学开展防震演练"


def _line(url: str, title: str, body: str, hours: float) -> str:
    when = (utcnow() - timedelta(days=2) + timedelta(hours=hours)).isoformat()
    return json.dumps({"url": url, "title": title, "body": body, "published": when}, ensure_ascii=False)


def _keys(store) -> set[int]:
    return {r[0] for r in store.conn.execute("SELECT key FROM lsh")}


def _story_ids(store) -> dict[str, int]:
    return dict(store.conn.execute("SELECT url, story_id FROM articles"))


def test_a_brief_finds_a_story_whose_fingerprint_was_rebuilt(tmp_path):
    cfg, store = _opened(tmp_path)
    try:
        ctx = Context(cfg, store)
        import_lines(ctx, [_line("https://school.example.cn/xw/1014.html", TITLE, STORY, 0)])
        ingested = _keys(store)
        store.conn.execute("DELETE FROM lsh")
        store.conn.execute("DELETE FROM fingerprints")
        store.conn.commit()
        assert rebuild_fingerprints(ctx) == 1
        fp = dedup.fingerprint(scriptfold.fingerprint_text(STORY))
        assert _keys(store) == ingested and set(fp.openings) < ingested  # the rows an ingest writes, openings too
        import_lines(ctx, [_line("https://mp.example.com/s/1014.html", "防震演练", ONE_LINE, 4),
                           # and a page of it under its headline, found by the headline's key
                           _line("https://portal.example.com/a/1014_2.html", TITLE + "（2）",
                                 STORY.split("\n")[3] + "\n上一页 1 2 下一页", 5)])
        ids = _story_ids(store)
        assert len(set(ids.values())) == 1, ids
    finally:
        store.close()


def test_the_upgrade_gives_the_window_s_stories_their_brief_keys(tmp_path):
    from sqlite_utils import Database

    from monitor.store.schema import migrations

    old = Database(sqlite3.connect(tmp_path / "m.db"))
    migrations.apply(old, stop_before="m029_lsh_brief_keys")
    text = scriptfold.fingerprint_text(STORY)
    fp = dedup.fingerprint(text)
    published = (utcnow() - timedelta(days=2)).isoformat()
    old["stories"].insert({"id": 1, "title": TITLE})
    old["articles"].insert({"id": 7, "url": "https://school.example.cn/xw/1014.html",
                            "canonical_url": dedup.canonical_url("https://school.example.cn/xw/1014.html"),
                            "title": TITLE, "body": STORY, "story_id": 1, "published": published,
                            "fetched_at": published, "content_hash": dedup.content_hash(text)})
    # and an article of last spring, fetched and given band rows last week (an archive imported): not the window's
    old["articles"].insert({"id": 8, "url": "https://school.example.cn/xw/0314.html",
                            "canonical_url": dedup.canonical_url("https://school.example.cn/xw/0314.html"),
                            "title": TITLE, "body": STORY, "story_id": 1, "published": "2026-03-14T02:00:00+00:00",
                            "fetched_at": published, "content_hash": dedup.content_hash(text)})
    when = int(utcnow().timestamp()) - 2 * 86400
    before = fp.keys()  # the rows written before 70053b0
    for n in (7, 8):
        old["fingerprints"].insert({"article_id": n, "shingles": fp.count, "sig": fp.packed()})
        old["lsh"].insert_all([{"key": k, "article_id": n, "created_at": when} for k in before])
    old.conn.commit()
    old.close()
    cfg, store = _opened(tmp_path)
    try:
        # the window's article goes to be made again, the older one keeps its signature and rows
        assert [r[0] for r in store.conn.execute("SELECT article_id FROM fingerprints")] == [8]
        assert {r[0] for r in store.conn.execute("SELECT DISTINCT article_id FROM lsh")} == {8}
        ctx = Context(cfg, store)
        assert rebuild_fingerprints(ctx, window_only=True) == 1
        keys = {r[0] for r in store.conn.execute("SELECT key FROM lsh WHERE article_id = 7")}
        assert set(fp.keys()) < keys and set(fp.openings) <= keys
        import_lines(ctx, [_line("https://mp.example.com/s/1014.html", "防震演练", ONE_LINE, 4)])
        ids = _story_ids(store)
        assert ids["https://mp.example.com/s/1014.html"] == 1, ids
    finally:
        store.close()
