"""A source that fails every other poll (a site behind a load balancer with one bad backend, a
CDN answering 503 now and then) under a daemon left running: each failure said 'is failing' and
each next poll 'works again', a WARNING pair a poll (2,880 lines a day at a one-minute interval),
the very volume saying it once was meant to end. Now a source failing again within an hour of
working is said once to flap, then nothing while it flaps; once it has worked an hour since its
last failure, one line says it is steady again. A real `monitor run` without -v, a site on 127.0.0.1."""

from __future__ import annotations

import json

import pytest
from test_daemon import start, stop, wait_for
from test_daemon_failing_sources import QUIET, SOURCE, Flaky

from monitor.pipeline.health import Outages

pytestmark = pytest.mark.timeout(360)


class Flapping(Flaky):
    """Its feed answers 503 at the first request, then works, then 503 again ..."""

    def _answer(self, path: str) -> tuple[int, str, bytes]:
        if path.split("?")[0] == "/feed.xml":
            self.down = self.feeds % 2 == 0
        return super()._answer(path)


@pytest.fixture
def flapping():
    site = Flapping()
    yield site
    site.close()


def test_a_source_failing_every_other_poll_is_said_to_flap_once(tmp_path, flapping):
    path, db = tmp_path / "monitor.toml", tmp_path / "m.db"
    # polled each second (the least interval), not each 2 s: eleven polls in half the time
    path.write_text(QUIET + SOURCE.format(url=f"{flapping.base}/feed.xml").replace('"2s"', '"1s"'), encoding="utf-8")
    proc = start(path, db, verbose=False)
    try:
        wait_for(lambda: flapping.feeds >= 11, timeout=120, what="eleven polls, six failing")
    finally:
        _, err = stop(proc)
    assert "Traceback" not in err, err[-3000:]
    about = [r["message"] for r in map(json.loads, filter(lambda x: x.startswith("{"), err.splitlines()))
             if r.get("source") == "county" and "still running" not in r["message"]]  # a loaded box's overrun
    assert len(about) == 3, about  # on main: a pair a flap
    assert "is failing" in about[0] and "works again" in about[1], about
    assert "fails again within" in about[2] and "flapping" in about[2], about


def test_a_flapping_source_is_said_steady_after_working_the_while_and_failing_for_good_after():
    said, clock = Outages(), 0.0
    lines = []
    for status in ["error", "ok", "error", "ok", "error", "ok"]:
        clock += 60
        lines.append(said.note("s", status, "HTTP 503", f"t{clock:.0f}", clock))
    assert [i for i, line in enumerate(lines) if line] == [0, 1, 2], lines
    assert "flapping" in lines[2] and "status=error" in lines[2], lines
    clock += Outages.FLAP - 60  # worked for FLAP since the last failure less a minute: still flapping
    assert said.note("s", "ok", "", "t", clock) is None
    clock += 60
    steady = said.note("s", "ok", "", "t", clock)
    assert steady is not None and "steady again" in steady and "failures=3" in steady, steady
    clock += 60  # a failure now is an outage of its own, said as one
    again = said.note("s", "error", "HTTP 503", "tz", clock)
    assert again is not None and "is failing" in again, again
    assert said.note("s", "gone", "HTTP 404", "tz", clock + 60) is not None  # fails otherwise: said


def test_a_flapping_source_down_for_the_hour_after_is_said_failing():
    said, clock = Outages(), 0.0
    for status in ["error", "ok", "error", "ok", "error"]:
        clock += 60
        said.note("s", status, "HTTP 503", f"t{clock:.0f}", clock)
    for _ in range(int(Outages.FLAP // 60)):  # failing every minute since, for the hour: silent while it may flap
        clock += 60
        assert said.note("s", "error", "HTTP 503", "t", clock) is None
    clock += 60
    down = said.note("s", "error", "HTTP 503", "t", clock)
    assert down is not None and "is failing" in down and "since=t300Z" in down, down
    assert said.note("s", "error", "HTTP 503", "t", clock + 60) is None  # said once
