"""/metrics of a subscriber's channels as a SIGHUP changes them. A real `monitor run` with
--metrics-port, webhook receivers on 127.0.0.1 (one of them nobody listening), a real SQLite file.

A channel taken out of a subscriber (a webhook's token rotated, its address moved) kept its
`monitor_messages_pending` series at what it last was: its unsent messages are dropped at the
next digest, nothing counts them again, and an alert on pending messages fired until a restart."""

from __future__ import annotations

import re
import signal

from conftest import free_port
from delivery_world import news_lines, quick_webhooks, write_config
from test_daemon import get, next_record, start, stop

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.pipeline.deliver import channel_key
from monitor.store import Store


def _pending(port: int) -> dict[str, float]:
    """Each channel's pending gauge as /metrics says it."""
    text = get(f"http://127.0.0.1:{port}/metrics")[1]
    return {m[1]: float(m[2]) for m in re.finditer(
        r'monitor_messages_pending\{channel="([^"]+)",subscriber="desk"\} (\S+)', text)}


def test_a_channel_taken_out_by_a_sighup_leaves_metrics(tmp_path, webhook_receiver, monkeypatch):
    quick_webhooks(monkeypatch)
    dead = {"kind": "webhook", "format": "json", "url": f"http://127.0.0.1:{free_port()}/hook"}  # nobody listens
    path, db, port = write_config(tmp_path / "monitor.toml", [dead]), tmp_path / "m.db", free_port()
    ctx = Context(config.load(path, db), Store.open(db))
    assert import_lines(ctx, news_lines(3)).matched == 3
    assert send_digests(ctx)[0].status == "error"  # one message waits, failed
    ctx.store.close()

    proc = start(path, db, "--metrics-port", str(port))
    seen: list[dict] = []
    try:
        next_record(proc, lambda r: r["message"].startswith("metrics on"), seen)
        old = channel_key(ctx.cfg.subscribers[0].channels[0])
        assert _pending(port) == {old: 1.0}  # the dead address's message, as the outbox holds it
        write_config(path, [{**dead, "url": webhook_receiver.url + "/hook"}])  # the robot's new address
        proc.send_signal(signal.SIGHUP)
        next_record(proc, lambda r: "config reload" in r["message"], seen)
        after = _pending(port)
    finally:
        _, err = stop(proc)
    assert "Traceback" not in err, err
    assert old not in after, after  # its message is dropped at the next digest: nothing would count it again
