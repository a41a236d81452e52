"""A mail server announcing its SIZE (RFC 1870) below a long digest's email: a company relay, a
provider's limit. The daemon sends a digest every morning.

Each digest's first email was offered at its full size (MAIL FROM … SIZE=n), refused with 552,
and only then planned again as smaller ones: one refused email a day in the server's log and a
warning in ours, for a limit the server says in every EHLO. Now an email larger than the SIZE the
server announced is not offered, and the daemon's later digests are planned under it: each of
its mail sessions carries an email. Real aiosmtpd on 127.0.0.1; the digests of one process, as
the daemon sends them."""

from __future__ import annotations

from conftest import SMTPSink, _start
from delivery_world import counts, news_lines, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store

LIMIT = 60_000  # bytes: an email of 160 stories is about 200 KB as sent


class Sessions(SMTPSink):
    """Counts mail sessions (EHLO) beside the emails it takes."""

    def __init__(self) -> None:
        super().__init__()
        self.sessions = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.sessions += 1
        session.host_name = hostname
        return responses


def test_the_next_digest_is_planned_under_the_size_the_server_announced(tmp_path):
    sink = Sessions()
    controller = _start(sink, data_size_limit=LIMIT)
    try:
        channel = {"kind": "email", "smtp_host": "127.0.0.1", "smtp_port": sink.port, "from": "monitor@example.org",
                   "to": ["desk@example.org"]}
        cfg = config.load(write_config(tmp_path / "monitor.toml", [channel], max_stories=200), tmp_path / "m.db")
        ctx = Context(cfg, Store.open(cfg.db_path))
        assert import_lines(ctx, news_lines(160)).matched == 160
        (first,) = send_digests(ctx)
        assert first.status == "sent", first.detail
        assert len(sink.envelopes) > 2
        assert import_lines(ctx, news_lines(160, 160)).matched == 160  # the next morning's
        before, taken = sink.sessions, len(sink.envelopes)
        (second,) = send_digests(ctx)
        assert second.status == "sent", second.detail
        assert len(sink.envelopes) - taken > 2
        assert sink.sessions - before == len(sink.envelopes) - taken, "an email offered past the server's SIZE"
        mails = [sink.parsed(i) for i in range(len(sink.envelopes))]
        assert counts([m.get_body(("plain",)).get_content() for m in mails]) == dict.fromkeys(range(320), 1)
        assert max(len(e.original_content or e.content) for e in sink.envelopes) <= LIMIT
    finally:
        controller.stop()
