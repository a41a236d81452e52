"""Feed dates written without a zone, as many Chinese CMS feeds write them: `<pubDate>2026-12-01
08:00:00</pubDate>`, an RFC 822 date with its zone left off, Atom's `<updated>2026-12-01T08:00:00`.

The feed parser read each as UTC: the morning's 08:00 news was dated 16:00 Shanghai time, eight
hours late (in the future when polled before then; an article page without a date of its own
stored so, and `max_age_days` judging by it). Read in the source's `date_tz` (Asia/Shanghai), as a
sitemap's and an API's zoneless dates are; a date with its zone (`+0800`, `GMT`, `Z`, `CST`) as
before. The text is invented.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from monitor.config import Source
from monitor.sources import candidates

RSS = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>三明新闻</title>'
       '<item><title>沪明合作新进展</title><link>http://a.example.cn/1.html</link><pubDate>{}</pubDate></item>'
       '</channel></rss>')
ATOM = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>三明新闻</title>'
        '<entry><title>沪明合作新进展</title><link href="http://a.example.cn/1.html"/><id>1</id>'
        '<updated>{}</updated></entry></feed>')
EIGHT_SHANGHAI = datetime(2026, 12, 1, 0, 0, tzinfo=timezone.utc)


def read(feed: str, written: str, tz: str = "") -> datetime | None:
    extra = {"date_tz": tz} if tz else {}
    src = Source(name="f", kind="feed", url="http://a.example.cn/rss.xml", **extra)
    (entry,) = candidates(src, feed.format(written).encode("utf-8"), {"content-type": "application/xml"}, src.url)
    return entry.published


@pytest.mark.parametrize(("feed", "written"), [(RSS, "2026-12-01 08:00:00"), (RSS, "2026-12-01 08:00"),
                                               (RSS, "Tue, 01 Dec 2026 08:00:00"), (RSS, "2026/12/01 08:00:00"),
                                               (ATOM, "2026-12-01T08:00:00"), (ATOM, "2026-12-01 08:00:00")])
def test_a_feed_date_without_a_zone_is_shanghai_time(feed, written):
    assert read(feed, written) == EIGHT_SHANGHAI


def test_a_day_without_a_time_is_that_day_in_shanghai():
    assert read(RSS, "2026-12-01") == datetime(2026, 11, 30, 16, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(("feed", "written", "utc"), [
    (RSS, "Tue, 01 Dec 2026 08:00:00 +0800", EIGHT_SHANGHAI),
    (RSS, "Tue, 01 Dec 2026 08:00:00 GMT", datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)),
    (RSS, "Tue, 01 Dec 2026 08:00:00 CST", EIGHT_SHANGHAI),
    (ATOM, "2026-12-01T08:00:00Z", datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)),
    (ATOM, "2026-12-01T08:00:00+08:00", EIGHT_SHANGHAI),
    (ATOM, "2026-12-01T08:00:00.000-05:00", datetime(2026, 12, 1, 13, 0, tzinfo=timezone.utc)),
])
def test_a_date_with_its_zone_is_read_as_before(feed, written, utc):
    assert read(feed, written) == utc


def test_date_tz_names_another_clock():
    assert read(RSS, "2026-12-01 08:00:00", "Europe/London") == datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)
