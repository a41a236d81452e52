"""List pages of ASP.NET sites whose pager posts the page back (`AspNetPager`, GridView).

Their "下一页" is `javascript:__doPostBack('AspNetPager1','2')`: a browser posts the page's form
(its hidden `__VIEWSTATE`, `__EVENTVALIDATION` …) with `__EVENTTARGET` and `__EVENTARGUMENT`
set, and gets page 2 at the same address. Such a link was taken for a script link naming no
page, so nothing past page 1 was read: not with `pages = 3` and a `next_selector`, and not when
a backlog needed the next pages. Now the pager link is that form post; the site here answers it
only with the state page 1 carried, as ASP.NET does."""

from __future__ import annotations

from hostile import BODY, article_html
from sitekit import Site
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

PAGES = 3  # the site's list pages
PER = 3  # links a page


def _list(page: int, new: int = 0) -> bytes:
    first = 1 + (page - 1) * PER - new
    items = "".join(f'<li><a href="show.aspx?id={i}">三明与上海合作第{i}篇</a></li>'
                    for i in range(max(first, 1 - new), first + PER))
    pager = (f'<a id="next" href="javascript:__doPostBack(&#39;AspNetPager1&#39;,&#39;{page + 1}&#39;)">下一页</a>'
             if page < PAGES else "")
    return (f'<html><body><form name="aspnetForm" method="post" action="./list.aspx?cat=7" id="aspnetForm">'
            f'<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />'
            f'<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />'
            f'<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="state{page}/wEPDwUK" />'
            f'<input type="hidden" name="__EVENTVALIDATION" value="valid{page}" />'
            f'<input type="text" name="ctl00$q" value="" /><input type="submit" name="ctl00$go" value="搜索" />'
            f'<ul class="news">{items}</ul><div class="pager">{pager}</div></form></body></html>').encode()


def _site(a: Site, new: list[int]) -> None:
    """`new[0]` articles put up since the first list was written (they push the others down)."""
    def listing(hit):
        return 200, {"Content-Type": "text/html; charset=utf-8"}, _list(1, new[0])

    def posted(hit):
        form = hit.form
        page = int(form.get("__EVENTARGUMENT") or 0)
        ok = (form.get("__EVENTTARGET") == "AspNetPager1" and form.get("__VIEWSTATE") == f"state{page - 1}/wEPDwUK"
              and form.get("__EVENTVALIDATION") == f"valid{page - 1}" and "ctl00$go" not in form and 2 <= page <= PAGES)
        if not ok:  # what ASP.NET answers a post without the page's state
            return 500, {"Content-Type": "text/html"}, b"<html><body>Invalid postback or callback argument</body></html>"
        return 200, {"Content-Type": "text/html; charset=utf-8"}, _list(page, new[0])

    a.route("GET", "/list.aspx", listing)
    a.route("POST", "/list.aspx", posted)

    def article(hit):
        n = int(hit.query["id"])
        page = article_html(f"三明与上海合作第{n}篇", BODY + f"\n第{n}篇的记者手记：两地签约项目编号{n * 7919}。")
        return 200, {"Content-Type": "text/html; charset=utf-8"}, page.encode()

    a.route("GET", "/show.aspx", article)


def test_pages_behind_a_postback_pager_are_read_with_next_selector(make_ctx):  # noqa: F811
    with Site() as a:
        _site(a, [0])
        ctx = make_ctx(source_toml("a", a.url("/list.aspx?cat=7")) + 'pages = 3\nnext_selector = "a#next"\n')
        report = poll(ctx)[0]
        posts = [h for h in a.hits if h.method == "POST"]
    assert len(urls(ctx)) == PAGES * PER, report
    assert [h.form["__EVENTARGUMENT"] for h in posts] == ["2", "3"]
    assert all(h.path == "/list.aspx?cat=7" for h in posts)  # the form's action, from the list's address


def test_a_backlog_behind_a_postback_pager_is_read_by_the_next_poll(make_ctx):  # noqa: F811
    new = [0]
    with Site() as a:
        _site(a, new)
        ctx = make_ctx(source_toml("a", a.url("/list.aspx?cat=7")))
        poll(ctx)
        assert len(urls(ctx)) == PER  # page 1, as configured
        new[0] = 5  # five put up since: page 1 is all new, two more and the old ones on page 2
        report = poll(ctx)[0]
    assert len(urls(ctx)) == PER + 5, report


def test_the_post_carries_what_a_script_s_form_submit_sends():
    from selectolax.lexbor import LexborHTMLParser

    from monitor.sources.postback import postback

    page = ('<html><body><form method="post" action="List.aspx?c=%E4%B8%89">'
            '<input type="hidden" name="__VIEWSTATE" value="v1"><input name="kw" value="沪明">'
            '<input type="checkbox" name="only" checked><input type="checkbox" name="off">'
            '<select name="year"><option value="2025">2025</option><option value="2026" selected>2026</option></select>'
            '<input type="submit" name="go" value="查询"><input name="gone" value="x" disabled>'
            '<table id="GridView1"><tr><td><a id="a" href="javascript:__doPostBack(\'GridView1\',\'Page$2\')">2</a>'
            '<a id="b" href="javascript:WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions(&quot;ctl00$lbNext&quot;,'
            ' &quot;&quot;, true, &quot;&quot;, &quot;&quot;, false, true))">下一页</a>'
            '<a id="c" href="javascript:void(0)">x</a></td></tr></table></form></body></html>')
    tree = LexborHTMLParser(page)
    grid = postback(tree, tree.css_first("a#a"), "http://a.cn/news/List.aspx")
    assert grid is not None and grid.method == "POST" and grid.url == "http://a.cn/news/List.aspx?c=%E4%B8%89"
    assert grid.form == {"__VIEWSTATE": "v1", "kw": "沪明", "only": "on", "year": "2026",
                         "__EVENTTARGET": "GridView1", "__EVENTARGUMENT": "Page$2"}
    button = postback(tree, tree.css_first("a#b"), "http://a.cn/news/List.aspx")
    assert button is not None and (button.form["__EVENTTARGET"], button.form["__EVENTARGUMENT"]) == ("ctl00$lbNext", "")
    assert postback(tree, tree.css_first("a#c"), "http://a.cn/news/List.aspx") is None
    outside = LexborHTMLParser("<html><body><a href=\"javascript:__doPostBack('p','2')\">2</a></body></html>")
    assert postback(outside, outside.css_first("a"), "http://a.cn/") is None  # no form to post


def test_a_page_cannot_have_us_post_elsewhere_or_post_a_huge_form():
    from selectolax.lexbor import LexborHTMLParser

    from monitor.sources.postback import MAX_FIELDS, postback

    link = "<a href=\"javascript:__doPostBack('AspNetPager1','2')\">下一页</a>"
    elsewhere = LexborHTMLParser(f'<form method="post" action="http://other.example/vote.aspx">{link}</form>')
    assert postback(elsewhere, elsewhere.css_first("a"), "http://a.cn/list.aspx") is None
    fields = "".join(f'<input type="hidden" name="f{i}" value="x">' for i in range(MAX_FIELDS + 1))
    huge = LexborHTMLParser(f'<form method="post" action="list.aspx">{fields}{link}</form>')
    assert postback(huge, huge.css_first("a"), "http://a.cn/list.aspx") is None
    own = LexborHTMLParser(f'<form method="post" action="https://a.cn/list.aspx?p=1">{link}</form>')
    assert postback(own, own.css_first("a"), "http://a.cn/list.aspx") is not None  # its own host, https
