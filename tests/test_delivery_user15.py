"""Delivery faults a user meets running the monitor for months (faults-user-15). Real aiosmtpd
on 127.0.0.1, the real CLI, real SQLite files."""

from __future__ import annotations

import sqlite3
from collections import Counter

import pytest
from click.testing import CliRunner
from conftest import _start
from delivery_world import counts, news_lines, story_numbers, write_config
from test_email_too_large import LIMIT, Measuring

from monitor import config
from monitor.cli import main
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

@pytest.mark.parametrize("planned", [False, True], ids=["backup-before-planning", "backup-with-it-waiting"])
def test_a_backup_restored_after_a_digest_for_some_readers_alone_some_took(tmp_path, planned):
    """The weekly digest's stories go to the editor and the chief alone (the desk had them from the
    morning one); the editor takes the email, the chief's server greylists it. A backup from before
    that, restored: the editor must not have it again unmarked, nor the chief lose it."""
    from test_smtp_recipients import PickySMTP

    from monitor.store import restore

    sink = PickySMTP()
    controller = _start(sink)
    try:
        cfg = _two_channels(tmp_path / "monitor.toml", sink.port, 6)
        ctx = Context(cfg, Store.open(cfg.db_path))
        assert import_lines(ctx, news_lines(6)).matched == 6
        assert send_digests(ctx, "morning")[0].status == "sent"
        if planned:  # every recipient greylisted: the backup holds the weekly email waiting for the two
            sink.defer.update({"editor@example.org": 2, "chief@example.org": 2})
            assert send_digests(ctx, "weekly")[0].status == "error"
        ctx.store.backup(tmp_path / "backup.db")
        sink.defer.update({"editor@example.org": 0, "chief@example.org": 2})  # the editor alone takes it
        assert send_digests(ctx, "weekly")[0].status == "error"
        assert _had(sink, "editor@example.org") == dict.fromkeys(range(6), 1)
        ctx.store.close()
        restore(tmp_path / "backup.db", cfg.db_path)
        ctx = Context(cfg, Store.open(cfg.db_path))
        send_digests(ctx)
        plain = [(e.rcpt_tos, sink.parsed(i)) for i, e in enumerate(sink.envelopes)]
        unmarked = [m.get_body(("plain",)).get_content() for to, m in plain
                    if "editor@example.org" in to and not m["X-Monitor-Resend"]]
        assert counts(unmarked) == dict.fromkeys(range(6), 1), "the editor had it again unmarked"
        for reader in ("desk", "chief"):
            assert _had(sink, f"{reader}@example.org") == dict.fromkeys(range(6), 1), reader
        sent = len(sink.envelopes)
        send_digests(ctx)
        assert len(sink.envelopes) == sent
        ctx.store.close()
    finally:
        controller.stop()


def test_a_backup_restored_after_a_digest_for_some_readers_alone_was_split_and_some_took_the_parts(tmp_path):
    """As above, the backup holding the weekly email waiting; then the server refused it as too large,
    its parts went to the editor and were greylisted for the chief. Restored, the database holds the
    email whole, which the note never names: it went to the editor again, unmarked."""
    from test_smtp_recipients import PickySMTP

    from monitor.store import restore

    class Small(PickySMTP):
        async def handle_DATA(self, server, session, envelope) -> str:
            if len(envelope.original_content or envelope.content) > 12_000:
                return "552 5.3.4 Message size exceeds fixed limit"
            return await super().handle_DATA(server, session, envelope)

    sink = Small()
    controller = _start(sink)
    try:
        cfg = _two_channels(tmp_path / "monitor.toml", sink.port, 12)
        ctx = Context(cfg, Store.open(cfg.db_path))
        assert import_lines(ctx, news_lines(12)).matched == 12
        assert send_digests(ctx, "morning")[0].status == "sent"
        sink.defer.update({"editor@example.org": 2, "chief@example.org": 2})
        assert send_digests(ctx, "weekly")[0].status == "error"
        ctx.store.backup(tmp_path / "backup.db")
        sink.defer.update({"editor@example.org": 0, "chief@example.org": 100})  # the editor alone takes the parts
        for _ in range(8):  # the chief's first part, failing, holds the others back for three tries
            send_digests(ctx, "weekly")
            if _had(sink, "editor@example.org") == dict.fromkeys(range(12), 1):
                break
        assert _had(sink, "editor@example.org") == dict.fromkeys(range(12), 1)
        ctx.store.close()
        restore(tmp_path / "backup.db", cfg.db_path)
        sink.defer.clear()
        ctx = Context(cfg, Store.open(cfg.db_path))
        send_digests(ctx)
        plain = [(e.rcpt_tos, sink.parsed(i)) for i, e in enumerate(sink.envelopes)]
        unmarked = [m.get_body(("plain",)).get_content() for to, m in plain
                    if "editor@example.org" in to and not m["X-Monitor-Resend"]]
        assert counts(unmarked) == dict.fromkeys(range(12), 1), "the editor had it again unmarked"
        for reader in ("desk", "chief"):
            assert _had(sink, f"{reader}@example.org") == dict.fromkeys(range(12), 1), reader
        ctx.store.close()
    finally:
        controller.stop()


