"""`monitor add-source` on a list whose rows only call the page's function with an id
(`<a href="javascript:openDetail(1234)">`, `onclick="showArt('1234')"`) (session 32, faults-sources-10).

A poll follows such rows through the page's own script (`function openDetail(id) {
window.open("/xxgk/detail.jsp?id=" + id); }`, session 31), but add-source read no address in them
and suggested nothing for the page (or a selector picking its menu). It reads them as the poll
does now: the guess names the rows' container and the shape of the addresses their script opens.
The text is invented.
"""

from __future__ import annotations

import pytest
from hostile import Site
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)
from test_outlets_relative_dates import headline

from monitor.pipeline import poll
from monitor.sources.detect import detect

HTML = {"content-type": "text/html; charset=utf-8"}
OPENERS = ('<script>function openDetail(id) { window.open("/xxgk/detail.jsp?id=" + id); }\n'
           'var showArt = function (cid) { location.href = "/xxgk/art_" + cid + ".html"; };</script>')


def _page(row: str, n: int = 6) -> str:
    rows = "".join(f"<li>{row.format(id=1000 + i, title=headline(i))}<span>2026-12-0{1 + i % 5}</span></li>"
                   for i in range(n))
    return (f'<html><head>{OPENERS}</head><body><div class="nav"><a href="/">首页</a><a href="/xxgk/">信息公开</a>'
            f'</div><ul class="list">{rows}</ul></body></html>')


@pytest.mark.parametrize(("row", "pattern"), [
    ('<a href="javascript:openDetail({id})">{title}</a>', r"/xxgk/detail\.jsp\?id=\d+$"),
    ('<a href="javascript:void(0)" onclick="showArt(\'{id}\')">{title}</a>', r"/xxgk/art_\d+\.html$"),
    ('<a onclick="openDetail({id})">{title}</a>', r"/xxgk/detail\.jsp\?id=\d+$"),
])
def test_add_source_suggests_a_list_of_id_only_rows(row, pattern):
    guesses = detect(_page(row).encode(), HTML, "http://www.sm.gov.cn/xxgk/list.html")
    assert [(g.kind, g.keys, g.links) for g in guesses] == [
        ("html", {"link_selector": "ul.list a", "link_pattern": pattern}, 6)], guesses


def test_the_suggested_source_polls_the_rows_articles(make_ctx):  # noqa: F811
    page = _page('<a href="javascript:showArt({id})">{title}</a>', 3)
    with Site() as a:
        a.page("/xxgk/list.html", page)
        for i in range(3):
            a.article(f"/xxgk/art_{1000 + i}.html", headline(i))
        keys = detect(page.encode(), HTML, a.url("/xxgk/list.html"))[0].keys
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{a.url("/xxgk/list.html")}"\n'
                       f'link_selector = "{keys["link_selector"]}"\nlink_pattern = \'{keys["link_pattern"]}\'\n')
        report = poll(ctx)[0]
    assert report.new == 3, report
    assert urls(ctx) == {a.url(f"/xxgk/art_{1000 + i}.html") for i in range(3)}
