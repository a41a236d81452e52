"""A form a stub submits at once, sent in the page's own encoding (the fourth round).

A browser sends a form's fields encoded in the charset of the page the form is on (or the first
one its `accept-charset` names): a GBK "jumping…" page of an old CMS sends `lm=沪明` as
`lm=%BB%A6%C3%F7`, a Big5 one `滬明` as `%BA%AD%A9%FA`, and the server, decoding in its own
charset, finds the column. The fetcher sent them as UTF-8 (`%E6%B2%AA…`), which such a server
reads as mojibake: the column is "not found" and the article is lost. It also read the fields'
bytes as UTF-8, so a GBK value turned into U+FFFD before it was sent.
The text is invented; the servers are real, on 127.0.0.1."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hostile import BODY, article_html
from sitekit import Site
from test_parity3_moves import fetcher_for_url

PAGE = article_html("沪明两地共建产业园区", BODY).encode()
OK = (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE)
NO = (404, {"Content-Type": "text/plain"}, b"no such column")


def _stub(form: str, charset: str, meta: bool = False) -> bytes:
    head = f"<meta http-equiv='Content-Type' content='text/html; charset={charset}'>" if meta else ""
    return (f"<html><head>{head}<title>稍候</title></head><body><p>稍候……</p>{form}"
            "<script>document.forms[0].submit();</script></body></html>").encode(charset)


def _site(stub: bytes, charset: str, meta: bool) -> Site:
    site = Site()
    site.page("/robots.txt", "User-agent: *\nDisallow:\n", content_type="text/plain")
    site.page("/go.asp", stub, content_type="text/html" if meta else f"text/html; charset={charset}")
    return site


def _wanted(text: str, codec: str) -> str:
    return quote(text.encode(codec))


@pytest.mark.parametrize(("charset", "word", "meta"), [
    ("gbk", "沪明合作", False), ("gb2312", "沪明合作", True), ("gb18030", "沪明·合作", False), ("big5", "滬明合作", True),
])
def test_a_get_form_goes_in_the_page_encoding(charset, word, meta):
    stub = _stub(f"<form action='/list.asp' method='get'><input type=hidden name=lm value='{word}'>"
                 "<input type=hidden name=id value='7'></form>", charset, meta)
    with _site(stub, charset, meta) as site:
        wanted = f"lm={_wanted(word, charset)}&id=7"
        site.route("GET", "/list.asp", lambda hit: OK if hit.path.split("?", 1)[1] == wanted else NO)
        with fetcher_for_url(site.base_url) as f:
            got = f.get(site.url("/go.asp"))
        assert "三明市有关负责人" in got.text, site.requested()


@pytest.mark.parametrize(("charset", "word"), [("gbk", "沪明合作"), ("big5", "滬明合作")])
def test_a_post_form_goes_in_the_page_encoding(charset, word):
    stub = _stub(f"<form action='/sso/back' method='post'><input type=hidden name=ticket value='ST-7'>"
                 f"<input type=hidden name=lm value='{word}'></form>", charset)
    with _site(stub, charset, False) as site:
        wanted = f"ticket=ST-7&lm={_wanted(word, charset)}".encode()
        site.route("POST", "/sso/back", lambda hit: OK if hit.body == wanted else NO)
        with fetcher_for_url(site.base_url) as f:
            got = f.get(site.url("/go.asp"))
        assert "三明市有关负责人" in got.text, [h.body for h in site.hits]
        post = next(h for h in site.hits if h.method == "POST")
        assert post.headers["content-type"].startswith("application/x-www-form-urlencoded")


def test_a_character_reference_goes_in_the_page_encoding():
    stub = _stub("<form action='/list.asp'><input type=hidden name=lm value='&#27818;&#26126;'></form>", "gbk")
    with _site(stub, "gbk", False) as site:
        site.route("GET", "/list.asp", lambda hit: OK if hit.path.endswith("?lm=%BB%A6%C3%F7") else NO)
        with fetcher_for_url(site.base_url) as f:
            got = f.get(site.url("/go.asp"))
        assert "三明市有关负责人" in got.text, site.requested()


def test_accept_charset_overrides_the_page_encoding():
    stub = _stub("<form action='/list.asp' accept-charset='utf-8'><input type=hidden name=lm value='沪明'></form>",
                 "gbk")
    with _site(stub, "gbk", False) as site:
        site.route("GET", "/list.asp", lambda hit: OK if hit.path.endswith("?lm=" + quote("沪明")) else NO)
        with fetcher_for_url(site.base_url) as f:
            got = f.get(site.url("/go.asp"))
        assert "三明市有关负责人" in got.text, site.requested()


def test_a_post_action_keeps_its_query_in_the_page_encoding():
    stub = _stub("<form action='/sso/back?lm=沪明' method=post><input type=hidden name=ticket value='ST-7'></form>",
                 "gbk")
    with _site(stub, "gbk", False) as site:
        site.route("POST", "/sso/back", lambda hit: OK if hit.path.endswith("?lm=%BB%A6%C3%F7") else NO)
        with fetcher_for_url(site.base_url) as f:
            got = f.get(site.url("/go.asp"))
        assert "三明市有关负责人" in got.text, site.requested()
