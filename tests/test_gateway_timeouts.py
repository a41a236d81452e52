"""A webhook behind a gateway that gave up waiting for it: HTTP 504 (nginx's proxy_read_timeout,
a load balancer's idle timeout) or Cloudflare's 524, after the whole message had gone on; or
Cloudflare's 520, the receiver's answer empty or its connection reset (a 520 was retried at once,
unmarked, until session 29).

The receiver behind had the message and was slow to answer: it may well have posted it. The 504
was taken as a passing failure and the message posted again at once, up to three more times in
the run, unmarked (a chat robot behind the gateway shows each copy). Now it is a message of unknown
fate, as our own timeout is: not posted again in the same run, and the next try says it is sent
again. A 503 (the receiver says it did not take it) is still retried at once. Real receivers on
127.0.0.1."""

from __future__ import annotations

import pytest
from delivery_world import counts, quick_webhooks, webhook_world

from monitor.pipeline import send_digests


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_webhooks(monkeypatch)


@pytest.mark.parametrize(("status", "fmt"), [(504, "json"), (504, "wecom"), (524, "json"), (520, "json")])
def test_a_gateway_timeout_goes_once_more_at_the_next_try_marked(tmp_path, webhook_receiver, status, fmt):
    if fmt == "wecom":
        webhook_receiver.reply_body = b'{"errcode":0,"errmsg":"ok"}'
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook", fmt)
    webhook_receiver.fail(1, status)
    (first,) = send_digests(ctx)
    assert first.status == "error" and "may have it" in first.detail, first.detail
    assert len(webhook_receiver.requests) == 1  # not again in the same run
    (again,) = send_digests(ctx)
    assert again.status == "sent" and len(webhook_receiver.requests) == 2
    assert "x-monitor-resend" not in webhook_receiver.requests[0].headers
    assert webhook_receiver.requests[1].headers["x-monitor-resend"] == "1"
    assert counts([webhook_receiver.requests[1].body.decode()]) == dict.fromkeys(range(5), 1)


def test_a_503_is_still_tried_again_at_once_unmarked(tmp_path, webhook_receiver):
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook")
    webhook_receiver.fail(1, 503)
    (first,) = send_digests(ctx)
    assert first.status == "sent" and len(webhook_receiver.requests) == 2
    assert not any("x-monitor-resend" in r.headers for r in webhook_receiver.requests)
