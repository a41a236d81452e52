"""A mail server answering 552 to one RCPT (5.2.2, a mailbox over its quota): RFC 5321 (4.5.3.1.10)
asks a client to read a 552 to RCPT as the 452 it should have been, a mailbox full for now. It was
read as a refusal for good: the recipient was named as refused and never had that digest, though
the mailbox took mail again once emptied. It is put off to the retry, for that recipient alone;
each recipient has each story once. A 552 after the data stays what it was (the message too large,
or those mailboxes' refusal in a later transaction). Real aiosmtpd servers on 127.0.0.1."""

from __future__ import annotations

from conftest import _start
from test_smtp_recipients import A, B, PickySMTP, each_once, world

from monitor.pipeline import send_digests


class QuotaSMTP(PickySMTP):
    """`full[addr]` more 552s to that recipient's RCPT (its mailbox over quota), then 250."""

    def __init__(self) -> None:
        super().__init__()
        self.full: dict[str, int] = {}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        if self.full.get(address):
            self.full[address] -= 1
            self.asked.append(address)
            return "552 5.2.2 Mailbox full, quota exceeded"
        return await super().handle_RCPT(server, session, envelope, address, rcpt_options)


def test_a_552_to_one_rcpt_puts_that_recipient_off_not_out(tmp_path):
    sink = QuotaSMTP()
    sink.full[B] = 2  # at the first transaction and the one the session tries for it alone
    controller = _start(sink)
    try:
        ctx = world(tmp_path, sink.port, [A, B])
        (first,) = send_digests(ctx)
        assert first.status == "error" and B in first.detail and "552" in first.detail, first.detail
        assert first.pending == 1  # the message waits, for B alone
        each_once(sink, [A])
        (second,) = send_digests(ctx)
        assert second.status == "sent" and second.pending == 0, second.detail
        each_once(sink, [A, B])
        assert send_digests(ctx)[0].status == "empty" and sink.asked.count(A) == 1
    finally:
        controller.stop()


def test_a_552_to_every_rcpt_is_a_deferral_retried_not_a_wrong_address(tmp_path):
    sink = QuotaSMTP()
    sink.full = {A: 1, B: 1}
    controller = _start(sink)
    try:
        ctx = world(tmp_path, sink.port, [A, B])
        (first,) = send_digests(ctx)
        assert first.status == "error" and "552" in first.detail and "check `to`" not in first.detail, first.detail
        assert not sink.envelopes
        assert send_digests(ctx)[0].status == "sent"
        each_once(sink, [A, B])
    finally:
        controller.stop()
