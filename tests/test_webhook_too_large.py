"""A webhook receiver that takes requests up to a size smaller than a long digest's (a proxy in
front of it: nginx answers 413 past its `client_max_body_size`, 1 MB by default): 413 Payload
Too Large.

Before, the message was refused again at every retry and its stories never arrived; the error
said to lower `max_stories`, which changed nothing for the message already planned (the outbox
kept it as it was). Now its stories, with those of the digest's messages not yet tried, go again
at once as smaller messages, each story in exactly one of them. Real receiver on 127.0.0.1."""

from __future__ import annotations

import json

import pytest
from delivery_world import counts, news_lines, quick_webhooks, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store

LIMIT = 40_000  # bytes of a request body the receiver's proxy lets through


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_webhooks(monkeypatch)


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_a_receiver_refusing_a_large_digest_with_413_gets_it_as_smaller_messages(tmp_path, webhook_receiver, fmt):
    answer, refused = webhook_receiver._answer, []

    def proxy(received):
        if len(received.body) > LIMIT:
            refused.append(len(received.body))
            return 413, {"Content-Type": "text/html"}, b"<html><body><h1>413 Request Entity Too Large</h1></body></html>"
        return answer(received)

    webhook_receiver._answer = proxy
    path = write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": fmt,
                                                     "url": webhook_receiver.url + "/hook"}], max_stories=200)
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(200)).matched == 200
    (result,) = send_digests(ctx)
    assert result.status == "sent", result.detail
    assert refused and max(refused) > LIMIT
    taken = [r for r in webhook_receiver.requests if len(r.body) <= LIMIT]
    assert len(taken) > 1
    assert counts([r.body.decode() for r in taken]) == dict.fromkeys(range(200), 1)
    assert all(json.loads(r.body).get("resend") in (None, False) for r in taken)  # refused: nobody had it
    assert send_digests(ctx)[0].status == "empty"
    assert ctx.store.conn.execute("SELECT count(*) FROM deliveries").fetchone()[0] == 200
