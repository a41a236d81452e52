"""A webhook set up with the wrong `format` (markdown for a WeCom robot): the robot refuses every
message, and the error says to check the format. Once the config is mended, the stories the
refused messages held go out in the format the channel has now. Before, the outbox kept each
refused message as first rendered and sent it again at every run, refused each time: those
stories never arrived however the config was set. And a robot answering 40008 in a 200 to a
`json`, `markdown` or `slack` channel was taken as a delivery: its stories counted as read. Real receiver on 127.0.0.1, real SQLite."""

from __future__ import annotations

import json

import pytest
from delivery_world import counts, news_lines, quick_webhooks, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, retry_due, send_digests
from monitor.store import Store


def wecom_robot(receiver):
    """Like a WeCom robot: a 200 with errcode 40008 for a body that is not one of its messages."""
    answer = receiver._answer

    def robot(received):
        status, headers, _ = answer(received)
        ok = isinstance(received.json(), dict) and received.json().get("msgtype") == "markdown"
        reply = {"errcode": 0, "errmsg": "ok"} if ok else {"errcode": 40008, "errmsg": "invalid message type"}
        return status, headers, json.dumps(reply).encode()

    receiver._answer = robot


def context(tmp_path, url, fmt):
    cfg = config.load(write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": fmt, "url": url}]),
                      tmp_path / "m.db")
    return Context(cfg, Store.open(cfg.db_path))


def taken(receiver):
    return [r.body.decode() for r in receiver.requests if json.loads(r.body).get("msgtype") == "markdown"]


def test_mending_a_webhooks_format_sends_the_refused_stories_in_the_new_one(tmp_path, webhook_receiver, monkeypatch):
    quick_webhooks(monkeypatch)
    wecom_robot(webhook_receiver)
    url = webhook_receiver.url + "/cgi-bin/webhook/send"
    ctx = context(tmp_path, url, "markdown")
    assert import_lines(ctx, news_lines(8)).matched == 8
    (first,) = send_digests(ctx)
    assert first.status == "error" and "40008" in first.detail
    ctx.store.close()

    mended = context(tmp_path, url, "wecom")  # the config mended, the database as it was
    (second,) = send_digests(mended)
    assert second.status == "sent", second.detail
    assert counts(taken(webhook_receiver)) == dict.fromkeys(range(8), 1)  # every story once, as WeCom takes it
    assert mended.store.outbox_summary()[0]["failed"] in (0, None)
    assert send_digests(mended)[0].status == "empty" and not retry_due(mended)


def test_the_daemons_retries_do_not_send_a_message_in_a_format_the_channel_no_longer_has(
        tmp_path, webhook_receiver, monkeypatch):
    quick_webhooks(monkeypatch)
    wecom_robot(webhook_receiver)
    url = webhook_receiver.url + "/cgi-bin/webhook/send"
    ctx = context(tmp_path, url, "markdown")
    assert import_lines(ctx, news_lines(3)).matched == 3
    send_digests(ctx)
    ctx.store.close()
    mended = context(tmp_path, url, "wecom")
    from monitor.pipeline import deliver

    later = deliver.utcnow().replace(year=2100)
    monkeypatch.setattr(deliver, "utcnow", lambda: later)  # every retry is due
    before = len(webhook_receiver.requests)
    retry_due(mended)
    assert len(webhook_receiver.requests) == before  # nothing sent again in the old format
    (sent,) = send_digests(mended)  # the next digest carries those stories, in the new one
    assert sent.status == "sent" and counts(taken(webhook_receiver)) == dict.fromkeys(range(3), 1)


@pytest.mark.parametrize("fmt", ["json", "markdown", "slack"])
def test_a_robot_refusing_a_message_in_another_format_is_an_error_not_a_delivery(
        tmp_path, webhook_receiver, monkeypatch, fmt):
    quick_webhooks(monkeypatch)
    wecom_robot(webhook_receiver)
    ctx = context(tmp_path, webhook_receiver.url + "/cgi-bin/webhook/send", fmt)
    assert import_lines(ctx, news_lines(2)).matched == 2
    (result,) = send_digests(ctx)
    assert result.status == "error" and "40008" in result.detail and '"wecom"' in result.detail
    assert ctx.store.db.execute("SELECT count(*) FROM deliveries").fetchone()[0] == 0  # nothing counted as read


def test_another_receivers_own_code_field_is_not_taken_for_a_refusal(tmp_path, webhook_receiver, monkeypatch):
    quick_webhooks(monkeypatch)
    webhook_receiver.reply_body = b'{"code": 200, "msg": "received"}'
    ctx = context(tmp_path, webhook_receiver.url + "/hook", "json")
    assert import_lines(ctx, news_lines(2)).matched == 2
    assert send_digests(ctx)[0].status == "sent"
