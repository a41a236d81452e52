"""An article split across pages by its query (`show.asp?id=88&page=2`), read whole (fourth round).

The CMSs of older portals and county sites page a long article by a query parameter, not by its
file name: `index.php?m=content&c=index&a=show&catid=7&id=88&page=2`, `ShowArticle.asp?ArticleID=88&Page=2`,
`show.php?itemid=88&page=2`. A reader clicks 2, 3 or 下一页 and reads on; the monitor pages
only `…_2.html` names (test_article_pages), so such a report kept its first page, and a
cooperation paragraph on page three was never matched. Only links to the same address with
the same parameters but one page number count (a related article's pages, a comment list's
pages under another parameter, a link to another site never do). The text is invented; the
servers are real, on 127.0.0.1."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from hostile import Site, _send
from test_article_pages import PAGE_TEXT
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll
from monitor.pipeline.morepages import later_pages

HTML = {"Content-Type": "text/html; charset=utf-8"}
STYLES = {  # address of page 1, the page parameter
    "phpcms": ("/index.php?m=content&c=index&a=show&catid=7&id=88", "page"),
    "powereasy": ("/Article/ShowArticle.asp?ArticleID=88", "Page"),
    "destoon": ("/news/show.php?itemid=88", "page"),
}


def _pager(first: str, param: str, count: int, current: int) -> str:
    sep = "&amp;"
    links = [str(n + 1) if n == current else f'<a href="{first}{sep}{param}={n + 1}">{n + 1}</a>' for n in range(count)]
    if current + 1 < count:
        links.append(f'<a href="{first}{sep}{param}={current + 2}">下一页</a>')
    return '<div class="pages">' + " ".join(links) + "</div>"


def _page(first: str, param: str, current: int, extra: str = "") -> bytes:
    text = PAGE_TEXT[current]
    return (f'<html><head><meta charset="utf-8"><title>2026年市政府工作报告</title></head><body>'
            f"<h1>2026年市政府工作报告</h1><div class=info>2026-11-21 09:00 来源：三明日报</div><div class=content>"
            f"<p>编者按：本报连载市政府工作报告全文。</p><p>{text}</p><p>{text}这是第{current + 1}页的内容。</p></div>"
            f"{_pager(first, param, len(PAGE_TEXT), current)}{extra}</body></html>").encode()


def _serve(s: Site, style: str, extra: str = "") -> str:
    first, param = STYLES[style]

    def serve(h) -> None:
        query = {k.lower(): v[0] for k, v in parse_qs(urlsplit(h.path).query).items()}
        n = int(query.get(param.lower(), "1"))
        _send(h, 200 if 1 <= n <= len(PAGE_TEXT) else 404, HTML, _page(first, param, n - 1, extra))

    s.routes[urlsplit(first).path] = serve
    return first


@pytest.mark.parametrize("style", list(STYLES))
def test_a_report_paged_by_its_query_is_one_article_matched_on_its_third_page(make_ctx, style):  # noqa: F811
    with Site() as s:
        first = _serve(s, style)
        s.listing("/list.html", [first])
        ctx = make_ctx(source_toml("gov", s.url("/list.html")), allow=(s.netloc,))
        report = poll(ctx)[0]
        asked = s.paths()
    assert (report.new, report.matched) == (1, 1), (report, asked)
    [row] = ctx.store.db.query("SELECT url, body FROM articles")
    assert all(text in row["body"] for text in PAGE_TEXT) and row["body"].count("编者按") == 1
    assert row["body"].index(PAGE_TEXT[0]) < row["body"].index(PAGE_TEXT[1]) < row["body"].index(PAGE_TEXT[2])
    assert len(asked) == len(set(asked)), asked  # each page once


def test_only_the_same_article_s_page_numbers_are_its_pages():
    url = "http://news.example/index.php?m=content&c=index&a=show&catid=7&id=88"
    html = ('<a href="index.php?m=content&amp;c=index&amp;a=show&amp;catid=7&amp;id=88&amp;page=2">2</a>'
            '<a href="/index.php?m=content&c=index&a=show&catid=7&id=89&page=2">2</a>'  # another article's
            '<a href="index.php?m=content&c=index&a=show&catid=7&id=88&cpage=2">2</a>'  # its comments
            '<a href="index.php?m=content&c=index&a=show&catid=8&id=88&page=3">3</a>'  # another column
            '<a href="http://elsewhere.example/index.php?m=content&c=index&a=show&catid=7&id=88&page=4">4</a>'
            '<a href="index.php?m=content&c=index&a=show&catid=7&id=88&page=5">相关阅读</a>'  # not a pager's
            '<a href="index.php?m=content&c=index&a=show&catid=7&id=88&page=3">下一页</a>')
    assert later_pages(url, html) == [url + "&page=2", url + "&page=3"]
