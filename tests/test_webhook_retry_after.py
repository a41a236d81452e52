"""A receiver answering 429 (or 503) with a Retry-After longer than a try waits gets its message
again no sooner than it asked, at the outbox's retry. Before, the retry came after the usual
1, 2, 4 minutes whatever the receiver said: a receiver asking for ten minutes was asked again
three times inside them, refused each time, and after the third the digest's later parts were
let past the first and went out of order. Real receiver on 127.0.0.1, real SQLite."""

from __future__ import annotations

from datetime import timedelta

import pytest
from delivery_world import news_lines, quick_webhooks, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store, utcnow


@pytest.mark.parametrize(("status", "asked"), [(429, "600"), (503, "900")])
def test_the_outbox_waits_as_long_as_the_receiver_asked(tmp_path, webhook_receiver, monkeypatch, status, asked):
    quick_webhooks(monkeypatch)
    cfg = config.load(write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json",
                                                                "url": webhook_receiver.url + "/hook"}]),
                      tmp_path / "m.db")
    ctx = Context(cfg, Store.open(cfg.db_path))
    assert import_lines(ctx, news_lines(3)).matched == 3
    webhook_receiver.fail(1, status, {"Retry-After": asked})
    before = utcnow()
    (result,) = send_digests(ctx, respect_backoff=True)
    assert result.status == "error" and str(status) in result.detail
    (queued,) = ctx.store.outbox_due("desk", result.channel)
    assert queued.next_attempt_at >= before + timedelta(seconds=int(asked)) - timedelta(seconds=1)
    assert len(webhook_receiver.requests) == 1  # asked for longer than a try waits: not tried again at once


def test_a_short_retry_after_is_still_waited_out_within_the_try(tmp_path, webhook_receiver, monkeypatch):
    quick_webhooks(monkeypatch)
    cfg = config.load(write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json",
                                                                "url": webhook_receiver.url + "/hook"}]),
                      tmp_path / "m.db")
    ctx = Context(cfg, Store.open(cfg.db_path))
    assert import_lines(ctx, news_lines(2)).matched == 2
    webhook_receiver.fail(1, 429, {"Retry-After": "0"})
    assert send_digests(ctx)[0].status == "sent" and len(webhook_receiver.requests) == 2


@pytest.mark.parametrize(("fmt", "answer", "pause"), [
    ("dingtalk", {"errcode": 130101, "errmsg": "send too fast, exceed 20 times per minute"}, 600),
    ("wecom", {"errcode": 45009, "errmsg": "api freq out of limit"}, 60)])
def test_a_robot_rate_limited_by_another_sender_is_tried_again_when_it_lets_messages_in(
        tmp_path, webhook_receiver, monkeypatch, fmt, answer, pause):
    import json

    quick_webhooks(monkeypatch)
    cfg = config.load(write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": fmt,
                                                                "url": webhook_receiver.url + "/robot/send"}]),
                      tmp_path / "m.db")
    ctx = Context(cfg, Store.open(cfg.db_path))
    assert import_lines(ctx, news_lines(2)).matched == 2
    webhook_receiver.reply_body = json.dumps(answer).encode()
    before = utcnow()
    (result,) = send_digests(ctx, respect_backoff=True)
    assert result.status == "error" and "rate-limited" in result.detail
    (queued,) = ctx.store.outbox_due("desk", result.channel)
    assert queued.next_attempt_at >= before + timedelta(seconds=pause) - timedelta(seconds=1)
