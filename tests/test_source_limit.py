"""`monitor test-source NAME --limit -1` (a user's 'all of them') went on to the site and read the
listing's candidates but the last (`[:-1]`), saying nothing of the number. It is refused in one
line naming --limit and its range, before anything is fetched. The CLI in-process; the source's
address is on 127.0.0.1 and is never asked."""

from __future__ import annotations

from click.testing import CliRunner
from conftest import free_port

from monitor.cli import main

CONFIG = ('include = ["monitor:topics/hu-ming.toml"]\n[fetch]\nmin_delay = 0\nallow_private = ["127.0.0.1"]\n'
          '[[sources]]\nname = "county"\nkind = "feed"\nurl = "http://127.0.0.1:{port}/feed.xml"\n')


def test_a_limit_below_zero_is_refused_naming_the_option(tmp_path):
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(CONFIG.format(port=free_port()), encoding="utf-8")
    for value in ("-1", "1001"):
        res = CliRunner().invoke(main, ["--config", str(cfg), "--db", str(tmp_path / "m.db"),
                                        "test-source", "county", "--limit", value])
        assert res.exit_code == 2, (value, res.output)
        assert "--limit" in res.output and "0<=x<=1000" in res.output, res.output
        assert "GET http" not in res.output, res.output  # nothing fetched
