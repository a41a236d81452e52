"""A list row dated by a time of day alone (`14:32`) whose place in the list says it is older than
that reading (session 32's note, "a bare 14:32 is still read as today").

A time alone is read as today's, or yesterday's when today's is still to come. A newest-first
list showing times for its recent rows went on reading them so below rows that show an older
day in full (`2026-12-05`), and below a turn of the clock (`09:10`, `15:00`, then `08:30`: the
08:30 comes after yesterday's 15:00, so it is not today's). Such a row is left undated now: the
article's page dates it, and a wrong day in a digest is worse than none. Rows whose reading fits
the list's order are dated as before. The text is invented; `now` is fixed."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from selectolax.lexbor import LexborHTMLParser

from monitor.sources.rowdates import row_dates

SHANGHAI = ZoneInfo("Asia/Shanghai")
MORNING = datetime(2026, 12, 7, 2, 0, tzinfo=timezone.utc)  # 10:00 in Shanghai, 7 December
MIDNIGHT = datetime(2026, 12, 6, 16, 10, tzinfo=timezone.utc)  # 00:10 in Shanghai, 7 December


def _dates(shown: list[str], now: datetime) -> list[datetime | None]:
    html = '<ul class="news">' + "".join(
        f'<li><a href="/n/{i}.html">三明与上海合作第{i}号项目签约落地</a><span class="t">{when}</span></li>'
        for i, when in enumerate(shown)) + "</ul>"
    return row_dates(LexborHTMLParser(html).css("ul.news a"), "Asia/Shanghai", now)


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI).astimezone(timezone.utc)


def test_a_time_below_an_older_day_shown_in_full_is_left_undated():
    assert _dates(["09:10", "08:00", "2026-12-05", "14:32", "07:45"], MORNING) == [
        _at("2026-12-07 09:10"), _at("2026-12-07 08:00"), _at("2026-12-05 00:00"), None, None]


def test_a_time_past_a_turn_of_the_clock_that_would_read_as_today_is_left_undated():
    assert _dates(["09:10", "15:00", "12:00", "08:30", "18:00"], MORNING) == [
        _at("2026-12-07 09:10"), _at("2026-12-06 15:00"), _at("2026-12-06 12:00"), None, None]


@pytest.mark.parametrize(("shown", "now", "expected"), [
    (["09:10", "08:00", "2026-12-06", "2026-12-05"], MORNING,  # today's as times, older days in full
     ["2026-12-07 09:10", "2026-12-07 08:00", "2026-12-06 00:00", "2026-12-05 00:00"]),
    (["00:05", "23:50", "22:10"], MIDNIGHT, ["2026-12-07 00:05", "2026-12-06 23:50", "2026-12-06 22:10"]),
    (["2026-12-07 09:30", "09:10", "3小时前"], MORNING, ["2026-12-07 09:30", "2026-12-07 09:10", "2026-12-07 07:00"]),
])
def test_times_that_fit_the_lists_order_are_read_as_before(shown, now, expected):
    assert _dates(shown, now) == [_at(e) for e in expected]


def test_a_pinned_notice_dated_in_full_above_todays_times_leaves_them_dated():
    assert _dates(["2026-11-20", "09:10", "08:00"], MORNING) == [
        _at("2026-11-20 00:00"), _at("2026-12-07 09:10"), _at("2026-12-07 08:00")]
