"""Tests for dates read in other calendars, clocks and zones (monitor.extract.dates, dates_roc, dates_zone).

Each page below is written for one kind of page a real set dated wrongly or not at all (helper
dates-8's set of 88 pages; see BENCHMARKS.md): a header clock showing the day the page is read
when the headline is not found (the `<title>` names the site); the same clock in English; a
page-generation stamp in the footer; Taiwan's Republic of China dates (`114年01月13日`,
`民國113年5月18日`, `中華民國一百十二年…`, `發布日期：113-05-18`); an English byline with its time and
zone late in the evening in New York, which is the next day in Shanghai; a side column of
English dated links.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from monitor.extract import dates, extract

NOW = datetime(2024, 5, 20, 3, tzinfo=timezone.utc)  # 11:00 on Monday 20 May in Shanghai


def utc(*fields: int) -> datetime:
    """A UTC datetime, shorter to write."""
    return datetime(*fields, tzinfo=timezone.utc)


def page(top: str, article: str, title: str = "青溪县融媒体中心", side: str = "", foot: str = "") -> str:
    """A small portal page: header, article box, side column, footer."""
    return (f"<html><head><title>{title}</title></head><body><div class='top'>{top}</div>"
            "<ul class='menu'><li><a href='/'>首页</a></li><li><a href='/news/'>新闻</a></li></ul>"
            f"<div class='main'><div class='article'>{article}</div><div class='side'>{side}</div></div>"
            f"<div class='foot'>{foot}</div></body></html>")


ZH_TEXT = ("<p>青溪县今年春耕备耕工作进展顺利，全县已完成早稻育秧面积三万多亩，农技人员分片包村，"
           "逐户指导农户做好秧田管理和病虫害防治。</p><p>县农业农村局表示，将继续做好农资调运和技术服务，"
           "确保全年粮食播种面积稳定在二十万亩以上。</p>")
EN_TEXT = ("<p>The county finished planting its early rice this week, with farm advisers visiting every "
           "village to help households manage their seedbeds and keep pests away.</p><p>Officials said "
           "fertiliser deliveries would continue through the summer to keep the grain area stable.</p>")


@pytest.mark.parametrize(
    ("html", "url", "expected"),
    [
        # The header clock `2024年5月20日 星期一` is today's; the <title> names only the site, so the
        # byline region opens at the header. The URL's day is the article's.
        (page("青溪县融媒体中心 2024年5月20日 星期一", ZH_TEXT),
         "https://news.example.cn/2021/0318/123.html", utc(2021, 3, 17, 16)),
        # The same without a URL: nothing else dates it, so it stays undated rather than "today".
        (page("青溪县融媒体中心 2024年5月20日 星期一", ZH_TEXT), None, None),
        # The clock in English, before an English article.
        (page("Qingxi County News Monday, May 20, 2024", EN_TEXT, title="Qingxi County News"),
         "https://news.example.com/2021/03/18/rice.html", utc(2021, 3, 17, 16)),
        # A clock of yesterday (a cached page) is a clock too; a dated byline under it is the date.
        (page("青溪县融媒体中心 2024年5月19日（星期日）", "<div>来源：县农业农村局 2021-03-18</div>" + ZH_TEXT),
         None, utc(2021, 3, 17, 16)),
        # The footer's `页面生成时间` is when the server rendered the page, not the article's time.
        (page("青溪县融媒体中心", ZH_TEXT, foot="版权所有 青溪县 页面生成时间:2024-05-20 10:21:33"), None, None),
    ],
)
def test_page_clock_is_not_the_article_date(html: str, url: str | None, expected: datetime | None) -> None:
    assert extract(html, url, now=NOW).published == expected


def test_an_old_weekday_date_is_still_a_date() -> None:
    """An e-paper's `2010年01月27日 星期三` is the paper's day: only a clock showing today is dropped."""
    html = page("青溪日报 2010年01月27日 星期三 第A02版", ZH_TEXT)
    assert extract(html, None, now=NOW).published == utc(2010, 1, 26, 16)


def test_english_dated_side_list_is_a_list() -> None:
    """Three `Nov 20, 2023` links in a side column are a list, not the byline of an undated article."""
    side = "".join(f"<li><a href='/n/{i}'>Briefing {i}</a> <span>Nov {20 - i}, 2023</span></li>" for i in range(5))
    html = page("Qingxi County News", EN_TEXT, title="Qingxi County News", side=f"<ul>{side}</ul>")
    assert extract(html, None, now=NOW).published is None


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        # Taiwan's presidential office: the date alone above the headline, in the ROC calendar.
        ("<div>113年01月13日</div><h1>總統接見防災楷模</h1>" + ZH_TEXT, utc(2024, 1, 12, 16)),
        # A byline with the era's name and a time.
        ("<h1>總統接見防災楷模</h1><div>發布時間：民國113年5月18日 14:30</div>" + ZH_TEXT, utc(2024, 5, 18, 6, 30)),
        # Numeric, after a publication label.
        ("<h1>總統接見防災楷模</h1><div>發布日期：113-05-18</div>" + ZH_TEXT, utc(2024, 5, 17, 16)),
        ("<h1>總統接見防災楷模</h1><div>發布日期：098-05-18</div>" + ZH_TEXT, utc(2009, 5, 17, 16)),
        # Numeric with slashes and a time, the byline line the body kept as its first.
        ("<h1>總統接見防災楷模</h1><div>113/05/18 09:05 記者林小明</div>" + ZH_TEXT, utc(2024, 5, 18, 1, 5)),
        # A law's history: the era in Chinese numerals opening the text.
        ("<h1>法規沿革</h1><p>1.中華民國一百十二年十二月二十一日內政部令訂定發布全文十條，並自發布日施行。</p>",
         utc(2023, 12, 20, 16)),
    ],
)
def test_republic_of_china_dates(article: str, expected: datetime) -> None:
    html = page("臺灣某機關網站", article, title="總統接見防災楷模")
    assert extract(html, None, now=NOW).published == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("113年01月13日", utc(2024, 1, 12, 16)),
        ("114年01月13日", None),  # 2025: after `now`
        ("民國99年1月2日", utc(2010, 1, 1, 16)),
        ("中華民國一百零五年三月一日", utc(2016, 2, 29, 16)),
        ("05年4月27日 14:32", utc(2005, 4, 27, 6, 32)),  # two digits without the era: still 2005
        ("2014年5月18日", utc(2014, 5, 17, 16)),  # a Gregorian year holds `014年`: not read as ROC 114
        ("第115年", None),
        ("098年05月18日", utc(2009, 5, 17, 16)),  # the year zero-padded to three digits
    ],
)
def test_roc_forms_in_text(text: str, expected: datetime | None) -> None:
    assert dates.parse_date(text, NOW) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 10:42 PM in New York (EST) on 5 March is 11:42 on 6 March in Shanghai.
        ("By Jane Roe March 5, 2024 10:42 PM EST", utc(2024, 3, 6, 3, 42)),
        # Daylight time: `ET` in July is UTC-4.
        ("Updated July 9, 2023 at 9:05 p.m. ET", utc(2023, 7, 10, 1, 5)),
        # Time and zone before the date, a weekday between.
        ("Published 11:47 PM ET, Tue March 5, 2024", utc(2024, 3, 6, 4, 47)),
        # The next block glued to the zone, as raw page text joins blocks.
        ("May 17, 2009 10:42 PM EDTMaritime Silk Road", utc(2009, 5, 18, 2, 42)),
        # Day first, with GMT.
        ("5 March 2024 22:15 GMT", utc(2024, 3, 5, 22, 15)),
        # A time without a zone: the day as written, as before.
        ("March 5, 2024 10:42 PM", utc(2024, 3, 4, 16)),
        # `CST` is also China Standard Time: no zone read, the day as written.
        ("March 5, 2024 10:42 PM CST", utc(2024, 3, 4, 16)),
    ],
)
def test_english_date_with_time_and_zone(text: str, expected: datetime) -> None:
    assert dates.parse_date(text, NOW) == expected


def test_english_byline_zone_moves_the_shanghai_day() -> None:
    """A page whose only date is an evening byline in New York: stored as that instant."""
    html = page("Qingxi County News", "<h1>Rice planting done</h1><div>By Jane Roe | March 5, 2024 10:42 PM EST</div>"
                + EN_TEXT, title="Rice planting done")
    found = extract(html, None, now=NOW).published
    assert found == utc(2024, 3, 6, 3, 42)
    assert found is not None and found.astimezone(dates.SHANGHAI).day == 6


def test_labelled_byline_far_above_the_body() -> None:
    """A byline under the headline, then a share box of 400 column links (more than 3,000
    characters) before the text: the byline's date, not the URL's (a reprint filed a day later)."""
    links = "".join(f"<a href='/col/{i}/'>栏目导航第{i}项</a> " for i in range(400))
    html = ("<html><head><title>青溪县春耕备耕进展顺利_青溪县融媒体中心</title></head><body>"
            "<div class='head'><h1>青溪县春耕备耕进展顺利</h1><div>发布时间：2021-03-18 09:30 来源：县委宣传部</div></div>"
            f"<div class='share'>{links}</div><div class='content'>{ZH_TEXT}</div></body></html>")
    assert extract(html, "https://news.example.cn/c/2021/0319/77.html", now=NOW).published == utc(2021, 3, 18, 1, 30)
