"""An article split across pages (`t…_123.html`, `t…_123_1.html`, `t…_123_2.html`, as the CMSs of
Chinese portals and government sites write them) is stored as one article with every page's
text: a long report whose cooperation paragraph is on page three was kept as its first page
only, so it was neither matched, nor found by search, nor shown whole."""

from __future__ import annotations

from hostile import Site
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll
from monitor.pipeline.morepages import MAX_PAGES, later_pages

FOLDER = "/c/2026-11/21"
PAGE_TEXT = [
    "全市经济运行总体平稳，规模以上工业增加值增长百分之六，固定资产投资保持增长。",
    "农业农村工作扎实推进，粮食播种面积稳定，茶产业和竹产业综合产值继续提高。",
    "深化与上海的对口合作，沪明两地共建产业园区，引进上海企业项目十二个，选派干部赴沪挂职学习。",
]


def pager(stem: str, count: int, current: int, style: str = "trs") -> str:
    """`第1页 2 3 下一页`: links to every page, the current one unlinked."""
    links = []
    for n in range(count):
        name = f"{stem}.html" if n == 0 else f"{stem}_{n if style == 'trs' else n + 1}.html"
        links.append(f"{n + 1}" if n == current else f'<a href="{name}">{n + 1}</a>')
    return '<div class="page">' + " ".join(links) + "</div>"


def page_html(title: str, text: str, stem: str, count: int, current: int, style: str = "trs", extra: str = "") -> str:
    return (f'<html><head><meta charset="utf-8"><title>{title}</title></head><body><h1>{title}</h1>'
            f'<div class="info">2026-11-21 09:00 来源：三明日报</div><div class="content">'
            f"<p>编者按：本报连载市政府工作报告全文。</p><p>{text}</p><p>{text}这是第{current + 1}页的内容。</p></div>"
            f"{pager(stem, count, current, style)}{extra}</body></html>")


def serve_split(site: Site, stem: str, title: str, texts: list[str], style: str = "trs", extra: str = "") -> list[str]:
    paths = []
    for n, text in enumerate(texts):
        name = f"{stem}.html" if n == 0 else f"{stem}_{n if style == 'trs' else n + 1}.html"
        paths.append(f"{FOLDER}/{name}")
        site.page(paths[-1], page_html(title, text, stem, len(texts), n, style, extra))
    return paths


def test_later_pages_are_the_same_stem_in_the_same_folder_in_page_order():
    html = ('<a href="t20261121_88_2.html">3</a><a href="./t20261121_88_1.html">2</a>'
            '<a href="/c/2026-11/21/t20261121_88_1.html">2</a><a href="t20261121_89.html">相关</a>'
            '<a href="t20261121_89_1.html">别篇</a><a href="/c/other/t20261121_88_3.html">别处</a>'
            '<a href="xt20261121_88_4.html">长名</a><a href="t20261121_88_5.htm">别的扩展名</a>'
            '<a href="http://elsewhere.example/c/2026-11/21/t20261121_88_6.html">别站</a>')
    url = "http://news.example/c/2026-11/21/t20261121_88.html"
    assert later_pages(url, html) == ["http://news.example/c/2026-11/21/t20261121_88_1.html",
                                      "http://news.example/c/2026-11/21/t20261121_88_2.html"]
    assert later_pages("http://news.example/c/2026-11/21/", html) == []
    assert later_pages("http://news.example/a.html", "<a href='a_1.html'>") == []  # a stem too short to tell
    assert later_pages("http://news.example/c/content.jsp?id=88", "<a href='content_1.jsp?id=88'>2</a>") == []
    many = "".join(f'<a href="t20261121_88_{n}.html">{n}</a>' for n in range(1, 40))
    assert len(later_pages(url, many)) == MAX_PAGES - 1


