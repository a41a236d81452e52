"""What `monitor run -v` (as the image runs it) says at its start and at a SIGHUP: its own lines,
not the scheduler's two a job. A real `monitor run`, a site on 127.0.0.1, a real SQLite file."""

from __future__ import annotations

import json
import signal

from test_daemon import FEED, HEAD, site, start, stop  # noqa: F401 (fixture)


def test_the_start_and_a_reload_log_no_line_a_job_of_the_schedulers(tmp_path, site):  # noqa: F811
    # Each job was two INFO lines at the start ('Adding job tentatively -- it will be properly
    # scheduled when the scheduler starts', 'Added job "poll x" to job store "default"'): 400 for
    # 200 sources, more at each SIGHUP, beside 'daemon started: N poll jobs' saying it in one.
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    sources = "".join(FEED.replace('name = "feed"', f'name = "feed{i}"').format(base=site.base_url, interval="1h")
                      for i in range(5))
    path.write_text(HEAD.replace("[fetch]", "[schedule]\njitter = 0\n[fetch]") + sources, encoding="utf-8")
    proc = start(path, db)
    seen: list[dict] = []
    try:
        assert proc.stderr is not None
        while sum(r.get("source", "").startswith("feed") for r in seen) < 5:  # every first poll done
            line = proc.stderr.readline()
            assert line, seen[-5:]
            seen.append(json.loads(line))
        proc.send_signal(signal.SIGHUP)
        while not seen[-1]["message"].startswith("config reloaded"):
            line = proc.stderr.readline()
            assert line, seen[-5:]
            seen.append(json.loads(line))
    finally:
        _, err = stop(proc)
    seen += [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    theirs = [r["message"] for r in seen if r["logger"].startswith("apscheduler")]
    assert theirs == [], theirs
    assert any(r["message"].startswith("daemon started: 5 poll jobs") for r in seen)
