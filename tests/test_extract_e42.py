"""Tests for CleanEval-era Chinese pages (helper extract-42; see BENCHMARKS.md), each on a page written here: an
archiver's thread whose post repeats its headline and then names its writers (`赵延东、风笑天`, `□ 老梁`) over
the text; a dvbbs post whose signature stands under a rule of dashes above the post's time; a blog post with a
link to the blog's latest post, and that post's day, between the headline and the text; an essay reposted with a
note under it (the writer's unit, where it first ran, an end mark); a PHPWind simple view whose <title> brackets the
board's name in dashes. Read wrong before: the writers' line, the signature and the notes as lines of the text, the
latest post's day as the post's own, and the title as `headline [` (so the headline over the post was kept as text).
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import SHANGHAI_TZ, extract

NOW = datetime(2026, 12, 8, 1, 0, tzinfo=timezone.utc)
HEAD = "冬天在水库边钓鲫鱼"
TEXT = ["入冬以后水温降得很快，鲫鱼大多躲进了深水区，岸边的浅滩上一整天也看不到一个鱼星。",
        "我们几个人把钓位挪到了大坝下面，水深四米多，换上小钩细线，饵料也加了些腥味，两个钟头才有了第一口。",
        "到太阳落山一共钓了十几条，个头都不大，但冬天能有这样的收获已经很满足了，回家熬了一锅鲫鱼汤。"]


def article(html: str, url: str):
    return extract(html, url, now=NOW, fetched_at=NOW)


def day(html: str, url: str) -> str | None:
    found = article(html, url).published
    return found.astimezone(SHANGHAI_TZ).date().isoformat() if found else None


ARCHIVER_URL = "http://bbs.example.com/archiver/?tid-2048.html"


def archiver(byline: str, text: list[str] = TEXT) -> str:
    """A Discuz! archiver thread: the post's headline in bold, the headline again, the writers' line, the text."""
    lines = "<br />\n&nbsp;&nbsp;<br />\n".join(["　　" + line for line in text])
    return (f"<html><head><title>{HEAD}(页 1) - 钓鱼交流 - 渔友论坛 - powered by Discuz! Archiver</title></head><body>"
            f"<div class='subtable'><a href='archiver/'>渔友论坛</a> <b>&raquo;</b> <a href='archiver/fid-3.html'>钓鱼交流</a>"
            f" <b>&raquo;</b> {HEAD}</div><br><div class='simpletable'><div class='subtable altbg1'>"
            f"<span class='right'>2004-12-5 20:16</span><b>老梁</b></div><div class='subtable altbg2 t_msg'>"
            f"<b>{HEAD}</b><br><br>{HEAD} <br />\n&nbsp;&nbsp;<br />\n {byline} <br />\n&nbsp;&nbsp;<br />\n{lines}</div></div>"
            f"<div class='subtable bold'>查看完整版本: <a href='viewthread.php?tid=2048'>{HEAD}</a></div>"
            "<span>Powered by <b>Discuz! Archiver</b> 5.0.0 &copy; 2001-2006 Comsenz Inc.</span></body></html>")


def test_writers_named_under_a_repeated_headline_are_no_line_of_the_text():
    for byline in ("赵延东、风笑天", "梁海、王小川、周齐", "□ 老梁", "◎一笑同行"):
        body = article(archiver(byline), ARCHIVER_URL).body
        assert byline not in body, byline
        assert body.split("\n\n") == TEXT, byline
        assert day(archiver(byline), ARCHIVER_URL) == "2004-12-05", byline


def test_a_list_of_places_or_a_line_after_a_sentence_stays():
    for line in ("北京、上海", "广州、深圳、珠海"):  # places, not names: no common surname opens them
        assert line in article(archiver(line), ARCHIVER_URL).body, line
    # Names joined further down, after the text has begun, are the text's own (a list of winners).
    text = [TEXT[0], "这次比赛的前三名是：", "赵延东、风笑天", TEXT[1]]
    assert "赵延东、风笑天" in article(archiver("□ 老梁", text), ARCHIVER_URL).body


DVBBS_URL = "http://www.example.com/bbs/dispbbs.asp?boardID=3&ID=912&page=1"


def dvbbs(under_rule: str, rule: str = "----------------------------------------------") -> str:
    """A dvbbs post: the poster's cell, the post's cell (headline, text, a rule, what stands under it), then its time."""
    return (f"<html><head><title>{HEAD} -- 钓鱼人论坛</title></head><body>"
            f"<table><tr><td><b>主题：{HEAD}</b></td></tr></table><table><tr>"
            "<td width=175 valign=top><b>水边人</b><br>等级：论坛游侠<br>文章：356<br>注册：2004-3-12</td>"
            f"<td valign=top><b>{HEAD}</b><br><br>" + "<br>".join(TEXT) + f"<br><br><br>{rule}<br>{under_rule}</td></tr>"
            "<tr><td>&nbsp;</td><td><a href=#>引用</a> <a href=#>回复</a> 发贴时间：2005-7-3 10:20:33　IP：已设置保密</td></tr>"
            "</table><div align=center>Copyright &copy;2002-2006 钓鱼人论坛<br>Powered By ：Dvbbs Version 7.1.0 Sp1</div>"
            "</body></html>")


def test_a_posts_signature_under_a_rule_of_dashes_is_dropped_and_the_posts_time_still_read():
    for sign in ("天下钓友是一家，有空常来坐坐", "人生如钓<br>耐心是最好的饵"):
        page = dvbbs(sign)
        body = article(page, DVBBS_URL).body
        assert body.split("\n\n") == TEXT, sign
        assert day(page, DVBBS_URL) == "2005-07-03", sign


def test_a_rule_with_a_text_part_under_it_stays():
    more = "第二天一早我们又去了一趟，水面起了雾，鱼口比头天好得多，不到中午就钓够了一桶，大家高高兴兴地收竿回家。"
    body = article(dvbbs(more), DVBBS_URL).body
    assert more in body
    long_line = "附：" + "钓点在水库东侧大坝下，开车从县城出发约四十分钟，路边可以停车，" * 2
    assert long_line in article(dvbbs(long_line), DVBBS_URL).body


BLOG_URL = "http://blog.example.com/article.asp?id=46"


def blog(latest: str) -> str:
    """A 2006 blog post: the headline, a line linking the blog's latest post with its day, the text, the post's time."""
    return (f"<html><head><title>老梁的博客 - {HEAD}</title></head><body><div id=header><h1>老梁的博客</h1></div>"
            f"<div id=main><div class=post><h2>{HEAD}</h2>{latest}<div class=content>"
            + "".join(f"<p>{line}</p>" for line in TEXT)
            + "</div><div class=info>发表于 2005-11-2 19:00 | 阅读全文(63) | 回复(2)</div></div></div>"
            "<div id=footer>Powered by PJBlog2 v2.7 CopyRight 2005 - 2007</div></body></html>")


def test_the_latest_posts_day_between_the_headline_and_the_post_dates_no_post():
    for label in ("最近更新", "新帖", "最新文章", "最新日志"):
        latest = f"<p class=latest>{label}：<a href='article.asp?id=90'>秋天里的一场小雨</a> 2006-12-12</p>"
        assert day(blog(latest), BLOG_URL) == "2005-11-02", label


def test_a_bare_update_line_under_the_headline_is_still_read_as_before():
    # The page's own update day under its label (no other post's title between) gives way to the post's time
    # under the text, as before; a link to the previous post with its day was passed over already.
    assert day(blog("<p>最近更新：2006-12-12</p>"), BLOG_URL) == "2005-11-02"
    assert day(blog("<p>上一篇：<a href='article.asp?id=40'>秋天里的一场小雨</a> 2005-10-30</p>"), BLOG_URL) == "2005-11-02"


ESSAY_URL = "http://www.example.com/html/wenzhai/2005/13.html"


def essay(under: str) -> str:
    """An essay reposted on a 2005 portal: headline, writer and time over the text, a note under it."""
    return (f"<html><head><title>{HEAD}_文摘天地</title></head><body><table><tr><td>"
            f"<p align=center><b>{HEAD}</b></p><p align=center>更新时间：2005-4-21 10:11:00</p>"
            + "".join(f"<p>　　{line}</p>" for line in TEXT)
            + f"<p>{under}</p></td><td><b>热门文章</b><br><a href='/1.html'>春天的小河</a></td></tr></table>"
            "<div align=center>Copyright 2005-2007 文摘天地</div></body></html>")


def test_notes_under_a_reposted_essay_are_no_lines_of_its_text():
    for under in ("（作者单位：县第一中学）", "【作者单位：中国社会科学院研究生院、华中科技大学社会学系】",
                  "(摘自《学术季刊》2000年第2期，原文约15，000字)《文摘》2000年第09期", "（选自《散文》2005年第3期）",
                  "摘自《读者》2005年第3期", "【完】", "（全文完）", "[完]"):
        assert article(essay(under), ESSAY_URL).body.split("\n\n") == TEXT, under


def test_a_sentence_opening_with_a_source_word_stays():
    line = "选自《诗经》的这首诗写的是农人一年的劳作，从春耕一直写到冬藏。"
    assert line in article(essay(line), ESSAY_URL).body


SIMPLE_URL = "http://bbs.example.net/simple/index.php?t8013.html"


def simple_view(title: str) -> str:
    """A PHPWind simple view: the thread's headline as the post's first line, over the text."""
    return (f"<html><head><title>{title}</title></head><body><center>"
            f"<div>查看完整版本: [-- <a href='read.php?tid=8013'>{HEAD}</a> --]</div>"
            f"<div><a href='index.php'>渔乐论坛</a> -&gt; <a href='index.php?f3.html'>钓鱼技术</a> -&gt; {HEAD}</div>"
            f"<div class='tpc_content'><div class='author'><b>老梁</b> 2005-07-03 10:20</div><div class='tpc'>{HEAD}<br><br>"
            + "<br>".join("　　" + line for line in TEXT)
            + "</div></div><div>Powered by PHPWind v6.0 Code &copy; 2003-06 PHPWind</div></center></body></html>")


def test_a_title_cut_at_a_bracketed_parts_dashes_keeps_no_bracket():
    found = article(simple_view(f"{HEAD} [-- 钓鱼技术 --] - 渔乐论坛 - powered by phpwind.net"), SIMPLE_URL)
    assert found.title == HEAD
    assert found.body.split("\n\n") == TEXT  # the headline over the post is the headline, no line of the text
    # A bracket closed in the title stays (`（图）`).
    assert article(simple_view(f"{HEAD}（图）_渔乐论坛"), SIMPLE_URL).title == f"{HEAD}（图）"
