"""A later page of a listing that fails costs that page, not the pages read before it (fourth round).

A reader of a list whose second page answers 404 or 500 still reads the first. The walk let the
failure end the whole listing: the source reported an error and stored nothing, every poll:
- `pages = 3` on a site whose list has one page (list_2.html: 404): nothing was ever stored;
- page 2 failing for a while (HTTP 500): page 1's news waited for page 2 to come back;
- a burst read on past `pages` whose next page fails: no mark was left, so the next poll did not
  read on from it;
- a JSON API's second answer failing, and a sitemap index's one missing child (the others' links
  lost with it).
Now the walk ends at the failing page with what it read: a 404/410 past the first page is the
list's end (no warning); any other failure is a warning (status `partial`), and past `pages` a
mark at that page, read on from by the next poll. The text is invented; the servers are real."""

from __future__ import annotations

from hostile import BODY, Site
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll


def _articles(a: Site, paths: list[str]) -> set[str]:
    for n, path in enumerate(paths):
        a.article(path, f"三明与上海合作第{n}号项目签约落地", BODY + f"\n第{n}号项目总投资{n + 3}亿元。")
    return {a.url(p) for p in paths}


def _html(a: Site, pages: int = 3) -> str:
    return source_toml("a", a.url("/list.html")) + f'pages = {pages}\npage_url = "list_{{n}}.html"\nfirst_page = 1\n'


def test_a_list_of_fewer_pages_than_configured_is_read(make_ctx):  # noqa: F811
    with Site() as a:
        a.robots("User-agent: *\nDisallow:\n")
        want = _articles(a, ["/a/1.html", "/a/2.html"])
        a.listing("/list.html", ["/a/1.html", "/a/2.html"])  # list_2.html: 404
        ctx = make_ctx(_html(a))
        report = poll(ctx)[0]
    assert urls(ctx) == want and report.status == "ok" and report.errors == [], report


def test_a_failing_second_page_costs_only_its_links(make_ctx):  # noqa: F811
    with Site() as a:
        a.robots("User-agent: *\nDisallow:\n")
        want = _articles(a, ["/a/1.html", "/a/2.html"])
        a.listing("/list.html", ["/a/1.html", "/a/2.html"])
        a.status("/list_2.html", 500)
        ctx = make_ctx(_html(a))
        report = poll(ctx)[0]
    assert urls(ctx) == want, report
    assert report.status == "partial" and any("list_2.html" in e and "500" in e for e in report.errors), report


def test_a_burst_whose_next_page_fails_is_read_on_by_the_next_poll(make_ctx):  # noqa: F811
    with Site() as a:
        a.robots("User-agent: *\nDisallow:\n")
        old = [f"/a/{n}.html" for n in range(3)]
        _articles(a, old)
        a.listing("/list.html", old)
        ctx = make_ctx(source_toml("a", a.url("/list.html")) + 'page_url = "list_{n}.html"\nfirst_page = 1\n')
        assert poll(ctx)[0].new == 3
        new = [f"/b/{n}.html" for n in range(6)]
        want = _articles(a, new)
        a.listing("/list.html", new[:3])
        a.status("/list_2.html", 503)  # the rest of the burst, and the old news, behind a failing page
        second = poll(ctx)[0]
        a.listing("/list_2.html", new[3:] + old[:1])
        third = poll(ctx)[0]
    assert second.new == 3 and second.status == "partial", second
    assert third.new == 3 and urls(ctx) >= want, third


def test_a_json_api_s_failing_second_answer_costs_only_its_items(make_ctx):  # noqa: F811
    with Site() as a:
        a.robots("User-agent: *\nDisallow:\n")
        want = _articles(a, ["/a/1.html", "/a/2.html"])
        a.page("/api/1.json", '{"data": {"list": [{"title": "沪明一", "url": "/a/1.html"}, '
                              '{"title": "沪明二", "url": "/a/2.html"}]}}', content_type="application/json")
        a.status("/api/2.json", 502)
        ctx = make_ctx(f'[[sources]]\nname = "api"\nkind = "json-api"\nurl = "{a.url("/api/{page}.json")}"\n'
                       'items = "data.list"\ntitle = "title"\nlink = "url"\nmax_pages = 3\n')
        report = poll(ctx)[0]
    assert urls(ctx) == want and report.status == "partial", report


def test_a_sitemap_index_s_missing_child_costs_only_its_links(make_ctx):  # noqa: F811
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    with Site() as a:
        a.robots("User-agent: *\nDisallow:\n")
        want = _articles(a, ["/a/1.html", "/a/2.html"])
        a.page("/index.xml", f'<?xml version="1.0"?><sitemapindex {ns}>'
                             f"<sitemap><loc>{a.url('/s1.xml')}</loc><lastmod>2026-12-05</lastmod></sitemap>"
                             f"<sitemap><loc>{a.url('/s2.xml')}</loc><lastmod>2026-12-04</lastmod></sitemap>"
                             "</sitemapindex>", content_type="application/xml")
        a.status("/s1.xml", 404)
        a.page("/s2.xml", f'<?xml version="1.0"?><urlset {ns}>' + "".join(
            f"<url><loc>{u}</loc></url>" for u in sorted(want)) + "</urlset>", content_type="application/xml")
        ctx = make_ctx(source_toml("a", a.url("/index.xml"), kind="sitemap"))
        report = poll(ctx)[0]
    assert urls(ctx) == want and report.status == "partial", report
    assert any("s1.xml" in e for e in report.errors), report


def test_a_sitemap_index_whose_every_child_fails_is_the_source_s_failure(make_ctx):  # noqa: F811
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    with Site() as a:
        a.robots("User-agent: *\nDisallow:\n")
        a.page("/index.xml", f'<?xml version="1.0"?><sitemapindex {ns}><sitemap><loc>{a.url("/s1.xml")}</loc>'
                             "</sitemap></sitemapindex>", content_type="application/xml")
        ctx = make_ctx(source_toml("a", a.url("/index.xml"), kind="sitemap"))
        report = poll(ctx)[0]
    assert report.status == "error" and "s1.xml" in report.errors[0], report
