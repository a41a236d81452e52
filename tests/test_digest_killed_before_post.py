"""A `monitor digest` killed (SIGKILL, a power cut) after it marked a message as leaving and before
its POST: nobody can know whether the receiver has it, so the next run sends it once, marked as
sent again for its reader. That run's own line said only 'sent, 3 stories (1 message)', and the
dry-run before it '1 earlier messages waiting': the person running it was never told that the
reader got a message saying '(sent again)', nor why. Real `monitor` processes, a real receiver
on 127.0.0.1, real SQLite."""

from __future__ import annotations

from delivery_world import counts, monitor_cli, news_lines, write_config

from monitor import config
from monitor.pipeline import Context, import_lines
from monitor.store import Store


def test_the_run_after_a_kill_before_the_post_says_it_sent_the_message_again_and_why(tmp_path, webhook_receiver):
    path = write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "wecom",
                                                      "url": webhook_receiver.url + "/w"}])
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(3)).matched == 3
    ctx.store.close()
    killed = monitor_cli(tmp_path, "digest", crash="digest-sending")
    assert killed.returncode == -9 and not webhook_receiver.requests, killed.stderr

    preview = monitor_cli(tmp_path, "digest", "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert "1 earlier message waiting, marked as sent again" in preview.stderr, preview.stderr

    again = monitor_cli(tmp_path, "digest")
    assert again.returncode == 0, again.stderr
    line = next(x for x in again.stderr.splitlines() if ": sent, 3 stories" in x)
    assert "1 message marked as sent again" in line and "may have" in line and "Traceback" not in again.stderr, line
    (request,) = webhook_receiver.requests  # once, and marked for its reader
    assert request.headers.get("x-monitor-resend") == "1" and "sent again" in request.body.decode().lower()
    assert counts([request.body.decode()]) == dict.fromkeys(range(3), 1)

    quiet = monitor_cli(tmp_path, "digest")  # nothing left, nothing again
    assert quiet.returncode == 0 and "sent again" not in quiet.stderr and len(webhook_receiver.requests) == 1
