"""More sources than the daemon's poll threads can poll in their intervals (200 sources at start,
sites slow to answer): a poll waiting for a thread is said to wait, not to run. A real
`monitor run` without -v, eleven sources on 127.0.0.1 sites answering their feeds after 14 s: the
second runs (5 s on) must come while the first polls still wait, which 8 s left to a loaded
machine's start-up by 3 s only (both tests failed at load 12)."""

from __future__ import annotations

from test_daemon import next_record, start, stop
from test_daemon_busy_pool import stalling_sources


def test_a_poll_waiting_for_a_thread_is_not_said_to_be_running(tmp_path):
    # Ten threads poll at once; the eleventh source's poll waited for one, and when its next run
    # came (5 s on) the line said 'source=slow10 poll still running after 5 s ... past its interval':
    # its site blamed for the pool's backlog, though nothing had been asked of it yet.
    sites, path, db = stalling_sources(tmp_path, 11, "5s", delay=14.0)
    proc = start(path, db, verbose=False)
    said: list[dict] = []
    try:
        while len(said) < 11:
            said.append(next_record(proc, lambda r: "its runs due meanwhile are skipped" in r["message"]))
    finally:
        for site in sites:  # the polls under way and waiting end at once: the daemon stops after them
            site.release()
        stop(proc)
        for site in sites:
            site.close()
    waiting = [r for r in said if "waiting for a poll thread" in r["message"]]
    running = [r for r in said if "still running after" in r["message"]]
    assert len(waiting) == 1 and len(running) == 10, [r["message"] for r in said]
    assert "all 10 busy" in waiting[0]["message"], waiting


def test_the_pools_backlog_is_one_line_not_one_a_waiting_source(tmp_path):
    # Fourteen sources, ten threads: at the second run of each, the ten polling were each said to
    # run on past their interval (each its own slow site), and each of the four waiting for a
    # thread got a line of its own saying the same backlog: 190 lines an hour for 200 sources.
    sites, path, db = stalling_sources(tmp_path, 14, "5s", delay=14.0)
    proc = start(path, db)
    seen: list[dict] = []
    try:  # the second runs' lines all come before the first polls end (14 s on)
        next_record(proc, lambda r: str(r.get("source", "")).startswith("slow") and "status" in r, seen)
    finally:
        for site in sites:  # the polls under way and waiting end at once: the daemon stops after them
            site.release()
        stop(proc)
        for site in sites:
            site.close()
    said = [r["message"] for r in seen if "its runs due meanwhile are skipped" in r["message"]]
    waiting = [m for m in said if "waiting for a poll thread" in m]
    assert sum("still running after" in m for m in said) == 10, said
    assert len(waiting) == 1 and "4 sources wait" in waiting[0], said
