"""Article pages of single-page apps (澎湃- and 上观-style): the markup is a shell whose <title> is
the outlet's name (`<title>澎湃新闻</title>`; the app sets the headline once it runs), the
article, its headline, text and time, in the page's script data (`<script id="__NEXT_DATA__">`,
`window.__INITIAL_STATE__ = {…}`).

The text and time were read from the data (test_outlets_script_articles) but the headline was
the shell's: every article of such an outlet stored as '澎湃新闻', a digest's stories all headed
alike, searches finding them by the outlet's name. The data's headline is the article's when its
text is the data's. A page whose markup holds its article keeps its own headline. The text is invented.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from hostile import Site
from test_cycle import make_ctx  # noqa: F401  (make_ctx is a fixture)

from monitor.extract import extract
from monitor.pipeline import poll

TITLE = "上海三明签署新一轮对口合作框架协议"
PARAS = ["上海与三明两地签署新一轮对口合作框架协议，双方将在产业协作、文旅融合、人才交流等领域深化合作。",
         "会议指出，沪明合作已走过多年历程，取得了丰硕成果，两地要进一步拓展合作空间，推动更多项目落地。",
         "三明市有关负责人表示，将持续优化营商环境，为上海企业来明投资兴业提供优质服务。"]
SHANGHAI = timezone(timedelta(hours=8))
NOW = datetime(2026, 12, 7, tzinfo=timezone.utc)


def content(title: str = TITLE) -> str:
    return "".join(f"<p>{p}</p>" for p in PARAS).replace("新一轮", title[-4:] if title != TITLE else "新一轮")


def next_data(title: str) -> str:
    data = {"props": {"pageProps": {"detailData": {"contId": "30001", "name": title, "content": content(title),
                                                   "pubTime": "2026-12-06 10:30", "author": "记者 张明"}}},
            "page": "/newsDetail_forward_[id]", "buildId": "x1"}
    return f'<div id="__next"></div><script id="__NEXT_DATA__" type="application/json">{json.dumps(data, ensure_ascii=False)}</script>'


def initial_state(title: str) -> str:
    data = {"article": {"id": 30001, "title": title, "content": content(title), "publishTime": "2026-12-06 10:30:00",
                        "channel": {"title": "要闻"}}, "user": {"login": False}}
    return f'<div id="app"></div><script>window.__INITIAL_STATE__={json.dumps(data, ensure_ascii=False)};</script>'


SHELLS = {"next-data": next_data, "initial-state": initial_state}


def shell(kind: str, site_name: str, title: str = TITLE) -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{site_name}</title>'
            f'<meta name="description" content="{site_name}，专注时政与思想"></head><body>{SHELLS[kind](title)}'
            '<script src="/_next/static/chunks/main.js"></script></body></html>')


@pytest.mark.parametrize("kind", sorted(SHELLS))
@pytest.mark.parametrize("site_name", ["澎湃新闻", "上观新闻-站上思想高地", ""])
def test_a_shells_headline_is_its_datas_not_the_outlets_name(kind, site_name):
    article = extract(shell(kind, site_name), "http://127.0.0.1:9/newsDetail_forward_30001", now=NOW)
    assert article.title == TITLE, article.title
    assert article.paragraphs == tuple(PARAS)
    assert article.published == datetime(2026, 12, 6, 10, 30, tzinfo=SHANGHAI)


def test_a_page_whose_markup_holds_its_article_keeps_its_headline():
    data = {"article": {"title": "推荐阅读", "content": "".join(f"<p>{p}</p>" for p in PARAS)}}
    page = (f"<html><head><title>{TITLE}_三明新闻网</title></head><body><h1>{TITLE}</h1><div class='content'>"
            + "".join(f"<p>{p}</p>" for p in PARAS)
            + f"</div><script>window.__STATE__={json.dumps(data, ensure_ascii=False)};</script></body></html>")
    assert extract(page, "http://127.0.0.1:9/a/1.html", now=NOW).title == TITLE


def test_a_polled_columns_one_new_page_is_stored_under_its_headline(make_ctx):  # noqa: F811
    titles = [TITLE]  # (several pages of a poll headed alike are headed by their links: test_outlets_site_titles)
    with Site() as site:
        site.page("/list.html", '<html><body><ul class="news">' + "".join(
            f'<li><a href="/newsDetail_forward_{n}">{t}</a></li>' for n, t in enumerate(titles)) + "</ul></body></html>")
        for n, t in enumerate(titles):
            site.page(f"/newsDetail_forward_{n}", shell("next-data", "澎湃新闻", t))
        ctx = make_ctx(f'[[sources]]\nname = "spa"\nkind = "html"\nurl = "{site.url("/list.html")}"\n'
                       'link_selector = "ul.news a"\n')
        report = poll(ctx)[0]
        stored = sorted(r["title"] for r in ctx.store.db.query("SELECT title FROM articles"))
    assert stored == sorted(titles), (report, stored)
