"""Tests for dates on pages nobody here had tuned on (helper extract-20; see BENCHMARKS.md), each on
a page written here: a city portal's header over its breadcrumb (a market ticker's time, an almanac's
day, a weather forecast for the days to come), readers' replies under the text with their full times,
a byline written `2021 01/26 08:52 · 来源 · …`, dates only a page's script states in forms not read
before, a URL whose file name opens with a fourteen-digit time stamp, a publication label glued to
the poster's Latin name, and a forum member's daily mood time beside a post.
"""

from __future__ import annotations

from test_extract_dates_e15 import day

TITLE = "柳溪镇新建十座村级驿站"
TEXT = ("<p>柳溪镇今年在十个行政村建起了村级驿站，快递、农资和日用品可以在村口直接收发。</p>"
        "<p>镇里有关负责人介绍，驿站由村集体提供场地，邮政和快递企业负责设备与培训，村民取件不再需要跑到镇上。</p>"
        "<p>下一步，镇里还将在驿站里增设便民缴费和农产品代销服务。</p>")


def city(info: str = "", header: str = "", crumb: str = "首页 &gt; 本地 &gt; 正文", foot: str = "", text: str = TEXT) -> str:
    return (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>"
            f"<div class='top'>今天是2026年12月4日 星期五 农历十月十五 <a>登录</a></div>{header}"
            "<div class='nav'><a>首页</a> | <a>本地</a> | <a>民生</a></div>"
            f"<div class='main'><div class='crumb'>{crumb}</div><h1>{TITLE}</h1><div class='info'>{info}</div>"
            f"<div class='content'>{text}</div>{foot}</div>"
            "<div class='footer'>备案号：000000号</div></body></html>")


TICKER = "<div class='ticker'>上证指数 3412.56 +0.42% 2026-12-04 15:00</div>"
ALMANAC = "<div class='hl'>黄历：2026年12月04日 宜：出行 纳财 忌：动土</div>"
FORECAST = "<div class='weather'><h3>未来三天</h3><ul><li>12月5日 周六 晴 2℃~10℃</li><li>12月6日 周日 多云</li></ul></div>"


def test_a_header_over_the_breadcrumb_dates_no_article():
    for header in (TICKER, ALMANAC, TICKER + ALMANAC, FORECAST + ALMANAC + TICKER):
        # the ticker's time, the almanac's day: the page's header, above the breadcrumb over the headline
        assert day(city(header=header)) is None, header
        assert day(city(header=header), "http://news.example.cn/20160224/n438379927.shtml") == "2016-02-24", header
        assert day(city("2016-02-24 10:21 来源：本站", header)) == "2016-02-24", header
        for crumb in ("您当前的位置：首页 &gt; 新闻中心 &gt; 正文", "当前位置: 首页 -&gt; 新闻中心 -&gt; 焦点新闻"):
            assert day(city(header=header, crumb=crumb), "http://news.example.cn/2019/0610/1.html") == "2019-06-10"
    # a date printed between the breadcrumb and the headline is still the byline over the title
    assert day(city(header=TICKER, crumb="首页 &gt; 本地 &gt; 正文</div><div class='d'>2016-02-24 10:21")) == "2016-02-24"
    # as is a date bar over the headline where no breadcrumb stands between
    assert day(city(header="<div class='bar'>2016-02-24 10:21</div>", crumb="")) == "2016-02-24"


def test_a_footer_saying_how_far_the_site_is_updated_dates_no_article():
    foot = "<div class='ft'>本站信息更新至2026-12-04 | 备案号：000000号</div>"
    for crumb in ("首页 &gt; 本地 &gt; 正文", ""):
        assert day(city(crumb=crumb, foot=foot)) is None
        assert day(city(crumb=crumb, foot=foot), "http://news.example.cn/2019/0610/1.html") == "2019-06-10"
        assert day(city("发布时间：2019-06-10", crumb=crumb, foot=foot)) == "2019-06-10"


def replies(first: str = "2021-11-27 08:16:42", second: str = "2021-11-28 22:03:05") -> str:
    return (f"<div class='tie'><h3>跟贴 12 参与 56</h3><div class='item'><span class='u'>网易广东省网友</span> "
            f"<span class='t'>{first}</span><p>说得很实在，支持一下。</p></div><div class='item'><span class='u'>"
            f"网易浙江省网友</span> <span class='t'>{second}</span><p>我们那里也是这样的情况。</p></div></div>")


