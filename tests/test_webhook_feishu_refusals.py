"""A Feishu (Lark) robot set up as a `json`, `markdown` or `slack` webhook: it answers HTTP 200 to
every message with `{"code": 19002, "data": {}, "msg": "params error, msg_type need"}`, as it
answers a wrong signature (19021), an address not allowed (19022) or a missing keyword (19024).
A WeCom or DingTalk robot's `errcode` was read in any format, but Feishu's `code` only in the
`feishu` one, so each digest was taken as delivered: its stories counted as read and never shown.
Now Feishu's answer is known by its shape and codes (a receiver's own `code` field, `{"code": 200}`
or `{"code": 0, …}`, stays its own business), and once the format is mended every story goes,
once. Real receiver on 127.0.0.1, real SQLite."""

from __future__ import annotations

import json

import pytest
from delivery_world import counts, news_lines, quick_webhooks
from test_webhook_format_change import context

from monitor.pipeline import import_lines, retry_due, send_digests


def feishu_robot(receiver):
    """Like a Feishu robot: a 200 with code 19002 for a body without its msg_type."""
    answer = receiver._answer

    def robot(received):
        status, headers, _ = answer(received)
        ok = isinstance(received.json(), dict) and received.json().get("msg_type") in ("text", "post", "interactive")
        reply = {"code": 0, "data": {}, "msg": "success"} if ok else \
            {"code": 19002, "data": {}, "msg": "params error, msg_type need"}
        return status, headers, json.dumps(reply).encode()

    receiver._answer = robot


@pytest.mark.parametrize("fmt", ["json", "markdown", "slack"])
def test_a_feishu_robot_refusing_a_message_in_another_format_is_an_error_not_a_delivery(
        tmp_path, webhook_receiver, monkeypatch, fmt):
    quick_webhooks(monkeypatch)
    feishu_robot(webhook_receiver)
    url = webhook_receiver.url + "/open-apis/bot/v2/hook/0f6c"
    ctx = context(tmp_path, url, fmt)
    assert import_lines(ctx, news_lines(4)).matched == 4
    (result,) = send_digests(ctx)
    assert result.status == "error" and "19002" in result.detail and '"feishu"' in result.detail, result.detail
    assert ctx.store.db.execute("SELECT count(*) FROM deliveries").fetchone()[0] == 0  # nothing counted as read
    ctx.store.close()

    mended = context(tmp_path, url, "feishu")  # the config mended, the database as it was
    (sent,) = send_digests(mended)
    assert sent.status == "sent", sent.detail
    posted = [r.body.decode() for r in webhook_receiver.requests if json.loads(r.body).get("msg_type")]
    assert counts(posted) == dict.fromkeys(range(4), 1)  # every story once, as Feishu takes it
    assert send_digests(mended)[0].status == "empty" and not retry_due(mended)


@pytest.mark.parametrize("reply", [{"code": 200, "data": {}, "msg": "received"}, {"code": 0, "data": {"id": 7}, "msg": "ok"},
                                   {"code": 19002, "msg": "queued as job 19002"}])
def test_another_receivers_code_and_data_are_its_own_business(tmp_path, webhook_receiver, monkeypatch, reply):
    quick_webhooks(monkeypatch)
    webhook_receiver.reply_body = json.dumps(reply).encode()
    ctx = context(tmp_path, webhook_receiver.url + "/hook", "json")
    assert import_lines(ctx, news_lines(2)).matched == 2
    assert send_digests(ctx)[0].status == "sent"


@pytest.mark.parametrize("reply", [{"StatusCode": 200, "StatusMessage": "OK"},
                                   {"StatusCode": 201, "StatusMessage": "Created", "Id": 42},
                                   {"StatusCode": 1, "StatusMessage": "queued"}])
def test_a_receivers_own_status_code_in_its_answer_is_no_feishu_refusal(tmp_path, webhook_receiver, monkeypatch, reply):
    """An endpoint that echoes its HTTP status in the body (an ASP.NET or API-gateway habit) took
    the message: read as a Feishu robot's older StatusCode refusal, the digest failed and went
    again at every retry, the receiver storing it each time."""
    quick_webhooks(monkeypatch)
    webhook_receiver.reply_body = json.dumps(reply).encode()
    ctx = context(tmp_path, webhook_receiver.url + "/hook", "json")
    assert import_lines(ctx, news_lines(2)).matched == 2
    (result,) = send_digests(ctx)
    assert result.status == "sent", result.detail
    assert send_digests(ctx)[0].status == "empty" and not retry_due(ctx)
    assert len(webhook_receiver.requests) == 1


def test_a_feishu_robots_older_status_code_refusal_is_still_read_in_another_format(tmp_path, webhook_receiver,
                                                                                  monkeypatch):
    quick_webhooks(monkeypatch)
    webhook_receiver.reply_body = json.dumps({"Extra": None, "StatusCode": 19021,
                                              "StatusMessage": "sign match fail"}).encode()
    ctx = context(tmp_path, webhook_receiver.url + "/open-apis/bot/v2/hook/0f6c", "json")
    assert import_lines(ctx, news_lines(2)).matched == 2
    (result,) = send_digests(ctx)
    assert result.status == "error" and "19021" in result.detail and '"feishu"' in result.detail, result.detail
    assert ctx.store.db.execute("SELECT count(*) FROM deliveries").fetchone()[0] == 0
