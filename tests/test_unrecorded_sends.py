"""A message its receiver took that the database could not record: a damaged page where the
delivery is written, a sender killed between the answer and the record.

The receiver's answer said it had the message, so it is never sent again: what it was is noted
beside the database (`<db>.sent`) before the database records it, and a run that finds the note
newer than the database records it instead of sending it. Before, the message went again at the
next run, marked as sent again, and with a damaged page where its record goes, at every run
(each `monitor digest` from cron, the daemon's retry job each minute): the same digest, again
and again. Real webhook receiver on 127.0.0.1, a real page of the database file overwritten.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from delivery_world import news_lines, quick_webhooks, write_config

from monitor import config
from monitor.errors import StoreError
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_webhooks(monkeypatch)


def two_desks(tmp_path: Path, url: str) -> Path:
    """`desk` and `wire`, each its own webhook channel."""
    path = write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": url + "/desk"}])
    path.write_text(path.read_text(encoding="utf-8") + '[[subscribers]]\nname = "wire"\ntopics = ["hu-ming"]\n'
                    f'max_stories = 500\n[[subscribers.channels]]\nkind = "webhook"\nformat = "json"\n'
                    f'url = "{url}/wire"\n', encoding="utf-8")
    return path


def last_leaf(db: Path, table: str) -> int:
    """The page number of `table`'s rightmost leaf, where its next row is written."""
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path DESC "
                            "LIMIT 1", [table]).fetchone()[0]


def damage(db: Path, page: int) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    with open(db, "r+b") as f:
        f.seek((page - 1) * size)
        f.write(b"\xff" * size)


def test_a_message_whose_record_meets_a_damaged_page_is_not_sent_again_at_each_run(tmp_path, webhook_receiver):
    path, db = two_desks(tmp_path, webhook_receiver.url), tmp_path / "m.db"
    ctx = Context(config.load(path, db), Store.open(db))
    assert import_lines(ctx, news_lines(300)).matched == 300
    assert [r.status for r in send_digests(ctx)] == ["sent", "sent"]  # desk's rows, then wire's, in `deliveries`
    assert import_lines(ctx, news_lines(5, start=300)).matched == 5
    ctx.store.close()
    damage(db, last_leaf(db, "deliveries"))  # where desk's next deliveries go; wire's rows, not desk's, are on it
    before = len(webhook_receiver.requests)

    for _ in range(3):  # cron's runs, or the daemon's retries
        ctx = Context(config.load(path, db), Store.open(db))
        with pytest.raises(StoreError) as failed:
            send_digests(ctx, "desk")
        assert "restore it from a backup" in str(failed.value)
        ctx.store.close()
    desk = [r for r in webhook_receiver.requests[before:] if r.path.endswith("/desk")]
    keys = Counter(r.headers["idempotency-key"] for r in desk)
    assert len(desk) == 1 and list(keys.values()) == [1], keys  # taken once, never again


def test_a_note_after_one_a_full_disk_cut_short_is_still_read(tmp_path, webhook_receiver):
    """A disk that filled while the note of an earlier message was written left half a line, with
    no line break: the next note ran on from it, unreadable, and the message whose record then
    failed went again at every run."""
    path, db = two_desks(tmp_path, webhook_receiver.url), tmp_path / "m.db"
    ctx = Context(config.load(path, db), Store.open(db))
    assert import_lines(ctx, news_lines(300)).matched == 300
    assert [r.status for r in send_digests(ctx)] == ["sent", "sent"]
    assert import_lines(ctx, news_lines(5, start=300)).matched == 5
    ctx.store.close()
    note = tmp_path / "m.db.sent"
    note.write_bytes(note.read_bytes()[:-40])  # the last line cut short, as a full disk leaves it
    damage(db, last_leaf(db, "deliveries"))
    before = len(webhook_receiver.requests)
    for _ in range(2):
        ctx = Context(config.load(path, db), Store.open(db))
        with pytest.raises(StoreError):
            send_digests(ctx, "desk")
        ctx.store.close()
    assert len([r for r in webhook_receiver.requests[before:] if r.path.endswith("/desk")]) == 1


def test_the_last_note_is_read_however_long_its_line(tmp_path):
    """A message of stories copied by hundreds of sites notes every copy's link: a line of
    hundreds of kilobytes. Only the last 64 KB were read, no whole line was found in them, and
    the note counted as none: a message whose record then failed went again."""
    from monitor import sentlog

    db = tmp_path / "m.db"
    links = [f"https://news{i}.example.cn/a/{i}.html" for i in range(20_000)]
    sentlog.add(db, "desk", "webhook:abc", "first", links[:3])
    sentlog.add(db, "desk", "webhook:abc", "second", links)
    assert sentlog.log_path(db).stat().st_size > 4 * sentlog.TAIL
    noted, before = sentlog.last(db)
    assert noted == ("desk", "webhook:abc", "second") and before == "first"
    assert sentlog.stale(db, lambda key: key == "first")
