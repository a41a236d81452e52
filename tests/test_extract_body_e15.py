"""Tests for bodies on pages nobody here had tuned on (helper extract-15; see BENCHMARKS.md), each on
a page written here: a help-line box under a story (`…專線：0800-…`, `…關心您：再給自己一次機會`);
a `請繼續往下閱讀...` marker where an ad stood; an app download prompt and its store links
(`還想看更多新聞嗎？歡迎下載…APP…`, `Android載點 https://…`); a paywall notice; a `▲` caption with
its picture credit in brackets; a desk's credit (`社會中心／綜合報導`); a self-media repost's
statement (`本文來自於微信公眾號 …，授權轉載發布。`); a `新闻推荐` heading over a list of other stories;
a bracketed pointer to another report (`(相關報導見焦點)`), a review credit (`校稿:李咏`), an authors'
line with their posts in brackets, a platform and account line (`百家号/…`); empty spacers styled
`display:block` between paragraphs of loose text, and the help-line box's heading and plea after them.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
FIRST = "青溪縣石橋鎮今年新修農村公路四十二公里，沿線八個村的茶葉和筍乾可以直接裝車運往縣城的物流中心。"
SECOND = "鎮公所有關負責人表示，道路通車以後，村民外出辦事的時間縮短了一半，合作社的訂單也比去年多了三成。"
THIRD = "縣府交通處指出，明年還將再修三十公里產業道路，並在沿線設置四處公車候車亭，方便學生通學。"


def body(*lines: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in lines)
    html = ("<html><head><title>石橋鎮農村公路通車</title></head><body><h1>石橋鎮農村公路通車</h1>"
            f"<div class='date'>2019-03-18 10:21</div><div class='story'>{paragraphs}</div>"
            "<div class='ft'>版權所有</div></body></html>")
    return extract(html, None, now=NOW).body


def test_a_help_line_box_under_the_story_is_no_text():
    text = body(FIRST, SECOND, THIRD, "●《本報》提醒您，請給自己機會：", "自殺防治諮詢安心專線：0800-788995；",
                "生命線協談專線：1995 張老師專線：1980")
    assert text.split("\n\n") == [FIRST, SECOND, THIRD]
    text = body(FIRST, SECOND, "★本報關心您：再給自己一次機會", "自殺諮詢專線：0800-788995（24小時）", THIRD)
    assert text.split("\n\n") == [FIRST, SECOND, THIRD]
    # a sentence naming a hotline is text
    line = "市民如發現路面坑洞，可撥打1999市民當家熱線反映，工務局承諾三天內完成修補。"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]


def test_ad_markers_app_prompts_and_paywall_notices_are_no_text():
    text = body(FIRST, "請繼續往下閱讀...", SECOND, THIRD,
                "還想看更多新聞嗎？歡迎下載本報APP，現在看新聞還能抽獎，共9萬個中獎機會等著你：",
                "Android載點 https://example.com/app_android", "iOS載點")
    assert text.split("\n\n") == [FIRST, SECOND, THIRD]
    text = body(FIRST, SECOND, THIRD, "您所瀏覽的新聞已過查詢時效。建議您加入本社付費會員找尋您要的新聞。")
    assert text.split("\n\n") == [FIRST, SECOND, THIRD]
    # an article about an app keeps its sentences
    line = "這款APP上線半年，下載次數已突破一百萬，鎮公所也透過它公告路況。"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]


def test_a_caption_a_desk_credit_and_a_repost_statement_are_no_text():
    text = body("▲縣府交通處長在通車典禮上致詞，感謝沿線居民這一年來配合施工，"
                "並且說明明年還要再修三十公里產業道路的計畫，典禮後與村民合影留念。（圖／記者林青翻攝）",
                "地方中心／綜合報導", FIRST, SECOND, THIRD)
    assert text.split("\n\n") == [FIRST, SECOND, THIRD]
    text = body("記者林青／青溪報導", FIRST, SECOND, THIRD,
                "聲明：本文來自於微信公眾號 鄉村觀察（ID:xiangcun01），作者：林青，授權轉載發布。")
    assert text.split("\n\n") == [FIRST, SECOND, THIRD]
    simplified = "声明：本文来自于微信公众号 乡村观察（ID:xiangcun01），作者：林青，授权转载发布。"
    assert body(FIRST, SECOND, THIRD, simplified).split("\n\n") == [FIRST, SECOND, THIRD]


def test_a_news_recommendation_heading_ends_the_text():
    text = body(FIRST, SECOND, THIRD, "新闻推荐",
                "中国人民政治协商会议第十五届青溪县委员会委员名单 "
                "(2018年2月9日政协第十四届青溪县委员会常务委员会第二十五次会议通过) (646人)")
    assert text.split("\n\n") == [FIRST, SECOND, THIRD]


def test_a_see_also_note_a_review_credit_and_an_authors_line_are_no_text():
    text = body(FIRST, SECOND, THIRD, "(相關報導見焦點)")
    assert text.split("\n\n") == [FIRST, SECOND, THIRD]
    text = body(FIRST, SECOND, "（相关报道见第3版）", THIRD)
    assert text.split("\n\n") == [FIRST, SECOND, THIRD]
    text = body(FIRST, SECOND, THIRD, "校稿:李咏", "一审:张中强", "终审:李玲")
    assert text.split("\n\n") == [FIRST, SECOND, THIRD]
    text = body("作者:刘建华(中国新闻出版研究院传媒研究所执行所长、研究员);杨雨晴(河北传媒学院新闻传播学硕士研究生)",
                FIRST, SECOND, THIRD)
    assert text.split("\n\n") == [FIRST, SECOND, THIRD]
    text = body("百家号/乡村观察员", FIRST, SECOND, THIRD)
    assert text.split("\n\n") == [FIRST, SECOND, THIRD]
    # a sentence that points to another report, and an author's sentence, are text
    line = "相關報導見本報昨日焦點版，縣府表示將持續追蹤工程品質，並邀請地方代表共同驗收。"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]
    line = "作者在文中指出，农村公路的养护比修建更难，需要县乡村三级共同出力。"
    assert body(FIRST, line, SECOND).split("\n\n") == [FIRST, line, SECOND]


def test_empty_block_spacers_between_loose_text_break_paragraphs():
    spacer = '<span style="display:block;height:1em;"></span>'
    story = (f"{FIRST}{spacer}{SECOND}（林青／青溪報導）{spacer}<strong>《本報》關心你</strong><br />"
             "自殺解決不了問題，卻留給家人無比悲痛。請珍惜生命。<br />再給自己一次機會<br />"
             "自殺防治諮詢安心專線：0800-788995（24小時）<br />")
    html = ("<html><head><title>石橋鎮農村公路通車</title></head><body><h1>石橋鎮農村公路通車</h1>"
            f"<div class='date'>2019-03-18 10:21</div><div class='story'>{story}</div>"
            "<div class='ft'>版權所有</div></body></html>")
    text = extract(html, None, now=NOW).body
    assert text.split("\n\n")[:2] == [FIRST, SECOND + "（林青／青溪報導）"]
    assert "關心你" not in text and "珍惜生命" not in text
