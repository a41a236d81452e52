"""Tests for bodies on older school and education-bureau pages (helper extract-26; see BENCHMARKS.md), each on a
page written here: a text set one paragraph a table row (`<tr><td><font>…</font></td></tr>`, FrontPage-era and
early CMS pages), whose other rows hold the headline, the date line and the tool links.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
TEXT = ["4月18日下午，我校在报告厅举行春季科技节开幕式，全校师生八百余人参加。",
        "开幕式上，校长介绍了本届科技节的安排：科普讲座、小发明展评、航模表演和科学实验比赛，活动持续两周，"
        "每个班级至少提交两件作品，优秀作品将推荐参加县青少年科技创新大赛。",
        "随后，科技辅导员为同学们演示了水火箭发射，操场上不时响起阵阵掌声。"]
NOTICE = ["各中小学、幼儿园：",
          "为做好今年暑期学生安全工作，切实保障广大师生生命财产安全，根据上级有关文件精神，结合我县实际，"
          "经研究，现将有关事项通知如下：",
          "一、工作要求",
          "1.各校放假前开展一次安全隐患排查；",
          "2.召开一次家长会，发放致家长的一封信；",
          "3.落实假期值班制度。",
          "附件：暑期安全工作检查表"]


def cells_page(title: str, line: str, paragraphs: list[str], after: str = "") -> str:
    rows = "".join(f"<tr><td><font size='2'>　　{text}</font></td></tr>" for text in paragraphs)
    return ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"
            f"<title>{title}</title></head><body><table width='760' align='center'><tr><td colspan='2'><img src='top.gif'>"
            "</td></tr><tr><td colspan='2'><a>首页</a>　<a>学校新闻</a>　<a>教学园地</a>　<a>学生天地</a></td></tr>"
            "<tr><td width='170' valign='top'><table border='1'><tr><td><b>公告栏</b></td></tr><tr><td>·<a>期末考试安排</a>"
            "(2008-6-20)<br>·<a>暑假安全告家长书</a>(2008-6-18)</td></tr></table></td><td valign='top'>"
            f"<table width='100%' cellpadding='4'><tr><td align='center'><font size='4'><b>{title}</b></font></td></tr>"
            f"<tr><td align='center'><font size='2'>{line}</font></td></tr><tr><td><hr size='1'></td></tr>{rows}"
            f"{after}<tr><td align='center'><a>【返回】</a> <a>【打印】</a></td></tr></table></td></tr>"
            "<tr><td colspan='2' align='center'>某某小学 版权所有 2003-2009</td></tr></table></body></html>")


def test_a_text_set_one_paragraph_a_table_row_is_read_whole():
    page = cells_page("我校举行春季科技节", "作者：教务处 来源：本站 时间：2008-4-19", TEXT)
    article = extract(page, None, now=NOW)
    assert list(article.paragraphs) == TEXT
    assert article.published.isoformat() == "2008-04-18T16:00:00+00:00"
    # two paragraphs of equal length (the table, not a cell, wins): still the two and no header row
    two = [TEXT[0], TEXT[0].replace("春季", "秋季")]
    assert list(extract(cells_page("我校举行春季科技节", "时间：2008-4-19", two), None, now=NOW).paragraphs) == two


def test_a_notices_rows_keep_its_salutation_items_and_attachment():
    page = cells_page("关于做好暑期安全工作的通知", "发布日期：2008-6-25 点击数：35", NOTICE)
    assert list(extract(page, None, now=NOW).paragraphs) == NOTICE


def test_rows_after_the_text_stay_out():
    after = "<tr><td><font size='2'>（通讯员 王小明）</font></td></tr><tr><td><a>上一篇：我校召开家长会</a></td></tr>"
    page = cells_page("我校举行春季科技节", "时间：2008-4-19", TEXT, after)
    assert list(extract(page, None, now=NOW).paragraphs)[:3] == TEXT
    assert "上一篇" not in extract(page, None, now=NOW).body


def test_a_pagers_page_numbers_under_a_text_split_over_pages_are_no_text():
    text = "".join(f"<p>{line}</p>" for line in TEXT)
    pager = ("<div class='dede_pages'><ul class='pagelist'><li><a>上一页</a></li><li class='thisclass'><a>1</a></li>"
             "<li><a>2</a></li><li><a>3</a></li><li><a>下一页</a></li></ul></div><p>共3页: 上一页 [1] <a>2</a> <a>3</a> <a>下一页</a></p>")
    page = ("<html><head><title>我校举行春季科技节_校园动态</title></head><body><div class='place'>当前位置：<a>主页</a> &gt; "
            f"<a>校园动态</a></div><div class='viewbox'><h2>我校举行春季科技节</h2><div class='info'>时间:2008-04-19</div>"
            f"<div class='content'>{text}{pager}</div><div class='context'>上一篇：<a>我校开展消防演练</a></div></div></body></html>")
    assert list(extract(page, None, now=NOW).paragraphs) == TEXT


def test_a_row_of_credits_under_the_text_is_no_text():
    for credits in ("校稿:李咏 一审:张中强 二审:刘连启 终审:李玲", "文/邱蕊 卓嘉 张子阳 责任编辑:张媛",
                    "编辑：王五 审核：李四", "主办:某某县教育局 制作:县教育信息中心 技术支持:某某科技"):
        body = "".join(f"&nbsp;&nbsp;{line}<br><br>" for line in TEXT) + credits + "<br>"
        page = ("<html><head><title>我校举行春季科技节--某某中学</title></head><body><table><tr><td class='title'>我校举行春季科技节"
                f"</td></tr><tr><td>时间：2008-4-19</td></tr><tr><td id='fontzoom'>{body}</td></tr></table></body></html>")
        assert list(extract(page, None, now=NOW).paragraphs) == TEXT, credits
    # a line of the text naming people with their roles stays
    line = "会议由 主持人:张三 讲话，全体教师参加。"
    body = "".join(f"<p>{t}</p>" for t in [*TEXT, line])
    page = ("<html><head><title>我校举行春季科技节</title></head><body><h1>我校举行春季科技节</h1>"
            f"<div class='content'>{body}</div></body></html>")
    assert extract(page, None, now=NOW).paragraphs[-1] == line


def test_a_reposts_tail_labels_are_no_text():
    # `阅读原文` (a repost's link to its original), a reading counter, a bare attachments label and a
    # `相关文件` heading over the bureau's related documents
    for tail in ("<p>阅读原文</p>", "<p>阅读:0</p>", "<p>附件:</p>", "<p>相关文件</p><p>关于做好暑期安全工作的通知</p>"):
        body = "".join(f"<p>{line}</p>" for line in TEXT) + tail
        page = ("<html><head><title>我校举行春季科技节</title></head><body><h1>我校举行春季科技节</h1>"
                f"<div class='info'>发布日期：2008-04-19</div><div class='content'>{body}</div></body></html>")
        assert list(extract(page, None, now=NOW).paragraphs) == TEXT, tail
