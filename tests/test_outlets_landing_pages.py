"""A column mixing its articles with a 专题's landing page (`<a href="/ztzl/xxgc/">专题：…</a>`,
`…/zt2026/index.html`): the landing page, a banner, headings and lists of links, was fetched and
stored as an article headed '专题：…', its text the section headings, in searches and digests.
Among links naming their articles by a number (three in four at least), a folder or an index page
is no article: dropped with its reason, as `monitor test-source` shows. A list of folders (a site
whose articles are folders), or a list of few links, keeps them all. The text is invented.
"""

from __future__ import annotations

from hostile import Site
from test_cycle import make_ctx  # noqa: F401  (make_ctx is a fixture)
from test_outlets_site_titles import HEADLINES, TEXTS

from monitor.models import Candidate

LANDING = ('<html><head><title>专题：学习贯彻全会精神</title></head><body><div class="banner"><img src="/b.jpg"></div>'
           + "".join(f'<div class="col"><h3>{name}</h3><ul>' + "".join(
               f'<li><a href="/art/2026/12/{k}{j}.html">{HEADLINES[j % 4]}（{k}{j}）</a><span>2026-12-0{j + 1}</span></li>'
               for j in range(6)) + "</ul></div>" for k, name in enumerate(["领导活动", "媒体聚焦", "基层动态", "图片新闻"]))
           + "</body></html>")


def test_a_topics_landing_page_in_a_column_of_articles_is_not_fetched(make_ctx):  # noqa: F811
    from monitor.pipeline import poll

    with Site() as a:
        rows = [f'<li><a href="/art/2026/12/t20261205_{n}.html">{HEADLINES[n]}</a></li>' for n in range(4)]
        rows.insert(1, '<li><a href="/ztzl/xxgc/">专题：学习贯彻全会精神</a></li>')
        rows.append('<li><a href="/zt2026/ylhj/index.html">专题：优化营商环境</a></li>')
        a.page("/col/index.html", f'<html><body><ul class="list">{"".join(rows)}</ul></body></html>')
        a.page("/ztzl/xxgc/", LANDING)
        a.page("/zt2026/ylhj/index.html", LANDING)
        for n in range(4):
            a.article(f"/art/2026/12/t20261205_{n}.html", HEADLINES[n], TEXTS[n] * 3)
        for n in range(8):
            a.article(f"/art/2026/12/{n // 6}{n % 6}.html", HEADLINES[n % 4] + str(n), TEXTS[n % 4] * 3)
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{a.url("/col/index.html")}"\n'
                       'link_selector = "ul.list a"\n')
        report = poll(ctx)[0]
        titles = sorted(r["title"] for r in ctx.store.db.query("SELECT title FROM articles"))
        asked = a.paths()
    assert titles == sorted(HEADLINES), (report, titles)
    assert "/ztzl/xxgc/" not in asked and "/zt2026/ylhj/index.html" not in asked, asked


def _cands(paths: list[str]) -> list[Candidate]:
    return [Candidate(url="http://www.example.gov.cn" + p, title=None, published=None, summary=None) for p in paths]


def test_folders_among_folders_and_short_lists_are_kept():
    from monitor.sources.base import landing_pages

    folders = _cands([f"/2026/12/05/story-{w}/" for w in "abcde"] + ["/zt/"])
    few = _cands(["/a/1.html", "/a/2.html", "/zt/"])
    mostly_landing = _cands(["/a/1.html", "/a/2.html", "/a/3.html", "/b/", "/c/index.html", "/d/"])
    for found in (folders, few, mostly_landing):
        assert landing_pages(found) == set(), found
    mixed = _cands(["/a/1.html", "/a/2.html", "/a/show.jsp?id=3", "/a/4.html", "/zt/index.shtml"])
    assert landing_pages(mixed) == {"http://www.example.gov.cn/zt/index.shtml"}
