"""List rows dated in forms the row reader passed over (session 31, faults-sources-9): a time of
day alone (`14:32`: a busy list's rows of today, older ones dated in full), a day written with its
English month (`Dec 3, 2026`, `3 December 2026`, `Dec. 3, 2026, 2:30 PM`: an English-language
outlet's list, or a Chinese site's English edition), and a date in full-width digits and marks
(`２０２６－１２－０３`, `２０２６年１２月０３日`, as a text typed with a Chinese input method keeps it).

Each was no date: an article whose page gave none was stored undated, and `max_age_days` let a
list's year-old rows be fetched on a first poll. The text is invented.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hostile import Site
from selectolax.lexbor import LexborHTMLParser
from test_cycle import make_ctx  # noqa: F401  (a fixture)
from test_outlets_relative_dates import headline, source, stored

from monitor.pipeline import poll
from monitor.sources.rowdates import row_dates

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOON = datetime(2026, 12, 7, 4, 0, tzinfo=timezone.utc)  # noon in Shanghai, 7 December


def _rows(shown: list[str]) -> str:
    return '<ul class="news">' + "".join(
        f'<li><a href="/n/{i}.html">{headline(i)}</a><span class="t">{when}</span></li>'
        for i, when in enumerate(shown)) + "</ul>"


def _dates(html: str, selector: str = "ul.news a") -> list[datetime | None]:
    return row_dates(LexborHTMLParser(html).css(selector), "Asia/Shanghai", NOON)


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI).astimezone(timezone.utc)


def test_a_time_of_day_alone_is_today_or_yesterday_when_still_to_come():
    # each a list of its own: in one list their order would say more (test_row_clock_order)
    assert [_dates(_rows([t]))[0] for t in ["11:05", "09:30", "12:05", "14:32", "23:59", "[08:00]", "25:10"]] == [
        _at("2026-12-07 11:05"), _at("2026-12-07 09:30"), _at("2026-12-07 12:05"),  # (a list's clock a little ahead)
        _at("2026-12-06 14:32"), _at("2026-12-06 23:59"), _at("2026-12-07 08:00"), None]


def test_a_day_with_its_english_month_is_read_with_its_time():
    shown = ["Dec 3, 2026", "December 3, 2026", "3 Dec 2026", "Dec. 3, 2026, 2:30 PM", "Nov 28th, 2026 09:15",
             "Thu, 03 Dec 2026 10:00", "Sept 1 2026", "Dec 3, 2026 13:30 PM"]
    assert _dates(_rows(shown)) == [
        _at("2026-12-03 00:00"), _at("2026-12-03 00:00"), _at("2026-12-03 00:00"), _at("2026-12-03 14:30"),
        _at("2026-11-28 09:15"), _at("2026-12-03 10:00"), _at("2026-09-01 00:00"), _at("2026-12-03 00:00")]


def test_a_full_width_date_is_read_as_its_digits():
    assert _dates(_rows(["２０２６－１２－０３", "２０２６年１２月０３日", "２０２６／１２／０３　１４：２０", "［１２－０５］"])) == [
        _at("2026-12-03 00:00"), _at("2026-12-03 00:00"), _at("2026-12-03 14:20"), _at("2026-12-05 00:00")]


def test_a_column_of_english_or_full_width_dates_beside_the_list_dates_it():
    links = "".join(f'<li><a href="/n/{i}.html">{headline(i)}</a></li>' for i in range(3))
    days = "".join(f"<li>{d}</li>" for d in ("Dec 5, 2026", "２０２６－１２－０４", "3 Dec 2026"))
    assert _dates(f'<div><ul class="title">{links}</ul><ul class="date">{days}</ul></div>', "ul.title a") == [
        _at("2026-12-05 00:00"), _at("2026-12-04 00:00"), _at("2026-12-03 00:00")]


def test_a_headlines_own_date_or_word_is_not_the_rows():
    rows = ('<ul class="news"><li><a href="/n/0.html">Look back at Dec 3, 2026 talks</a></li>'
            '<li><a href="/n/1.html">May 2026 trade figures</a><span>May 4 meeting</span></li></ul>')
    assert _dates(rows) == [None, None]


def test_a_polled_english_list_keeps_last_years_rows_out_and_dates_todays(make_ctx):  # noqa: F811
    now = datetime.now(SHANGHAI)
    earlier = now - timedelta(minutes=30)  # a time of day alone: today's row
    week = now - timedelta(days=6)
    shown = [earlier.strftime("%H:%M"), week.strftime("%b %d, %Y"), "Nov 12, 2025",
             "２０２５－１０－０１"]
    with Site() as a:
        a.page("/list.html", f"<html><body>{_rows(shown)}</body></html>")
        for i in range(len(shown)):
            a.article(f"/n/{i}.html", headline(i))  # an article page with no date of its own
        ctx = make_ctx(source(a, "max_age_days = 30\n"))
        report = poll(ctx)[0]
        paths = [p for p in a.paths() if p.startswith("/n/")]
        got = stored(ctx)
    assert sorted(paths) == ["/n/0.html", "/n/1.html"], (report, paths)
    assert got["0.html"] == earlier.replace(second=0, microsecond=0).astimezone(timezone.utc), got
    assert got["1.html"] == week.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(timezone.utc), got
