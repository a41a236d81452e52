"""A source polled less often for failing (after five failed polls in a row, twice its interval,
then four times ... at most hourly), and a plain SIGHUP: the operator put right what failed it on
their side (a firewall rule, a hosts entry, the site's owner called) and sent the daemon a SIGHUP
as the README's 'reload' is the way to nudge it, config unchanged: the source still waited out its
pace, up to an hour, and nothing said why. Only a SIGHUP that changed the source polled it at once.
Now any reload polls the sources it finds paced at once (one line saying how many), their pace let
go; one failing still is paced again from where it was. A real `monitor run`, a site on 127.0.0.1."""

from __future__ import annotations

import json
import signal

import pytest
from test_daemon import next_record, start, stop, wait_for
from test_daemon_failing_sources import QUIET, SOURCE, flaky  # noqa: F401

pytestmark = pytest.mark.timeout(360)
PACED_AT_ONCE = "from monitor.pipeline.health import Outages; Outages.BACKOFF_AFTER = -10"  # an hour after one failure


def test_a_plain_sighup_polls_a_paced_source_at_once(tmp_path, flaky):  # noqa: F811
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(QUIET + SOURCE.format(url=f"{flaky.base}/feed.xml"), encoding="utf-8")
    proc = start(path, db, first=PACED_AT_ONCE)
    seen: list[dict] = []
    try:
        next_record(proc, lambda r: "is failing" in r["message"], seen)
        flaky.down = False  # mended outside the daemon; the file unchanged
        polls = flaky.feeds
        proc.send_signal(signal.SIGHUP)
        next_record(proc, lambda r: r["message"].startswith("config reloaded"), seen)
        wait_for(lambda: flaky.feeds > polls, timeout=40, what="a poll after the SIGHUP (paced for an hour)")
    finally:
        _, err = stop(proc)
    assert "Traceback" not in err, err[-3000:]
    lines = [r["message"] for r in seen] + [json.loads(x)["message"] for x in err.splitlines() if x.startswith("{")]
    assert any("1 sources polled less often for failing are polled now" in m for m in lines), lines[-20:]
