"""A feed whose entries carry their article as escaped HTML (`<description>&lt;p&gt;…`), as most
CMS feeds do, but megabytes of it: feedparser unescapes each entry's HTML and sanitises it tag by
tag, as it does markup written out. Only tags written out were counted against the feed's
budget (`feed.MAX_MARKUP`, which keeps feedparser's time to a few seconds), so a feed of 7.8 MB
of escaped paragraphs (400,000 tags) took 3.8 s of CPU at every poll (11.6 MB: 5.4 s, growing with
the feed). Escaped tags now count as tags: the entries within the budget are read, the newest
first, as for markup written out (six of the fifty here, 0.5 s)."""

from __future__ import annotations

from cpuguard import cpu

from monitor.sources import feed

HEAD = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>沪明新闻</title>'


def _entry(i: int, paragraphs: int, escape: str = "&lt;", close: str = "&gt;") -> str:
    text = f"{escape}p{close}沪明合作第{i}条{escape}/p{close}" * paragraphs
    return (f"<item><title>沪明合作新闻{i}</title><link>http://a.cn/{i}.html</link>"
            f"<pubDate>Sat, 05 Dec 2026 0{i % 10}:00:00 +0800</pubDate><description>{text}</description></item>")


# The guard's yardstick, measured in the same process: the same feed, byte for byte as long, with its
# paragraphs marked in plain text ("((((p))))…"), which feedparser reads whole without sanitising any
# markup. The escaped feed within its budget takes 1.3-3x that; with every escaped tag sanitised, as
# before, ~8x the time it takes now.
REFERENCE = 5


def _plain(paragraphs: int, entries: int, escape: str) -> float:
    xml = (HEAD + "".join(_entry(i, paragraphs, "(" * len(escape), "))))") for i in range(entries))
           + "</channel></rss>").encode()
    return max(cpu(feed.parse, xml, {"content-type": "application/rss+xml"}, "http://a.cn/feed.xml")[1]
               for _ in range(2))


def test_a_feed_of_megabytes_of_escaped_html_is_read_within_the_budget():
    xml = (HEAD + "".join(_entry(i, 4_000) for i in range(50)) + "</channel></rss>").encode()
    assert len(xml) > 7_000_000
    got, took = cpu(feed.parse, xml, {"content-type": "application/rss+xml"}, "http://a.cn/feed.xml")
    assert [c.url for c in got] == [f"http://a.cn/{i}.html" for i in range(len(got))] and 1 <= len(got) <= 8, len(got)
    assert got[0].title == "沪明合作新闻0" and "沪明合作第0条" in (got[0].summary or "")
    took = min(took, cpu(feed.parse, xml, {"content-type": "application/rss+xml"}, "http://a.cn/feed.xml")[1])
    assert took < REFERENCE * _plain(4_000, 50, "&lt;"), f"{took:.1f}s of CPU"


def test_numeric_escapes_count_and_an_ordinary_feed_is_read_whole():
    xml = (HEAD + "".join(_entry(i, 6_000, "&#x3C;") for i in range(20)) + "</channel></rss>").encode()
    got, took = cpu(feed.parse, xml, {"content-type": "application/rss+xml"}, "http://a.cn/feed.xml")
    took = min(took, cpu(feed.parse, xml, {"content-type": "application/rss+xml"}, "http://a.cn/feed.xml")[1])
    assert 1 <= len(got) <= 5 and took < REFERENCE * _plain(6_000, 20, "&#x3C;"), (len(got), took)
    ordinary = (HEAD + "".join(_entry(i, 40) for i in range(50)) + "</channel></rss>").encode()
    assert len(feed.parse(ordinary, {}, "http://a.cn/feed.xml")) == 50
