"""One article reachable by several addresses, as outlets publish them: the mobile site's copy
(`m.`), the `www.` one and the bare host; a folder and its `index.html`; an AMP rendering.

Each is one article and is stored once. A page's `<link rel=canonical>` (or `og:url`) names the
address the site means; it was taken only when on the same host, `www.` aside, so the mobile
site's copy, declaring the `www.` address, was stored a second time under its own.
"""

from __future__ import annotations

import socket

import pytest
from hostile import BODY, Site, article_html
from hostile import _send as send
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.fetch import guard
from monitor.fetch.signals import same_site
from monitor.pipeline import poll

TITLE = "三明与上海合作共建产业园项目签约落地"


def hosts(monkeypatch, port: int) -> None:
    """Names under .test resolve to 127.0.0.1 for the fetcher (nothing else is asked)."""
    real = guard._getaddrinfo

    async def resolve(host, *args, **kw):
        if str(host).endswith(".test"):
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return await real(host, *args, **kw)

    monkeypatch.setattr(guard, "_getaddrinfo", resolve)


def html_source(name: str, url: str) -> str:
    return f'[[sources]]\nname = "{name}"\nkind = "html"\nurl = "{url}"\nlink_selector = "ul.news a"\n'


def listing(links: list[str]) -> str:
    return '<html><body><ul class="news">' + "".join(f'<li><a href="{u}">{TITLE}</a></li>' for u in links) + \
        "</ul></body></html>"


@pytest.mark.parametrize(("page_host", "named_host"), [("m.county.test", "www.county.test"),
                                                        ("m.county.test", "county.test"),
                                                        ("county.test", "wap.county.test")])
def test_the_mobile_sites_copy_declaring_the_main_address_is_stored_once(
        make_ctx, monkeypatch, page_host, named_host):  # noqa: F811
    with Site() as a:
        port = a.port
        named = f"http://{named_host}:{port}/content/123.html"
        a.page("/content/123.html", article_html(TITLE, BODY, extra_head=f'<link rel="canonical" href="{named}">'))
        a.page("/main.html", listing([named]))
        a.page("/mobile.html", listing([f"http://{page_host}:{port}/content/123.html"]))
        ctx = make_ctx(html_source("main", f"http://{named_host}:{port}/main.html")
                       + html_source("mobile", f"http://{page_host}:{port}/mobile.html"))
        hosts(monkeypatch, port)
        poll(ctx)
        stored = urls(ctx)
    assert stored == {named}, stored


@pytest.mark.parametrize(("a", "b"), [("https://m.x.gov.cn/a/1.html", "https://www.x.gov.cn/a/1.html"),
                                      ("http://x.gov.cn/a", "https://wap.x.gov.cn/a"),
                                      ("http://3g.news.example.com.cn/a", "http://news.example.com.cn/b")])
def test_a_sites_mobile_and_main_hosts_are_one_site(a, b):
    assert same_site(a, b) and same_site(b, a)


@pytest.mark.parametrize(("a", "b"), [("https://a.com.cn/1", "https://b.com.cn/1"),
                                      ("https://m.a.com.cn/1", "https://b.com.cn/1"),
                                      ("https://x.gov.cn/1", "https://gov.cn/1"),
                                      ("https://m.com.cn/1", "https://com.cn/1"),
                                      ("https://news.x.gov.cn/1", "https://www.x.gov.cn/1")])
def test_other_sites_and_other_sections_are_not(a, b):
    assert not same_site(a, b) and not same_site(b, a)


def test_a_folder_and_its_index_page_naming_the_folder_are_one_article(make_ctx):  # noqa: F811
    """The page's canonical is its folder: that is the page itself, not the section above it."""
    with Site() as a:
        page = article_html(TITLE, BODY, extra_head=f'<link rel="canonical" href="{a.url("/content/123/")}">')
        a.page("/content/123/", page)
        a.page("/content/123/index.html", page)
        a.page("/one.html", listing(["/content/123/"]))
        a.page("/two.html", listing(["/content/123/index.html"]))
        ctx = make_ctx(html_source("one", a.url("/one.html")) + html_source("two", a.url("/two.html")))
        poll(ctx)
        stored = urls(ctx)
    assert stored == {a.url("/content/123/")}, stored


def test_an_amp_rendering_naming_its_article_is_that_article(make_ctx):  # noqa: F811
    with Site() as a:
        a.article("/news/2026/123.html", TITLE)
        a.page("/amp/news/2026/123.html", article_html(TITLE, BODY, extra_head=(
            f'<link rel="canonical" href="{a.url("/news/2026/123.html")}">')))
        a.page("/one.html", listing(["/news/2026/123.html"]))
        a.page("/two.html", listing(["/amp/news/2026/123.html"]))
        ctx = make_ctx(html_source("one", a.url("/one.html")) + html_source("two", a.url("/two.html")))
        poll(ctx)
        stored = urls(ctx)
    assert stored == {a.url("/news/2026/123.html")}, stored


def test_articles_of_an_index_script_naming_their_folder_are_still_apart(make_ctx):  # noqa: F811
    """`index.jsp?id=N` naming the folder as every page's canonical is a template's slip (a guard)."""
    with Site() as a:
        head = f'<link rel="canonical" href="{a.url("/news/")}">'

        def by_id(h) -> None:
            n = h.path.rsplit("=", 1)[-1]
            page = article_html(f"{TITLE}第{n}批", BODY + f"\n第{n}批项目。", extra_head=head).encode()
            send(h, 200, {"Content-Type": "text/html; charset=utf-8"}, page)

        a.routes["/news/index.jsp"] = by_id
        a.page("/list.html", listing(["/news/index.jsp?id=1", "/news/index.jsp?id=2"]))
        ctx = make_ctx(html_source("one", a.url("/list.html")))
        poll(ctx)
        stored = urls(ctx)
    assert stored == {a.url("/news/index.jsp?id=1"), a.url("/news/index.jsp?id=2")}, stored
