"""A mail server's refusal written over several lines (Gmail's '550-5.7.1 ...' then a help link
on the next lines; a relay's policy notice) was quoted with its line breaks in the digest's one
line of error: the result, the log and the JSON a script reads broke across lines, the second
line looking like a log line of its own; and a control character in it (an ESC sequence from a
hostile server) went to the terminal as it came. A reply is folded into one line (its lines
joined by a space, control characters made spaces), and a refusal reads the same wherever it is
said: to the data, to a recipient put off, to the sender. Real aiosmtpd on 127.0.0.1."""

from __future__ import annotations

from conftest import SMTPSink, _start
from test_smtp_refusals import world

from monitor.pipeline import send_digests

POLICY = ("550-5.7.1 [127.0.0.1] Our system has detected that this message is likely unsolicited mail.\r\n"
          "550-5.7.1 To reduce the amount of spam sent to this server, review our policy\r\n"
          "550 5.7.1 at https://mail.example.org/policy \x1b[2Jthen try again")


class RefusesData(SMTPSink):
    async def handle_DATA(self, server, session, envelope):
        return POLICY


class PutsOffRecipient(SMTPSink):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "450-4.2.1 The user you are trying to contact is receiving mail too quickly.\r\n450 4.2.1 Try later"


class RefusesSender(SMTPSink):
    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        return POLICY.replace("550", "553")


def one_line(detail: str) -> None:
    assert not any(ord(c) < 32 or ord(c) == 127 for c in detail), repr(detail)


def test_a_refusal_of_the_data_over_three_lines_is_said_in_one(tmp_path):
    sink = RefusesData()
    controller = _start(sink)
    try:
        (result,) = send_digests(world(tmp_path, sink.port))
    finally:
        controller.stop()
    assert result.status == "error"
    one_line(result.detail)
    assert "likely unsolicited mail. 5.7.1 To reduce" in result.detail and "policy [2Jthen try again" in result.detail  # the ESC a space


def test_a_recipient_put_off_over_two_lines_is_said_in_one(tmp_path):
    sink = PutsOffRecipient()
    controller = _start(sink)
    try:
        (result,) = send_digests(world(tmp_path, sink.port))
    finally:
        controller.stop()
    assert result.status == "error" and "450" in result.detail
    one_line(result.detail)
    assert "too quickly. 4.2.1 Try later" in result.detail


def test_a_sender_refused_over_three_lines_is_said_in_one(tmp_path):
    sink = RefusesSender()
    controller = _start(sink)
    try:
        (result,) = send_digests(world(tmp_path, sink.port))
    finally:
        controller.stop()
    assert result.status == "error" and "553" in result.detail
    one_line(result.detail)
