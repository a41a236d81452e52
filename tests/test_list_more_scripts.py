"""A list's "more" link among the rows a source's `link_selector` picks (`<div class="news"><ul>…</ul>
<a href="javascript:more('/list_2.html')">更多&gt;&gt;</a></div>`, the same by `onclick` or a plain href,
`加载更多`, `Load more`, a pager's `下一页`) (session 32, faults-sources-10).

It was an article candidate: the list page it opens was fetched as an article, found no article text
and left the source `partial` with an error each poll. A link whose text only names another list
page is no candidate when the page's other links have headlines; a box of such links alone (cards
whose one link says `更多`) keeps them: they are its articles'. `Read more` and `详细` are an
article's links. The text is invented.
"""

from __future__ import annotations

import pytest
from hostile import Site
from test_cycle import make_ctx  # noqa: F401  (a fixture)
from test_outlets_relative_dates import headline

from monitor.pipeline import poll

SCRIPT = "<script>function more(u) { location.href = u; } function loadMore(u) { window.open(u); }</script>"


def _source(a: Site) -> str:
    return (f'[[sources]]\nname = "portal"\nkind = "html"\nurl = "{a.url("/list.html")}"\n'
            f'link_selector = "div.news a"\n')


def _list(more: str, start: int = 0) -> str:
    rows = "".join(f'<li><a href="/n/{i}.html">{headline(i)}</a><span>2026-12-0{1 + i % 5}</span></li>'
                   for i in range(start, start + 3))
    return f'<html><head>{SCRIPT}</head><body><div class="news"><ul>{rows}</ul>{more}</div></body></html>'


@pytest.mark.parametrize("more", [
    '<p class="more"><a href="javascript:more(\'/list_2.html\')">更多&gt;&gt;</a></p>',
    '<a href="javascript:void(0)" onclick="loadMore(\'/list_2.html\')">[ 查看更多 ]</a>',
    '<a href="/list_2.html">加载更多</a>',
    '<a href="/list_2.html" class="btn">Load more</a>',
    '<div class="page"><a href="/list_2.html">下一页</a></div>',
])
def test_a_more_link_among_the_rows_is_no_article(make_ctx, more):  # noqa: F811
    with Site() as a:
        a.page("/list.html", _list(more))
        a.page("/list_2.html", _list("", 3))
        for i in range(6):
            a.article(f"/n/{i}.html", headline(i))
        ctx = make_ctx(_source(a))
        report = poll(ctx)[0]
        paths = a.paths()
    assert "/list_2.html" not in paths, (report, paths)
    assert (report.status, report.new, report.errors) == ("ok", 3, []), report


def test_a_box_of_more_links_alone_keeps_them_and_read_more_is_an_articles_link(make_ctx):  # noqa: F811
    cards = "".join(f'<div class="card"><h3>{headline(i)}</h3><a href="/n/{i}.html">更多</a></div>' for i in range(3))
    teaser = f'<ul><li>{headline(3)} <a href="/n/3.html">Read more</a></li><li><a href="/n/4.html">{headline(4)}</a></li></ul>'
    with Site() as a:
        a.page("/list.html", f'<html><body><div class="news">{cards}</div></body></html>')
        a.page("/teasers.html", f'<html><body><div class="news">{teaser}</div></body></html>')
        for i in range(5):
            a.article(f"/n/{i}.html", headline(i))
        ctx = make_ctx(_source(a) + f'\n[[sources]]\nname = "teasers"\nkind = "html"\n'
                                     f'url = "{a.url("/teasers.html")}"\nlink_selector = "div.news a"\n')
        reports = poll(ctx)
        paths = sorted(p for p in a.paths() if p.startswith("/n/"))
    assert paths == [f"/n/{i}.html" for i in range(5)], (reports, paths)
