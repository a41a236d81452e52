"""A digest to several subscribers killed (SIGKILL) at each step of each of its messages.

Two subscribers on one database: `desk` on a WeCom robot (its digest several messages) and `mail`
on a mail server. A real `monitor digest` is killed at a step of the Nth message it sends (the
second of the robot's, or the first email, after the robot's all went): planned, about to send,
taken by its receiver, recorded. Then `monitor digest` runs again. Each story reaches each
subscriber once; the only repeat allowed is the message under way at 'about to send', which
nobody can know left, and it arrives once, marked as sent again. Real servers on 127.0.0.1."""

from __future__ import annotations

import signal

import pytest
from conftest import SMTPSink, _start
from delivery_world import counts, monitor_cli, news_lines, write_config

from monitor import config, digest
from monitor.pipeline import Context, import_lines
from monitor.pipeline.deliver import build_digest
from monitor.store import Store

N = 24  # stories: the robot's digest comes in several messages, the email in one


def world(tmp_path, hook: str, smtp_port: int):
    path = write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "wecom", "url": hook}])
    path.write_text(path.read_text(encoding="utf-8") + '[[subscribers]]\nname = "mail"\ntopics = ["hu-ming"]\n'
                    'schedule = "0 8 * * *"\n[[subscribers.channels]]\nkind = "email"\nsmtp_host = "127.0.0.1"\n'
                    f'smtp_port = {smtp_port}\nfrom = "monitor@example.org"\nto = ["mail@example.org"]\n'
                    "[fetch]\ntimeout = 2\n", encoding="utf-8")
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(N)).matched == N
    robot = len(digest.plan(build_digest(ctx, ctx.cfg.subscribers[0], "webhook:x"), "webhook", "wecom", "webhook:x"))
    assert robot >= 2
    ctx.store.close()
    return path, robot


@pytest.mark.parametrize(("point", "which"), [("digest-planned", "the mail's plan")] + [
    (point, which) for point in ("digest-sending", "digest-accepted", "digest-recorded")
    for which in ("the robot's second", "the first email")])
def test_a_digest_to_several_subscribers_killed_at_any_step_loses_nothing_and_repeats_nothing_unsaid(
        tmp_path, webhook_receiver, point, which):
    webhook_receiver.reply_body = b'{"errcode":0,"errmsg":"ok"}'
    sink = SMTPSink()
    controller = _start(sink)
    try:
        _, robot = world(tmp_path, webhook_receiver.url + "/hook", sink.port)
        nth = robot + 1 if which == "the first email" else 2  # the mail's plan: the second planned
        killed = monitor_cli(tmp_path, "digest", crash=f"{point}@{nth}")
        assert killed.returncode == -signal.SIGKILL, killed.stderr
        after = monitor_cli(tmp_path, "digest")
        assert after.returncode == 0, after.stderr
        assert monitor_cli(tmp_path, "digest").returncode == 0  # and a third run sends nothing more (counted below)
    finally:
        controller.stop()
    robot_got = [r.body.decode() for r in webhook_receiver.requests]
    mails = [sink.parsed(i) for i in range(len(sink.envelopes))]
    mail_got = [m.get_body(("plain",)).get_content() for m in mails]
    assert counts(robot_got) == dict.fromkeys(range(N), 1), "the robot: " + str(counts(robot_got))
    assert counts(mail_got) == dict.fromkeys(range(N), 1), "the mailbox: " + str(counts(mail_got))
    marked = sum("x-monitor-resend" in r.headers for r in webhook_receiver.requests) + sum(
        m["X-Monitor-Resend"] == "1" for m in mails)
    assert marked == (1 if point == "digest-sending" else 0)
    keys = [r.headers["idempotency-key"] for r in webhook_receiver.requests] + [m["Message-ID"] for m in mails]
    assert len(keys) == len(set(keys)), "a message went twice"
    store = Store.open(tmp_path / "m.db")
    try:
        assert store.conn.execute("SELECT count(*) FROM deliveries").fetchone()[0] == 2 * N
    finally:
        store.close()
