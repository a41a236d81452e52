"""A list whose dates are only in a column beside it: two floats a county portal draws its list
with, `<ul class="title">` of links and `<ul class="date">` of days, row for row (or `<div>`s of
`<p>`s, yearless `[12-05]`). Each link's date is the day in its row's place: it was none, every
article of such a column undated when its page gave no date, and `max_age_days` let last
year's items be fetched on a first poll. A column that is not one day a row (a column of other
links, fewer rows, a row of words) dates nothing. The text is invented.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hostile import Site
from selectolax.lexbor import LexborHTMLParser
from test_cycle import make_ctx  # noqa: F401  (make_ctx is a fixture)
from test_outlets_site_titles import HEADLINES, TEXTS

from monitor.pipeline import poll
from monitor.sources.rowdates import row_dates

NOW = datetime(2026, 12, 6, 4, 0, tzinfo=timezone.utc)


def _shanghai(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=timezone(timedelta(hours=8))).astimezone(timezone.utc)


def _columns(days: list[str], tag: str = "ul", row: str = "li") -> str:
    links = "".join(f'<{row}><a href="/a/{n}.html">{h}</a></{row}>\n' for n, h in enumerate(HEADLINES[:len(days)]))
    return (f'<div class="list"><{tag} class="title">{links}</{tag}>\n'
            f'<{tag} class="date">' + "".join(f"<{row}>{d}</{row}>\n" for d in days) + f"</{tag}></div>")


def test_a_links_date_is_the_day_in_its_rows_place_in_the_column_beside_it():
    days = ["2026-12-05", "2026-12-04", "2026-11-30", "2025-12-01"]
    tree = LexborHTMLParser(_columns(days))
    assert row_dates(tree.css("ul.title a"), "Asia/Shanghai", NOW) == [_shanghai(d) for d in days]
    tree = LexborHTMLParser(_columns(["[12-05]", "[12-04]", "[11-30]"], "div", "p"))
    assert row_dates(tree.css("div.title a"), "Asia/Shanghai", NOW) == [
        _shanghai(d) for d in ("2026-12-05", "2026-12-04", "2026-11-30")]


def test_a_column_that_is_not_one_day_a_row_dates_nothing():
    short = LexborHTMLParser(_columns(["2026-12-05", "2026-12-04", "2026-11-30"]).replace("<li>2026-11-30</li>", ""))
    worded = LexborHTMLParser(_columns(["2026-12-05", "阅读 35", "2026-11-30"]))
    linked = LexborHTMLParser(_columns(["2026-12-05", "2026-12-04"]).replace("<li>2026-12-04</li>",
                                                                           '<li><a href="/b.html">2026-12-04</a></li>'))
    for tree in (short, worded, linked):
        assert row_dates(tree.css("ul.title a"), "Asia/Shanghai", NOW) == [None] * len(tree.css("ul.title a"))


def test_a_polled_column_keeps_last_years_items_out_by_the_dates_beside_them(make_ctx):  # noqa: F811
    today = datetime.now(timezone(timedelta(hours=8))).date()
    days = [str(today), str(today - timedelta(days=400)), str(today - timedelta(days=401))]
    with Site() as a:
        a.page("/col/index.html", f"<html><body>{_columns(days)}</body></html>")
        for n in range(3):
            a.article(f"/a/{n}.html", HEADLINES[n], TEXTS[n] * 3)
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{a.url("/col/index.html")}"\n'
                       'link_selector = "ul.title a"\nmax_age_days = 30\n')
        report = poll(ctx)[0]
        asked = [p for p in a.paths() if p.startswith("/a/")]
    assert asked == ["/a/0.html"], (report, asked)
