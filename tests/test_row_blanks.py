"""A list page whose row holds a long run of blanks after its link (a template's padding, or a
hostile page's 200 KB of spaces) beside a figure like `1 -2` (a date's digits, yet no date): the
row's date finder looked for a yearless date (`5-12`, `【5月12日】`) with a pattern that tried the
whole run of blanks from every blank in it, growing with the square: 20,000 blanks 2 s, 80,000
34 s of CPU, the page's 8 MB days, and the listing (so every source after it in the poll) stalled.
The run is read as one blank now: the same dates, in a time linear in the row."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from cpuguard import LINEAR, growth
from hostile import Site, list_html
from selectolax.lexbor import LexborHTMLParser
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll
from monitor.sources.rowdates import row_dates

NOW = datetime(2026, 5, 20, 8, 0, tzinfo=timezone.utc)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _days(when: list) -> list:
    return [(w.astimezone(SHANGHAI).month, w.astimezone(SHANGHAI).day) if w else None for w in when]


def _rows(*rows: str) -> list:
    tree = LexborHTMLParser("<ul class='news'>" + "".join(f"<li>{r}</li>" for r in rows) + "</ul>")
    return tree.css("a")


@pytest.mark.parametrize("blank", [" ", "\u3000", "\t", "\n"])  # the growth is the guard, not a timeout
def test_a_row_of_blanks_is_read_in_a_time_linear_in_it(blank):
    def read(n: int) -> list:
        return row_dates(_rows(f"<a href='/a/1.html'>沪明合作新闻</a> 第1 -2期{blank * n}",
                               "<a href='/a/2.html'>另一条</a> <span>5-12</span>"), now=NOW)

    assert growth(read, 200_000) < LINEAR  # 80,000 blanks took 34 s before, 20,000 2 s: a square
    assert _days(read(200_000)) == [None, (5, 12)]


def test_yearless_dates_among_blanks_are_read_as_before():
    anchors = _rows(f"<a href='/1'>甲</a>{' ' * 50}<span>【 5月12日 】</span>{' ' * 50}", "<a href='/2'>乙</a>\n\t<i> 3-8 </i>\n",
                    f"<a href='/3'>丙</a> 1 -2 {' ' * 40} x")
    assert _days(row_dates(anchors, now=NOW)) == [(5, 12), (3, 8), None]


def test_a_polled_list_with_such_a_row_reads_its_articles(make_ctx):  # noqa: F811  (the time: the growth guard above)
    with Site() as a:
        page = list_html(["/a/1.html", "/a/2.html"]).replace("</a>", "</a> 第1 -2期" + " " * 200_000, 1)
        a.page("/list.html", page)
        a.article("/a/1.html", "沪明合作新闻一")
        a.article("/a/2.html", "沪明合作新闻二")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert report.new == 2 and report.matched == 2, report
