"""Links with Chinese in them, as a browser sends them.

An old ASP/JSP site in GB2312 writes its links with the characters as they are
(`show.asp?lm=沪明合作&id=7`). A browser sends the query in the page's own encoding
(`lm=%BB%A6%C3%F7…`) and the path in UTF-8; the site decodes the query as GBK. Sent as UTF-8,
the query is garbage to it: the article page is a 404 (or another page) and the story is lost."""

from __future__ import annotations

from urllib.parse import quote, unquote_to_bytes, urlsplit

from hostile import BODY, Site, _send, article_html
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

TITLES = ["三明与上海共建产业园区", "沪明文旅推介会在沪举行"]


def _gbk_site(a: Site) -> None:
    links = "".join(f'<li><a href="show.asp?lm=沪明合作&amp;id={n}">{t}</a></li>' for n, t in enumerate(TITLES, 1))
    page = f'<html><head><meta charset="gb2312"></head><body><ul class="news">{links}</ul></body></html>'
    a.page("/xw/list.asp", page.encode("gbk"), content_type="text/html; charset=gb2312")

    def show(h) -> None:  # the site reads its query as GBK, as such sites do
        query = dict(p.split("=", 1) for p in urlsplit(h.path).query.split("&"))
        try:
            lm = unquote_to_bytes(query.get("lm", "")).decode("gbk")
        except UnicodeDecodeError:
            lm = ""
        n = int(query.get("id", "0"))
        if lm != "沪明合作" or not 1 <= n <= len(TITLES):
            return _send(h, 404, {"Content-Type": "text/html; charset=gb2312"}, "栏目不存在".encode("gbk"))
        body = article_html(TITLES[n - 1], BODY + f"\n第{n}篇。", charset="gb2312")
        _send(h, 200, {"Content-Type": "text/html; charset=gb2312"}, body.encode("gbk"))

    a.routes["/xw/show.asp"] = show


def test_a_gbk_page_s_links_send_their_query_in_gbk_as_a_browser_does(make_ctx):  # noqa: F811
    with Site() as a:
        _gbk_site(a)
        ctx = make_ctx(source_toml("a", a.url("/xw/list.asp")))
        report = poll(ctx)[0]
        asked = [p for p in a.paths() if p.startswith("/xw/show.asp")]
    lm = quote("沪明合作".encode("gbk"))
    assert sorted(asked) == [f"/xw/show.asp?lm={lm}&id={n}" for n in (1, 2)], asked
    assert len(urls(ctx)) == 2, report


def test_the_next_list_page_is_asked_for_in_the_page_s_encoding_too(make_ctx):  # noqa: F811
    """The next page of a GB2312 list (`list.asp?lm=沪明合作&page=2`), read with `pages = 2`."""
    with Site() as a:
        _gbk_site(a)
        lm = quote("沪明合作".encode("gbk"))
        one = ('<html><head><meta charset="gb2312"></head><body><ul class="news"><li><a href="show.asp?lm=沪明合作&amp;'
               'id=1">一</a></li></ul><a class="next" href="list2.asp?lm=沪明合作&amp;page=2">下一页</a></body></html>')

        def second(h) -> None:
            ok = h.path == f"/xw/list2.asp?lm={lm}&page=2"
            page = ('<html><head><meta charset="gb2312"></head><body><ul class="news"><li><a href="show.asp?lm=沪明合作'
                    '&amp;id=2">二</a></li></ul></body></html>') if ok else "栏目不存在"
            _send(h, 200 if ok else 404, {"Content-Type": "text/html; charset=gb2312"}, page.encode("gbk"))

        a.page("/xw/list.asp", one.encode("gbk"), content_type="text/html; charset=gb2312")
        a.routes["/xw/list2.asp"] = second
        ctx = make_ctx(source_toml("a", a.url("/xw/list.asp")) + 'pages = 2\nnext_selector = "a.next"\n')
        report = poll(ctx)[0]
    assert len(urls(ctx)) == 2, report


def test_what_a_browser_sends_for_each_kind_of_page():
    from monitor.sources.base import in_page_encoding

    big5 = in_page_encoding("http://a.tw/show.asp?lm=滬明&id=1#top", "big5hkscs")
    assert big5 == "http://a.tw/show.asp?lm=" + quote("滬明".encode("big5")) + "&id=1#top"
    assert in_page_encoding("http://a.cn/新闻/show.asp?lm=沪明", "gb18030") == (
        "http://a.cn/新闻/show.asp?lm=" + quote("沪明".encode("gbk")))  # the path: UTF-8, as httpx sends it
    for unchanged in ("http://a.cn/show.asp?lm=沪明", "http://a.cn/show.asp?lm=abc", "http://a.cn/新闻/1.html"):
        assert in_page_encoding(unchanged, "utf-8" if "沪" in unchanged else "gb18030") == unchanged
    assert in_page_encoding("http://a.cn/s?q=🙂", "gb2312") == "http://a.cn/s?q=" + quote("&#128578;")
