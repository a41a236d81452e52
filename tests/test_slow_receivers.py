"""A webhook receiver that takes every message and answers only past our timeout (a bridge that
relays each message to a slow API before it answers): each try reached it.

Before, the message went again, marked as sent again, at every run (the daemon's retry job: after
1, 2, 4 … minutes, for ever), and the receiver posted each copy. Now the try that sends it again,
an earlier one having gone unanswered, waits longer for its answer (four times the timeout, as a
mail session has): the receiver's 200 is read, and it had the message twice, the second marked.
So with a mail server whose content filter answers each email's data past the timeout. Real HTTP
receivers and an aiosmtpd server on 127.0.0.1."""

from __future__ import annotations

from conftest import SMTPSink, _start
from delivery_world import quick_webhooks
from test_delivery_unknown import TIMEOUT, LateReceiver, delivered, world

from monitor.pipeline import send_digests


def test_a_receiver_answering_every_message_late_has_it_twice_at_most(tmp_path, monkeypatch):
    quick_webhooks(monkeypatch)
    receiver = LateReceiver("slow", late=1000)  # every answer 1.5 s past the timeout
    try:
        _, ctx = world(tmp_path, {"kind": "webhook", "format": "json", "url": f"http://127.0.0.1:{receiver.port}/h"})
        first = send_digests(ctx)
        assert first[0].status == "error" and "may have it" in first[0].detail, first
        again = send_digests(ctx)
        assert again[0].status == "sent", again
        assert send_digests(ctx)[0].status == "empty"
    finally:
        receiver.close()
    assert len(receiver.requests) == 2, f"{len(receiver.requests)} copies at a timeout of {TIMEOUT} s"
    assert [h.get("x-monitor-resend") for h, _ in receiver.requests] == [None, "1"]
    assert delivered(ctx) == 5


class SlowFilterSMTP(SMTPSink):
    """A mail server whose content filter answers each email's data only past our timeout
    (RFC 5321 gives the answer to the data ten minutes), having taken it."""

    async def handle_DATA(self, server, session, envelope) -> str:
        import asyncio

        self.envelopes.append(envelope)
        await asyncio.sleep(TIMEOUT + 1.5)
        return "250 Message accepted for delivery"


def test_a_mail_server_answering_every_email_late_has_it_twice_at_most(tmp_path):
    sink = SlowFilterSMTP()
    controller = _start(sink)
    try:
        _, ctx = world(tmp_path, {"kind": "email", "to": ["desk@example.org"], "from": "monitor@example.org",
                                  "smtp_host": "127.0.0.1", "smtp_port": sink.port})
        first = send_digests(ctx)
        assert first[0].status == "error" and "marked as sent again" in first[0].detail, first
        again = send_digests(ctx)
        assert again[0].status == "sent", again
        assert send_digests(ctx)[0].status == "empty"
    finally:
        controller.stop()
    assert len(sink.envelopes) == 2, f"{len(sink.envelopes)} copies at a timeout of {TIMEOUT} s"
    assert [sink.parsed(i)["X-Monitor-Resend"] for i in range(2)] == [None, "1"]
    assert delivered(ctx) == 5
