"""`monitor digest` (and `--dry-run`, `--mark-read`) on a config without [[subscribers]] (a new
install's first config, a table's header mistyped and deleted) said nothing at all and exited 0:
a digest run that found nothing new looked the same. It now says in one line that no subscriber
is configured and what to add; still exit 0 (nothing failed). `monitor sources` with no source
configured printed a table's header alone: one line too. A real SQLite file, the real CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from monitor.cli import main

ARTICLE = {"url": "https://sm.example.cn/a/1.html", "source": "sm", "title": "沪明对口合作推进会在三明召开",
           "body": "上海市与三明市对口合作推进会20日在三明召开，两地签署协议。"}


@pytest.mark.parametrize("args", [[], ["--dry-run"], ["--mark-read"]])
def test_a_digest_with_no_subscriber_configured_says_so(tmp_path, args):
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(f'include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "{(tmp_path / "m.db").as_posix()}"\n',
                   encoding="utf-8")

    def run(*more, input=None):
        return CliRunner().invoke(main, ["--config", str(cfg), *more], input=input, catch_exceptions=False)

    assert run("import", "-", input=json.dumps(ARTICLE, ensure_ascii=False) + "\n").exit_code == 0
    done = run("digest", *args)
    assert done.exit_code == 0 and done.stdout == ""
    said = done.stderr.splitlines()
    assert len(said) == 1 and said[0].startswith("no subscribers in the config: nothing to") and "[[subscribers]]" in said[0]


def test_sources_with_none_configured_says_so_without_a_tables_header(tmp_path):
    cfg = tmp_path / "monitor.toml"
    cfg.write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    done = CliRunner().invoke(main, ["--config", str(cfg), "--db", str(tmp_path / "m.db"), "sources"])
    assert done.exit_code == 0 and done.stdout == "", done.output
    assert done.stderr.startswith("no sources in the config (add a [[sources]] table")
