"""List links that give only an id, the page's own script building the address (session 31,
faults-sources-9): `href="javascript:openDetail(12345)"`, `onclick="showArt('3','12346')"` on a
link or a row, and rows keeping `data-id="12347"` that a click handler opens
(`location.href = '/content/detail.html?id=' + $(this).data('id')`, `this.dataset.artId`).

Such links named no page: the list gave nothing, poll after poll 'ok' (no error: the selector
matched its rows). A browser runs the page's function; the list now reads the address that
function opens from the page's inline scripts: a function opening a string joined with its
parameters, or a script opening one joined with the clicked row's data attribute. A function
that opens no address (`showMore(3)` loading more by script), one kept in a script file, or one
opening a place on the page gives no link, as before. The text is invented.
"""

from __future__ import annotations

from hostile import Site
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)
from test_outlets_relative_dates import headline

from monitor.config import Source
from monitor.pipeline import poll
from monitor.sources import html

FUNCTIONS = """<script>
function openDetail(id) { window.open("/art/detail.jsp?id=" + id, "_blank"); }
var showArt = function (cid, id) { location.href = '/c/' + cid + '/' + id + '.html'; };
function showMore(n) { $.get('/api/more?page=' + n, append); }
function toTop(id) { location.href = '#top-' + id; }
</script>"""
CALLED = f"""<html><head>{FUNCTIONS}<script src="/js/common.js"></script></head><body><ul class="news">
<li><a href="javascript:openDetail(12345)">{headline(1)}</a></li>
<li><a href="javascript:void(0)" onclick="showArt('3', '12346');return false;">{headline(2)}</a></li>
<li onclick="openDetail('12347')"><a href="javascript:;">{headline(3)}</a></li>
<li><a href="javascript:openInfo(12350)">{headline(4)}</a></li>
<li><a href="javascript:toTop(5)">{headline(5)}</a></li>
<li><a href="javascript:void(0);" onclick="showMore(3)">更多</a></li>
</ul></body></html>"""
DATA = f"""<html><body><ul class="news">
<li data-id="555"><a href="javascript:;">{headline(6)}</a></li>
<li data-id="556"><a href="javascript:void(0)">{headline(7)}</a></li>
</ul><div class="cards"><div class="card" data-art-id="777">{headline(8)}</div></div>
<script>$(".news li").click(function () {{ window.open("/content/detail.html?id=" + $(this).data('id')); }});
document.querySelectorAll('.card').forEach(function (c) {{
  c.onclick = function () {{ location.href = '/c/' + this.dataset.artId + '.shtml'; }}; }});
</script></body></html>"""
URL = "http://www.example.cn/col/index.html"


def _links(page: str, selector: str) -> list[str]:
    src = Source(name="x", kind="html", url=URL, link_selector=selector)
    return [c.url for c in html.parse(src, page.encode(), {"content-type": "text/html; charset=utf-8"}, URL)[0]]


def test_a_link_calling_the_pages_function_with_its_id_is_the_page_it_opens():
    assert _links(CALLED, "ul.news a") == ["http://www.example.cn/art/detail.jsp?id=12345",
                                           "http://www.example.cn/c/3/12346.html",
                                           "http://www.example.cn/art/detail.jsp?id=12347"]
    assert _links(CALLED, "ul.news li")[:3] == _links(CALLED, "ul.news a")


def test_a_row_whose_data_id_the_pages_script_opens_is_that_page():
    assert _links(DATA, "ul.news a") == ["http://www.example.cn/content/detail.html?id=555",
                                         "http://www.example.cn/content/detail.html?id=556"]
    assert _links(DATA, "div.card") == ["http://www.example.cn/c/777.shtml"]


def test_a_function_opening_no_page_or_not_on_the_page_gives_no_link():
    assert _links(CALLED.replace(FUNCTIONS, ""), "ul.news a") == []  # (its functions in /js/common.js only)
    plain = '<ul class="news"><li data-id="9"><a href="javascript:;">x</a></li></ul><script>var n = 1;</script>'
    assert _links(plain, "ul.news a") == []


def test_a_polled_list_of_id_links_stores_its_articles(make_ctx):  # noqa: F811
    with Site() as a:
        a.page("/col/index.html", CALLED)
        a.page("/col/cards.html", DATA)
        for path, n in (("/art/detail.jsp", 1), ("/c/3/12346.html", 2), ("/content/detail.html", 6), ("/c/777.shtml", 8)):
            a.article(path, headline(n))
        ctx = make_ctx(f'[[sources]]\nname = "col"\nkind = "html"\nurl = "{a.url("/col/index.html")}"\n'
                       'link_selector = "ul.news a"\n'
                       f'[[sources]]\nname = "cards"\nkind = "html"\nurl = "{a.url("/col/cards.html")}"\n'
                       'link_selector = "ul.news li, div.card"\n')
        reports = poll(ctx)
        got = urls(ctx)
    assert {a.url("/art/detail.jsp?id=12345"), a.url("/c/3/12346.html"), a.url("/content/detail.html?id=555"),
            a.url("/c/777.shtml")} <= got, (reports, got)
