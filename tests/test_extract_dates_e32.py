"""Tests for dates on school and bureau pages (helper extract-32; see BENCHMARKS.md), each on a page written here:
an info bar under the text after a related-links box and the previous/next titles or a tool prompt, a summary box
(`导读：…`) repeating the text's opening above the bar, a CMS's year-and-month URL folder (`/201105/`) and a PHPCMS
path (`/html/2014/news_0921/`), a gallery's unpadded date run into its first picture's counter.
"""

from __future__ import annotations

from datetime import datetime, timezone

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
TEXT = ["镇中心小学组织四至六年级学生开展冬季长跑比赛，全校三百余名学生参加了比赛。",
        "比赛分年级进行，同学们你追我赶、奋勇争先，赛出了风格，赛出了水平。",
        "学校表示，将以此次比赛为契机，进一步推动阳光体育活动深入开展。"]
HEAD = "镇中心小学举行冬季长跑比赛"
FOOT = "<div class='foot'>版权所有 某某镇中心小学 地址：某某镇学府路8号</div>"


def page(bar: str = "", under: str = "", text: list[str] | None = None, above: str = "") -> str:
    paras = "".join(f"<p>{t}</p>" for t in (text or TEXT))
    return (f"<html><head><meta charset='utf-8'><title>{HEAD}</title></head><body>"
            "<div class='nav'><a>首页</a><a>学校新闻</a><a>教学教研</a><a>德育园地</a></div>"
            f"<div class='art'><h2>{HEAD}</h2>{above}{bar}<div class='con'>{paras}</div>{under}</div>{FOOT}</body></html>")


def day(html: str, url: str | None = None) -> str | None:
    found = extract(html, url, now=NOW, fetched_at=NOW).published
    return found.astimezone(timezone.utc).isoformat()[:16] if found else None


RELATED = ("<div class='xg'><h4>相关链接</h4><ul><li><a>我校开展读书节系列活动</a></li><li><a>教研组开展集体备课活动</a></li>"
           "<li><a>学校召开安全工作专题会议</a></li></ul></div>"
           "<div class='sx'><p>上一篇：<a>学校举行元旦文艺汇演</a></p><p>下一篇：<a>关于寒假放假的通知</a></p></div>")


def test_an_info_bar_after_the_related_links_and_the_previous_next_titles_dates_the_page():
    for bar, want in (("<div class='dt'>时间：2017-10-13　字号选择〖 〗</div>", "2017-10-12T16:00"),
                      ("<div class='dt'>2019-5-6　来源：本站　作者：管理员　点击数：35</div>", "2019-05-05T16:00"),
                      ("<div class='dt'>作者：张老师　来源：本站　点击数：128　更新时间：2016-1-14</div>", "2016-01-13T16:00"),
                      ("<div class='dt'>2019-03-05 21:12:18 阅读量60011 字数861</div>", "2019-03-05T13:12"),
                      ("<div class='dt'>2011年10月31日 11:12</div>", "2011-10-31T03:12")):
        assert day(page(under=RELATED + bar)) == want, bar


def test_an_update_time_after_a_tool_prompt_under_the_text_dates_the_page():
    under = "<div class='tip'>如有问题请联系网站管理员</div><div class='dt'>更新时间：2019-10-12</div>"
    assert day(page(under=under)) == "2019-10-11T16:00"


def test_dates_under_the_text_that_are_no_bar_stay_no_date():
    # the footer's update date, a related list's own dates, a print time
    for under in ("<div class='foot2'>主办：某某镇人民政府 更新日期：2026-12-03</div>",
                  RELATED.replace("我校开展读书节系列活动</a>", "我校开展读书节系列活动</a> [2019-06-12]"),
                  "<div class='pt'>打印时间：2026-12-04 18:02　【打印】【关闭】</div>"):
        assert day(page(under=under)) is None, under


def test_a_summary_repeating_the_texts_opening_above_the_bar_leaves_the_bar_the_bylines():
    bar = "<div class='bar'>2024-03-03 22:01　阅读：</div>"
    for summary in (f"<div class='daodu'>导读：{TEXT[0][:30]}……</div>", f"<div class='zy'>{TEXT[0][:30]}……</div>"):
        assert day(page(bar=bar, above=summary)) == "2024-03-03T14:01", summary
    # no bar: the summary's copy of a sentence opening with its event's day dates nothing
    text = ["2014年9月21日，天高云淡，秋高气爽。学校高中部成功举办高一新生家长会。"] + TEXT[1:]
    assert day(page(text=text, above=f"<div class='daodu'>导读：{text[0][:20]}……</div>")) is None


def test_a_cms_year_and_month_folder_in_the_url_is_no_day():
    assert day(page(), "http://www.example.cn/news/lp/201105/58439.shtml") is None
    assert day(page(), "http://www.example.cn/news/201105/t20110512_58439.shtml") == "2011-05-11T16:00"
    assert day(page(), "http://ent.example.cn/050427/347/26pbv.html") == "2005-04-26T16:00"  # yymmdd, as before


