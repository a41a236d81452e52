"""A new user's config mistakes (session 38): TOML syntax errors said as the mistake made (a
full-width character a Chinese input method typed, a regular expression in "…", text without
quotes, a key given twice), a table written with the wrong number of brackets, and a time zone
written almost right. Each one line from the real `monitor check-config`, exit status 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from monitor import config
from monitor.errors import ConfigError

SRC = Path(__file__).resolve().parent.parent / "src"


def monitor(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("MONITOR_CONFIG", "MONITOR_DB")}
    environ.update(PYTHONPATH=str(SRC), MONITOR_CACHE_DIR=str(tmp_path / "cache"))
    return subprocess.run([sys.executable, "-m", "monitor", *args], cwd=tmp_path, env=environ,
                          capture_output=True, text=True, timeout=600)


def checked(tmp_path: Path, text: str) -> str:
    """check-config's one line for a config of `text`."""
    (tmp_path / "monitor.toml").write_text(text, encoding="utf-8")
    ran = monitor(tmp_path, "--config", "monitor.toml", "check-config", "--no-secrets")
    assert ran.returncode == 2 and "Traceback" not in ran.stderr, (ran.returncode, ran.stderr)
    lines = ran.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def syntax_hint(tmp_path: Path, text: str) -> str:
    path = tmp_path / "monitor.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        config.load(path)
    assert "not valid TOML" in err.value.message and (err.value.hint or "").startswith("fix the syntax at that line")
    return f"{err.value.message} ({err.value.hint})"


SOURCE = '[[sources]]\nname = "sm"\nkind = "feed"\nurl = "https://www.example.cn/rss.xml"\n'


@pytest.mark.parametrize(("line", "char", "ascii_"), [
    ('name ＝ "三明新闻"', "＝", "the ASCII '='"),              # a full-width equals sign
    ("name = “三明新闻”", "“", "the ASCII '\"'"),             # Chinese quotation marks
    ('topics = ["hu-ming"，"other"]', "，", "the ASCII ','"),   # a full-width comma in a list
    ('name：  "三明新闻"', "：", "the ASCII '='"),             # a colon typed for =, full width
    ('name\u3000= "三明新闻"', "U+3000", "a space"),            # an ideographic space
])
def test_a_full_width_character_is_named_with_the_ascii_one_toml_needs(tmp_path, line, char, ascii_):
    said = syntax_hint(tmp_path, f"[[sources]]\n{line}\n")
    assert "at line 2" in said and char in said and f"TOML needs {ascii_}" in said and "full-width" in said, said


def test_a_full_width_bracket_in_a_header_is_named(tmp_path):
    said = checked(tmp_path, SOURCE.replace("[[sources]]", "［［sources］］"))
    assert "at line 1" in said and "'［'" in said and "TOML needs the ASCII '['" in said, said


def test_a_regular_expression_in_double_quotes_says_to_use_single_quotes(tmp_path):
    said = checked(tmp_path, SOURCE + 'link_pattern = "/t\\d{8}_\\d+\\.htm$"\n')
    assert "at line 5" in said and "single quotes" in said and "regular expression" in said, said


def test_text_without_quotes_is_shown_quoted(tmp_path):
    said = syntax_hint(tmp_path, SOURCE.replace('name = "sm"', "name = 三明新闻"))
    assert 'text goes in quotes: name = "三明新闻"' in said, said


@pytest.mark.parametrize("value", ["yes", "True", "off"])
def test_a_switch_written_another_way_is_shown_as_toml_writes_it(tmp_path, value):
    said = syntax_hint(tmp_path, SOURCE + f"enabled = {value}\n")
    want = "false" if value == "off" else "true"
    assert f"lower case, without quotes: enabled = {want})" in said, said


def test_a_string_left_open_is_said_so(tmp_path):
    said = syntax_hint(tmp_path, SOURCE.replace('name = "sm"', 'name = "三明新闻'))
    assert "at line 2" in said and "not closed" in said, said


def test_a_string_of_several_lines_left_open_names_its_line_not_the_end_of_the_document(tmp_path):
    said = syntax_hint(tmp_path, SOURCE + 'note = """第一行\n第二行\n')
    assert "at end of document" not in said and "(at line 5)" in said and "not closed" in said, said


