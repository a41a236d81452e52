"""List pages a browser reads and the monitor did not (the third round).

- A script link written percent-encoded (`href="javascript:window.open(%27/art/1.html%27)"`):
  a browser decodes a `javascript:` address before it runs it; the script's quotes were not found.
- A row a script opens by an address in a template literal (``onclick="location.href=`/art/1.html`"``).
- A list row (`<li>`, a `<div>` card) the selector picks that carries its address in `data-href`
  / `data-url` for the site's script, without an `<a>`: read as `<a data-href>` already was.
- A link whose scheme is written in capitals or mixed case (`HTTPS://`, `Https://`): a browser
  reads any case; the link kept its spelling and was dropped as "not an http(s) link".
Real servers on 127.0.0.1; the text is invented."""

from __future__ import annotations

import pytest
from hostile import BODY, Site, article_html
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

TITLES = ["三明与上海共建产业园区", "沪明文旅推介会在沪举行", "上海专家赴永安义诊"]
ART = "/art/2026/12/5/art_{n}.html"


def _rows(row: str, cls: str = "news") -> str:
    rows = "".join(row.format(href=ART.format(n=n), title=t) for n, t in enumerate(TITLES, 1))
    return f"<html><head><meta charset='utf-8'></head><body><ul class='{cls}'>{rows}</ul></body></html>"


@pytest.mark.parametrize(("row", "selector"), [
    ("<li><a href=\"javascript:window.open(%27{href}%27)\">{title}</a></li>", "ul.news a"),
    ("<li><a href=\"javascript:location.href=%22{href}%22;\">{title}</a></li>", "ul.news a"),
    ("<li><a href=\"#\" onclick=\"location.href=`{href}`\">{title}</a></li>", "ul.news a"),
    ("<li data-href=\"{href}\"><span>{title}</span></li>", "ul.news li"),
    ("<li><div class=\"card\" data-url=\"{href}\"><h3>{title}</h3></div></li>", "ul.news div.card"),
])
def test_a_link_a_browser_follows_is_polled(make_ctx, row, selector):  # noqa: F811
    with Site() as site:
        want = set()
        for n, title in enumerate(TITLES, 1):
            site.page(ART.format(n=n), article_html(title, BODY + f"\n第{n}篇。"))
            want.add(site.url(ART.format(n=n)))
        site.page("/list.html", _rows(row))
        ctx = make_ctx(source_toml("a", site.url("/list.html"), selector=selector))
        report = poll(ctx)[0]
    assert urls(ctx) == want, report


@pytest.mark.parametrize("href", ["HTTPS://www.example.cn/a/1.html", "Https://www.example.cn/a/1.html",
                                  " hTTps://www.example.cn/a/1.html"])
def test_a_link_whose_scheme_is_in_capitals_is_an_https_link(href):
    from monitor.sources.base import absolute

    assert absolute("http://www.example.cn/list.html", href) == "https://www.example.cn/a/1.html"


# A list written by the page's script (`document.write('<li><a href=…>…</a></li>')`, as old CMS
# templates write theirs): a browser runs it and shows the links; the parser saw a script.
WRITTEN = [
    "<ul class='news'><script>" + "".join(f"document.write('<li><a href=\"{{href{n}}}\">{t}</a></li>');"
                                          for n, t in enumerate(TITLES, 1)) + "</script></ul>",
    "<script type='text/javascript'>\n<!--\ndocument.writeln(\"<ul class='news'>\");\n" + "".join(
        f"document.writeln(\"<li><a href='{{href{n}}}'>\" + \"{t}\" + \"</a></li>\");\n" for n, t in enumerate(TITLES, 1))
    + "document.writeln('</ul>');\n//-->\n</script>",
]


@pytest.mark.parametrize("inner", WRITTEN)
def test_a_list_the_page_writes_with_its_script_is_polled(make_ctx, inner):  # noqa: F811
    with Site() as site:
        want = set()
        for n, title in enumerate(TITLES, 1):
            site.page(ART.format(n=n), article_html(title, BODY + f"\n第{n}篇。"))
            want.add(site.url(ART.format(n=n)))
            inner = inner.replace(f"{{href{n}}}", ART.format(n=n))
        site.page("/list.html", f"<html><head><meta charset='utf-8'></head><body>{inner}</body></html>")
        ctx = make_ctx(source_toml("a", site.url("/list.html"), selector="ul.news a"))
        report = poll(ctx)[0]
    assert urls(ctx) == want, report


def test_a_link_title_a_script_writes_is_its_text_or_its_title_attribute():
    from monitor.config import Source
    from monitor.sources import candidates

    page = ("<html><body><ul class='news'>"
            "<li><a href='/a/1.html'><script>document.write('沪明合作共建产业园')</script></a></li>"
            "<li><a href='/a/2.html' title='上海专家赴永安义诊活动纪实'><script>var s='上海专家赴永安义诊活动纪实';"
            "document.write(s.length > 8 ? s.substring(0, 8) + '…' : s);</script></a></li>"
            "<li><a href='/a/3.html'><script>document.write(title3)</script>三明</a></li>"
            "</ul></body></html>")
    src = Source(name="l", kind="html", url="https://sm.example.cn/xw/", link_selector="ul.news a")
    found = candidates(src, page.encode(), {}, src.url)
    assert [c.title for c in found] == ["沪明合作共建产业园", "上海专家赴永安义诊活动纪实", "三明"]
