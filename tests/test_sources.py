"""Source kinds: feed bytes and list pages → candidate links."""

from __future__ import annotations

import pytest

from monitor.config import Source
from monitor.errors import ExtractError
from monitor.sources import candidates

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>福建新闻</title>
<item><title>沪明合作新进展</title><link>https://fj.example.cn/news/2026/11-20/1.shtml?utm_source=rss</link>
<pubDate>Fri, 20 Nov 2026 09:30:00 +0800</pubDate></item>
<item><title>三明天气</title><link>/news/2026/11-20/2.shtml</link></item>
<item><title>重复</title><link>https://fj.example.cn/news/2026/11-20/2.shtml</link></item>
</channel></rss>"""

LIST_GBK = """<html><head><meta charset="gb2312"></head><body>
<div class="nav"><a href="/">首页</a><a href="/about.htm">关于</a></div>
<ul class="list"><li><a href="./t20261118_1.htm">沪明临港产业园开工</a></li>
<li><a href="t20261117_2.htm">三明医改</a></li><li><a href="javascript:void(0)">更多</a></li></ul>
</body></html>"""


def test_feed_entries_become_candidates_with_dates():
    src = Source(name="f", kind="feed", url="https://fj.example.cn/rss.xml")
    found = candidates(src, RSS.encode("utf-8"), {"content-type": "application/rss+xml"}, src.url)
    assert [c.title for c in found] == ["沪明合作新进展", "三明天气"]  # duplicate link dropped
    assert found[1].url == "https://fj.example.cn/news/2026/11-20/2.shtml"
    assert found[0].published.isoformat() == "2026-11-20T01:30:00+00:00"


def test_list_page_in_gbk_with_selector_and_pattern():
    src = Source(name="l", kind="html", url="https://sm.example.cn/xw/", link_selector="ul.list a",
                 link_pattern=r"t\d{8}_\d+\.htm$")
    found = candidates(src, LIST_GBK.encode("gb18030"), {"content-type": "text/html"}, src.url)
    assert [(c.url, c.title) for c in found] == [("https://sm.example.cn/xw/t20261118_1.htm", "沪明临港产业园开工"),
                                                 ("https://sm.example.cn/xw/t20261117_2.htm", "三明医改")]


def test_garbage_feed_is_a_clear_error():
    src = Source(name="f", kind="feed", url="https://x.cn/rss")
    with pytest.raises(ExtractError, match="not a readable RSS/Atom feed"):
        candidates(src, b"\x00\xff\xfe garbage <<<", {}, src.url)


def test_selector_matching_nothing_says_so():
    src = Source(name="l", kind="html", url="https://x.cn/", link_selector="div.gone a")
    with pytest.raises(ExtractError, match="matched nothing"):
        candidates(src, b"<html><body><p>hi</p></body></html>", {}, src.url)
