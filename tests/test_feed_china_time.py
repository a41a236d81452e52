"""A Chinese feed's `pubDate` ending in `CST` means China Standard Time (+0800). The feed parser
read it as US Central (-0600), so every such entry was dated 14 hours late: stories sorted out of
place, and a digest's "came out before the window" judged wrong. The import path was mended for
the same text earlier this session; the feed source, which polls such feeds every hour, was not."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from monitor.config import Source
from monitor.sources import candidates
from monitor.sources.dates import rfc822

FEED = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>三明新闻</title>'
        '<item><title>沪明合作新进展</title><link>http://a.example.cn/1.html</link><pubDate>{}</pubDate></item>'
        '</channel></rss>')


@pytest.mark.parametrize(("written", "utc"), [
    ("Tue, 01 Dec 2026 08:00:00 CST", datetime(2026, 12, 1, 0, 0, tzinfo=timezone.utc)),
    ("Tue, 01 Dec 2026 08:00:00 +0800", datetime(2026, 12, 1, 0, 0, tzinfo=timezone.utc)),
    ("Tue, 01 Dec 2026 08:00:00 GMT", datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)),
    ("Tue, 01 Dec 2026 08:00:00 EST", datetime(2026, 12, 1, 13, 0, tzinfo=timezone.utc)),
])
def test_a_feeds_china_standard_time_is_shanghais_clock(written, utc):
    src = Source(name="f", kind="feed", url="http://a.example.cn/rss.xml")
    (entry,) = candidates(src, FEED.format(written).encode("utf-8"), {"content-type": "application/rss+xml"}, src.url)
    assert entry.published == utc


def test_the_import_reads_it_with_the_same_rule():
    assert rfc822("Tue, 01 Dec 2026 08:00:00 CST") == datetime(2026, 12, 1, 0, 0, tzinfo=timezone.utc)
