"""Feeds and sitemaps whose DOCTYPE declares entities that expand into other entities ("billion laughs").

XML's parser stops such a document past 8 MB of expansion, but feedparser is handed the text in
pieces of a few characters up to there: nine levels took ~9 s of CPU every poll, and under the
limit a headline became megabytes of text. The feed's own entity declarations are now kept only
when they are plain (a character reference or a short text): the rest are dropped before the
feed is parsed, and their references read as text. Real feeds declaring `&nbsp;` still read.
"""

from __future__ import annotations

from monitor.sources import feed, sitemap

ITEMS = "".join(f"<item><title>沪明合作新闻{i} &big;</title><link>http://news.example.cn/{i}.html</link>"
                f"<description>第{i}条</description></item>" for i in range(3))


def rss(doctype: str, items: str = ITEMS) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?>{doctype}<rss version="2.0"><channel><title>三明新闻</title>'
            f"<link>http://news.example.cn/</link>{items}</channel></rss>").encode()


def nested(levels: int, fan: int = 10) -> str:
    """`big` expands to fan ** levels copies of a 60-character text, one level an entity."""
    decls = ['<!ENTITY e0 "' + "哈" * 60 + '">']
    decls += [f'<!ENTITY e{i} "' + f"&e{i - 1};" * fan + '">' for i in range(1, levels + 1)]
    decls.append(f'<!ENTITY big "&e{levels};">')
    return "<!DOCTYPE rss [" + "".join(decls) + "]>"


def test_entities_expanding_into_megabytes_are_not_expanded():
    found = feed.parse(rss(nested(4)), {"content-type": "application/rss+xml"}, "http://news.example.cn/rss.xml")
    assert [c.url for c in found] == [f"http://news.example.cn/{i}.html" for i in range(3)]
    assert all(len(c.title or "") < 200 for c in found), [len(c.title or "") for c in found]
    assert all((c.title or "").startswith(f"沪明合作新闻{i}") for i, c in enumerate(found))


def test_plain_entity_declarations_still_read():
    doctype = '<!DOCTYPE rss [<!ENTITY nbsp "&#160;"><!ENTITY big "三明">]>'
    found = feed.parse(rss(doctype), {"content-type": "application/rss+xml"}, "http://news.example.cn/rss.xml")
    assert [c.title for c in found] == [f"沪明合作新闻{i} 三明" for i in range(3)]


def test_a_declaration_on_its_own_lines_and_parameter_entities_are_dropped_too():
    doctype = ("<!DOCTYPE rss [\n  <!ENTITY % p \"<!ENTITY big 'x'>\">\n  %p;\n"
               + nested(4)[len("<!DOCTYPE rss ["):-2] + "\n]>")
    found = feed.parse(rss(doctype), {"content-type": "application/rss+xml"}, "http://news.example.cn/rss.xml")
    assert len(found) == 3 and all(len(c.title or "") < 200 for c in found)


def test_a_sitemap_with_expanding_entities_lists_its_pages_not_megabytes():
    doc = (f'<?xml version="1.0"?>{nested(4)}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
           "<url><loc>http://news.example.cn/1.html</loc></url><url><loc>http://news.example.cn/2.html&amp;big;</loc>"
           "</url></urlset>").encode()
    kind, entries = sitemap.parse(doc, "http://news.example.cn/sitemap.xml")
    assert kind == "urlset"
    assert [e.loc for e in entries] == ["http://news.example.cn/1.html", "http://news.example.cn/2.html&big;"]


def test_a_sitemap_using_an_entity_it_no_longer_declares_reads_the_reference_as_text():
    # no longer well-formed XML: read element by element, as search engines read a broken sitemap
    doc = (f'<?xml version="1.0"?>{nested(4)}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
           "<url><loc>http://news.example.cn/&big;</loc></url></urlset>").encode()
    kind, entries = sitemap.parse(doc, "http://news.example.cn/sitemap.xml")
    assert kind == "urlset" and [e.loc for e in entries] == ["http://news.example.cn/&big;"]
