"""`--since` / `--until` as the office writes them: a Chinese unit (`3天`, `12小时`, `6个月`, `1年`),
a month or a year as a duration (`6mo`, `1y`), and a named day or period (`today`, `昨天`, `本周`,
`上月`, `去年`). Each was refused with "neither a duration nor a date", so a colleague typing
`--since 昨天` had to learn the ISO form first. A period runs from its first moment (`--since`) to
its end (`--until` includes all of it), in Asia/Shanghai, as written dates already do."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.errors import InputError
from monitor.store import Store
from monitor.timespec import SHANGHAI, parse_since, parse_until

# a Wednesday, 10:30 in Shanghai
NOW = datetime(2026, 12, 2, 10, 30, tzinfo=SHANGHAI).astimezone(timezone.utc)


def sh(*args: int) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI).astimezone(timezone.utc)


@pytest.mark.parametrize(("text", "ago"), [
    ("3天", timedelta(days=3)), ("3 天", timedelta(days=3)), ("12小时", timedelta(hours=12)),
    ("30分钟", timedelta(minutes=30)), ("2周", timedelta(weeks=2)), ("2星期", timedelta(weeks=2)),
    ("45秒", timedelta(seconds=45)), ("3日", timedelta(days=3)),
])
def test_chinese_units(text, ago):
    assert parse_since(text, now=NOW) == NOW - ago
    assert parse_until(text, now=NOW) == NOW - ago


@pytest.mark.parametrize(("text", "when"), [
    ("6个月", sh(2026, 6, 2, 10, 30)), ("6mo", sh(2026, 6, 2, 10, 30)), ("1年", sh(2025, 12, 2, 10, 30)),
    ("1y", sh(2025, 12, 2, 10, 30)), ("2 months", sh(2026, 10, 2, 10, 30)), ("1 year", sh(2025, 12, 2, 10, 30)),
    ("10个月", sh(2026, 2, 2, 10, 30)),
])
def test_months_and_years_are_calendar_ones(text, when):
    assert parse_since(text, now=NOW) == when


def test_a_month_back_from_the_31st_ends_on_the_last_day():
    now = sh(2026, 3, 31, 9, 0)
    assert parse_since("1个月", now=now) == sh(2026, 2, 28, 9, 0)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("today", sh(2026, 12, 2), sh(2026, 12, 3)), ("今天", sh(2026, 12, 2), sh(2026, 12, 3)),
    ("Yesterday", sh(2026, 12, 1), sh(2026, 12, 2)), ("昨天", sh(2026, 12, 1), sh(2026, 12, 2)),
    ("前天", sh(2026, 11, 30), sh(2026, 12, 1)),
    ("本周", sh(2026, 11, 30), sh(2026, 12, 7)), ("this week", sh(2026, 11, 30), sh(2026, 12, 7)),
    ("上周", sh(2026, 11, 23), sh(2026, 11, 30)), ("last week", sh(2026, 11, 23), sh(2026, 11, 30)),
    ("本月", sh(2026, 12, 1), sh(2027, 1, 1)), ("上月", sh(2026, 11, 1), sh(2026, 12, 1)),
    ("上个月", sh(2026, 11, 1), sh(2026, 12, 1)), ("last month", sh(2026, 11, 1), sh(2026, 12, 1)),
    ("今年", sh(2026, 1, 1), sh(2027, 1, 1)), ("去年", sh(2025, 1, 1), sh(2026, 1, 1)),
    ("last year", sh(2025, 1, 1), sh(2026, 1, 1)),
])
def test_named_periods(text, start, end):
    assert parse_since(text, now=NOW) == start
    assert parse_until(text, now=NOW) == end


def test_last_month_in_january_is_last_years_december():
    now = sh(2027, 1, 15, 8, 0)
    assert (parse_since("上月", now=now), parse_until("上月", now=now)) == (sh(2026, 12, 1), sh(2027, 1, 1))


def test_the_shanghai_day_not_the_utc_one():
    """00:30 on 3 December in Shanghai is still 2 December in UTC: 'today' is Shanghai's."""
    now = sh(2026, 12, 3, 0, 30)
    assert parse_since("今天", now=now) == sh(2026, 12, 3)


@pytest.mark.parametrize(("text", "when"), [
    ("2026年", sh(2026, 1, 1)), ("2026年11月", sh(2026, 11, 1)), ("2026年11月5日", sh(2026, 11, 5)),
    ("2026", sh(2026, 1, 1)), ("7d", NOW - timedelta(days=7)), ("12h", NOW - timedelta(hours=12)),
    ("6m", NOW - timedelta(minutes=6)),
])
def test_what_was_read_before_reads_the_same(text, when):
    """A written year is never read as 2,026 years ago; minutes stay minutes (each as 8ee85e1 read it)."""
    assert parse_since(text, now=NOW) == when


@pytest.mark.parametrize("text", ["3月", "明天", "下周", "3 weeks later", "5000年", "1.5个月"])
def test_unknown_words_are_still_refused_with_the_forms_named(text):
    with pytest.raises(InputError) as err:
        parse_since(text, now=NOW)
    assert "neither a duration nor a date" in str(err.value)
    assert "昨天" in (err.value.hint or "") and "3天" in (err.value.hint or "")


def test_the_command_line_takes_them(tmp_path):
    db = tmp_path / "m.db"
    config = tmp_path / "m.toml"
    config.write_text(f'include = ["monitor:topics/hu-ming.toml"]\n[storage]\npath = "{db}"\n', encoding="utf-8")
    Store.open(db).close()
    result = CliRunner().invoke(main, ["--config", str(config), "search", "沪明", "--since", "昨天", "--until", "今天"])
    assert result.exit_code == 0, result.output
    assert "neither" not in result.output
