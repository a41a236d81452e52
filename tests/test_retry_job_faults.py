"""The daemon's retry job (every minute) on a database that refuses it: another program holding
its write lock, or a damaged file. It logged the same error line every minute, for as long as it
lasted: sixty lines an hour, for ever on a damaged file, burying the one that mattered. Now the
first failure is one line, the same failure is said again only hourly (with how long and how
many runs), a different one at once, and one line says when the retries work again. The job
itself is the daemon's (`scheduler.build`), run as the scheduler runs it; the lock is a real
second connection's."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime, timedelta, timezone

from delivery_world import NO_PROXY, news_lines, write_config

from monitor import config, scheduler
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store


def test_a_retry_job_failing_on_a_locked_database_says_so_once_and_when_it_works_again(
        tmp_path, webhook_receiver, caplog, monkeypatch):
    for name in NO_PROXY:
        monkeypatch.delenv(name, raising=False)
    path = write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json",
                                                     "url": webhook_receiver.url + "/hook"}])
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(2)).matched == 2
    webhook_receiver.fail(1, 400)
    assert send_digests(ctx)[0].status == "error"  # a message waits for its retry
    with ctx.store.transaction():
        ctx.store.conn.execute("UPDATE outbox SET next_attempt_at = NULL")
    retry = scheduler.build(ctx.cfg, ctx.store, None, ctx=ctx).get_job("outbox:retry")
    ctx.store.conn.execute("PRAGMA busy_timeout = 50")  # the daemon waits 30 s for the lock; the test need not
    holder = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a sqlite3 shell left in a transaction
    with caplog.at_level(logging.INFO, logger="monitor"):
        for _ in range(5):  # five minutes of it
            assert retry.func() == []
        holder.execute("ROLLBACK")
        results = retry.func()
    said = [r.getMessage() for r in caplog.records if r.getMessage().startswith("digest retries")]
    assert len(said) == 2, said
    assert "locked" in said[0] and "work again" in said[1] and "5 failed runs" in said[1], said
    since = said[1].rsplit("since ", 1)[1]  # in UTC as every other time of the log, not the box's zone
    assert since.endswith("Z") and abs(datetime.fromisoformat(since[:-1] + "+00:00") - datetime.now(timezone.utc)) < \
        timedelta(minutes=10), said
    assert [r.status for r in results] == ["sent"] and len(webhook_receiver.requests) == 2
