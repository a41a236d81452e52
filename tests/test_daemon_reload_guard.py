"""What a SIGHUP reads that the daemon must not take: a config file caught empty while an editor
writes it in place, a subscriber whose secret the daemon's environment lacks. A real `monitor run`,
a site on 127.0.0.1, a real SQLite file."""

from __future__ import annotations

import signal
import subprocess

from test_daemon import FEED, QUICK, next_record, site, start, stop  # noqa: F401 (fixture)


def _reload_lines(proc: subprocess.Popen, seen: list[dict], count: int) -> list[dict]:
    """Read the daemon's log until `count` reload lines (done or refused) have come; all of them."""
    while sum("config reload" in r["message"] for r in seen) < count:
        next_record(proc, lambda r: "config reload" in r["message"], seen)
    return [r for r in seen if "config reload" in r["message"]]


def _started(proc: subprocess.Popen, seen: list[dict]) -> None:
    """Read the daemon's log until its first poll has ended (its signals taken by then)."""
    if not any(r.get("source") == "feed" for r in seen):
        next_record(proc, lambda r: r.get("source") == "feed", seen)


def test_a_config_caught_empty_by_a_sighup_is_refused_and_every_job_kept(tmp_path, site):  # noqa: F811
    # An editor (or `cat > monitor.toml`) writing the file in place truncates it first; a SIGHUP
    # read in between (a deploy tool signalling as it writes) got a valid config of nothing:
    # 'config reloaded ... jobs removed=3': no polls, no digests, until the next SIGHUP.
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    good = QUICK + FEED.format(base=site.base_url, interval="2s") + (
        '[[subscribers]]\nname = "desk"\nschedule = "0 8 * * *"\n[[subscribers.channels]]\nkind = "file"\n'
        f'path = "{tmp_path}/digest.txt"\n')
    path.write_text(good, encoding="utf-8")
    proc = start(path, db)
    seen: list[dict] = []
    try:
        _started(proc, seen)
        path.write_text("", encoding="utf-8")
        proc.send_signal(signal.SIGHUP)
        lines = _reload_lines(proc, seen, 1)
        path.write_text(good, encoding="utf-8")
        proc.send_signal(signal.SIGHUP)  # the file written: nothing to add back, nothing changed
        lines = _reload_lines(proc, seen, 2)
    finally:
        stop(proc)
    assert lines[0]["level"] == "error" and "no sources, subscribers or topics" in lines[0]["message"], lines
    assert "added=0 changed=0 removed=0" in lines[1]["message"], lines


def test_a_subscriber_added_by_a_sighup_without_its_secret_is_refused_as_at_a_start(tmp_path, site, monkeypatch):  # noqa: F811
    # A start with a secret's variable unset exits 2 naming it; a SIGHUP adding a subscriber whose
    # password the daemon's environment lacks was 'config reloaded ... added=1', and its digest
    # failed at every run saying 'export MONITOR_T_PASS' -- which a running daemon never sees.
    monkeypatch.delenv("MONITOR_T_PASS", raising=False)
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(QUICK + FEED.format(base=site.base_url, interval="1h"), encoding="utf-8")
    proc = start(path, db)
    seen: list[dict] = []
    try:
        _started(proc, seen)
        path.write_text(path.read_text(encoding="utf-8") + (
            '[[subscribers]]\nname = "desk"\nschedule = "* * * * *"\n[[subscribers.channels]]\nkind = "email"\n'
            'to = ["desk@example.org"]\nfrom = "monitor@example.org"\nsmtp_host = "127.0.0.1"\nsmtp_port = 9\n'
            'username = "monitor"\npassword_env = "MONITOR_T_PASS"\n'), encoding="utf-8")
        proc.send_signal(signal.SIGHUP)
        lines = _reload_lines(proc, seen, 1)
    finally:
        stop(proc)
    assert lines[0]["level"] == "error", lines
    assert "MONITOR_T_PASS" in lines[0]["message"] and "restart" in lines[0]["message"], lines
