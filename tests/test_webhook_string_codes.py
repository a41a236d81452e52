"""A receiver answering its code as a string (`{"errcode": "0", "errmsg": "ok"}`: a relay in front
of a robot, a gateway written in a language that quotes every value) took the message: "0" was
read as a code that is not zero, a refusal, so the digest failed and was posted again at every
retry, the chat showing it each time. A code is read as the number it writes; a string that is no
number is no code. A code that refuses, written as a string, still refuses. Real receiver on
127.0.0.1, real SQLite."""

from __future__ import annotations

import json

import pytest
from delivery_world import news_lines, quick_webhooks
from test_webhook_format_change import context

from monitor.pipeline import import_lines, retry_due, send_digests


@pytest.mark.parametrize(("fmt", "reply"), [("json", {"errcode": "0", "errmsg": "ok"}),
                                             ("wecom", {"errcode": "0", "errmsg": "ok"}),
                                             ("dingtalk", {"errcode": " 0 ", "errmsg": "ok"}),
                                             ("feishu", {"code": "0", "msg": "success", "data": {}}),
                                             ("wecom", {"errcode": "", "errmsg": "ok"})])
def test_a_zero_code_written_as_a_string_is_an_acceptance(tmp_path, webhook_receiver, monkeypatch, fmt, reply):
    quick_webhooks(monkeypatch)
    webhook_receiver.reply_body = json.dumps(reply).encode()
    ctx = context(tmp_path, webhook_receiver.url + "/hook", fmt)
    assert import_lines(ctx, news_lines(2)).matched == 2
    (result,) = send_digests(ctx)
    assert result.status == "sent", result.detail
    assert send_digests(ctx)[0].status == "empty" and not retry_due(ctx)
    assert len(webhook_receiver.requests) == 1


@pytest.mark.parametrize("fmt", ["json", "wecom"])
def test_a_refusing_code_written_as_a_string_still_refuses(tmp_path, webhook_receiver, monkeypatch, fmt):
    quick_webhooks(monkeypatch)
    webhook_receiver.reply_body = json.dumps({"errcode": "40008", "errmsg": "invalid message type"}).encode()
    ctx = context(tmp_path, webhook_receiver.url + "/hook", fmt)
    assert import_lines(ctx, news_lines(2)).matched == 2
    (result,) = send_digests(ctx)
    assert result.status == "error" and "40008" in result.detail, result.detail
    assert ctx.store.db.execute("SELECT count(*) FROM deliveries").fetchone()[0] == 0