def test_a_key_given_twice_is_named(tmp_path):
    said = checked(tmp_path, SOURCE + 'url = "https://www.example.cn/other.xml"\n')
    assert "at line 5" in said and "url is given twice in one table: keep one" in said, said


def test_a_key_given_twice_at_the_end_of_the_file_names_its_line(tmp_path):
    """tomllib says "at end of document" when the file ends on the repeated key's line."""
    said = syntax_hint(tmp_path, SOURCE + 'url = "https://www.example.cn/other.xml"')
    assert "at end of document" not in said and "(at line 5)" in said and "url is given twice" in said, said


def test_a_table_declared_twice_says_merge_them(tmp_path):
    said = syntax_hint(tmp_path, '[storage]\npath = "a.db"\n[storage]\npath = "b.db"\n')
    assert "declared twice: merge the two" in said, said


def test_a_mistake_with_no_telling_kind_keeps_the_plain_hint(tmp_path):
    said = syntax_hint(tmp_path, "[storage\npath = 1\n")
    assert said.endswith("(fix the syntax at that line)"), said


def test_a_topic_file_names_the_mistake_too(tmp_path):
    (tmp_path / "topics.toml").write_text('[topics.hm]\nall = [“沪明”]\n', encoding="utf-8")
    said = checked(tmp_path, 'include = ["topics.toml"]\n')
    assert "topics.toml: not valid TOML" in said and "'“'" in said and "full-width" in said, said


# --- a table written with the wrong number of brackets ---------------------------------------


TOPICS = 'include = ["monitor:topics/hu-ming.toml"]\n'
SUBSCRIBER = '[[subscribers]]\nname = "office"\ntopics = ["hu-ming"]\nschedule = "0 8 * * *"\n'
CHANNEL = '[[subscribers.channels]]\nkind = "file"\npath = "digests/{date}.md"\n'


@pytest.mark.parametrize(("text", "key", "header"), [
    (TOPICS + SOURCE.replace("[[sources]]", "[sources]"), "sources", "sources"),
    (TOPICS + SUBSCRIBER.replace("[[", "[").replace("]]", "]") + CHANNEL, "subscribers", "subscribers"),
    (TOPICS + SUBSCRIBER + CHANNEL.replace("[[", "[").replace("]]", "]"), "subscribers.office.channels",
     "subscribers.channels"),
])
def test_a_list_of_tables_written_with_one_pair_of_brackets_says_two(tmp_path, text, key, header):
    said = checked(tmp_path, text)
    assert f"{key}: expected a list of tables, got one table" in said, said
    assert f"[[{header}]], two pairs of brackets" in said and "[\"a\", \"b\"]" not in said, said


def test_a_table_written_with_two_pairs_of_brackets_names_the_header_as_the_file_writes_it(tmp_path):
    """The hint said [sources.sm.extract] (the source's name in the key shown), a header TOML reads
    as another table: the file writes [sources.extract] under its [[sources]]."""
    said = checked(tmp_path, TOPICS + SOURCE.replace("feed", "html") + 'link_selector = "a"\n'
                   + '[[sources.extract]]\ntitle = "h1"\n')
    assert "sources.sm.extract: expected one table, got a list of them" in said, said
    assert "write its header [sources.extract], one pair of brackets" in said and "[sources.sm." not in said, said


def test_a_table_given_a_value_names_its_header_as_written(tmp_path):
    said = checked(tmp_path, TOPICS + SOURCE.replace("feed", "html") + 'link_selector = "a"\nextract = "h1"\n')
    assert "sources.sm.extract: expected a table, got 'h1' (write it as [sources.extract] or { ... })" in said, said


def test_one_topic_not_in_brackets_is_shown_in_them(tmp_path):
    said = checked(tmp_path, TOPICS + SUBSCRIBER.replace('["hu-ming"]', '"hu-ming"') + CHANNEL)
    assert said.endswith("""subscribers.office.topics: expected a list, got 'hu-ming' """
                         """(put it in brackets, even alone: topics = ["hu-ming"])"""), said


