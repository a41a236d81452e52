"""A digest channel mended by a SIGHUP (an email channel's smtp_host, smtp_port, security or
username put right; its recipients, so its name in the outbox, kept): the messages that failed
before waited out their backoff (1, 2, 4 … minutes, up to six hours), though the reload had put
right what failed them; the operator saw nothing arrive for hours after the fix. Now a reload that
changes a channel's settings makes its failed messages due and runs the retry job at once,
as a source mended by a SIGHUP is polled at once. A real `monitor run` (its first retry an hour
after a failure, as a message failed a few times before), a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import signal
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from delivery_world import news_lines, write_config
from test_daemon import next_record, start, stop, wait_for

from monitor import config
from monitor.pipeline import Context, import_lines
from monitor.store import Store


def _email(port: int) -> dict:
    return {"kind": "email", "to": ["desk@example.org"], "from": "monitor@example.org",
            "smtp_host": "127.0.0.1", "smtp_port": port, "security": "none"}


def _failing(tmp_path: Path, unused_port: int) -> tuple[Path, Path]:
    """A config whose email channel's port nothing listens on, and a database of 3 matched stories
    whose digest's 08:00 was missed (sent at the daemon's start, and failing)."""
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    write_config(path, [_email(unused_port)])  # nothing listens there: the message fails
    ctx = Context(config.load(path, db), Store.open(db))
    assert import_lines(ctx, news_lines(3)).matched == 3
    ctx.store.digest_ran("desk", datetime.now(timezone.utc) - timedelta(days=2))  # its 08:00 missed: sent at start
    ctx.store.close()
    return path, db


@pytest.mark.timeout(180)
def test_failed_messages_of_a_channel_mended_by_a_sighup_go_at_the_next_retry(tmp_path, smtp_server, unused_port):
    path, db = _failing(tmp_path, unused_port)
    proc = start(path, db, first="from monitor.pipeline import deliver; deliver.RETRY_FIRST = 3600.0")
    seen: list[dict] = []
    try:
        failed = next_record(proc, lambda r: "subscriber=desk channel=email" in r["message"], seen)
        write_config(path, [_email(smtp_server.port)])  # the port put right
        proc.send_signal(signal.SIGHUP)
        next_record(proc, lambda r: r["message"].startswith("config reloaded"), seen)
        wait_for(lambda: len(smtp_server.envelopes) >= 1, timeout=50,
                 what="the failed digest sent after the channel was mended")
    finally:
        _, err = stop(proc)
    assert "Traceback" not in err, err[-3000:]
    assert "status=error" in failed["message"] and "Connection refused" in failed["message"], failed
    assert len(smtp_server.envelopes) == 1
