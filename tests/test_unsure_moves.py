"""A message whose fate is unknown (the receiver had it all and never answered), then the channel's
address edited before the retry: a recipient added to an email's `to`, a webhook's token rotated
or its `format` changed, the subscriber taken out of the config and put back.

The edit drops the unsent message (nothing sends a channel no longer configured) and its stories
are planned again for the channel as it is now. Before, that new message went out as a first
one: the reader who may have had the first copy got the stories a second time, unmarked, under
another Message-ID. Now the stories of a dropped message that may have arrived are marked as
sent again wherever the same reader gets them next (an email channel sharing a recipient, a
webhook of the same format, the same channel), once; a message that never got there (an error
answer) still goes unmarked. Real aiosmtpd and a real HTTP receiver on 127.0.0.1."""

from __future__ import annotations

import pytest
from conftest import _start
from delivery_world import counts, news_lines, quick_webhooks, write_config
from test_delivery_unknown import LateReceiver
from test_smtp_dropped import Dropping

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """No proxy from the environment (an HTTP_PROXY would take the webhooks to 127.0.0.1 elsewhere),
    webhook retries without waiting, as the other delivery tests have them."""
    quick_webhooks(monkeypatch)


def load(tmp_path, channels, store=None, subscriber=True):
    path = write_config(tmp_path / "monitor.toml", channels)
    text = path.read_text(encoding="utf-8") + "[fetch]\ntimeout = 1.5\n"
    if not subscriber:  # the subscriber taken out: the config keeps its topic only
        text = text.split("[[subscribers]]")[0] + "[fetch]\ntimeout = 1.5\n"
    path.write_text(text, encoding="utf-8")
    cfg = config.load(path, tmp_path / "m.db")
    return Context(cfg, store or Store.open(cfg.db_path))


def test_a_recipient_added_after_an_email_of_unknown_fate_gets_it_and_the_first_reader_sees_it_marked(tmp_path):
    sink = Dropping()
    controller = _start(sink)
    try:
        channel = {"kind": "email", "smtp_host": "127.0.0.1", "smtp_port": sink.port, "from": "m@example.org",
                   "to": ["desk@example.org"]}
        ctx = load(tmp_path, [channel])
        assert import_lines(ctx, news_lines(3)).matched == 3
        (dropped,) = send_digests(ctx)
        assert dropped.status == "error" and len(sink.envelopes) == 1  # desk@ may have it
        channel["to"] = ["desk@example.org", "chief@example.org"]
        ctx = load(tmp_path, [channel], ctx.store)
        (again,) = send_digests(ctx)
        assert again.status == "sent" and again.stories == 3 and len(sink.envelopes) == 2
        mail = sink.parsed(1)
        assert sink.envelopes[1].rcpt_tos == ["desk@example.org", "chief@example.org"]
        assert mail["X-Monitor-Resend"] == "1", "desk@ read the stories twice, the second time as new"
        assert "sent again" in mail["Subject"]
        assert send_digests(ctx)[0].status == "empty" and len(sink.envelopes) == 2
    finally:
        controller.stop()


@pytest.mark.parametrize("edit", ["token", "format", "removed"])
def test_a_webhook_edited_after_a_message_of_unknown_fate_marks_its_stories_sent_again_once(tmp_path, edit):
    receiver = LateReceiver("close")
    try:
        channel = {"kind": "webhook", "format": "markdown", "url": f"http://127.0.0.1:{receiver.port}/hook?key=a"}
        ctx = load(tmp_path, [channel])
        assert import_lines(ctx, news_lines(4)).matched == 4
        (first,) = send_digests(ctx)
        assert first.status == "error" and len(receiver.requests) == 1
        if edit == "removed":  # a run without the subscriber drops its messages; then it is back
            assert send_digests(load(tmp_path, [channel], ctx.store, subscriber=False)) == []
        elif edit == "token":
            channel["url"] = f"http://127.0.0.1:{receiver.port}/hook?key=b"
        else:
            channel["format"] = "json"
        ctx = load(tmp_path, [channel], ctx.store)
        (again,) = send_digests(ctx)
        assert again.status == "sent" and len(receiver.requests) == 2
        h2, b2 = receiver.requests[1]
        assert counts([b2]) == dict.fromkeys(range(4), 1)
        assert h2.get("x-monitor-resend") == "1", "the group read the stories twice, the second time as new"
        assert "sent again" in b2.lower()
        import_lines(ctx, news_lines(2, start=10))  # what comes next is new, not marked
        (later,) = send_digests(ctx)
        assert later.status == "sent" and len(receiver.requests) == 3
        h3, b3 = receiver.requests[2]
        assert counts([b3]) == {10: 1, 11: 1} and "x-monitor-resend" not in h3
    finally:
        receiver.close()


def test_a_webhook_that_refused_then_had_its_token_rotated_gets_the_stories_unmarked(tmp_path, webhook_receiver):
    """An error answer: nothing arrived, so nothing is called a repeat."""
    webhook_receiver.fail(1, 401)
    channel = {"kind": "webhook", "format": "markdown", "url": webhook_receiver.url + "/hook?key=a"}
    ctx = load(tmp_path, [channel])
    assert import_lines(ctx, news_lines(3)).matched == 3
    assert send_digests(ctx)[0].status == "error"
    channel["url"] = webhook_receiver.url + "/hook?key=b"
    ctx = load(tmp_path, [channel], ctx.store)
    assert send_digests(ctx)[0].status == "sent"
    last = webhook_receiver.requests[-1]
    assert "x-monitor-resend" not in last.headers and "sent again" not in last.body.decode().lower()
