"""Digest schedules in a zone whose clocks go back an hour in autumn (`[schedule] timezone =
"Europe/Berlin"`, "America/New_York"). The daemon finds a digest's latest scheduled time at each
digest run and at its start (`crontab.previous_fire`); over the repeated hour that search gave the
same time again for ever: an hourly digest's run (or a start) that night, a daily one at an hour
repeated for most of the day after, spun at 100 % CPU and sent nothing again. Each search runs in a
child process with a deadline, so the old code fails instead of hanging the suite."""

from __future__ import annotations

import subprocess
import sys

import pytest

SEARCH = """
from datetime import datetime, timezone
from monitor import crontab
zone, schedule, at = sys.argv[1:]
found = crontab.previous_fire(crontab.trigger(schedule, zone), datetime.fromisoformat(at))
print(found.astimezone(timezone.utc).isoformat())
"""


@pytest.mark.parametrize(("zone", "schedule", "at", "latest"), [
    ("Europe/Berlin", "0 * * * *", "2026-10-25T01:30:00+00:00", "2026-10-25T01:00:00+00:00"),  # 02:00 again
    ("Europe/Berlin", "30 2 * * *", "2026-10-25T09:00:00+00:00", "2026-10-25T00:30:00+00:00"),
    ("America/New_York", "30 1 * * *", "2026-11-01T12:00:00+00:00", "2026-11-01T05:30:00+00:00"),
    ("Europe/Berlin", "30 2 * * *", "2026-03-29T09:00:00+00:00", "2026-03-29T01:30:00+00:00"),  # spring: 03:30
])
def test_the_latest_scheduled_time_over_a_repeated_hour_is_found(zone, schedule, at, latest):
    try:
        done = subprocess.run([sys.executable, "-c", "import sys" + SEARCH, zone, schedule, at],
                              capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"{schedule} in {zone} at {at}: the search did not end") from None
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == latest, done.stdout
