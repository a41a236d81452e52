"""A subscriber's channel edited in the config: a webhook token rotated, a recipient added.

What a channel was sent is recorded under its name, which is made from its address (a webhook's
URL, an email's recipients). Editing the address made a channel nobody had sent anything: the
next digest sent the subscriber's whole backlog again (every stored story, up to max_stories).
Now a channel the database has never seen, of a subscriber that has received digests, starts
where the subscriber is: what it received on its other channels counts as received, and what
it has not received yet still comes. A new subscriber still gets what waits.
"""

from __future__ import annotations

import pytest
from conftest import SMTPSink, _start
from delivery_world import counts, news_lines, quick_webhooks, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_webhooks(monkeypatch)


def setup(tmp_path, channels: list[dict], n: int = 12) -> Context:
    write_config(tmp_path / "monitor.toml", channels)
    ctx = Context(config.load(tmp_path / "monitor.toml", tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(n)).matched == n
    return ctx


def edited(tmp_path, ctx: Context, channels: list[dict]) -> Context:
    write_config(tmp_path / "monitor.toml", channels)
    return Context(config.load(tmp_path / "monitor.toml", ctx.store.path), ctx.store)


def bodies(receiver) -> list[str]:
    return [r.body.decode() for r in receiver.requests]


def test_a_rotated_webhook_token_does_not_send_the_backlog_again(tmp_path, webhook_receiver):
    hook = {"kind": "webhook", "format": "json"}
    ctx = setup(tmp_path, [{**hook, "url": webhook_receiver.url + "/hook?token=old"}])
    assert send_digests(ctx)[0].stories == 12
    ctx = edited(tmp_path, ctx, [{**hook, "url": webhook_receiver.url + "/hook?token=new"}])
    (preview,) = send_digests(ctx, dry_run=True)
    assert preview.stories == 0 and not ctx.store.channel_used("desk", preview.channel)  # and records nothing
    again = send_digests(ctx)[0]
    assert again.status == "empty" and len(webhook_receiver.requests) == 1, again
    assert import_lines(ctx, news_lines(3, start=12)).matched == 3
    assert send_digests(ctx)[0].stories == 3
    assert counts(bodies(webhook_receiver)) == dict.fromkeys(range(15), 1)
    assert webhook_receiver.requests[-1].query == {"token": ["new"]}


def test_a_recipient_added_to_an_email_channel_gets_only_what_comes_next(tmp_path):
    sink = SMTPSink()
    controller = _start(sink)
    try:
        mail = {"kind": "email", "from": "monitor@sanming.example.cn", "smtp_host": "127.0.0.1",
                "smtp_port": sink.port}
        ctx = setup(tmp_path, [{**mail, "to": ["desk@example.org"]}])
        assert send_digests(ctx)[0].stories == 12
        ctx = edited(tmp_path, ctx, [{**mail, "to": ["desk@example.org", "chief@example.org"]}])
        assert send_digests(ctx)[0].status == "empty"
        import_lines(ctx, news_lines(2, start=12))
        assert send_digests(ctx)[0].stories == 2
        assert [sorted(e.rcpt_tos) for e in sink.envelopes] == [["desk@example.org"],
                                                                 ["chief@example.org", "desk@example.org"]]
    finally:
        controller.stop()


def test_a_recipient_added_gets_what_the_channel_has_not_sent_yet_but_never_the_backlog(tmp_path):
    """What the README says beside `to`: a recipient added gets the stories from then on, those
    stored before the edit but not yet sent among them (they come to everyone), never those the
    channel had sent; and the next digest after that goes to both."""
    sink = SMTPSink()
    controller = _start(sink)
    try:
        mail = {"kind": "email", "from": "monitor@sanming.example.cn", "smtp_host": "127.0.0.1",
                "smtp_port": sink.port}
        ctx = setup(tmp_path, [{**mail, "to": ["desk@example.org"]}], n=5)
        assert send_digests(ctx)[0].stories == 5
        import_lines(ctx, news_lines(3, start=5))  # stored before the edit, not sent yet
        ctx = edited(tmp_path, ctx, [{**mail, "to": ["desk@example.org", "chief@example.org"]}])
        assert send_digests(ctx)[0].stories == 3
        import_lines(ctx, news_lines(1, start=8))
        assert send_digests(ctx)[0].stories == 1
        got = {"desk@example.org": [], "chief@example.org": []}
        for i, envelope in enumerate(sink.envelopes):
            story_counts = counts([sink.parsed(i).get_body(("plain",)).get_content()])
            for address in envelope.rcpt_tos:
                got[address] += sorted(story_counts)
        assert got["desk@example.org"] == list(range(9)), got
        assert got["chief@example.org"] == [5, 6, 7, 8], got
    finally:
        controller.stop()


def test_a_message_the_old_address_never_took_goes_to_the_new_one(tmp_path, webhook_receiver):
    hook = {"kind": "webhook", "format": "json"}
    ctx = setup(tmp_path, [{**hook, "url": webhook_receiver.url + "/hook?token=old"}], n=5)
    assert send_digests(ctx)[0].stories == 5
    import_lines(ctx, news_lines(4, start=5))
    webhook_receiver.fail(1, 401)  # the old token is refused (401 is not tried again at once)
    assert send_digests(ctx)[0].status == "error"
    ctx = edited(tmp_path, ctx, [{**hook, "url": webhook_receiver.url + "/hook?token=new"}])
    assert send_digests(ctx)[0].stories == 4
    first, refused, taken = bodies(webhook_receiver)
    assert counts([refused]) == counts([taken]) == dict.fromkeys(range(5, 9), 1)
    assert counts([first, taken]) == dict.fromkeys(range(9), 1)


def test_a_channel_added_to_a_subscriber_starts_from_now_and_a_new_subscriber_gets_the_backlog(
        tmp_path, webhook_receiver):
    out = tmp_path / "digests"
    ctx = setup(tmp_path, [{"kind": "file", "path": str(out / "a"), "format": "text"}])
    assert send_digests(ctx)[0].stories == 12
    ctx = edited(tmp_path, ctx, [{"kind": "file", "path": str(out / "a"), "format": "text"},
                                 {"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/hook"}])
    assert [r.status for r in send_digests(ctx)] == ["empty", "empty"]
    # another subscriber in desk's place, with channels of its own (a subscriber renamed with its
    # channels kept is the same reader: tests/test_subscriber_renamed.py)
    (tmp_path / "monitor.toml").write_text((tmp_path / "monitor.toml").read_text(encoding="utf-8")
                                           .replace('name = "desk"', 'name = "press"')
                                           .replace(str(out / "a"), str(out / "b"))
                                           .replace("/hook", "/press-hook"), encoding="utf-8")
    ctx = Context(config.load(tmp_path / "monitor.toml", ctx.store.path), ctx.store)
    assert [r.stories for r in send_digests(ctx)] == [12, 12]  # nobody called press has had anything
