"""Polled dates written with the half of the day or a browser's clock: a feed's `<pubDate>` or an
API's / a sitemap's date field as `2026-11-20 3:30 PM`, `Fri, 20 Nov 2026 03:30 PM +0800`,
`2026年11月20日 下午3:30`, `November 20, 2026 3:30 PM`, or JavaScript's `Date.toString()`.

The polled path dropped the PM (stored 12 hours early), took `PM` for a zone (a feed's
`2026-11-20 3:30 PM` read as 03:30 UTC), dropped 下午3:30 to midnight, and left the English
month-first forms undated, without a word; `monitor import` read all of them right (a9118da).
Both paths now read dates with one reader (monitor.datetext)."""

from __future__ import annotations

from datetime import datetime, timezone

import feedparser
import pytest

from monitor.sources import dates
from monitor.sources.feed import _when

UTC = timezone.utc
HALF_PAST_THREE_PM_SHANGHAI = datetime(2026, 11, 20, 7, 30, tzinfo=UTC)

CASES = [
    ("2026-11-20 3:30 PM", HALF_PAST_THREE_PM_SHANGHAI),
    ("2026-11-20 03:30:00 pm", HALF_PAST_THREE_PM_SHANGHAI),
    ("2026/11/20 下午3:30", HALF_PAST_THREE_PM_SHANGHAI),
    ("2026年11月20日 下午3:30", HALF_PAST_THREE_PM_SHANGHAI),
    ("2026年11月20日 星期五 15:30", HALF_PAST_THREE_PM_SHANGHAI),
    ("Fri, 20 Nov 2026 03:30 PM +0800", HALF_PAST_THREE_PM_SHANGHAI),
    ("November 20, 2026 3:30 PM", HALF_PAST_THREE_PM_SHANGHAI),
    ("Fri Nov 20 2026 02:30:00 GMT-0500 (Eastern Standard Time)", HALF_PAST_THREE_PM_SHANGHAI),
    ("2026-11-20 12:10 AM", datetime(2026, 11, 19, 16, 10, tzinfo=UTC)),
    ("Nov 20, 2026", datetime(2026, 11, 19, 16, 0, tzinfo=UTC)),
]


@pytest.mark.parametrize(("written", "meant"), CASES)
def test_an_api_or_sitemap_date(written, meant):
    assert dates.parse(written) == meant


@pytest.mark.parametrize(("written", "meant"), CASES)
def test_a_feed_pubdate(written, meant):
    feed = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>县融媒</title>'
            f'<item><title>沪明合作简讯</title><link>http://127.0.0.1/a/1.html</link><pubDate>{written}</pubDate>'
            '</item></channel></rss>').encode()
    entry = feedparser.parse(feed).entries[0]
    assert _when(entry) == meant


@pytest.mark.parametrize(("written", "meant"), [
    ("2026-11-20T15:30:00+08:00", HALF_PAST_THREE_PM_SHANGHAI),
    ("2026-11-20 15:30", HALF_PAST_THREE_PM_SHANGHAI),
    ("Fri, 20 Nov 2026 07:30:00 GMT", HALF_PAST_THREE_PM_SHANGHAI),
    ("Fri, 20 Nov 2026 15:30:00 CST", HALF_PAST_THREE_PM_SHANGHAI),
    ("2026-11-20 15:30 北京时间", HALF_PAST_THREE_PM_SHANGHAI),
])
def test_forms_read_before_read_the_same(written, meant):
    assert dates.parse(written) == meant


@pytest.mark.parametrize("written", ["2026-11-20 13:30 AM", "2026-11-20 下午3:30 AM", "2026年11月20日 下午"])
def test_a_half_of_the_day_that_cannot_be_placed_gives_the_day(written):
    """13:30 AM or 下午…AM: which hour was meant is not said; 下午 alone names no hour. The day is
    still the day (its start in Shanghai), never a wrong hour."""
    assert dates.parse(written) == datetime(2026, 11, 19, 16, 0, tzinfo=UTC)


def test_an_ambiguous_day_stays_undated():
    """20/11 could be either order."""
    assert dates.parse("20/11/2026") is None
