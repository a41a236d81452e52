"""What a running daemon remembers of a source across a SIGHUP that takes it out of the config,
puts it back, or changes where it is read. A real `monitor run` (without -v, as a container
runs it), a site on 127.0.0.1, a real SQLite file."""

from __future__ import annotations

import json
import signal

from test_daemon import HEAD, start, stop, wait_for
from test_daemon_failing_sources import flaky  # noqa: F401 (fixture)

QUIET = HEAD.replace("[fetch]", "[schedule]\njitter = 0\n[fetch]\nretries = 0")
SOURCE = '[[sources]]\nname = "county"\nkind = "feed"\nurl = "{url}"\ninterval = "2s"\n'


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
        wait_for(lambda: flaky.feeds >= 2, timeout=60, what="two failing polls")
        path.write_text(QUIET, encoding="utf-8")  # taken out
        proc.send_signal(signal.SIGHUP)
        wait_for(lambda: _quiet_for(flaky), timeout=60, what="the source no longer polled")
        path.write_text(QUIET + SOURCE.format(url=f"{flaky.base}/feed.xml"), encoding="utf-8")
        proc.send_signal(signal.SIGHUP)  # put back, still down
        seen = flaky.feeds
        wait_for(lambda: flaky.feeds >= seen + 2, timeout=60, what="two failing polls after it came back")
        path.write_text(QUIET + SOURCE.format(url=f"{flaky.base}/feed.xml?v=2"), encoding="utf-8")
        proc.send_signal(signal.SIGHUP)  # read from another address, down too
        seen = flaky.feeds
        wait_for(lambda: flaky.feeds >= seen + 2, timeout=60, what="two failing polls at the new address")
    finally:
        _, err = stop(proc)
    assert "Traceback" not in err, err
    failing = [r for r in _records(err) if r.get("source") == "county" and "is failing" in r["message"]]
    assert len(failing) == 3, failing
    assert len({r["since"] for r in failing}) == 3, failing  # each outage from its own first poll


def _quiet_for(site) -> bool:
    import time

    seen = site.feeds
    time.sleep(3)  # longer than the source's interval
    return site.feeds == seen
