"""Tests for where extraction finds publication dates (monitor.extract.dates and .published).

Each fixture page in tests/fixtures/extract/ named `*_date_*` is written for one kind of page
whose date was read from the wrong place, or not at all: a government portal typing full-width
digits, an old table layout with two-digit years, a WeChat mirror whose date only a script
holds, a portal rendering from JSON page state, a `最新发布` list heading taken for a label, a
document dated only by its Chinese-numeral signature line, a header clock, an English page
whose <time> elements show the update before the publication, an English wire dateline without
a year, an element marked `itemprop=datePublished` showing only "3 hours ago", and English pages
without meta: a date above the headline, a byline date followed by a long dated caption, a label
glued to the next block's text; an old CMS byline whose update time comes before its entry time;
ambiguous numeric dates (`7/5/2019`) on a British page and on one whose other dates show the day
first; relative byline times (`3小时前`) beside a dated hot list; an old page's `05年4月27日` byline
and a `/050427/` URL; a labelled date line the body kept as its first line
(`发表日期:2021-03-09 点击`, `13.03.2021  11:12`) beside a URL of another day; a labelled two-digit-year date after its
colon (`发布时间:19-04-02`); WeChat's `var create_time = "…" * 1` and a JSON `"ptime"`.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from monitor.extract import dates, extract, extract_bytes, yearless

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
NOW = datetime(2024, 5, 20, 3, tzinfo=timezone.utc)


def utc(*fields: int) -> datetime:
    """A UTC datetime, shorter to write."""
    return datetime(*fields, tzinfo=timezone.utc)


def published(name: str, url: str = "https://news.example.cn/a/b.html") -> datetime | None:
    """The publication time extracted from one fixture page."""
    return extract_bytes((FIXTURES / name).read_bytes(), url, now=NOW).published


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # `发布日期：２０１８－０３－０８　１０：２３` in full-width digits; a dated "latest" list beside it.
        ("zh_date_fullwidth.html", utc(2018, 3, 8, 2, 23)),
        # `更新时间：18-03-08 10:23` on a GB2312 table layout whose side list prints `[18-03-06]`.
        ("zh_date_short_year.html", utc(2018, 3, 8, 2, 23)),
        # The visible slot is empty; the mirror kept WeChat's `var ct = "…"` (Unix seconds).
        ("zh_date_wechat.html", utc(2018, 3, 8, 2, 43)),
        # The byline says `昨天 10:23`; the page's JSON state has `"publishTime"`.
        ("zh_date_script_state.html", utc(2018, 3, 8, 2, 23)),
        # `新华社福州3月8日电`, its year from the page; a side list headed `最新发布` is no label.
        ("zh_date_list_heading.html", utc(2018, 3, 7, 16)),
        # A notice dated by its signature line `二〇一八年三月八日`, a dated list before it.
        ("zh_date_document.html", utc(2018, 3, 7, 16)),
        # Only the header clock `2024年5月20日 星期一` has a date: it is not the article's.
        ("zh_date_header_clock.html", None),
        # `Updated <time …>` comes before `Published <time …>`; the texts have no year. The lead opens
        # with `A`: probed by that word alone, it was found in the headline, so the byline region
        # was read from the side list after the body.
        ("en_date_updated_first.html", utc(2018, 3, 8, 14, 15)),
        # `SANMING, Fujian, March 8 (Xinhua) --`: the year from the page's other dates.
        ("en_date_wire.html", utc(2018, 3, 7, 16)),
        # `itemprop="datePublished" content=…` shown as "3 hours ago"; a most-read list with dates.
        ("en_date_marked.html", utc(2018, 3, 8, 10, 23)),
        # No meta: `Tuesday 6 March 2018 9:22 am` above the headline is the only date near the body
        # (a dated "More from" list follows it).
        ("en_date_above_headline.html", utc(2018, 3, 5, 16)),
        # `Published Tue, Mar 6 2018` under the headline, then key points and a long photo caption
        # dated `Nov. 15, 2017`: a long byline region is read from its start, not only its end.
        # The byline states its zone (`9:30 AM EST`): the instant, not only the day.
        ("en_date_long_dek.html", utc(2018, 3, 6, 14, 30)),
        # `Publish date:Mar 6, 2018` glued to the next block's text (`2018Copper`).
        ("en_date_glued_label.html", utc(2018, 3, 5, 16)),
        # An old CMS byline: `更新时间：2006-03-01 10:00:00` before `录入时间：2005-07-05 09:20:11` (entered).
        ("zh_date_entry_label.html", utc(2005, 7, 5, 1, 20, 11)),
        # A blog engine's English date format under a Chinese locale: `三月 8th, 2018` under the
        # headline; comments `三月 9th, 2018 at …` after the body (found on a real blog page).
        ("zh_date_han_month_name.html", utc(2018, 3, 7, 16)),
        # A byline that names its zone before the time (`2012年12月10日, 格林尼治标准时间17:41`, as BBC
        # 中文 writes it) was read as a Shanghai midnight: now the time and the zone count.
        ("zh_date_gmt_byline.html", utc(2012, 12, 10, 17, 41)),
        # The <title> names only the site, so the byline region opened at the site's name in the
        # header, and its first date was the header clock's `2026年11月20日 星期五`: the page was
        # dated the day it was fetched. A clock's date is passed over when another date follows it.
        ("zh_date_site_title_clock.html", utc(2009, 3, 4, 16)),
        # A topic menu of 300 links between the byline (`发布日期：2009-03-05`) and the text put the
        # byline out of reach, and the nearest date was the `上一篇：… 2009-03-01` link under the
        # body: the previous article's date. Dates of previous/next links are a list's now.
        ("zh_date_prev_next.html", utc(2009, 3, 4, 16)),
    ],
)
def test_date_from_the_right_place(name: str, expected: datetime | None) -> None:
    assert published(name) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1520476980", utc(2018, 3, 8, 2, 43)),  # Unix seconds
        ("1520476980000", utc(2018, 3, 8, 2, 43)),  # milliseconds
        ("20180308", utc(2018, 3, 7, 16)),
        ("20180308102311", utc(2018, 3, 8, 2, 23, 11)),
        ("2018-03-08T10:23:00+08:00", utc(2018, 3, 8, 2, 23)),
        ("9999999999", None),  # in the future
        ("123456", None),
        ("", None),
    ],
)
def test_meta_values_may_be_bare_stamps(value: str, expected: datetime | None) -> None:
    assert dates.parse_value(value, NOW) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("２０１８年３月８日", utc(2018, 3, 7, 16)),
        ("发布时间：２０１８－０３－０８　１０：２３", utc(2018, 3, 8, 2, 23)),
        ("Posted 3/8/2018", utc(2018, 3, 7, 16)),  # American: month first
        ("18/03/2018", utc(2018, 3, 17, 16)),  # 18 cannot be a month
        ("Updated 10:23, 08-Mar-2018", utc(2018, 3, 7, 16)),
        ("Thu 8 Mar 2018 10.23 GMT", utc(2018, 3, 8, 10, 23)),  # a zone: the instant
        # Raw page text glues blocks: a word before the month, a time after the year.
        ("Business NewsNovember 19, 2019 / 12:21 AM", utc(2019, 11, 18, 16)),
        ("Published Wed, Nov 20 20194:29 AM EST", utc(2019, 11, 20, 9, 29)),
        ("Columnists21:17 18.11.2019", utc(2019, 11, 17, 16)),  # day first with dots
        ("build 3.1.2.2019", None),  # part of a longer dotted number: no date
        ("Ideas11.14.2019 09:00 AM", utc(2019, 11, 13, 16)),  # dotted, month first: 14 cannot be a month
        ("十一月 6th, 2009", utc(2009, 11, 5, 16)),  # an English format with Chinese month names
        ("6 十二月 2009", utc(2009, 12, 5, 16)),
        ("十三月 5, 2009", None),  # no month: `三月` is part of a longer numeral
    ],
)
def test_more_written_forms(text: str, expected: datetime) -> None:
    assert dates.parse_date(text, NOW) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2012年12月10日, 格林尼治标准时间17:41", utc(2012, 12, 10, 17, 41)),  # the zone before the time
        ("2019-05-06 23:15 GMT", utc(2019, 5, 6, 23, 15)),
        ("2019-05-06 10:15:00 UTC", utc(2019, 5, 6, 10, 15)),
        ("2019年5月6日 10:15 (UTC+8)", utc(2019, 5, 6, 2, 15)),
        ("2019-05-06 10:15 GMT-4", utc(2019, 5, 6, 14, 15)),
        ("2019-05-06 10:15", utc(2019, 5, 6, 2, 15)),  # no zone: Shanghai
        ("2019年5月6日 格林尼治时间9月25日", utc(2019, 5, 5, 16)),  # a zone word and no time: midnight
    ],
)
def test_a_zone_named_after_the_date(text: str, expected: datetime) -> None:
    assert dates.parse_date(text, NOW) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("更新时间：18-03-08 10:23", utc(2018, 3, 8, 2, 23)),
        ("[98.12.01]", utc(1998, 11, 30, 16)),
        ("10:23:18-03-08", None),  # part of a time, not a date
        ("03/08/18", None),  # a slash is the American order: not read as year first
        ("18-13-08", None),
    ],
)
def test_two_digit_years_in_a_byline(text: str, expected: datetime | None) -> None:
    assert dates.short_year_date(text, NOW) == expected


def test_english_dateline_takes_the_year_from_context() -> None:
    lead = "BEIJING, March 8 (Xinhua) -- China will expand cooperation between cities in the east and west."
    assert yearless.dateline_date(lead, NOW, 2018) == utc(2018, 3, 7, 16)
    assert yearless.dateline_date(lead, NOW) == utc(2024, 3, 7, 16)
    assert yearless.dateline_date("SHANGHAI, Dec. 30 (Reuters) - Shares rose.", NOW) == utc(2023, 12, 29, 16)
    assert yearless.dateline_date("In March 8 cities joined the scheme.", NOW) is None


def test_a_clock_is_passed_over_only_before_another_date() -> None:
    region = "青溪县人民政府网 2024年3月30日 星期六 首页 | 政务公开 县里部署春耕 2009-03-05 来源：县农业局"
    assert dates.parse_date(dates.without_clock(region), NOW) == utc(2009, 3, 4, 16)
    assert dates.without_clock("人民日报 2010年01月27日 星期三 第A03版") == "人民日报 2010年01月27日 星期三 第A03版"


def test_a_list_heading_with_a_label_word_is_not_a_label() -> None:
    assert dates.labelled_date("最新发布三明召开全市招商大会2018-03-09", NOW) is None
    assert dates.labelled_date("信息发布：2018-03-09", NOW) == utc(2018, 3, 8, 16)
    assert dates.labelled_date("Published 10:23 AM EST, March 8, 2018", NOW) == utc(2018, 3, 8, 15, 23)
    assert dates.labelled_date("发布日期：二〇一八年三月八日", NOW) == utc(2018, 3, 7, 16)


def _page(head: str, byline: str = "") -> str:
    """A small article page with `head` in its <head> and `byline` under the headline."""
    return (f"<html><head><title>沪明合作再结硕果</title>{head}</head><body><h1>沪明合作再结硕果</h1>{byline}"
            "<div class='c'><p>三明与上海的合作项目陆续投产，带动当地就业，两地还将共建一批产业园区。</p>"
            "<p>两地将继续深化产业、文旅和人才等方面的合作，推动更多项目落地见效。</p></div></body></html>")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("<meta property='weibo: article:create_at' content='2018-03-08 10:23:00'>", utc(2018, 3, 8, 2, 23)),
        ("<meta name='publishdate' content='1520476980'>", utc(2018, 3, 8, 2, 43)),
        ("<meta name='pubtime' content='20180308102300'>", utc(2018, 3, 8, 2, 23)),
        # A WebPage listed before the NewsArticle in one @graph: the article's date.
        ('<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2018-03-01"},'
         '{"@type":"NewsArticle","datePublished":"2018-03-08T10:23:00+08:00"}]}</script>', utc(2018, 3, 8, 2, 23)),
        # Only a WebPage: its date still counts.
        ('<script type="application/ld+json">{"@type":"WebPage","datePublished":"2018-03-01"}</script>',
         utc(2018, 2, 28, 16)),
    ],
)
def test_head_stated_dates(head: str, expected: datetime) -> None:
    assert extract(_page(head), now=NOW).published == expected


def test_hatom_published_abbr() -> None:
    byline = "<div class='entry-meta'><abbr class='published' title='2018-03-08T10:23:00+08:00'>3月8日</abbr></div>"
    assert extract(_page("", byline), now=NOW).published == utc(2018, 3, 8, 2, 23)


def test_nearest_date_reads_english_forms_only_when_asked() -> None:
    text = "Markets Tuesday 6 March 2018 Tea growers try live streams Farmers in a hill county"
    at = text.find("Farmers")
    assert dates.nearest_date(text, at, NOW) is None
    assert dates.nearest_date(text, at, NOW, western=True) == utc(2018, 3, 5, 16)


def _en_page(byline: str, lang: str = "") -> str:
    """A small English article page with `byline` under the headline and `lang` on <html>."""
    return (f"<html{lang}><head><title>Ferry timetable changes</title></head><body><h1>Ferry timetable changes</h1>"
            f"<div class='meta'>{byline}</div><div class='story'><p>The harbour ferry will run every twenty "
            "minutes from June, the operator said, after passenger numbers rose again.</p><p>The last boat "
            "will leave the quay at eleven on Fridays and Saturdays.</p></div></body></html>")


def test_an_ambiguous_numeric_date_is_read_in_the_order_the_page_writes() -> None:
    # <html lang="en-GB">: `7/5/2019` is 7 May (the side list's `2/5/2019` is no help).
    assert published("en_date_day_first.html") == utc(2019, 5, 7, 2, 23)
    american = (FIXTURES / "en_date_day_first.html").read_text(encoding="utf-8").replace("en-GB", "en-US")
    assert extract(american, "https://news.example.com/a/b.html", now=NOW).published == utc(2019, 7, 5, 2, 23)
    # No locale: the page's other dates (`23/06/2019`) show it writes the day first.
    assert published("en_date_order_on_page.html") == utc(2019, 7, 4, 16)
    # No locale, no other date: the URL's date path, then the country's domain, decide.
    page = _en_page("Posted 7/5/2019")
    assert extract(page, "https://news.example.com/2019/05/07/ferry.html", now=NOW).published == utc(2019, 5, 6, 16)
    assert extract(page, "https://www.example.co.uk/news/ferry.html", now=NOW).published == utc(2019, 5, 6, 16)
    assert extract(page, "https://www.example.com/news/ferry.html", now=NOW).published == utc(2019, 7, 4, 16)
    assert extract(_en_page("Posted 7/5/2019", ' lang="fr"'), now=NOW).published == utc(2019, 5, 6, 16)
    # Dashes too, in the page's order.
    assert extract(_en_page("Posted 07-05-2019", ' lang="en-AU"'), now=NOW).published == utc(2019, 5, 6, 16)
    # A Chinese page's `7/5/2005 9:23:57 PM` is an American server's month-first stamp.
    zh = _page("", "<div>发布日期：7/5/2005 9:23:57 PM</div>")
    assert extract(zh, now=NOW).published == utc(2005, 7, 5, 13, 23, 57)


FETCHED = utc(2024, 5, 20, 3)  # 11:00 in Shanghai


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("<span>3小时前</span>", utc(2024, 5, 20, 0)),
        ("<span>25分钟前</span> 来源：本网", utc(2024, 5, 20, 2, 35)),
        ("<span>刚刚</span>", FETCHED),
        ("<span>昨天 10:20</span>", utc(2024, 5, 19, 2, 20)),
        ("<span>前天 08:05</span>", utc(2024, 5, 18, 0, 5)),
        ("<span>2天前</span>", utc(2024, 5, 18, 3)),
        ("<span>2 hours ago</span>", utc(2024, 5, 20, 1)),
        ("<span>Posted an hour ago</span>", utc(2024, 5, 20, 2)),
        ("<span>Yesterday at 10:20 PM</span>", utc(2024, 5, 19, 14, 20)),
    ],
)
def test_relative_byline_times_count_from_the_fetch_time(byline: str, expected: datetime) -> None:
    assert extract(_page("", byline), now=FETCHED, fetched_at=FETCHED).published == expected


def test_a_relative_byline_time_without_a_fetch_time_is_left_empty_not_guessed() -> None:
    # The byline says `3小时前`; the hot list beside the article has full dates, none of them its.
    page = (FIXTURES / "zh_date_relative.html").read_bytes()
    url = "https://news.example.cn/a/b.html"
    assert extract_bytes(page, url, now=NOW, fetched_at=FETCHED).published == utc(2024, 5, 20, 0)
    assert extract_bytes(page, url, now=NOW).published is None


def test_older_chinese_pages_with_two_digit_years() -> None:
    # `05年4月27日 14:32` under the headline of an old table layout.
    assert published("zh_date_short_year_han.html") == utc(2005, 4, 27, 6, 32)
    # No date on the page at all; the URL's `/050427/` path is year, month and day in two digits each.
    assert published("zh_date_url_short.html", "http://ent.example.cn/050427/347/26pbv.html") == utc(2005, 4, 26, 16)
    assert published("zh_date_url_short.html", "http://ent.example.cn/news/123456/7.html") is None


def test_an_english_byline_time_without_a_year_takes_the_page_s_year() -> None:
    # `Posted Nov 19, 6:51 AM` under the headline; the only full date on the page is 2019's.
    page = _en_page("Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM").replace(
        "</body>", "<div class='foot'>Archive: November 2, 2019</div></body>")
    assert extract(page, now=NOW).published == utc(2019, 11, 18, 22, 55)


BELOW_BODY = "【日期:2009-3-5】"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Older portals print the byline under the body, in forms the labels do not cover; the
        # side column's dated "latest" list sits nearer the body's start than that line.
        (BELOW_BODY, utc(2009, 3, 4, 16)),
        ("作者：县交通局 李明　　2009-03-05", utc(2009, 3, 4, 16)),
        ("时间：2009-3-5 来源：本站 点击：35", utc(2009, 3, 4, 16)),
        ("二○○九年三月五日", utc(2009, 3, 4, 16)),
        ("文章来源：本站原创 点击数：35 更新时间：2009-3-5", utc(2009, 3, 4, 16)),
        ("录入：admin 添加时间：2009-3-5 9:07:12", utc(2009, 3, 5, 1, 7, 12)),
    ],
)
def test_byline_under_the_body_beats_a_side_list(line: str, expected: datetime) -> None:
    page = (FIXTURES / "zh_date_below_body.html").read_bytes().decode("gb18030").replace(BELOW_BODY, line)
    url = "https://www.example.gov.cn/xwzx/show.asp?id=88"
    assert extract(page, url, now=NOW).published == expected


@pytest.mark.parametrize(
    "tail",
    [
        "相关文章：县里召开冬季防火工作会议 2010-06-02",  # a related list's item
        "本站更新于 2010-06-02",  # the site's clock
        "2010年6月2日，县里又召开了冬季防火工作会议。",  # text the body missed, not a byline
    ],
)
def test_not_every_date_under_the_body_is_its_byline(tail: str) -> None:
    assert dates.tail_date(tail, NOW) is None
    assert dates.tail_date("【日期:2010-06-02】【打印本页】", NOW) == utc(2010, 6, 1, 16)


def test_a_byline_line_with_the_dated_headline_in_front() -> None:
    # All lines of an old page in one cell: the headline `《乡村访谈》2009年3月1日` (a programme's air
    # date) opens the byline line lifted out of the body; the timed date after it is the page's.
    assert published("zh_date_headline_dated.html") == utc(2009, 3, 5, 2, 4)


def test_a_two_digit_year_byline_under_the_body() -> None:
    page = (FIXTURES / "zh_date_below_body.html").read_bytes().decode("gb18030")
    page = page.replace(BELOW_BODY, "09-03-05 10:23 来源：本站")
    found = extract(page, "https://www.example.gov.cn/xwzx/show.asp?id=88", now=NOW).published
    assert found == utc(2009, 3, 5, 2, 23)


SIDE_LIST = "zh_date_side_list.html"


def test_a_side_columns_dated_list_is_not_the_articles_date() -> None:
    # The <title> names only the site, so the headline anchors nothing; a column of dated links
    # ends right before the body. Its dates are not the article's: the URL's is.
    assert published(SIDE_LIST, "https://www.example.gov.cn/xwzx/2009/0305/88.htm") == utc(2009, 3, 4, 16)
    # Without a URL date the page has none of its own: no date beats a listed one.
    assert published(SIDE_LIST, "https://www.example.gov.cn/xwzx/show.asp?id=88") is None


def test_a_timed_byline_beside_a_side_list_still_counts() -> None:
    page = (FIXTURES / SIDE_LIST).read_bytes().decode("gb18030")
    page = page.replace('<div class="zw">', '<div>2009/3/5 16:43:13 次浏览</div><div class="zw">')
    assert extract(page, "https://www.example.gov.cn/xwzx/show.asp?id=88", now=NOW).published == utc(2009, 3, 5, 8, 43, 13)


def test_a_dated_list_is_skipped_by_the_nearest_date() -> None:
    text = "最新信息 县里召开会议 2009-04-12 植树护绿 2009-04-08 森林防火 2009-04-03 正文开始"
    assert dates.nearest_date(text, len(text) - 4, NOW) is None
    assert dates.nearest_date(text, len(text) - 4, NOW, lists=True) == utc(2009, 4, 2, 16)
    assert dates.nearest_date("发文日期：2009-04-12 成文日期：2009-04-08 发布日期：2009-04-03 正文", 60, NOW) is not None


def test_a_side_list_between_a_banner_headline_and_the_body() -> None:
    # The headline sits in a banner row across the page, the column of dated links below it and
    # the article's cell beside the column: the byline region runs through the list.
    page = (FIXTURES / SIDE_LIST).read_bytes().decode("gb18030")
    headline = "山区乡镇通村公路建设提速"
    page = page.replace("<title>某某县人民政府网站</title>", f"<title>{headline}</title>")
    page = page.replace('<table width="980" align="center"><tr>\n<td width="230"',
                        f'<table width="980" align="center"><tr><td colspan="2"><b>{headline}</b></td></tr><tr>\n<td width="230"')
    assert headline in page
    found = extract(page, "https://www.example.gov.cn/xwzx/2009/0305/88.htm", now=NOW).published
    assert found == utc(2009, 3, 4, 16)


def _undated_page(head: str) -> str:
    body = "".join(f"<p>三明市与上海市第{i}次对口合作联席会议在沙县召开，双方回顾了园区共建、文旅推介和医疗帮扶等方面的进展，"
                   f"并商定了下一阶段的重点项目清单。</p>" for i in range(6))
    return f"<html><head><title>沪明联席会议召开</title>{head}</head><body><h1>沪明联席会议召开</h1>{body}</body></html>"


@pytest.mark.parametrize("head", [
    '<link rel="canonical" href="http://www.example.cn/news/2009-03/05/content_1234.htm">',
    '<meta property="og:url" content="https://news.example.cn/sm/t20090305_77.html">',
])
def test_a_page_given_without_its_url_is_dated_by_the_address_it_states(head):
    assert extract(_undated_page(head)).published == utc(2009, 3, 4, 16)  # 5 March, midnight in Shanghai
    assert extract(_undated_page(head), "http://mirror.example.org/a.html").published is None  # given: it wins
    assert extract(_undated_page("")).published is None


OPENING_LABEL = "zh_date_opening_label.html"


def test_a_labelled_date_opening_the_body_beats_the_url() -> None:
    # An old table page's lines share one cell; the date line `发表日期:2021-03-09 点击` has no
    # time, so it stays the body's first line instead of being lifted as a byline. The URL
    # (a reprint's path, a day the page was copied) is not the article's date: the label is.
    url = "http://www.example.cn/a/sh/20220110/1426.html"
    assert published(OPENING_LABEL, url) == utc(2021, 3, 8, 16)
    assert published(OPENING_LABEL, "http://www.example.cn/a/sh/1426.html") == utc(2021, 3, 8, 16)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # The same kept line without a label: a date and its time (day first with dots: the day).
        ("13.03.2021  11:12", utc(2021, 3, 12, 16)),
        ("2021年03月09日 10:05", utc(2021, 3, 9, 2, 5)),
        # A first line that opens a sentence with a date is text: the URL's date stands.
        ("2021年3月1日，县里召开校车安全工作会议", utc(2022, 1, 9, 16)),
        ("2021年3月1日 县里召开校车安全工作会议", utc(2022, 1, 9, 16)),
    ],
)
def test_a_date_line_opening_the_body(line: str, expected: datetime) -> None:
    page = (FIXTURES / OPENING_LABEL).read_text(encoding="utf-8").replace("发表日期:2021-03-09 点击", line)
    assert extract(page, "http://www.example.cn/a/sh/20220110/1426.html", now=NOW).published == expected


def test_a_label_opening_a_later_sentence_is_no_byline() -> None:
    page = (FIXTURES / OPENING_LABEL).read_text(encoding="utf-8").replace("发表日期:2021-03-09 点击<br>", "")
    page = page.replace("这批校车", "发布时间:2019-01-01 起，这批校车")
    assert extract(page, "http://www.example.cn/a/sh/20220110/1426.html", now=NOW).published == utc(2022, 1, 9, 16)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("<div>发布时间:19-04-02 10:25 来源:本站</div>", utc(2019, 4, 2, 2, 25)),
        ("<div>发布日期：19-04-02</div>", utc(2019, 4, 1, 16)),
    ],
)
def test_a_labelled_two_digit_year_date(byline: str, expected: datetime) -> None:
    assert extract(_page("", byline), now=NOW).published == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # WeChat's article page writes its time as a string multiplied into a number.
        ('<script>var create_time = "1520476980" * 1;</script>', utc(2018, 3, 8, 2, 43)),
        ("<script>var createTime = '2018-03-08 10:23';</script>", utc(2018, 3, 8, 2, 23)),
        # A portal's page state (NetEase-style `ptime`).
        ('<script>window.DATA = {"ptime":"2018-03-08 10:23:00","source":"x"};</script>', utc(2018, 3, 8, 2, 23)),
        # `uptime` is no `ptime`.
        ('<script>var s = {"uptime":"2018-03-08 10:23:00"};</script>', None),
    ],
)
def test_script_stated_times(script: str, expected: datetime | None) -> None:
    assert extract(_page(script), now=NOW).published == expected
