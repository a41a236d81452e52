"""A source's interval written as a number under a minute (`interval = 30`, `"10"`) is seconds,
as in every release: the config loads and the daemon polls that often (5930954 reverted a
refusal). But a colleague writing `interval = 30` beside the README's "20m" likely meant minutes,
and check-config said `ok` with nothing to show it: it now warns in one line a source, and still
says ok (exit 0). A number with a unit, one of a minute or more, a disabled source: no warning."""

from __future__ import annotations

from click.testing import CliRunner

from monitor import config
from monitor.cli import main

SOURCE = '[[sources]]\nname = "{name}"\nurl = "https://www.example.cn/{name}.xml"\n{more}\n'


def test_a_number_under_a_minute_is_seconds_and_check_config_warns_of_it(tmp_path):
    sources = {"sm": "interval = 30", "fj": 'interval = "10"', "one": "interval = 1",
               "off": "interval = 5\nenabled = false", "unit": 'interval = "30s"', "long": "interval = 600",
               "default": ""}
    cfg = tmp_path / "monitor.toml"
    cfg.write_text('include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "m.db"\n'
                   + "".join(SOURCE.format(name=n, more=m) for n, m in sources.items()), encoding="utf-8")
    loaded = config.load(cfg)  # loads as before: seconds
    assert {s.name: s.interval for s in loaded.sources} == {"sm": 30, "fj": 10, "one": 1, "off": 5, "unit": 30,
                                                             "long": 600, "default": 1800}
    done = CliRunner().invoke(main, ["--config", str(cfg), "check-config"])
    assert done.exit_code == 0 and done.stdout.startswith(f"{cfg}: ok: 7 sources"), done.output
    warned = done.stderr.splitlines()
    assert [w.split(": ")[2] for w in warned] == ["sources.sm.interval", "sources.fj.interval",
                                                   "sources.one.interval"], warned
    assert all(w.startswith(f"warning: {cfg}: ") for w in warned)
    assert '30 without a unit is 30 seconds' in warned[0] and '"30m" if minutes were meant' in warned[0]
    assert "1 without a unit is 1 second:" in warned[2]


def test_the_warning_is_listed_with_the_problems_of_a_config_that_fails(tmp_path):
    cfg = tmp_path / "monitor.toml"
    cfg.write_text('include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "m.db"\n'
                   + SOURCE.format(name="sm", more="interval = 20")
                   + SOURCE.format(name="sm", more='interval = "20m"'), encoding="utf-8")  # a name twice
    done = CliRunner().invoke(main, ["--config", str(cfg), "check-config"])
    assert done.exit_code == 2 and done.stdout == ""
    said = done.stderr.splitlines()
    assert said[0] == f"{cfg}: sources.sm.name: duplicate source name (names must be unique)", said
    assert said[1].startswith(f"warning: {cfg}: sources.sm.interval: 20 without a unit") and len(said) == 2, said
