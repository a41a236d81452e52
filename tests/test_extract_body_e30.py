"""Tests for bodies on school and county pages (helper extract-30; see BENCHMARKS.md), each on a page written here:
the credit lines under a county post (`值班总编：…`, an old CMS's `录入者：…`), an info block's empty counter
(`点击:`) and its `栏目列表` heading, and a WeChat post's `END` with the credits and boxes after it.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
TEXT = ["12月10日，某某镇中心完小举行冬季运动会，全校六个年级的三百多名学生参加了比赛。",
        "上午举行了开幕式和往返跑、立定跳远等六个项目，下午的拔河比赛把运动会推向高潮。",
        "经过一天的角逐，运动会圆满落下帷幕，学校为获奖的班级和个人颁发了奖状。"]


def page(after: list[str]) -> str:
    lines = "".join(f"<p>{line}</p>" for line in [*TEXT, *after])
    return ("<html><head><meta charset='utf-8'><title>中心完小举行冬季运动会</title></head><body>"
            "<div class='nav'><a>首页</a><a>教育动态</a><a>通知公告</a></div><div class='art'><h1>中心完小举行冬季运动会</h1>"
            f"<div class='content'>{lines}</div></div><div class='foot'>主办：某某县融媒体中心</div></body></html>")


def body(after: list[str]) -> list[str]:
    return list(extract(page(after), None, now=NOW).paragraphs)


def test_a_county_posts_credit_lines_are_no_text():
    assert body(["编 辑：杨某", "责任编辑：陆某 屈某", "值班总编：沈某某", "审 核：王某"]) == TEXT
    assert body(["录入者：赵某"]) == TEXT
    assert body(["录入：赵某某"]) == TEXT


def test_an_info_blocks_empty_counter_and_its_column_list_heading_are_no_text():
    # an old CMS's block under the text: the column list's heading, the title again, empty fields
    after = ["栏目列表", "中心完小举行冬季运动会", "发布时间:2008-10-17", "点击:", "来源:", "录入者:赵某", "附件:"]
    assert body(after) == TEXT
    assert body(["浏览次数：35"]) == TEXT


def test_a_wechat_posts_end_closes_its_text():
    after = ["END", "某某某|图片", "某某|文编", "某 某|审核", "用户说说", "友善是交流的起点"]
    assert body(after) == TEXT
    assert body(["- END -", "往期推荐"]) == TEXT


def test_a_sentence_about_clicks_and_the_end_stays_text():
    own = ["点击：进入活动页面后，家长可以查看孩子的比赛照片和成绩。", "The end of the term brings the sports day."]
    assert body(own) == [*TEXT, *own]


def framed(doc: str) -> str:
    # the text kept in an <iframe srcdoc> (an embedded editor's preview); the shell holds the headline and date bar
    from html import escape
    return ("<html><head><meta charset='utf-8'><title>中心完小举行冬季运动会</title></head><body>"
            "<div class='nav'><a>首页</a><a>校园新闻</a></div><div class='art'><h1>中心完小举行冬季运动会</h1>"
            "<div class='info'>发布时间：2021-12-16　来源：本站</div>"
            f"<iframe class='content-frame' frameborder='0' width='100%' srcdoc=\"{escape(doc, quote=True)}\"></iframe></div>"
            "<div class='foot'>版权所有 某某小学</div></body></html>")


def test_a_text_kept_in_an_iframes_srcdoc_is_read_where_the_frame_stands():
    doc = "<html><body>" + "".join(f"<p>{line}</p>" for line in TEXT) + "</body></html>"
    article = extract(framed(doc), None, now=NOW)
    assert list(article.paragraphs) == TEXT
    assert article.published is not None and article.published.isoformat() == "2021-12-15T16:00:00+00:00"


def test_a_frame_with_no_sentences_adds_nothing():
    ad = "<html><body><a href='/ad'><img src='/ad.png'></a> 广告</body></html>"
    html = framed(ad).replace("<div class='info'>", "<div class='con'>" + "".join(f"<p>{line}</p>" for line in TEXT)
                              + "</div><div class='info'>")
    assert list(extract(html, None, now=NOW).paragraphs) == TEXT


def notice(content: str) -> str:
    # a county government's notice page: index menu, a side list with dates, headline, date bar, the notice, footer
    return ("<html><head><meta charset='utf-8'><title>关于公布2019年教师招聘笔试成绩的通知-某某县人民政府</title></head><body>"
            "<div class='menu'><a href='/'>首页</a><a href='/xxgk/'>信息公开</a><a href='/zwfw/'>政务服务</a></div>"
            "<div class='side'><h3>通知公告</h3><ul>"
            "<li><a href='/a/1.html'>关于开展春季学校安全大检查的通知</a><span>2019-03-01</span></li>"
            "<li><a href='/a/2.html'>县教育局2019年工作要点</a><span>2019-02-20</span></li></ul></div>"
            "<div class='detail'><h1>关于公布2019年教师招聘笔试成绩的通知</h1><div class='info'>发布日期：2019-03-05　来源：县教育局</div>"
            f"<div class='zoom'>{content}</div><div class='tools'>【<a href='javascript:print()'>打印</a>】</div></div>"
            "<div class='foot'>主办：某某县人民政府办公室 网站标识码：1234000001 皖ICP备05001234号</div></body></html>")


def test_a_notice_whose_only_content_is_its_attachment_is_the_attachments_line():
    article = extract(notice("<p>附件：<a href='/u/2019/cj.pdf'>2019年教师招聘笔试成绩.pdf</a></p>"), None, now=NOW)
    assert list(article.paragraphs) == ["附件：2019年教师招聘笔试成绩.pdf"]
    assert article.published is not None and article.published.isoformat() == "2019-03-04T16:00:00+00:00"
    two = ("<p>附件1：<a href='/u/2019/cj.xlsx?id=3'>笔试成绩汇总表</a></p>"
           "<p>附件2：<a href='/u/2019/sm.docx'>资格复审须知</a></p>")
    assert list(extract(notice(two), None, now=NOW).paragraphs) == ["附件1：笔试成绩汇总表", "附件2：资格复审须知"]


def test_a_notice_with_text_keeps_its_text():
    text = "<p>现将2019年教师招聘笔试成绩予以公布，请考生及时登录查询，对成绩有异议的可在三日内申请复核。</p>"
    assert extract(notice(text), None, now=NOW).paragraphs[0].startswith("现将2019年教师招聘笔试成绩予以公布")
