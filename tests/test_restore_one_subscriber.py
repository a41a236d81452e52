"""A backup restored, then a digest run for one subscriber (`monitor digest --subscriber a`, or the
daemon's digest job, which runs each subscriber at its own time): the others' channels were not set
right with it.

The restored database does not know the last messages noted in `<db>.sent`, and the first digest
records what the note says each channel was sent. It did so only for the subscribers of that run;
the message it then sent made the note's last line one the database knows, so the next run, for
another subscriber, found nothing to set right and sent that subscriber, unmarked, every story it
had had since the backup. Real `monitor` processes, real SQLite files, a webhook on 127.0.0.1."""

from __future__ import annotations

import pytest
from delivery_world import NO_BACKOFF, counts, monitor_cli, write_config
from test_restore import news

# Each test runs monitor as a child five to nine times: ~50 s on a box at load 12, past the default 120 s
# at a higher load.
pytestmark = pytest.mark.timeout(360)


def two_subscribers(tmp_path, url: str) -> None:
    lines = ['include = ["monitor:topics/hu-ming.toml"]']
    for name in ("a", "b"):
        lines += ["[[subscribers]]", f'name = "{name}"', 'topics = ["hu-ming"]', 'schedule = "0 8 * * *"',
                  "[[subscribers.channels]]", 'kind = "webhook"', 'format = "json"', f'url = "{url}/{name}"']
    (tmp_path / "monitor.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_backup_restored_then_one_subscribers_digest_sends_the_other_nothing_twice(tmp_path, webhook_receiver):
    two_subscribers(tmp_path, webhook_receiver.url)
    assert monitor_cli(tmp_path, "import", news(tmp_path, 3, 0)).returncode == 0
    assert monitor_cli(tmp_path, "digest").returncode == 0  # 0-2 to both
    assert monitor_cli(tmp_path, "import", news(tmp_path, 2, 3)).returncode == 0  # 3-4, not sent yet
    assert monitor_cli(tmp_path, "backup", str(tmp_path / "backup.db")).returncode == 0  # the nightly copy
    assert monitor_cli(tmp_path, "digest").returncode == 0  # 3-4 to both, after the copy was made
    restored = monitor_cli(tmp_path, "restore", str(tmp_path / "backup.db"))
    assert restored.returncode == 0, restored.stderr
    assert monitor_cli(tmp_path, "import", news(tmp_path, 3, 3)).returncode == 0  # polled again: 3-4, and 5 is new
    first = monitor_cli(tmp_path, "digest", "--subscriber", "a")
    assert first.returncode == 0, first.stderr
    second = monitor_cli(tmp_path, "digest", "--subscriber", "b")
    assert second.returncode == 0, second.stderr
    for name in ("a", "b"):
        got = counts([r.body.decode() for r in webhook_receiver.requests if r.path == f"/{name}"])
        assert got == dict.fromkeys(range(6), 1), (name, got)
    assert not any("x-monitor-resend" in r.headers for r in webhook_receiver.requests)


def test_what_went_since_the_backup_polled_again_only_after_the_next_digest_is_not_sent_again(tmp_path,
                                                                                             webhook_receiver):
    # A source polled every few hours (or down an hour) brings back the stories sent since the backup
    # after the restored database's first digest: that digest's message made the note's last line one
    # the database knows, and they went again, unmarked.
    two_subscribers(tmp_path, webhook_receiver.url)
    assert monitor_cli(tmp_path, "import", news(tmp_path, 3, 0)).returncode == 0
    assert monitor_cli(tmp_path, "digest").returncode == 0  # 0-2 to both
    assert monitor_cli(tmp_path, "backup", str(tmp_path / "backup.db")).returncode == 0
    assert monitor_cli(tmp_path, "import", news(tmp_path, 2, 3)).returncode == 0
    assert monitor_cli(tmp_path, "digest").returncode == 0  # 3-4 to both, after the copy was made
    assert monitor_cli(tmp_path, "restore", str(tmp_path / "backup.db")).returncode == 0
    assert monitor_cli(tmp_path, "import", news(tmp_path, 1, 5)).returncode == 0  # a quick source: 5 is new
    assert monitor_cli(tmp_path, "digest").returncode == 0
    assert monitor_cli(tmp_path, "import", news(tmp_path, 2, 3)).returncode == 0  # the slow one: 3-4 again
    later = monitor_cli(tmp_path, "digest")
    assert later.returncode == 0, later.stderr
    for name in ("a", "b"):
        got = counts([r.body.decode() for r in webhook_receiver.requests if r.path == f"/{name}"])
        assert got == dict.fromkeys(range(6), 1), (name, got)


def test_a_digest_killed_while_it_sets_the_restored_database_right_leaves_nothing_to_go_twice(tmp_path,
                                                                                              webhook_receiver):
    # The restored database is set right channel by channel; the first channel's record made the note's
    # last message one it knows, and a run killed before the next channel's left that one undone for
    # good: the next run found nothing to set right and sent b's waiting message again, unmarked.
    two_subscribers(tmp_path, webhook_receiver.url)
    assert monitor_cli(tmp_path, "import", news(tmp_path, 3, 0)).returncode == 0
    assert monitor_cli(tmp_path, "digest").returncode == 0  # 0-2 to both
    assert monitor_cli(tmp_path, "import", news(tmp_path, 2, 3)).returncode == 0
    webhook_receiver.fail(8, status=503)  # 3-4 wait in the outbox for both (each message tried four times)
    refused = len(webhook_receiver.requests)
    assert monitor_cli(tmp_path, "digest", first=NO_BACKOFF).returncode == 1
    refused = slice(refused, len(webhook_receiver.requests))
    assert refused.stop - refused.start == 8, "the 503s are not the failing run's requests"
    assert monitor_cli(tmp_path, "backup", str(tmp_path / "backup.db")).returncode == 0  # 3-4 waiting
    assert monitor_cli(tmp_path, "digest", "--subscriber", "b").returncode == 0  # b's first, then a's: the note's
    assert monitor_cli(tmp_path, "digest", "--subscriber", "a").returncode == 0  # last line is a's message
    assert monitor_cli(tmp_path, "restore", str(tmp_path / "backup.db")).returncode == 0
    killed = monitor_cli(tmp_path, "digest", crash="reconciled@1")  # a's channel set right, b's not yet
    assert killed.returncode == -9, killed.stderr
    after = monitor_cli(tmp_path, "digest")
    assert after.returncode == 0, after.stderr
    requests = webhook_receiver.requests
    taken = [r for r in requests[:refused.start] + requests[refused.stop:] if r.path in ("/a", "/b")]  # no 503s
    for name in ("a", "b"):
        got = counts([r.body.decode() for r in taken if r.path == f"/{name}"])
        assert got == dict.fromkeys(range(5), 1), (name, got)


def test_a_waiting_message_part_of_whose_stories_went_since_the_backup_sends_only_the_rest(tmp_path,
                                                                                          webhook_receiver):
    # The backup's outbox holds a message of stories 3-4; after the copy was made, the receiver refused
    # it as too large (413) and took 3 alone, 4 failing. Restored, the message was sent whole: 3 twice.
    answers: list[int] = []
    taken: list[str] = []
    plain = webhook_receiver._answer

    def scripted(received):
        status, headers, body = plain(received)
        if answers:
            status = answers.pop(0)
        if status == 200:
            taken.append(received.body.decode())
        return status, headers, body

    webhook_receiver._answer = scripted
    write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/h"}])
    assert monitor_cli(tmp_path, "import", news(tmp_path, 3, 0)).returncode == 0
    assert monitor_cli(tmp_path, "digest").returncode == 0  # 0-2
    assert monitor_cli(tmp_path, "import", news(tmp_path, 2, 3)).returncode == 0
    answers[:] = [503] * 4
    assert monitor_cli(tmp_path, "digest", first=NO_BACKOFF).returncode == 1  # 3-4 wait, in one message
    assert monitor_cli(tmp_path, "backup", str(tmp_path / "backup.db")).returncode == 0
    answers[:] = [413, 200] + [503] * 4  # too large: 3 alone taken, 4 alone failing
    assert monitor_cli(tmp_path, "digest", first=NO_BACKOFF).returncode == 1
    assert counts(taken) == dict.fromkeys(range(4), 1), counts(taken)
    assert monitor_cli(tmp_path, "restore", str(tmp_path / "backup.db")).returncode == 0
    assert monitor_cli(tmp_path, "import", news(tmp_path, 1, 5)).returncode == 0
    after = monitor_cli(tmp_path, "digest")
    assert after.returncode == 0, after.stderr
    assert counts(taken) == dict.fromkeys(range(6), 1), counts(taken)
