"""One mailbox written twice in an email channel's `to`, in other letter cases (a list pasted from
two address books: `Desk@Sanming.example.cn` and `desk@sanming.example.cn`). A domain's case
never names another host, and mail servers take a mailbox's name in any case: it is one reader.
Each spelling went as a recipient of its own, and the reader had every digest two or three times.
A real SMTP server on 127.0.0.1 (aiosmtpd) counts the recipients of the transaction."""

from __future__ import annotations

from email.utils import getaddresses

from monitor import digest as dg
from monitor import notify
from monitor.config import Channel


def test_one_mailbox_in_other_letter_cases_is_sent_the_digest_once(smtp_server, sample_digest):
    to = ("Desk@Sanming.example.cn", "desk@SANMING.example.cn", "办公室 <desk@sanming.example.cn>",
          "office@sanming.example.cn")
    channel = Channel(kind="email", to=to, sender="monitor@example.org", smtp_host="127.0.0.1",
                      smtp_port=smtp_server.port, security="none")
    line = notify.send(channel, dg.outgoing(sample_digest, "email", "text"), timeout=5)
    assert len(smtp_server.envelopes) == 1
    rcpt = smtp_server.envelopes[0].rcpt_tos
    assert sorted(a.lower() for a in rcpt) == ["desk@sanming.example.cn", "office@sanming.example.cn"], rcpt
    assert rcpt[0] == "Desk@Sanming.example.cn"  # as the user wrote it first
    assert line == f"email to 2 recipients via 127.0.0.1:{smtp_server.port}"
    # the header names each reader once too
    named = [a.lower() for _, a in getaddresses([smtp_server.parsed()["To"]])]
    assert sorted(named) == ["desk@sanming.example.cn", "office@sanming.example.cn"], named
