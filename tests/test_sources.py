"""Source kinds: feed bytes and list pages → candidate links."""

from __future__ import annotations

import subprocess
import sys

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


@pytest.mark.parametrize(("declared", "codec", "title"), [
    ("gb2312", "big5hkscs", "滬明對口合作兩週年"),  # a Taiwan or Hong Kong feed, mislabelled
    ("utf-8", "gb18030", "三明与上海合作"),  # a GBK feed under a stale utf-8 declaration
    ("gb2312", "gb18030", "朱镕基旧居与三明 碁"),  # GBK characters outside GB2312 under gb2312
    (None, "gb18030", "三明与上海合作"),
    ("big5", "big5hkscs", "滬明對口合作兩週年"),
    ("utf-8", "utf-8", "沪明合作新进展"),
])
def test_feed_titles_in_any_chinese_encoding_are_read_as_written(declared, codec, title):
    """feedparser falls back to windows-1252 when the declared encoding fails, and reads Big5
    bytes under gb2312 without failing: both gave mojibake titles (ÈýÃ÷…, 涵癸…)."""
    decl = f' encoding="{declared}"' if declared else ""
    feed = (f'<?xml version="1.0"{decl}?><rss version="2.0"><channel><title>t</title>'
            f'<item><title>{title}</title><link>https://fj.example.cn/n/1.shtml</link></item></channel></rss>')
    src = Source(name="f", kind="feed", url="https://fj.example.cn/rss.xml")
    for headers in ({}, {"content-type": f"application/rss+xml; charset={declared or 'gbk'}"}):
        found = candidates(src, feed.encode(codec), headers, src.url)
        assert [c.title for c in found] == [title], headers


@pytest.mark.parametrize(("declared", "codec"), [("gb2312", "gb18030"), ("utf-8", "gb18030"), ("gbk", "gb18030"),
                                              ("big5", "big5hkscs"), ("gb2312", "big5hkscs"), (None, "utf-8")])
def test_a_news_sitemap_in_a_chinese_encoding_is_read(declared, codec):
    """The XML parser takes no multi-byte encoding but UTF-8 and UTF-16: a GBK sitemap
    declared gb2312 raised 'multi-byte encodings are not supported', and one declared utf-8
    was refused whole for its titles' bytes."""
    from monitor.sources import sitemap

    decl = f' encoding="{declared}"' if declared else ""
    title = "三明與上海合作" if codec.startswith("big5") else "三明与上海合作"
    xml = (f'<?xml version="1.0"{decl}?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://sm.example.cn/a/1.htm</loc>'
           f'<news:news><news:title>{title}</news:title></news:news></url></urlset>')
    kind, entries = sitemap.parse(xml.encode(codec), "https://sm.example.cn/sitemap.xml")
    assert kind == "urlset" and [(e.loc, e.title) for e in entries] == [("https://sm.example.cn/a/1.htm", title)]


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


def _items(n: int) -> bytes:
    rows = "".join(f"<item><title>沪明合作第{i}条</title><link>https://fj.example.cn/n/{i}.shtml</link></item>"
                   for i in range(n))
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{rows}</channel></rss>'.encode()


def test_a_feed_with_more_markup_than_the_parser_is_given_keeps_its_first_entries(monkeypatch):
    """feedparser spends ~35 µs per tag: a feed of 60,000 items (7.6 MB) took 16 s of a poll."""
    from monitor.sources import feed

    monkeypatch.setattr(feed, "MAX_MARKUP", 400)  # the budget's mechanism, on a feed of test size
    src = Source(name="f", kind="feed", url="https://fj.example.cn/rss.xml")
    found = candidates(src, _items(100), {"content-type": "application/rss+xml"}, src.url)
    assert 40 <= len(found) < 100 and found[0].title == "沪明合作第0条"
    assert [c.title for c in found] == [f"沪明合作第{i}条" for i in range(len(found))]  # whole entries, in order
    import feedparser

    assert not feedparser.parse(feed.bounded(_items(100), src.url)).bozo  # closed: read by the fast parser


def test_a_feed_whose_first_entry_alone_is_over_the_budget_is_a_clear_error(monkeypatch):
    from monitor.sources import feed

    monkeypatch.setattr(feed, "MAX_MARKUP", 400)
    nested = "<x>" * 1000 + "</x>" * 1000
    data = _items(1).replace(b"</title>", f"</title><description>{nested}</description>".encode(), 1)
    src = Source(name="f", kind="feed", url="https://fj.example.cn/rss.xml")
    with pytest.raises(ExtractError, match=r"https://fj.example.cn/rss.xml: .*feed") as err:
        candidates(src, data, {}, src.url)
    assert "\n" not in str(err.value)


