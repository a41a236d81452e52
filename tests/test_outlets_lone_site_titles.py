"""A poll's lone new article of an outlet that heads every page with its own name (an e-paper's
`<title>三明日报数字报</title>`, the headline in a cell of its own, no <h1>): faults-sources-5 left it.

Several such pages in one poll are headed by their links' text (test_outlets_site_titles); a poll
bringing one (the normal case once a source is polled through the day) stored it as
'三明日报数字报', searches and digests naming the outlet for the story. A page headed with the
name its list page is titled by (`<title>` holding it: `三明日报数字报`, `第01版：要闻 - 三明日报数字报`)
and unlike its link's text is headed by that text. An article headed otherwise keeps its own
headline, however unlike its link. The text is invented.
"""

from __future__ import annotations

import pytest
from hostile import Site
from test_cycle import make_ctx  # noqa: F401  (make_ctx is a fixture)
from test_outlets_site_titles import HEADLINES, SITE_NAME, TEXTS, epaper_article

from monitor.pipeline import poll


@pytest.mark.parametrize("list_title", [SITE_NAME, f"第01版：要闻 - {SITE_NAME}"])
def test_a_polls_lone_article_headed_with_the_outlets_name_takes_its_links_text(make_ctx, list_title):  # noqa: F811
    with Site() as a:
        a.page("/node_1.htm", f'<html><head><title>{list_title}</title></head><body><ul class="list">'
                              f'<li><a href="content_0.htm">{HEADLINES[0]}</a></li></ul></body></html>')
        a.page("/content_0.htm", epaper_article(0))
        ctx = make_ctx(f'[[sources]]\nname = "paper"\nkind = "html"\nurl = "{a.url("/node_1.htm")}"\n'
                       'link_selector = "ul.list a"\n')
        report = poll(ctx)[0]
        titles = [r["title"] for r in ctx.store.db.query("SELECT title FROM articles")]
    assert report.new == 1 and titles == [HEADLINES[0]], (report, titles)


def test_a_lone_article_headed_otherwise_keeps_its_headline(make_ctx):  # noqa: F811
    with Site() as a:
        a.page("/list.html", f'<html><head><title>{SITE_NAME}</title></head><body><ul class="list">'
                             f'<li><a href="/a/1.html">{HEADLINES[0]}</a></li></ul></body></html>')
        a.article("/a/1.html", "市领导会见上海客人一行", TEXTS[0] * 3)  # headed otherwise by its editors
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{a.url("/list.html")}"\n'
                       'link_selector = "ul.list a"\n')
        poll(ctx)
        titles = [r["title"] for r in ctx.store.db.query("SELECT title FROM articles")]
    assert titles == ["市领导会见上海客人一行"], titles


def test_a_feeds_lone_article_headed_with_the_feeds_own_name_takes_its_entrys_title(make_ctx):  # noqa: F811
    with Site() as a:
        a.page("/rss.xml", f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{SITE_NAME}</title>'
                           f'<link>{a.url("/")}</link><description>数字报</description><item><title>{HEADLINES[0]}</title>'
                           f'<link>{a.url("/content_0.htm")}</link></item></channel></rss>',
               content_type="application/rss+xml")
        a.page("/content_0.htm", epaper_article(0))
        ctx = make_ctx(f'[[sources]]\nname = "paper"\nkind = "feed"\nurl = "{a.url("/rss.xml")}"\n')
        report = poll(ctx)[0]
        titles = [r["title"] for r in ctx.store.db.query("SELECT title FROM articles")]
    assert report.new == 1 and titles == [HEADLINES[0]], (report, titles)
