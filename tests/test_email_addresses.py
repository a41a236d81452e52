"""Email addresses written in Chinese: a domain name such as 三明.中国 (an internationalised
domain, IDN), a mailbox name such as 张三@…, and display names. Most mail servers do not offer
SMTPUTF8; an address whose domain is Chinese goes to them in its ASCII form (xn--…), which names
the same domain, so it needs none. A Chinese name before the @ has no ASCII form: such a server
cannot take it, and the error says so (it blamed `security` and AUTH). A real SMTP server on
127.0.0.1 (aiosmtpd), with and without SMTPUTF8."""

from __future__ import annotations

from collections.abc import Iterator
from email.utils import getaddresses

import pytest
from conftest import SMTPSink, _start

from monitor import digest as dg
from monitor import notify
from monitor.config import Channel
from monitor.errors import NotifyError
from monitor.models import Digest

IDN = "三明.中国"
ACE = IDN.encode("idna").decode("ascii")  # the same domain as DNS and every server know it


@pytest.fixture
def plain_server() -> Iterator[SMTPSink]:
    """A server that does not offer SMTPUTF8 (conftest's does: aiosmtpd's Controller turns it on)."""
    sink = SMTPSink()
    controller = _start(sink, enable_SMTPUTF8=False)
    yield sink
    controller.stop()


def send(port: int, digest: Digest, to: tuple[str, ...], sender: str) -> str:
    channel = Channel(kind="email", to=to, sender=sender, smtp_host="127.0.0.1", smtp_port=port, security="none")
    return notify.send(channel, dg.outgoing(digest, "email", "text"), timeout=5)


def test_a_chinese_domain_goes_in_its_ascii_form_to_a_server_without_smtputf8(plain_server, sample_digest):
    line = send(plain_server.port, sample_digest, (f"desk@{IDN}", f"三明办 <office@{IDN}>", "press@example.org"),
                f"沪明监测 <monitor@{IDN}>")
    assert line.startswith("email to 3 recipients")
    envelope = plain_server.envelopes[0]
    assert envelope.mail_from == f"monitor@{ACE}"
    assert envelope.rcpt_tos == [f"desk@{ACE}", f"office@{ACE}", "press@example.org"]
    msg = plain_server.parsed()
    assert getaddresses([str(msg["To"])]) == [("", f"desk@{ACE}"), ("三明办", f"office@{ACE}"),
                                               ("", "press@example.org")]
    assert getaddresses([str(msg["From"])]) == [("沪明监测", f"monitor@{ACE}")]
    assert msg["Message-ID"].isascii() and msg["Message-ID"].endswith(f"@{ACE}>")
    raw = plain_server.envelopes[0].original_content or plain_server.envelopes[0].content
    assert raw.isascii()  # the whole message, headers included, is 7-bit on the wire
    assert "上海市与【三明】市" in msg.get_body(("plain",)).get_content()


def test_a_chinese_mailbox_name_goes_as_it_is_where_the_server_takes_smtputf8(smtp_server, sample_digest):
    send(smtp_server.port, sample_digest, (f"张三@{IDN}",), "monitor@example.org")
    assert smtp_server.envelopes[0].rcpt_tos == [f"张三@{ACE}"]
    assert "SMTPUTF8" in [o.upper() for o in smtp_server.envelopes[0].mail_options]


def test_a_chinese_mailbox_name_a_server_cannot_take_is_named(plain_server, sample_digest):
    with pytest.raises(NotifyError) as err:
        send(plain_server.port, sample_digest, (f"张三@{IDN}",), "monitor@example.org")
    assert f"张三@{IDN}" in str(err.value) and "SMTPUTF8" in str(err.value), err.value
    assert "security" not in f"{err.value} {err.value.hint}" and "ASCII" in err.value.hint
    assert plain_server.envelopes == []


def test_the_other_recipients_still_get_it(plain_server, sample_digest):
    line = send(plain_server.port, sample_digest, (f"张三@{IDN}", f"desk@{IDN}", "press@example.org"),
                "monitor@example.org")
    assert line.startswith("email to 2 of 3 recipients") and line.endswith(f"refused: 张三@{IDN}"), line
    assert plain_server.envelopes[0].rcpt_tos == [f"desk@{ACE}", "press@example.org"]
