"""A webhook receiver redirecting (301, 307) to an address whose host is no valid international
name (`xn--a.com`: an ASCII label that is no Punycode; `xn--55qx5d.xn--`): httpx's join raised
idna's error, not InvalidURL, and the send died with it. `monitor digest` printed a traceback,
the subscribers after it went unsent, at every run. Now the answer is the message's failure, one
line naming the receiver (a 301: moved; a 307: not followed), and the message waits for the
retry; nothing sent twice. A real receiver on 127.0.0.1."""

from __future__ import annotations

import pytest
from delivery_world import NO_PROXY, webhook_world


@pytest.mark.parametrize("status", [301, 307])
@pytest.mark.parametrize("location", ["http://xn--a.com/hook", "http://xn--55qx5d.xn--/hook"])
def test_a_webhook_redirecting_to_a_malformed_host_is_that_messages_failure(tmp_path, webhook_receiver, monkeypatch,
                                                                            status, location):
    from monitor.pipeline import send_digests

    for name in NO_PROXY:
        monkeypatch.delenv(name, raising=False)
    webhook_receiver.fail(1, status, {"Location": location})
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook")
    try:
        (first,) = send_digests(ctx)
        assert first.status == "error" and first.pending == 1, first
        assert f"webhook to 127.0.0.1 answered HTTP {status}" in first.detail and "\n" not in first.detail, first
        ctx.store.conn.execute("UPDATE outbox SET next_attempt_at = NULL")  # the retry is due now
        (again,) = send_digests(ctx)  # the receiver answers 200 now
        assert again.status == "sent" and again.stories == 5, again
    finally:
        ctx.store.close()
    assert len(webhook_receiver.requests) == 2
