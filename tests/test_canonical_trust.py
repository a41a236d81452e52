"""A page's `<link rel="canonical">` names the address an article is stored and known under, but
templates get it wrong: every article of a section declaring the section page, or one featured
article hard-coded in the template. Taken at its word, such a canonical made every article after
the first a "duplicate" of it, so they were never stored. A canonical is trusted only when it can
be this article: not a folder above the page (its section), and not the address of a stored
article with another headline. The address of the same article elsewhere (mobile, AMP) still
counts."""

from __future__ import annotations

from hostile import BODY, Site, article_html
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll


def _titled(i: int) -> tuple[str, str]:
    return (f"三明与上海签约第{i}个产业协作项目", BODY + f"\n第{i}个项目的具体内容：总投资{i + 2}亿元，明年投产。")


def _canonical(url: str) -> str:
    return f'<link rel="canonical" href="{url}">'


def _three(site: Site, canonical: str) -> list[str]:
    """A listing of three articles, each page declaring `canonical` as its address."""
    links = [f"/news/2026/{i}.html" for i in range(3)]
    site.listing("/list.html", links)
    for i, link in enumerate(links):
        site.page(link, article_html(*_titled(i), extra_head=_canonical(site.url(canonical))))
    return links


def test_a_template_naming_the_section_page_as_every_articles_canonical_loses_none(make_ctx):  # noqa: F811
    with Site() as a:
        links = _three(a, "/news/")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert (report.new, report.duplicates) == (3, 0), report
    assert urls(ctx) == {a.url(link) for link in links}


def test_a_template_naming_one_featured_article_as_every_canonical_loses_none(make_ctx):  # noqa: F811
    with Site() as a:
        links = _three(a, "/news/2026/top.html")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        first = poll(ctx)[0]
        a.listing("/list.html", [*links, "/news/2026/3.html"])
        a.page("/news/2026/3.html", article_html(*_titled(3), extra_head=_canonical(a.url("/news/2026/top.html"))))
        second = poll(ctx)[0]
    titles = {r["title"] for r in ctx.store.db.query("SELECT title FROM articles")}
    assert (first.new, second.new) == (3, 1), (first, second)
    assert titles == {_titled(i)[0] for i in range(4)}


def test_the_same_article_at_two_addresses_is_still_one(make_ctx):  # noqa: F811
    """A mobile copy and an AMP page name the article's own address: stored once, under it."""
    with Site() as a:
        title, body = _titled(7)
        a.listing("/list.html", ["/m/2026/7.html", "/news/2026/7/amp/", "/news/2026/7.html"])
        for path in ("/m/2026/7.html", "/news/2026/7/amp/", "/news/2026/7.html"):
            a.page(path, article_html(title, body, extra_head=_canonical(a.url("/news/2026/7/"))))
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert (report.new, report.duplicates) == (1, 2), report
    assert urls(ctx) == {a.url("/news/2026/7/")}
