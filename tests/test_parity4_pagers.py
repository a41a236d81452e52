"""A list's next page found as a reader finds it (the fourth round).

When more news came since the last poll than a list's configured pages hold, the walk reads on
by the page's own "next page" (test_listing_catch_up), and later polls read on from a mark the
same way (test_listing_backlog). It took only an `<a>` whose whole text is 下一页 (or Next…)
with an address in its href. A reader goes on by what the page shows, and pagers show it in
other ways, each of which ended the walk there (the burst's older articles lost):
- a jump menu only (`<select onchange="location.href=this.value">` with `?page=N` options, the
  current page selected): the option after the current one;
- `<link rel="next">` in the head (the visible pager drawn by a script);
- 下一页 as the image's alt or the link's title, in brackets (`[下一页]`), with an arrow
  (`下一页→`, `Next ›`);
- a link or a span a script moves on (`href="javascript:void(0)" onclick="location.href='…'"`);
- page numbers only (`1 2 3 4 5`, the current one not linked or marked `active`);
- TRS's pager script, `createPageHTML(12, 0, "index", "htm")` (its numbers given or in variables),
  and its variant naming the pager's element, `createPageHTML('page_div', 12, 1, 'index', 'shtml', 120)`.
A jump menu of other sites (友情链接) or of the site's columns is no pager. The text is invented;
the servers are real, on 127.0.0.1."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hostile import BODY, Site, _send
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.config.schema import Source
from monitor.pipeline import poll
from monitor.sources import html

PER_PAGE = 5
HTML = {"Content-Type": "text/html; charset=utf-8"}


def _address(kind: str, k: int) -> str:
    """Page k's (0-based) address: the select pager's are `?page=N`, the others' list_N.html."""
    if k == 0:
        return "/list.html"
    if kind.startswith("trs"):  # TRS counts the second page as 1
        return f"/list_{k}.html"
    return f"/list.html?page={k + 1}" if kind == "select" else f"/list_{k + 1}.html"


def _pager(kind: str, k: int, count: int) -> tuple[str, str]:
    """(head, pager) markup of page k of `count`."""
    nxt = _address(kind, k + 1) if k + 1 < count else None
    if kind == "select":
        options = "".join(f"<option value='{_address(kind, j)}'{' selected' if j == k else ''}>第{j + 1}页</option>"
                          for j in range(count))
        return "", f"<select onchange=\"location.href=this.value\">{options}</select>"
    if kind == "trs":
        return "", f"<div class=page><script>createPageHTML({count}, {k}, \"list\", \"html\");</script></div>"
    if kind == "numbers":  # page numbers only, the current one not linked
        return "", "<div class=pages>共{}页 {}</div>".format(count, " ".join(
            str(j + 1) if j == k else f"<a href='{_address(kind, j)}'>{j + 1}</a>" for j in range(count)))
    if kind == "numbers-marked":  # every number linked, the current one marked
        return "", "<ul class=pages>{}</ul>".format("".join(
            f"<li><a href='{_address(kind, j)}'{' class=active' if j == k else ''}>{j + 1}</a></li>" for j in range(count)))
    if kind == "paged-div":  # the variant naming the pager's element first, its page counted from 1
        return "", f"<div id=page_div></div><script>createPageHTML('page_div',{count}, {k + 1},'list','html',{count * 5});</script>"
    if kind == "trs-var":
        return "", (f"<script>var countPage = {count}//共多少页\nvar currentPage = {k};//当前页\n"
                    "createPageHTML(countPage, currentPage, 'list', 'html');</script>")
    if nxt is None:
        return "", ""
    return {
        "link-rel": (f"<link rel='next' href='{nxt}'>", "<div id='pager'></div><script>drawPager()</script>"),
        "image": ("", f"<a href='{nxt}'><img src='/img/next.gif' alt='下一页'></a>"),
        "title": ("", f"<a href='{nxt}' title='下一页' class='btn-next'></a>"),
        "bracket": ("", f"<a href='/list.html'>[首页]</a> <a href='{nxt}'>[下一页]</a>"),
        "arrow": ("", f"<a href='{nxt}'>下一页→</a>"),
        "english": ("", f"<a href='{nxt}'>Next ›</a>"),
        "script": ("", f"<a href=\"javascript:void(0)\" onclick=\"location.href='{nxt}'\">下一页</a>"),
        "span": ("", f"<span class='pg' onclick=\"window.location='{nxt}'\">下一页</span>"),
    }[kind]


def publish(a: Site, count: int, kind: str) -> list[str]:
    """`count` articles, newest first, PER_PAGE a list page; the pages' pager of `kind`."""
    paths = [f"/news/{i}.html" for i in reversed(range(count))]
    chunks = [paths[k:k + PER_PAGE] for k in range(0, count, PER_PAGE)]
    pages = {}
    for k, chunk in enumerate(chunks):
        items = "".join(f'<li><a href="{p}">三明与上海合作第{p[6:-5]}号项目签约落地</a></li>' for p in chunk)
        head, pager = _pager(kind, k, len(chunks))
        pages[_address(kind, k)] = (f"<html><head><meta charset=utf-8>{head}</head><body><ul class='news'>{items}</ul>"
                                    f"{pager}</body></html>").encode()

    def serve(h) -> None:
        page = pages.get(h.path) or pages.get(urlsplit(h.path).path)
        _send(h, 200 if page else 404, HTML, page or b"no such page")

    for address in pages:
        a.routes[urlsplit(address).path] = serve
    for p in paths:
        a.article(p, f"三明与上海合作第{p[6:-5]}号项目签约落地", BODY + f"\n第{p[6:-5]}号项目总投资{p[6:-5]}亿元。")
    return paths


