"""A list page that lists one article under two addresses: its own and the same with a query
(`1.html?page=1`, a print view `1.html?print=1`, `?f=2`), under the same headline (a
headline link and a 'print' or 'page 1' link beside it, a card and its title both linked).

Both were fetched at the poll that found them (the second only then known for the same page):
two requests for every article to a site that counts them. The link with a query is now that
article when the same listing gives it without, under the same headline; links told apart by
their query (`show.php?id=1`, `?id=2`) and short generic texts (`阅读全文`) are fetched as before.
"""

from __future__ import annotations

from hostile import Site
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll


def headline(n: int) -> str:
    return f"三明与上海合作第{n}号项目签约落地"


def test_one_article_listed_with_and_without_a_query_is_fetched_once(make_ctx):  # noqa: F811
    with Site() as a:
        rows = (f'<li><a href="/n/1.html">{headline(1)}</a> <a href="/n/1.html?page=1">{headline(1)}</a></li>'
                f'<li><a href="/n/2.html?print=1">{headline(2)}</a><a href="/n/2.html">{headline(2)}</a></li>'
                f'<li><a href="/show.php">{headline(3)}</a><a href="/show.php?id=4">{headline(4)}</a></li>'
                f'<li><a href="/n/5.html">{headline(5)}</a><a href="/n/5.html?vid=9">阅读全文</a></li>')
        a.page("/list.html", f'<html><body><ul class="news">{rows}</ul></body></html>')
        for path, n in (("/n/1.html", 1), ("/n/2.html", 2), ("/show.php", 3), ("/show.php?id=4", 4), ("/n/5.html", 5)):
            a.article(path, headline(n), f"{headline(n)}。" + "沪明两地将继续深化合作共建产业园。" * (n + 1))
        a.article("/n/5.html?vid=9", headline(5), f"{headline(5)}。" + "沪明两地将继续深化合作共建产业园。" * 6)
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{a.url("/list.html")}"\n'
                       'link_selector = "ul.news a"\n')
        report = poll(ctx)[0]
        asked = [p for p in a.paths() if p not in ("/robots.txt", "/list.html")]
    assert "/n/1.html?page=1" not in asked and "/n/2.html?print=1" not in asked, asked
    assert {"/n/1.html", "/n/2.html", "/show.php", "/show.php?id=4", "/n/5.html", "/n/5.html?vid=9"} <= set(asked), asked
    assert report.fetched == 6, report