def test_a_phpcms_path_with_the_year_then_the_columns_month_and_day_dates_the_page():
    assert day(page(), "http://www.example.net/html/2014/xiaoyuan_0921/9973.html") == "2014-09-20T16:00"


def test_a_gallerys_unpadded_date_run_into_its_first_pictures_counter():
    def gallery(line: str) -> str:
        items = "".join(f"<li><div class='num'>{i + 1}/3</div><img src='/p/{i}.jpg'><p class='desc'>{t}</p></li>"
                        for i, t in enumerate(TEXT))
        return (f"<html><head><meta charset='utf-8'><title>{HEAD}_图集</title></head><body>"
                f"<div class='gallery'><h1>{HEAD}</h1><div class='meta'>{line}</div><ul class='pics'>{items}</ul></div>"
                "<div class='foot'>版权所有 某某融媒体中心</div></body></html>")
    for line, want in (("2016-1-14", "2016-01-13T16:00"), ("16-01-14", "2016-01-13T16:00")):
        assert day(gallery(line)) == want, line


def test_a_comment_boxs_count_between_the_text_and_the_bar_leaves_the_bar_read():
    for bar, want in (("<div class='dt'>时间：2018年11月23日 10:20 星期五　【打印】</div>", "2018-11-23T02:20"),
                      ("<div class='dt'>2018-11-23　来源：本站　作者：管理员　点击数：35</div>", "2018-11-22T16:00")):
        assert day(page(under="<div class='pl'>评论 (0人参与)</div>" + bar)) == want, bar


def test_a_yearless_dateline_takes_the_urls_year_folder_not_the_fetch_year():
    text = ["新华社北京3月5日电 " + TEXT[0], *TEXT[1:]]
    for url in ("http://www.example.cn/news/2015/abc123.html", "http://www.example.cn/html/2015/03/abc.html",
                "http://www.example.cn/jyxw/201503/abc.html"):
        assert day(page(text=text), url) == "2015-03-04T16:00", url
    assert day(page(text=text), "http://www.example.cn/news/abc123.html") == "2026-03-04T16:00"  # no year anywhere: as before
    assert day(page(text=text), "http://www.example.cn/news/2031/abc.html") == "2026-03-04T16:00"  # no future folder


def test_a_yearless_byline_takes_the_urls_year_folder():
    bar = "<div class='bar'>11-02 21:34</div>"
    assert day(page(bar=bar), "http://m.example.cn/p/2018/60615.html") == "2018-11-02T13:34"


def test_an_asp_sites_month_first_stamp_under_the_text_dates_the_page():
    # `7/5/2005 9:23:57 PM`, VBScript's Now() on a US-locale server: month first, as on the byline above the text
    for bar, want in (("<div class='info'>7/5/2005 9:23:57 PM</div>", "2005-07-05T13:23"),
                      ("<div class='info'>12/28/2008 1:06:32 PM 来源：本站</div>", "2008-12-28T05:06"),
                      ("<div class='info'>[5/6/2008]</div>", "2008-05-05T16:00")):
        assert day(page(under=bar)) == want, bar
    # a related list's item, or a last update, under the text: no date of the page's
    assert day(page(under="<div class='xg'>相关文章：<a>县教研室召开会议</a> 5/6/2008 9:35:12 AM</div>")) is None
    assert day(page(under="<div class='info'>最后更新：5/6/2008 9:35:12 AM</div>")) is None


def test_an_asp_sites_month_first_date_line_opening_the_text_is_its_byline_not_text():
    for line, want in (("7/5/2005 9:23:57 PM", "2005-07-05T13:23"), ("发布日期： 7/5/2005 9:23:57 PM", "2005-07-05T13:23")):
        html = page(text=[line, *TEXT])
        found = extract(html, None, now=NOW, fetched_at=NOW)
        assert day(html) == want and list(found.paragraphs) == TEXT, line
    keep = "会议指出，5/6/2008 起实行的新规要认真落实。"  # a sentence telling a day stays text
    assert list(extract(page(text=[*TEXT, keep]), None, now=NOW).paragraphs) == [*TEXT, keep]


def test_credits_under_the_text_run_together_before_the_bar_leave_the_bar_read():
    credits = "".join(f"<div>{x}</div>" for x in ("来源：", "某某新闻网", "作者：", "王某某 李某", "编辑：", "张某"))
    for bar, want in (("<div class='info'>点击数：35　11-10-31　来源：本站</div>", "2011-10-30T16:00"),
                      ("<div class='info'>二〇一一年十月三十一日</div>", "2011-10-30T16:00")):
        assert day(page(under=credits + bar)) == want, bar
    assert day(page(under=credits + "<div class='xg'>相关新闻 <a>县教研室召开会议</a> 2019-01-02</div>")) is None
