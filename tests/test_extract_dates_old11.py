"""Tests for dates that older and unusual Chinese pages (helper extract-11; see BENCHMARKS.md) read
wrongly or not at all, each class on a page written here: a forum poster's profile dates (`注册时间`,
`最后登录`) beside the post; a blog's column of its other posts with their times, and readers'
comments with theirs under the post; a date cell under the body in a two-digit-year form
(`06年8月20日`) or after a signature line; a full date under the body against a yearless dateline;
a `/2016/02/160202_` URL.
"""

from __future__ import annotations

from datetime import datetime, timezone

from datekit import day

from monitor.extract import extract, extract_bytes

NOW = datetime(2026, 12, 4, 10, tzinfo=timezone.utc)

TEXT = ("<p>今年入夏以来，青溪县持续开展农村公路集中养护活动，组织沿线群众清理边沟、修补路肩，全县共出动三千余人次。</p>"
        "<p>县交通局有关负责人介绍，下一步将建立日常巡查制度，确保农村公路常年保持整洁畅通。</p>"
        "<p>据了解，今年全县还将新改建农村公路八十公里，进一步方便群众出行。</p>")


def forum_page(post_time: str) -> str:
    """A Discuz!-style thread: the poster's profile (registered, last login) between the title and
    the post, the post's own time after it."""
    return ("<html><head><title>农村公路养护经验交流 - 交通论坛</title></head><body>"
            "<div id='pt'>论坛 &rsaquo; 交通论坛 &rsaquo; 查看内容</div>"
            "<h1><span id='thread_subject'>农村公路养护经验交流</span></h1>"
            "<table><tr><td class='pls'><dl>\n<dt>积分</dt><dd>3882</dd>\n<dt>注册时间</dt><dd>2004-03-26</dd>\n"
            "<dt>最后登录</dt><dd>2012-12-29</dd>\n</dl></td>\n"
            f"<td class='plc'><div class='authi'><em>{post_time}</em> | 显示全部楼层</div>"
            f"<div class='t_f'>{TEXT}</div></td></tr></table>"
            "<div id='ft'>Powered by Discuz!</div></body></html>")


def test_a_posters_profile_dates_do_not_date_the_post():
    for post_time, want in (("2006.06.04 板橋 雨天", "2006-06-04"), ("发表于 2006-6-4 10:21", "2006-06-04")):
        assert day(extract(forum_page(post_time), now=NOW)) == want, post_time


def test_a_profile_alone_leaves_the_post_undated():
    assert day(extract(forum_page("只看该作者"), now=NOW)) is None


def blog_page(stamp: str, comments: str = "") -> str:
    """A hosted blog's post page: a column of the blog's other posts with their times before the post,
    readers' comments with theirs under it."""
    posts = "".join(f"<li><a href='/s/blog_{i}.html'>周末随想之{i}</a> <span class='time'>(2008-0{i}-1{i} 2{i}:05)</span></li>"
                    for i in range(2, 6))
    return ("<html><head><title>农村公路见闻_小城故事_博客</title></head><body>"
            f"<div class='sidebar'><b>博文</b><ul>{posts}</ul></div>"
            f"<div class='articalTitle'><h2>农村公路见闻</h2>{stamp}</div>"
            "<div class='articalTag'>标签： 杂谈 分类： 生活随笔</div>"
            f"<div class='articalContent'>{TEXT}</div>"
            "<div class='share'>阅读(312) 收藏(0) 转载</div>"
            f"<div class='comments'>{comments}</div></body></html>")


def test_a_blogs_column_of_timed_posts_does_not_date_an_undated_post():
    assert day(extract(blog_page(""), now=NOW)) is None
    assert day(extract(blog_page("<span class='time'>(2008-06-12 21:35:10)</span>"), now=NOW)) == "2008-06-12"