KINDS = ["select", "link-rel", "image", "title", "bracket", "arrow", "english", "script", "span", "trs", "trs-var", "paged-div", "numbers",
         "numbers-marked"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_burst_is_read_on_by_the_pager_a_reader_sees(make_ctx, kind):  # noqa: F811
    with Site() as a:
        a.robots("User-agent: *\nDisallow:\n")
        publish(a, 3, kind)
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{a.url("/list.html")}"\n'
                       'link_selector = "ul.news a"\n')
        assert poll(ctx)[0].new == 3
        paths = publish(a, 15, kind)  # 12 new: pages 1 and 2 and two of page 3
        report = poll(ctx)[0]
    assert report.new == 12, (report, a.paths())
    assert urls(ctx) == {a.url(p) for p in paths}


SRC = Source(name="a", kind="html", url="http://news.example.cn/xw/list.html", link_selector="ul.news a")
LIST = "<ul class='news'><li><a href='/news/1.html'>沪明合作</a></li></ul>"


def _next_of(body: str, url: str = SRC.url):
    return html.parse(SRC, body.encode(), {"content-type": "text/html; charset=utf-8"}, url, find_next=True)[1]


@pytest.mark.parametrize("menu", [
    # other sites, a jump menu of links (no page numbers)
    "<select onchange=\"window.open(this.value)\"><option>友情链接</option>"
    "<option value='http://www.gov.cn/'>中国政府网</option><option value='http://www.fujian.gov.cn/'>福建省政府</option>"
    "</select>",
    # the site's columns
    "<select onchange=\"location.href=this.value\"><option value='/xw/list.html' selected>新闻</option>"
    "<option value='/tz/list.html'>通知</option></select>",
    # the last page: nothing after it
    "<select onchange=\"location.href=this.value\"><option value='list.html?page=1'>1</option>"
    "<option value='list.html?page=2' selected>2</option></select>",
])
def test_a_jump_menu_that_is_no_pager_leads_nowhere(menu):
    assert _next_of(f"<html><body>{LIST}{menu}</body></html>", SRC.url + "?page=2") is None


def test_the_previous_page_is_not_the_next():
    assert _next_of(f"<html><body>{LIST}<a href='list_1.html'>[上一页]</a><a href='list_1.html' title='上一页'>"
                    "<img alt='上一页'></a></body></html>") is None


@pytest.mark.parametrize("script", ["createPageHTML(3, 2, 'list', 'html');", "createPageHTML('page_div',3,3,'list','html',30);"])
def test_the_last_page_of_a_trs_pager_has_no_next(script):
    assert _next_of(f"<html><body>{LIST}<script>{script}</script></body></html>") is None


@pytest.mark.parametrize("pager", [
    ("<link rel='next' href='list_2.html'>", "link[rel=next]"),
    ("<a class=next href='javascript:void(0)' onclick=\"location.href='list_2.html'\">下一页</a>", "a.next"),
    ("<span class=next onclick=\"window.location='list_2.html'\">下一页</span>", "span.next"),
])
def test_a_next_selector_takes_the_address_a_reader_goes_to(pager):
    markup, selector = pager
    src = Source(name="a", kind="html", url=SRC.url, link_selector="ul.news a", next_selector=selector, pages=2)
    found = html.parse(src, f"<html><head></head><body>{LIST}{markup}</body></html>".encode(),
                       {"content-type": "text/html; charset=utf-8"}, SRC.url)
    assert found[1] == "http://news.example.cn/xw/list_2.html"


def test_a_year_archive_menu_is_no_pager():
    menu = ("<select onchange=\"location.href=this.value\"><option value='/xw/2026/' selected>2026</option>"
            "<option value='/xw/2025/'>2025</option><option value='/xw/2024/'>2024</option></select>")
    assert _next_of(f"<html><body>{LIST}{menu}</body></html>") is None


@pytest.mark.parametrize("pager", [
    "<div class=pages>" + " ".join(f"<a href='list_{n}.html'>{n}</a>" for n in (1, 2, 3, 4)) + " 5</div>",  # the last
    "<div class=pages><a href='list_1.html'>1</a> … <a href='list_5.html'>5</a> <a href='list_6.html'>6</a> 7 "
    "<a href='list_8.html'>8</a> … <a href='list_20.html'>20</a></div>",  # a window with gaps: unclear
    "<ul class=top><li><a href='/a/1.html'>1</a></li><li><a href='/a/2.html'>2</a></li></ul>",  # numbered titles
])
def test_page_numbers_that_do_not_say_which_page_follows_lead_nowhere(pager):
    assert _next_of(f"<html><body>{LIST}{pager}</body></html>") is None
