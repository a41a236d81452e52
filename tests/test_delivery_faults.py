"""Each delivery fault against a real server: after it, every story reached each channel exactly
once, and at most the one in-flight message was repeated, with the same key."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections import Counter
from email import message_from_bytes
from email.policy import default as email_policy

import pytest
from conftest import SMTPSink, _start, free_port
from delivery_world import NO_PROXY, StallingReceiver, counts, news_lines, quick_webhooks, story_numbers, write_config

from monitor import config, notify
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_webhooks(monkeypatch)


def world(tmp_path, channels, n=40):
    """A config around `channels` and a database of n matched stories; returns (config path, Context)."""
    path = write_config(tmp_path / "monitor.toml", channels)
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(n)).matched == n
    return path, ctx


def reload(path, ctx):
    """The same database under the config as it now is on disk."""
    return Context(config.load(path, ctx.store.path), ctx.store)


def healthy(store: Store) -> None:
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# ---------------------------------------------------------------- SMTP

class FlakySMTP(SMTPSink):
    """Answers 451 to the next `refuse` messages; records every Message-ID it was offered."""

    def __init__(self) -> None:
        super().__init__()
        self.refuse, self.offered = 0, []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.offered.append(message_from_bytes(envelope.content, policy=email_policy)["Message-ID"])
        if self.refuse:
            self.refuse -= 1
            return "451 4.3.0 Try again later"
        return await super().handle_DATA(server, session, envelope)


def email(port: int) -> dict:
    return {"kind": "email", "to": ["desk@example.org"], "from": "monitor@sanming.example.cn",
            "smtp_host": "127.0.0.1", "smtp_port": port}


def delivered_text(sink: SMTPSink) -> list[str]:
    return [sink.parsed(i).get_body(("plain",)).get_content() for i in range(len(sink.envelopes))]


def test_smtp_refusing_connections_then_back(tmp_path):
    port = free_port()
    _, ctx = world(tmp_path, [email(port)])
    (down,) = send_digests(ctx)
    assert down.status == "error" and f"127.0.0.1:{port}" in down.detail and down.failed == 1
    sink = FlakySMTP()
    sink.port = port
    controller = _start_on(sink, port)
    try:
        (up,) = send_digests(ctx)
        assert up.status == "sent" and up.stories == 40
        assert counts(delivered_text(sink)) == dict.fromkeys(range(40), 1)
        assert send_digests(ctx)[0].status == "empty" and len(sink.envelopes) == 1
    finally:
        controller.stop()
    healthy(ctx.store)


def _start_on(sink: SMTPSink, port: int):
    from aiosmtpd.controller import Controller

    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    return controller


def test_smtp_451_is_retried_with_the_same_message_id(tmp_path):
    sink = FlakySMTP()
    controller = _start(sink)
    try:
        _, ctx = world(tmp_path, [email(sink.port)])
        sink.refuse = 2
        assert send_digests(ctx)[0].status == "error"
        (row,) = ctx.store.outbox_summary()
        assert (row["failed"], row["sent"]) == (1, 0) and "451" in row["last_error"]
        assert send_digests(ctx)[0].status == "error"
        (up,) = send_digests(ctx)
        assert up.status == "sent"
        assert len(sink.offered) == 3 and len(set(sink.offered)) == 1  # one message, one Message-ID
        assert counts(delivered_text(sink)) == dict.fromkeys(range(40), 1)
        (row,) = ctx.store.outbox_summary()
        assert (row["pending"], row["failed"], row["sent"]) == (0, 0, 1)
    finally:
        controller.stop()
    healthy(ctx.store)


# ---------------------------------------------------------------- webhooks

def by_key(requests) -> dict[str, list]:
    out: dict[str, list] = {}
    for r in requests:
        out.setdefault(r.headers["idempotency-key"], []).append(r)
    return out


def test_webhook_500_then_200(tmp_path, webhook_receiver):
    _, ctx = world(tmp_path, [{"kind": "webhook", "format": "wecom", "url": webhook_receiver.url + "/w"}], n=60)
    webhook_receiver.fail(2 * (notify.webhook.POLICY.retries + 1), 500)  # the first message fails in two runs
    first = send_digests(ctx)[0]
    assert first.status == "error" and "HTTP 500" in first.detail and first.pending > 1
    assert send_digests(ctx)[0].status == "error"
    (last,) = send_digests(ctx)
    assert last.status == "sent" and last.pending == 0
    keys = by_key(webhook_receiver.requests)
    assert all(r.headers["x-monitor-message-id"] == k for k, rs in keys.items() for r in rs)
    accepted = [rs[-1].body.decode() for rs in keys.values()]
    assert counts(accepted) == dict.fromkeys(range(60), 1)
    repeated = [k for k, rs in keys.items() if len(rs) > 1]
    assert len(repeated) == 1  # only the failing message was sent more than once…
    assert len({r.body for r in keys[repeated[0]]}) == 1  # …and always as the same bytes
    healthy(ctx.store)


def test_failed_messages_wait_for_their_backoff_in_the_daemon(tmp_path, webhook_receiver):
    _, ctx = world(tmp_path, [{"kind": "webhook", "format": "json", "url": webhook_receiver.url}], n=5)
    webhook_receiver.fail(notify.webhook.POLICY.retries + 1, 503)
    assert send_digests(ctx, respect_backoff=True)[0].status == "error"
    tried = len(webhook_receiver.requests)
    again = send_digests(ctx, respect_backoff=True)[0]  # the daemon's next run: not yet due
    assert again.status == "empty" and again.pending == 1 and len(webhook_receiver.requests) == tried
    (row,) = ctx.store.outbox_summary()
    assert row["failed"] == 1 and row["next_attempt"] > row["last_attempt"]
    assert send_digests(ctx)[0].status == "sent"  # a person running `monitor digest` retries now


def test_a_receiver_stalls_while_the_sender_is_killed(tmp_path, webhook_receiver):
    path, ctx = world(tmp_path, [{"kind": "webhook", "format": "wecom", "url": webhook_receiver.url + "/w"}], n=60)
    stall = StallingReceiver(webhook_receiver, at=3)
    env = {k: v for k, v in os.environ.items() if k not in NO_PROXY}
    proc = subprocess.Popen([sys.executable, "-m", "monitor", "--config", str(path), "--db", str(ctx.store.path),
                             "digest"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        assert stall.stalled.wait(60), "the third message reached the receiver"
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        stall.release()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    (after,) = send_digests(reload(path, ctx))
    assert after.status == "sent"
    keys = by_key(webhook_receiver.requests)
    repeated = {k: rs for k, rs in keys.items() if len(rs) > 1}
    assert list(repeated) == [webhook_receiver.requests[2].headers["idempotency-key"]]  # only the in-flight one
    assert len(next(iter(repeated.values()))) == 2
    assert counts([rs[0].body.decode() for rs in keys.values()]) == dict.fromkeys(range(60), 1)
    assert Counter(story_numbers(" ".join(r.body.decode() for r in webhook_receiver.requests))).most_common(1)[0][1] == 2
    healthy(ctx.store)
    assert ctx.store.db.execute("SELECT count(*) FROM deliveries").fetchone()[0] == 60


def test_two_senders_at_once_send_each_message_once(tmp_path, webhook_receiver):
    path, ctx = world(tmp_path, [{"kind": "webhook", "format": "wecom", "url": webhook_receiver.url + "/w"}], n=60)
    env = {k: v for k, v in os.environ.items() if k not in NO_PROXY}
    args = [sys.executable, "-m", "monitor", "--config", str(path), "--db", str(ctx.store.path), "digest"]
    procs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in range(2)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert counts([r.body.decode() for r in webhook_receiver.requests]) == dict.fromkeys(range(60), 1)
    assert max(Counter(r.headers["idempotency-key"] for r in webhook_receiver.requests).values()) == 1
    json.loads(webhook_receiver.requests[0].body)  # and they are whole JSON documents


def test_a_message_the_receiver_keeps_refusing_stops_holding_up_the_rest(tmp_path, webhook_receiver):
    """Order is kept through a passing fault, but one message a receiver rejects every time (a
    payload it will never take) must not starve its channel: after HOLD_ATTEMPTS failures the
    messages behind it go, and it stays failed (with its error) for `digest --status`."""
    from monitor.pipeline import deliver

    _, ctx = world(tmp_path, [{"kind": "webhook", "format": "wecom", "url": webhook_receiver.url + "/w"}], n=60)
    answer, refused = webhook_receiver._answer, []

    def refusing_the_first(received):
        key = received.headers["x-monitor-message-id"]
        refused.extend([] if refused else [key])
        if key == refused[0]:
            webhook_receiver.requests.append(received)
            return 400, {}, b'{"errcode": 40008, "errmsg": "invalid message"}'
        return answer(received)

    webhook_receiver._answer = refusing_the_first
    runs = [send_digests(ctx)[0] for _ in range(deliver.HOLD_ATTEMPTS)]
    assert all(r.status == "error" for r in runs)
    assert [r.sent for r in runs] == [0] * (deliver.HOLD_ATTEMPTS - 1) + [runs[-1].sent] and runs[-1].sent > 0
    keys = by_key(webhook_receiver.requests)
    assert len(keys[refused[0]]) == deliver.HOLD_ATTEMPTS  # only the refused one went more than once
    stuck = set(story_numbers(keys[refused[0]][0].body.decode()))
    accepted = [rs[-1].body.decode() for k, rs in keys.items() if k != refused[0]]
    assert counts(accepted) == {i: 1 for i in range(60) if i not in stuck} and stuck
    (row,) = ctx.store.outbox_summary()
    assert row["failed"] == 1 and row["pending"] == 0 and "HTTP 400" in row["last_error"]
    healthy(ctx.store)
