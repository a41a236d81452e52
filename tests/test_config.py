"""Config: TOML → dataclasses, every problem reported as `file: key: problem (hint)`."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor import config
from monitor.errors import ConfigError

GOOD = """
include = ["monitor:topics/hu-ming.toml"]
[storage]
path = "x.db"
[fetch]
min_delay = 0.5
[[sources]]
name = "feed-a"
kind = "feed"
url = "https://example.cn/rss.xml"
interval = "15m"
[[sources]]
name = "list-b"
kind = "html"
url = "https://example.cn/list/"
link_selector = "ul.news a"
[sources.extract]
title = "h1.title"
[[subscribers]]
name = "office"
topics = ["hu-ming"]
schedule = "0 8 * * *"
[[subscribers.channels]]
kind = "email"
to = ["a@example.org"]
from = "m@example.org"
password_env = "SMTP_PW"
"""


def write(tmp_path: Path, text: str, name: str = "monitor.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_config_loads_into_dataclasses(tmp_path):
    cfg = config.load(write(tmp_path, GOOD))
    assert [s.name for s in cfg.sources] == ["feed-a", "list-b"]
    assert cfg.sources[0].interval == 900
    assert cfg.sources[1].extract.title == "h1.title"
    assert cfg.fetch.min_delay == 0.5
    assert "hu-ming" in cfg.topics
    assert cfg.subscribers[0].channels[0].password_env == "SMTP_PW"
    assert cfg.db_path == Path("x.db")


def test_db_override_wins(tmp_path):
    cfg = config.load(write(tmp_path, GOOD), db_override=tmp_path / "other.db")
    assert cfg.db_path == tmp_path / "other.db"


def test_every_problem_is_listed_with_file_key_and_hint(tmp_path):
    bad = GOOD.replace('kind = "feed"', 'kind = "rss"').replace('min_delay = 0.5', 'min_dealy = 0.5')
    bad = bad.replace('link_selector = "ul.news a"', '').replace('to = ["a@example.org"]', 'to = ["not-an-address"]')
    path = write(tmp_path, bad)
    with pytest.raises(ConfigError) as err:
        config.load(path)
    problems = err.value.problems
    text = "\n".join(problems)
    assert f"{path}: sources.feed-a.kind: unknown kind 'rss' (use one of: feed, html)" in problems
    assert f"{path}: fetch.min_dealy: unknown key" in text
    assert "sources.list-b.link_selector: missing" in text
    assert "not an email address: 'not-an-address'" in text
    assert len(problems) == 4


def test_unknown_topic_in_subscriber_is_named(tmp_path):
    path = write(tmp_path, GOOD.replace('topics = ["hu-ming"]', 'topics = ["hu-ming", "nope"]'))
    with pytest.raises(ConfigError) as err:
        config.load(path)
    assert "subscribers.office.topics: unknown topic 'nope'" in str(err.value)


def test_broken_toml_names_the_file(tmp_path):
    path = write(tmp_path, "[storage\npath = 1")
    with pytest.raises(ConfigError, match="not valid TOML"):
        config.load(path)


def test_missing_file_has_a_hint(tmp_path):
    with pytest.raises(ConfigError) as err:
        config.load(tmp_path / "absent.toml")
    assert "file not found" in str(err.value) and "--config" in str(err.value)


def test_relative_include_and_duplicate_source_names(tmp_path):
    (tmp_path / "more.toml").write_text('[[sources]]\nname = "feed-a"\nkind = "feed"\nurl = "https://x.cn/f"\n',
                                        encoding="utf-8")
    path = write(tmp_path, 'include = ["monitor:topics/hu-ming.toml", "more.toml"]\n' + GOOD.split("\n", 2)[2])
    with pytest.raises(ConfigError, match="duplicate source name"):
        config.load(path)


def test_durations():
    assert config.parse_duration("90s") == 90
    assert config.parse_duration("2h") == 7200
    assert config.parse_duration(30) == 30
    with pytest.raises(ValueError):
        config.parse_duration("soon")


def test_shipped_config_is_valid():
    root = Path(__file__).resolve().parent.parent
    cfg = config.load(root / "config" / "monitor.toml")
    assert len(cfg.sources) >= 6 and "hu-ming" in cfg.topics


def test_bad_css_selectors_are_named(tmp_path):
    path = write(tmp_path, GOOD.replace('link_selector = "ul.news a"', 'link_selector = "ul..news a["')
                 .replace('title = "h1.title"', 'title = "h1.title"\nremove = ["div.ok", ">>>"]'))
    with pytest.raises(ConfigError) as err:
        config.load(path)
    assert [p.split(": ", 2)[1] for p in err.value.problems] == ["sources.list-b.link_selector",
                                                                  "sources.list-b.extract.remove"]
