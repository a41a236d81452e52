"""A webhook receiver answering HTTP 200 with JSON nested deeper than Python's parser goes
(`[[[[…` or `{"a":{"a":…` some thousands deep, inside the 64 KB of an answer that is read): the
answer is read for a robot's error code or an `"ok": false`, and json's RecursionError escaped
the send. `monitor digest` died with a traceback, the subscribers after it unsent, and the
message, which the receiver had taken, went again at every run. Such an answer says nothing in
words: the status is the answer, and the message is sent once. A real receiver on 127.0.0.1."""

from __future__ import annotations

import pytest
from delivery_world import counts, webhook_world


@pytest.mark.parametrize("fmt", ["json", "dingtalk"])
@pytest.mark.parametrize("answer", [b"[" * 30_000, b'{"errcode":' * 6_000], ids=["arrays", "objects"])
def test_a_webhook_answering_200_with_json_nested_too_deep_has_the_message_once(tmp_path, webhook_receiver,
                                                                               monkeypatch, fmt, answer):
    from delivery_world import NO_PROXY

    from monitor.pipeline import send_digests

    for name in NO_PROXY:
        monkeypatch.delenv(name, raising=False)
    webhook_receiver.reply_body = answer
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook", fmt)
    try:
        (first,) = send_digests(ctx)
        assert first.status == "sent" and first.stories == 5, first
        assert send_digests(ctx)[0].status == "empty"
    finally:
        ctx.store.close()
    assert len(webhook_receiver.requests) == 1
    assert sorted(counts([r.body.decode() for r in webhook_receiver.requests]).values()) == [1] * 5
