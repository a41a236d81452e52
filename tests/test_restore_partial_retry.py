"""A backup restored between two tries of an email its recipients took one by one (greylisted).

An email to three recipients: the first took it, the other two were greylisted; a backup made
then holds it waiting for those two. At the next try the second took it while the third was
greylisted again. That backup restored, the email waited for the two once more, and went unmarked
to the second recipient, who had it. Real `monitor` processes, `monitor backup`/`restore`, real
SQLite files and aiosmtpd on 127.0.0.1."""

from __future__ import annotations

from conftest import _start
from delivery_world import counts, monitor_cli, write_config
from test_restore import news
from test_restore_partial_email import got
from test_smtp_recipients import PickySMTP

A, B, C = "desk@example.org", "press@example.org", "night@example.org"


def test_a_backup_restored_between_two_partial_tries_gives_no_recipient_the_email_twice_unmarked(tmp_path):
    sink = PickySMTP()
    controller = _start(sink)
    try:
        write_config(tmp_path / "monitor.toml", [{"kind": "email", "to": [A, B, C], "from": "monitor@example.org",
                                                  "smtp_host": "127.0.0.1", "smtp_port": sink.port}])
        assert monitor_cli(tmp_path, "import", news(tmp_path, 5, 0)).returncode == 0
        sink.defer[B], sink.defer[C] = 2, 4  # greylisted at a run's try and its retry: B for one run, C for two
        assert monitor_cli(tmp_path, "digest").returncode == 1  # A took it
        assert monitor_cli(tmp_path, "backup", str(tmp_path / "backup.db")).returncode == 0  # waiting for B and C
        assert monitor_cli(tmp_path, "digest").returncode == 1  # B took it
        assert set(got(sink)) == {A, B}
        assert monitor_cli(tmp_path, "restore", str(tmp_path / "backup.db")).returncode == 0
        after = monitor_cli(tmp_path, "digest")
        assert after.returncode == 0, after.stderr
        mail = got(sink)
        for rcpt in (A, B):
            assert counts([t for t, marked in mail[rcpt] if not marked]) == dict.fromkeys(range(5), 1), \
                f"{rcpt}, who had the email, got it again unmarked"
        assert counts([t for t, _ in mail[C]]) == dict.fromkeys(range(5), 1)
        assert monitor_cli(tmp_path, "digest").returncode == 0 and got(sink) == mail  # nothing more
    finally:
        controller.stop()
