"""Outlets whose pages resolve their links against a `<base href>` (a CMS that writes every link
relative to the site's root and says so in the head, as many county and bureau sites do).

A list page's links were read against the base already; the article page's were not:
- its `<link rel="canonical" href="xw/2026/12/content_1.htm">` was resolved against the page's
  own address, so the article was stored under `…/xw/2026/12/xw/2026/12/content_1.htm`, an
  address that answers 404: every digest, feed and search result linked to nothing;
- its pager's links to pages 2, 3 (`xw/2026/12/content_1_2.htm`) were read the same way and
  never matched the page's own folder: only the first page of a long article was stored.
Both now resolve against the base, as a browser does (the Link header's canonical, against
the address asked, as before).
"""

from __future__ import annotations

from hostile import BODY, Site
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.fetch.signals import canonical_link
from monitor.pipeline import poll
from monitor.pipeline.morepages import later_pages

TITLE = "三明与上海合作项目签约落地"
PAGE_TWO = "第二页：沪明两地还商定在文旅方面共同推出十条精品线路，并互设旅游推广中心。"


def based_site(a: Site) -> None:
    head = f'<base href="{a.url("/")}"><title>{TITLE}</title>'
    a.page("/xw/2026/index.html", f'<html><head>{head}</head><body><ul class="news">'
           f'<li><a href="xw/2026/12/content_1.htm">{TITLE}</a></li></ul></body></html>')
    paras = "".join(f"<p>{p}</p>" for p in BODY.split("\n"))
    a.page("/xw/2026/12/content_1.htm",
           f'<html><head>{head}<link rel="canonical" href="xw/2026/12/content_1.htm"></head><body><h1>{TITLE}</h1>'
           f'<div class="content">{paras}</div><div class="pager"><a href="xw/2026/12/content_1_2.htm">2</a> '
           '<a href="xw/2026/12/content_1_2.htm">下一页</a></div></body></html>')
    a.page("/xw/2026/12/content_1_2.htm", f'<html><head>{head}</head><body><h1>{TITLE}</h1>'
           f'<div class="content"><p>{PAGE_TWO}</p></div></body></html>')


def test_an_article_under_a_base_href_is_stored_at_its_address_with_all_its_pages(make_ctx):  # noqa: F811
    with Site() as a:
        based_site(a)
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{a.url("/xw/2026/index.html")}"\n'
                       'link_selector = "ul.news a"\n')
        report = poll(ctx)[0]
        rows = [dict(r) for r in ctx.store.db.query("SELECT url, body FROM articles")]
        asked = a.paths()
    assert report.new == 1, report
    assert [r["url"] for r in rows] == [a.url("/xw/2026/12/content_1.htm")], rows
    assert "/xw/2026/12/content_1_2.htm" in asked and PAGE_TWO in rows[0]["body"], (asked, rows)


def test_canonical_and_later_pages_resolve_against_the_base():
    page = "http://www.county.gov.cn/xw/2026/12/content_1.htm"
    html = ('<html><head><base href="/"><link rel="canonical" href="xw/2026/12/content_1.htm"></head>'
            '<body><a href="xw/2026/12/content_1_2.htm">2</a><a href="xw/2026/12/content_1_3.htm">3</a></body></html>')
    assert canonical_link(page, {}, html.encode()) == page
    assert later_pages(page, html) == [page.replace(".htm", "_2.htm"), page.replace(".htm", "_3.htm")]
    # without a base, or with one that is no web address, the page's own address as before
    plain = html.replace('<base href="/">', "").replace('"xw/2026/12/', '"')
    assert canonical_link(page, {}, plain.encode()) == page
    assert canonical_link(page, {}, html.replace('"/"', '"javascript:void(0)"').encode()) == \
        "http://www.county.gov.cn/xw/2026/12/xw/2026/12/content_1.htm"
    # the Link header's canonical is the address asked's, whatever the base
    assert canonical_link(page, {"link": '<content_1.htm>; rel="canonical"'}, html.encode()) == page


def test_add_source_finds_the_feed_a_page_under_a_base_href_announces(tmp_path):
    from test_add_source_faults import _block, _run

    with Site() as a:
        rss = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>县融媒体</title>'
               f"<item><title>{TITLE}</title><link>{a.url('/xw/2026/12/content_1.htm')}</link></item></channel></rss>")
        a.page("/rss.xml", rss, content_type="application/rss+xml; charset=utf-8")
        a.page("/xw/index.html", f'<html><head><base href="{a.url("/")}"><title>县融媒体</title>'
               '<link rel="alternate" type="application/rss+xml" title="要闻" href="rss.xml"></head>'
               f'<body><ul class="news"><li><a href="xw/2026/12/content_1.htm">{TITLE}</a></li></ul></body></html>')
        result = _run(tmp_path, "add-source", a.url("/xw/index.html"))
    assert result.returncode == 0, result.stderr
    assert _block(result.stdout)["url"] == a.url("/rss.xml"), result.stdout
