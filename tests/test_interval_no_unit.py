"""A source's `interval` written without its unit (`interval = 10`, `interval = "10"`: ten minutes
meant, as a colleague writes it by the README's `"20m"`) passed check-config as ten seconds, and
the daemon polled a government site every ten seconds. A number without a unit under a minute is
refused in one line saying what it would do and how to write it; with its unit, or a minute and
more in seconds (`600`), it is as before. The real CLI on a real config file."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from monitor.cli import main

SOURCE = '[[sources]]\nname = "sm"\nkind = "feed"\nurl = "https://www.sm.gov.cn/rss.xml"\ninterval = {interval}\n'


def _check(tmp_path, interval: str):
    path = tmp_path / "monitor.toml"
    path.write_text('include = ["monitor:topics/hu-ming.toml"]\n' + SOURCE.format(interval=interval), encoding="utf-8")
    return CliRunner().invoke(main, ["--config", str(path), "--db", str(tmp_path / "m.db"), "check-config"])


@pytest.mark.parametrize("interval,shown", [("10", "10"), ('"10"', "'10'"), ("30.5", "30.5"), ('" 45 "', "' 45 '")])
def test_an_interval_without_its_unit_under_a_minute_is_refused(tmp_path, interval, shown):
    res = _check(tmp_path, interval)
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and "sources.sm.interval: " in lines[0], lines
    n = shown.strip("' ")
    assert f"{shown} has no unit: a poll every {n} seconds" in lines[0], lines[0]
    assert f'"{n}m" for minutes' in lines[0] and f'"{n}s" if seconds are meant' in lines[0], lines[0]


@pytest.mark.parametrize("interval", ['"10s"', '"10m"', "600", '"60"', "60"])
def test_an_interval_with_its_unit_or_of_a_minute_and_more_is_fine(tmp_path, interval):
    res = _check(tmp_path, interval)
    assert res.exit_code == 0 and ": ok: 1 source" in res.output, res.output
