"""Config: TOML → dataclasses, every problem reported as `file: key: problem (hint)`."""

from __future__ import annotations

import json
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
    assert f"{path}: sources.feed-a.kind: unknown kind 'rss' (use one of: feed, html, sitemap, json-api, search)" in problems
    assert f"{path}: fetch.min_dealy: unknown key" in text
    assert "sources.list-b.link_selector: missing" in text
    assert "not an email address: 'not-an-address'" in text
    assert len(problems) == 4


@pytest.mark.parametrize("sender", ["Monitor <m@example.org>", '"Sanming Desk" <m@example.org>',
                                    "监测 <m@example.org>", "m@example.org"])
def test_an_address_with_a_display_name_is_an_address(tmp_path, sender):
    text = GOOD.replace('from = "m@example.org"', f"from = {json.dumps(sender, ensure_ascii=False)}")
    text = text.replace('to = ["a@example.org"]', 'to = ["Office <a@example.org>"]')
    channel = config.load(write(tmp_path, text)).subscribers[0].channels[0]
    assert (channel.sender, channel.to) == (sender, ("Office <a@example.org>",))


@pytest.mark.parametrize("entry", ["a@example.org, b@example.org", "a@example.org; b@example.org",
                                   "Office <a@example.org", "Office <>", "Office"])
def test_an_entry_of_two_addresses_or_a_broken_one_is_refused(tmp_path, entry):
    text = GOOD.replace('to = ["a@example.org"]', f"to = [{json.dumps(entry)}]")
    with pytest.raises(ConfigError) as err:
        config.load(write(tmp_path, text))
    assert f"not an email address: {entry!r}" in str(err.value) or "one address" in str(err.value)


def test_unknown_topic_in_subscriber_is_named(tmp_path):
    path = write(tmp_path, GOOD.replace('topics = ["hu-ming"]', 'topics = ["hu-ming", "nope"]'))
    with pytest.raises(ConfigError) as err:
        config.load(path)
    assert "subscribers.office.topics: unknown topic 'nope'" in str(err.value)


def test_broken_toml_names_the_file(tmp_path):
    path = write(tmp_path, "[storage\npath = 1")
    with pytest.raises(ConfigError, match="not valid TOML"):
        config.load(path)


def test_parsed_toml_is_cached_by_the_files_bytes_and_still_validated(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_CACHE_DIR", str(tmp_path / "cache"))
    path = write(tmp_path, GOOD)
    assert [s.name for s in config.load(path).sources] == ["feed-a", "list-b"]
    cached = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert len(cached) == 2 and all(p.startswith("toml-") for p in cached)  # the file and its include
    assert [s.name for s in config.load(path).sources] == ["feed-a", "list-b"]  # read back from the cache
    path.write_text(GOOD.replace('"feed-a"', '"feed-c"'), encoding="utf-8")
    assert [s.name for s in config.load(path).sources] == ["feed-c", "list-b"]  # other bytes: parsed again
    path.write_text(GOOD.replace('interval = "15m"', 'interval = "15 minutes"'), encoding="utf-8")
    with pytest.raises(ConfigError, match="interval"):
        config.load(path)
    with pytest.raises(ConfigError, match="interval"):
        config.load(path)  # a cached parse is validated as a fresh one
    path.write_text("when = 2026-01-01\n" + GOOD, encoding="utf-8")  # a date: marshal cannot hold it
    with pytest.raises(ConfigError, match="when"):
        config.load(path)
    path.write_bytes(GOOD.encode("gb18030").replace(b'"x.db"', "\"数据.db\"".encode("gb18030")))
    with pytest.raises(ConfigError, match="not UTF-8"):
        config.load(path)


def test_cached_parses_are_bounded_per_kind(tmp_path, monkeypatch):
    from monitor import tablecache

    monkeypatch.setenv("MONITOR_CACHE_DIR", str(tmp_path))
    (tmp_path / "textnorm-table-0123456789abcdef0123.marshal").write_bytes(b"N")  # another kind: kept
    for i in range(7):
        assert tablecache.load_or_build("textnorm", [bytes([i])], lambda i=i: [i], keep=3) == [i]
    left = sorted(p.name for p in tmp_path.iterdir())
    assert len(left) == 4 and "textnorm-table-0123456789abcdef0123.marshal" in left
    assert [tablecache.load_or_build("textnorm", [bytes([i])], lambda: None, keep=3) for i in (4, 5, 6)] == [[4], [5], [6]]


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
                                                                  "sources.list-b.extract.remove[1]"]


# ---- issue 7: strict types, real parsers, one line per bad value, secrets ------------------

