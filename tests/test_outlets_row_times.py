"""List rows dated by a day without its year and a time of day (`12-05 14:20`, `1月2日 10:00`,
`12月31日10:00`), as busy portals and app-style lists show their recent items (session 30,
faults-sources-8).

Only a yearless day alone (`12-05`, `[12-05]`) was read: a row showing its time too was undated,
an article whose page gave no date stored so, and `max_age_days` let last month's rows be
fetched on a first poll. The day is the latest one not after the list's fetch (across New
Year, `12-31 14:20` read on 2 January is last year's), its time in the source's `date_tz`.
The text is invented.
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
NEW_YEAR = datetime(2027, 1, 2, 4, 0, tzinfo=timezone.utc)  # noon in Shanghai, 2 January


def _rows(shown: list[str]) -> str:
    return '<ul class="news">' + "".join(
        f'<li><a href="/n/{i}.html">{headline(i)}</a><span class="t">{when}</span></li>'
        for i, when in enumerate(shown)) + "</ul>"


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI).astimezone(timezone.utc)


def test_a_yearless_day_with_its_time_is_read_in_the_year_before_new_year():
    shown = ["01-02 10:00", "1月2日 09:30", "12-31 14:20", "12月31日23:59", "【12-30 08:05】", "12-29"]
    tree = LexborHTMLParser(_rows(shown))
    assert row_dates(tree.css("ul.news a"), "Asia/Shanghai", NEW_YEAR) == [
        _at("2027-01-02 10:00"), _at("2027-01-02 09:30"), _at("2026-12-31 14:20"),
        _at("2026-12-31 23:59"), _at("2026-12-30 08:05"), _at("2026-12-29 00:00")]


def test_a_column_of_yearless_days_with_times_beside_the_list_dates_it():
    links = "".join(f'<li><a href="/n/{i}.html">{headline(i)}</a></li>' for i in range(3))
    days = "".join(f"<li>{d}</li>" for d in ("01-02 10:00", "01-01 18:30", "12-31 09:00"))
    tree = LexborHTMLParser(f'<div><ul class="title">{links}</ul><ul class="date">{days}</ul></div>')
    assert row_dates(tree.css("ul.title a"), "Asia/Shanghai", NEW_YEAR) == [
        _at("2027-01-02 10:00"), _at("2027-01-01 18:30"), _at("2026-12-31 09:00")]


def test_a_polled_list_stores_the_rows_time_and_keeps_old_rows_out(make_ctx):  # noqa: F811
    now = datetime.now(SHANGHAI)
    recent = now - timedelta(hours=2)
    old = now - timedelta(days=40)
    shown = [recent.strftime("%m-%d %H:%M"), old.strftime("%m-%d %H:%M")]
    with Site() as a:
        a.page("/list.html", f"<html><body>{_rows(shown)}</body></html>")
        for i in range(2):
            a.article(f"/n/{i}.html", headline(i))  # an article page with no date of its own
        ctx = make_ctx(source(a, "max_age_days = 30\n"))
        report = poll(ctx)[0]
        paths = [p for p in a.paths() if p.startswith("/n/")]
        got = stored(ctx)
    assert paths == ["/n/0.html"], (report, paths)
    assert got["0.html"] == recent.replace(second=0, microsecond=0).astimezone(timezone.utc), got
