"""A webhook receiver's refusal in words was quoted as it came in the digest's one line of error:
a chat bridge's `{"ok": false, "error": "…\\n…"}`, a robot's errmsg over several lines (and of
any length: tens of KB of it), an error page's text holding an ESC sequence. The result, the log
and the JSON a script reads broke across lines, a control character went to the terminal, and a
robot's errmsg had no bound. As for a mail server's refusal: one line, control characters made
spaces, at most a few hundred characters. A real receiver on 127.0.0.1."""

from __future__ import annotations

import json

import pytest
from delivery_world import webhook_world

ERROR = "channel_not_found\nsee https://api.example.org/errors\x1b[2J\u202eevil" + " more" * 4_000


def one_line(detail: str) -> None:
    assert not any(ord(c) < 32 or 127 <= ord(c) < 160 or c == "\u202e" for c in detail), repr(detail[:300])
    assert len(detail) < 1_000, len(detail)


@pytest.mark.parametrize(("fmt", "answer"), [
    ("json", {"ok": False, "error": ERROR}),
    ("dingtalk", {"errcode": 310000, "errmsg": ERROR}),
], ids=["ok-false", "robot-errmsg"])
def test_a_receivers_refusal_over_several_lines_is_said_in_one(tmp_path, webhook_receiver, monkeypatch, fmt, answer):
    from delivery_world import NO_PROXY

    from monitor.pipeline import send_digests

    for name in NO_PROXY:
        monkeypatch.delenv(name, raising=False)
    webhook_receiver.reply_body = json.dumps(answer).encode()
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook", fmt)
    try:
        (result,) = send_digests(ctx)
    finally:
        ctx.store.close()
    assert result.status == "error" and "channel_not_found see https://api.example.org/errors" in result.detail
    one_line(result.detail)


def test_an_error_pages_text_with_control_characters_is_said_in_one_line(tmp_path, webhook_receiver, monkeypatch):
    from delivery_world import NO_PROXY

    from monitor.pipeline import send_digests

    for name in NO_PROXY:
        monkeypatch.delenv(name, raising=False)
    webhook_receiver.reply_body = b"Error: delivery failed\x1b[2J\x07 retry\x00later"
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook", "json")
    try:
        (result,) = send_digests(ctx)
    finally:
        ctx.store.close()
    assert result.status == "error" and "delivery failed" in result.detail
    one_line(result.detail)
