"""Pages that send the reader on, as a browser reads them (the second round).

- A meta refresh whose address is written with character references (`URL=&quot;/a.html&quot;`,
  `?id=5&#38;lm=2`): the HTML parser undoes them before the browser reads the value; the
  fetcher took `&quot;` for part of the address (a 404) or asked for `&#38;` literally.
- A stub whose script writes its address as a JavaScript string with escaped slashes
  (`'http:\\/\\/host\\/a.html'`, as a JSON encoder writes it): the browser goes to the address;
  the fetcher asked for the backslashes.
- A stub whose script builds its address (`location.href = '/show.jsp?id=' + id`): no address
  of its own to follow; the fetcher followed the first piece (a wrong page or a 404).
- A stub that opens its address in the same window (`window.open('/a.html', '_self')`).
The text is invented; the servers are real, on 127.0.0.1."""

from __future__ import annotations

import pytest
from hostile import BODY, Site, article_html
from test_fetch import fetcher_for

PAGE = article_html("沪明两地共建产业园区", BODY)


def _stub(head: str = "", body: str = "") -> str:
    return f"<html><head><meta charset=utf-8><title>跳转</title>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(("stub", "lands"), [
    (_stub('<meta http-equiv="refresh" content="0;URL=&quot;/new/7.html&quot;">'), "/new/7.html"),
    (_stub("<meta http-equiv='refresh' content='0; url=/show.jsp?id=7&#38;lm=2'>"), "/show.jsp?id=7&lm=2"),
    (_stub("<meta http-equiv='refresh' content='0; url=/show.jsp?id=7&amp;lm=2'>"), "/show.jsp?id=7&lm=2"),
    (_stub("<meta http-equiv='refresh' content='0; url=&#x2F;new&#x2F;7.html'>"), "/new/7.html"),
    (_stub("<script>window.location.href = 'http:\\/\\/127.0.0.1:{port}\\/new\\/7.html';</script>"), "/new/7.html"),
    (_stub("<script>location.replace(\"\\/new\\/7.html\")</script>"), "/new/7.html"),
    (_stub("<script>window.open('/new/7.html', '_self');</script>"), "/new/7.html"),
    (_stub('<script>window.open("/new/7.html","_top")</script>'), "/new/7.html"),
])
def test_a_move_a_browser_makes_is_followed(stub, lands):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.page("/7.shtml", stub.replace("{port}", str(site.port)))
        site.page(lands.split("?")[0], PAGE)
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/7.shtml"))
    assert got.url == site.url(lands) and "三明市有关负责人" in got.text


@pytest.mark.parametrize("script", [
    "var id = location.search.slice(4); location.href = '/show.jsp?id=' + id;",
    "window.location.href = \"http://\" + window.location.host + \"/new/7.html\";",
    "window.open('/new/7.html');",  # a new window, which a browser blocks unasked: no move
])
def test_a_stub_whose_script_names_no_whole_address_stays(script):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.page("/7.shtml", _stub(f"<script>{script}</script>"))
        site.page("/show.jsp", PAGE)
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/7.shtml"))
    assert got.url == site.url("/7.shtml")
    assert site.paths() == ["/robots.txt", "/7.shtml"]


# The address kept in a variable first, as page-moved templates write it.
@pytest.mark.parametrize("script", [
    "var url = '/new/7.html'; window.location.href = url;",
    'var jumpUrl="/new/7.html";\nsetTimeout(function(){ location.replace(jumpUrl) }, 0);',
    "var u = \"\\/new\\/7.html\"; top.location = u",
])
def test_a_stub_moving_to_an_address_kept_in_a_variable_is_followed(script):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.page("/7.shtml", _stub(f"<script>{script}</script>", "<p>页面跳转中……</p>"))
        site.page("/new/7.html", PAGE)
        with fetcher_for(site, retries=0) as f:
            assert f.get(site.url("/7.shtml")).url == site.url("/new/7.html")


# A shell whose whole page is one iframe (a domain-forwarding service, an old portal): the page
# a browser shows is the frame's, as with a frameset of one frame.
SHELL = ("<html><head><meta charset=utf-8><title>三明新闻网</title><style>body{margin:0}</style></head>"
         "<body><iframe src=\"/new/7.html\" width=\"100%\" height=\"100%\" frameborder=\"0\"></iframe></body></html>")


def test_a_shell_of_one_iframe_is_the_page_in_it():
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.page("/7.shtml", SHELL)
        site.page("/new/7.html", PAGE)
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/7.shtml"))
    assert got.url == site.url("/new/7.html") and "三明市有关负责人" in got.text


@pytest.mark.parametrize("page", [
    # a short page with links of its own and a frame (a video, a map): the page itself
    SHELL.replace("<iframe", "<a href=\"/\">首页</a><iframe"),
    SHELL.replace("<iframe", "<p>" + "沪明两地合作交流视频报道。" * 10 + "</p><iframe"),
    SHELL.replace("</body>", "<iframe src=\"/ad.html\"></iframe></body>"),
])
def test_a_page_with_an_iframe_and_more_stays(page):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.page("/7.shtml", page)
        site.page("/new/7.html", PAGE)
        with fetcher_for(site, retries=0) as f:
            assert f.get(site.url("/7.shtml")).url == site.url("/7.shtml")


# A stub sending phones to the mobile site and browsers to the desktop one, by the user agent:
# Chromium on a desktop goes to the desktop address.
@pytest.mark.parametrize("script", [
    "if(/Android|iPhone|iPad|Mobile/i.test(navigator.userAgent)){window.location.href='/m/7.html';}"
    "else{window.location.href='/new/7.html';}",
    "var ua = navigator.userAgent.toLowerCase(); if (ua.indexOf('mobile') > -1) { location.replace('http://m.127.0.0.1.nip/7.html'); }"
    " else { location.replace('/new/7.html'); }",
    "if (isMobile()) { location.href = '/wap/7.html' } else { location.href = '/new/7.html' }",
])
def test_a_stub_choosing_by_device_sends_a_browser_to_the_desktop_page(script):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.page("/7.shtml", _stub(f"<script>{script}</script>"))
        site.page("/new/7.html", PAGE)
        with fetcher_for(site, retries=0) as f:
            assert f.get(site.url("/7.shtml")).url == site.url("/new/7.html")
