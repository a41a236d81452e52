"""One webhook URL (one chat's robot) in two subscribers' channels: a morning digest and a weekly
one on one topic, both posting to the desk's chat. Each channel was a reader of its own, so the chat
showed every story both carry twice, though one URL is one reader wherever a channel names it, as
one mailbox is for email (test_email_one_mailbox_two_channels). A story the URL already had, or has
waiting, from another subscriber's channel is left out of the digest and recorded as delivered to
this one too, so taking the other subscriber out of the config later sends none of them again. Real
webhook receiver on 127.0.0.1, a real SQLite file."""

from __future__ import annotations

from delivery_world import counts, news_lines, quick_webhooks, toml_value

from monitor import config
from monitor.pipeline import Context, import_lines, retry_due, send_digests
from monitor.store import Store


def _context(tmp_path, subscribers: dict[str, list[dict]]):
    path = tmp_path / "monitor.toml"
    lines = ['include = ["monitor:topics/hu-ming.toml"]']
    for name, channels in subscribers.items():
        lines += ["[[subscribers]]", f'name = "{name}"', 'topics = ["hu-ming"]', 'schedule = "0 8 * * *"']
        for ch in channels:
            lines += ["[[subscribers.channels]]", *(f"{k} = {toml_value(v)}" for k, v in ch.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cfg = config.load(path, tmp_path / "m.db")
    return Context(cfg, Store.open(cfg.db_path))


def _chat(receiver) -> dict[int, int]:
    return dict(counts([r.body.decode("utf-8") for r in receiver.requests]))


def test_two_subscribers_posting_to_one_chat_show_it_each_story_once(tmp_path, webhook_receiver, monkeypatch):
    quick_webhooks(monkeypatch)
    hook = {"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/hook/desk"}
    ctx = _context(tmp_path, {"morning": [hook], "weekly": [hook]})
    assert import_lines(ctx, news_lines(3)).matched == 3
    send_digests(ctx)
    assert _chat(webhook_receiver) == {0: 1, 1: 1, 2: 1}
    assert import_lines(ctx, news_lines(2, start=3)).matched == 2  # the next day's news
    send_digests(ctx, "weekly")  # the other subscriber's digest first this time
    send_digests(ctx)
    assert _chat(webhook_receiver) == dict.fromkeys(range(5), 1)
    # the morning digest taken out of the config: what it posted is not posted again by the weekly one
    ctx.store.close()
    ctx = _context(tmp_path, {"weekly": [hook]})
    assert import_lines(ctx, news_lines(1, start=5)).matched == 1
    send_digests(ctx)
    assert _chat(webhook_receiver) == dict.fromkeys(range(6), 1)


def test_a_post_the_chat_refused_goes_once_at_its_retry_and_the_other_subscriber_does_not_repeat_it(
        tmp_path, webhook_receiver, monkeypatch):
    # the receiver down for the morning digest's post: its stories wait in its outbox, the weekly digest
    # leaves them out (they are on their way to that chat), the next digest's retry posts them once: none lost, none twice
    quick_webhooks(monkeypatch, retries=0)
    hook = {"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/hook/desk"}
    ctx = _context(tmp_path, {"morning": [hook], "weekly": [hook]})
    assert import_lines(ctx, news_lines(3)).matched == 3
    webhook_receiver.fail(1, 503)
    send_digests(ctx, "morning")
    refused = len(webhook_receiver.requests)
    assert refused == 1 and ctx.store.outbox_summary()[0]["failed"] == 1  # refused: never shown
    send_digests(ctx)
    assert dict(counts([r.body.decode("utf-8") for r in webhook_receiver.requests[refused:]])) == {0: 1, 1: 1, 2: 1}
    assert send_digests(ctx)[0].status == "empty" and not [r for r in retry_due(ctx) if r.sent]
