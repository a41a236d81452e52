"""Tests for bodies on school, college and county pages (helper extract-27; see BENCHMARKS.md), each on a page written
here: the lines such sites print under the text inside its container (a site's accounts, a tip button, a police
filing number, a mood vote, credits of names in brackets or glued to the editor's label).
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
TEXT = ["5月28日上午，县实验幼儿园把家长请到园里，和孩子们一起庆祝六一儿童节，两百多个家庭参加了活动。",
        "活动中，家长和孩子一起做游戏、做贺卡，幼儿园还请来摄影师为每个家庭拍摄合影，家长们纷纷表示很有意义。"]


def page(after: list[str]) -> str:
    lines = "".join(f"<p>{line}</p>" for line in [*TEXT, *after])
    return ("<html><head><meta charset='utf-8'><title>县实验幼儿园开展庆六一亲子活动-某某县人民政府</title></head><body>"
            "<div class='nav'><a>首页</a><a>政务动态</a><a>乡镇动态</a></div><div class='art'><h1>县实验幼儿园开展庆六一亲子活动</h1>"
            f"<div class='content'>{lines}</div></div><div class='foot'>主办：某某县人民政府</div></body></html>")


def test_a_sites_accounts_and_a_tip_button_under_the_text_are_chrome():
    for after in (["政务微信", "政务微博"], ["官方微信", "官方微博"], ["赞赏"], ["扫一扫在手机打开当前页", "政务微信 政务微博"]):
        assert list(extract(page(after), None, now=NOW).paragraphs) == TEXT, after


def test_a_police_filing_number_and_a_mood_vote_are_chrome():
    for after in (["苏公网安备 32100202010353号"], ["您看到此篇文章时的感受是："]):
        assert list(extract(page(after), None, now=NOW).paragraphs) == TEXT, after


def test_credits_of_names_in_brackets_or_glued_to_the_label_are_chrome():
    for after in (["（县融媒体中心 张丽 王芳）"], ["(李明)"], ["责任编辑王小明李华"]):
        assert list(extract(page(after), None, now=NOW).paragraphs) == TEXT, after


def test_bracketed_lines_that_say_something_stay_text():
    # a bracketed note of one longer phrase, a bracketed sentence, the editor's label inside a sentence
    for line in ("（活动照片由家长委员会提供，欢迎家长下载留念。）", "（点击看清晰大图）", "责任编辑部将继续关注幼儿园的活动。"):
        assert extract(page([line]), None, now=NOW).paragraphs[-1] == line, line


ABSTRACT = ["摘 要：本文回顾了近三十年来县域职业教育的办学标准，梳理其从规模扩张到质量提升的几个阶段，并提出若干建议。",
            "改革开放以来，随着经济社会的不断发展，县域职业学校在办学结构和办学规模上都发生了很大变化，办学标准也随之调整。"]


def journal_page(over: list[str], under: list[str] = ()) -> str:
    """A journal article's mirror or a document-sharing site's preview: the lines over and under its text."""
    lines = "".join(f"<p>{line}</p>" for line in [*over, *ABSTRACT, *under])
    return ("<html><head><meta charset='utf-8'><title>县域职业教育办学标准的演变</title></head><body>"
            "<div class='nav'><a>首页</a><a>文库</a></div><div class='art'><h1>县域职业教育办学标准的演变</h1>"
            f"<div class='content'>{lines}</div></div><div class='foot'>联系我们</div></body></html>")


def test_a_journal_articles_authors_and_their_institution_over_the_text_are_chrome():
    for over in (["○王晓丽", "(某某师范大学教育科学学院,山西太原 030031)"], ["张明+李华+王强"],
                 ["（某某外国语学院浙江绍兴312000）"]):
        assert list(extract(journal_page(over), None, now=NOW).paragraphs) == ABSTRACT, over


def test_a_document_sharing_sites_tools_and_preview_end_are_chrome():
    for over, under in ((["收藏 版权申诉 举报 下载"], []), (["下载 相关 举报"], ["亲,该文档总共19页,全部预览完了,如果喜欢就下载吧!"])):
        assert list(extract(journal_page(over, under), None, now=NOW).paragraphs) == ABSTRACT, (over, under)
    # a bracketed line with a six-digit number that names no institution stays (a sentence's aside)
    line = "（全县今年共接待游客120000人次）"
    assert extract(journal_page([], [line]), None, now=NOW).paragraphs[-1] == line
