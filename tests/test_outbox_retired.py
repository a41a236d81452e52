"""A webhook's token revoked, the digest refused (401), the token rotated in the config: the
stories go to the new URL, and `monitor digest --status` no longer reports a failure. Before,
the refused message stayed `failed` under the old URL's channel for ever (nothing sends a
channel no longer configured), so `--status` exited 1 at every check after the mend, and an
alert on it never cleared. The CLI runs in its own process, as cron or a probe runs it."""

from __future__ import annotations

import os
import subprocess
import sys

from delivery_world import counts, news_lines, write_config

from monitor import config
from monitor.pipeline import Context, import_lines
from monitor.store import Store


def monitor(tmp_path, *args):
    return subprocess.run([sys.executable, "-m", "monitor", "--config", str(tmp_path / "monitor.toml"),
                           "--db", str(tmp_path / "m.db"), *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8", "NO_PROXY": "127.0.0.1",
                               "HTTP_PROXY": "", "HTTPS_PROXY": "", "ALL_PROXY": ""})


def revoked(receiver, token):
    """The receiver answers 401 to the revoked token, as a platform does."""
    answer = receiver._answer

    def check(received):
        status, headers, body = answer(received)
        return (401, {}, b'{"error": "invalid token"}') if received.query.get("token") == [token] else (
            status, headers, body)

    receiver._answer = check


def configure(tmp_path, url):
    write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": url}])


def test_after_a_rotated_token_the_stories_arrive_and_status_is_clean(tmp_path, webhook_receiver):
    revoked(webhook_receiver, "old")
    configure(tmp_path, webhook_receiver.url + "/hook?token=old")
    ctx = Context(config.load(tmp_path / "monitor.toml", tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(6)).matched == 6
    ctx.store.close()
    refused = monitor(tmp_path, "digest")
    assert refused.returncode == 1 and "401" in refused.stderr
    assert monitor(tmp_path, "digest", "--status").returncode == 1  # a failure to see: right

    configure(tmp_path, webhook_receiver.url + "/hook?token=new")
    mended = monitor(tmp_path, "digest")
    assert mended.returncode == 0, mended.stderr
    taken = [r.body.decode() for r in webhook_receiver.requests if r.query.get("token") == ["new"]]
    assert counts(taken) == dict.fromkeys(range(6), 1)
    status = monitor(tmp_path, "digest", "--status")
    assert status.returncode == 0, status.stdout + status.stderr
    rows = [line.split("\t") for line in status.stdout.splitlines()[1:]]
    assert rows and all(row[3] == "0" for row in rows)  # no channel left with a failed message
