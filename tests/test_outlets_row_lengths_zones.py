"""List rows whose time is no time of day, and English row dates written with their own zone
(session 32, faults-sources-10).

A video column's row shows the video's length (`<span class="duration">03:45</span>`,
`itemprop="duration"`, `video-time`): read as a time of day alone, it dated the row today (or
yesterday), and an article whose page gave no date was stored so. A row marked as a length is
undated now; a bare `14:32` is still today's. An English list's `Dec 3, 2026 09:30 EST` was read
as 09:30 in the source's `date_tz` (Asia/Shanghai): 13 hours off. The zone written after the
time (a name: EST, PDT, GMT, UTC, BST, CET, HKT, JST; an offset: `+0100`, `GMT+8`, `(UTC-03:00)`)
is the row's now; `CST` (China's or the US Central's) is still read in `date_tz`. The text is invented.
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


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def _dates(rows: list[str]) -> list[datetime | None]:
    tree = LexborHTMLParser('<ul class="news">' + "".join(
        f'<li><a href="/n/{i}.html">{headline(i)}</a>{row}</li>' for i, row in enumerate(rows)) + "</ul>")
    return row_dates(tree.css("ul.news a"), "Asia/Shanghai", NOON)


def test_a_videos_length_does_not_date_its_row():
    rows = ['<span class="duration">03:45</span>', '<em class="video-time">12:07</em>',
            '<span itemprop="duration">01:02:33</span>', '<div class="item-len"><i></i>08:10</div>',
            '<span class="vtime">[02:15]</span>', '<span class="shichang">10:00</span>',
            '<span title="时长">11:20</span>']
    assert _dates(rows) == [None] * len(rows)


def test_a_time_of_day_beside_a_length_or_marked_as_a_time_still_dates_the_row():
    rows = ['<span class="time">11:05</span>', '<span class="pubtime">09:30</span>',
            '<span class="date">2026-12-05</span><span class="duration">03:45</span>']
    assert _dates(rows) == [_utc("2026-12-07 03:05"), _utc("2026-12-07 01:30"), _utc("2026-12-04 16:00")]


def test_an_english_row_dates_own_zone_is_read():
    shown = ["Dec 3, 2026 09:30 EST", "Dec 3, 2026 9:30 AM PST", "December 3, 2026, 2:30 PM GMT",
             "3 Dec 2026 14:00 UTC", "Dec 3, 2026 09:30 +0100", "Dec 3, 2026 20:00 GMT+8",
             "Dec 3, 2026 09:30 (UTC-03:00)", "Jul 4, 2026 10:00 EDT", "Dec 3, 2026 09:30 BST"]
    assert _dates([f"<span>{s}</span>" for s in shown]) == [
        _utc("2026-12-03 14:30"), _utc("2026-12-03 17:30"), _utc("2026-12-03 14:30"), _utc("2026-12-03 14:00"),
        _utc("2026-12-03 08:30"), _utc("2026-12-03 12:00"), _utc("2026-12-03 12:30"), _utc("2026-07-04 14:00"),
        _utc("2026-12-03 08:30")]


def test_an_english_row_date_without_a_zone_or_with_cst_is_in_date_tz():
    shown = ["Dec 3, 2026 09:30", "Dec 3, 2026 09:30 CST", "Dec 3, 2026 09:30 Estimates revised"]
    assert _dates([f"<span>{s}</span>" for s in shown]) == [_utc("2026-12-03 01:30")] * 3


def test_a_polled_video_list_stores_its_rows_undated_and_a_zoned_row_in_utc(make_ctx):  # noqa: F811
    week = datetime.now(timezone.utc) - timedelta(days=6)
    eastern = week.astimezone(ZoneInfo("America/New_York"))
    zoned = eastern.strftime("%b %d, %Y %H:%M ") + ("EDT" if eastern.dst() else "EST")
    rows = [f'<li><a href="/n/0.html">{headline(0)}</a><span class="duration">03:45</span></li>',
            f'<li><a href="/n/1.html">{headline(1)}</a><span class="t">{zoned}</span></li>']
    with Site() as a:
        a.page("/list.html", f'<html><body><ul class="news">{"".join(rows)}</ul></body></html>')
        for i in range(2):
            a.article(f"/n/{i}.html", headline(i))  # an article page with no date of its own
        ctx = make_ctx(source(a))
        report = poll(ctx)[0]
        got = stored(ctx)
    assert set(got) == {"0.html", "1.html"}, report
    assert got["0.html"] is None, got
    assert got["1.html"] == week.replace(second=0, microsecond=0), got
