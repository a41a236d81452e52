"""A backup restored after an email some of its recipients took (the others greylisted, 4xx).

The database records such a message as waiting for the deferred recipients only; the note beside
it (`<db>.sent`) had no line for it, as it was not sent whole. A backup from before it, restored,
planned the stories again for everyone: the recipients who had them got them a second time,
unmarked. Now the note keeps who took it, and the restored database sends its stories again
marked as sent again (the recipients who had it can tell; the others get it once).
Real `monitor` processes, `monitor backup`/`restore`, real SQLite files and aiosmtpd on 127.0.0.1."""

from __future__ import annotations

from email import message_from_bytes
from email.policy import default as email_policy

import pytest
from conftest import _start
from delivery_world import counts, monitor_cli, write_config
from test_restore import news
from test_smtp_recipients import PickySMTP

A, B = "desk@example.org", "press@example.org"


def got(sink: PickySMTP) -> dict[str, list[tuple[str, bool]]]:
    """Per recipient, each plain-text body it was handed and whether it was marked as sent again."""
    out: dict[str, list[tuple[str, bool]]] = {}
    for env in sink.envelopes:
        msg = message_from_bytes(env.original_content or env.content, policy=email_policy)
        for rcpt in env.rcpt_tos:
            out.setdefault(rcpt, []).append((msg.get_body(("plain",)).get_content(), bool(msg["X-Monitor-Resend"])))
    return out


@pytest.mark.parametrize("planned", [False, True], ids=["backup-before-planning", "backup-with-it-waiting"])
def test_a_backup_restored_after_an_email_some_recipients_took_gives_them_nothing_twice_unmarked(tmp_path, planned):
    sink = PickySMTP()
    controller = _start(sink)
    try:
        write_config(tmp_path / "monitor.toml", [{"kind": "email", "to": [A, B], "from": "monitor@example.org",
                                                  "smtp_host": "127.0.0.1", "smtp_port": sink.port}])
        assert monitor_cli(tmp_path, "import", news(tmp_path, 6, 0)).returncode == 0
        if planned:  # the backup holds the message waiting, planned for everyone
            assert monitor_cli(tmp_path, "digest", crash="digest-planned").returncode < 0
        assert monitor_cli(tmp_path, "backup", str(tmp_path / "backup.db")).returncode == 0
        sink.defer[B] = 2  # greylisted at the try and its in-session retry: A alone takes it
        partly = monitor_cli(tmp_path, "digest")
        assert partly.returncode == 1 and B in partly.stderr, partly.stderr
        assert counts([t for t, _ in got(sink)[A]]) == dict.fromkeys(range(6), 1) and B not in got(sink)
        assert monitor_cli(tmp_path, "restore", str(tmp_path / "backup.db")).returncode == 0
        after = monitor_cli(tmp_path, "digest")
        assert after.returncode == 0, after.stderr
        mail = got(sink)
        assert counts([t for t, marked in mail[A] if not marked]) == dict.fromkeys(range(6), 1), \
            "a recipient who had the email got it again unmarked"
        assert counts([t for t, _ in mail[B]]) == dict.fromkeys(range(6), 1)
        assert monitor_cli(tmp_path, "digest").returncode == 0 and got(sink) == mail  # nothing more
    finally:
        controller.stop()
