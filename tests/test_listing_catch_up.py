"""More articles published between two polls than the configured list pages hold: the daemon
was down over a weekend, or a county site put up a morning's batch at once.

A source read its `pages` list pages and stopped, so the articles pushed past them were never
seen: with `pages = 1` and 5 links a page, 12 new articles meant 7 lost. Now, for a source
polled before, the walk goes on past `pages` (up to CATCH_UP_PAGES more) while the last link of
a page is still new, by `page_url`, `next_selector` or the page's own "下一页" link. A source's
first poll still reads only `pages`: its archive is not the news.
"""

from __future__ import annotations

import pytest
from hostile import BODY, Site
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

PER_PAGE = 5


def publish(a: Site, count: int, *, pager: str) -> list[str]:
    """`count` articles, newest first, on list pages of PER_PAGE links; returns their paths.
    `pager`: "pattern" (list_2.html …) or "link" (each page links the next as 下一页)."""
    paths = [f"/news/{i}.html" for i in reversed(range(count))]
    pages = [paths[k:k + PER_PAGE] for k in range(0, count, PER_PAGE)]
    for k, chunk in enumerate(pages):
        items = "".join(f'<li><a href="{p}">三明与上海合作第{p[6:-5]}号项目签约落地</a></li>' for p in chunk)
        more = f'<div class="pager"><a href="/list.html">首页</a> <a href="/list_{k + 2}.html">下一页</a></div>' \
            if pager == "link" and k + 1 < len(pages) else ""
        a.page("/list.html" if k == 0 else f"/list_{k + 1}.html",
               f'<html><body><ul class="news">{items}</ul>{more}</body></html>')
    for p in paths:
        a.article(p, f"三明与上海合作第{p[6:-5]}号项目签约落地", BODY + f"\n第{p[6:-5]}号项目总投资{p[6:-5]}亿元。")
    return paths


def source(url: str, pager: str) -> str:
    extra = 'page_url = "list_{n}.html"\nfirst_page = 1\n' if pager == "pattern" else ""
    return f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{url}"\nlink_selector = "ul.news a"\n{extra}'


@pytest.mark.parametrize("pager", ["pattern", "link"])
def test_a_burst_past_the_configured_page_is_read_to_its_end(make_ctx, pager):  # noqa: F811
    with Site() as a:
        publish(a, 3, pager=pager)
        ctx = make_ctx(source(a.url("/list.html"), pager))
        assert poll(ctx)[0].new == 3
        paths = publish(a, 15, pager=pager)  # 12 new: pages 1 and 2 and two of page 3
        report = poll(ctx)[0]
        asked = a.paths()
    assert report.new == 12, report
    assert urls(ctx) == {a.url(p) for p in paths}
    assert "/list_4.html" not in asked  # page 3 ended on a known link


def test_a_first_poll_reads_only_the_configured_pages(make_ctx):  # noqa: F811
    with Site() as a:
        publish(a, 20, pager="link")
        ctx = make_ctx(source(a.url("/list.html"), "link"))
        report = poll(ctx)[0]
        asked = a.paths()
    assert report.new == PER_PAGE and "/list_2.html" not in asked


def test_an_ordinary_poll_reads_one_page(make_ctx):  # noqa: F811
    with Site() as a:
        publish(a, 8, pager="link")
        ctx = make_ctx(source(a.url("/list.html"), "link"))
        poll(ctx)
        publish(a, 10, pager="link")  # two new on page 1, then known links
        report = poll(ctx)[0]
        asked = a.paths()
    assert report.new == 2 and asked.count("/list_2.html") == 0


def test_a_burst_bigger_than_a_polls_share_is_stored_over_the_next_polls(make_ctx):  # noqa: F811
    """max_articles_per_poll = 4 and 12 new: each poll takes the oldest it can (the newer stay
    near the top of the list, where the next poll finds them), so nothing is left behind."""
    from test_cycle import FETCH

    with Site() as a:
        publish(a, 3, pager="pattern")
        ctx = make_ctx(source(a.url("/list.html"), "pattern"), fetch=FETCH + "max_articles_per_poll = 4\n")
        poll(ctx)
        paths = publish(a, 15, pager="pattern")
        news = [poll(ctx)[0].new for _ in range(4)]
    assert news == [4, 4, 4, 0], news
    assert urls(ctx) == {a.url(p) for p in paths}


def test_a_link_given_up_ends_the_news_as_a_stored_one_does(make_ctx):  # noqa: F811
    """A list page ending on a link given up for good (a PDF, a dead page): nothing new there,
    so no poll reads on past the page for it."""
    with Site() as a:
        publish(a, 3, pager="link")
        items = "".join(f'<li><a href="/news/{i}.html">三明与上海合作第{i}号项目签约落地</a></li>' for i in (2, 1, 0))
        a.page("/list.html", f'<html><body><ul class="news">{items}<li><a href="/files/plan.pdf">规划全文</a></li>'
                             '</ul><div class="pager"><a href="/list_2.html">下一页</a></div></body></html>')
        a.page("/files/plan.pdf", b"%PDF-1.4 a plan", content_type="application/pdf")
        a.page("/list_2.html", '<html><body><ul class="news"></ul></body></html>')
        ctx = make_ctx(source(a.url("/list.html"), "link"))
        for _ in range(3):
            poll(ctx)
        asked = a.paths()
    assert asked.count("/files/plan.pdf") == 1 and asked.count("/list_2.html") == 0, asked
