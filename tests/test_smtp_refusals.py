"""A mail server's refusals at MAIL FROM that are not about the sender's address: "530
Authentication required" (a server that takes mail only after a login, set up without one), "530
Must issue a STARTTLS command first" (only over TLS, set up with security = "none"), and
a passing 4xx ("421 too many connections from your IP", a busy relay). Before, both were told as
"refused sender …: check `from`; many servers only accept the login's own address", sending the
person to change a right address. Now each says what the server asked, and the passing refusal
that the message goes again at the retry, which sends it once. Real aiosmtpd on 127.0.0.1."""

from __future__ import annotations

from conftest import SMTPSink, _start
from delivery_world import news_lines, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store


def world(tmp_path, port: int):
    channel = {"kind": "email", "smtp_host": "127.0.0.1", "smtp_port": port, "from": "monitor@example.org",
               "to": ["desk@example.org"]}
    cfg = config.load(write_config(tmp_path / "monitor.toml", [channel]), tmp_path / "m.db")
    ctx = Context(cfg, Store.open(cfg.db_path))
    assert import_lines(ctx, news_lines(3)).matched == 3
    return ctx


def test_a_server_wanting_a_login_says_so_not_to_check_the_sender(tmp_path):
    sink = SMTPSink()
    controller = _start(sink, auth_required=True)  # 530 5.7.0 to MAIL FROM without AUTH
    try:
        (result,) = send_digests(world(tmp_path, sink.port))
        assert result.status == "error" and not sink.envelopes
        assert "530" in result.detail and "login" in result.detail and "username" in result.detail, result.detail
        assert "`from`" not in result.detail, result.detail
    finally:
        controller.stop()


class Busy(SMTPSink):
    """Puts off the first MAIL FROM with 421 (too many connections), then takes mail."""

    busy = 1

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.busy:
            self.busy -= 1
            return "421 4.7.0 Too many connections from your IP, try again later"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"


def test_a_server_putting_the_message_off_says_it_goes_again_and_it_goes_once(tmp_path):
    sink = Busy()
    controller = _start(sink)
    try:
        ctx = world(tmp_path, sink.port)
        (result,) = send_digests(ctx)
        assert result.status == "error" and not sink.envelopes
        assert "421" in result.detail and "again" in result.detail, result.detail
        assert "`from`" not in result.detail and "refused sender" not in result.detail, result.detail
        (again,) = send_digests(ctx)
        assert again.status == "sent" and again.stories == 3 and len(sink.envelopes) == 1
        assert not sink.parsed(0)["X-Monitor-Resend"]  # put off before its data: nobody had it
    finally:
        controller.stop()


class WantsTLS(SMTPSink):
    """Takes mail only over TLS: 530 to MAIL FROM on a plain connection (Postfix's
    smtpd_tls_security_level = encrypt says it so)."""

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        return "530 5.7.0 Must issue a STARTTLS command first"


def test_a_server_wanting_tls_first_says_to_set_security(tmp_path):
    sink = WantsTLS()
    controller = _start(sink)
    try:
        (result,) = send_digests(world(tmp_path, sink.port))
        assert result.status == "error" and not sink.envelopes
        assert "STARTTLS" in result.detail and "security" in result.detail, result.detail
        assert "`from`" not in result.detail and "username" not in result.detail, result.detail
    finally:
        controller.stop()
