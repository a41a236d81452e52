"""List rows dated by a day without its year and a time of day (`12-05 14:20`, `1月2日 10:00`,
`12月31日10:00`), as busy portals and app-style lists show their recent items (session 30,
faults-sources-8).

Only a yearless day alone (`12-05`, `[12-05]`) was read: a row showing its time too was undated,
an article whose page gave no date stored so, and `max_age_days` let last month's rows be
fetched on a first poll. The day is the latest one not after the list's fetch (across New
Year, `12-31 14:20` read on 2 January is last year's), its time in the source's `date_tz`;
after its label too (`发布时间：12-05 14:20`). A relative date in words or months (`半小时前`,
`一小时前`, `两天前`, `3个月前`) was none as well (only digits before hours, days or weeks were
read): counted back from the fetch as `3小时前` is, when it is a cell's whole text (`一月前`,
before January, and a headline's `三天前` are no date). A date box showing the day large beside
its year and month (`<span>05</span><p>2026-12</p>`, either order: a portal list's) dated nothing
either; its two pieces side by side are the row's day. A row whose text shows no date it reads
(nothing, `Dec 5`, a weekday) is dated by its one `<time datetime>`. The text is invented.
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


def _fetched_within_30_days(make_ctx, rows: str, n: int) -> tuple[object, list[str]]:  # noqa: F811
    """A list of `rows` linking n undated article pages, polled by a source of max_age_days = 30:
    the poll's report and the articles it fetched."""
    with Site() as a:
        a.page("/list.html", f"<html><body>{rows}</body></html>")
        for i in range(n):
            a.article(f"/n/{i}.html", headline(i))
        ctx = make_ctx(source(a, "max_age_days = 30\n"))
        report = poll(ctx)[0]
        return report, [p for p in a.paths() if p.startswith("/n/")]


def test_a_labelled_yearless_day_is_read_after_its_label():
    tree = LexborHTMLParser(_rows(["发布时间：12-31 14:20", "更新于 01-02", "发布日期: 1月1日 08:00"]))
    assert row_dates(tree.css("ul.news a"), "Asia/Shanghai", NEW_YEAR) == [
        _at("2026-12-31 14:20"), _at("2027-01-02 00:00"), _at("2027-01-01 08:00")]


def test_a_relative_date_in_words_or_months_is_counted_back_from_the_fetch():
    shown = ["半小时前", "一小时前", "两天前", "3个月前", "十五分钟前", "发布于 两个星期前", "一月前"]
    tree = LexborHTMLParser(_rows(shown))
    back = [timedelta(minutes=30), timedelta(hours=1), timedelta(days=2), timedelta(days=90),
            timedelta(minutes=15), timedelta(days=14)]
    assert row_dates(tree.css("ul.news a"), "Asia/Shanghai", NEW_YEAR) == [NEW_YEAR - b for b in back] + [None]
    headlined = LexborHTMLParser('<ul class="news"><li><a href="/n/0.html">三天前签约的项目今日开工</a></li></ul>')
    assert row_dates(headlined.css("ul.news a"), "Asia/Shanghai", NEW_YEAR) == [None]


def test_max_age_days_keeps_out_rows_shown_as_months_ago_in_words(make_ctx):  # noqa: F811
    report, paths = _fetched_within_30_days(make_ctx, _rows(['半小时前', '两个月前', '3个月前']), 3)
    assert paths == ["/n/0.html"], (report, paths)


SPLIT = ['<div class="d"><span>05</span><p>2026-12</p></div>', '<div class="d"><em>2026.11</em><strong>28</strong></div>',
         '<div class="time"><b>3</b>2026/12</div>', '<span class="day">01</span><span class="ym">2025年12月</span>']


def _boxed(cells: list[str]) -> str:
    return '<ul class="news">' + "".join(f'<li><a href="/n/{i}.html">{headline(i)}</a>{c}</li>'
                                         for i, c in enumerate(cells)) + "</ul>"


def test_a_day_shown_large_beside_its_year_and_month_is_the_rows_date():
    tree = LexborHTMLParser(_boxed(SPLIT))
    assert row_dates(tree.css("ul.news a"), "Asia/Shanghai", NEW_YEAR) == [
        _at("2026-12-05 00:00"), _at("2026-11-28 00:00"), _at("2026-12-03 00:00"), _at("2025-12-01 00:00")]


def test_pieces_that_are_no_one_day_date_nothing():
    cells = ['<span>2026-12</span><span>阅读</span><span>35</span>',  # a count, not beside the month
             '<span>2026-12</span><span>45</span>',  # no day
             '<span>05</span><span>2026-12</span><span>2026-11</span><span>28</span>']  # two days
    tree = LexborHTMLParser(_boxed(cells))
    assert row_dates(tree.css("ul.news a"), "Asia/Shanghai", NEW_YEAR) == [None, None, None]


def test_a_polled_list_of_date_boxes_keeps_last_years_items_out(make_ctx):  # noqa: F811
    today = datetime.now(SHANGHAI)
    old = today - timedelta(days=400)
    cells = [f'<div class="d"><span>{d.day:02d}</span><p>{d.year}-{d.month:02d}</p></div>' for d in (today, old)]
    report, paths = _fetched_within_30_days(make_ctx, _boxed(cells), 2)
    assert paths == ["/n/0.html"], (report, paths)


def test_a_rows_time_element_dates_it_when_its_text_reads_no_date():
    cells = ['<time datetime="2026-12-05T10:00:00+08:00"></time>', '<time datetime="2026-12-05T10:00:00+08:00">Dec 5</time>',
             '<time datetime="2026-12-04T02:00:00Z">周五</time>', '<time datetime="2026-12-31">12-31 14:20</time>',
             '<time datetime="2026-12-01">1</time><time datetime="2026-12-02">2</time>']  # two: none
    tree = LexborHTMLParser(_boxed(cells))
    assert row_dates(tree.css("ul.news a"), "Asia/Shanghai", NEW_YEAR) == [
        _at("2026-12-05 10:00"), _at("2026-12-05 10:00"), _at("2026-12-04 10:00"), _at("2026-12-31 14:20"), None]
