"""A photo story whose one paragraph ends with its credits: `…并网发电。(图/陈亮 文/林海)`. The
bracket read as a picture's credit, so the paragraph was dropped as a caption, and with it the
page's only text: the article was lost ("no block of readable text"). A bracket that credits the
text too (`文/…`, `图/文 …`) closes a story's text; and where a caption is all the page says, it
is the news. A caption beside a story's text is still no text. Pages written here."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from monitor.extract import extract

NOW = datetime(2026, 12, 5, tzinfo=timezone.utc)
STORY = ("11月1日，平潭县长江澳风电场首台机组顺利并网发电，标志着该岛风能开发进入新阶段。"
         "该风电场规划装机容量10万千瓦，全部建成后年发电量可达2.5亿千瓦时。")
MORE = ("据介绍，风电场共安装风机50台，总投资约9亿元，由省能源集团建设运营，二期工程将于明年开工。"
        "当地还将配套建设储能电站和运维中心，带动周边村民就业。")


def page(*paragraphs: str) -> str:
    inner = "".join(f"<p>{p}</p>" for p in paragraphs)
    return ("<html><head><title>平潭风电场首台机组并网发电_海峡新闻</title></head><body>"
            "<div class='nav'><a href='/'>首页</a> <a href='/news/'>新闻</a></div>"
            "<h1>平潭风电场首台机组并网发电</h1><div class='info'>2010-11-02 来源：海峡新闻</div>"
            f"<div class='content'><p><img src='/pic/1.jpg'></p>{inner}</div>"
            "<div class='footer'>版权所有 海峡新闻网</div></body></html>")


@pytest.mark.parametrize("credit", ["(图/陈亮 文/林海)", "（图/文 记者 陈亮）", "（圖／陳亮 文／林海）", "(图/陈亮)"])
def test_a_photo_storys_one_paragraph_is_its_text(credit):
    body = extract(page(STORY + credit), "https://news.example.cn/a/1.html", now=NOW).body
    assert body.startswith(STORY[:30]) and "2.5亿千瓦时" in body, body


def test_a_storys_text_that_credits_its_writer_stays_beside_more_text():
    body = extract(page(STORY + "(图/陈亮 文/林海)", MORE), "https://news.example.cn/a/1.html", now=NOW).body
    assert "2.5亿千瓦时" in body and "二期工程" in body, body


def test_a_caption_beside_a_storys_text_is_still_no_text():
    caption = "风电场的风机在海边运转，远处是正在施工的二期工地。（圖／記者林青翻攝）"
    body = extract(page(MORE, caption, STORY), "https://news.example.cn/a/1.html", now=NOW).body
    assert "二期工程" in body and "2.5亿千瓦时" in body and "翻攝" not in body, body
