"""An email channel's `to` edited while a recipient still waits for a digest the others have.

A message some recipients took and one was put off (greylisted) waits for that one alone. The
channel's name is made from its recipients, so an edited `to` made a channel never used: it
took over only what had gone to everyone, so the recipients who had the waiting digest got it a
second time, and the one still waiting, if kept, never got it from the old channel's queue.
Now a channel that replaces another of the subscriber's email channels takes its waiting
messages: who had one has it, who still waits and is still listed gets it, a recipient added
gets only what comes next. Real aiosmtpd servers on 127.0.0.1.
"""

from __future__ import annotations

from conftest import _start
from delivery_world import counts, news_lines, write_config
from test_smtp_recipients import A, B, C, PickySMTP, each_once, world

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests


def edit(tmp_path, ctx: Context, port: int, *tos: list[str]) -> Context:
    """The config rewritten with one email channel per recipient list."""
    path = write_config(tmp_path / "monitor.toml", [{"kind": "email", "to": to, "from": "monitor@sanming.example.cn",
                                                     "smtp_host": "127.0.0.1", "smtp_port": port} for to in tos])
    return Context(config.load(path, ctx.store.path), ctx.store)


def waiting_for_b(tmp_path, sink: PickySMTP) -> Context:
    """A digest to [A, B] that A took and B (greylisted) waits for."""
    sink.defer[B] = 2  # greylisted at the first try and its in-session retry
    ctx = world(tmp_path, sink.port, [A, B])
    assert send_digests(ctx)[0].status == "error"
    return ctx


def test_a_recipient_removed_while_waiting_does_not_send_the_others_the_digest_again(tmp_path):
    sink = PickySMTP()
    controller = _start(sink)
    try:
        ctx = waiting_for_b(tmp_path, sink)  # A has it, B waits
        ctx = edit(tmp_path, ctx, sink.port, [A])  # the office takes B off the list
        runs = [send_digests(ctx)[0] for _ in range(2)]
        got = sink.received()
        summary = ctx.store.outbox_summary()
    finally:
        controller.stop()
    assert [r.status for r in runs] == ["empty", "empty"], [(r.status, r.detail) for r in runs]
    each_once(sink, [A])
    assert B not in got  # taken off the list: never sent to
    assert not any(row["failed"] or row["pending"] for row in summary), summary  # nothing left waiting


def test_a_recipient_added_while_another_waits_gets_what_comes_next_and_the_waiting_one_its_digest(tmp_path):
    sink = PickySMTP()
    controller = _start(sink)
    try:
        ctx = edit(tmp_path, waiting_for_b(tmp_path, sink), sink.port, [A, B, C])
        (second,) = send_digests(ctx)
        each_once(sink, [A, B])  # B had it from the waiting message; A not again
        assert C not in sink.received()  # an added recipient starts from now
        import_lines(ctx, news_lines(2, start=12))
        (third,) = send_digests(ctx)
        got = sink.received()
    finally:
        controller.stop()
    assert second.status == "sent" and third.status == "sent", (second.detail, third.detail)
    for rcpt in (A, B):
        assert counts(got[rcpt]) == dict.fromkeys(range(14), 1), rcpt
    assert counts(got[C]) == {12: 1, 13: 1}


def test_a_channel_added_beside_one_whose_recipient_waits_leaves_that_message_alone(tmp_path):
    """The subscriber keeps its channel [A, B] (B waits) and gains a second one, [A], on another
    server: the waiting message stays the first channel's, and B gets it there."""
    sink = PickySMTP()
    controller = _start(sink)
    try:
        ctx = edit(tmp_path, waiting_for_b(tmp_path, sink), sink.port, [A, B], [A])
        send_digests(ctx)
        got = sink.received()
    finally:
        controller.stop()
    assert counts(got[B]) == dict.fromkeys(range(12), 1)
