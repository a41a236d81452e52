"""Commands a person runs against a big archive load only what they use.

`monitor backup` (and `restore`) copy a file and never match: they compiled the topics' rules
all the same, ~1.5 s CPU of every backup whatever the archive's size (most of a small one's).
`monitor digest --dry-run` of a subscriber without two email channels imported the notify
package (httpx with it) to tell mailboxes apart, which only two email channels need: ~0.2 s
CPU of a preview. Behaviour is checked here (what each process imported, what it wrote); the
CPU figures are in BENCHMARKS.md ("Archive scale at 200k: every command").
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from monitor.models import Article, Match
from monitor.store import Store

CONFIG = """include = ["monitor:topics/hu-ming.toml"]
[storage]
path = "{db}"
[[subscribers]]
name = "desk"
topics = ["hu-ming"]
[[subscribers.channels]]
kind = "file"
path = "{out}/{{subscriber}}-{{date}}.txt"
"""

EMAILS = """
[[subscribers]]
name = "{name}"
topics = ["hu-ming"]
[[subscribers.channels]]
kind = "email"
to = ["{to}"]
from = "monitor@example.org"
smtp_host = "127.0.0.1"
smtp_port = 9
security = "none"
"""


@pytest.fixture
def archive(tmp_path):
    store = Store.open(tmp_path / "m.db")
    base = datetime(2026, 11, 1, tzinfo=timezone.utc)
    for i in range(6):
        art = Article(url=f"http://d.example/{i}", title=f"沪明对口合作第{i}次会议", published=base + timedelta(hours=i),
                      paragraphs=(f"上海与三明签约第{i}个项目。",))
        aid, _ = store.add_article(art, source="sm", canonical_url=art.url, content_hash=str(i), story_id=None,
                                   band_keys=[])
        if i % 3:  # four of six matched
            store.set_match(aid, Match(topic="hu-ming", matched=True, score=1.0))
    store.close()
    out = tmp_path / "out"
    out.mkdir()
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(CONFIG.format(db=(tmp_path / "m.db").as_posix(), out=out.as_posix()), encoding="utf-8")
    return cfg, out


def _monitor(cfg, *args: str) -> subprocess.CompletedProcess[str]:
    """`monitor --config cfg ARGS` in a fresh interpreter; on stderr the matcher's and the notify
    package's modules it imported (`LOADED [...]`)."""
    code = ("import sys\nfrom monitor.cli import main\n"
            f"sys.argv = ['monitor', '--config', {str(cfg)!r}, *{list(args)!r}]\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    print('EXIT', exc.code, file=sys.stderr)\n"
            "print('LOADED', sorted(m for m in sys.modules if m.startswith(('monitor.match', 'monitor.notify'))),"
            " file=sys.stderr)")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False)


def _titles(db) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM articles ORDER BY id")]
    finally:
        conn.close()


def test_a_backup_and_a_restore_never_compile_the_rules(archive, tmp_path):
    cfg, _ = archive
    copy = tmp_path / "copy.db"
    done = _monitor(cfg, "backup", str(copy))
    assert "LOADED []" in done.stderr and "EXIT 0" in done.stderr, done.stderr[-2000:]
    assert "backed up" in done.stdout, done.stdout
    assert _titles(copy) == _titles(tmp_path / "m.db") and len(_titles(copy)) == 6

    store = Store.open(tmp_path / "m.db")  # written after the backup: the restore takes it back out
    art = Article(url="http://d.example/late", title="后来的文章", paragraphs=("正文。",))
    store.add_article(art, source="sm", canonical_url=art.url, content_hash="late", story_id=None, band_keys=[])
    store.close()
    assert len(_titles(tmp_path / "m.db")) == 7
    back = _monitor(cfg, "restore", str(copy))
    assert "LOADED []" in back.stderr and "EXIT 0" in back.stderr, back.stderr[-2000:]
    assert "restored" in back.stdout, back.stdout
    assert _titles(tmp_path / "m.db") == _titles(copy)


def test_a_backup_still_refuses_a_config_naming_an_unknown_topic(archive, tmp_path):
    """The topics' names are still checked: a subscriber of a topic that is not there is refused in
    one line, and nothing is written."""
    cfg, _ = archive
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('topics = ["hu-ming"]', 'topics = ["hu-mign"]'),
                   encoding="utf-8")
    done = _monitor(cfg, "backup", str(tmp_path / "copy.db"))
    assert "EXIT 2" in done.stderr and "hu-mign" in done.stderr and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert not (tmp_path / "copy.db").exists()


def test_a_dry_run_without_two_email_channels_never_loads_the_senders(archive):
    cfg, out = archive
    preview = _monitor(cfg, "digest", "--dry-run")
    assert "LOADED []" in preview.stderr, preview.stderr[-2000:]
    assert "dry-run, 4 stories" in preview.stderr, preview.stderr[-2000:]
    assert all(f"第{i}次会议" in preview.stdout for i in (1, 2, 4, 5)) and "第3次会议" not in preview.stdout
    assert not list(out.iterdir())

    cfg.write_text(cfg.read_text(encoding="utf-8") + EMAILS.format(name="office", to="Desk@Sanming.example.cn"),
                   encoding="utf-8")
    one = _monitor(cfg, "digest", "--dry-run")  # one email channel: no other to have had the stories
    assert "LOADED []" in one.stderr and one.stderr.count("dry-run, 4 stories") == 2, one.stderr[-2000:]


