"""A sitemap index that leads only to more indexes: nested past the two levels read (an index of
indexes of indexes: a loop through ever new addresses, a trap, or a site nesting its archive by
year and month), or whose children within `max_sitemaps` are all indexes again. The walk stops
there, as it should, but the poll was 'ok' with no URL found and not a word said, at every poll:
the source gave nothing for good and nobody was told. The poll now says which sitemaps went unread
and why (status partial); an index whose tree gives URLs says nothing more. Hosts on 127.0.0.1."""

from __future__ import annotations

from hostile import Site
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

XML = '<?xml version="1.0" encoding="UTF-8"?>'
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def _index(children: list[str]) -> str:
    return (f"{XML}<sitemapindex {NS}>" + "".join(f"<sitemap><loc>{c}</loc></sitemap>" for c in children) +
            "</sitemapindex>")


def _urlset(locs: list[str]) -> str:
    return f"{XML}<urlset {NS}>" + "".join(f"<url><loc>{u}</loc></url>" for u in locs) + "</urlset>"


def _poll(make_ctx, site: Site, path: str, extra: str = ""):  # noqa: F811
    ctx = make_ctx(source_toml("map", site.url(path), kind="sitemap") + extra)
    return poll(ctx)[0]


def test_an_index_nested_past_the_levels_read_says_so(make_ctx):  # noqa: F811
    with Site() as a:
        for level in range(6):  # /i0.xml lists /i1.xml, ... each an index, the URLs at the bottom
            a.page(f"/i{level}.xml", _index([a.url(f"/i{level + 1}.xml")]), content_type="application/xml")
        a.page("/i6.xml", _urlset([a.url("/news/1.html")]), content_type="application/xml")
        report = _poll(make_ctx, a, "/i0.xml")
    assert report.status == "partial" and report.new == 0, report
    (line,) = report.errors  # main: status ok, no error, nothing said
    assert "/i0.xml led to no URL" in line and "1 sitemap nested deeper than 2 levels not read" in line, line
    assert "make a lower index the source's url" in line, line


def test_an_index_whose_children_within_max_sitemaps_are_indexes_says_so(make_ctx):  # noqa: F811
    with Site() as a:
        a.page("/index.xml", _index([a.url(f"/year{y}.xml") for y in range(5)]), content_type="application/xml")
        for y in range(5):
            a.page(f"/year{y}.xml", _index([a.url(f"/m{y}-{m}.xml") for m in range(12)]), content_type="application/xml")
        report = _poll(make_ctx, a, "/index.xml", "max_sitemaps = 3\n")
    assert report.status == "partial" and report.new == 0, report
    (line,) = report.errors
    assert "sitemaps beyond max_sitemaps (3) not read" in line and "raise max_sitemaps" in line, line


def test_an_index_whose_tree_gives_urls_says_nothing_more(make_ctx):  # noqa: F811
    with Site() as a:
        a.page("/index.xml", _index([a.url("/deep.xml"), a.url("/news.xml")]), content_type="application/xml")
        a.page("/deep.xml", _index([a.url("/deeper.xml")]), content_type="application/xml")
        a.page("/deeper.xml", _index([a.url("/deepest.xml")]), content_type="application/xml")
        a.page("/news.xml", _urlset([a.url("/news/1.html")]), content_type="application/xml")
        a.article("/news/1.html", "沪明合作新闻一")
        report = _poll(make_ctx, a, "/index.xml")
    assert report.new == 1 and not report.errors and report.status == "ok", report
