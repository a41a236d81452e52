"""What a running daemon remembers of a source across a SIGHUP that takes it out of the config,
puts it back, or changes where it is read. A real `monitor run` (without -v, as a container
runs it), a site on 127.0.0.1, a real SQLite file."""

from __future__ import annotations

import json
import signal

from test_daemon import FEED, next_record, site, start, stop, wait_for  # noqa: F401 (fixture)
from test_daemon_failing_sources import QUIET, SOURCE, flaky  # noqa: F401 (fixture)


def _records(err: str) -> list[dict]:
    return [json.loads(line) for line in err.splitlines() if line.startswith("{")]


def test_a_failing_source_taken_out_and_put_back_is_said_failing_again(tmp_path, flaky):  # noqa: F811
    # The operator saw 'source=county is failing' and took the source out (SIGHUP); a week on it
    # went back in, its site still down. The daemon remembered the old outage: no line at all for
    # the new one, and had the site worked, 'works again ... since=<a week ago>' with the polls of
    # before counted. A source out of the config, or read from another address, starts afresh.
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(QUIET + SOURCE.format(url=f"{flaky.base}/feed.xml"), encoding="utf-8")
    proc = start(path, db, verbose=False)
    try:
        wait_for(lambda: flaky.feeds >= 2, what="two failing polls")
        path.write_text(QUIET, encoding="utf-8")  # taken out
        proc.send_signal(signal.SIGHUP)
        wait_for(lambda: _quiet_for(flaky), what="the source no longer polled")
        path.write_text(QUIET + SOURCE.format(url=f"{flaky.base}/feed.xml"), encoding="utf-8")
        proc.send_signal(signal.SIGHUP)  # put back, still down
        seen = flaky.feeds
        wait_for(lambda: flaky.feeds >= seen + 2, what="two failing polls after it came back")
        path.write_text(QUIET + SOURCE.format(url=f"{flaky.base}/feed.xml?v=2"), encoding="utf-8")
        proc.send_signal(signal.SIGHUP)  # read from another address, down too
        seen = flaky.feeds
        wait_for(lambda: flaky.feeds >= seen + 2, what="two failing polls at the new address")
    finally:
        _, err = stop(proc)
    assert "Traceback" not in err, err
    failing = [r for r in _records(err) if r.get("source") == "county" and "is failing" in r["message"]]
    assert len(failing) == 3, failing
    assert len({r["since"] for r in failing}) == 3, failing  # each outage from its own first poll


def _quiet_for(server) -> bool:
    import time

    seen = server.feeds
    time.sleep(3)  # longer than the source's interval
    return server.feeds == seen


def test_a_source_mended_by_a_sighup_is_polled_at_once(tmp_path, site):  # noqa: F811
    # A daily source failed (its feed moved); the operator put the new address in and sent SIGHUP.
    # The job kept its schedule, so the new address was first read a day later and whether the
    # mend worked was not known till then. A source whose settings changed is polled at once.
    from conftest import free_port

    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    down = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    path.write_text(QUIET + FEED.format(base=down, interval="1d"), encoding="utf-8")
    proc = start(path, db)
    try:
        wait_for(lambda: _status(db) == "error", what="the failing first poll")
        path.write_text(QUIET + FEED.format(base=site.base_url, interval="1d"), encoding="utf-8")
        proc.send_signal(signal.SIGHUP)
        wait_for(lambda: _status(db) == "ok", timeout=30, what="the mended source polled")
    finally:
        _, err = stop(proc)
    assert "Traceback" not in err, err


