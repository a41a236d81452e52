"""Delivery through the outbox against real receivers: nothing lost, nothing sent twice."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from delivery_world import counts, news_lines, quick_pacing, write_config

from monitor import config, notify
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store

LIMITS = {"wecom": ("content", 4096), "dingtalk": ("text", 20_000)}


@pytest.fixture(autouse=True)
def no_backoff_no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notify.webhook, "POLICY", replace(notify.webhook.POLICY, base=0.0))
    quick_pacing(monkeypatch)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def open_world(tmp_path, channels, n=200, **kw):
    cfg = config.load(write_config(tmp_path / "monitor.toml", channels, **kw), tmp_path / "m.db")
    ctx = Context(cfg, Store.open(cfg.db_path))
    report = import_lines(ctx, news_lines(n))
    assert report.matched == n
    return ctx


def within_limit(fmt: str, raw: bytes) -> bool:
    """Each platform's limit, measured on what arrived."""
    body = json.loads(raw)
    if fmt in LIMITS:  # the markdown field as the platform counts it, and the whole body too
        field, limit = LIMITS[fmt]
        return len(body["markdown"][field].encode("utf-8")) <= limit and len(raw) <= limit
    if fmt == "feishu":
        return len(raw) <= 20_000
    return len(body["blocks"]) <= 50 and len(raw.decode("utf-8")) <= 40_000


@pytest.mark.parametrize("fmt", ["wecom", "dingtalk", "feishu", "slack"])
def test_a_200_story_digest_arrives_complete_to_each_chat_format(tmp_path, webhook_receiver, fmt):
    ctx = open_world(tmp_path, [{"kind": "webhook", "format": fmt, "url": f"{webhook_receiver.url}/{fmt}"}])
    (result,) = send_digests(ctx)
    assert result.status == "sent", result.detail
    bodies = [r.body for r in webhook_receiver.requests]
    assert len(bodies) > 1  # several messages…
    assert all(within_limit(fmt, b) for b in bodies)  # …each within its platform's limit
    assert counts([b.decode() for b in bodies]) == dict.fromkeys(range(200), 1)  # every story exactly once
    assert ctx.store.db.execute("SELECT count(*) FROM deliveries").fetchone()[0] == 200
    assert send_digests(ctx)[0].status == "empty"  # nothing left, nothing sent again
    assert len(webhook_receiver.requests) == len(bodies)


def test_digest_status_shows_each_channel(tmp_path, webhook_receiver):
    from click.testing import CliRunner

    from monitor.cli import main

    ctx = open_world(tmp_path, [{"kind": "webhook", "format": "wecom", "url": webhook_receiver.url + "/ok"},
                                {"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/down"}], n=30)
    args = ["--config", str(ctx.cfg.path), "--db", str(ctx.store.path)]
    webhook_receiver.fail(1, 502)  # the first channel's first message fails (a 502 is not posted again in the run); the rest waits
    sent = CliRunner().invoke(main, [*args, "digest"])
    assert sent.exit_code == 1
    assert "status=error" not in sent.output and "HTTP 502" in sent.output and "wait for the next run" in sent.output
    status = CliRunner().invoke(main, [*args, "digest", "--status"])
    assert status.exit_code == 1  # a failed message: scripts can alert
    lines = status.output.splitlines()
    assert lines[0] == "subscriber\tchannel\tpending\tfailed\tsent\tnext attempt\tlast attempt\tlast error\tto"
    first, second = sorted((line.split("\t") for line in lines[1:3]), key=lambda row: row[3], reverse=True)
    assert first[0] == "desk" and int(first[3]) == 1 and int(first[2]) >= 1 and "HTTP 502" in first[7]
    assert second[2:5] == ["0", "0", "1"]
    CliRunner().invoke(main, [*args, "digest"])
    healed = CliRunner().invoke(main, [*args, "digest", "--status"])
    assert healed.exit_code == 0 and "\t0\t0\t" in healed.output


def test_stories_past_max_stories_wait_for_the_next_digest(tmp_path, webhook_receiver):
    ctx = open_world(tmp_path, [{"kind": "webhook", "format": "json", "url": webhook_receiver.url}], n=120,
                     max_stories=50)
    runs = [send_digests(ctx)[0] for _ in range(4)]
    assert [r.stories for r in runs] == [50, 50, 20, 0]
    bodies = [r.json() for r in webhook_receiver.requests]
    assert [b["total"] for b in bodies] == [120, 70, 20]  # each says how many were waiting
    assert counts([r.body.decode() for r in webhook_receiver.requests]) == dict.fromkeys(range(120), 1)