def test_two_email_channels_of_one_reader_still_leave_out_what_the_other_had(archive, tmp_path):
    """Two email channels naming one mailbox (in other letter cases): a story one of them was sent
    is left out of the other's preview, as before the senders' package was loaded later."""
    cfg, _ = archive
    cfg.write_text(cfg.read_text(encoding="utf-8") + EMAILS.format(name="office", to="Desk@Sanming.example.cn")
                   + EMAILS.format(name="press", to="desk@sanming.example.cn"), encoding="utf-8")
    store = Store.open(tmp_path / "m.db")
    sid = store.db.execute("SELECT story_id FROM articles WHERE title LIKE '%第1次%'").fetchone()[0]
    key = "email:desk@sanming.example.cn"
    store.db.execute("INSERT INTO deliveries (subscriber, channel, story_id, delivered_at) VALUES (?, ?, ?, ?)",
                     ["press", key, sid, "2026-11-02T00:00:00+00:00"])
    store.conn.commit()
    store.close()
    preview = _monitor(cfg, "digest", "--dry-run", "--subscriber", "office")
    assert "dry-run, 3 stories" in preview.stderr, preview.stderr[-2000:]
    assert "monitor.notify.smtp" in preview.stderr  # the mailboxes told apart by the senders' own rule
    assert "第1次会议" not in preview.stdout and all(f"第{i}次会议" in preview.stdout for i in (2, 4, 5)), preview.stdout


def _verdict_walks(store: Store, run) -> tuple[object, list[str]]:
    """`run()`'s result and the query plans of the statements that grouped the topics' verdicts."""
    seen: list[str] = []
    store.conn.set_trace_callback(lambda sql: seen.append(sql) if "group_concat(DISTINCT t.topic)" in sql else None)
    try:
        result = run()
    finally:
        store.conn.set_trace_callback(None)
    return result, [" ".join(r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql)) for sql in seen]


def _old_undelivered(store: Store, subscriber: str, channel: str, topics: list[str]) -> list[dict]:
    """What `undelivered` gave before (the article's own row joined), for comparison."""
    marks = ",".join("?" * len(topics))
    return list(store.query(
        "SELECT a.story_id, min(a.id) AS article_id, group_concat(DISTINCT t.topic) AS topics, "
        "min(t.matched_at) AS matched_at, max(coalesce(a.published, a.fetched_at)) AS newest "
        f"FROM article_topics t JOIN articles a ON a.id = t.article_id WHERE t.topic IN ({marks}) "
        "AND a.story_id NOT IN (SELECT story_id FROM deliveries WHERE subscriber = ? AND channel = ?) "
        "AND a.story_id NOT IN (SELECT story_id FROM outbox_stories WHERE subscriber = ? AND channel = ?) "
        "GROUP BY a.story_id ORDER BY matched_at, a.story_id LIMIT -1",
        [*topics, subscriber, channel, subscriber, channel]))


def test_a_digest_reads_each_verdicts_story_from_the_date_index_with_the_same_stories(tmp_path):
    """A digest groups every verdict of its topics (all of them, with nothing new to send too):
    each verdict's story and dates come from the covering (id, date) index, not from the
    article's row past its body; the stories, their first articles, topics, match times and
    newest dates are those the old join gave (reposts, two topics, an undated article, stories
    delivered and not)."""
    store = Store.open(tmp_path / "m.db")
    base = datetime(2026, 10, 1, tzinfo=timezone.utc)
    stories: list[int] = []
    for i in range(24):
        story = stories[i % 7] if i >= 7 and i % 3 == 0 else None  # every third article from the eighth: a repost
        art = Article(url=f"http://d.example/{i}", title=f"沪明第{i}篇", paragraphs=(f"正文{i}。",),
                      published=None if i == 5 else base + timedelta(hours=(i * 7) % 24, days=i % 5))
        aid, sid = store.add_article(art, source="sm", canonical_url=art.url, content_hash=str(i), story_id=story,
                                     band_keys=[])
        if story is None:
            stories.append(sid)
        for topic in ("hu-ming", "other")[: 1 + (i % 4 == 0)]:
            if i % 5 != 4:
                store.set_match(aid, Match(topic=topic, matched=True, score=1.0))
    store.record_delivery("desk", "file:x", stories[:3])
    for topics in (["hu-ming"], ["hu-ming", "other"], ["other"]):
        got, plans = _verdict_walks(store, lambda t=topics: store.undelivered("desk", "file:x", t))
        assert got == _old_undelivered(store, "desk", "file:x", topics) and got, (topics, got)
        assert plans and all("COVERING INDEX articles_id_date" in p for p in plans), plans
        assert all(r["story_id"] not in stories[:3] for r in got)  # type: ignore[union-attr]
    fresh, _ = _verdict_walks(store, lambda: store.undelivered("new", "file:y", ["hu-ming"]))
    assert len(fresh) == len(_old_undelivered(store, "new", "file:y", ["hu-ming"])) > len(got)  # type: ignore[arg-type]
    assert store.matched_stories(["hu-ming", "other"], 5) == sorted(
        _old_undelivered(store, "none", "none", ["hu-ming", "other"]),
        key=lambda r: (r["newest"] or "", r["story_id"]), reverse=True)[:5]
    store.close()
