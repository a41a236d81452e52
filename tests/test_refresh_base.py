"""A page that sends the reader on (a meta refresh, a script setting `location`, a shell of one
frame, a form sent at once) names its target relative to its `<base href>`, as a browser reads
every address in the page: an old CMS's moved article whose head says
`<base href="/newsite/">` and refreshes to `2026/1.html`. The target was read against the
page's own address: the fetcher asked for a page that does not exist and the article was lost
(or a site's "moved" stub pointed the monitor at a path the user never listed). A `Refresh`
header is still read against the address asked: a browser reads it before the page."""

from __future__ import annotations

import pytest
from hostile import Site, article_html
from test_fetch import fetcher_for

from monitor.fetch import signals

MOVED = "/newsite/2026/1205/1.html"


def stub(head: str, body: str = "<p>页面已迁移，正在跳转……</p>") -> str:
    return (f'<html><head><meta charset="utf-8"><base href="/newsite/">{head}<title>跳转</title></head>'
            f"<body>{body}</body></html>")


@pytest.mark.parametrize("page", [
    stub('<meta http-equiv="refresh" content="0; url=2026/1205/1.html">'),
    stub('<script>window.location.href = "2026/1205/1.html";</script>'),
    stub("", '<iframe src="2026/1205/1.html" width="100%" height="100%"></iframe>'),
    stub('<meta http-equiv="refresh" content="30; url=2026/1205/1.html">', "<p>本页已迁移，30秒后自动跳转</p>"),
    stub('<script>document.forms[0].submit();</script>',
         '<form action="2026/1205/1.html" method="get"><input type="hidden" name="from" value="old"></form>'),
], ids=["meta-refresh", "script", "iframe", "late-refresh", "form"])
def test_a_move_named_in_the_page_is_read_against_its_base(page):
    with Site() as site:
        site.page("/old/1.html", page)
        site.article(MOVED, "沪明合作新动态")
        with fetcher_for(site) as f:
            resp = f.get(site.url("/old/1.html"))
    assert resp.url.split("?")[0] == site.url(MOVED), (resp.url, site.paths())
    assert "沪明合作新动态".encode() in resp.content


def test_the_refresh_header_is_read_against_the_address_asked():
    with Site() as site:
        site.page("/old/1.html", stub(""), headers={"Refresh": "0; url=2026/1205/1.html"})
        site.article("/old/2026/1205/1.html", "沪明合作新动态")
        with fetcher_for(site) as f:
            assert f.get(site.url("/old/1.html")).url == site.url("/old/2026/1205/1.html")


@pytest.mark.parametrize("content", ["0", "1;", "0; url="])
def test_a_refresh_naming_no_address_reloads_this_page_not_its_base(content):
    """A refresh without an address reloads the page itself (its base is for the addresses it names)."""
    body = article_html("沪明合作新闻", "三明新闻", extra_head=f'<base href="/other/"><meta http-equiv="refresh" content="{content}">')
    assert signals.refresh_target("http://news.example.cn/list/index.html", {}, body.encode()) is None
