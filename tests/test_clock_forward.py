"""The daemon's clock stepped forward (a VM paused overnight and resumed, its clock then set by
NTP or the host; `docker pause` for an hour; a laptop asleep).

APScheduler gave a poll ten minutes of grace: a poll whose time had passed by more when the
scheduler next looked was dropped as "missed", and the source waited for its next interval. A
source polled hourly whose time had come 15 minutes before was polled 45 minutes later, a daily
one a day later. The scheduler, waiting on the monotonic clock for its next job, did not even
look until that wait ended. Now a late poll runs (once, as missed runs are collapsed), and the
daemon sees the step (wall clock against the monotonic one) and looks at once, in one log line.
The child `monitor run` reads the true clock until the test steps it (time.time and
APScheduler's `datetime.now` only); the site it polls is real, on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_clock_daemon import NO_PROXY, polls
from test_daemon import wait_for

from monitor.replay import ReplayServer

SITES = Path(__file__).parent / "fixtures" / "sites"
CONFIG = ('include = ["monitor:topics/hu-ming.toml"]\n[fetch]\nmin_delay = 0\nallow_private = ["127.0.0.1"]\n'
          '[schedule]\njitter = 0\n[[sources]]\nname = "hourly"\nkind = "feed"\nurl = "{base}/feed/rss.xml"\n'
          'interval = "1h"\n')
AHEAD = ("import sys, time, datetime as dt\n"
         "import os\n"
         "ahead, marker = float(sys.argv.pop(1)), sys.argv.pop(1)\n"
         "real = time.time\n"
         "def offset():\n"
         "    return ahead if os.path.exists(marker) else 0.0\n"
         "time.time = lambda: real() + offset()\n"
         "class Stepped(dt.datetime):\n"
         "    @classmethod\n"
         "    def now(cls, tz=None):\n"
         "        return dt.datetime.now(tz) + dt.timedelta(seconds=offset())\n"
         "import apscheduler.schedulers.base, apscheduler.executors.base\n"
         "apscheduler.schedulers.base.datetime = Stepped\n"
         "apscheduler.executors.base.datetime = Stepped\n"
         "sys.argv[0] = 'monitor'\n"
         "from monitor.__main__ import run\n"
         "run()\n")


@pytest.mark.timeout(480)  # a start takes 30 s at load 15 (80 s at 20): the waits are bounds, not the time taken
def test_an_hourly_poll_due_before_a_step_forward_runs_at_once(tmp_path):
    marker = tmp_path / "stepped"  # the child's clock jumps 75 minutes ahead once this file is there
    log = tmp_path / "run.log"
    with ReplayServer(SITES) as site:
        path = tmp_path / "monitor.toml"
        path.write_text(CONFIG.format(base=site.base_url), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k not in NO_PROXY}
        with open(log, "w", encoding="utf-8") as out:
            proc = subprocess.Popen([sys.executable, "-c", AHEAD, str(75 * 60), str(marker), "--config", str(path),
                                     "--db", str(tmp_path / "m.db"), "-v", "run"], stdout=subprocess.DEVNULL,
                                    stderr=out, env=env)
        try:
            # the first poll's job done (its line said), however long the start took: a poll still
            # running when the step is seen would be skipped as a second instance, not late
            wait_for(lambda: "source=hourly status=" in log.read_text(encoding="utf-8"), 240, "the first poll")
            before = polls(site)
            marker.touch()  # the VM resumed: its clock set 75 minutes on; the hourly poll was due 15 ago
            end = time.monotonic() + 120  # the next hour is 45 minutes away: a poll in this wait is the late one
            while time.monotonic() < end and polls(site) == before:
                time.sleep(0.1)
            after = polls(site)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(60)
    err = log.read_text(encoding="utf-8")
    assert before >= 1, err[-2000:]
    assert after > before, err[-2000:]  # polled within seconds, not at the next hour
    assert "was missed by" not in err
    assert "the clock was stepped forward by 45" in err, err[-2000:]
    assert "Traceback" not in err
