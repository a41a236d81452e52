"""Tests for text that older Chinese pages (helper extract-11; see BENCHMARKS.md) kept in the body,
each class on a page written here: a caption typed as a paragraph, longer than a short credit
line — what the picture shows (`圖為…`) ending with the photographer's credit, or a picture credit
in closing brackets (`（…网图片2/2/2016）`); a CMS's watermark lines strewn through the text.
"""

from __future__ import annotations

from monitor.extract import extract

TEXT = ["今年入夏以来，青溪县持续开展农村公路集中养护活动，组织沿线群众清理边沟、修补路肩，全县共出动三千余人次。",
        "县交通局有关负责人介绍，下一步将建立日常巡查制度，确保农村公路常年保持整洁畅通。",
        "据了解，今年全县还将新改建农村公路八十公里，进一步方便群众出行，沿线群众纷纷表示欢迎。"]


def page(lines: list[str]) -> str:
    """An older portal's article: the headline, then each line a paragraph."""
    paragraphs = "".join(f"<p>　　{line}</p>" for line in lines)
    return ("<html><head><title>青溪县开展农村公路集中养护</title></head><body>"
            "<div class='nav'>首页 | 新闻中心 | 县域经济</div><h1>青溪县开展农村公路集中养护</h1>"
            f"<div class='from'>2009年09月27日 22:24 来源：青溪新闻网</div><div id='content'>{paragraphs}</div>"
            "<div class='foot'>版权所有 青溪新闻网</div></body></html>")


def test_a_long_caption_with_its_photographers_credit_is_no_text():
    caption = ("來自全縣十八個鄉鎮的三千多名群眾參加了這次集中養護活動，清理邊溝、修補路肩。"
               "圖為9月27日，群眾在青溪至溪口公路沿線清理邊溝。 青溪新聞網 林小溪 攝")
    body = extract(page([caption, *TEXT])).body
    assert "林小溪" not in body and body.startswith("今年入夏以来")


def test_a_caption_ending_in_a_bracketed_picture_credit_is_no_text():
    caption = "青溪县城一处报摊上发售的《青溪日报》（左）与《溪口晚报》（右）（青溪新闻网图片2/2/2016）"
    body = extract(page([TEXT[0], caption, *TEXT[1:]])).body
    assert "报摊" not in body and len(body.split("\n\n")) == 3


def test_a_sentence_with_a_picture_word_stays_text():
    # Sentences that mention a picture or a photographer but are no caption.
    lines = [*TEXT, "活动期间，县里还举办了“美丽公路”摄影比赛，共收到作品两百余幅（详见本报图片专版）。",
             "评委会认为，这些作品记录了农村公路的变化，其中一组图为读者展示了公路通到家门口的喜悦，作者是县文化馆的林小溪摄"
             "影师，她说今后还要继续拍下去，让更多的人看到农村的新面貌，也希望更多群众拿起相机记录身边的变化，这是她的心愿。"]
    body = extract(page(lines)).body
    assert "摄影比赛" in body and "林小溪摄影师" in body.replace("\n", "")


def test_a_cms_watermark_between_paragraphs_is_no_text():
    body = extract(page([TEXT[0], "织梦内容管理系统", TEXT[1], "copyright dedecms", TEXT[2], "本文来自织梦"])).body
    assert "织梦" not in body and "dedecms" not in body and len(body.split("\n\n")) == 3
