"""A SIGTERM (`docker stop`, a service manager) in the moment between a digest marking a message
as leaving and the message leaving.

The mark (`begin_send`) makes a later send of the message say it is sent again, for when the
sender is killed with the message at its receiver. The signal's handler let the message go only
once it was under way, and that came after the mark: a SIGTERM between the two stopped the run
with the message marked, though it never left, and the next run told its reader it was sent
again. Now the message is under way before the mark: the signal waits for the check that follows
it, and the message waits for the next run as it was. A real `monitor digest`, its own SIGTERM at
the crash point `digest-begun`, a webhook on 127.0.0.1."""

from __future__ import annotations

from delivery_world import counts, monitor_cli, write_config
from test_restore import news


def test_a_sigterm_between_the_mark_and_the_send_leaves_the_message_unsent_and_unmarked(tmp_path, webhook_receiver,
                                                                                         monkeypatch):
    write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/h"},
                                             {"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/k"}])
    assert monitor_cli(tmp_path, "import", news(tmp_path, 4, 0)).returncode == 0
    monkeypatch.setenv("MONITOR_TEST_CRASH_SIGNAL", "TERM")
    stopped = monitor_cli(tmp_path, "digest", crash="digest-begun@2")  # the second channel's message
    assert stopped.returncode == 1 and "stopped by SIGTERM" in stopped.stderr, stopped.stderr
    assert stopped.stderr.count("error:") == 1 and "Traceback" not in stopped.stderr, stopped.stderr
    assert [r.path for r in webhook_receiver.requests] == ["/h"]
    monkeypatch.delenv("MONITOR_TEST_CRASH_SIGNAL")
    assert monitor_cli(tmp_path, "digest").returncode == 0
    later = [r for r in webhook_receiver.requests if r.path == "/k"]
    assert len(later) == 1 and "x-monitor-resend" not in later[0].headers, "never sent, yet said to be sent again"
    assert "sent again" not in later[0].body.decode().lower()
    assert counts([later[0].body.decode()]) == dict.fromkeys(range(4), 1)


def test_a_sigterm_as_the_digest_closes_its_database_is_one_line_not_a_traceback(tmp_path, webhook_receiver,
                                                                                  monkeypatch):
    """Every message sent and recorded, the run closing its database (a checkpoint of its write-ahead
    log can take a while): a SIGTERM then printed a Python traceback ending in 'digest stopped by
    SIGTERM'; it is one line, and nothing is sent again."""
    write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/h"}])
    assert monitor_cli(tmp_path, "import", news(tmp_path, 3, 0)).returncode == 0
    monkeypatch.setenv("MONITOR_TEST_CRASH_SIGNAL", "TERM")
    stopped = monitor_cli(tmp_path, "digest", crash="store-closing")
    assert "Traceback" not in stopped.stderr, stopped.stderr
    assert stopped.returncode == 1 and stopped.stderr.count("error:") == 1 and "SIGTERM" in stopped.stderr, \
        stopped.stderr
    monkeypatch.delenv("MONITOR_TEST_CRASH_SIGNAL")
    again = monitor_cli(tmp_path, "digest")
    assert again.returncode == 0 and len(webhook_receiver.requests) == 1, again.stderr
    assert counts([webhook_receiver.requests[0].body.decode()]) == dict.fromkeys(range(3), 1)
