"""`monitor search` that found nothing printed the table's header anyway: on a terminal an empty
boxed table under the query's title, piped a line of column names, then "nothing found". The web
page says "Nothing found" alone, and `--format json` writes `[]`. The table now says it in its one
line; an export keeps its form (JSON `[]`, CSV its header row, urls nothing), which a script reads.
An archive with no article yet says so, as the web page does; `digest --status` of an empty
outbox, which printed its header too, says it in its one line alone. A real SQLite file, the real CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from monitor.cli import main

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "{db}"\n'
ARTICLE = {"url": "https://sm.example.cn/a/1.html", "source": "sm", "title": "沪明对口合作推进会在三明召开",
           "published": "2026-11-20T09:00:00+08:00", "body": "上海市与三明市对口合作推进会20日在三明召开，两地签署协议。"}


@pytest.fixture
def cli(tmp_path):
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(CONFIG.format(db=(tmp_path / "m.db").as_posix()), encoding="utf-8")

    def run(*args, input=None):
        return CliRunner().invoke(main, ["--config", str(cfg), *args], input=input, catch_exceptions=False)

    return run


@pytest.mark.parametrize("terminal", [False, True])
def test_a_search_that_finds_nothing_prints_one_line_and_no_table(cli, monkeypatch, terminal):
    from monitor.commands import output

    assert cli("import", "-", input=json.dumps(ARTICLE, ensure_ascii=False) + "\n").exit_code == 0
    monkeypatch.setattr(output, "_tty", lambda: terminal)
    found = cli("search", "三明")
    assert found.exit_code == 0 and "snippet" in found.stdout and "推进会" in found.stdout  # the table when it finds
    for args in (["永安"], ["三明", "--offset", "5"]):
        none = cli("search", *args)
        assert none.exit_code == 0 and none.stdout == "", (args, none.stdout)
        assert none.stderr.startswith("nothing found") and len(none.stderr.splitlines()) == 1, none.stderr
    # the exports keep their form: a script reads an empty list, a spreadsheet the columns
    assert cli("search", "永安", "--format", "json").stdout == "[]\n"
    assert cli("search", "永安", "--format", "csv").stdout.startswith("id,title,url")
    assert cli("search", "永安", "--format", "urls").stdout == ""


def test_a_search_of_an_archive_with_no_article_yet_says_so(cli, tmp_path):
    from monitor.store import Store

    Store.open(tmp_path / "m.db").close()
    for args in (["三明"], []):
        none = cli("search", *args)
        assert none.exit_code == 0 and none.stdout == ""
        said = none.stderr.splitlines()
        assert said[0] == "nothing found" and "no articles yet" in said[1] and "monitor import" in said[1], said


def test_an_empty_outbox_is_one_line_without_the_tables_header(cli, tmp_path):
    from monitor.store import Store

    Store.open(tmp_path / "m.db").close()
    status = cli("digest", "--status")
    assert status.exit_code == 0 and status.stdout == ""
    assert status.stderr == "the outbox is empty: no digest has been sent yet\n"
