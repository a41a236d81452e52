"""A subscriber renamed in the config (`name = "desk"` becomes `name = "editors"`), its channels
as they were: the same webhook, the same mailbox.

What a channel was sent is recorded under its subscriber's name, so the renamed subscriber was a
new one, and a new subscriber gets what waits: its first digest carried every story the same
robot or mailbox had already had (up to `max_stories`), unmarked. Now a channel that a subscriber
no longer in the config was sent starts where that one left off: only the stories it never had
come, once, and a message of unknown fate it had left them marked as sent again. A channel that
a subscriber still configured shares (two subscribers, one robot) takes nothing from it. Real
`monitor digest` processes and receivers on 127.0.0.1."""

from __future__ import annotations

from conftest import SMTPSink, _start
from delivery_world import add_news, counts, write_config
from test_outbox_retired import monitor


def configure(tmp_path, channels, name="desk", also=None):
    """The config with its subscriber called `name`; `also`: a second subscriber's name beside it,
    with the same channels."""
    path = write_config(tmp_path / "monitor.toml", channels)
    text = path.read_text(encoding="utf-8").replace('name = "desk"', f'name = "{name}"')
    if also:
        subs = text[text.index("[[subscribers]]"):]
        text += subs.replace(f'name = "{name}"', f'name = "{also}"')
    path.write_text(text + "[fetch]\ntimeout = 1.5\n", encoding="utf-8")


class DropsSecond(SMTPSink):
    """Takes the first message; closes the connection on the second's data, without an answer."""

    async def handle_DATA(self, server, session, envelope):
        if len(self.envelopes) == 1:
            self.envelopes.append(envelope)
            server.transport.close()
            return "250 never said"
        return await super().handle_DATA(server, session, envelope)


def test_a_renamed_subscriber_gets_only_the_stories_its_robot_never_had(tmp_path, webhook_receiver):
    channels = [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/hook"}]
    configure(tmp_path, channels)
    add_news(tmp_path, 5)
    first = monitor(tmp_path, "digest")
    assert first.returncode == 0, first.stderr
    configure(tmp_path, channels, name="editors")
    add_news(tmp_path, 3, start=5)
    preview = monitor(tmp_path, "digest", "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert sorted(counts([preview.stdout])) == [5, 6, 7], "the preview showed what the robot had"
    second = monitor(tmp_path, "digest")
    assert second.returncode == 0, second.stderr
    bodies = [r.body.decode() for r in webhook_receiver.requests]
    assert counts(bodies) == dict.fromkeys(range(8), 1), "the robot had the first five stories twice"
    assert sum("formerly" in line for line in second.stderr.splitlines()) == 1, second.stderr
    status = monitor(tmp_path, "digest", "--status")
    assert status.returncode == 0, status.stdout + status.stderr


def test_a_message_of_unknown_fate_goes_to_the_renamed_subscriber_marked_and_once(tmp_path):
    sink = DropsSecond()
    controller = _start(sink)
    try:
        channels = [{"kind": "email", "smtp_host": "127.0.0.1", "smtp_port": sink.port, "from": "m@example.org",
                     "to": ["desk@example.org"]}]
        configure(tmp_path, channels)
        add_news(tmp_path, 2)
        assert monitor(tmp_path, "digest").returncode == 0
        add_news(tmp_path, 3, start=2)
        dropped = monitor(tmp_path, "digest")
        assert dropped.returncode == 1 and len(sink.envelopes) == 2  # desk@ may have stories 2-4
        configure(tmp_path, channels, name="editors")
        again = monitor(tmp_path, "digest")
        assert again.returncode == 0, again.stderr
        assert len(sink.envelopes) == 3
        mail = sink.parsed(2)
        text = mail.get_body(("plain",)).get_content()
        assert sorted(counts([text])) == [2, 3, 4], "stories the mailbox had came again"
        assert mail["X-Monitor-Resend"] == "1" and "sent again" in mail["Subject"], \
            "stories the mailbox may have had came as new"
    finally:
        controller.stop()


def test_two_subscribers_sharing_a_robot_each_get_their_digest(tmp_path, webhook_receiver):
    """Not a rename: a second subscriber added beside the first, on the same robot, is a new
    reader of its own (its own topics, its own schedule) and gets what waits for it."""
    channels = [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/hook"}]
    configure(tmp_path, channels)
    add_news(tmp_path, 4)
    assert monitor(tmp_path, "digest").returncode == 0
    configure(tmp_path, channels, also="night")
    second = monitor(tmp_path, "digest")
    assert second.returncode == 0, second.stderr
    bodies = [r.body.decode() for r in webhook_receiver.requests]
    assert counts(bodies) == dict.fromkeys(range(4), 2)
    assert "formerly" not in second.stderr
