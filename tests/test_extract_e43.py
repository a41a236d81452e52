"""Tests for hard publication dates on older Chinese pages (helper extract-43; see BENCHMARKS.md), each on a page
written here: a notice signed at its end with a numeral year whose zeros are typed as letters or full-width digits
(`二OO四年`, `二００四年`); a blog whose side column lists its latest posts as `<li><a>短题</a> [date]</li>` above the
post, the post's own time under its text; a blog whose <h1> names the blog and whose <h2> names the post, the
<title> naming both; a page whose `<meta name="pubdate">` is a template's constant years before the byline's day; a
byline line whose time has no year (`05-20 10:20 作者：…`) over the text. Read wrong before: the notice undated, the
latest post's day as the post's own, the blog's name as the title, the template's day as the article's, the yearless
byline kept as the text's first line and the page undated.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import SHANGHAI_TZ, extract

NOW = datetime(2026, 12, 8, 1, 0, tzinfo=timezone.utc)
TEXT = ["入冬以后水温降得很快，鲫鱼大多躲进了深水区，岸边的浅滩上一整天也看不到一个鱼星。",
        "我们几个人把钓位挪到了大坝下面，水深四米多，换上小钩细线，饵料也加了些腥味，两个钟头才有了第一口。",
        "到太阳落山一共钓了十几条，个头都不大，但冬天能有这样的收获已经很满足了，回家熬了一锅鲫鱼汤。"]
PARAS = "".join(f"<p>　　{line}</p>" for line in TEXT)


def article(html: str, url: str):
    return extract(html, url, now=NOW, fetched_at=NOW)


def day(html: str, url: str) -> str | None:
    found = article(html, url).published
    return found.astimezone(SHANGHAI_TZ).date().isoformat() if found else None


def notice(signed: str) -> str:
    """A county office's notice: headline, text, the office and the day signed under it, a copyright footer."""
    return ("<html><head><title>关于开展冬季垂钓安全宣传的通知</title></head><body><div><a href='/'>首页</a> | "
            "<a href='/tzgg/'>通知公告</a></div><h2>关于开展冬季垂钓安全宣传的通知</h2>"
            f"{PARAS}<p align=right>县文体局办公室</p><p align=right>{signed}</p>"
            "<div align=center>版权所有：县文体局 2003-2006</div></body></html>")


def test_a_numeral_year_with_zeros_typed_as_letters_or_full_width_digits_dates_a_notice():
    for signed in ("二OO四年六月一日", "二００四年六月一日", "二〇〇四年六月一日", "二ＯＯ四年六月一日"):
        html = notice(signed)
        assert day(html, "http://www.example.gov.cn/tzgg/601.html") == "2004-06-01", signed
        assert article(html, "http://www.example.gov.cn/tzgg/601.html").body.split("\n\n") == TEXT, signed


def blog(items: list[tuple[str, str]], title: str, posted: str = "2006年10月21日 18:40") -> str:
    """A blog post page: the blog's name in an <h1>, a side column of its latest posts (`[date]` after each) before
    the post's column, the post's <h2>, its text and its time under it."""
    side = "".join(f"<li><a href='/p/{i}.html'>{name}</a> [{when}]</li>" for i, (name, when) in enumerate(items))
    return (f"<html><head><title>{title}</title></head><body><div id=header><h1>花悠然的博客</h1></div>"
            f"<div id=side><h3>最新日志</h3><ul>{side}</ul></div><div id=main><div class=post><h2>冬天钓鲫鱼</h2>"
            f"<div class=content>{PARAS}</div><div class=foot>花悠然 发表于 {posted} | 阅读(120) | 评论(3)</div>"
            "</div></div><div id=footer>Copyright 2005-2007</div></body></html>")


BLOG_URL = "http://blog.example.com/u/hua/archives/2008.html"


def test_a_latest_post_listed_with_a_short_title_does_not_date_the_post():
    for items in ([("秋游", "2006-11-02"), ("小记", "2006-10-30")], [("雨", "2006-11-02")],
                  [("秋游", "2006-11-02"), ("小记", "2006-10-30"), ("早安", "2006-10-28")]):
        for posted in ("2006年10月21日 18:40", "2006-10-21 18:40"):
            assert day(blog(items, "冬天钓鲫鱼 - 花悠然的博客", posted), BLOG_URL) == "2006-10-21", (items, posted)


def test_a_short_link_with_a_date_outside_a_list_item_is_no_listed_post():
    # A source link and its day in the byline bar (`来源：<a>县报</a> 2006-10-21`) is the byline's, not a list's.
    html = ("<html><head><title>冬天钓鲫鱼_县新闻网</title></head><body><h1>冬天钓鲫鱼</h1>"
            "<div class=info>来源：<a href='/'>县报</a> 2006-10-21</div>" + PARAS + "</body></html>")
    assert day(html, "http://www.example.cn/news/88.html") == "2006-10-21"


def test_a_blogs_name_in_its_h1_is_not_the_posts_title():
    for title in ("冬天钓鲫鱼 - 花悠然的博客", "花悠然的博客 - 冬天钓鲫鱼"):
        assert article(blog([("秋游", "2006-11-02")], title), BLOG_URL).title == "冬天钓鲫鱼", title


def news(meta: str, byline: str) -> str:
    """A county news page in a newer template: a `pubdate` meta, the headline, a byline bar, the text."""
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>冬天钓鲫鱼_县融媒体中心</title>"
            f"<meta name='pubdate' content='{meta}'></head><body><div class=art><h1>冬天钓鲫鱼</h1>"
            f"<div class=src>{byline}</div><div class=txt>{''.join(f'<p>{line}</p>' for line in TEXT)}</div>"
            "</div></body></html>")


NEWS_URL = "http://news.example.cn/a/801.shtml"


def test_a_meta_date_months_before_the_byline_is_a_templates_not_the_articles():
    assert day(news("2019-01-01", "2021-06-18 09:30　来源：县融媒体中心"), NEWS_URL) == "2021-06-18"
    assert day(news("2018-05-05 00:00:00", "发布时间：2021年11月03日　来源：县融媒体中心"), NEWS_URL) == "2021-11-03"


def test_a_meta_date_stays_beside_an_update_or_a_close_byline():
    # The byline shows only a later update time, or a day within the meta's season: the meta's day is the posting.
    assert day(news("2019-01-01", "更新时间：2021-06-18 09:30　来源：县融媒体中心"), NEWS_URL) == "2019-01-01"
    assert day(news("2021-03-01", "2021-06-18 09:30　来源：县融媒体中心"), NEWS_URL) == "2021-03-01"


def test_a_byline_time_without_its_year_over_the_text_is_the_bylines():
    for line in ("05-20 10:20　作者：海边老钓", "5月20日 10:20 来源：钓鱼网", "05-20 10:20 阅读：233"):
        html = ("<html><head><title>冬天钓鲫鱼_钓鱼网</title></head><body><div><a href='/'>首页</a></div>"
                f"<h2 align=center>冬天钓鲫鱼</h2><p align=center>{line}</p>{PARAS}"
                "<div>Copyright &copy; 2004-2007 钓鱼网</div></body></html>")
        url = "http://www.example.cn/2006/diaoyu/1236.html"
        assert article(html, url).body.split("\n\n") == TEXT, line
        assert day(html, url) == "2006-05-20", line