BAD_VALUES = [
    ('schedule = "0 8 * * *"', 'schedule = "61 25 * * *"', "subscribers.office.schedule: not a valid cron expression"),
    ('schedule = "0 8 * * *"', 'schedule = "0 8 * *"', "subscribers.office.schedule: not a valid cron expression"),
    ('interval = "15m"', 'interval = "15m"\nenabled = "no"', "sources.feed-a.enabled: expected bool, got 'no'"),
    ('schedule = "0 8 * * *"', 'schedule = "0 8 * * *"\nmax_stories = "lots"',
     "subscribers.office.max_stories: expected int, got 'lots'"),
    ("[fetch]", '[schedule]\ntimezone = "Mars/Olympus_Mons"\n[fetch]', "schedule.timezone: unknown timezone"),
    ('password_env = "SMTP_PW"', 'password_env = "SMTP_PW"\nsmtp_port = "587"',
     "subscribers.office.channels[0].smtp_port: expected int, got '587'"),
    ('password_env = "SMTP_PW"', 'password_env = "SMTP_PW"\nsmtp_port = 70000',
     "subscribers.office.channels[0].smtp_port: 70000 is more than the most allowed, 65535"),
    ("min_delay = 0.5", "min_delay = 0.5\nretries = 1.5", "fetch.retries: expected int, got 1.5"),
    ("min_delay = 0.5", "min_delay = 0.5\nrespect_robots = 1", "fetch.respect_robots: expected bool, got 1"),
    ('interval = "15m"', 'interval = "soon"', "sources.feed-a.interval: 'soon' is not a duration"),
    ('kind = "feed"', 'kind = "feed"\nlink_pattern = "t(\\\\d+"', "sources.feed-a.link_pattern: bad regular expression"),
    ('password_env = "SMTP_PW"', 'password_env = "my password"', "password_env: not an environment variable name"),
    # `inf` is valid TOML: a delay, a timeout or an interval without end stalls a host or a schedule
    ("min_delay = 0.5", "min_delay = inf", "fetch.min_delay: inf is more than the most allowed, 1d"),
    ("min_delay = 0.5", "min_delay = 0.5\ntimeout = 1e300", "fetch.timeout: 1e+300 is more than the most allowed, 1d"),
    ('interval = "15m"', "interval = inf", "sources.feed-a.interval: inf is more than the most allowed, 366d"),
    ('interval = "15m"', 'interval = "15m"\nmax_age_days = inf', "sources.feed-a.max_age_days: inf is more than the most allowed, 36500"),
    # a bound in the value's own terms: 366d and 1d, not 31622400.0 and 86400.0 (what msgspec checked)
    ('interval = "15m"', 'interval = "400d"', "sources.feed-a.interval: '400d' is more than the most allowed, 366d"),
    ("min_delay = 0.5", 'min_delay = 0.5\ntimeout = "400d"', "fetch.timeout: '400d' is more than the most allowed, 1d"),
    ("min_delay = 0.5", "min_delay = -1", "fetch.min_delay: -1 is less than the least allowed, 0"),
]


def test_seconds_may_be_written_as_a_duration(tmp_path):
    # `timeout = "30s"` was refused as "expected float, got '30s'" though every other time in the file is a duration
    path = tmp_path / "monitor.toml"
    path.write_text(GOOD.replace("min_delay = 0.5", 'min_delay = "500ms"'), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"fetch\.min_delay: '500ms' is not a duration"):
        config.load(path)
    path.write_text(GOOD.replace("min_delay = 0.5", 'min_delay = "2s"\ntimeout = "1m"'), encoding="utf-8")
    cfg = config.load(path)
    assert (cfg.fetch.min_delay, cfg.fetch.timeout) == (2.0, 60.0)


@pytest.mark.parametrize("old,new,expected", BAD_VALUES)
def test_each_bad_value_is_one_line_naming_file_and_key(tmp_path, old, new, expected):
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(ConfigError) as err:
        config.load(path)
    assert len(err.value.problems) == 1, err.value.problems
    line = err.value.problems[0]
    assert line.startswith(f"{path}: ") and expected in line and "\n" not in line
    assert line.endswith(")"), "every problem carries a hint"


