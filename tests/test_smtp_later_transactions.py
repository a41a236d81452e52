"""A mail server that takes an email for some recipients, then fails the transaction for the others.

A server taking few recipients a message ("452 too many recipients") or greylisting some has the
others sent in a further transaction of the same session. When that one failed (a 451 to its
data, the connection closed, the server gone), the email was failed as a whole: the retry sent it
to every recipient again, and those of the first transaction had it twice, unmarked. Now those
who have it are kept out of the retry: it goes to the others only (marked as sent again when the
failed transaction's data had gone unanswered: they may have it). Real aiosmtpd servers on 127.0.0.1."""

from __future__ import annotations

import logging

import pytest
from conftest import _start
from test_smtp_recipients import PickySMTP, each_once, world

from monitor.pipeline import send_digests

A, B, C = "desk@example.org", "press@example.org", "office@example.org"


class FailsLater(PickySMTP):
    """One recipient a transaction; the second transaction's data answered `how`: '451', or the
    connection closed without an answer ('close'). Later sessions are served whole."""

    def __init__(self, how: str) -> None:
        super().__init__()
        self.per_message, self.how, self.datas = 1, how, 0

    async def handle_DATA(self, server, session, envelope) -> str:
        self.datas += 1
        if self.datas == 2:
            if self.how == "close":
                server.transport.close()
                return "250 never said"
            if self.how == "552":
                return "552 5.2.2 Mailbox full"
            return "451 4.3.0 Temporary local problem, try again later"
        return await super().handle_DATA(server, session, envelope)


@pytest.mark.parametrize("how", ["451", "close"])
def test_a_later_transaction_failing_keeps_the_first_ones_recipients_out_of_the_retry(tmp_path, how):
    sink = FailsLater(how)
    controller = _start(sink)
    try:
        ctx = world(tmp_path, sink.port, [A, B, C])
        (first,) = send_digests(ctx)
        assert first.status == "error"
        assert set(sink.received()) == {A}  # A has it; B's transaction failed, C's never came
        (retry,) = send_digests(ctx)
        assert retry.status == "sent", retry.detail
        (more,) = send_digests(ctx)
        assert more.status == "empty"
    finally:
        controller.stop()
    each_once(sink, [A, B, C])
    marked = [e.rcpt_tos for e in sink.envelopes if b"X-Monitor-Resend: 1" in (e.original_content or e.content)]
    assert all(A not in r for r in marked)
    assert bool(marked) == (how == "close")  # B may have had it: said so


def test_a_552_to_a_later_transaction_is_its_recipients_refusal_not_a_size_for_all(tmp_path, caplog):
    # A 552 ("exceeded storage allocation") reads as the message too large: its stories were planned
    # again as smaller emails for every recipient, and the first transaction's had them twice.
    sink = FailsLater("552")
    controller = _start(sink)
    try:
        ctx = world(tmp_path, sink.port, [A, B, C])
        with caplog.at_level(logging.INFO, logger="monitor"):
            (first,) = send_digests(ctx)
        assert first.status == "sent", first.detail
        assert any("1 of 3 recipients" in r.getMessage() and f"refused: {C}, {B}" in r.getMessage()
                   for r in caplog.records), [r.getMessage() for r in caplog.records]
        (more,) = send_digests(ctx)
        assert more.status == "empty"
    finally:
        controller.stop()
    each_once(sink, [A])
    assert set(sink.received()) == {A}
