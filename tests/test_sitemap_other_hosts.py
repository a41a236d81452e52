"""A sitemap may list only its own site's pages (sitemaps.org: a sitemap's URLs are on the host it
is served from; search engines drop the rest). Ours fetched whatever a sitemap listed: a hostile or
hijacked sitemap made the monitor ask other servers for pages (and store them as the source's
news), an index sent it to child sitemaps on other servers. Now an entry, or a child sitemap, on
another site than the source's (its registered domain; an address: that address and port) is
dropped unasked, and a sitemap none of whose entries is on its site says so in one line. The
config says when other sites are wanted: an entry the source's link_pattern matches is taken
wherever it is. Real servers on 127.0.0.1 (two ports: two servers)."""

from __future__ import annotations

from hostile import Site
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx: a fixture)

from monitor.pipeline import poll
from monitor.sources.base import site_of


def urlset(*locs: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<url><loc>{loc}</loc></url>" for loc in locs) + "</urlset>")


def source(a: Site, extra: str = "") -> str:
    return f'[[sources]]\nname = "map"\nkind = "sitemap"\nurl = "{a.url("/sitemap.xml")}"\n{extra}'


def test_a_sitemap_listing_another_servers_pages_has_only_its_own_fetched(make_ctx):  # noqa: F811
    with Site() as a, Site() as b:
        a.page("/sitemap.xml", urlset(a.url("/n/1.html"), b.url("/n/2.html"), "/n/3.html"), content_type="application/xml")
        for n in (1, 3):
            a.article(f"/n/{n}.html", f"沪明合作第{n}号项目签约落地")
        b.article("/n/2.html", "沪明合作第2号项目签约落地")
        ctx = make_ctx(source(a))
        report = poll(ctx)[0]
    assert b.paths() == []
    assert urls(ctx) == {a.url("/n/1.html"), a.url("/n/3.html")}
    assert (report.status, report.new) == ("ok", 2), report.errors


def test_an_index_naming_a_child_sitemap_on_another_server_does_not_ask_it(make_ctx):  # noqa: F811
    with Site() as a, Site() as b:
        a.page("/sitemap.xml", '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               f"<sitemap><loc>{a.url('/s1.xml')}</loc></sitemap><sitemap><loc>{b.url('/s2.xml')}</loc></sitemap>"
               "</sitemapindex>", content_type="application/xml")
        a.page("/s1.xml", urlset(a.url("/n/1.html")), content_type="application/xml")
        b.page("/s2.xml", urlset(b.url("/n/2.html")), content_type="application/xml")
        a.article("/n/1.html", "沪明合作第1号项目签约落地")
        b.article("/n/2.html", "沪明合作第2号项目签约落地")
        ctx = make_ctx(source(a))
        poll(ctx)
    assert b.paths() == [] and urls(ctx) == {a.url("/n/1.html")}


def test_a_sitemap_of_only_other_servers_pages_says_so(make_ctx):  # noqa: F811
    with Site() as a, Site() as b:
        a.page("/sitemap.xml", urlset(b.url("/n/1.html"), b.url("/n/2.html")), content_type="application/xml")
        ctx = make_ctx(source(a))
        report = poll(ctx)[0]
    assert b.paths() == [] and urls(ctx) == set()
    (said,) = report.errors
    assert "2" in said and "other site" in said and "link_pattern" in said and "\n" not in said


def test_link_pattern_takes_another_servers_pages_when_the_config_says_so(make_ctx):  # noqa: F811
    with Site() as a, Site() as b:
        a.page("/sitemap.xml", urlset(a.url("/n/1.html"), b.url("/n/2.html")), content_type="application/xml")
        a.article("/n/1.html", "沪明合作第1号项目签约落地")
        b.article("/n/2.html", "沪明合作第2号项目签约落地")
        ctx = make_ctx(source(a, 'link_pattern = "/n/"\n'))
        report = poll(ctx)[0]
    assert urls(ctx) == {a.url("/n/1.html"), b.url("/n/2.html")} and report.new == 2


def test_a_site_is_its_registered_domain_and_an_address_its_port_too():
    assert site_of("http://www.sm.gov.cn/a") == site_of("https://xxgk.sm.gov.cn:8080/b") == ("sm.gov.cn", None)
    assert site_of("http://www.sm.gov.cn/a") != site_of("http://www.fj.gov.cn/a")
    assert site_of("http://127.0.0.1:8000/a") != site_of("http://127.0.0.1:8001/a")
    assert site_of("http://127.0.0.1/a") == site_of("https://127.0.0.1/a")
