"""The database file moved or deleted under a daemon run without --metrics-port (systemd, a
plain `nohup monitor run`). It went on polling into the file it had open, gone from its path,
where nothing else reads it, and said nothing at all: the line saying so came only when something
asked /healthz, which such a daemon does not serve. Now the daemon's own watch of the path says
it once, within seconds. A real `monitor run`, a feed on 127.0.0.1, a real SQLite file."""

from __future__ import annotations

from test_daemon import FEED, QUICK, next_record, site, start, stop  # noqa: F401 (site: a fixture)


def _polled(record: dict) -> bool:
    return record.get("source") == "feed" and "status" in record


def test_a_database_moved_away_under_a_daemon_without_metrics_is_said_once(tmp_path, site):  # noqa: F811
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(QUICK + FEED.format(base=site.base_url, interval="2s"), encoding="utf-8")
    proc = start(path, db)
    seen: list[dict] = []
    try:
        next_record(proc, _polled, seen)
        db.rename(tmp_path / "moved.db")  # a cleanup, a volume re-mounted, `mv` by hand
        after = len(seen)
        # the watch looks every 2 s: six polls of a 2 s source later it has long looked
        while not any("no longer at" in r["message"] for r in seen[after:]) and sum(map(_polled, seen[after:])) < 6:
            next_record(proc, lambda r: _polled(r) or "no longer at" in r["message"], seen)
        while sum(map(_polled, seen[after:])) < 8:  # said once, not at every look
            next_record(proc, _polled, seen)
    finally:
        stop(proc)
    said = [r for r in seen[after:] if "no longer at" in r["message"]]
    assert len(said) == 1 and said[0]["level"] == "error" and str(db) in said[0]["message"], seen[after:]


def test_a_database_moved_back_and_away_again_is_said_each_time(tmp_path, site):  # noqa: F811
    """`mv m.db m.db.bak` (a backup by hand), seen, then moved back: the daemon said nothing of
    it back, and when the file went again (a cleanup deleting it) said nothing at all, its one line
    spent on the first time. Now each time the file goes is said, and its coming back."""
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    path.write_text(QUICK + FEED.format(base=site.base_url, interval="2s"), encoding="utf-8")
    proc = start(path, db)
    seen: list[dict] = []
    said: list[str] = []
    try:
        next_record(proc, _polled, seen)
        for _ in range(2):
            db.rename(tmp_path / "moved.db")
            after = len(seen)
            while not any("no longer at" in r["message"] for r in seen[after:]) and sum(map(_polled, seen[after:])) < 6:
                next_record(proc, lambda r: _polled(r) or "no longer at" in r["message"], seen)
            said += [r["message"] for r in seen[after:] if "no longer at" in r["message"]]
            (tmp_path / "moved.db").rename(db)
            after = len(seen)
            while not any("back at" in r["message"] for r in seen[after:]) and sum(map(_polled, seen[after:])) < 6:
                next_record(proc, lambda r: _polled(r) or "back at" in r["message"], seen)
            said += [r["message"] for r in seen[after:] if "back at" in r["message"]]
    finally:
        stop(proc)
    assert [("no longer at" in m, "back at" in m) for m in said] == [(True, False), (False, True)] * 2, said
