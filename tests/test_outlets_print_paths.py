"""A list page that links each article twice under its headline: its page and a print view at
another path (`/a/2026/123.html` and `/print/2026/123.html`, `show.jsp?id=124` and
`print.jsp?id=124`, `125.html` and `125_print.html`), as many CMS columns' rows do (faults-sources-4
left it: a view in the query, `?print=1`, was handled).

Both were fetched and stored: one story holding the outlet's article twice, two requests for every
article. Links under one headline naming one article (the same id in the file name, or in the
query where the file names are the page's and the print view's) are now that article, fetched
once at its page (the link that is not a print view, else the first). Two articles of one headline
and different ids are two.
"""

from __future__ import annotations

from hostile import Site
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll


def headline(n: int) -> str:
    return f"三明与上海合作第{n}号项目签约落地"


def test_an_article_and_its_print_view_at_another_path_are_fetched_once(make_ctx):  # noqa: F811
    pairs = [("/a/2026/123.html", "/print/2026/123.html", 1), ("/print.jsp?id=124", "/show.jsp?id=124", 2),
             ("/a/2026/125.html", "/a/2026/125_print.html", 3)]
    with Site() as a:
        rows = "".join(f'<li><a href="{x}">{headline(n)}</a> <a href="{y}">{headline(n)}</a></li>' for x, y, n in pairs)
        rows += f'<li><a href="/a/2026/126.html">{headline(9)}</a></li><li><a href="/a/2026/127.html">{headline(9)}</a></li>'
        a.page("/list.html", f'<html><body><ul class="news">{rows}</ul></body></html>')
        for x, y, n in pairs:
            for path in (x, y):  # (the site answers by path, its query aside)
                a.article(path.partition("?")[0], headline(n), f"{headline(n)}。" + "沪明两地将继续深化合作共建产业园。" * (n + 2))
        for n in (126, 127):
            a.article(f"/a/2026/{n}.html", headline(9), f"{headline(9)}。" + f"第{n}期：沪明两地文旅合作推介活动举行。" * 4)
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{a.url("/list.html")}"\n'
                       'link_selector = "ul.news a"\n')
        report = poll(ctx)[0]
        asked = [p for p in a.paths() if p not in ("/robots.txt", "/list.html")]
        stored = urls(ctx)
    assert sorted(asked) == sorted(["/a/2026/123.html", "/show.jsp?id=124", "/a/2026/125.html",
                                    "/a/2026/126.html", "/a/2026/127.html"]), asked
    assert report.new == 5 and len(stored) == 5, (report, sorted(stored))
