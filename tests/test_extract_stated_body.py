"""A page that states its text in JSON-LD (`articleBody`) while its markup shows none of it (a
page a script draws) or a teaser (展开全文): the stated text is the body. A page whose markup
shows the text keeps what the markup shows, whatever JSON-LD says."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from monitor.extract import extract

NOW = datetime(2026, 12, 5, tzinfo=timezone.utc)
PARAS = ["三明市与上海市闵行区近日签署新一轮结对合作协议，双方将在产业协作、医疗教育和文旅康养等领域深化合作。",
         "根据协议，闵行区将组织区内企业赴三明考察对接，支持三明建设沪明合作产业园，并选派医疗骨干赴三明开展帮扶。",
         "三明市有关负责人表示，将用好对口合作平台，推动更多合作项目落地见效，让两地群众共享合作成果。"]


def page(markup: str, body: object, kind: str = "NewsArticle") -> str:
    ld = {"@context": "https://schema.org", "@type": kind, "headline": "三明与闵行签署结对合作协议",
          "datePublished": "2026-11-30T10:00:00+08:00", "articleBody": body}
    stated = json.dumps(ld, ensure_ascii=False).replace("</", "<\\/")  # as sites escape it inside <script>
    return (f'<html><head><meta charset="utf-8"><title>三明与闵行签署结对合作协议_三明新闻网</title>'
            f'<script type="application/ld+json">{stated}</script></head>'
            f'<body><div class="nav"><a href="/">首页</a> <a href="/sm">三明</a> <a href="/sh">上海</a></div>'
            f"{markup}<div class=\"footer\">版权所有 三明新闻网</div></body></html>")


def test_a_page_a_script_draws_takes_its_stated_text():
    html = page('<div id="app"></div><script src="/app.js"></script>', "\n".join(PARAS))
    article = extract(html, "http://news.example/a/1.html", now=NOW)
    assert list(article.paragraphs) == PARAS
    assert article.published == datetime(2026, 11, 30, 2, 0, tzinfo=timezone.utc)


def test_a_teaser_gives_way_to_the_whole_stated_text_given_as_markup():
    teaser = f'<div class="content"><p>{PARAS[0]}</p><a class="more">展开全文</a></div>'
    stated = "".join(f"<p>{p}</p>" for p in PARAS) + "<script>track()</script>"
    article = extract(page(teaser, stated), "http://news.example/a/2.html", now=NOW)
    assert list(article.paragraphs) == PARAS


def test_the_markup_wins_when_it_shows_the_text():
    full = '<div class="content">' + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>"
    summary = "三明与闵行签约。" * 3  # a summary stated as the body: shorter than what the page shows
    assert list(extract(page(full, summary), "http://news.example/a/3.html", now=NOW).paragraphs) == PARAS
    longer = "\n".join([*PARAS, "相关阅读：沪明合作十件大事", "责任编辑：林某"])  # the same text, with its chrome
    assert list(extract(page(full, longer), "http://news.example/a/4.html", now=NOW).paragraphs) == PARAS


@pytest.mark.parametrize("stated", ["", "短。", ["列", "表"], {"text": "对象"}, 42])
def test_no_usable_stated_text_changes_nothing(stated):
    """Too short, not text, or absent: the page is read as it would be without JSON-LD's body."""
    bare = page('<div id="app"></div>', None).replace(', "articleBody": null', "")
    assert "articleBody" not in bare
    expected = extract(bare, "http://news.example/a/5.html", now=NOW).paragraphs
    assert extract(page('<div id="app"></div>', stated), "http://news.example/a/5.html", now=NOW).paragraphs == expected
