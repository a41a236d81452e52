"""Links as older government and county list pages write them.

- Opened from script: `href="javascript:void(0)" onclick="window.open('/art/…')"`,
  `href="javascript:openwin('…')"`. Those links were dropped as script links, so such a source
  gave nothing. The address a link's script opens is now its link; a script that names no page
  (`showMore(3)`) is still no link.
- Written with backslashes (`news\\2026\\1.html`, from a Windows editor): a browser reads them as
  slashes; they were fetched as written and failed."""

from __future__ import annotations

from hostile import BODY, Site, _send, article_html
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

ITEMS = [
    ('javascript:void(0)', "window.open('/art/2026/12/5/art_1.html','_blank')", "三明与上海共建产业园区"),
    ("javascript:openwin('/art/2026/12/5/art_2.html')", "", "沪明文旅推介会在沪举行"),
    ("#", 'location.href="art_3.html";return false;', "上海专家赴永安义诊"),
    ("javascript:void(0);", "showMore(3)", "更多"),
    ("javascript:window.open(\"http://127.0.0.1:1/art_9.html\")", "", "别站的链接"),
]


def _anchor(href: str, onclick: str, text: str) -> str:
    click = f' onclick="{onclick}"' if '"' not in onclick else f" onclick='{onclick}'"
    link = f'href="{href}"' if '"' not in href else f"href='{href}'"
    return f'<li><a {link}{click}>{text}</a></li>'


def test_links_opened_by_script_are_the_pages_they_open(make_ctx):  # noqa: F811
    with Site() as a:
        items = "".join(_anchor(*item) for item in ITEMS)
        a.page("/art/2026/12/5/list.html", f'<html><body><ul class="news">{items}</ul></body></html>')
        for n, (_, _, title) in enumerate(ITEMS[:3], 1):
            a.page(f"/art/2026/12/5/art_{n}.html", article_html(title, BODY + f"\n第{n}篇。"))
        ctx = make_ctx(source_toml("a", a.url("/art/2026/12/5/list.html")))
        report = poll(ctx)[0]
    assert urls(ctx) == {a.url(f"/art/2026/12/5/art_{n}.html") for n in (1, 2, 3)}, report
    assert report.candidates == 4  # the three, and the other site's page (refused: not allowed here)


def test_backslashes_in_links_are_slashes_as_in_a_browser(make_ctx):  # noqa: F811
    from monitor.sources.base import absolute

    assert absolute("http://a.cn/list/", "news\\2026\\1.html") == "http://a.cn/list/news/2026/1.html"
    assert absolute("http://a.cn/list/", "http://a.cn\\news\\1.html") == "http://a.cn/news/1.html"
    with Site() as a:
        a.page("/c/list.html", '<html><body><ul class="news"><li><a href="..\\art\\2026\\1.html">三明与上海共建产业园区'
                               "</a></li></ul></body></html>")
        a.page("/art/2026/1.html", article_html("三明与上海共建产业园区", BODY))
        ctx = make_ctx(source_toml("a", a.url("/c/list.html")))
        report = poll(ctx)[0]
    assert urls(ctx) == {a.url("/art/2026/1.html")}, report


def test_an_article_asked_for_from_its_list_page_says_so_as_a_browser_does(make_ctx):  # noqa: F811
    """Sites that guard their pages against hotlinking answer 403 to an article request whose
    Referer is not one of their pages; a browser following a list's link sends the list page.
    Only the origin goes to another site, and nothing from an https page to an http one."""
    from monitor.pipeline.steps import referer

    with Site() as a:
        listing = a.url("/xw/list.html")

        def guarded(h) -> None:
            ok = h.headers.get("Referer") == listing
            body = article_html("三明与上海共建产业园区", BODY) if ok else "<html><body>403 禁止盗链</body></html>"
            _send(h, 200 if ok else 403, {"Content-Type": "text/html; charset=utf-8"}, body.encode())

        a.page("/xw/list.html", '<html><body><ul class="news"><li><a href="/art/1.html">三明与上海共建产业园区</a></li>'
                                "</ul></body></html>")
        a.routes["/art/1.html"] = guarded
        ctx = make_ctx(source_toml("a", listing))
        report = poll(ctx)[0]
    assert urls(ctx) == {a.url("/art/1.html")}, report
    assert referer("https://a.cn/xw/list.html?p=2", "https://b.cn/1.html") == "https://a.cn/"
    assert referer("https://a.cn/xw/list.html", "http://a.cn/1.html") is None
    assert referer("http://a.cn/xw/list.html#top", "http://a.cn/1.html") == "http://a.cn/xw/list.html"
    assert referer("http://user:secret@a.cn:8080/xw/", "http://a.cn:8080/1.html") == "http://a.cn:8080/xw/"
    assert referer("http://user:secret@a.cn/xw/", "http://b.cn/1.html") == "http://a.cn/"
