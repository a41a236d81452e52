"""One mailbox in two email channels: two subscribers (a morning digest and a weekly one, both on
hu-ming, both to the desk), or one subscriber's two channels naming it (`Desk@…` in one, `desk@…`
in the other). Each channel was a reader of its own, so the desk had every story both carry twice,
though the same mailbox is one reader wherever a channel names it (`store.outbox`'s `_same_reader`,
`notify.smtp.readers`). A story every recipient of a channel already had, or has waiting, from
another email channel, is left out of that channel's digest; one some of them had goes to the others
alone (a desk in two channels and an editor in one: the desk had the shared stories twice). Real
aiosmtpd on 127.0.0.1, a real SQLite file."""

from __future__ import annotations

import re
from collections import Counter

from delivery_world import news_lines

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store


def _config(path, port: int, subscribers: dict[str, list[list[str]]]):
    lines = ['include = ["monitor:topics/hu-ming.toml"]']
    for name, channels in subscribers.items():
        lines += ["[[subscribers]]", f'name = "{name}"', 'topics = ["hu-ming"]', 'schedule = "0 8 * * *"']
        for to in channels:
            lines += ["[[subscribers.channels]]", 'kind = "email"', 'smtp_host = "127.0.0.1"', f"smtp_port = {port}",
                      'security = "none"', 'from = "monitor@example.org"',
                      "to = [" + ", ".join(f'"{a}"' for a in to) + "]"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config.load(path, path.parent / "m.db")


def _had(smtp_server, mailbox: str) -> Counter:
    """How many times each story (its number in news_lines) reached `mailbox`."""
    had: Counter = Counter()
    for i, envelope in enumerate(smtp_server.envelopes):
        if mailbox in {a.lower() for a in envelope.rcpt_tos}:
            text = smtp_server.parsed(i).get_body(("plain",)).get_content()
            had.update(int(n) for n in set(re.findall(r"上海与三明对口合作项目(\d+)号", text)))
    return had


def test_two_subscribers_mailing_one_desk_send_it_each_story_once(tmp_path, smtp_server):
    cfg = _config(tmp_path / "monitor.toml", smtp_server.port,
                  {"morning": [["Desk@Example.org"]], "weekly": [["desk@example.org"]]})
    ctx = Context(cfg, Store.open(cfg.db_path))
    assert import_lines(ctx, news_lines(3)).matched == 3
    send_digests(ctx)
    assert _had(smtp_server, "desk@example.org") == {0: 1, 1: 1, 2: 1}
    assert import_lines(ctx, news_lines(2, start=3)).matched == 2  # the next day's news
    send_digests(ctx, "weekly")  # the other subscriber's digest first this time
    send_digests(ctx)
    assert _had(smtp_server, "desk@example.org") == dict.fromkeys(range(5), 1)
    # the morning digest taken out of the config: what it sent the desk is not sent again by the weekly one
    ctx.store.close()
    cfg = _config(tmp_path / "monitor.toml", smtp_server.port, {"weekly": [["desk@example.org"]]})
    ctx = Context(cfg, Store.open(cfg.db_path))
    assert import_lines(ctx, news_lines(1, start=5)).matched == 1
    send_digests(ctx)
    assert _had(smtp_server, "desk@example.org") == dict.fromkeys(range(6), 1)


def test_one_subscriber_naming_the_desk_in_two_channels_sends_it_each_story_once(tmp_path, smtp_server):
    cfg = _config(tmp_path / "monitor.toml", smtp_server.port,
                  {"desk": [["desk@example.org", "office@example.org"], ["编辑部 <DESK@example.org>"]]})
    ctx = Context(cfg, Store.open(cfg.db_path))
    assert import_lines(ctx, news_lines(3)).matched == 3
    send_digests(ctx)
    assert _had(smtp_server, "desk@example.org") == {0: 1, 1: 1, 2: 1}
    assert _had(smtp_server, "office@example.org") == {0: 1, 1: 1, 2: 1}


def test_a_channel_with_a_reader_who_lacks_the_stories_sends_them_to_that_reader_alone(tmp_path, smtp_server):
    # the weekly digest also goes to the editor, who never had them: the editor gets them, the desk not twice
    cfg = _config(tmp_path / "monitor.toml", smtp_server.port,
                  {"morning": [["desk@example.org"]], "weekly": [["desk@example.org", "editor@example.org"]]})
    ctx = Context(cfg, Store.open(cfg.db_path))
    assert import_lines(ctx, news_lines(2)).matched == 2
    send_digests(ctx)
    assert _had(smtp_server, "editor@example.org") == {0: 1, 1: 1}
    assert _had(smtp_server, "desk@example.org") == {0: 1, 1: 1}
    send_digests(ctx)  # recorded: nothing goes again
    assert len(smtp_server.envelopes) == 2


def test_partly_shared_mailboxes_each_have_every_story_once_whatever_runs_first(tmp_path, smtp_server):
    # the desk reads both digests, the office only the morning one, the editor and the chief only the weekly one
    cfg = _config(tmp_path / "monitor.toml", smtp_server.port,
                  {"morning": [["desk@example.org", "office@example.org"]],
                   "weekly": [["Desk@Example.org", "editor@example.org", "chief@example.org"]]})
    ctx = Context(cfg, Store.open(cfg.db_path))
    assert import_lines(ctx, news_lines(3)).matched == 3
    send_digests(ctx, "morning")
    assert import_lines(ctx, news_lines(2, start=3)).matched == 2  # later news, before the weekly digest
    send_digests(ctx, "weekly")  # 0-2 for the editor and the chief alone, 3-4 for the three
    send_digests(ctx, "morning")  # 3-4: the desk had them, the office not
    send_digests(ctx)
    for reader in ("desk", "office", "editor", "chief"):
        assert _had(smtp_server, f"{reader}@example.org") == dict.fromkeys(range(5), 1), reader
    # what each channel's readers took is recorded for it: the morning digest taken out, nothing waits again
    ctx.store.close()
    cfg = _config(tmp_path / "monitor.toml", smtp_server.port,
                  {"weekly": [["desk@example.org", "editor@example.org", "chief@example.org"]]})
    ctx = Context(cfg, Store.open(cfg.db_path))
    sent = len(smtp_server.envelopes)
    send_digests(ctx)
    assert len(smtp_server.envelopes) == sent
