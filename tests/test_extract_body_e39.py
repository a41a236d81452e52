"""Tests for bodies on older portal pages (helper extract-39; see BENCHMARKS.md), on a table-layout page written here:
a pager under the text whose count is joined to its links by a colon (`共2页：上一页 [1] [2] 下一页`) is chrome."""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 7, 1, 0, tzinfo=timezone.utc)
HEAD = "街道开展冬季燃气安全入户检查"
TEXT = ["本报讯 近日，街道联合燃气公司组成检查组，深入辖区老旧小区开展冬季燃气安全入户检查。",
        "检查组逐户查看燃气管道、软管和报警装置，对发现的软管老化等问题当场提出整改意见。",
        "下一步：街道将对整改情况进行回访，共计划覆盖辖区十二个小区，确保居民安全过冬。"]


def page(after: str) -> str:
    paras = "".join(f"<p>　　{t}</p>" for t in TEXT)
    return (f"<html><head><meta charset='utf-8'><title>{HEAD}_新闻中心</title></head><body>"
            "<table width='960'><tr><td><a>首页</a> | <a>新闻中心</a> | <a>政务公开</a></td></tr></table>"
            f"<table width='960'><tr><td align='center'><b>{HEAD}</b></td></tr><tr><td>时间：2012-12-03 来源：本站</td></tr>"
            f"<tr><td id='zoom'>{paras}{after}</td></tr></table>"
            "<table width='960'><tr><td>Copyright &copy; 2004-2013 版权所有</td></tr></table></body></html>")


def test_a_pager_joined_by_a_colon_is_no_text():
    for pager in ("共2页：上一页 [1] [2] 下一页", "共3页: 上一页 1 2 3 下一页", "第1页：[1] [2] 下一页 尾页"):
        found = extract(page(f"<p align='center'>{pager}</p>"), "http://www.street.example/news/show.asp?id=77", now=NOW)
        assert list(found.paragraphs) == TEXT, pager


def test_an_older_cms_rows_under_the_text_are_no_text():
    # the account that entered the text, a tags row, the reader count (动易-style rows in the content cell)
    for row in ("文章录入：admin　　责任编辑：admin", "录入：zhangsan", "Tags：燃气 安全 入户", "标签：燃气 安全",
                "本文已影响 1234 人"):
        found = extract(page(f"<p>{row}</p>"), "http://www.street.example/news/show.asp?id=77", now=NOW)
        assert list(found.paragraphs) == TEXT, row


def test_a_sentence_opening_with_a_label_stays():
    line = "标签：绿色食品认证标志，是经专门机构认定、许可使用的质量证明商标。"
    found = extract(page(f"<p>{line}</p>"), "http://www.street.example/news/show.asp?id=77", now=NOW)
    assert list(found.paragraphs) == [*TEXT, line]
