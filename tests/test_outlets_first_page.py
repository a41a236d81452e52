"""A government column paged as index.html, index_1.html … index_N.html (or an API's numbered
pages), polled with `pages = 3` so that the source's first poll stores its recent backlog.

Every later poll that found news on the first page fetched the second page too, though the
first page already ended on a stored link (the news was all on it): one request more a poll, a
hundred a week for one column, to sites that count them. A polled source now stops at the page
its news ends on; the first poll still reads its `pages`.
"""

from __future__ import annotations

import json

from hostile import Site
from test_cycle import make_ctx  # noqa: F401  (a fixture)

from monitor.pipeline import poll


def headline(n: int) -> str:
    return f"三明与上海合作第{n}号项目签约落地"


def column(a: Site, newest: int) -> None:
    """index.html, index_1.html, index_2.html, index_3.html: ten links each, the newest first."""
    numbers = list(range(newest, 0, -1))
    for k in range(4):
        items = "".join(f'<li><a href="/art/{n}.html">{headline(n)}</a></li>' for n in numbers[k * 10:(k + 1) * 10])
        a.page("/col/index.html" if k == 0 else f"/col/index_{k}.html",
               f'<html><body><ul class="news">{items}</ul></body></html>')
        items_json = [{"title": headline(n), "url": f"/art/{n}.html"} for n in numbers[k * 10:(k + 1) * 10]]
        a.page(f"/api/list_{k + 1}.json", json.dumps({"data": {"list": items_json}}), content_type="application/json")
    for n in numbers:
        a.article(f"/art/{n}.html", headline(n))


def test_a_polled_column_reads_only_the_page_its_news_ends_on(make_ctx):  # noqa: F811
    with Site() as a:
        column(a, 40)
        ctx = make_ctx(f'[[sources]]\nname = "gov"\nkind = "html"\nurl = "{a.url("/col/index.html")}"\n'
                       'link_selector = "ul.news a"\npages = 3\npage_url = "index_{n}.html"\nfirst_page = 0\n')
        first = poll(ctx)[0]
        lists = [p for p in a.paths() if p.startswith("/col/")]
        column(a, 42)  # two new items at the top
        asked = len(a.paths())
        second = poll(ctx)[0]
        then = [p for p in a.paths()[asked:] if p.startswith("/col/")]
    assert first.new == 30 and lists == ["/col/index.html", "/col/index_1.html", "/col/index_2.html"], (first, lists)
    assert second.new == 2 and then == ["/col/index.html"], (second, then)


def test_a_polled_api_reads_only_the_answer_its_news_ends_on(make_ctx):  # noqa: F811
    with Site() as a:
        column(a, 40)
        ctx = make_ctx(f'[[sources]]\nname = "gov-api"\nkind = "json-api"\nurl = "{a.url("/api/list_")}{{page}}.json"\n'
                       'items = "data.list"\ntitle = "title"\nlink = "url"\nmax_pages = 3\n')
        first = poll(ctx)[0]
        column(a, 42)
        asked = len(a.paths())
        second = poll(ctx)[0]
        then = [p for p in a.paths()[asked:] if p.startswith("/api/")]
    assert first.new == 30, first
    assert second.new == 2 and then == ["/api/list_1.json"], (second, then)