def test_every_problem_in_a_file_is_listed_at_once(tmp_path):
    bad = (GOOD.replace("[fetch]", '[schedule]\ntimezone = "Mars/Olympus_Mons"\n[fetch]')
           .replace('interval = "15m"', 'interval = "15m"\nenabled = "no"')
           .replace('schedule = "0 8 * * *"', 'schedule = "61 25 * * *"\nmax_stories = "lots"')
           .replace('password_env = "SMTP_PW"', 'password_env = "SMTP_PW"\nsmtp_port = "587"'))
    with pytest.raises(ConfigError) as err:
        config.load(write(tmp_path, bad))
    keys = [p.split(": ")[1] for p in err.value.problems]
    assert keys == ["schedule.timezone", "sources.feed-a.enabled", "subscribers.office.schedule",
                    "subscribers.office.max_stories", "subscribers.office.channels[0].smtp_port"]


def test_strict_good_values_still_load(tmp_path):
    text = GOOD.replace('schedule = "0 8 * * *"', 'schedule = "*/15 8-18 * * mon-fri"\nmax_stories = 20')
    text = text.replace('interval = "15m"', 'interval = 600\nenabled = false').replace("min_delay = 0.5", "min_delay = 1")
    cfg = config.load(write(tmp_path, text))
    assert cfg.subscribers[0].schedule == "*/15 8-18 * * mon-fri" and cfg.subscribers[0].max_stories == 20
    assert cfg.sources[0].interval == 600.0 and cfg.sources[0].enabled is False
    assert cfg.fetch.min_delay == 1.0 and cfg.subscribers[0].channels[0].smtp_port == 25
    assert cfg.timezone == "Asia/Shanghai" and cfg.jitter == 60.0


def test_unknown_key_suggests_the_near_one(tmp_path):
    with pytest.raises(ConfigError) as err:
        config.load(write(tmp_path, GOOD.replace('interval = "15m"', 'intervall = "15m"')))
    assert "sources.feed-a.intervall: unknown key (did you mean interval?" in err.value.problems[0]


def test_config_objects_are_frozen(tmp_path):
    cfg = config.load(write(tmp_path, GOOD))
    with pytest.raises(AttributeError):
        cfg.sources[0].url = "https://elsewhere.example/"


def test_common_cron_shortcut_never_accepts_what_apscheduler_rejects():
    from monitor import crontab
    from monitor.config import checks

    exprs = ["0 8 * * *", "30 8,17 * * *", "0 0 1 1 0", "59 23 31 12 6", "60 8 * * *", "0 24 * * *",
             "0 8 0 * *", "0 8 * 13 *", "0 8 * * 7", "5-3 * * * *", "0-59 0-23 1-31 1-12 0-6", "1,2,3 4 5 6 0"]
    for expr in exprs:
        if checks._plainly_valid(expr):
            crontab.trigger(expr, "UTC")  # must not raise
        with pytest.raises(checks.Invalid) if not _apscheduler_ok(expr) else _nothing():
            checks.cron(expr)


def _apscheduler_ok(expr: str) -> bool:
    from monitor import crontab

    try:
        crontab.trigger(expr, "UTC")
        return True
    except ValueError:
        return False


def _nothing():
    import contextlib

    return contextlib.nullcontext()


def test_missing_secrets_are_listed_by_key(tmp_path):
    cfg = config.load(write(tmp_path, GOOD))
    assert config.missing_secrets(cfg, {}) == [
        f"{cfg.path}: subscribers.office.channels[0].password_env: environment variable SMTP_PW is not set "
        "(export SMTP_PW before starting monitor)"]
    assert config.missing_secrets(cfg, {"SMTP_PW": "x"}) == []


