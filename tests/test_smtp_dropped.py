"""A mail server that closes the connection as it takes the message (after DATA, before its
answer): the error says what happened and that the message goes again with the same Message-ID,
and the next run sends it. Before, the error blamed the settings that had just worked ("check
`security` and smtp_port (ssl usually 465…)"), sending the person to change a right config.
Real aiosmtpd on 127.0.0.1."""

from __future__ import annotations

from conftest import SMTPSink, _start
from delivery_world import news_lines, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store


class Dropping(SMTPSink):
    """Closes the connection on the first message's DATA, without an answer; takes the rest."""

    drops = 1

    async def handle_DATA(self, server, session, envelope):
        if self.drops:
            self.drops -= 1
            self.envelopes.append(envelope)
            server.transport.close()
            return "250 never said"
        return await super().handle_DATA(server, session, envelope)


def test_a_server_dropping_the_connection_after_data_is_named_so_and_the_message_goes_again(tmp_path):
    sink = Dropping()
    controller = _start(sink)
    try:
        channel = {"kind": "email", "smtp_host": "127.0.0.1", "smtp_port": sink.port, "from": "m@example.org",
                   "to": ["desk@example.org"]}
        cfg = config.load(write_config(tmp_path / "monitor.toml", [channel]), tmp_path / "m.db")
        ctx = Context(cfg, Store.open(cfg.db_path))
        assert import_lines(ctx, news_lines(3)).matched == 3
        (dropped,) = send_digests(ctx)
        assert dropped.status == "error" and "closed the connection" in dropped.detail
        assert "security" not in dropped.detail and "smtp_port" not in dropped.detail
        assert "same Message-ID" in dropped.detail
        (again,) = send_digests(ctx)
        assert again.status == "sent" and again.stories == 3
        first, second = (sink.parsed(0), sink.parsed(1))
        assert first["Message-ID"] == second["Message-ID"]
    finally:
        controller.stop()