def test_a_message_stored_by_another_version_still_loads(tmp_path, webhook_receiver):
    ctx = open_world(tmp_path, [{"kind": "webhook", "format": "json", "url": webhook_receiver.url}], n=3)
    webhook_receiver.fail(4, 503)
    assert send_digests(ctx)[0].status == "error"
    (row,) = ctx.store.db.query("SELECT id, message FROM outbox")
    message = json.loads(row["message"]) | {"field_of_the_future": 1}
    del message["parts"]
    ctx.store.db.execute("UPDATE outbox SET message = ? WHERE id = ?", [json.dumps(message), row["id"]])
    ctx.store.db.conn.commit()
    assert send_digests(ctx)[0].status == "sent"
    assert counts([r.body.decode() for r in webhook_receiver.requests[-1:]]) == dict.fromkeys(range(3), 1)


def test_a_backfilled_backlog_can_be_marked_read_instead_of_sent(tmp_path, webhook_receiver):
    """After importing an archive, `digest --mark-read --before DATE` records the old stories as
    delivered without sending them; newer ones still go out, once."""
    from click.testing import CliRunner

    from monitor.cli import main

    ctx = open_world(tmp_path, [{"kind": "webhook", "format": "json", "url": webhook_receiver.url}], n=0)
    old = [json.loads(line) | {"published": f"2019-05-0{i % 9 + 1}T10:00:00+08:00"}
           for i, line in enumerate(news_lines(40))]
    new = [json.loads(line) | {"published": "2026-11-30T10:00:00+08:00"} for line in news_lines(5, start=40)]
    report = import_lines(ctx, [json.dumps(r, ensure_ascii=False) for r in old + new])
    assert report.matched == 45
    args = ["--config", str(ctx.cfg.path), "--db", str(ctx.store.path)]
    marked = CliRunner().invoke(main, [*args, "digest", "--mark-read", "--before", "2026-01-01"])
    assert marked.exit_code == 0, marked.output
    assert "40 stories marked read (not sent), 5 newer left" in marked.output
    assert webhook_receiver.requests == []  # nothing was sent by marking
    (result,) = send_digests(ctx)
    assert result.status == "sent" and result.stories == 5
    assert counts([r.body.decode() for r in webhook_receiver.requests]) == dict.fromkeys(range(40, 45), 1)
    again = CliRunner().invoke(main, [*args, "digest", "--mark-read"])  # nothing left to mark
    assert again.exit_code == 0 and "0 stories marked read" in again.output
    bad = CliRunner().invoke(main, [*args, "digest", "--before", "2026-01-01"])
    assert bad.exit_code == 2 and bad.output.startswith("error: digest: --before")


def test_news_of_the_day_is_not_held_back_by_a_backfilled_backlog(tmp_path, webhook_receiver):
    """A digest capped at max_stories takes the newest waiting stories first: an imported
    archive (or an upgrade's newly matched old stories) waits behind today's news, not before it."""
    ctx = open_world(tmp_path, [{"kind": "webhook", "format": "json", "url": webhook_receiver.url}], n=0,
                     max_stories=3)
    old = [json.loads(line) | {"published": f"2019-05-0{i + 1}T10:00:00+08:00"} for i, line in enumerate(news_lines(6))]
    assert import_lines(ctx, [json.dumps(r, ensure_ascii=False) for r in old]).matched == 6
    today = [json.loads(line) for line in news_lines(1, start=6)]  # polled afterwards, no date: fetched now
    assert import_lines(ctx, [json.dumps(r, ensure_ascii=False) for r in today]).matched == 1
    runs = [send_digests(ctx)[0] for _ in range(4)]
    assert [r.stories for r in runs] == [3, 3, 1, 0]
    sent = [counts([r.body.decode()]) for r in webhook_receiver.requests]
    assert 6 in sent[0]  # today's story in the first digest
    assert set(sent[0]) == {6, 5, 4} and set(sent[1]) == {3, 2, 1} and set(sent[2]) == {0}  # then newest first
    assert counts([r.body.decode() for r in webhook_receiver.requests]) == dict.fromkeys(range(7), 1)
