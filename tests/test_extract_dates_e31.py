"""Tests for dates on school, bureau and forum pages (helper extract-31; see BENCHMARKS.md), each on a page
written here: an info bar a script writes (`document.write("发布时间：…")`), a forum's page-render stamp in its
footer (`GMT+8, 2024-11-28 02:42`), a bar under the text dated `2007/6/7/星期四` or `5 Mar 2015`.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
TEXT = ["县教育局组织人员对城区各中小学校的食堂卫生、消防设施和校车管理进行了专项检查。",
        "检查组要求各校对发现的问题立即整改，确保新学期校园安全工作落到实处。"]
HEAD = "县教育局开展开学安全大检查"
FOOT = "<div class='foot'>版权所有 某某县教育局 地址：某某县城关镇人民路8号</div>"


def page(bar: str = "", under: str = "", head: str = "") -> str:
    text = "".join(f"<p>{t}</p>" for t in TEXT)
    return (f"<html><head><meta charset='utf-8'><title>{HEAD}</title>{head}</head><body>"
            "<div class='nav'><a>首页</a><a>教育动态</a><a>通知公告</a><a>政策法规</a></div>"
            f"<div class='art'><h2 class='tit'>{HEAD}</h2>{bar}<div class='con'>{text}</div>{under}</div>{FOOT}</body></html>")


def published(html: str, url: str | None = None) -> str | None:
    found = extract(html, url, now=NOW, fetched_at=NOW).published
    return found.isoformat() if found else None


def written(line: str) -> str:
    return (f"<div class='info'><script type='text/javascript'>document.write(\"<span class='t'>{line}</span>\");</script>"
            "　点击：<script src='/count.asp?id=7'></script>次</div>")


def test_an_info_bar_a_script_writes_dates_the_page():
    # the whole bar written by a script: the date is in the call's quoted text, in no element marked as a date
    for line, want in (("发布时间：2016-11-22 来源：某某日报 编辑：张三", "2016-11-21T16:00:00+00:00"),
                       ("期限：2015-01-13 10:40 阅读数：1381 次", "2015-01-13T02:40:00+00:00"),
                       ("浏览数量：10 作者：王娟 发布时间： 2019-09-27 来源：本站", "2019-09-26T16:00:00+00:00"),
                       ("2024/04/15 14:26 来源：社区文化网", "2024-04-15T06:26:00+00:00")):
        assert published(page(bar=written(line))) == want, line
    # written in two literals joined by `+`, single quotes
    bar = "<div class='info'><script>document.write('发布日期：' + '2013-03-18' + '　来源：本站');</script></div>"
    assert published(page(bar=bar)) == "2013-03-17T16:00:00+00:00"


def test_a_script_writing_a_related_list_with_dates_does_not_date_the_page():
    side = ("<div class='related'><script>document.write(\"<li><a>第一片区教研活动</a> 发布时间：2019-06-12</li>"
            "<li><a>第二片区教研活动</a> 发布时间：2019-06-15</li>\");</script></div>")
    assert published(page(under=side)) is None


def thread(first: str, footer: str) -> str:
    # a forum thread: the post's `发表于` line, the post, the reply box, the forum's footer with its render stamp
    text = "".join(f"<p>{t}</p>" for t in TEXT)
    return (f"<html><head><meta charset='utf-8'><title>{HEAD} - 教育论坛</title></head><body>"
            "<div id='hd'><a>首页</a><a>论坛</a><a>搜索</a></div><div id='postlist'>"
            f"<h1>{HEAD}</h1><div class='authi'>{first}</div><div class='t_f'>{text}</div></div>"
            "<div class='reply'>您需要登录后才可以回帖 登录 | 注册</div>"
            f"<div id='ft'>Archiver|手机版|小黑屋<br>{footer}<br>Powered by Discuz! X3.4</div></body></html>")


def test_a_forums_render_stamp_in_its_footer_is_not_the_posts_date():
    stamp = "GMT+8, 2024-11-28 02:42 , Processed in 0.087339 second(s), 17 queries ."
    assert published(thread("发表于 2012-2-17 12:08:58 | 显示全部楼层 |阅读模式", stamp)) == "2012-02-17T04:08:58+00:00"
    # the post's date shown only in its URL-less breadcrumb or nowhere: still never the render stamp
    assert published(thread("楼主 | 显示全部楼层", stamp)) is None
    assert published(thread("楼主", "GMT+08:00, 2024-11-28 02:42, Processed in 0.05 second(s)")) is None


def test_a_short_date_line_a_script_writes_dates_the_page():
    for line, want in (("2013-04-24 14:05:25紫涵", "2013-04-24T06:05:25+00:00"), ("2015.03.12", "2015-03-11T16:00:00+00:00"),
                       ("二〇一三年五月二十七日　点击数：35", "2013-05-26T16:00:00+00:00"),
                       ("5 Mar 2015 10:20 | 来源：本站", "2015-03-04T16:00:00+00:00")):
        assert published(page(bar=written(line))) == want, line
    # a single linked item with its date written by a script is the item's
    item = "<div class='x'><script>document.write(\"<a href='/a/1.html'>2019-06-12 教研活动</a>\")</script></div>"
    assert published(page(under=item)) is None


def test_an_info_bar_after_the_previous_and_next_links_under_the_text_dates_the_page():
    links = "<div class='np'><p>上一篇：实操能手黄文兵 能工巧匠鲍宇超</p><p>下一篇：讲述青春和奋斗的故事</p></div>"
    bar = "<div class='info'>时间：2016-11-22 来源：某某日报 编辑：陈珉 浏览：次</div>"
    assert published(page(under=links + bar)) == "2016-11-21T16:00:00+00:00"
    prompt = "<div class='tip'>如有问题请联系网站管理员</div>"
    assert published(page(under=links + prompt + bar)) == "2016-11-21T16:00:00+00:00"
    # a next link's own date beside its title is the next article's
    assert published(page(under="<div class='np'><p>下一篇：讲述青春和奋斗的故事 2016-11-25</p></div>")) is None


def test_an_english_date_bar_under_a_chinese_text_dates_the_page():
    for line, want in (("5 Mar 2015 10:20 | 来源：本站", "2015-03-04T16:00:00+00:00"),
                       ("Posted on March 5, 2015 by admin", "2015-03-04T16:00:00+00:00")):
        assert published(page(under=f"<div class='tip'>如有问题请联系网站管理员</div><div class='dt'>{line}</div>")) == want, line
    # an English date in the text's last sentence is the text's
    assert published(page(under="<p>The next meeting will be held on 5 March 2015 in the school hall.</p>")) is None


def test_a_moved_sites_later_meta_date_yields_to_an_older_byline_form_under_the_headline():
    # the <meta> dates are the day the site moved to a new CMS; the byline shows the posting in an older form
    moved = ("<meta property='article:published_time' content='2022-05-15T09:12:00+08:00'>"
             "<meta name='PubDate' content='2022-05-15 09:12'>")
    for line, want in (("16-6-2 10:14| 发布者: 管理员| 查看: 1732| 评论: 0", "2016-06-02"),
                       ("11/12 2010年 16:39 【 字体: 来源:院办 访问量:1", "2010-11-12"),
                       ("31 2020-12 来源:新闻与传播学院 浏览次数:7259", "2020-12-31")):
        got = published(page(bar=f"<div class='meta'>{line}</div>", head=moved))
        assert got is not None and (datetime.fromisoformat(got) + timedelta(hours=8)).date().isoformat() == want, line
    # a meta date with no byline shown stands
    assert published(page(head=moved)) == "2022-05-15T01:12:00+00:00"


def test_an_older_bar_a_script_writes_in_an_odd_form_dates_the_page():
    for line, want in (("字体【 】 【日期:2014-9-29】 【单位:某某县教育局】 【发稿人:管理员】", "2014-09-28T16:00:00+00:00"),
                       ("16-6-2 10:14| 发布者: 管理员| 查看: 1732", "2016-06-02T02:14:00+00:00")):
        assert published(page(bar=written(line))) == want, line


def gallery(line: str, n: int = 5) -> str:
    # a picture story: the date line, then each picture with its counter (`1/5`) and caption, the blocks run together
    pics = "".join(f"<li><span class='num'>{i + 1}/{n}</span><img src='/p/{i}.jpg'><p class='desc'>{TEXT[i % 2]}</p></li>"
                   for i in range(n))
    return (f"<html><head><meta charset='utf-8'><title>{HEAD}_图集</title></head><body><div class='nav'><a>首页</a><a>图集</a></div>"
            f"<div class='gallery'><h1>{HEAD}</h1><div class='meta'>{line}</div><ul>{pics}</ul>"
            f"<div class='ctrl'><a>上一张</a> <a>下一张</a></div></div>{FOOT}</body></html>")


def test_a_gallerys_date_line_run_into_its_first_pictures_counter_dates_the_page():
    for line, want in (("2016.01.20", "2016-01-19T16:00:00+00:00"), ("编辑：张三　2013-05-27", "2013-05-26T16:00:00+00:00")):
        assert published(gallery(line)) == want, line
    # a counter alone, no date: undated
    assert published(gallery("编辑：张三")) is None


def notice(bar: str, head: str = "") -> str:
    # a bureau's notice: the <h1>, the date bar, then the document's own heading block repeating the headline's words
    title = "某某县教育局关于做好2013年全县中考报名工作的通知"
    lines = ["某教字[2013]2号", "某某县教育局", "关于做好2013年全县中考报名工作的", "通 知", "各中学：",
             "经研究决定，我县2013年中考报名工作于3月下旬进行，现将有关事项通知如下。",
             "一、具有我县户籍的应届初中毕业生在毕业学校报名，由学校负责审查考生的报名资格。"]
    text = "".join(f"<p>{t}</p>" for t in lines)
    return (f"<html><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>"
            "<div class='nav'><a>首页</a><a>通知公告</a></div>"
            f"<div class='art'><h1>{title}</h1>{bar}<div class='con'>{text}</div></div>{FOOT}</body></html>")


def test_a_notice_whose_text_repeats_its_headline_keeps_the_bar_under_the_headline():
    moved = "<meta property='article:published_time' content='2014-07-31T09:12:00+08:00'>"
    bar = "<div class='info'>发布时间:2013-03-18 来源:县教育局 阅读次数: 次</div>"
    assert published(notice(bar, head=moved)) == "2013-03-17T16:00:00+00:00"
    assert published(notice("<div class='info'>二〇一三年三月十八日</div>")) == "2013-03-17T16:00:00+00:00"
