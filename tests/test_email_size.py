"""A long digest by email is not clipped by the mail client: Gmail shows about 100 KB of a
message's HTML and hides the rest behind "[Message clipped] View entire message", where the last
stories of a 100-story digest went unread. The digest goes out as several emails, each within
that, every story in exactly one, numbered in the subject. Real aiosmtpd on 127.0.0.1."""

from __future__ import annotations

import re
from email import message_from_bytes
from email.policy import default as email_policy

from delivery_world import counts, news_lines, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store

CLIPPED_PAST = 100_000  # bytes of a message's HTML, as sent (decoded)


def mail_world(tmp_path, port, n=100, max_stories=100):
    channel = {"kind": "email", "smtp_host": "127.0.0.1", "smtp_port": port, "from": "monitor@example.org",
               "to": ["desk@example.org"]}
    cfg = config.load(write_config(tmp_path / "monitor.toml", [channel], max_stories=max_stories), tmp_path / "m.db")
    ctx = Context(cfg, Store.open(cfg.db_path))
    assert import_lines(ctx, news_lines(n)).matched == n
    return ctx


def received(sink):
    return [message_from_bytes(e.original_content or e.content, policy=email_policy) for e in sink.envelopes]


def test_a_long_digest_comes_as_emails_each_shown_whole(tmp_path, smtp_server):
    ctx = mail_world(tmp_path, smtp_server.port, n=160, max_stories=160)
    (result,) = send_digests(ctx)
    assert result.status == "sent", result.detail
    mails = received(smtp_server)
    htmls = [m.get_body(("html",)).get_content() for m in mails]
    assert all(len(h.encode()) <= CLIPPED_PAST for h in htmls), [len(h.encode()) for h in htmls]
    assert counts(htmls) == dict.fromkeys(range(160), 1)  # every story once, in one email or another
    texts = [m.get_body(("plain",)).get_content() for m in mails]
    assert counts(texts) == dict.fromkeys(range(160), 1)  # the text part carries the same stories
    n = len(mails)
    assert n > 1 and [re.search(r"\((\d+)/(\d+)\)$", m["Subject"]).groups() for m in mails] == [
        (str(i), str(n)) for i in range(1, n + 1)]
    assert len({m["Message-ID"] for m in mails}) == n  # each its own message, not folded as a resend
    assert send_digests(ctx)[0].status == "empty" and len(smtp_server.envelopes) == n


def test_a_short_digest_is_still_one_email_without_a_number(tmp_path, smtp_server):
    ctx = mail_world(tmp_path, smtp_server.port, n=5)
    (result,) = send_digests(ctx)
    assert result.status == "sent" and len(smtp_server.envelopes) == 1
    (mail,) = received(smtp_server)
    assert not re.search(r"\(\d+/\d+\)$", mail["Subject"])
    assert counts([mail.get_body(("html",)).get_content()]) == dict.fromkeys(range(5), 1)
