"""Article pages whose text is only in the page's script data, as self-media platforms serve
them (今日头条- and 百家号-style pages): the markup is an empty shell (`<div id="root"></div>`)
and the article, its headline, text as HTML and publication time, is a JSON object in a script:
`window._SSR_HYDRATED_DATA = {…}`, `<script type="application/json">`, the same percent-encoded,
or `JSON.parse("…")` of an escaped string.

Such a page was 'no article text found' at every poll, its link given up after three tries, and
an outlet users ask for was never read. The extractor now reads the object's text when the
markup shows none (as it reads JSON-LD's `articleBody`), and its date when the page gives none.
The text is invented.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from urllib.parse import quote

import pytest
from hostile import Site
from test_cycle import make_ctx  # noqa: F401  (make_ctx is a fixture)

from monitor.errors import ExtractError
from monitor.extract import extract
from monitor.pipeline import poll

TITLE = "三明与上海共建产业园区座谈会召开"
PARAS = ["沪明两地携手推进产业协作，三明市与上海市有关部门召开座谈会，就共建产业园区、文旅合作、人才交流等事项深入交换意见。",
         "会议指出，双方将在新能源、新材料等领域加强对接，推动更多项目落地见效，为两地高质量发展注入新动能。",
         "会议要求，各相关部门要细化任务清单，压实工作责任，确保各项合作事项按期推进、取得实效。"]
WHEN = 1733457600  # 2024-12-06 12:00 in Shanghai


def data() -> dict:
    content = "".join(f"<p>{p}</p>" for p in PARAS) + '<p><img src="http://img.test/1.jpg"></p>'
    return {"data": {"article": {"title": TITLE, "content": content, "publish_time": WHEN,
                                 "media": {"name": "三明发布", "avatar": "http://img.test/a.png"}},
                     "related": [{"title": f"相关新闻{i}", "url": f"/a/{i}/"} for i in range(5)]}}


def shell(script: str, title: str = TITLE) -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} - 头条</title></head>'
            f'<body><div id="root"></div>{script}<script src="/static/app.js"></script></body></html>')


SCRIPTS = {
    "assigned": f"<script>window._SSR_HYDRATED_DATA={json.dumps(data(), ensure_ascii=False)};</script>",
    "json-tag": f'<script id="RENDER_DATA" type="application/json">{json.dumps(data(), ensure_ascii=False)}</script>',
    "percent-encoded": f'<script id="RENDER_DATA" type="application/json">{quote(json.dumps(data()))}</script>',
    "json-parse": ("<script>window.__INITIAL_STATE__ = JSON.parse("
                   + json.dumps(json.dumps(data(), ensure_ascii=False)).replace("/", "\\/") + ");</script>"),
}


@pytest.mark.parametrize("kind", list(SCRIPTS))
def test_an_article_whose_text_is_in_the_pages_script_data_is_read(kind):
    article = extract(shell(SCRIPTS[kind]), "http://127.0.0.1:9/article/1/", now=datetime(2024, 12, 7, tzinfo=timezone.utc))
    assert article.paragraphs == tuple(PARAS), article.paragraphs
    assert article.title == TITLE
    assert article.published == datetime.fromtimestamp(WHEN, timezone.utc), article.published


def test_a_shell_without_an_article_in_its_data_is_still_no_article():
    junk = {"user": {"name": "访客"}, "config": {"notice": "欢迎访问" * 3}, "list": [{"title": "x"}]}
    with pytest.raises(ExtractError):
        extract(shell(f"<script>window.__STATE__={json.dumps(junk, ensure_ascii=False)};</script>"), "http://127.0.0.1:9/a/")


def test_a_self_media_column_of_such_pages_is_polled(make_ctx):  # noqa: F811
    with Site() as a:
        a.page("/list.html", '<html><body><ul class="news">'
               + "".join(f'<li><a href="/article/{n}/">{TITLE}{n}</a></li>' for n in (1, 2)) + "</ul></body></html>")
        for n in (1, 2):
            script = SCRIPTS["assigned"].replace(TITLE, f"{TITLE}{n}").replace("新能源", "新能源" * n)
            a.page(f"/article/{n}/", shell(script, f"{TITLE}{n}"))
        ctx = make_ctx(f'[[sources]]\nname = "self-media"\nkind = "html"\nurl = "{a.url("/list.html")}"\n'
                       'link_selector = "ul.news a"\n')
        report = poll(ctx)[0]
        rows = list(ctx.store.db.query("SELECT title, body FROM articles ORDER BY title"))
    assert report.new == 2, report
    assert [r["title"] for r in rows] == [f"{TITLE}1", f"{TITLE}2"] and all(PARAS[2] in r["body"] for r in rows), rows
