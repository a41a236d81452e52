"""A webhook receiver answering 200 whose body says it did not take the message.

A Teams connector throttling answers HTTP 200 with "Webhook message delivery failed with error:
… 429"; chat bridges and Slack-style receivers answer 200 with `{"ok": false, "error": …}` or
`{"success": false}`. Each was taken as delivered: the stories were recorded sent and never
reached anyone. Now such an answer is a refusal naming what the receiver said, and the message
goes again at the retry (once taken, once delivered). Answers that accept (`1`, `ok`,
`{"ok": true}`, a JSON reply of the receiver's own) stay acceptances. Real receiver, 127.0.0.1."""

from __future__ import annotations

import pytest
from delivery_world import counts, quick_webhooks, webhook_world

from monitor.pipeline import send_digests


class Answers:
    """The receiver's replies: `first` to the first request, then `then`."""

    def __init__(self, receiver, first: bytes, then: bytes = b"1") -> None:
        self.receiver, self.first, self.then = receiver, first, then
        receiver._answer = self._answer

    def _answer(self, received):
        self.receiver.requests.append(received)
        body = self.first if len(self.receiver.requests) == 1 else self.then
        return 200, {"Content-Type": "application/json" if body.startswith(b"{") else "text/plain"}, body


@pytest.mark.parametrize("answer", [
    b"Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 429 with ContextId x",
    b'{"ok": false, "error": "invalid_token"}',
    b'{"success": false, "message": "channel not found"}',
    b"Error: payload could not be parsed",
], ids=["teams-throttled", "ok-false", "success-false", "error-text"])
def test_a_200_that_says_it_refused_the_message_is_a_failure_and_the_message_goes_again(
        tmp_path, webhook_receiver, monkeypatch, answer):
    quick_webhooks(monkeypatch)
    Answers(webhook_receiver, answer)
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook", fmt="markdown")
    (first,) = send_digests(ctx)
    assert first.status == "error" and "refused the message" in first.detail and first.pending == 1, first
    (second,) = send_digests(ctx)
    assert second.status == "sent" and second.stories == 5
    assert counts([webhook_receiver.requests[1].body.decode()]) == dict.fromkeys(range(5), 1)
    assert "x-monitor-resend" not in webhook_receiver.requests[1].headers  # a refusal is no unknown outcome


@pytest.mark.parametrize("answer", [b"1", b"ok", b'{"ok": true}', b'{"received": 5}', b"", b"accepted, no errors"])
def test_answers_that_accept_stay_acceptances(tmp_path, webhook_receiver, monkeypatch, answer):
    quick_webhooks(monkeypatch)
    Answers(webhook_receiver, answer)
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook", fmt="json")
    assert send_digests(ctx)[0].status == "sent" and len(webhook_receiver.requests) == 1
