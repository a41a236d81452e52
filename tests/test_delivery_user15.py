"""Delivery faults a user meets running the monitor for months (faults-user-15). Real aiosmtpd
on 127.0.0.1, the real CLI, real SQLite files."""

from __future__ import annotations

from collections import Counter

from conftest import _start
from delivery_world import counts, news_lines
from test_email_too_large import LIMIT, Measuring

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store


def _two_channels(path, port: int, n: int):
    """`morning` mails the desk; `weekly` mails the desk, the editor and the chief."""
    lines = ['include = ["monitor:topics/hu-ming.toml"]']
    for name, to in (("morning", ["desk@example.org"]),
                     ("weekly", ["desk@example.org", "editor@example.org", "chief@example.org"])):
        lines += ["[[subscribers]]", f'name = "{name}"', 'topics = ["hu-ming"]', 'schedule = "0 8 * * *"',
                  f"max_stories = {n}", "[[subscribers.channels]]", 'kind = "email"', 'smtp_host = "127.0.0.1"',
                  f"smtp_port = {port}", 'security = "none"', 'from = "monitor@example.org"',
                  "to = [" + ", ".join(f'"{a}"' for a in to) + "]"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config.load(path, path.parent / "m.db")


def _had(sink, mailbox: str) -> Counter:
    """How many times each story reached `mailbox` (in the emails' plain-text parts)."""
    return counts([sink.parsed(i).get_body(("plain",)).get_content() for i, e in enumerate(sink.envelopes)
                   if mailbox in {a.lower() for a in e.rcpt_tos}])


def test_a_digest_for_some_readers_alone_too_large_for_the_server_is_split_like_any_other(tmp_path):
    """The weekly digest's stories, which the desk had from the morning one, go to the editor and
    the chief alone: one email larger than the server takes. It was refused at every run (the
    split was kept from messages for some recipients), its stories never reached them."""
    sink = Measuring(LIMIT)  # refuses after the data: no SIZE heard, each plan is tried whole first
    controller = _start(sink)
    try:
        cfg = _two_channels(tmp_path / "monitor.toml", sink.port, 80)
        ctx = Context(cfg, Store.open(cfg.db_path))
        assert import_lines(ctx, news_lines(80)).matched == 80
        assert send_digests(ctx, "morning")[0].status == "sent"
        assert _had(sink, "desk@example.org") == dict.fromkeys(range(80), 1)
        refused = sink.refused
        (result,) = send_digests(ctx, "weekly")
        assert result.status == "sent", result.detail
        assert sink.refused > refused  # the weekly email was too large: split, not failed
        for reader in ("desk", "editor", "chief"):
            assert _had(sink, f"{reader}@example.org") == dict.fromkeys(range(80), 1), reader
        assert max(len(e.original_content or e.content) for e in sink.envelopes) <= LIMIT
        assert send_digests(ctx, "weekly")[0].status == "empty"
        ctx.store.close()
    finally:
        controller.stop()
