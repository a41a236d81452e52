"""Tests for bodies on pages nobody here had tuned on (helper extract-17; see BENCHMARKS.md), each on
a page written here: a government document's number over its text (`明政办〔2024〕12号`, its first line since
extract-36), also when the record table above shows it; a self-media account's name over the text that its box under the
headline shows as well; a caption ending with a slash credit (`記者林青/攝影`), with its credit and the
outlets in brackets (`王东 摄 (新华网)`), with a last sentence that is its credit (`。攝:王明/本网`), or
naming where the picture came from (`图源《…》`, `圖片來自…`); a review chain's credits (`一审一校:李 明`);
a correspondent's credit (`通讯员 谭明`); a byline name marked `☉`; a self-media page's prompts (`后台回复…`,
`本文授權自…`, a call for submissions with its address), a bare `作者简介` heading and the citation of a
journal article.
"""

from __future__ import annotations

from test_extract_body_e15 import NOW, body
from test_extract_body_e16 import FIRST, SECOND, THIRD

from monitor.extract import extract


def test_a_documents_number_over_its_text_is_its_first_line():
    # (extract-36: the number heads the document as issued; read as chrome until then)
    for number in ("明政办〔2024〕12号", "滬府發〔2017〕92號", "农乡振发[2023]5号"):
        assert body(number, FIRST, SECOND).split("\n\n") == [number, FIRST, SECOND]
    # a sentence naming a document is text
    line = "根据《关于做好农村公路养护工作的通知》（明政办〔2024〕12号）要求，县里成立了工作专班。"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]
    # the record table above shows the same number: the headline and the byline are still found
    html = ("<html><head><title>关于做好农村公路养护工作的通知</title></head><body>"
            "<table><tr><td>索引号：</td><td>11350400-2024-00123</td><td>发布机构：</td><td>县政府办公室</td></tr>"
            "<tr><td>文号：</td><td>明政办〔2024〕12号</td></tr></table>"
            "<h1>关于做好农村公路养护工作的通知</h1><div class='info'>发布日期：2024-03-05</div>"
            f"<div class='text'><p>明政办〔2024〕12号</p><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></div>"
            "<div class='tool'>【打印】【关闭】</div></body></html>")
    article = extract(html, None, now=NOW)
    assert article.body.split("\n\n") == ["明政办〔2024〕12号", FIRST, SECOND, THIRD]
    assert article.published is not None and article.published.isoformat()[:10] == "2024-03-04"  # 00:00 in Shanghai


def test_an_accounts_name_over_the_text_shown_in_its_box_is_no_text():
    def page(box: str, first: str) -> str:
        return ("<html><head><title>山里的秋收</title></head><body><h1>山里的秋收</h1>"
                f"<div class='author'>{box}</div>"
                f"<div class='content'><p>{first}</p><p>{FIRST}</p><p>{SECOND}</p></div></body></html>")
    boxed = "<span class='name'>乡野笔记</span> <span>2024-10-04 22:52</span> <span>+关注</span>"
    assert extract(page(boxed, "乡野笔记"), None, now=NOW).body.split("\n\n") == [FIRST, SECOND]
    # a short first line the box does not show stays (a heading, a name the box does not give)
    assert extract(page(boxed, "秋收时节"), None, now=NOW).body.split("\n\n") == ["秋收时节", FIRST, SECOND]


def test_captions_with_their_credits_are_no_text():
    for caption in ("圖爲石橋鎮新修的農村公路。記者林青/攝影",
                    "王东 摄 (新华网、中国政府网)",
                    "2015年10月15日, 石桥镇一处茶园里, 茶农正在采摘秋茶 。攝:王明/本网",
                    "图源《山里的秋天》",
                    "石桥镇茶园一角,圖片來自本网资料库"):
        assert body(FIRST, caption, SECOND).split("\n\n") == [FIRST, SECOND], caption
    # a sentence of the text that mentions a photographer goes on
    line = "摄影爱好者王东说，这条公路通车以后，他每周都来拍一次茶园的日出。"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]


def test_credits_under_the_text_are_no_text():
    text = body(FIRST, SECOND, "一审一校:李 明", "二审二校:王海涛", "三审三校:张强", "通讯员 谭明")
    assert text.split("\n\n") == [FIRST, SECOND]
    assert body("☉張國財", FIRST, SECOND).split("\n\n") == [FIRST, SECOND]
    assert body(FIRST, "采访嘉宾|王海", SECOND).split("\n\n") == [FIRST, SECOND]


def test_a_self_media_pages_prompts_and_a_papers_citation_are_no_text():
    for line in ("后台回复【加群】，进入高质量学习交流群", "本文授權自石橋新聞網，原文見此。", "作者简介",
                 "如有投稿需求，请把文章发送到邮箱tougao@example.cn，一经录用会有专人和您联系",
                 "李明. 农村公路养护的几个问题[J]. 交通与发展, 2022,48(1):69-74."):
        assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, SECOND], line
    # a sentence about submissions, without an address, is text
    line = "县融媒体中心欢迎广大群众投稿，讲述身边的好人好事。"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]
