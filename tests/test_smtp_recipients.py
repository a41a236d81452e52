"""Mail servers that take a message for some recipients and not (yet) for others.

A 4xx answer to one RCPT (greylisting, a full mailbox, "452 too many recipients") defers that
recipient only: the others have the digest, and sending it to everyone again would be the
duplicate. Each recipient must get each digest exactly once; a 5xx for one is final for it.
Real aiosmtpd servers on 127.0.0.1.
"""

from __future__ import annotations

from collections import Counter
from email import message_from_bytes
from email.policy import default as email_policy

from conftest import SMTPSink, _start
from delivery_world import counts, news_lines, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store

A, B, C = "desk@example.org", "press@example.org", "office@example.org"


class PickySMTP(SMTPSink):
    """Per recipient: `defer[addr]` more 450s, or a 550 for ever if in `reject`; and at most
    `per_message` recipients in one transaction (452 past it)."""

    def __init__(self) -> None:
        super().__init__()
        self.defer: dict[str, int] = {}
        self.reject: set[str] = set()
        self.per_message = 100
        self.asked: list[str] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        self.asked.append(address)
        if address in self.reject:
            return "550 5.1.1 No such mailbox here"
        if self.defer.get(address):
            self.defer[address] -= 1
            return "450 4.7.1 Greylisted, please try again later"
        if len(envelope.rcpt_tos) >= self.per_message:
            return "452 4.5.3 Too many recipients in this message"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    def received(self) -> dict[str, list[str]]:
        """Per recipient, the plain-text bodies it was handed."""
        out: dict[str, list[str]] = {}
        for env in self.envelopes:
            msg = message_from_bytes(env.original_content or env.content, policy=email_policy)
            for rcpt in env.rcpt_tos:
                out.setdefault(rcpt, []).append(msg.get_body(("plain",)).get_content())
        return out

    def message_ids(self) -> Counter[str]:
        return Counter(message_from_bytes(e.original_content or e.content, policy=email_policy)["Message-ID"]
                       for e in self.envelopes)


def world(tmp_path, port: int, to: list[str], n: int = 12) -> Context:
    path = write_config(tmp_path / "monitor.toml", [{"kind": "email", "to": to, "from": "monitor@sanming.example.cn",
                                                     "smtp_host": "127.0.0.1", "smtp_port": port}])
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(n)).matched == n
    return ctx


def each_once(sink: PickySMTP, who: list[str], n: int = 12) -> None:
    got = sink.received()
    for rcpt in who:
        assert counts(got.get(rcpt, [])) == dict.fromkeys(range(n), 1), rcpt


def test_a_greylisted_recipient_gets_the_digest_later_and_the_others_not_twice(tmp_path):
    sink = PickySMTP()
    controller = _start(sink)
    try:
        ctx = world(tmp_path, sink.port, [A, B])
        sink.defer[B] = 2  # greylisted at the first try and its in-session retry
        (first,) = send_digests(ctx)
        assert first.status == "error" and B in first.detail and "450" in first.detail
        assert "1 of 2" in first.detail  # says who has it
        each_once(sink, [A])
        assert B not in sink.received()
        (row,) = ctx.store.outbox_summary()
        assert (row["failed"], row["sent"]) == (1, 0)  # the message waits, for B only
        (second,) = send_digests(ctx)
        assert second.status == "sent" and second.pending == 0
        each_once(sink, [A, B])
        assert list(sink.message_ids().values()) == [2]  # one message, one Message-ID, two envelopes
        assert send_digests(ctx)[0].status == "empty" and len(sink.envelopes) == 2
    finally:
        controller.stop()


def test_a_server_taking_few_recipients_a_message_gets_the_rest_in_the_same_run(tmp_path):
    sink = PickySMTP()
    sink.per_message = 2
    controller = _start(sink)
    try:
        ctx = world(tmp_path, sink.port, [A, B, C])
        (run,) = send_digests(ctx)
        assert run.status == "sent" and run.pending == 0, run.detail
        each_once(sink, [A, B, C])
    finally:
        controller.stop()


def test_a_recipient_refused_for_good_is_named_and_not_retried(tmp_path):
    sink = PickySMTP()
    sink.reject.add(B)
    controller = _start(sink)
    try:
        ctx = world(tmp_path, sink.port, [A, B])
        (run,) = send_digests(ctx)
        assert run.status == "sent" and run.pending == 0
        each_once(sink, [A])
        assert send_digests(ctx)[0].status == "empty"
        assert sink.asked.count(B) == 1  # a 550 is an answer: never asked again
    finally:
        controller.stop()


def test_every_recipient_greylisted_is_a_deferral_retried_not_a_wrong_address(tmp_path):
    sink = PickySMTP()
    sink.defer = {A: 1, B: 1}  # greylisted at the first try
    controller = _start(sink)
    try:
        ctx = world(tmp_path, sink.port, [A, B])
        (first,) = send_digests(ctx)
        assert first.status == "error" and "450" in first.detail and "check `to`" not in first.detail
        assert not sink.envelopes
        (second,) = send_digests(ctx)
        assert second.status == "sent"
        each_once(sink, [A, B])
    finally:
        controller.stop()


def test_display_names_reach_the_headers_and_bare_addresses_the_envelope(tmp_path):
    sink = PickySMTP()
    sink.defer[B] = 2
    controller = _start(sink)
    try:
        path = write_config(tmp_path / "monitor.toml", [{
            "kind": "email", "to": [f"Desk <{A}>", f'"新闻 Press" <{B}>'], "from": "三明监测 <monitor@sanming.example.cn>",
            "smtp_host": "127.0.0.1", "smtp_port": sink.port}])
        ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
        assert import_lines(ctx, news_lines(12)).matched == 12
        assert send_digests(ctx)[0].status == "error"  # B put off
        assert send_digests(ctx)[0].status == "sent"
        each_once(sink, [A, B])
        assert [e.mail_from for e in sink.envelopes] == ["monitor@sanming.example.cn"] * 2
        msg = message_from_bytes(sink.envelopes[0].original_content, policy=email_policy)
        assert msg["From"].addresses[0].display_name == "三明监测"
        assert [a.display_name for a in msg["To"].addresses] == ["Desk", "新闻 Press"]
    finally:
        controller.stop()
