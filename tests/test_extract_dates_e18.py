"""Tests for dates on pages nobody here had tuned on (helper extract-18; see BENCHMARKS.md), each on
a page written here: a side column's latest comments with their times right above the headline (a
blog's `最新评论`), a footer's update time beside a desk's name (`本专题由网站编辑部制作 专题更新：…`), an
update time under the text that a byline field follows (`更新时间:… 作者:…`, an older CMS's posting
time), the dates of a list of teasers under the text (`…周末比赛前瞻...` with `2025-09-23` under it),
and a document's signature date a few days before the day its URL states.
"""

from __future__ import annotations

from test_extract_dates_e15 import day

TEXT = ("<p>柳溪村今年办起了村史馆，把老农具、老照片和村民捐出的旧书信陈列在祠堂的两侧厢房里。</p>"
        "<p>村里请县文化馆的老师帮忙整理说明文字，每件展品都写上了来历和捐赠人的名字。</p>"
        "<p>开馆那天来了不少外出打工回乡的年轻人，有人在一张合影里找到了自己的爷爷。</p>")
TITLE = "柳溪村办起村史馆"


def blog(side: str = "", foot: str = "", meta: str = "") -> str:
    return (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>"
            f"<div class='blogtitle'>青石巷的博客</div><div class='side'>{side}</div>"
            f"<div class='post'><h2>{TITLE}</h2><div class='meta'>{meta}</div><div class='body'>{TEXT}</div>"
            f"<div class='foot'>{foot} 阅读(86) 评论(2)</div></div></body></html>")


LATEST = ("<h3>随笔档案</h3><ul><li>2026年11月(3)</li><li>2026年10月(5)</li></ul>"
          "<h3>最新评论</h3><ul><li>1. Re:读书笔记 —— 网友 2026-12-03 20:11</li></ul>")


def test_a_side_columns_latest_comments_above_the_headline_are_no_date_of_the_page():
    assert day(blog(LATEST)) is None
    assert day(blog(LATEST), "https://blog.example.cn/2023/08/27/cunshiguan/") == "2023-08-27"
    assert day(blog(LATEST, foot="日期：2020-3-9")) == "2020-03-09"
    two = LATEST[: -len("</ul>")] + "<li>2. Re:柳溪 —— 小北 2026-12-02 09:15</li></ul>"
    assert day(blog(two, foot="日期：2020-3-9")) == "2020-03-09"
    # a post's own date header above its title stays its date
    assert day(blog(LATEST + "<div class='dayhead'>2023年5月9日</div>")) == "2023-05-09"
    assert day(blog(LATEST, meta="2023-05-09 14:20")) == "2023-05-09"


def page(under: str = "", foot: str = "", url_text: str = TEXT) -> str:
    return (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>"
            f"<div class='nav'>首页 | 专题 | 图片</div><h1>{TITLE}</h1><div class='content'>{url_text}</div>"
            f"<div class='footline'>{under}</div><div class='share'>分享到：微信 微博</div>"
            f"<div class='footer'>{foot}</div></body></html>")


def test_a_footers_update_time_beside_a_desks_name_is_no_date_of_the_page():
    assert day(page(foot="本专题由网站编辑部制作 专题更新：2026-12-04")) is None
    assert day(page(foot="本站编辑部维护 网站更新时间：2026-12-04")) is None
    assert day(page(foot="本专题由网站编辑部制作 专题更新：2026-12-04"),
               "http://www.example.cn/2011/08/12/cunshiguan/") == "2011-08-12"
    # an older CMS's byline under the text writes its posting time as its update time
    assert day(page(under="文章来源：本站原创 点击数：35 更新时间：2009-3-5")) == "2009-03-05"
    assert day(page(under="更新時間:2022-10-21 21:40:53作者:智慧百科")) == "2022-10-21"
    assert day(page(under="最后更新：2022-10-21 16:20")) is None


TEASERS = ("<p>体育播报9月23日宣 北京时间今天2点，法甲第5轮马赛对巴黎，此役双方首发已经公布...</p><p>2025-09-23</p>"
           "<p>体育播报9月22日宣 英超官方晒出年度评选的提名名单，九名球员入围...</p><p>2025-09-23</p>")


def test_the_dates_of_a_teaser_list_under_the_text_are_no_date_of_the_page():
    assert day(page(url_text=TEXT + TEASERS)) is None
    assert day(page(url_text=TEXT + TEASERS), "http://www.example.cn/news/2025/0802/153265.html") == "2025-08-02"
    # one date alone under the text, after a sentence, is the page's byline line
    assert day(page(url_text=TEXT + "<p>2025-08-02</p>")) == "2025-08-02"


