"""A daemon started with sources and no subscriber, its first subscriber added later by a SIGHUP
(sources set up first, the digest after): the job retrying failed digest messages is added only
when the config has subscribers at the start, and a reload never added it, so a message that
failed (a receiver down for a moment) waited for the subscriber's next scheduled digest, a day
on. Now the reload adds it. A real `monitor run`, a webhook receiver on 127.0.0.1, real SQLite."""

from __future__ import annotations

import signal
import sqlite3

import pytest
from delivery_world import news_lines, quick_webhooks, write_config
from test_daemon import QUICK, next_record, start, stop, wait_for

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store

EACH_2S = "from monitor import scheduler; scheduler.RETRY_EVERY = 2.0"  # the retry job each 2 s, not each minute


@pytest.mark.timeout(240)
def test_a_first_subscriber_added_by_a_sighup_has_its_failed_messages_retried(tmp_path, webhook_receiver,
                                                                             monkeypatch):
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(QUICK, encoding="utf-8")  # the bundled topic, no source, no subscriber
    quick_webhooks(monkeypatch)  # the failing send beside the daemon tries again without waiting
    proc = start(path, db, first=EACH_2S)
    seen: list[dict] = []
    try:
        next_record(proc, lambda r: r["message"].startswith("daemon started"), seen)
        write_config(path, [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/h"}])
        proc.send_signal(signal.SIGHUP)
        next_record(proc, lambda r: r["message"].startswith("config reloaded"), seen)
        ctx = Context(config.load(path, db), Store.open(db))
        try:
            assert import_lines(ctx, news_lines(2)).matched == 2
            webhook_receiver.fail(50)  # down for a moment: `monitor digest` beside the daemon fails
            (result,) = send_digests(ctx, "desk")
        finally:
            ctx.store.close()
        with webhook_receiver._lock:  # up again
            webhook_receiver._failures.clear()
        tried = len(webhook_receiver.requests)
        with sqlite3.connect(db, timeout=30) as conn:  # its retry due now, not in a minute
            conn.execute("UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00+00:00' WHERE status = 'failed'")
        wait_for(lambda: len(webhook_receiver.requests) > tried, timeout=100,
                 what="the failed message retried by the daemon (its retry job runs each 2 s)")
    finally:
        stop(proc)
    assert result.status != "sent", result
