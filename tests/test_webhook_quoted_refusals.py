"""A webhook receiver answering 200 whose refusal is written as words rather than JSON's false:
`{"ok": "false"}` or `{"success": "False"}` (a relay in front of a Slack-style receiver, or one
quoting every value), `{"status": "error", "message": …}` or `{"status": "fail"}` (JSend's
shape, which many small HTTP services answer in). Each was taken as delivered: the stories were
recorded sent and reached nobody. Now each is a refusal naming what it said, and the message goes
again at the retry, once. Answers that accept in the same keys (`"ok": "true"`, `"status": "ok"`,
`"status": 0`, `"status": "queued"`) stay acceptances: a receiver's success read as a refusal
would be posted again at every retry. And a 429 or 503 asking (Retry-After) for longer than a
try waits said only "it will go at the next run": the error now says for how long the receiver
asked to be left alone. Real receiver on 127.0.0.1, real SQLite."""

from __future__ import annotations

import json

import pytest
from delivery_world import counts, quick_webhooks, webhook_world

from monitor.pipeline import send_digests


def answering(receiver, first: bytes) -> None:
    """The receiver answers `first` to the first request, then `1`."""
    def answer(received):
        receiver.requests.append(received)
        body = first if len(receiver.requests) == 1 else b"1"
        return 200, {"Content-Type": "application/json" if body.startswith(b"{") else "text/plain"}, body
    receiver._answer = answer


@pytest.mark.parametrize(("answer", "said"), [
    ({"ok": "false", "error": "channel_not_found"}, "channel_not_found"),
    ({"ok": " False "}, "ok: false"),
    ({"success": "false", "msg": "token expired"}, "token expired"),
    ({"status": "error", "message": "upstream chat refused the post"}, "upstream chat refused the post"),
    ({"status": "fail", "data": {"text": "too long"}}, "status: fail"),
    ({"status": "FAILED"}, "status: failed"),
    ({"status": False, "msg": "签名校验失败"}, "签名校验失败"),
], ids=["ok-quoted", "ok-python-false", "success-quoted", "jsend-error", "jsend-fail", "status-failed",
        "status-false"])
def test_a_refusal_written_in_words_is_a_failure_and_the_message_goes_again_once(
        tmp_path, webhook_receiver, monkeypatch, answer, said):
    quick_webhooks(monkeypatch)
    answering(webhook_receiver, json.dumps(answer, ensure_ascii=False).encode())
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook", fmt="markdown")
    (first,) = send_digests(ctx)
    assert first.status == "error" and "refused the message" in first.detail and said in first.detail, first
    assert first.pending == 1
    (second,) = send_digests(ctx)
    assert second.status == "sent" and second.stories == 5
    assert counts([webhook_receiver.requests[1].body.decode()]) == dict.fromkeys(range(5), 1)
    assert "x-monitor-resend" not in webhook_receiver.requests[1].headers  # a refusal: it never had it


@pytest.mark.parametrize("answer", [
    {"ok": "true"}, {"success": "True"}, {"status": "ok"}, {"status": "success"}, {"status": 0},
    {"status": "queued", "id": 7}, {"status": 200, "message": "error-free"}, {"ok": 1},
])
def test_acceptances_in_the_same_keys_stay_acceptances(tmp_path, webhook_receiver, monkeypatch, answer):
    quick_webhooks(monkeypatch)
    answering(webhook_receiver, json.dumps(answer).encode())
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook", fmt="json")
    assert send_digests(ctx)[0].status == "sent" and len(webhook_receiver.requests) == 1


@pytest.mark.parametrize(("status", "asked", "words"), [
    (429, "600", "rate-limited: it asked to be left alone for 10 min"),
    (503, "5400", "the receiver is failing: it asked to be left alone for 1 h 30 min"),
    (429, "90", "rate-limited: it asked to be left alone for 90 s"),
])
def test_a_long_retry_after_is_said_in_the_error(tmp_path, webhook_receiver, monkeypatch, status, asked, words):
    quick_webhooks(monkeypatch)
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook", fmt="json")
    webhook_receiver.fail(1, status, {"Retry-After": asked})
    (result,) = send_digests(ctx)
    assert result.status == "error" and words in result.detail, result.detail
    assert "first run after that" in result.detail and len(webhook_receiver.requests) == 1