def test_a_report_over_three_pages_is_one_article_matched_on_its_third_page(make_ctx):  # noqa: F811
    with Site() as s:
        paths = serve_split(s, "t20261121_6290456", "2026年市政府工作报告", PAGE_TEXT)
        s.listing("/list.html", [paths[0]])
        ctx = make_ctx(source_toml("gov", s.url("/list.html")), allow=(s.netloc,))
        report = poll(ctx)[0]
        again = poll(ctx)[0]
        asked = s.paths()
    assert (report.status, report.new, report.matched) == ("ok", 1, 1), report
    rows = list(ctx.store.db.query("SELECT url, body FROM articles"))
    assert [r["url"] for r in rows] == [s.url(paths[0])]
    body = rows[0]["body"]
    assert all(text in body for text in PAGE_TEXT) and body.count("编者按") == 1
    assert body.index(PAGE_TEXT[0]) < body.index(PAGE_TEXT[1]) < body.index(PAGE_TEXT[2])
    assert all(asked.count(p) == 1 for p in paths)  # each page once; none again at the next poll
    assert (again.new, again.errors) == (0, [])


def test_dedecms_numbering_and_a_failing_later_page_keep_what_was_read(make_ctx):  # noqa: F811
    with Site() as s:
        paths = serve_split(s, "456", "沪明合作系列报道", PAGE_TEXT, style="dede")
        s.status(paths[2], 500)  # page 3 is broken: pages 1 and 2 are the article
        s.listing("/list.html", [paths[0]])
        ctx = make_ctx(source_toml("news", s.url("/list.html")), allow=(s.netloc,))
        report = poll(ctx)[0]
    assert (report.status, report.new) == ("ok", 1), report
    [row] = ctx.store.db.query("SELECT body FROM articles")
    assert PAGE_TEXT[1] in row["body"] and PAGE_TEXT[2] not in row["body"]


def test_a_related_article_with_its_own_pages_is_not_joined(make_ctx):  # noqa: F811
    related = f'<ul class="related"><li><a href="{FOLDER}/t20261121_777.html">另一篇</a></li>' \
              f'<li><a href="{FOLDER}/t20261121_777_1.html">另一篇（二）</a></li></ul>'
    with Site() as s:
        paths = serve_split(s, "t20261121_555", "三明与上海签约", PAGE_TEXT[:2], extra=related)
        s.listing("/list.html", [paths[0]])
        ctx = make_ctx(source_toml("news", s.url("/list.html")), allow=(s.netloc,))
        poll(ctx)
        asked = s.paths()
    assert not any("777" in p for p in asked)
    [row] = ctx.store.db.query("SELECT body FROM articles")
    assert PAGE_TEXT[1] in row["body"]


def _cli(tmp_path, site: Site, *args: str):
    from click.testing import CliRunner

    from monitor.cli import main

    path = tmp_path / "monitor.toml"
    path.write_text('include = ["monitor:topics/hu-ming.toml"]\n[fetch]\nmin_delay = 0\n'
                    'allow_private = ["127.0.0.1"]\n' + source_toml("gov", site.url("/list.html")), encoding="utf-8")
    return CliRunner().invoke(main, ["--config", str(path), "--db", str(tmp_path / "m.db"), *args])


def test_the_tools_show_a_split_article_whole_as_a_poll_stores_it(tmp_path):
    """`monitor extract URL` and `monitor test-source` show what a poll would store: every page."""
    import json

    with Site() as s:
        paths = serve_split(s, "t20261121_6290457", "2026年市政府工作报告", PAGE_TEXT)
        s.listing("/list.html", [paths[0]])
        extracted = _cli(tmp_path, s, "extract", s.url(paths[0]))
        tested = _cli(tmp_path, s, "test-source", "gov")
        s.page(paths[2], "gone", status=404)  # a later page that fails ends the article there
        cut = _cli(tmp_path, s, "extract", s.url(paths[0]))
    assert extracted.exit_code == 0, extracted.output
    body = json.loads(extracted.output)["body"]
    assert all(text in body for text in PAGE_TEXT) and body.count("编者按") == 1
    assert tested.exit_code == 0, tested.output
    assert "hu-ming: MATCH" in tested.output  # the cooperation paragraph is on page three
    assert f"chars: {len(body)}" in tested.output
    cut_body = json.loads(cut.output)["body"]
    assert PAGE_TEXT[1] in cut_body and PAGE_TEXT[2] not in cut_body
