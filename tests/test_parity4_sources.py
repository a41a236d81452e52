"""Sources read as a reader's software reads them (the fourth round).

- A sitemap whose `<loc>` entries are relative (`/a/1.html`, `a/2.html`, `//host/a/3.html`):
  a CMS's template writes the path without the host. Each is an address relative to the
  sitemap's own, as any link is; the listing dropped every one as "not an http(s) link", and a
  sitemap index's relative children were asked for as they were (a refused request each).
- A JSON Feed (https://jsonfeed.org/version/1 and 1.1) as a `feed` source: feed readers list
  its `items` as they list an RSS feed's entries (`url`, `title`, `date_published`,
  `summary` / `content_text` / `content_html`). feedparser does not read JSON, so the source
  failed ("not a readable RSS/Atom feed"). It is read without loading feedparser.
The text is invented; the servers are real, on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timezone

import pytest
from hostile import BODY, Site, article_html
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.errors import ExtractError
from monitor.pipeline import poll
from monitor.sources import feed, sitemap

SITE = "http://news.example.cn"
URL = SITE + "/map/sitemap.xml"
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def _urlset(locs: list[str]) -> bytes:
    entries = "".join(f"<url><loc>{loc}</loc><lastmod>2026-12-05</lastmod></url>" for loc in locs)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {NS}>{entries}</urlset>\n'.encode()


@pytest.mark.parametrize(("locs", "wanted"), [
    (["/a/1.html", "a/2.html", "//news.example.cn/a/3.html"],
     [SITE + "/a/1.html", SITE + "/map/a/2.html", SITE + "/a/3.html"]),
    (["  /a/1.html\n", "../a/2.html"], [SITE + "/a/1.html", SITE + "/a/2.html"]),
])
def test_relative_sitemap_entries_are_resolved_against_the_sitemap(locs, wanted):
    kind, entries = sitemap.parse(_urlset(locs), URL)
    assert kind == "urlset" and [e.loc for e in entries] == wanted


def test_relative_entries_of_a_sitemap_that_is_no_well_formed_xml_are_resolved():
    doc = _urlset(["/show.asp?id=5&lm=2", "/a/2.html"]).replace(b"&amp;", b"&")
    _, entries = sitemap.parse(doc, URL)
    assert [e.loc for e in entries] == [SITE + "/show.asp?id=5&lm=2", SITE + "/a/2.html"]


def test_a_relative_child_of_a_sitemap_index_is_resolved():
    doc = (f'<?xml version="1.0"?><sitemapindex {NS}><sitemap><loc>news-2026-12.xml</loc>'
           "<lastmod>2026-12-05</lastmod></sitemap></sitemapindex>").encode()
    kind, entries = sitemap.parse(doc, URL)
    assert kind == "index" and [e.loc for e in entries] == [SITE + "/map/news-2026-12.xml"]


def test_script_and_mail_entries_are_no_addresses():
    _, entries = sitemap.parse(_urlset(["javascript:void(0)", "mailto:a@b.cn", "/a/1.html"]), URL)
    assert [e.loc for e in entries] == [SITE + "/a/1.html"]


def test_a_polled_index_with_relative_entries_brings_its_articles(make_ctx):  # noqa: F811
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        paths = [f"/a/2026/12/05/{n}.html" for n in (1, 2)]
        for n, path in enumerate(paths, 1):
            site.page(path, article_html(f"沪明合作第{n}篇", BODY))
        site.page("/map/index.xml", (f'<?xml version="1.0"?><sitemapindex {NS}><sitemap><loc>/map/news.xml</loc>'
                                     "</sitemap></sitemapindex>"), content_type="application/xml")
        site.page("/map/news.xml", _urlset(paths), content_type="application/xml")
        ctx = make_ctx(source_toml("a", site.url("/map/index.xml"), kind="sitemap"))
        report = poll(ctx)[0]
        assert urls(ctx) == {site.url(p) for p in paths}, report


# ------------------------------------------------------------------ JSON Feed

def _json_feed(items: list[dict], version: str = "https://jsonfeed.org/version/1.1", **top) -> bytes:
    return json.dumps({"version": version, "title": "三明融媒", "home_page_url": SITE + "/", **top,
                       "items": items}, ensure_ascii=False).encode()


ITEMS = [
    {"id": "2", "url": SITE + "/a/2.html", "title": "沪明合作共建产业园", "date_published": "2026-12-05T08:00:00+08:00",
     "content_html": "<p>上海与三明两地签约。</p>"},
    {"id": "1", "url": "/a/1.html", "title": "三明文旅推介会走进上海", "date_published": "2026-12-04T20:30:00Z",
     "summary": "推介会在上海举行。", "content_text": "推介会在上海举行，多家企业参加。"},
]


@pytest.mark.parametrize(("version", "ctype"), [
    ("https://jsonfeed.org/version/1.1", "application/feed+json"),
    ("https://jsonfeed.org/version/1", "application/json; charset=utf-8"),
    ("https://jsonfeed.org/version/1", "text/plain"),
])
def test_a_json_feed_lists_its_items(version, ctype):
    found = feed.parse(_json_feed(ITEMS, version), {"content-type": ctype}, SITE + "/feed.json")
    assert [(c.url, c.title) for c in found] == [(SITE + "/a/2.html", "沪明合作共建产业园"),
                                                 (SITE + "/a/1.html", "三明文旅推介会走进上海")]
    assert [c.published for c in found] == [datetime(2026, 12, 5, 0, 0, tzinfo=timezone.utc),
                                            datetime(2026, 12, 4, 20, 30, tzinfo=timezone.utc)]
    assert found[0].summary == "<p>上海与三明两地签约。</p>" and found[1].summary == "推介会在上海举行。"


def test_a_json_feed_item_without_a_url_is_read_by_its_external_url_or_skipped():
    items = [{"id": "3", "external_url": SITE + "/a/3.html", "title": "三"},
             {"id": "4", "title": "no address", "content_text": "x"},
             {"id": "5", "url": 5}, "not an item",
             {"id": "6", "url": SITE + "/a/6.html", "date_modified": "2026-12-03T08:00:00+08:00"}]
    found = feed.parse(_json_feed(items), {"content-type": "application/feed+json"}, SITE + "/feed.json")
    assert [c.url for c in found] == [SITE + "/a/3.html", SITE + "/a/6.html"]
    assert found[1].published == datetime(2026, 12, 3, 0, 0, tzinfo=timezone.utc) and found[1].title is None


def test_a_json_feed_in_gbk_with_a_byte_order_mark_is_read():
    data = json.dumps({"version": "https://jsonfeed.org/version/1", "items": ITEMS[:1]}, ensure_ascii=False)
    found = feed.parse(data.encode("gbk"), {"content-type": "application/json; charset=gbk"}, SITE + "/feed.json")
    assert [c.title for c in found] == ["沪明合作共建产业园"]
    found = feed.parse(b"\xef\xbb\xbf\n" + data.encode(), {"content-type": "application/json"}, SITE + "/feed.json")
    assert [c.title for c in found] == ["沪明合作共建产业园"]


@pytest.mark.parametrize("doc", [
    b'{"status": "ok", "data": []}',  # JSON, but no feed
    b'{"version": "https://jsonfeed.org/version/1", "items": {"a": 1}}',
    b'{"version": "https://jsonfeed.org/version/1", "items": [',  # cut short
    b"[" * 100_000 + b"]" * 100_000,
])
def test_json_that_is_no_feed_is_an_error(doc):
    with pytest.raises(ExtractError, match="feed"):
        feed.parse(doc, {"content-type": "application/json"}, SITE + "/feed.json")


def test_a_json_feed_is_read_without_loading_feedparser():
    code = ("import sys, json\nfrom monitor.sources import feed\n"
            f"found = feed.parse({_json_feed(ITEMS)!r}, {{'content-type': 'application/feed+json'}}, {SITE!r})\n"
            "assert len(found) == 2, found\nassert 'feedparser' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_polled_json_feed_brings_its_articles(make_ctx):  # noqa: F811
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.article("/a/1.html", "三明文旅推介会走进上海")
        site.article("/a/2.html", "沪明合作共建产业园")
        items = [{"id": "2", "url": "/a/2.html", "title": "沪明合作共建产业园"},
                 {"id": "1", "url": site.url("/a/1.html"), "title": "三明文旅推介会走进上海"}]
        site.page("/feed.json", _json_feed(items), content_type="application/feed+json")
        ctx = make_ctx(source_toml("jf", site.url("/feed.json"), kind="feed"))
        report = poll(ctx)[0]
        assert urls(ctx) == {site.url("/a/1.html"), site.url("/a/2.html")}, report


@pytest.mark.parametrize("ctype", ["application/feed+json", "application/json"])
def test_add_source_takes_a_json_feed_for_a_feed(ctype):
    from monitor.sources.detect import detect

    guesses = detect(_json_feed(ITEMS), {"content-type": ctype}, SITE + "/feed.json")
    assert [(g.kind, g.url) for g in guesses][:1] == [("feed", SITE + "/feed.json")]


def test_an_entry_whose_only_link_is_its_media_is_no_article_link():
    """An item offering only a video or a picture (`<enclosure>`, Atom's rel="enclosure"): a reader
    shows its text and plays the media; there is no article page to fetch (the video was fetched
    as one, up to the size cap, and failed extraction every poll)."""
    rss = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
           '<item><title>视频：沪明合作</title><enclosure url="/v/1.mp4" type="video/mp4" length="9"/></item>'
           '<item><title>沪明合作</title><enclosure url="/v/2.mp4" type="video/mp4" length="9"/>'
           "<link>/a/2.html</link></item></channel></rss>")
    atom = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            '<entry><title>图集</title><link rel="enclosure" href="/img/1.jpg"/><id>tag:x,1</id></entry>'
            '<entry><title>沪明合作</title><link rel="enclosure" href="/img/2.jpg"/><link href="/a/2.html"/>'
            "<id>tag:x,2</id></entry></feed>")
    for doc in (rss, atom):
        found = feed.parse(doc.encode(), {"content-type": "application/xml"}, SITE + "/rss.xml")
        assert [c.url for c in found if c.url.startswith("http")] == [SITE + "/a/2.html"], doc  # (an id: dropped)
