"""A digest killed between noting who took an email and recording it (the others greylisted).

An email to three recipients: the first took it at one run, the others were greylisted; at the
next run the second took it, the third was greylisted again, and the run was killed (SIGKILL) after
`<db>.sent` said the second took it, before the database recorded it waiting for the third alone.
The next run sent it to the second and the third, unmarked: the second had it. Now the note says
who took it, and it goes to the third alone. Real `monitor` processes, real SQLite files and aiosmtpd
on 127.0.0.1."""

from __future__ import annotations

import signal

from conftest import _start
from delivery_world import counts, monitor_cli, write_config
from test_restore import news
from test_restore_partial_email import got
from test_smtp_recipients import PickySMTP

A, B, C = "desk@example.org", "press@example.org", "night@example.org"


def test_a_run_killed_after_noting_who_took_an_email_gives_none_of_them_it_twice(tmp_path):
    sink = PickySMTP()
    controller = _start(sink)
    try:
        write_config(tmp_path / "monitor.toml", [{"kind": "email", "to": [A, B, C], "from": "monitor@example.org",
                                                  "smtp_host": "127.0.0.1", "smtp_port": sink.port}])
        assert monitor_cli(tmp_path, "import", news(tmp_path, 4, 0)).returncode == 0
        sink.defer[B], sink.defer[C] = 2, 4  # greylisted at a run's try and its retry: B for one run, C for two
        assert monitor_cli(tmp_path, "digest").returncode == 1  # A took it
        killed = monitor_cli(tmp_path, "digest", crash="digest-partly-noted")  # B took it; killed before the record
        assert killed.returncode == -signal.SIGKILL, killed.stderr
        assert set(got(sink)) == {A, B}
        after = monitor_cli(tmp_path, "digest")
        assert after.returncode == 0, after.stderr
        mail = got(sink)
        assert {rcpt: len(bodies) for rcpt, bodies in mail.items()} == {A: 1, B: 1, C: 1}, mail.keys()
        assert all(counts([t for t, _ in bodies]) == dict.fromkeys(range(4), 1) for bodies in mail.values())
        assert monitor_cli(tmp_path, "digest").returncode == 0 and got(sink) == mail  # nothing more
    finally:
        controller.stop()