def _status(db) -> str | None:
    import sqlite3

    try:
        with sqlite3.connect(db) as con:
            row = con.execute("SELECT last_status FROM sources WHERE name = 'feed'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def test_the_start_line_counts_the_poll_jobs_it_has(tmp_path, site):  # noqa: F811
    # 'daemon started: 2 poll jobs' for a config of two sources, one disabled: one job polled.
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    off = FEED.format(base=site.base_url, interval="1h").replace('name = "feed"', 'name = "off"\nenabled = false')
    path.write_text(QUIET + FEED.format(base=site.base_url, interval="1h") + off, encoding="utf-8")
    proc = start(path, db)
    try:
        wait_for(lambda: _status(db) == "ok", what="the first poll")
    finally:
        _, err = stop(proc)
    started = [r["message"].split(";")[0] for r in _records(err) if r["message"].startswith("daemon started")]
    assert started == ["daemon started: 1 poll job (polled now, then every 1h), 0 digest jobs"], started


def test_a_digest_moved_earlier_by_a_sighup_is_not_sent_as_missed(tmp_path, site):  # noqa: F811
    # The desk's digest went at 18:00; at noon the operator moved it to 08:00 (SIGHUP). The reload
    # looked for a run 'missed while the daemon was not running', found this morning's 08:00 of the
    # new schedule and sent a digest at once, saying so. The daemon was running; the next digest
    # goes at the new time, holding what came since the last.
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from monitor import crontab
    from monitor.store import Store

    zone = ZoneInfo("Asia/Shanghai")
    now = datetime.now(zone)
    later, earlier = (now + timedelta(hours=2)).hour, (now - timedelta(hours=1)).hour
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    out = tmp_path / "digest.txt"

    def write(hour: int) -> None:
        path.write_text(QUIET + FEED.format(base=site.base_url, interval="1h")
                        + f'[[subscribers]]\nname = "desk"\ntopics = ["hu-ming"]\nschedule = "0 {hour} * * *"\n'
                        + f'[[subscribers.channels]]\nkind = "file"\npath = "{out.as_posix()}"\n', encoding="utf-8")

    write(later)
    store = Store.open(db)  # its last digest went at its time, yesterday
    last = crontab.previous_fire(crontab.trigger(f"0 {later} * * *", "Asia/Shanghai"), now)
    store.digest_ran("desk", last + timedelta(minutes=1))
    store.close()
    proc = start(path, db)
    seen: list[dict] = []
    try:
        wait_for(lambda: _status(db) == "ok", what="the first poll")
        write(earlier)
        proc.send_signal(signal.SIGHUP)
        # a missed digest is said before this line, and its job, due at once, is under way or waiting by
        # then: the stop lets it finish
        next_record(proc, lambda r: r["message"].startswith("config reloaded"), seen)
    finally:
        _, err = stop(proc)
    messages = [r["message"] for r in seen + _records(err)]
    assert any(m.startswith("config reloaded") for m in messages), messages
    assert not any("was missed" in m for m in messages), messages
    assert not out.exists()


def test_a_source_failing_poll_after_poll_is_polled_less_often(tmp_path, flaky):  # noqa: F811
    # A site down for a week under a source polled every minute: 10,000 requests to it, each a
    # line at -v. After five failed polls in a row the wait doubles at each (at most hourly); a
    # working poll, or a SIGHUP that changes the source, ends it. Read from the log's own times.
    from datetime import datetime
    from itertools import pairwise

    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(QUIET + SOURCE.format(url=f"{flaky.base}/feed.xml").replace('"2s"', '"1s"'), encoding="utf-8")
    proc = start(path, db)
    try:
        wait_for(lambda: flaky.feeds >= 8, timeout=90, what="eight failing polls")
    finally:
        _, err = stop(proc)
    polls = [datetime.fromisoformat(r["time"]) for r in _records(err)
             if r.get("source") == "county" and r["message"].startswith("source=county status=")]
    assert len(polls) >= 8, polls
    gaps = [(b - a).total_seconds() for a, b in pairwise(polls)]
    assert gaps[6] >= 4.0, gaps  # the 8th poll waited (8 s by the schedule), the first ones came each second


def test_a_poll_ending_after_its_source_was_taken_out_leaves_no_outage_behind(tmp_path):
    # The source was taken out (SIGHUP) while a poll of it waited on its slow, failing site; that
    # poll's end said 'source=county is failing' of a source no longer in the config (and kept
    # it). Now: said when it first failed, and again once it is back in and fails.
    from test_daemon_busy_pool import Stalling

    slow = Stalling(3.0)  # answers after 3 s with a page the selector finds nothing in: each poll fails
    bad = "[[sources]]\nname = \"county\"\nkind = \"html\"\nurl = \"{base}/list.html\"\nlink_selector = \"ul a\"\n" \
          "interval = \"1s\"\n"
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(QUIET + bad.format(base=slow.base), encoding="utf-8")
    proc = start(path, db)
    seen: list[dict] = []

    def polls_ended(n: int) -> None:  # until the n-th poll's own line
        while sum(_polled(r) for r in seen) < n:
            next_record(proc, _polled, seen)

    try:
        wait_for(lambda: slow.asked >= 2, what="a second poll under way")
        path.write_text(QUIET, encoding="utf-8")  # taken out while it waits
        proc.send_signal(signal.SIGHUP)
        polls_ended(2)  # that poll ends, failing
        asked = slow.asked
        path.write_text(QUIET + bad.format(base=slow.base), encoding="utf-8")
        proc.send_signal(signal.SIGHUP)
        wait_for(lambda: slow.asked >= asked + 1, what="a poll after it came back")
        polls_ended(4)  # the next one's: the outage line of the poll after it came back is said by then (a
        # stop just after a poll's own line could cut it off; a fixed sleep did at load)
    finally:
        _, err = stop(proc)
        slow.close()
    records = seen + _records(err)
    failing = [r for r in records if r.get("source") == "county" and "is failing" in r["message"]]
    assert len(failing) == 2, "\n".join(r["time"][11:23] + " " + r["message"][:100] for r in records)


def _polled(record: dict) -> bool:
    return record["message"].startswith("source=county status=")
