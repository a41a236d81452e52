"""Inputs nested deeper than any person writes (a query of 50,000 brackets, a config array nested
100,000 deep, a JSON line of nested arrays): each is a one-line error naming the input and the
fix, never Python's RecursionError, and an error never echoes a query of any length whole."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from monitor import querylang
from monitor.cli import main
from monitor.errors import ConfigError
from monitor.match import load_topics
from monitor.querylang import QueryError
from monitor.store import Store

DEEP = 100_000


def _one_error_line(result) -> str:
    assert "Traceback" not in result.output and "RecursionError" not in result.output
    assert result.output.startswith("error: ") and result.output.count("\n") == 1, result.output[:300]
    return result.output


@pytest.fixture
def run(tmp_path):
    cfg = tmp_path / "monitor.toml"
    cfg.write_text(f'include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "{(tmp_path / "m.db").as_posix()}"\n',
                   encoding="utf-8")
    Store.open(tmp_path / "m.db").close()  # searched, so there (a search never makes one)

    def invoke(*args, input=None):
        return CliRunner().invoke(main, ["--config", str(cfg), *args], input=input)
    return invoke


@pytest.mark.parametrize("query", ["沪明 " + "(" * 50_000 + "上海" + ")" * 50_000,
                                   "NOT " * 30_000 + "上海", "三明 " + "(" * 200])
def test_a_query_nested_past_the_limit_is_one_short_line(run, query):
    out = _one_error_line(run("search", "--", query))
    assert "nested" in out and len(out) < 300


def test_a_word_of_dashes_is_a_query_word_not_an_option(run):
    """Only `--name` reads as a mistyped option; `-----上海` is an exclusion, as `-上海` is."""
    result = run("search", "--", "-" * 5_000 + "上海")
    assert result.exit_code == 0 and "no such option" not in result.output, result.output[:200]
    assert run("search", "三明", "--limt", "1").output.startswith("error: search: no such option --limt")


def test_a_query_of_thousands_of_words_is_refused_in_one_line():
    with pytest.raises(QueryError, match="more than 256 words and phrases"):
        querylang.parse(" OR ".join(["上海"] * 3_000))
    assert querylang.parse(" OR ".join(["上海"] * 200)).terms()


def test_nesting_a_person_writes_still_parses():
    query = querylang.parse("(" * 20 + "沪明 OR 滬明" + ")" * 20 + " -三明治 NOT NOT 三明")
    assert query.accepts("沪明合作在三明", "") and not query.accepts("三明治", "")


def test_a_long_bad_query_is_echoed_shortened():
    with pytest.raises(QueryError) as err:
        querylang.parse("上海 " * 10_000 + '"open')
    assert len(str(err.value)) < 300 and "unclosed quote" in str(err.value)


def test_a_config_nested_too_deeply_is_a_config_error(run, tmp_path):
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * DEEP + "]" * DEEP + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(deep), "check-config"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert str(deep) in result.output and "nested too deeply" in result.output


def test_a_topic_file_nested_too_deeply_is_a_config_error(tmp_path):
    deep = tmp_path / "topics.toml"
    deep.write_text("[topics.t]\nrules = " + "[" * DEEP + "]" * DEEP + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="nested too deeply"):
        load_topics(deep)


def test_a_gazetteer_nested_too_deeply_is_a_config_error(tmp_path):
    (tmp_path / "places.toml").write_text("[places.x]\nnames = " + "[" * DEEP + "]" * DEEP + "\n", encoding="utf-8")
    topics = tmp_path / "topics.toml"
    topics.write_text('[topics.t]\ngazetteer = "places.toml"\n[[topics.t.rules]]\nname = "r"\nall = ["沪明"]\n',
                      encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_topics(topics)
    assert any("places.toml is not valid TOML: arrays or tables nested too deeply" in p for p in err.value.problems)


def test_a_json_line_nested_too_deeply_is_named_by_its_line(run, tmp_path):
    good = '{"title": "沪明对口合作", "body": "上海与三明签约。"}\n'
    result = run("match", "-", input=good + "[" * DEEP + "]" * DEEP + "\n")
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "line 2: not JSON (nested too deeply)" in result.output


@pytest.mark.parametrize("args", [["--since", "0001-01-01"], ["--until", "9999-12-31"], ["--since", "999999999d"],
                                  ["--until", "99999999999w"], ["--offset", "99999999999999999999"],
                                  ["--limit", "99999999999999999999"]])
def test_dates_and_counts_past_their_range_search_everything_or_nothing(run, args):
    """The year 1 or 9999 (a day past it overflows), durations longer than the calendar, offsets
    past a SQLite integer: "since forever", "until the end", an empty page; never an OverflowError."""
    good = '{"url": "https://sm.example.cn/1", "title": "沪明对口合作", "body": "上海与三明签约。"}\n'
    assert run("import", "-", input=good).exit_code == 0
    result = run("search", "沪明", "--format", "urls", *args)
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output[-300:]
    expected = "" if args[0] in ("--offset",) or args[1].endswith(("w",)) else "https://sm.example.cn/1\n"
    assert result.output == expected


def test_a_config_topic_or_gazetteer_file_larger_than_any_is_refused_unread(tmp_path, monkeypatch):
    """`include = ["/dev/zero"]` (or --config /dev/zero, a gazetteer naming it) read until memory
    ran out: a file past the cap is refused in one line, with at most the cap read."""
    from monitor import config
    from monitor.config import files
    from monitor.match import places

    monkeypatch.setattr(files, "MAX_FILE_BYTES", 2_000)
    monkeypatch.setattr(places, "MAX_FILE_BYTES", 2_000)
    big = tmp_path / "big.toml"
    big.write_text("# " + "沪明" * 2_000 + "\n", encoding="utf-8")
    main_file = tmp_path / "monitor.toml"
    main_file.write_text('include = ["big.toml"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        config.load(main_file)
    assert "big.toml: over 2,000 bytes, more than any config or topic file" in str(err.value.problems)
    topics = tmp_path / "topics.toml"
    topics.write_text('[topics.t]\ngazetteer = "big.toml"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_topics(topics)
    assert any("cannot read" in p and "more than any topic file" in p for p in err.value.problems)
    with pytest.raises(ConfigError, match="more than any topic file"):
        load_topics(big)
