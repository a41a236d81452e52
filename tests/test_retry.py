"""The shared retry policy: transient statuses, backoff with jitter, Retry-After with a cap."""

from __future__ import annotations

from email.utils import formatdate

from monitor.retry import RetryPolicy, parse_retry_after


def test_retry_after_in_seconds_or_as_a_date():
    assert parse_retry_after("5") == 5.0
    assert parse_retry_after(" 0 ") == 0.0
    assert parse_retry_after("-3") == 0.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert 55 <= parse_retry_after(formatdate(1_000_060, usegmt=True), now=1_000_000) <= 60


def test_delay_honours_retry_after_up_to_the_cap():
    policy = RetryPolicy(retry_after_cap=120.0)
    assert policy.delay(0, "3") == 3.0
    assert policy.delay(0, "3600") is None  # not now: the next run retries
    assert policy.delay(0, "inf") is None


def test_backoff_doubles_with_jitter_and_a_ceiling():
    policy = RetryPolicy(base=1.0, max_backoff=4.0, jitter=0.25)
    assert [policy.backoff(a, rand=0.5) for a in range(4)] == [1.0, 2.0, 4.0, 4.0]
    assert policy.backoff(0, rand=0.0) == 0.75 and policy.backoff(0, rand=1.0) == 1.25
    waits = {round(policy.backoff(1), 6) for _ in range(20)}
    assert len(waits) > 1 and all(1.5 <= w <= 2.5 for w in waits)  # clients do not retry in step


def test_transient_statuses_only():
    policy = RetryPolicy()
    assert all(policy.transient(s) for s in (408, 425, 429, 500, 502, 503, 504))
    assert not any(policy.transient(s) for s in (400, 401, 403, 404, 410, 501))
