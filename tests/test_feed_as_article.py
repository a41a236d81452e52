"""A link that leads to a feed or a sitemap instead of an article: a feed item whose <link> is the
feed itself (a CMS filling the field with the channel's address), a list page linking its own RSS
or sitemap beside its articles. The page was 'opened as HTML' (an XML declaration opens XHTML
too) and extracted: the feed stored as an article headed with the channel's title, its body every
item's summary run together, and matched, since the summaries were about us. Now an answer whose
root element is a feed's or a sitemap's is 'not a web page', given up as a download is, and the
feed's real items are stored as before."""

from __future__ import annotations

from hostile import BODY, Site
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll


def rss(base: str, items: list[tuple[str, str]], *, prolog: str = '<?xml version="1.0" encoding="utf-8"?>') -> str:
    entries = "".join(f"<item><title>{t}</title><link>{base}{p}</link><description>{BODY}</description></item>"
                      for t, p in items)
    return f'{prolog}<rss version="2.0"><channel><title>沪明频道</title><link>{base}/</link>{entries}</channel></rss>'


def test_a_feed_item_linking_to_the_feed_itself_stores_nothing_for_it(make_ctx):  # noqa: F811
    with Site() as a:
        a.page("/feed.xml", rss(a.base, [("沪明合作新闻一", "/a1.html"), ("沪明合作频道", "/feed.xml"),
                                         ("沪明合作新闻二", "/a2.html")]), content_type="application/rss+xml")
        a.article("/a1.html", "沪明合作新闻一")
        a.article("/a2.html", "沪明合作新闻二")
        ctx = make_ctx(source_toml("a", a.url("/feed.xml"), kind="feed"))
        report = poll(ctx)[0]
        again = poll(ctx)[0]
    assert urls(ctx) == {a.url("/a1.html"), a.url("/a2.html")}, urls(ctx)
    assert report.new == 2 and report.skipped == 1, report
    failed = [r["reason"] for r in ctx.store.db.query("SELECT reason FROM link_failures")]
    assert failed == ["not a web page (an RSS or Atom feed)"], failed
    assert a.paths().count("/feed.xml") == 3 and again.new == 0, a.paths()  # given up: not asked again


def test_a_list_page_linking_its_feed_and_sitemap_stores_only_its_articles(make_ctx):  # noqa: F811
    sitemap = ('<?xml version="1.0" encoding="UTF-8"?>\n<!-- generated -->\n'
               '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/a1.html</loc>'
               f'<news:title>沪明合作新闻一{BODY}</news:title></url></urlset>')
    with Site() as a:
        a.listing("/list.html", ["/rss.html", "/sitemap.html", "/atom", "/a1.html"])
        a.page("/rss.html", rss(a.base, [("沪明合作新闻一", "/a1.html")]))  # served as text/html
        a.page("/sitemap.html", sitemap)
        a.page("/atom", f'<feed xmlns="http://www.w3.org/2005/Atom"><title>沪明合作</title><entry><title>沪明合作新闻一'
                        f'</title><summary>{BODY}</summary></entry></feed>', content_type="text/xml")
        a.article("/a1.html", "沪明合作新闻一")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert urls(ctx) == {a.url("/a1.html")}, urls(ctx)
    assert report.skipped == 3, report
    failed = sorted(r["reason"] for r in ctx.store.db.query("SELECT reason FROM link_failures"))
    assert failed == ["not a web page (a sitemap)", *["not a web page (an RSS or Atom feed)"] * 2], failed