def test_a_config_written_right_is_still_ok(tmp_path):
    (tmp_path / "monitor.toml").write_text(TOPICS + SOURCE.replace("feed", "html") + 'link_selector = "a"\n'
                                           + '[sources.extract]\ntitle = "h1"\n' + SUBSCRIBER + CHANNEL,
                                           encoding="utf-8")
    ran = monitor(tmp_path, "--config", "monitor.toml", "check-config", "--no-secrets")
    assert ran.returncode == 0 and ": ok: 1 source, 1 topic, 1 subscriber" in ran.stdout, (ran.stdout, ran.stderr)


# --- a time zone written almost right ----------------------------------------------------------


@pytest.mark.parametrize(("zone", "hint"), [
    ("asia/shanghai", 'did you mean "Asia/Shanghai"?'),
    ("Asia/Shanghia", 'did you mean "Asia/Shanghai"?'),
    ("America/NewYork", 'did you mean "America/New_York"?'),
    ("Beijing", 'China\'s time (UTC+8) is "Asia/Shanghai"'),
    ("北京时间", 'China\'s time (UTC+8) is "Asia/Shanghai"'),
    ("UTC+8", 'a fixed offset of UTC+8 is "Etc/GMT-8", the sign reversed'),
    ("GMT-05:00", 'a fixed offset of UTC-5 is "Etc/GMT+5", the sign reversed'),
])
def test_a_timezone_written_almost_right_names_the_one_meant(tmp_path, zone, hint):
    said = checked(tmp_path, f'[schedule]\ntimezone = "{zone}"\n')
    assert f"schedule.timezone: unknown timezone '{zone}'" in said and hint in said, said


def test_an_unknown_timezone_unlike_any_keeps_the_plain_hint(tmp_path):
    said = checked(tmp_path, '[schedule]\ntimezone = "Mars/Olympus_Mons"\n')
    assert said.endswith("""unknown timezone 'Mars/Olympus_Mons' (an IANA name such as "Asia/Shanghai")"""), said


def test_an_etc_gmt_plus_zone_is_warned_as_behind_utc_and_still_ok(tmp_path):
    """"Etc/GMT+8" is UTC-8 (the tz database reverses the sign): written for Beijing time, every
    digest goes 16 hours off and zoneless feed dates are read 16 hours wrong. A warning, never a
    refusal: a zone west of UTC may be meant."""
    (tmp_path / "monitor.toml").write_text(
        TOPICS + '[schedule]\ntimezone = "Etc/GMT+8"\n' + SOURCE + 'date_tz = "Etc/GMT+8"\n'
        + SOURCE.replace('"sm"', '"east"') + 'date_tz = "Etc/GMT-8"\n', encoding="utf-8")
    ran = monitor(tmp_path, "--config", "monitor.toml", "check-config", "--no-secrets")
    assert ran.returncode == 0 and ": ok: 2 sources" in ran.stdout and "Traceback" not in ran.stderr, ran.stderr
    warned = ran.stderr.strip().splitlines()
    assert len(warned) == 2, warned  # the east source's Etc/GMT-8 is UTC+8 as written: nothing said
    for line, key in zip(warned, ("schedule.timezone", "sources.sm.date_tz"), strict=True):
        assert line.startswith(f"warning: monitor.toml: {key}: 'Etc/GMT+8' is UTC-8, 8 hours behind UTC"), line
        assert 'write "Etc/GMT-8" for UTC+8, or "Asia/Shanghai" for China\'s time' in line, line


def test_allow_private_written_as_a_switch_says_to_list_the_addresses(tmp_path):
    """`allow_private = true` (a natural guess) was "expected a list, got True (["a", "b"])"."""
    said = checked(tmp_path, TOPICS + "[fetch]\nallow_private = true\n" + SOURCE)
    assert said.endswith('fetch.allow_private: expected a list, got True (the private addresses to fetch, listed: '
                         'e.g. ["127.0.0.1:8080", "10.20.0.0/16", "intranet.lan"])'), said


def test_an_email_channel_to_of_no_address_says_what_goes_there(tmp_path):
    said = checked(tmp_path, TOPICS + SUBSCRIBER + '[[subscribers.channels]]\nkind = "email"\nto = 5\n'
                   'from = "m@example.org"\nsmtp_host = "smtp.example.org"\n')
    assert said.endswith("""channels[0].to: expected a list, got 5 (addresses, e.g. ["office@example.org"])"""), said
