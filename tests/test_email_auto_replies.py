"""A digest email says it was sent by a program (RFC 3834 `Auto-Submitted: auto-generated`, and
Exchange's `X-Auto-Response-Suppress`), so the recipients' vacation and out-of-office
responders do not answer every digest: over a holiday each away journalist's auto-reply came
back to the sender's mailbox (often the office's own) once a digest, every day. Real aiosmtpd."""

from __future__ import annotations

from delivery_world import news_lines, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store


def test_each_digest_email_asks_responders_not_to_answer(tmp_path, smtp_server):
    channel = {"kind": "email", "smtp_host": "127.0.0.1", "smtp_port": smtp_server.port,
               "from": "办公室 <office@example.org>", "to": ["desk@example.org", "记者 <reporter@example.org>"]}
    cfg = config.load(write_config(tmp_path / "monitor.toml", [channel]), tmp_path / "m.db")
    ctx = Context(cfg, Store.open(cfg.db_path))
    assert import_lines(ctx, news_lines(3)).matched == 3
    assert send_digests(ctx)[0].status == "sent"
    msg = smtp_server.parsed()
    assert msg["Auto-Submitted"] == "auto-generated"  # RFC 3834: responders SHOULD NOT answer
    assert {"OOF", "AutoReply"} <= {p.strip() for p in msg["X-Auto-Response-Suppress"].split(",")}
