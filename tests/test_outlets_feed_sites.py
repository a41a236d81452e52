"""Feeds naming their site: faults-sources-6 left two.

An RSS feed served from another host than its site's (a feed host, a CDN, a mirror of the CMS's
output) writing its items' links relative (`<link>/a/1.html</link>`) under a channel `<link>`
naming the site: each was read against the feed's own address and was a 404, the source giving
nothing. They are read against the channel's link, as feed readers do; an `xml:base` still wins,
and an Atom feed's base is its own address or xml:base, as its spec says.

A JSON Feed's lone new article headed with the feed's own `title` (an e-paper's name on every
page) was stored under that name; the feed's title is the listing's, as an RSS channel's title is
(test_outlets_lone_site_titles). The text is invented.
"""

from __future__ import annotations

import json

from hostile import Site
from test_cycle import make_ctx  # noqa: F401  (make_ctx is a fixture)
from test_outlets_site_titles import HEADLINES, SITE_NAME, TEXTS, epaper_article

from monitor.pipeline import poll
from monitor.sources import feed


def _rss(channel_link: str, items: str, base: str = "") -> str:
    at = f' xml:base="{base}"' if base else ""
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"{at}><channel><title>县融媒体中心</title>'
            f"<link>{channel_link}</link><description>本地新闻</description>{items}</channel></rss>")


def _item(n: int, link: str) -> str:
    return f"<item><title>{HEADLINES[n]}</title><link>{link}</link></item>"


def test_a_feed_served_from_another_host_reads_its_relative_links_on_its_site(make_ctx):  # noqa: F811
    with Site() as feeds, Site() as site:
        feeds.page("/rss/local.xml", _rss(site.url("/"), _item(0, "/a/1.html") + _item(1, "news/2.html")),
                   content_type="application/rss+xml")
        site.article("/a/1.html", HEADLINES[0], TEXTS[0] * 3)
        site.article("/news/2.html", HEADLINES[1], TEXTS[1] * 3)
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "feed"\nurl = "{feeds.url("/rss/local.xml")}"\n')
        report = poll(ctx)[0]
        stored = {r["url"] for r in ctx.store.db.query("SELECT url FROM articles")}
    assert stored == {site.url("/a/1.html"), site.url("/news/2.html")}, (report, stored)
    assert not [p for p in feeds.paths() if p.startswith(("/a/", "/news/", "/rss/news"))], feeds.paths()


def test_an_xml_base_and_whole_links_win_over_the_channels_link():
    items = _item(0, "/a/1.html") + _item(1, "https://other.example/b/2.html")
    got = feed.parse(_rss("http://www.example.com/", items, base="http://static.example.com/").encode(),
                     {"content-type": "application/rss+xml"}, "http://feeds.example.net/rss.xml")
    assert [c.url for c in got] == ["http://static.example.com/a/1.html", "https://other.example/b/2.html"]


def test_an_atom_feeds_relative_links_are_read_on_its_own_address():
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            '<link href="http://www.example.com/"/><id>urn:x</id><updated>2026-12-01T08:00:00+08:00</updated>'
            f'<entry><title>{HEADLINES[0]}</title><link href="/a/1.html"/><id>urn:1</id>'
            '<updated>2026-12-01T08:00:00+08:00</updated></entry></feed>')
    got = feed.parse(atom.encode(), {"content-type": "application/atom+xml"}, "http://feeds.example.net/atom.xml")
    assert [c.url for c in got] == ["http://feeds.example.net/a/1.html"]


def test_a_rss_feed_on_its_sites_host_reads_as_before():
    got = feed.parse(_rss("http://www.example.com/", _item(0, "/a/1.html")).encode(),
                     {"content-type": "application/rss+xml"}, "http://www.example.com/rss.xml")
    assert [c.url for c in got] == ["http://www.example.com/a/1.html"]


def test_a_json_feeds_lone_article_headed_with_the_feeds_name_takes_its_items_title(make_ctx):  # noqa: F811
    with Site() as a:
        doc = {"version": "https://jsonfeed.org/version/1.1", "title": SITE_NAME, "home_page_url": a.url("/"),
               "items": [{"id": "c0", "url": a.url("/content_0.htm"), "title": HEADLINES[0]}]}
        a.page("/feed.json", json.dumps(doc, ensure_ascii=False), content_type="application/feed+json")
        a.page("/content_0.htm", epaper_article(0))
        ctx = make_ctx(f'[[sources]]\nname = "paper"\nkind = "feed"\nurl = "{a.url("/feed.json")}"\n')
        report = poll(ctx)[0]
        titles = [r["title"] for r in ctx.store.db.query("SELECT title FROM articles")]
    assert report.new == 1 and titles == [HEADLINES[0]], (report, titles)
