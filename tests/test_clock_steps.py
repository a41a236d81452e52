"""The clock stepped while messages wait: NTP mending a clock that ran a day (or an hour) ahead.

A message that failed while the clock was ahead was given a retry time on that clock: once the
clock was put right, the daemon's retry job (and its digests) held the message back for the
whole step, a day, though it was due a minute after its try. Now a message whose last try is
dated after now is due: it goes at the next retry, once. The outbox rows are those a process with
its clock a day ahead wrote (its times moved by the step); the receiver is real, on 127.0.0.1."""

from __future__ import annotations

import pytest
from delivery_world import counts, quick_webhooks, webhook_world

from monitor.pipeline import retry_due, send_digests


def ahead(ctx, hours: float) -> None:
    """The outbox's times as a process whose clock ran `hours` ahead wrote them."""
    shift = f"+{hours} hours"
    ctx.store.conn.execute(f"UPDATE outbox SET created_at = datetime(created_at, '{shift}'), "
                           f"last_attempt_at = strftime('%Y-%m-%dT%H:%M:%S+00:00', last_attempt_at, '{shift}'), "
                           f"next_attempt_at = strftime('%Y-%m-%dT%H:%M:%S+00:00', next_attempt_at, '{shift}')")
    ctx.store.conn.commit()


@pytest.mark.parametrize("hours", [24, 1])
def test_a_message_that_failed_on_a_clock_running_ahead_is_retried_once_the_clock_is_right(
        tmp_path, webhook_receiver, monkeypatch, hours):
    quick_webhooks(monkeypatch)
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook")
    webhook_receiver.fail(4, status=503)
    assert send_digests(ctx)[0].status == "error"
    ahead(ctx, hours)
    (retried,) = retry_due(ctx)  # the daemon's retry job, a minute later on the right clock
    assert retried.status == "sent", retried
    assert counts([r.body.decode() for r in webhook_receiver.requests[4:]]) == dict.fromkeys(range(5), 1)
    assert retry_due(ctx) == [] and send_digests(ctx, respect_backoff=True)[0].status == "empty"


def test_a_message_whose_retry_is_not_yet_due_still_waits(tmp_path, webhook_receiver, monkeypatch):
    """The rule is the clock's step, not any retry: a failure on the right clock waits its backoff."""
    quick_webhooks(monkeypatch)
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook")
    webhook_receiver.fail(4, status=503)
    assert send_digests(ctx)[0].status == "error"
    assert retry_due(ctx) == [] and len(webhook_receiver.requests) == 4
