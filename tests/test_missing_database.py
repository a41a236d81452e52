"""Commands that read the archive, run against a database that is not there (a mistyped --db, a
volume not mounted, a cron job ahead of the first poll): each says so in one line and creates
nothing. Before, each made a new empty database (and its directories) and answered as if the
archive were empty: `feed` replaced a published feed with an empty one, `digest` sent nothing and
said all was well, `rematch` and `reindex` reported nothing to do."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.store import Store

CONFIG = '''include = ["monitor:topics/hu-ming.toml"]

[[sources]]
name = "county-news"
kind = "html"
url = "http://127.0.0.1:9/news/"
link_selector = "a.item"

[[subscribers]]
name = "office"
topics = ["hu-ming"]
[[subscribers.channels]]
kind = "webhook"
url = "http://127.0.0.1:9/hook"
'''


@pytest.fixture
def setup(tmp_path, monkeypatch):
    monkeypatch.delenv("MONITOR_DB", raising=False)
    monkeypatch.delenv("MONITOR_CONFIG", raising=False)
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(CONFIG, encoding="utf-8")
    return cfg, tmp_path / "dtaa" / "monitor.db"  # the typo's directory does not exist either


def _run(cfg, db, *args):
    return CliRunner().invoke(main, ["--config", str(cfg), "--db", str(db), *args])


@pytest.mark.parametrize("args", [
    ["feed", "--topic", "hu-ming"],
    ["digest"],
    ["digest", "--dry-run"],
    ["digest", "--status"],
    ["digest", "--mark-read"],
    ["rematch"],
    ["reindex"],
])
def test_a_command_reading_the_archive_refuses_a_database_that_is_not_there(setup, args):
    cfg, db = setup
    result = _run(cfg, db, *args)
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"error: no database at {db}"), result.output
    assert "--db" in result.output and "Traceback" not in result.output
    assert not db.parent.exists()


def test_feed_to_a_file_keeps_the_published_feed_when_the_database_is_not_there(setup, tmp_path):
    cfg, db = setup
    published = tmp_path / "hu-ming.xml"
    published.write_text("<feed>yesterday's stories</feed>", encoding="utf-8")
    result = _run(cfg, db, "feed", "--topic", "hu-ming", "--output", str(published))
    assert result.exit_code == 2 and "no database at" in result.output
    assert published.read_text(encoding="utf-8") == "<feed>yesterday's stories</feed>"


def test_sources_lists_the_config_without_making_a_database(setup):
    """Before the first poll a user lists what is configured: every source, never polled."""
    cfg, db = setup
    result = CliRunner().invoke(main, ["--config", str(cfg), "--db", str(db), "sources"],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "county-news" in result.output and "never" in result.output
    assert not db.parent.exists()


def test_health_of_a_database_that_is_not_there_is_unhealthy_and_says_why(setup):
    cfg, db = setup
    result = _run(cfg, db, "health")
    assert result.exit_code == 1, result.output
    assert f"no database at {db}" in result.output and "county-news" in result.output
    assert not db.parent.exists()


def test_the_same_commands_still_read_a_database_that_is_there(setup):
    cfg, db = setup
    db.parent.mkdir()
    store = Store.open(db)
    store.close()
    assert _run(cfg, db, "feed", "--topic", "hu-ming").exit_code == 0
    assert _run(cfg, db, "digest", "--status").exit_code == 0
    result = _run(cfg, db, "rematch")
    assert result.exit_code == 0 and "error" not in result.output, result.output
    assert "up to date" in _run(cfg, db, "reindex").output


def test_a_database_made_by_import_feeds_its_stories(setup, tmp_path):
    cfg, db = setup
    lines = tmp_path / "a.jsonl"
    lines.write_text(json.dumps({"url": "http://127.0.0.1:9/news/1.html", "title": "沪明合作签约",
                                 "body": "上海与三明签署对口合作协议，沪明合作进入新阶段。",
                                 "published": "2026-11-30T10:00:00+08:00"}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    made = _run(cfg, db, "import", str(lines))
    assert made.exit_code == 0, made.output
    result = _run(cfg, db, "feed", "--topic", "hu-ming")
    assert result.exit_code == 0 and "沪明合作签约" in result.output, result.output
