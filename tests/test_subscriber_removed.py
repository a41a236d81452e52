"""A subscriber removed from the config while messages for it wait in the outbox.

Before, nothing sent them and nothing dropped them: `digest --status` showed them failing and
exited 1 for ever, and the daemon's /metrics kept their pending gauge. Now the next full digest
run (or the daemon's retry job) drops them with one line; their stories were never recorded
delivered, so a subscriber configured again gets them, once. Real webhook receiver on 127.0.0.1."""

from __future__ import annotations

import logging

from click.testing import CliRunner
from conftest import free_port
from delivery_world import counts, news_lines, quick_webhooks, write_config

from monitor import config
from monitor.cli import main
from monitor.metrics import Metrics
from monitor.pipeline import Context, import_lines, retry_due, send_digests
from monitor.store import Store


def test_a_removed_subscribers_waiting_messages_are_dropped_in_one_line_and_come_back_with_it(
        tmp_path, webhook_receiver, monkeypatch, caplog):
    quick_webhooks(monkeypatch)
    dead = {"kind": "webhook", "format": "json", "url": f"http://127.0.0.1:{free_port()}/hook"}  # nobody listens
    path = write_config(tmp_path / "monitor.toml", [dead])
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(5)).matched == 5
    assert send_digests(ctx)[0].status == "error"  # one message for desk, failed

    good = {"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/hook"}
    # another subscriber in desk's place, on a robot of its own (on desk's robot it would be desk
    # renamed, the same reader: tests/test_subscriber_renamed.py)
    write_config(path, [{**good, "url": webhook_receiver.url + "/office"}])
    path.write_text(path.read_text(encoding="utf-8").replace('name = "desk"', 'name = "office"'), encoding="utf-8")
    ctx = Context(config.load(path, ctx.store.path), ctx.store)
    with caplog.at_level(logging.INFO, logger="monitor"):
        send_digests(ctx)
    said = [r.getMessage() for r in caplog.records if "no longer in the config" in r.getMessage()]
    assert said == ["digest subscriber=desk: no longer in the config: 1 unsent message dropped (its stories go to "
                    "it if it is configured again)"]
    status = CliRunner().invoke(main, ["--config", str(path), "--db", str(ctx.store.path), "digest", "--status"])
    assert status.exit_code == 0, status.output  # nothing failing is left to report
    assert not [r for r in ctx.store.outbox_summary() if r["subscriber"] == "desk" and (r["failed"] or r["pending"])]

    write_config(path, [good])  # desk is back: it gets its five stories, once
    ctx = Context(config.load(path, ctx.store.path), ctx.store)
    (back,) = send_digests(ctx, "desk")
    assert back.status == "sent" and back.stories == 5
    desk = [r.body.decode() for r in webhook_receiver.requests if r.json()["subscriber"] == "desk"]
    assert counts(desk) == dict.fromkeys(range(5), 1)


def test_the_daemons_retry_job_drops_them_too_and_metrics_forget_the_subscriber(tmp_path, monkeypatch, caplog):
    quick_webhooks(monkeypatch)
    dead = {"kind": "webhook", "format": "json", "url": f"http://127.0.0.1:{free_port()}/hook"}
    path = write_config(tmp_path / "monitor.toml", [dead])
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(3)).matched == 3
    send_digests(ctx)
    metrics = Metrics()
    metrics.seed_pending(ctx.store.outbox_summary())
    path.write_text(path.read_text(encoding="utf-8").replace('name = "desk"', 'name = "office"'), encoding="utf-8")
    ctx = Context(config.load(path, ctx.store.path), ctx.store)
    with caplog.at_level(logging.INFO, logger="monitor"):
        retry_due(ctx)
    assert any("subscriber=desk: no longer in the config" in r.getMessage() for r in caplog.records)
    metrics.keep_subscribers(s.name for s in ctx.cfg.subscribers)
    from prometheus_client import generate_latest

    assert 'subscriber="desk"' not in generate_latest(metrics.registry).decode()
