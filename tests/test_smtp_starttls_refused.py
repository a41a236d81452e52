"""A channel set up with security = "starttls" and a server that offers no STARTTLS (a port of
another service, a relay whose TLS is switched off, a man in the middle stripping it from the
EHLO answer): the email is never sent in the clear, the error says the server does not support
STARTTLS and what to set, not 'AUTH is often offered only after starttls' (nothing asked for
AUTH), and the message waits: once the channel is mended, every story goes, once. Real aiosmtpd on 127.0.0.1."""

from __future__ import annotations

from conftest import SMTPSink, _start
from delivery_world import counts, news_lines, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store


class NoStartTLS(SMTPSink):
    """Its EHLO answer names no STARTTLS (aiosmtpd offers none without a TLS context anyway)."""

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        return [r for r in responses if "STARTTLS" not in r.upper()]


def context(tmp_path, port: int, security: str) -> Context:
    channel = {"kind": "email", "smtp_host": "127.0.0.1", "smtp_port": port, "from": "monitor@example.org",
               "to": ["desk@example.org"], "security": security}
    cfg = config.load(write_config(tmp_path / "monitor.toml", [channel]), tmp_path / "m.db")
    return Context(cfg, Store.open(cfg.db_path))


def test_a_server_offering_no_starttls_gets_no_email_and_the_error_says_so(tmp_path):
    sink = NoStartTLS()
    controller = _start(sink)
    try:
        ctx = context(tmp_path, sink.port, "starttls")
        assert import_lines(ctx, news_lines(3)).matched == 3
        (result,) = send_digests(ctx)
        assert result.status == "error" and not sink.envelopes, result.detail  # nothing in the clear
        assert "does not support STARTTLS" in result.detail and "AUTH" not in result.detail, result.detail
        assert 'security = "ssl"' in result.detail, result.detail
        ctx.store.close()

        mended = context(tmp_path, sink.port, "none")  # a relay on a trusted network: the user's choice
        (sent,) = send_digests(mended)
        assert sent.status == "sent", sent.detail
        assert counts([sink.parsed(i).get_body(("plain",)).get_content() for i in range(len(sink.envelopes))]) \
            == dict.fromkeys(range(3), 1)
        assert send_digests(mended)[0].status == "empty"
    finally:
        controller.stop()
