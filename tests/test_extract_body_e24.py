"""Tests for bodies on pages in the templates of 2003-2010 Chinese portals (helper extract-24; see
BENCHMARKS.md), each on a page written here: a forum archiver's view (the thread's title repeated over the
first post, the replies under it, a <title> naming the forum and its software), a portal's footer whose menu
row and disclaimer stand after the text with single <br>s, a paper's source line under a carried story.
"""

from __future__ import annotations

from datetime import datetime, timezone

from test_extract_body_e20 import kept

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
POST = ["最近草莓上市了，周末带孩子去郊外采了一次，感觉不错，给大家推荐几个地方。",
        "第一个是北郊的草莓园，大棚比较多，品种也全，采摘价格十五元一斤，停车方便。",
        "第二个在东边的果蔬基地，价格便宜一些，但路不太好走，建议开车去的朋友注意。"]


def archiver(title: str, replies: list[tuple[str, str, str]]) -> str:
    posts = "".join(f"<p class='author'><strong>{who}</strong> 发表于 {when}</p>{text}<br /><br />"
                    for who, when, text in replies)
    return (f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=gbk'><title>{title} - 城市生活论坛 - "
            "Powered by Discuz! Archiver</title></head><body><div id='nav'><a>城市生活论坛</a> &raquo; <a>吃喝玩乐</a> &raquo; "
            f"{title}</div><div id='content'><p class='author'><strong>小鱼儿</strong> 发表于 2007-3-11 09:30</p>"
            f"<h3>{title}</h3>{'<br /><br />'.join(POST)}<br /><br />{posts}</div>"
            f"<div id='end'> 查看完整版本: <a>{title}</a></div><br/><center>Powered by <strong><a>Discuz! Archiver</a></strong>"
            " <em>6.0.0</em>&nbsp; &copy; 2001-2007 <a>Comsenz Inc.</a></center></body></html>")


def test_a_forum_archivers_view_is_the_first_post_alone():
    title = "周末去郊外采草莓，推荐几个地方"
    page = archiver(title, [("路人甲", "2007-3-11 10:12", "谢谢分享，正想带孩子去。"),
                            ("老王", "2007-3-12 08:40", "北郊那家我去过，确实不错，就是周末人多。")])
    article = extract(page, "http://bbs.example.com/archiver/tid-28813.html", now=NOW)
    assert article.title == title
    assert list(article.paragraphs) == POST
    assert article.published.isoformat() == "2007-03-11T01:30:00+00:00"
    # a thread without replies keeps its post
    assert list(extract(archiver(title, []), None, now=NOW).paragraphs) == POST


def test_a_short_headline_keeps_its_words_before_two_site_names():
    from monitor.extract.meta import strip_site_suffix
    assert strip_site_suffix("周末去郊外采草莓，推荐几个地方 - 城市生活论坛 - Powered by Discuz! Archiver") == \
        "周末去郊外采草莓，推荐几个地方"
    # a headline with a dash of its own keeps it
    assert strip_site_suffix("中国女排3-2逆转夺冠 - 体育频道 - 新浪网") == "中国女排3-2逆转夺冠"


def test_a_portals_footer_after_the_text_is_no_text():
    foot = ("关于我们 | About us | 联系我们 | 广告服务 | 供稿服务 | 法律声明 | 招聘信息 | 网站地图<br>"
            "本网站所刊载信息，不代表本社和本网观点。 刊用本网站稿件，务经书面授权。<br>"
            "未经授权禁止转载、摘编、复制及建立镜像，违者将依法追究法律责任。")
    text = "".join(f"<p>{line}</p>" for line in POST)
    page = (f"<html><head><title>采草莓去哪里-新闻网</title></head><body><h1>采草莓去哪里</h1><div class='left_zw'>{text}</div>"
            f"<div class='ft'>【<a>编辑:李明</a>】</div><div class='foot'>{foot}</div></body></html>")
    assert list(extract(page, None, now=NOW).paragraphs) == POST
    # a sentence that says a view is not someone's stays
    assert kept(after=["他说，这份报告只是专家的个人意见，并不代表部门的观点，最后还要听取各方建议。"]) != []


def test_a_papers_source_line_under_a_carried_story_is_no_text():
    for line in ("《 人民日报 》( 2006年02月14日 第十一版 )", "（《解放日报》2008-03-11 第3版）", "《光明日报》（2009年5月4日 07版）"):
        assert kept(after=[line]) == [], line
    # a sentence naming a paper and a day stays
    assert kept(after=["《人民日报》2006年2月14日在第十一版刊登了这篇报道，引起了读者的广泛关注。"]) != []
