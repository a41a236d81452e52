"""The daemon's clock stepped back (NTP mending a clock that ran a day ahead).

APScheduler keeps each job's next run as a wall time: after the step, every job's next run lay
a day ahead, and the daemon polled nothing and sent nothing for a day while /healthz said ok.
Now the daemon sees the step (wall clock against the monotonic one) and puts its jobs on the
clock as it is, in one log line. This machine's clock cannot be stepped by a test: the child
`monitor run` reads a wall clock running a day ahead until it has polled twice, then the true one
(time.time and APScheduler's `datetime.now` only); the site it polls is real, on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from monitor.replay import ReplayServer

SITES = Path(__file__).parent / "fixtures" / "sites"
CONFIG = ('include = ["monitor:topics/hu-ming.toml"]\n[fetch]\nmin_delay = 0\nallow_private = ["127.0.0.1"]\n'
          '[schedule]\njitter = 0\n[[sources]]\nname = "feed"\nkind = "feed"\nurl = "{base}/feed/rss.xml"\ninterval = "2s"\n')
STEPPED = ("import sys, time, datetime as dt\n"
           "import os\n"
           "ahead, marker = float(sys.argv.pop(1)), sys.argv.pop(1)\n"
           "real = time.time\n"
           "def offset():\n"
           "    return 0.0 if os.path.exists(marker) else ahead\n"
           "time.time = lambda: real() + offset()\n"
           "class Stepped(dt.datetime):\n"
           "    @classmethod\n"
           "    def now(cls, tz=None):\n"
           "        return dt.datetime.now(tz) + dt.timedelta(seconds=offset())\n"
           "import apscheduler.schedulers.base\n"
           "apscheduler.schedulers.base.datetime = Stepped\n"
           "sys.argv[0] = 'monitor'\n"
           "from monitor.__main__ import run\n"
           "run()\n")
NO_PROXY = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


def polls(site) -> int:
    return site.paths_requested().count("/feed/rss.xml")


@pytest.mark.timeout(480)  # a start takes 30 s at load 15 (80 s at 20): the waits are bounds, not the time taken
def test_polls_go_on_after_the_clock_is_stepped_back_a_day(tmp_path):
    marker = tmp_path / "stepped"  # the child's clock is a day ahead until this file is there
    with ReplayServer(SITES) as site:
        path = tmp_path / "monitor.toml"
        path.write_text(CONFIG.format(base=site.base_url), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k not in NO_PROXY}
        proc = subprocess.Popen([sys.executable, "-c", STEPPED, str(86400), str(marker), "--config", str(path),
                                 "--db", str(tmp_path / "m.db"), "run"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=env)
        try:
            end = time.monotonic() + 240  # the start and two polls, 2 s apart
            while time.monotonic() < end and polls(site) < 2:
                time.sleep(0.1)
            marker.touch()  # NTP steps the clock back a day
            before = polls(site)
            end = time.monotonic() + 120  # polls every 2 s once the clock is right; none for a day if not
            while time.monotonic() < end and polls(site) < before + 2:
                time.sleep(0.1)
            after = polls(site)
        finally:
            proc.send_signal(signal.SIGTERM)
            _, err = proc.communicate(timeout=60)
    assert before >= 2, err  # it polled on the clock a day ahead
    assert after - before >= 2, (before, after, err[-2000:])  # and goes on once the clock is right
    assert "the clock was stepped back by 864" in err, err[-2000:]
    assert "Traceback" not in err