def test_a_feed_item_with_endless_attributes_is_read_without_stalling():
    """feedparser compared each attribute with every earlier one: 100,000 on one <item> took 318 s."""
    code = ("from monitor.config import Source\n"
            "from monitor.sources import candidates\n"
            "attrs = ' '.join(f'a{i}=\"x\"' for i in range(60000))\n"
            "data = ('<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item ' + attrs\n"
            "        + '><title>沪明</title><link>https://fj.example.cn/n/1.shtml</link></item></channel></rss>').encode()\n"
            "src = Source(name='f', kind='feed', url='https://fj.example.cn/rss.xml')\n"
            "print([c.title for c in candidates(src, data, {}, src.url)])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)  # was ~2 minutes
    assert done.returncode == 0 and done.stdout.strip() == "['沪明']", done.stderr[-500:]


def test_a_list_page_nested_hundreds_of_thousands_deep_is_read_without_stalling():
    """The list page goes through the same HTML parser as an article: 300,000 nested <div> took minutes."""
    code = ("from monitor.config import Source\n"
            "from monitor.sources import candidates\n"
            "page = ('<html><body>' + '<div>' * 300000 + '<a href=\"/n/t20261118_1.htm\">沪明临港产业园开工</a>'\n"
            "        + '</div>' * 300000 + '</body></html>').encode()\n"
            "src = Source(name='l', kind='html', url='https://sm.example.cn/xw/')\n"
            "print([c.url for c in candidates(src, page, {}, src.url)])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "['https://sm.example.cn/n/t20261118_1.htm']", done.stderr[-500:]


def test_a_list_page_of_endless_links_gives_its_first_ones(monkeypatch):
    """200,000 links on one list page cost ~8 s of every poll (parsing, canonical URLs)."""
    from monitor.sources import html

    monkeypatch.setattr(html, "MAX_LINKS", 100)  # the cap's mechanism, on a page of test size
    page = "<html><body>" + "".join(f'<a href="/n/t2026111{i:04d}_1.htm">沪明合作{i}</a>' for i in range(150))
    src = Source(name="l", kind="html", url="https://sm.example.cn/xw/")
    found = candidates(src, page.encode(), {}, src.url)
    assert [c.title for c in found] == [f"沪明合作{i}" for i in range(100)]


def test_an_api_answer_of_endless_items_gives_its_first_ones(monkeypatch):
    from monitor.sources import jsonapi

    monkeypatch.setattr(jsonapi, "MAX_LINKS", 100)
    src = Source(name="j", kind="json-api", url="https://sm.example.cn/api?p={page}", items="data", link="url",
                 title="title")
    items = [{"url": f"/n/{i}.htm", "title": f"沪明合作{i}"} for i in range(150)]
    assert [c.title for c in jsonapi._candidates(items, src, "https://sm.example.cn/api")] == [
        f"沪明合作{i}" for i in range(100)]


def test_an_api_answer_with_a_lone_surrogate_escape_gives_a_replacement_character():
    from types import SimpleNamespace

    from monitor.sources import jsonapi

    page = SimpleNamespace(content=b'{"data": [{"url": "/n/1.htm", "title": "\\u6caa\\u660e\\udc80"}]}',
                           headers={}, url="https://sm.example.cn/api")
    assert jsonapi.decode(page) == {"data": [{"url": "/n/1.htm", "title": "沪明\ufffd"}]}
    plain = SimpleNamespace(content='{"data": [{"title": "沪明 \\\\ud800 as text"}]}'.encode(), headers={}, url="u")
    assert jsonapi.decode(plain) == {"data": [{"title": "沪明 \\ud800 as text"}]}  # an escaped backslash is text


def test_a_stray_control_character_costs_a_sitemap_or_feed_nothing():
    """A vertical tab in a CMS's title or a NUL in a lastmod made the whole sitemap "not
    well-formed" (no links at all); such characters are left out before the XML is read."""
    sitemap = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
               'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
               '<url><loc>https://sm.example.cn/a/1.htm</loc><lastmod>2026-11-20\x00</lastmod>'
               '<news:news><news:title>沪明\x0b合作</news:title></news:news></url>'
               '<url><loc>https://sm.example.cn/a/2.htm</loc></url></urlset>')
    src = Source(name="s", kind="sitemap", url="https://sm.example.cn/sitemap.xml")
    found = candidates(src, sitemap.encode("utf-8"), {"content-type": "application/xml"}, src.url)
    assert [c.url for c in found] == ["https://sm.example.cn/a/1.htm", "https://sm.example.cn/a/2.htm"]
    feed = RSS.replace("沪明合作新进展", "沪明\x0b合作\x1b新进展")
    titles = [c.title for c in candidates(Source(name="f", kind="feed", url="https://fj.example.cn/rss.xml"),
                                          feed.encode("utf-8"), {"content-type": "application/rss+xml"},
                                          "https://fj.example.cn/rss.xml")]
    assert titles[0] == "沪明合作新进展"
