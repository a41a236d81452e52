"""The database restored from a backup (or replaced by an older copy, or a new file) under a
running setup: its outbox and deliveries are older than what was sent.

Before, everything sent since the copy was made went again: the messages its outbox still held
(pending when the copy was made, sent after) and the stories it had not planned yet, polled or
imported again. Now a note of each message sent is kept beside the database (`<db>.sent`); a
database that does not know the last of them has what they carried recorded as sent, with one
line, and only what is new goes out. Real SQLite files copied as a backup tool copies them, a
real webhook receiver on 127.0.0.1."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3

from delivery_world import counts, news_lines, quick_webhooks, webhook_world

from monitor import config
from monitor.pipeline import Context, import_lines, retry_due, send_digests
from monitor.store import Store


def backup(db, to) -> None:
    with sqlite3.connect(db) as src, sqlite3.connect(to) as dst:
        src.backup(dst)


def restore(ctx, copy) -> Context:
    """Stop, put the copy in place of the database, start again (a new process: a new Context)."""
    path, cfg = ctx.store.path, ctx.cfg
    ctx.store.close()
    for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        extra.unlink(missing_ok=True)
    shutil.copyfile(copy, path.with_name("restoring"))
    os.replace(path.with_name("restoring"), path)  # as rsync and most restore tools put a file back
    return Context(config.load(cfg.path, path), Store.open(path))


def test_a_database_restored_from_a_backup_sends_nothing_twice(tmp_path, webhook_receiver, monkeypatch, caplog):
    quick_webhooks(monkeypatch)
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook")  # stories 0-4
    assert send_digests(ctx)[0].status == "sent"
    assert import_lines(ctx, news_lines(3, start=5)).matched == 3  # stories 5-7: their message fails
    webhook_receiver.fail(4, status=503)
    refused = len(webhook_receiver.requests)
    assert send_digests(ctx)[0].status == "error"
    backup(ctx.store.path, tmp_path / "backup.db")  # the nightly copy: 5-7 pending

    assert retry_due(ctx) == [] and send_digests(ctx)[0].status == "sent"  # 5-7 go after the copy was made
    assert import_lines(ctx, news_lines(2, start=8)).matched == 2  # 8-9, sent too
    assert send_digests(ctx)[0].status == "sent"

    ctx = restore(ctx, tmp_path / "backup.db")  # the disk died; last night's copy comes back
    assert import_lines(ctx, news_lines(4, start=8)).matched == 4  # polled again: 8-9, and 10-11 are new
    with caplog.at_level(logging.WARNING, logger="monitor"):
        results = retry_due(ctx) + send_digests(ctx)
    assert [r.status for r in results if r.status != "empty"] == ["sent"], results
    taken = webhook_receiver.requests[:refused] + webhook_receiver.requests[refused + 4:]  # what it answered 200
    bodies = [r.body.decode() for r in taken]
    got = counts(bodies)
    assert got == dict.fromkeys(range(12), 1), got
    said = [r.getMessage() for r in caplog.records if "does not know the last message" in r.getMessage()]
    assert len(said) == 1 and "1 waiting messages and 2 stories" in said[0], said
    assert send_digests(ctx)[0].status == "empty"


def test_a_new_empty_database_in_place_of_the_old_one_does_not_send_the_sites_again(tmp_path, webhook_receiver,
                                                                                   monkeypatch):
    quick_webhooks(monkeypatch)
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook")
    assert send_digests(ctx)[0].status == "sent"
    Store.open(tmp_path / "fresh.db").close()
    ctx = restore(ctx, tmp_path / "fresh.db")  # `rm monitor.db`, the next poll makes it again
    assert import_lines(ctx, news_lines(6)).matched == 6  # the same five, and one new
    assert send_digests(ctx)[0].status == "sent"
    assert counts([r.body.decode() for r in webhook_receiver.requests]) == dict.fromkeys(range(6), 1)


def test_a_backup_restored_under_a_subscriber_renamed_since_sends_nothing_twice(tmp_path, webhook_receiver,
                                                                                monkeypatch):
    # The note names what each channel was sent under the subscriber's name of the time: the
    # renamed subscriber (its robot kept) took over what the restored database knew its former
    # name had sent, and got again, unmarked, what went after the copy was made.
    quick_webhooks(monkeypatch)
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook")  # stories 0-4
    assert send_digests(ctx)[0].status == "sent"
    backup(ctx.store.path, tmp_path / "backup.db")
    assert import_lines(ctx, news_lines(3, start=5)).matched == 3  # 5-7, sent after the copy was made
    assert send_digests(ctx)[0].status == "sent"
    path = ctx.cfg.path
    path.write_text(path.read_text(encoding="utf-8").replace('name = "desk"', 'name = "editors"'), encoding="utf-8")
    ctx = restore(ctx, tmp_path / "backup.db")
    assert import_lines(ctx, news_lines(4, start=5)).matched == 4  # polled again: 5-7, and 8 is new
    assert send_digests(ctx)[0].status == "sent"
    got = counts([r.body.decode() for r in webhook_receiver.requests])
    assert got == dict.fromkeys(range(9), 1), got
    assert not any("x-monitor-resend" in r.headers for r in webhook_receiver.requests)
