"""`monitor digest --status` shows each channel's last error beside its next try, cut to a column's
width. It was cut at its end: a receiver's long answer (a JSON error body, an HTML-ish text) pushed
out what the error says to do ('check the url's token and secret_env'), the part a person reads the
line for. The answer's excerpt in the middle is what gives way now; the start (who answered what)
and the end (what to check, when it goes again) stay. Real receiver on 127.0.0.1, real CLI."""

from __future__ import annotations

import json

from delivery_world import NO_BACKOFF, add_news, monitor_cli, write_config


def test_the_status_keeps_what_a_long_error_says_to_do(tmp_path, webhook_receiver):
    write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/w"}])
    add_news(tmp_path, 2)
    webhook_receiver.fail(8, 401, {"Content-Type": "application/json"})
    answer = webhook_receiver._answer

    def wordy(received):  # its refusal with a long reason, as some gateways give
        status, headers, body = answer(received)
        return status, headers, json.dumps({"error": "token rejected " * 20}).encode() if status == 401 else body

    webhook_receiver._answer = wordy
    run = monitor_cli(tmp_path, "digest", first=NO_BACKOFF)
    assert run.returncode == 1 and "HTTP 401" in run.stderr, run.stderr
    status = monitor_cli(tmp_path, "digest", "--status")
    assert status.returncode == 1, status.stderr  # a failed message: scripts alert on it
    (row,) = [line.split("\t") for line in status.stdout.splitlines()[1:] if line.strip()]
    error = row[7]
    assert error.startswith("webhook to 127.0.0.1 answered HTTP 401"), error
    assert error.endswith("(check the url's token and secret_env)"), error
    assert len(error) <= 160 and row[5], row  # a column's width, beside its next try
