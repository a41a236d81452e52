"""Ctrl-C (or SIGTERM: cron's `timeout`, a service manager) during `monitor poll` while a source's
article pages come slowly. The command died at once with a bare "Aborted!" (SIGTERM: no line at
all): the page under way thrown away, the source's poll not recorded (`monitor sources` still
said "never"), and nothing saying what was kept. Now, as the daemon does, a stopping poll asks
for no more links: the pages under way are read and stored, the rest wait for the next poll
(the source's backlog), the table is printed, one line says so, and the exit status is 130 (143
for SIGTERM). A real `monitor poll`, a 127.0.0.1 site; what happened is counted, not timed."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys

from test_daemon import HEAD, NO_PROXY, wait_for
from test_daemon_stop_midpoll import LINKS, SlowPages


def test_ctrl_c_mid_poll_keeps_the_pages_under_way_and_says_what_waits(tmp_path):
    signum = signal.SIGINT  # SIGTERM takes the same path (exit 143); one real process is enough
    site = SlowPages()
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(HEAD.replace("[fetch]", "[fetch]\nretries = 0")
                    + f'[[sources]]\nname = "busy"\nkind = "feed"\nurl = "{site.base}/feed.xml"\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in NO_PROXY}
    proc = subprocess.Popen([sys.executable, "-m", "monitor", "--config", str(path), "--db", str(db), "poll"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        wait_for(lambda: site.pages >= 2, timeout=120, what="two article pages asked for")
        proc.send_signal(signum)
        at_signal = site.pages
        try:
            out, err = proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
        asked = site.pages
    finally:
        if proc.poll() is None:
            proc.kill()
        site.close()
    assert proc.returncode == 128 + signum, (proc.returncode, err)
    assert "Traceback" not in err and "Aborted" not in err, err
    name = signal.Signals(signum).name
    assert "stopping: the pages under way" in err  # said when it came, not only at the end
    assert f"poll stopped by {name}" in err and "wait for the next poll" in err, err
    assert out.startswith("source\t") and "busy\tpartial" in out, out  # the table: what the poll did
    assert asked < LINKS // 2, asked
    # the links already asked for (eight at a time) waiting their turn at the slow site are given up
    # too: each was read after the signal, a Ctrl-C one page in taking 41 s with 3-second pages, past
    # the 10 s `docker stop` gives before it kills (7 read after it before 437acfe)
    assert asked - at_signal <= 1, (at_signal, asked)
    with sqlite3.connect(db) as con:
        stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        status, waiting = con.execute("SELECT last_status, waiting FROM sources WHERE name = 'busy'").fetchone()
    assert stored == asked, (stored, asked)  # every page asked for is stored, the one under way too
    assert status == "partial" and len(json.loads(waiting)) == LINKS - asked, (status, waiting)

