"""List pages whose further pages a form brings: a JSP column's pager link runs `goPage(2)`,
which sets the form's page field and submits it (a POST, often), or the pager is the form's own
"下一页" button. A reader goes on by it; the walk did not: a burst of news past the first page
was read no further, and not a word said. Now the form is sent as the page's script sends it, its
page field set to the number the pager gives (or as it stands, for a form's own "next" button).
"""

from __future__ import annotations

import pytest
from hostile import BODY, article_html
from sitekit import Site
from test_cycle import make_ctx, urls  # noqa: F401  (a fixture)

from monitor.pipeline import poll

PER_PAGE = 4
TITLE = "三明与上海合作第{}号项目签约落地"
HTML = {"Content-Type": "text/html; charset=utf-8"}


def list_page(numbers: list[int], page: int, last: int, style: str) -> bytes:
    items = "".join(f'<li><a href="/content/{n}.html">{TITLE.format(n)}</a></li>' for n in numbers)
    if style == "script":
        pager = ('<form name="pageForm" action="/col/list.jsp" method="post"><input type="hidden" name="channelId" '
                 f'value="12"><input type="hidden" name="pageNo" value="{page}"></form>'
                 f'<div class="pager">第{page}页 共{last}页 '
                 + (f'<a href="javascript:goPage({page + 1})">下一页</a>' if page < last else "") + "</div>"
                 '<script>function goPage(n){document.pageForm.pageNo.value=n;document.pageForm.submit();}</script>')
    else:
        pager = ('<form action="/col/list.jsp" method="post"><input type="hidden" name="channelId" value="12">'
                 f'<input type="hidden" name="pageNo" value="{page + 1}">'
                 + ('<input type="submit" value="下一页">' if page < last else "") + "</form>")
    return f'<html><body><ul class="news">{items}</ul>{pager}</body></html>'.encode()


def publish(a: Site, count: int, style: str) -> list[int]:
    numbers = list(reversed(range(count)))
    pages = [numbers[k:k + PER_PAGE] for k in range(0, count, PER_PAGE)]

    def answer(hit):
        page = int(hit.form.get("pageNo", "1")) if hit.method == "POST" else 1
        if hit.method == "POST" and hit.form.get("channelId") != "12":
            return 500, HTML, b"missing channel"
        chunk = pages[page - 1] if page <= len(pages) else []
        return 200, HTML, list_page(chunk, page, len(pages), style)

    a.route("GET", "/col/list.jsp", answer)
    a.route("POST", "/col/list.jsp", answer)
    for n in numbers:
        a.page(f"/content/{n}.html", article_html(TITLE.format(n), BODY + f"\n第{n}号项目。"), "text/html; charset=utf-8")
    return numbers


@pytest.mark.parametrize("style", ["script", "button"])
def test_a_burst_past_the_first_page_is_read_on_by_the_pagers_form(make_ctx, style):  # noqa: F811
    with Site() as a:
        publish(a, 3, style)
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{a.url("/col/list.jsp")}"\n'
                       'link_selector = "ul.news a"\n')
        poll(ctx)
        numbers = publish(a, 12, style)  # 9 new: pages 1 and 2 and one of page 3
        report = poll(ctx)[0]
        stored = urls(ctx)
    assert report.new == 9, report
    assert stored == {a.url(f"/content/{n}.html") for n in numbers}


def test_pages_set_in_the_config_are_read_by_the_pagers_form(make_ctx):  # noqa: F811
    with Site() as a:
        numbers = publish(a, 8, "script")
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{a.url("/col/list.jsp")}"\n'
                       'link_selector = "ul.news a"\npages = 2\nnext_selector = "div.pager a"\n')
        report = poll(ctx)[0]
        stored = urls(ctx)
    assert report.new == 8, report
    assert stored == {a.url(f"/content/{n}.html") for n in numbers}
