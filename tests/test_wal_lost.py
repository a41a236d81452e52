"""The database's write-ahead log lost after a crash: `monitor digest` killed (power loss) with
its last transactions still in `m.db-wal`, and the -wal and -shm files then deleted (a cleanup
script, a copy of the database file alone put back). The database goes back to before those
transactions: it no longer knows the messages it sent. The next run records them from the note
beside the database (`m.db.sent`) and sends each story once: nothing twice. Real processes, a
real webhook receiver on 127.0.0.1, a real SQLite file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections import Counter

import pytest
from delivery_world import NO_PROXY, counts, news_lines, quick_webhooks, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_webhooks(monkeypatch)


def test_a_lost_wal_after_a_killed_digest_sends_nothing_twice(tmp_path, webhook_receiver):
    path = write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "wecom",
                                                     "url": webhook_receiver.url + "/w"}])
    db = tmp_path / "m.db"
    store = Store.open(db)
    assert import_lines(Context(config.load(path, db), store), news_lines(40)).matched == 40
    store.close()  # checkpointed: the stories are in the database file itself
    env = {**{k: v for k, v in os.environ.items() if k not in NO_PROXY}, "MONITOR_TEST_CRASH_AT": "digest-recorded"}
    killed = subprocess.run([sys.executable, "-m", "monitor", "--config", str(path), "--db", str(db), "digest"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert len(webhook_receiver.requests) == 1
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"m.db{suffix}").unlink()
    with sqlite3.connect(db) as conn:  # the plan and the record went with the log
        assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0

    ctx = Context(config.load(path, db), Store.open(db))
    (after,) = send_digests(ctx)
    assert after.status == "sent", after.detail
    keys = Counter(r.headers["idempotency-key"] for r in webhook_receiver.requests)
    assert set(keys.values()) == {1}
    assert counts([r.body.decode() for r in webhook_receiver.requests]) == dict.fromkeys(range(40), 1)
    assert send_digests(ctx)[0].status == "empty"