def test_check_config_and_run_refuse_unset_secrets(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from monitor.cli import main

    path = write(tmp_path, GOOD.replace('path = "x.db"', f'path = "{(tmp_path / "x.db").as_posix()}"'))
    monkeypatch.delenv("SMTP_PW", raising=False)
    checked = CliRunner().invoke(main, ["--config", str(path), "check-config"])
    assert checked.exit_code == 2
    assert checked.output.strip().splitlines() == [
        f"{path}: subscribers.office.channels[0].password_env: environment variable SMTP_PW is not set "
        "(export SMTP_PW before starting monitor)"]
    assert CliRunner().invoke(main, ["--config", str(path), "check-config", "--no-secrets"]).exit_code == 0
    ran = CliRunner().invoke(main, ["--config", str(path), "run", "--once"])
    assert ran.exit_code == 2 and len(ran.output.strip().splitlines()) == 1
    assert "SMTP_PW is not set" in ran.output and "Traceback" not in ran.output
    assert not (tmp_path / "x.db").exists(), "the daemon refused before opening anything"
    monkeypatch.setenv("SMTP_PW", "secret")
    assert CliRunner().invoke(main, ["--config", str(path), "check-config"]).exit_code == 0


@pytest.mark.parametrize("old,new,expected", BAD_VALUES[:6])
def test_check_config_exits_2_with_one_line_per_bad_value(tmp_path, old, new, expected):
    from click.testing import CliRunner

    from monitor.cli import main

    path = write(tmp_path, GOOD.replace(old, new, 1))
    result = CliRunner().invoke(main, ["--config", str(path), "check-config", "--no-secrets"])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert expected in result.output and "Traceback" not in result.output


def test_plain_selector_shortcut_never_accepts_what_lexbor_rejects():
    import itertools

    from selectolax.lexbor import LexborHTMLParser

    from monitor.config import checks

    parts = ["a", "ul.list", "#news", "div.TRS_Editor", "a[href]", "a[href^='/x']", '[data-id="7"]', "*", ".a.b",
             "li:first-child", "a[", "..x", "h1#", "[x=]", "p>", "", "9a", "a[href~=y]"]
    joins = [" ", " > ", "+", " ~ ", ", ", ">>"]
    tried = 0
    for left, join, right in itertools.product(parts, joins, parts):
        css = f"{left}{join}{right}"
        if checks._PLAIN_SELECTOR.match(css):
            tried += 1
            LexborHTMLParser("<p></p>").css(css)  # must not raise
    assert tried > 200


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_config_saved_by_windows_notepad_loads(tmp_path, encoding):
    """Notepad saves UTF-8 with a byte-order mark (older versions) or "Unicode" (UTF-16 with one),
    with CRLF line ends: the BOM read as a character made line 1 "not valid TOML", UTF-16 "not
    UTF-8 at byte 0". Both are Unicode with a mark saying so, and read as such."""
    path = tmp_path / "monitor.toml"
    text = GOOD.replace("\n", "\r\n").replace('"feed-a"', '"三明日报"')
    path.write_bytes(text.encode(encoding))
    assert config.load(path).sources[0].name == "三明日报"
    from importlib.resources import files

    topic = tmp_path / "topic.toml"  # an included topic file saved the same way
    topic.write_bytes((files("monitor") / "data" / "topics" / "hu-ming.toml").read_text(encoding="utf-8")
                      .encode(encoding))
    path.write_bytes(text.replace("monitor:topics/hu-ming.toml", topic.as_posix()).encode(encoding))
    assert "hu-ming" in config.load(path).topics


@pytest.mark.parametrize("url, said", [("http://[::1/feed", "Invalid IPv6 URL"), ("http://:80/feed", "no host"),
                                       ("http://x.example.cn:99999/feed", "out of range"),
                                       ("http://x.example.cn:8o/feed", "not a valid URL"),
                                       ("http://x.example.cn:0/feed", "port 0")])
def test_a_url_no_poll_can_fetch_is_refused_by_the_config_check(tmp_path, url, said):
    # check-config said ok and every poll failed with 'not a valid URL (a broken link)'
    path = write(tmp_path, GOOD.replace('url = "https://example.cn/rss.xml"', f"url = {json.dumps(url)}"))
    with pytest.raises(ConfigError) as err:
        config.load(path)
    assert f"url: not a valid URL: {url!r}" in str(err.value) and said in str(err.value), str(err.value)


def test_urls_with_ports_ipv6_and_chinese_hosts_stay_valid(tmp_path):
    for url in ("http://[::1]:8080/feed", "https://www.example.cn:8443/a?b=1#c", "http://三明.中国/新闻/"):
        path = write(tmp_path, GOOD.replace('url = "https://example.cn/rss.xml"', f"url = {json.dumps(url)}"))
        assert config.load(path).sources[0].url == url


@pytest.mark.parametrize("written", ["Hunter2secret", "s3cret pass!"])
def test_a_secret_written_where_its_variables_name_goes_is_never_printed(tmp_path, monkeypatch, written):
    """`password_env = "<the password itself>"`: check-config and run printed it in their one line
    ("environment variable Hunter2secret is not set", "not an environment variable name: 's3cret
    pass!'"). A name not in the upper-case form of variables is now not shown, and the line says why."""
    from click.testing import CliRunner

    from monitor.cli import main

    path = write(tmp_path, GOOD.replace('path = "x.db"', f'path = "{(tmp_path / "x.db").as_posix()}"')
                 .replace('password_env = "SMTP_PW"', f'password_env = "{written}"'))
    monkeypatch.delenv(written, raising=False)
    for args in (["check-config"], ["run", "--once"]):
        out = CliRunner().invoke(main, ["--config", str(path), *args])
        assert out.exit_code == 2 and written not in out.output, out.output
        assert "password_env" in out.output and "may be the secret itself" in out.output, out.output
        assert "Traceback" not in out.output