def _cli(tmp_path):
    """The real CLI in this process on tmp_path's config (the bundled topic, no source) and m.db."""
    cfg = tmp_path / "monitor.toml"
    if not cfg.exists():
        cfg.write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")

    def run(*args, input=None):
        return CliRunner().invoke(main, ["--config", str(cfg), "--db", str(tmp_path / "m.db"), *args], input=input)
    return run

@pytest.mark.parametrize("enabled", [None, False], ids=["none", "all-disabled"])
def test_a_poll_with_nothing_to_poll_says_so_in_one_line(tmp_path, enabled):
    """`monitor poll` on a config without a source (or with every one disabled) printed a table's
    header over nothing and '0 sources, 0 new articles, 0 matched, 0 failed'."""
    if enabled is not None:
        (tmp_path / "monitor.toml").write_text('include = ["monitor:topics/hu-ming.toml"]\n[[sources]]\nname = "sm"\n'
                                               'kind = "feed"\nurl = "http://127.0.0.1:9/rss"\nenabled = false\n',
                                               encoding="utf-8")
    done = _cli(tmp_path)("poll")
    assert done.exit_code == 0 and done.stdout == "", done.output
    (said,) = done.stderr.splitlines()
    assert said.startswith("nothing to poll: ") and ("enabled = true" if enabled is False else "[[sources]]") in said

def _mark(path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE TABLE last_week (x)")
        conn.commit()
    finally:
        conn.close()


def _marked(path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'last_week'").fetchone()[0] == 1
    finally:
        conn.close()

def test_a_backup_onto_an_earlier_backup_says_it_replaced_it_and_keep_keeps_it_beside(tmp_path):
    """`monitor backup /backups/monitor.db` where last week's backup was replaced it without a word.
    It still replaces it (a fixed name in a nightly cron line must not fill the disk with copies),
    and the line says so and when that one was made; --keep keeps it beside, named by that time."""
    run = _cli(tmp_path)
    Store.open(tmp_path / "m.db").close()
    last = tmp_path / "backups" / "monitor.db"
    last.parent.mkdir()
    first = run("backup", str(last))
    assert first.exit_code == 0 and "earlier backup" not in first.stdout, first.output
    _mark(last)  # last week's backup, told apart from what the database holds now
    again = run("backup", str(last))
    assert again.exit_code == 0 and "replaced the earlier backup there, made " in again.stdout, again.output
    assert sorted(last.parent.iterdir()) == [last] and not _marked(last)
    _mark(last)
    kept_run = run("backup", "--keep", str(last))
    assert kept_run.exit_code == 0, kept_run.output
    (kept,) = [p for p in last.parent.iterdir() if p != last]
    assert kept.name.startswith("monitor.") and kept.suffix == ".db" and f"kept as {kept.name}" in kept_run.stdout
    assert (_marked(kept), _marked(last)) == (True, False)
    assert run("backup", "--replace", str(last)).exit_code == 0  # the default, said outright
    assert sorted(last.parent.iterdir()) == sorted([last, kept])


def test_a_preview_of_a_channel_whose_address_was_edited_says_since_when_as_its_digest_will(tmp_path):
    """A digest's file moved (a webhook's token rotated, a recipient added: a channel new to the
    database, which takes over what the subscriber had): `digest --dry-run` said 'first digest',
    where the digest it previews says 'new since' the subscriber's last one."""
    channel = {"kind": "file", "format": "text", "path": str(tmp_path / "a.txt")}
    cfg = config.load(write_config(tmp_path / "monitor.toml", [channel]), tmp_path / "m.db")
    ctx = Context(cfg, Store.open(cfg.db_path))
    assert import_lines(ctx, news_lines(2)).matched == 2
    assert send_digests(ctx)[0].status == "sent"
    assert import_lines(ctx, news_lines(1, start=2)).matched == 1
    ctx.store.close()
    channel["path"] = str(tmp_path / "b.txt")
    cfg = config.load(write_config(tmp_path / "monitor.toml", [channel]), tmp_path / "m.db")
    ctx = Context(cfg, Store.open(cfg.db_path))
    (preview,) = send_digests(ctx, dry_run=True)
    assert "first digest" not in preview.rendered and "new since" in preview.rendered, preview.rendered
    assert send_digests(ctx)[0].status == "sent"
    sent = (tmp_path / "b.txt").read_text(encoding="utf-8")
    assert story_numbers(sent) == [2] and "new since" in sent, sent
    ctx.store.close()
