"""Sitemaps as search engines read them, not only as a strict XML parser does.

Sites write their sitemaps by hand or by template, and the XML parser refused the whole file
for one slip, so the source listed nothing ("not a readable sitemap") where Baidu and Google
read every entry:
- a text sitemap, one address a line (`sitemap.txt`, the form Baidu's webmaster tools take);
- a bare `&` in an address (`show.asp?id=5&lm=2`), an HTML entity XML does not know
  (`&nbsp;` in a news title), a `news:` prefix never declared;
- a PHP warning printed before the XML, a CDN's comment or script after its end, a file cut
  short by the server (its whole entries are read);
- element names in capitals (`<URL><LOC>`: entries silently none);
- an RSS or Atom feed given as the sitemap (Google takes both as sitemaps): refused by its root.
A page that is no sitemap at all (an HTML error page) is still an error. Real servers on
127.0.0.1 for the end-to-end case; the text is invented."""

from __future__ import annotations

import pytest
from hostile import BODY, Site, article_html
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.errors import ExtractError
from monitor.pipeline import poll
from monitor.sources import sitemap

SITE = "http://news.example.cn"
URL = SITE + "/sitemap.xml"
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
NEWS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def _urlset(entries: str, ns: str = NS) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {ns}>\n{entries}\n</urlset>\n'


def _url(loc: str, extra: str = "<lastmod>2026-12-05</lastmod>") -> str:
    return f"<url><loc>{loc}</loc>{extra}</url>"


ONE_TWO = _url(SITE + "/a/1.html") + _url(SITE + "/a/2.html")


@pytest.mark.parametrize(("doc", "locs"), [
    (_urlset(_url(SITE + "/show.asp?id=5&lm=2") + _url(SITE + "/a/2.html")),
     [SITE + "/show.asp?id=5&lm=2", SITE + "/a/2.html"]),
    ("<br />\n<b>Warning</b>: date(): It is not safe to rely on the system's timezone settings in "
     "<b>/www/sitemap.php</b> on line <b>4</b><br />\n" + _urlset(ONE_TWO), [SITE + "/a/1.html", SITE + "/a/2.html"]),
    (_urlset(ONE_TWO) + "<!-- cached 2026-12-05 08:00:01 -->\n<script src='/tj.js'></script>\n",
     [SITE + "/a/1.html", SITE + "/a/2.html"]),
    (_urlset(ONE_TWO + _url(SITE + "/a/3.html"))[:-60], [SITE + "/a/1.html", SITE + "/a/2.html"]),  # cut short
    (_urlset(ONE_TWO.replace("url>", "URL>").replace("loc>", "LOC>")), [SITE + "/a/1.html", SITE + "/a/2.html"]),
    (_urlset(_url("<![CDATA[" + SITE + "/show.asp?id=5&lm=2]]>")), [SITE + "/show.asp?id=5&lm=2"]),
])
def test_a_sitemap_a_strict_parser_refuses_is_read(doc, locs):
    kind, entries = sitemap.parse(doc.encode(), URL)
    assert kind == "urlset" and [e.loc for e in entries] == locs


def test_a_news_sitemap_with_html_entities_and_an_undeclared_prefix_keeps_titles_and_dates():
    news = ("<news:news><news:publication><news:name>三明日报</news:name></news:publication>"
            "<news:publication_date>2026-12-05T08:00:00+08:00</news:publication_date>"
            "<news:title>沪明合作&nbsp;共建产业园&mdash;三明</news:title></news:news>")
    kind, entries = sitemap.parse(_urlset(_url(SITE + "/a/1.html", news)).encode(), URL)
    assert kind == "urlset" and [e.loc for e in entries] == [SITE + "/a/1.html"]
    assert entries[0].title == "沪明合作\xa0共建产业园—三明"
    assert entries[0].when is not None and entries[0].when.isoformat() == "2026-12-05T00:00:00+00:00"


def test_a_broken_sitemap_index_is_an_index():
    doc = ('<?xml version="1.0"?><sitemapindex ' + NS + "><sitemap><loc>" + SITE + "/s.asp?p=1&t=news</loc>"
           "<lastmod>2026-12-05</lastmod></sitemap></sitemapindex>")
    kind, entries = sitemap.parse(doc.encode(), URL)
    assert kind == "index" and [e.loc for e in entries] == [SITE + "/s.asp?p=1&t=news"]


@pytest.mark.parametrize("text", [
    f"{SITE}/a/1.html\n{SITE}/a/2.html\n",
    f"\ufeff{SITE}/a/1.html\r\n\r\n  {SITE}/a/2.html  \r\n",
])
def test_a_text_sitemap_is_one_address_a_line(text):
    kind, entries = sitemap.parse(text.encode(), SITE + "/sitemap.txt")
    assert kind == "urlset" and [e.loc for e in entries] == [SITE + "/a/1.html", SITE + "/a/2.html"]


@pytest.mark.parametrize("doc", [
    ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>三明</title><link>' + SITE + "/</link>"
     "<item><title>沪明合作</title><link>" + SITE + "/a/1.html</link><pubDate>Sat, 05 Dec 2026 08:00:00 +0800</pubDate>"
     "</item></channel></rss>"),
    ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>三明</title><entry><title>沪明合作</title>'
     '<link href="/a/1.html"/><updated>2026-12-05T08:00:00+08:00</updated></entry></feed>'),
])
def test_a_feed_given_as_a_sitemap_lists_its_entries(doc):
    kind, entries = sitemap.parse(doc.encode(), URL)
    assert kind == "urlset" and [(e.loc, e.title) for e in entries] == [(SITE + "/a/1.html", "沪明合作")]
    assert entries[0].when is not None


@pytest.mark.parametrize("doc", [
    "<html><head><title>404</title></head><body><p>页面不存在</p></body></html>",
    "<!DOCTYPE html><html><body><p>页面不存在 &nbsp; <br></body></html>",
    "页面不存在\n",
])
def test_a_page_that_is_no_sitemap_is_still_an_error(doc):
    with pytest.raises(ExtractError, match="sitemap"):
        sitemap.parse(doc.encode(), URL)


def test_a_polled_text_sitemap_brings_its_articles(make_ctx):  # noqa: F811
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        paths = [f"/a/2026/12/05/{n}.html" for n in (1, 2)]
        for n, path in enumerate(paths, 1):
            site.page(path, article_html(f"沪明合作第{n}篇", BODY))
        site.page("/sitemap.txt", "".join(site.url(p) + "\r\n" for p in paths), content_type="text/plain")
        ctx = make_ctx(source_toml("a", site.url("/sitemap.txt"), kind="sitemap"))
        report = poll(ctx)[0]
        assert urls(ctx) == {site.url(p) for p in paths}, report
