"""A digest killed just after its receiver took a message, then the config edited before the next run.

The message taken is noted beside the database (`<db>.sent`) before the kill, and the next run
records it instead of sending it again. But the next run first drops the unsent messages of
subscribers the config no longer has (renamed, or taken out): the noted message went with them,
its stories kept as 'may have reached the reader', and the renamed subscriber's first digest (or
the subscriber's, put back) sent them once more, marked as sent again, though the note says the
receiver had them. Now the note is read first: what it says was taken is recorded, and nothing
goes twice. Real `monitor digest` processes, SIGKILL at a real crash point, receivers on 127.0.0.1."""

from __future__ import annotations

import signal

from delivery_world import add_news, counts, monitor_cli
from test_subscriber_renamed import configure


def killed_after_taken(tmp_path, channels: list[dict], n: int) -> None:
    """The desk's config and `n` stories; `monitor digest` SIGKILLed once its receiver took the
    first message, before it recorded it (noted in `<db>.sent`)."""
    configure(tmp_path, channels)
    add_news(tmp_path, n)
    killed = monitor_cli(tmp_path, "digest", crash="digest-accepted")
    assert killed.returncode == -signal.SIGKILL, killed.stderr


def with_other(tmp_path, channel_url: str) -> None:
    """A second subscriber, `other`, on its own webhook, after the config's own."""
    path = tmp_path / "monitor.toml"
    path.write_text(path.read_text(encoding="utf-8") + '[[subscribers]]\nname = "other"\ntopics = ["hu-ming"]\n'
                    'schedule = "0 8 * * *"\n[[subscribers.channels]]\nkind = "webhook"\nformat = "json"\n'
                    f'url = "{channel_url}"\n', encoding="utf-8")


def test_a_subscriber_renamed_after_a_kill_does_not_get_what_its_robot_took_again(tmp_path, webhook_receiver):
    channels = [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/hook"}]
    killed_after_taken(tmp_path, channels, 4)
    assert len(webhook_receiver.requests) == 1  # the robot has the four stories
    configure(tmp_path, channels, name="editors")
    add_news(tmp_path, 2, start=4)
    after = monitor_cli(tmp_path, "digest")
    assert after.returncode == 0, after.stderr
    assert counts([r.body.decode() for r in webhook_receiver.requests]) == dict.fromkeys(range(6), 1), \
        "the robot had stories again"
    assert not any("x-monitor-resend" in r.headers for r in webhook_receiver.requests)


def test_a_subscriber_taken_out_after_a_kill_and_put_back_gets_nothing_twice(tmp_path, webhook_receiver):
    channels = [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/hook"}]
    killed_after_taken(tmp_path, channels, 3)
    configure(tmp_path, channels, name="other")  # desk taken out: only `other`, on another robot
    path = tmp_path / "monitor.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("/hook", "/other"), encoding="utf-8")
    meanwhile = monitor_cli(tmp_path, "digest")
    assert meanwhile.returncode == 0, meanwhile.stderr
    configure(tmp_path, channels)  # desk back
    with_other(tmp_path, webhook_receiver.url + "/other")
    add_news(tmp_path, 2, start=3)
    back = monitor_cli(tmp_path, "digest")
    assert back.returncode == 0, back.stderr
    desk = [r.body.decode() for r in webhook_receiver.requests if r.path == "/hook"]
    assert counts(desk) == dict.fromkeys(range(5), 1), "desk's robot had stories again"
    assert not any("x-monitor-resend" in r.headers for r in webhook_receiver.requests if r.path == "/hook")
