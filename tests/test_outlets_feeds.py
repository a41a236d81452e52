"""Feeds as outlets write them (guards: each read right before this round, kept so): an Atom
feed whose links are relative to its `xml:base` (the feed's, and an entry's own); an RSS feed
in GBK whose XML declaration says UTF-8; an entry whose page is only its permalink `<guid>`."""

from __future__ import annotations

from monitor.sources import feed

URL = "http://127.0.0.1:1/feeds/atom.xml"


def test_atom_links_are_resolved_against_xml_base():
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="/news/">'
            '<title>县融媒体</title><entry xml:base="2026/"><title>沪明一</title><link href="1.html"/></entry>'
            '<entry><title>沪明二</title><link href="/abs/2.html"/></entry>'
            '<entry><title>沪明三</title><link href="3.html"/></entry></feed>').encode()
    found = feed.parse(atom, {"content-type": "application/atom+xml"}, URL)
    assert [c.url for c in found] == ["http://127.0.0.1:1/news/2026/1.html", "http://127.0.0.1:1/abs/2.html",
                                      "http://127.0.0.1:1/news/3.html"]


def test_a_gbk_feed_declaring_utf8_is_read_in_gbk():
    rss = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>三明新闻</title><item>'
           '<title>沪明合作项目签约</title><link>http://127.0.0.1:1/a.html</link></item></channel></rss>').encode("gbk")
    (entry,) = feed.parse(rss, {"content-type": "application/rss+xml; charset=utf-8"}, URL)
    assert entry.title == "沪明合作项目签约"


def test_an_entry_whose_page_is_its_permalink_guid_is_read():
    rss = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title><item><title>沪明</title>'
           '<guid isPermaLink="true">http://127.0.0.1:1/g.html</guid></item></channel></rss>').encode()
    assert [c.url for c in feed.parse(rss, {}, URL)] == ["http://127.0.0.1:1/g.html"]
