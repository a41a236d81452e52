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
from test_cycle import make_ctx  # noqa: F401  (a fixture)
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


# An ASP.NET list page in GBK whose pager posts the page back: its controls' values (a column
# chosen in a drop-down, a search box's prompt) go in GBK, as a browser posts them; the server
# validates the drop-down's value against the ones it offered (EventValidation). Sent as UTF-8,
# the value it read was mojibake: "Invalid postback or callback argument", page 2 never read.
def _aspx_list(page: int) -> bytes:
    items = "".join(f'<li><a href="show.aspx?id={page * 10 + i}">三明与上海合作第{page * 10 + i}篇</a></li>'
                    for i in range(3))
    pager = ("<a id=next href=\"javascript:__doPostBack('AspNetPager1','2')\">下一页</a>" if page == 1 else "")
    return ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'></head><body>"
            "<form method=post action='./list.aspx' id=form1><input type=hidden name=__VIEWSTATE value='v1'>"
            "<input type=text name=kw value='请输入关键词'><select name=lm><option value='全部'>全部</option>"
            "<option value='三明新闻' selected>三明新闻</option></select>"
            f"<ul class=news>{items}</ul>{pager}</form></body></html>").encode("gbk")


def test_a_postback_pager_on_a_gbk_page_posts_in_gbk(make_ctx):  # noqa: F811
    from urllib.parse import parse_qs

    from test_cycle import source_toml, urls

    from monitor.pipeline import poll

    gbk = {"Content-Type": "text/html"}
    with Site() as a:
        a.page("/robots.txt", "User-agent: *\nDisallow:\n", content_type="text/plain")
        a.route("GET", "/list.aspx", lambda hit: (200, gbk, _aspx_list(1)))

        def posted(hit):
            form = {k: v[0] for k, v in parse_qs(hit.body.decode("ascii"), encoding="gbk").items()}
            valid = form.get("lm") == "三明新闻" and form.get("kw") == "请输入关键词"
            return (200, gbk, _aspx_list(2)) if valid else (500, gbk, b"Invalid postback or callback argument")

        a.route("POST", "/list.aspx", posted)
        a.route("GET", "/show.aspx", lambda hit: (200, {"Content-Type": "text/html; charset=utf-8"}, article_html(
            f"三明与上海合作第{hit.query['id']}篇", BODY + f"\n编号{hit.query['id']}。").encode()))
        ctx = make_ctx(source_toml("a", a.url("/list.aspx")) + 'pages = 2\nnext_selector = "a#next"\n')
        report = poll(ctx)[0]
    assert len(urls(ctx)) == 6, (report, [h.body for h in a.hits if h.method == "POST"])


@pytest.mark.parametrize("fields", [
    "<textarea name=SAMLResponse style='display:none'>PHNhbWw+</textarea>",
    "<select name=lm><option value='1'>全部</option><option value='沪明' selected>沪明</option></select>",
    "<select name=lm><option>沪明</option><option>三明</option></select>",  # no value, none selected: the first's text
])
def test_a_stub_form_s_text_areas_and_drop_downs_are_sent(fields):
    """form.submit() sends a form's text areas and the chosen option of each drop-down, not only its inputs."""
    stub = _stub(f"<form action='/sso/back' method='post'>{fields}<input type=hidden name=ticket value='ST-7'></form>",
                 "utf-8")
    wanted = {"SAMLResponse": "PHNhbWw+"} if "SAML" in fields else {"lm": "沪明"}
    with _site(stub, "utf-8", False) as site:
        site.route("POST", "/sso/back", lambda hit: OK if hit.form == {**wanted, "ticket": "ST-7"} else NO)
        with fetcher_for_url(site.base_url) as f:
            got = f.get(site.url("/go.asp"))
        assert "三明市有关负责人" in got.text, [h.body for h in site.hits]