def test_readers_replies_under_the_text_are_neither_its_date_nor_its_text():
    from test_extract_dates_e15 import NOW

    from monitor.extract import extract
    for info in ("", "文史漫谈 举报", "文档序号:1889937 发布日期:2021-11-26 浏览:25次 &gt;En&lt; 文史漫谈 举报"):
        html = city(info, crumb="网易首页 &gt; 网易号 &gt; 正文", text=TEXT + replies())
        assert day(html) == ("2021-11-26" if "发布日期" in info else None), info
        body = extract(html, None, now=NOW).body
        assert "村级驿站" in body and "支持一下" not in body and "跟贴" not in body, info
    assert day(city(crumb="", text=TEXT + replies()), "http://news.example.cn/2019/0610/1.html") == "2019-06-10"


def test_a_byline_writing_its_year_apart_from_the_month_and_day():
    for info in ("2021 01/26 08:52 · 来源 · 青岛晚报 · 责编 · 光影 阅读量", "2021 01/26 8:52",
                 "<span>2021</span> <span>01/26 08:52</span>"):
        assert day(city(info)) == "2021-01-26", info
        assert day(city(info), "http://news.example.cn/qingdao/2021/237318.html") == "2021-01-26", info
    # not a year and a fraction in a sentence, nor the form without its time
    assert day(city("阅读 2021 01/26")) is None
    assert day(city("2021 01/26 08:52 · 来源 · 本站"), "http://news.example.cn/2019/0610/1.html") == "2021-01-26"


def test_a_creation_time_a_page_state_gives_in_unix_milliseconds():
    for script in ('<script>var contentInfo = {"id": 12, "createTime": 1564885260000};</script>',
                   '<script>window.__DATA__={"article":{"create_time":"1564885260"}}</script>'):
        assert day(city(text=TEXT + script)) == "2019-08-04", script
        # the URL and the byline come first
        assert day(city(text=TEXT + script), "http://news.example.cn/2019/0610/1.html") == "2019-06-10"
        assert day(city("2019-06-10 10:21 来源：本站", text=TEXT + script)) == "2019-06-10"
    # a longer number is an id, not a time
    assert day(city(text=TEXT + '<script>var c = {"createTime": 15648852600001};</script>')) is None


def forum(info: str) -> str:
    return (f"<html><head><meta charset='utf-8'><title>{TITLE} - 论坛</title></head><body><div class='nav'>首页 | 论坛</div>"
            f"<h1>{TITLE}</h1><div class='pi'>{info}</div><div class='t_f'>{TEXT}</div>"
            "<div class='footer'>Powered by Discuz!</div></body></html>")


def test_a_forum_members_daily_mood_time_is_not_the_posts():
    from datetime import datetime, timezone

    from test_extract_dates_e15 import datekit

    from monitor.extract import extract
    fetched = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
    on = lambda html: datekit.day(extract(html, None, now=fetched, fetched_at=fetched))  # noqa: E731
    for mood in ("TA的每日心情 | 奋斗 昨天 10:07 | 签到天数: 2385 天 [LV.Master]伴坛终老",
                 "TA的每日心情 开心 2021-3-5 09:12 签到天数: 12 天"):
        assert on(forum(mood)) is None, mood
        assert on(forum(mood + " 发表于 2012-3-5 10:21 | 只看该作者")) == "2012-03-05", mood
    # a post's own relative time still dates it
    assert on(forum("发表于 昨天 10:07 | 只看该作者")) == "2026-12-03"


def test_keyword_tags_over_the_text_leave_the_byline_region_where_it_is():
    tags = "<p>學校</p><p>農村</p><p>教師</p>"
    foot = "<div class='ft'>网站更新：2026-12-04</div>"
    assert day(city(crumb="", text=tags + TEXT, foot=foot)) is None
    assert day(city(crumb="", text=tags + TEXT, foot=foot), "http://news.example.cn/2019/0610/1.html") == "2019-06-10"
    assert day(city("2019-06-10 10:21 来源：本站", crumb="", text=tags + TEXT, foot=foot)) == "2019-06-10"


def test_a_scripts_posting_time_days_after_a_reports_signature_is_the_pages():
    signed = TEXT + "<p>河海大学社会发展研究所</p><p>江苏南京 2020年2月20日</p>"
    script = "<script>var publishTime = \"{}\";</script>"
    assert day(city(crumb="", text=signed)) == "2020-02-20"
    assert day(city(crumb="", text=signed + script.format("2020-02-27 10:21:00"))) == "2020-02-27"
    # a script's time months after the signature, or before it, is not the posting
    assert day(city(crumb="", text=signed + script.format("2020-07-27 10:21:00"))) == "2020-02-20"
    assert day(city(crumb="", text=signed + script.format("2020-02-10 10:21:00"))) == "2020-02-20"
    # a byline under the headline still comes first
    assert day(city("2020-03-01 10:21 来源：本站", crumb="", text=signed + script.format("2020-02-27 10:21:00"))) == "2020-03-01"
