"""Tests for bodies on school, county and e-paper pages (helper extract-29; see BENCHMARKS.md), each on a page
written here: a lead box (`[导读]`, `内容摘要：`) repeating the text's opening, the boxes under the text (`精彩美图
更多 >>`, `大家爱看`, `精彩评论`), an e-paper's word count and page row, a CMS's print and bookmark links, a
four-role credit column (`初稿：… 修改：… 审核：… 发布：…`), an app's prompt and a magazine's issue line.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
TEXT = ["为做好新学期招生工作，3月9日上午，县教育局召开全县中小学招生工作会议，各乡镇中心校校长和局直学校负责人参加会议。",
        "会议通报了去年招生工作的情况，解读了今年义务教育阶段入学政策，并对报名登记、资格审核和信息公开作了具体安排。",
        "会议要求，各学校要严格落实划片招生、就近入学，不得以任何考试或测评作为招生依据，切实维护教育公平。"]


def page(before: list[str], after: list[str], under: str = "") -> str:
    lines = "".join(f"<p>{line}</p>" for line in [*before, *TEXT, *after])
    return ("<html><head><meta charset='utf-8'><title>县教育局召开全县中小学招生工作会议</title></head><body>"
            "<div class='nav'><a>首页</a><a>教育动态</a><a>通知公告</a></div><div class='art'><h1>县教育局召开全县中小学招生工作会议</h1>"
            f"<div class='content'>{lines}</div>{under}</div><div class='foot'>主办：某某县教育局</div></body></html>")


def body(before: list[str], after: list[str], under: str = "") -> list[str]:
    return list(extract(page(before, after, under), None, now=NOW).paragraphs)


def test_a_lead_box_repeating_the_texts_opening_is_chrome():
    lead = "3月9日上午，县教育局召开全县中小学招生工作会议，各乡镇中心校校长和局直学校负责人参加会议。"
    for before in ([f"[导读]{lead}"], [f"【导读】{lead}"], [f"内容摘要：{lead}"], [f"导读：{lead}"]):
        assert body(before, []) == TEXT, before


def test_an_abstract_of_its_own_stays_text():
    own = "导读：今年的招生政策有三处变化，本文逐一说明，供家长参考。"
    assert body([own], []) == [own, *TEXT]


def test_the_boxes_under_the_text_are_chrome():
    for after in (["精彩美图 更多 >>", "青岛话题 更多>>", "大家爱看"], ["精彩评论", "暂无评论"]):
        assert body([], after) == TEXT, after


def test_an_e_papers_word_count_and_page_row_are_chrome():
    assert body(["文章字数:234"], ["第01版:封面 下一版"]) == TEXT
    assert body(["文章字数：1,024"], ["第A03版：要闻 上一版 下一版"]) == TEXT


def test_print_and_bookmark_links_are_chrome():
    for after in (["[打印文章] [添加收藏]", "更多"], ["打印文章 添加收藏"], ["【打印本文】【收藏本文】"]):
        assert body([], after) == TEXT, after


def test_a_credit_column_of_four_roles_is_chrome():
    assert body([], ["初稿：李忠明", "修改：张红艳", "审核：刘作评", "发布：罗喜云"]) == TEXT
    assert body([], ["初稿:李忠明", "修改:张红艳", "发布:罗喜云"]) == TEXT


def test_an_apps_prompt_and_a_magazines_issue_line_are_chrome():
    assert body(["紫光阁 2017年8期"], ["大众新闻客户端 微信扫码"]) == TEXT
    assert body(["中国电化教育 2020年第4期"], []) == TEXT


def test_sentences_with_those_words_stay_text():
    kept = ["学校修改了招生简章，发布时间比去年提前一周，家长可在学校网站查看。",
            "大家爱看的校园电视台节目《一周回顾》本学期继续播出，每周五下午放学前播放。",
            "该校校刊2017年第8期刊登了学生的优秀作文二十篇。"]
    assert body([], kept) == TEXT + kept


def test_an_e_papers_picture_page_is_told_in_its_one_caption():
    # a picture, a subtitle and one credited caption: the caption is the page's text
    caption = ("9月1日，全市中小学统一开学，城区五所新建和改扩建学校迎来首批学生，共新增学位四千五百多个。"
               "图为市第十八小学的学生在上开学第一课。 记者 张明 李华/摄")
    html = ("<html><head><meta charset='utf-8'><title>城区5所新改扩建学校如期开学</title></head><body>"
            "<div class='date'>2018年9月3日 星期一</div><div class='art'><h1>城区5所新改扩建学校如期开学</h1><h3>新增学位4500多个</h3>"
            f"<div class='pic'><img src='a.jpg'></div><div class='content'><p>{caption}</p></div>"
            "<div class='pages'>第01版:封面 下一版</div></div></body></html>")
    assert caption in extract(html, None, now=NOW).paragraphs


def test_a_gallery_of_two_pictures_keeps_both_captions():
    # a 图集: each picture in a list item with its caption; the longer caption scored the item, the shorter one is
    # no less the text
    first = ("9月6日，区中小学和幼儿园的六百余名教师参加庆祝教师节表彰大会，区委书记、区长等领导与教师们共同庆祝节日，"
             "大会还为教龄满三十年的教师颁发了纪念证书。")
    second = "大会表彰了六个教育工作先进单位和三百零九名先进个人。"
    items = "".join(f"<li><div class='num'>{i + 1}/2</div><img src='/pic/{i}.jpg'><p class='desc'>{t}</p></li>"
                    for i, t in enumerate((first, second)))
    html = ("<html><head><meta charset='utf-8'><title>区庆祝教师节_图集</title></head><body><div class='nav'><a>首页</a><a>图集</a></div>"
            f"<div class='gallery'><h1>区庆祝教师节</h1><div class='meta'>2012-09-07</div><ul class='pics'>{items}</ul>"
            "<div class='ctrl'><a>上一张</a> <a>下一张</a> <a>返回列表</a></div></div></body></html>")
    assert list(extract(html, None, now=NOW).paragraphs) == [first, second]
