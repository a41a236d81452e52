"""A digest channel mended by a restart (the operator puts an email channel's smtp_port right in
the file and runs `docker compose restart`, which sends no SIGHUP): the messages that failed
before waited out their backoff (1, 2, 4 ... minutes, up to six hours) in the new process as in
the old; the operator saw nothing arrive for hours after the fix, as a SIGHUP had seen before
`test_daemon_channel_mended`. Now a start makes the failed messages of its configured channels
due and tries them at once: what failed them may have been put right, and a channel still down
costs one try more per start. A real `monitor run` (its first retry an hour after a failure, as
a message failed a few times before), a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import pytest
from delivery_world import write_config
from test_daemon import next_record, start, stop, wait_for
from test_daemon_channel_mended import _email, _failing

pytestmark = pytest.mark.timeout(360)
SLOW_RETRY = "from monitor.pipeline import deliver; deliver.RETRY_FIRST = 3600.0"


def test_failed_messages_of_a_channel_mended_across_a_restart_go_at_the_start(tmp_path, smtp_server, unused_port):
    path, db = _failing(tmp_path, unused_port)
    proc = start(path, db, first=SLOW_RETRY)
    seen: list[dict] = []
    try:
        failed = next_record(proc, lambda r: "subscriber=desk channel=email" in r["message"], seen)
    finally:
        stop(proc)
    assert "status=error" in failed["message"] and "Connection refused" in failed["message"], failed
    write_config(path, [_email(smtp_server.port)])  # the port put right, then a restart
    proc = start(path, db, first=SLOW_RETRY)
    try:
        wait_for(lambda: len(smtp_server.envelopes) >= 1, timeout=90,
                 what="the failed digest sent after a restart with the channel mended")
    finally:
        _, err = stop(proc)
    assert "Traceback" not in err, err[-3000:]
    assert "digest retries: 1 failed messages are tried again now, at start" in err, err[-3000:]
    assert len(smtp_server.envelopes) == 1
