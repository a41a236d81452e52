"""A mail server answering 421 ("service not available, closing channel") to one RCPT of several:
a relay over its per-connection limit, a server shutting down. The server ends the session there,
so no recipient of that transaction has the message, those asked before the 421 (a 250 each)
and those never asked alike. smtplib raises SMTPRecipientsRefused naming only the refused
one, and the message waited for it alone: the others never had that digest. Real aiosmtpd on
127.0.0.1."""

from __future__ import annotations

from conftest import _start
from test_smtp_recipients import PickySMTP, each_once, world

from monitor.pipeline import send_digests

A, B, C = "desk@example.org", "press@example.org", "office@example.org"


class ClosingAtOne(PickySMTP):
    """421 to the RCPT of `closing` (`times` times, after `skip` askings answered as usual), as a
    server ending the session."""

    def __init__(self, closing: str, times: int = 1, skip: int = 0) -> None:
        super().__init__()
        self.closing, self.times, self.skip = closing, times, skip

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        if address == self.closing and self.skip:
            self.skip -= 1
        elif address == self.closing and self.times:
            self.times -= 1
            self.asked.append(address)
            return "421 4.7.0 Too many messages on this connection, closing"
        return await super().handle_RCPT(server, session, envelope, address, rcpt_options)


def test_a_421_at_one_recipient_leaves_the_message_waiting_for_every_one_of_that_transaction(tmp_path):
    sink = ClosingAtOne(B)
    controller = _start(sink)
    try:
        ctx = world(tmp_path, sink.port, [A, B, C])
        (first,) = send_digests(ctx)
        assert first.status == "error" and "421" in first.detail, first.detail
        assert not sink.envelopes  # the session ended before DATA: nobody has it
        (second,) = send_digests(ctx)
        assert second.status == "sent" and second.pending == 0, second.detail
        each_once(sink, [A, B, C])  # each of the three has every story, once
        assert send_digests(ctx)[0].status == "empty"
    finally:
        controller.stop()


def test_a_421_in_a_later_transaction_leaves_its_recipients_waiting_not_counted_as_taken(tmp_path):
    sink = ClosingAtOne(C, skip=1)
    sink.per_message = 1  # one recipient a transaction: A's goes (B and C 452), then B's with C's 421
    controller = _start(sink)
    try:
        ctx = world(tmp_path, sink.port, [A, B, C])
        (first,) = send_digests(ctx)
        assert first.status == "error" and "421" in first.detail, first.detail
        assert sink.asked.count(C) == 2 and [e.rcpt_tos for e in sink.envelopes] == [[A]]  # B's 250 then C's 421
        for _ in range(3):
            if send_digests(ctx)[0].status in ("empty", "sent"):
                break
        each_once(sink, [A, B, C])
        assert send_digests(ctx)[0].status == "empty"
    finally:
        controller.stop()
