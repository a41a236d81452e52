"""Webhook receivers that answer with a redirect.

A 307 or 308 says "POST it, unchanged, there": the message goes on there with the same body,
key and signature, on the same host; to another host or port it is reported, not followed.
A 301, 302 or 303 to a POST would turn it into a GET without its body (what
browsers do), so it is an error that says where the receiver went and to update `url`. A real
receiver on 127.0.0.1.
"""

from __future__ import annotations

import pytest
from delivery_world import quick_webhooks, webhook_world

from monitor.pipeline import send_digests


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_webhooks(monkeypatch)


@pytest.mark.parametrize("status", [307, 308])
def test_a_307_or_308_is_followed_with_the_same_post(tmp_path, webhook_receiver, status):
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook?token=abc")
    webhook_receiver.fail(1, status, {"Location": "/moved/hook?token=abc"})
    (run,) = send_digests(ctx)
    assert run.status == "sent" and run.pending == 0, run.detail
    first, second = webhook_receiver.requests
    assert (first.path, second.path) == ("/hook", "/moved/hook")
    assert second.method == "POST" and second.body == first.body and b"news.example.cn" in second.body
    assert second.headers["idempotency-key"] == first.headers["idempotency-key"]
    assert send_digests(ctx)[0].status == "empty" and len(webhook_receiver.requests) == 2


@pytest.mark.parametrize("status", [301, 302, 303])
def test_a_move_that_would_drop_the_body_is_an_error_naming_where(tmp_path, webhook_receiver, status):
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook")
    webhook_receiver.fail(1, status, {"Location": "http://127.0.0.1:9/new-hook"})
    (run,) = send_digests(ctx)
    assert run.status == "error" and run.pending == 1
    assert f"HTTP {status}" in run.detail and "moved to http://127.0.0.1:9/" in run.detail and "update the channel's url" in run.detail
    assert "new-hook" not in run.detail  # a path may carry a token
    assert [r.method for r in webhook_receiver.requests] == ["POST"]  # never a GET, never the new place


def test_a_redirect_loop_is_one_error_not_a_hang(tmp_path, webhook_receiver):
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook")
    webhook_receiver.fail(50, 307, {"Location": "/hook"})
    (run,) = send_digests(ctx)
    assert run.status == "error" and "redirect" in run.detail and run.pending == 1
    assert len(webhook_receiver.requests) <= 6


@pytest.mark.parametrize("status", [307, 308])
def test_a_307_or_308_to_another_origin_is_not_followed(tmp_path, webhook_receiver, status):
    """The receiver's key travels in its url and the signature in a header: a 307/308 to another
    host or port would hand both, and the digest, to whoever the answer names. It is reported as a
    move naming where (without a path), and the message waits for the url to be updated."""
    from conftest import WebhookReceiver

    elsewhere = WebhookReceiver()
    elsewhere.thread.start()
    try:
        ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook?token=abc")
        webhook_receiver.fail(1, status, {"Location": elsewhere.url + "/collect?token=abc"})
        (run,) = send_digests(ctx)
        assert run.status == "error" and run.pending == 1, run.detail
        assert f"HTTP {status}" in run.detail and f"moved to {elsewhere.url}/" in run.detail
        assert "update the channel's url" in run.detail and "collect" not in run.detail
        assert elsewhere.requests == [] and len(webhook_receiver.requests) == 1
    finally:
        elsewhere.server.shutdown()
        elsewhere.server.server_close()