SIGNED = ("<p>各乡镇人民政府，县直各部门：</p><p>现将《柳溪村史馆开放管理办法》印发给你们，请认真遵照执行。</p>"
          "<p>为保护和利用好村史资料，方便群众参观学习，结合本村实际，制定本办法。</p>"
          "<p>柳溪乡人民政府</p><p>2021年3月15日</p>")


def test_a_documents_signature_before_the_day_its_url_states():
    assert day(page(url_text=SIGNED), "http://www.example.gov.cn/2021-03/23/c_1211080104.htm") == "2021-03-23"
    assert day(page(url_text=SIGNED)) == "2021-03-15"
    # a URL day before the signature, or months after it, is no posting of this document
    assert day(page(url_text=SIGNED), "http://www.example.gov.cn/2021-03/10/c_1211080104.htm") == "2021-03-15"
    assert day(page(url_text=SIGNED), "http://www.example.gov.cn/2021-09/23/c_1211080104.htm") == "2021-03-15"


def test_a_numbered_line_up_after_a_label_is_no_date():
    lineup = "<p>体育播报9月23日宣 马赛对巴黎一役双方首发已经公布。马赛首发:1-鲁利、5-巴列尔... 2025-09-23</p>"
    assert day(page(url_text=TEXT + lineup)) is None
    # a label's own date stays read
    assert day(page(under="首发：2025-08-02 10:21")) == "2025-08-02"


def test_a_topics_launch_date_over_its_pages_is_no_date_of_the_page():
    banner = "<div class='zt'><h2>专题：乡村振兴看柳溪</h2><p>专题上线：2019年5月21日</p></div>"
    html = page().replace("<div class='nav'>", banner + "<div class='nav'>")
    assert day(html) is None
    assert day(html, "http://www.example.cn/2019/0610/5.html") == "2019-06-10"
    assert day(html.replace("<div class='footline'></div>", "<div class='footline'>发布日期：2019-06-10</div>")) == "2019-06-10"


def test_a_stated_utc_time_hours_after_the_fetch_is_shanghais_clock():
    from datetime import datetime, timezone

    from monitor.extract import extract

    fetched = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)  # 18:00 in Shanghai

    def when(head: str, fetched_at: datetime | None = fetched) -> str | None:
        html = (f"<html><head><meta charset='utf-8'><title>{TITLE}</title>{head}</head><body>"
                f"<h1>{TITLE}</h1><div class='content'>{TEXT}</div></body></html>")
        found = extract(html, None, now=fetched, fetched_at=fetched_at).published
        return found.isoformat() if found else None

    tag = '<meta property="article:published_time" content="2026-12-04T17:55:00{}">'
    assert when(tag.format("Z")) == "2026-12-04T09:55:00+00:00"
    assert when(tag.format("+00:00")) == "2026-12-04T09:55:00+00:00"
    ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-12-04T17:55:00Z"}</script>'
    assert when(ld) == "2026-12-04T09:55:00+00:00"
    # before the fetch, or stated in Shanghai's zone, or with no fetch time: read as written
    assert when('<meta property="article:published_time" content="2026-12-04T09:55:00Z">') == "2026-12-04T09:55:00+00:00"
    assert when(tag.format("+08:00").replace("17:55", "19:00")) == "2026-12-04T11:00:00+00:00"
    assert when(tag.format("Z"), None) == "2026-12-04T17:55:00+00:00"
    # a site's clock a few minutes ahead of the fetch
    assert when(tag.format("Z").replace("17:55", "10:05")) == "2026-12-04T10:05:00+00:00"


def test_a_bylines_date_and_time_in_tags_with_nothing_between():
    def info(byline: str) -> str:
        return (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body><div class='nav'>首页 | 新闻</div>"
                f"<h1>{TITLE}</h1><div class='info'>{byline}</div><div class='content'>{TEXT}</div></body></html>")

    assert day(info("发布时间：<em>2017-03-13</em><br><em>10:21</em>")) == "2017-03-13"
    assert day(info("<span>发布时间：</span><span>2017-03-13</span><span>10:21</span>")) == "2017-03-13"
    # late in the evening: the time is read with the day (23:40 on the 13th, not the 14th's midnight)
    assert day(info("<span>2017-03-13</span><span>23:40</span> 来源：本站")) == "2017-03-13"
    # a date run into a count (`2024-10-1810编辑`) is read as before
    assert day(info("<span>2024-10-18</span><span>10</span>编辑：王芳")) == "2024-10-18"