def wire_page(under: str = "", side: str = "") -> str:
    """An old portal's wire story: a yearless `8月23日电` dateline opening the text."""
    return ("<html><head><title>两国领导人举行会谈</title></head><body>"
            f"<div class='side'>{side}</div><h1>两国领导人举行会谈</h1>"
            "<div class='txt'><p>新华社莫斯科8月23日电 两国领导人23日下午在远东城市举行了会谈，双方主要讨论了经济合作问题。</p>"
            "<p>双方还就地区局势交换了意见，并表示愿继续加强在国际事务中的协调与配合。</p>"
            "<p>这是双方一年多以来的第二次会晤，访问将于24日结束。</p></div>"
            f"<div class='info'>{under}</div><div class='foot'>版权所有 未经授权禁止转载</div></body></html>")


def test_a_full_date_under_the_body_beats_a_yearless_dateline():
    for under in ("日期：2001-08-24&nbsp;&nbsp;信息来源：新华网", "加入时间：2001-8-24 点击：325", "01年8月24日 信息来源：本站"):
        assert day(extract(wire_page(under=under), now=NOW)) == "2001-08-24", under


def notice_page(under: str) -> str:
    """A notice whose last line is its signature, the portal's date cell under it."""
    return ("<html><head><title>关于做好农村公路养护工作的通知</title></head><body>"
            "<table><tr><td><b>关于做好农村公路养护工作的通知</b></td></tr><tr><td>"
            "<p>各乡镇人民政府，县直有关单位：</p>"
            "<p>为切实做好今年农村公路养护工作，确保全县农村公路安全畅通，现就有关事项通知如下。</p>"
            "<p>一、各乡镇要落实养护责任，建立日常巡查制度，及时清理路面杂物。</p>"
            "<p>青溪县交通局 2002年4月17日</p></td></tr>"
            f"<tr><td>&nbsp;</td></tr><tr><td class='xx'>{under}</td><td>浏览次数：1832</td></tr>"
            "<tr><td>[打印本页] [关闭窗口]</td></tr></table></body></html>")


def test_a_date_cell_under_a_signature_is_the_posting_date():
    for under in ("日期：2002-04-18", "02年4月18日", "加入时间：2002-4-18", "2002/04/18", "发布日期：2002/4/18 10:21"):
        assert day(extract(notice_page(under), now=NOW)) == "2002-04-18", under
    assert day(extract(notice_page("信息来源：本站"), now=NOW)) == "2002-04-17"


def test_a_two_digit_year_date_under_the_body():
    page = ("<html><head><title>全县农村公路养护现场会召开</title></head><body>"
            "<h2>全县农村公路养护现场会召开</h2>"
            f"<div class='txt'>{TEXT}</div><div class='xx'>06年8月20日&nbsp;&nbsp;来源：县交通局</div></body></html>")
    assert day(extract(page, now=NOW)) == "2006-08-20"


def test_a_url_with_the_day_in_the_file_name():
    page = ("<html><head><title>香港兩份報章合併</title></head><body><h1>香港兩份報章合併</h1>"
            "<div class='story'><p>香港兩份報章星期二宣佈已合併成一個傳媒集團，整合資源，但將維持各自發行報紙。</p>"
            "<p>兩份報章各自在內地創辦，但最終落戶香港，在本地的影響力一直備受討論。</p></div></body></html>")
    url = "https://www.example.com/zhongwen/trad/china/2016/02/160202_profile_newspapers"
    assert day(extract_bytes(page.encode(), url, now=NOW)) == "2016-02-02"
    # Digits that do not repeat the folders' year and month are an ID, not a day.
    other = "https://www.example.com/zhongwen/trad/china/2016/02/171105_profile_newspapers"
    assert day(extract_bytes(page.encode(), other, now=NOW)) is None


def test_readers_comments_under_an_undated_post_do_not_date_it():
    comments = ("<h3>评论</h3><div class='cmt'>网友甲 2008-06-16 10:00:00<p>写得真好，支持一下！</p></div>"
                "<div class='cmt'>网友乙 2008-06-18 09:12:40<p>路修好了，回家方便多了。</p></div>")
    assert day(extract(blog_page("", comments), now=NOW)) is None
    stamped = blog_page("<span class='time'>(2008-06-12 21:35:10)</span>", comments)
    assert day(extract(stamped, now=NOW)) == "2008-06-12"
