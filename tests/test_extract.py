"""Tests for the extraction stage: monitor.extract (with its dates module) and monitor.decode.

Fixtures in tests/fixtures/extract/ are small pages written for these tests: a government CMS
page, a nav-heavy portal page, a split body, a traditional-script page with inline pinyin and a
yearless dateline, an English page, GBK bytes that claim UTF-8, and a Big5(-HKSCS) page.
"""

from __future__ import annotations

import ast
import os
import random
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from monitor import decode as decode_module
from monitor.decode import decode_html
from monitor.errors import ExtractError
from monitor.extract import dates, extract, extract_bytes, yearless
from monitor.extract.meta import strip_site_suffix
from monitor.markup import cap_attributes, flatten_nesting
from monitor.models import Article, ExtractRules

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)


def utc(*fields: int) -> datetime:
    """A UTC datetime, shorter to write."""
    return datetime(*fields, tzinfo=timezone.utc)


def page(name: str, url: str | None = "https://example.cn/news/a.html", now: datetime = NOW,
         rules: ExtractRules | None = None) -> Article:
    """Extract one fixture through the bytes entry point, as the CLI does."""
    return extract_bytes((FIXTURES / name).read_bytes(), url, rules, now=now)


# -- whole pages -----------------------------------------------------------------------------


def test_government_cms_page_uses_meta_tags_and_drops_chrome() -> None:
    article = page("zh_cms.html")
    assert article.title == "三明市与上海市闵行区签署文旅合作协议"
    assert article.published == utc(2023, 11, 8, 2, 23)  # 10:23 in Shanghai
    assert (article.source_name, article.author, article.editor) == ("三明日报", "林晓", "陈敏")
    assert article.lang == "zh"
    assert len(article.paragraphs) == 4
    assert article.paragraphs[0].startswith("11月7日，三明市与上海市闵行区")
    body = article.body
    for chrome in ("政务公开", "当前位置", "分享到", "打印本页", "相关新闻", "沪明两地召开", "版权所有",
                   "责任编辑", "统计代码", "发布时间"):
        assert chrome not in body


def test_nav_heavy_portal_page_keeps_only_the_article() -> None:
    article = page("zh_nav_heavy.html")
    assert article.title == "华东师大附属三明中学迎来首批新生"
    assert article.published == utc(2023, 9, 1, 0, 30)
    assert (article.source_name, article.author) == ("东南网", "郑立")
    assert len(article.paragraphs) == 4
    body = article.body
    for chrome in ("首页", "教育频道", "网友评论", "用户8812", "热点排行", "福州地铁", "广告", "Copyright",
                   "上一篇", "关于我们"):
        assert chrome not in body


def test_article_split_across_containers_is_joined_without_the_ad_between() -> None:
    article = page("zh_split_body.html")
    assert article.title == "沙县小吃在上海开出第三百家门店"
    assert article.published == utc(2024, 3, 15, 6, 5)
    assert article.source_name == "三明新闻网"
    assert len(article.paragraphs) == 4
    assert article.paragraphs[0].startswith("3月14日，位于上海浦东新区")
    assert article.paragraphs[-1].startswith("业内人士认为")
    assert "客户端" not in article.body and "标签" not in article.body


def test_traditional_page_with_pinyin_ruby_junk_and_repeats() -> None:
    article = page("zh_trad_pinyin.html", now=utc(2024, 1, 5))
    assert article.title == "滬明兩地共建產業園區 首批項目落地"
    # `11月8日電` has no year: the latest 8 November not after `now`.
    assert article.published == utc(2023, 11, 7, 16, 0)
    assert article.author == "林清"
    assert article.editor == "王芳"
    assert len(article.paragraphs) == 4  # the repeated paragraph is shown once
    assert article.paragraphs[0].startswith("中新網(wǎng)福建新聞11月8日電(林清)")  # display text kept
    assert "園區位於三明沙縣，" in article.paragraphs[1]  # <rt>/<rp> dropped from the ruby
    assert "shā" not in article.body
    assert all("\ufffd" not in p and not any("\ue000" <= ch <= "\uf8ff" for ch in p) for p in article.paragraphs)
    assert "分享到" not in article.body and "版權所有" not in article.body and "責任編輯" not in article.body


def test_english_page_with_json_ld_and_offset_time() -> None:
    article = page("en_article.html", url="https://coastal.example/health/clinic")
    assert article.title == "Shanghai hospital opens branch clinic in Sanming"
    assert article.published == utc(2024, 5, 20, 13, 15)  # 09:15 at -04:00
    assert article.author == "Maria Chen"
    assert article.lang == "en"
    assert len(article.paragraphs) == 4
    assert article.paragraphs[-1] == "The clinic is expected to handle about 20,000 visits in its first year."
    for chrome in ("Share on", "Sign up", "More from", "tea town", "Great news", "Comments", "All rights",
                   "Sanming reforms drug pricing"):
        assert chrome not in article.body


def test_gbk_bytes_that_claim_utf8_are_decoded_and_br_paragraphs_split() -> None:
    data = (FIXTURES / "zh_gbk_lying_charset.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    article = extract_bytes(data, "http://www.smnews.example/ly/0618.htm", now=NOW)
    assert article.title == "三明林业碳票在沪成交"
    assert article.published == utc(2022, 6, 18, 1, 40)
    assert (article.source_name, article.author) == ("三明日报", "李明")
    assert len(article.paragraphs) == 4
    assert article.paragraphs[1] == "据了解，本次成交的碳票对应碳减排量一万余吨，买方为上海一家新能源企业。"
    for chrome in ("新闻中心", "打印本页", "图片新闻", "泰宁丹霞", "版权所有"):
        assert chrome not in article.body


def test_big5_page_with_hkscs_pinyin_letters() -> None:
    data = (FIXTURES / "zh_big5.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("big5")  # ù in 滬(hù) exists only in HKSCS
    article = extract_bytes(data, None, now=NOW)
    assert article.title == "上海三明商會舉辦年會"
    assert article.published == utc(2023, 12, 2, 8, 45)
    assert article.author == "陳志明"
    assert len(article.paragraphs) == 3
    assert "滬(hù)明兩地" in article.paragraphs[1]
    assert article.url is None


def test_english_lead_in_a_sibling_embeds_kept_captions_and_credits_dropped() -> None:
    article = page("en_embeds_captions.html", url="https://riverside.example/climate/bamboo")
    paragraphs = article.paragraphs
    assert paragraphs[0].startswith("A hillside county with more bamboo")  # the lead sits in a sibling <div>
    assert any(p.startswith("Visited the new bamboo fibre line today.") for p in paragraphs)  # an embedded post
    assert "The plan follows a provincial ban on single-use plastic bags, foam boxes and plastic straws." in paragraphs
    assert "Product Daily output Share exported" in paragraphs  # table cells keep a space between them
    assert "Bowls 40,000 52%" in paragraphs
    for caption in ("Workers sort split bamboo", "Photo: Sam Reyes", "A farmer carries culms", "Image credit"):
        assert caption not in article.body
    assert paragraphs[-1].startswith("Critics say the rush")


def test_english_boilerplate_inside_the_body_is_dropped() -> None:
    article = page("en_boilerplate.html", url="https://bayledger.example/local/ferries")
    assert article.published == utc(2022, 3, 13, 16)
    assert len(article.paragraphs) == 5
    assert article.paragraphs[0].startswith("The city will run ferries")
    assert article.paragraphs[-1].startswith("A second inspection is planned for April")
    for junk in ("newsletter", "Advert", "[button", "slideshow", "Share it", "Reporting by", "Have a tip",
                 "transport reporter", "Tell us", "comments", "cookies", "Updated on", "weekend edition", "Tags",
                 "Related Coverage"):
        assert junk not in article.body


def test_english_paragraphs_in_divs_split_across_containers_with_a_list() -> None:
    article = page("en_div_paragraphs.html", url="https://valley.example/news/mill")
    assert article.paragraphs[0].startswith("A textile mill that stood empty")
    assert '"Yes."' in article.paragraphs  # a one-word paragraph is still a paragraph
    assert "free internet access at twenty desks;" in article.paragraphs  # the list belongs to the text
    assert article.paragraphs[-1] == "Organisers hope to add a small museum of the mill's history next year."
    assert len(article.paragraphs) == 10
    for junk in ("Advertisement", "More news", "bus routes", "Weather"):
        assert junk not in article.body


def test_chinese_captions_breadcrumb_and_follow_prompts_are_not_paragraphs() -> None:
    article = page("zh_captions_promo.html")
    assert article.published == utc(2023, 12, 8, 16)
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("12月8日，沙县小吃文化节在上海开幕")
    for junk in ("当前位置", "图为", "摄）", "参赛选手", "资料图", "二维码", "相关阅读"):
        assert junk not in article.body


def test_article_continuing_past_an_ad_keeps_its_small_second_part_not_the_disclaimer() -> None:
    article = page("zh_split_after_ad.html")
    assert len(article.paragraphs) == 4
    assert article.paragraphs[-1] == "下一步，当地将建设擂茶文化展示中心，培养更多传承人。"
    assert "声明" not in article.body and "擂茶文化节</a>" not in article.body and "相关新闻" not in article.body
    html = (FIXTURES / "en_div_paragraphs.html").read_text(encoding="utf-8").replace(
        "<div>The mill's old water wheel", "<p><strong>Read more:</strong> <a href='/r'>Town hall roof repaired</a></p>"
        "<div>The mill's old water wheel")
    assert "Read more" not in extract(html, now=NOW).body


def test_english_byline_and_photo_credits_inside_the_body() -> None:
    article = page("en_credits_bylines.html")
    assert article.author == "Daniel Osei and Mei Huang"
    assert len(article.paragraphs) == 4
    for junk in ("By Daniel", "viaduct", "Getty", "AP Photo", "old line closed", "long decline"):
        assert junk not in article.body
    html = "<div><p>By then, the old station had been closed for twenty years and the tracks were overgrown.</p></div>"
    assert extract(html, now=NOW).paragraphs[0].startswith("By then, the old station")


# -- per-source rules ------------------------------------------------------------------------


def test_rules_override_the_generic_cascade() -> None:
    rules = ExtractRules(title=".headline", body=".content", date=".source", author=".title-box .source",
                         source_name=".crumb a", remove=(".content p:last-child",))
    article = page("zh_nav_heavy.html", rules=rules)
    assert article.title == "华东师大附属三明中学迎来首批新生"
    assert article.source_name == "东南网"  # the first link of the breadcrumb, as configured
    assert len(article.paragraphs) == 3  # the removed last paragraph is gone
    assert article.published == utc(2023, 9, 1, 0, 30)


def test_a_rule_selector_lexbor_rejects_falls_through_to_the_generic_finder() -> None:
    article = page("zh_cms.html", rules=ExtractRules(body="div[[", title=":::"))
    assert article.title == "三明市与上海市闵行区签署文旅合作协议"
    assert len(article.paragraphs) == 4


def test_body_rule_is_trusted_even_when_the_generic_finder_would_disagree() -> None:
    article = page("en_article.html", rules=ExtractRules(body="#comments .comment"))
    assert len(article.paragraphs) == 2
    assert article.paragraphs[0].startswith("Great news for the region")


# -- titles ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("志合越山海 聚力共前行_中新网", "志合越山海 聚力共前行"),
        ("三明林业碳票在沪成交-东南网", "三明林业碳票在沪成交"),
        ("Shanghai hospital opens clinic | Coastal Daily", "Shanghai hospital opens clinic"),
        ("Shanghai hospital opens clinic - Coastal Daily", "Shanghai hospital opens clinic"),
        ("沪明合作_新闻中心_三明市人民政府", "沪明合作"),
        ("Well-known title", "Well-known title"),
        ("三明之窗--大田县举办高山茶文化节", "大田县举办高山茶文化节"),
        ("Opinion | Why the ferry matters", "Opinion | Why the ferry matters"),
        ("三明", "三明"),
    ],
)
def test_site_suffixes_are_stripped(raw: str, expected: str) -> None:
    assert strip_site_suffix(raw) == expected


def test_headline_confirmed_by_title_beats_a_logo_h1() -> None:
    html = ("<html><head><title>沪明合作再结硕果_东南网</title></head><body><h1>东南网</h1>"
            "<h2>沪明合作再结硕果</h2><div><p>" + "三明与上海的合作项目陆续投产，带动当地就业。" * 3 + "</p></div></body></html>")
    assert extract(html, now=NOW).title == "沪明合作再结硕果"


# -- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发布时间：2023年11月08日 10:23", utc(2023, 11, 8, 2, 23)),
        ("2023-11-08", utc(2023, 11, 7, 16, 0)),
        ("2023/11/08 08:00:30", utc(2023, 11, 8, 0, 0, 30)),
        ("2023.11.8", utc(2023, 11, 7, 16, 0)),
        ("2023-11-08T10:23:00+08:00", utc(2023, 11, 8, 2, 23)),
        ("2023-11-08T02:23:00Z", utc(2023, 11, 8, 2, 23)),
        ("9/17/2004 5:54:13 AM", utc(2004, 9, 16, 21, 54, 13)),
        ("Published November 8, 2023", utc(2023, 11, 7, 16, 0)),
        ("Published 8 November 2023", utc(2023, 11, 7, 16, 0)),
        ("8 Nov. 2023", utc(2023, 11, 7, 16, 0)),
        ("发表于 2005-7-5", utc(2005, 7, 4, 16, 0)),
        ("二〇〇五年七月五日", utc(2005, 7, 4, 16, 0)),
        ("二○一九年十二月三十一日印发", utc(2019, 12, 30, 16, 0)),
        ("二〇二三年十月十日", utc(2023, 10, 9, 16, 0)),
        ("2030-01-01 00:00", None),  # after `now`: never a future date
        ("1989-06-01", None),
        ("2023-13-45", None),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, expected: datetime | None) -> None:
    assert dates.parse_date(text, NOW) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.sm.gov.cn/zw/zwyw/202311/t20231108_1987654.htm", utc(2023, 11, 7, 16)),
        ("https://www.chinanews.com.cn/gn/2023/11-08/10108642.shtml", utc(2023, 11, 7, 16)),
        ("http://business.sohu.com/20231108/n224643115.shtml", utc(2023, 11, 7, 16)),
        ("http://news.example.cn/2005-08/16/content_4894059.htm", utc(2005, 8, 15, 16)),
        ("https://example.com/2023/11/08/story.html", utc(2023, 11, 7, 16)),
        ("http://politics.example.cn/n1/2023/1108/c1001-40123456.html", utc(2023, 11, 7, 16)),
        ("http://www.example.cn/news/2023-11-08/detail-123.shtml", utc(2023, 11, 7, 16)),
        ("https://example.com/story?id=12345678", None),
        ("http://example.cn/t20991108_1.htm", None),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, expected: datetime | None) -> None:
    assert dates.date_from_url(url, NOW) == expected


@pytest.mark.parametrize(
    ("now", "hint", "expected"),
    [
        (utc(2023, 11, 20), None, utc(2023, 11, 7, 16)),
        (utc(2024, 1, 5), None, utc(2023, 11, 7, 16)),  # November is still ahead in January
        (utc(2024, 6, 1), 2021, utc(2021, 11, 7, 16)),  # another date on the page says 2021
        (utc(2023, 11, 7, 10), None, utc(2023, 11, 7, 16)),  # within the day of slack
    ],
)
def test_dateline_year_comes_from_context_never_the_future(now: datetime, hint: int | None,
                                                           expected: datetime) -> None:
    assert yearless.dateline_date("中新网福建新闻11月8日电(记者 王五)三明……", now, hint) == expected


def test_dateline_page_takes_its_year_from_another_date_on_the_page() -> None:
    html = ("<html><body><div class='c'><p>新华社福州11月8日电 三明与上海签署新一轮合作协议，涉及产业、人才和文旅等领域。</p>"
            "<p>协议提出，双方将共同建设产业园区，推动更多上海企业落户三明。</p></div>"
            "<div class='foot'>本站更新于 2021年12月01日</div></body></html>")
    assert extract(html, now=NOW).published == utc(2021, 11, 7, 16)


def test_old_page_with_a_site_prefixed_title_and_a_dated_sidebar() -> None:
    article = page("zh_old_prefixed_title.html", now=utc(2024, 1, 5))
    assert article.title == "大田县举办高山茶文化节"  # `三明之窗--` dropped
    assert article.paragraphs[0].startswith("日前，大田县第二届高山茶文化节")  # the in-page heading is no paragraph
    assert len(article.paragraphs) == 3
    assert article.published == utc(2005, 7, 5, 8, 20)  # the byline's, not the sidebar's 2005-7-2 or the clock
    assert article.source_name == "大田县委宣传部"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # The date printed after the body, not a sidebar list's, the header clock's or a comment's.
        ("zh_date_after_body.html", utc(2021, 7, 4, 16)),
        # A publication meta tag under a name outside the known list, not the clock or lastmodified.
        ("zh_date_meta_names.html", utc(2023, 3, 2, 1, 15)),
        # JSON-LD that strict JSON rejects (a raw line break in a string), not a ticker's <time>.
        ("zh_date_jsonld_time.html", utc(2022, 9, 14, 3, 20)),
        # The <time> marked as the publication time, not an earlier one of a "hot" list.
        ("zh_date_time_element.html", utc(2022, 7, 12, 2)),
        # A 2005 page: `2005/07/05` in an unlabelled byline, comments with timed dates below.
        ("zh_date_old_page.html", utc(2005, 7, 4, 16)),
        # `Published 5 July 2005` (day first), not `Updated …` nor the header's date of today.
        ("en_dates.html", utc(2005, 7, 4, 16)),
    ],
)
def test_date_from_the_right_place(name: str, expected: datetime) -> None:
    assert page(name, url="https://news.example.cn/a/b.html", now=utc(2024, 5, 20, 3)).published == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发布时间：11-08 10:23", utc(2023, 11, 8, 2, 23)),  # November is still ahead on 1 June 2024
        ("5月20日 08:00 来源：东南网", utc(2024, 5, 20, 0, 0)),
        ("2024-05-20 08:00", None),  # a full date is not yearless; parse_date reads it
        ("3-5 人一组", None),  # no time of day: not a date
    ],
)
def test_yearless_byline_times_take_the_latest_year_not_in_the_future(text: str, expected: datetime | None) -> None:
    assert yearless.yearless_date(text, NOW) == expected


def test_yearless_byline_on_an_old_page_takes_the_year_of_the_pages_other_dates() -> None:
    html = ("<html><head><title>明溪举办观鸟节</title></head><body><h1>明溪举办观鸟节</h1>"
            "<div class='info'>发布时间：10-08 12:00</div><div class='c'>"
            "<p>明溪县第三届观鸟节开幕，来自全国各地的观鸟爱好者在君子峰保护区记录到一百多种鸟类。</p>"
            "<p>当地近年来加强生态保护，越来越多的珍稀鸟类在这里栖息，观鸟旅游带动了民宿发展。</p></div>"
            "<div class='foot'>网站更新：2019-10-09</div></body></html>")
    assert extract(html, now=utc(2024, 5, 20)).published == utc(2019, 10, 8, 4)
    assert extract(html.replace("网站更新：2019-10-09", ""), now=utc(2024, 5, 20)).published == utc(2023, 10, 8, 4)


def test_copyright_years_are_not_publication_dates() -> None:
    html = ("<html><head><title>宁化客家祖地迎来寻根团</title></head><body><h1>宁化客家祖地迎来寻根团</h1><div class='c'>"
            "<p>来自海外的客家乡亲组成寻根团，来到宁化石壁客家祖地参观祭祖，感受客家文化的源远流长。</p>"
            "<p>寻根团成员表示，将把家乡的变化带回所在国家，吸引更多年轻一代回乡寻根。</p></div>"
            "<div class='foot'>Copyright © 2005-2019 宁化新闻网 版权所有 2003.1-2019.12</div></body></html>")
    assert extract(html, now=NOW).published is None
    url = "http://www.nhxw.example.cn/2018/03/09/story_1.html"
    assert extract(html, url, now=NOW).published == utc(2018, 3, 8, 16)


def test_time_element_and_naive_now() -> None:
    html = ("<html><body><article><time datetime='2024-02-03T08:00:00+08:00'>2月3日</time>"
            "<p>Sanming and Shanghai signed a new agreement on tourism, health care and training.</p>"
            "<p>The agreement covers three years and includes exchanges of teachers and doctors.</p>"
            "</article></body></html>")
    article = extract(html, now=datetime(2024, 6, 1))
    assert article.published == utc(2024, 2, 3, 0, 0)
    assert article.published.tzinfo is not None


# -- clean-up --------------------------------------------------------------------------------


def test_br_br_and_divs_make_paragraphs_and_links_rows_vanish() -> None:
    html = ("<html><body><div id='x'>上海与三明的合作始于上世纪六十年代的小三线建设。<br><br>"
            "如今两地合作已扩展到产业、教育和医疗等领域。<br><br>"
            "<div>记者 张三</div>"
            "<div><a href='/1'>更多新闻请点击这里查看</a></div></div></body></html>")
    article = extract(html, now=NOW)
    assert article.paragraphs == ("上海与三明的合作始于上世纪六十年代的小三线建设。", "如今两地合作已扩展到产业、教育和医疗等领域。")
    assert article.author == "张三"


def test_whitespace_is_collapsed_and_zero_width_characters_dropped() -> None:
    html = ("<p>  三明\u200b与\u3000\u3000上海   签署\n\n协议，推动\xa0产业合作。这是一段足够长的正文内容，用于测试空白字符的处理。</p>")
    article = extract(html, now=NOW)
    assert article.paragraphs == ("三明与 上海 签署 协议，推动 产业合作。这是一段足够长的正文内容，用于测试空白字符的处理。",)


def test_bracketed_byline_at_the_end_becomes_fields() -> None:
    html = ("<div class='content'><p>沪明临港产业园新增12家入驻企业，涉及新材料、生物医药等领域，总投资超过三十亿元。</p>"
            "<p>（东南网三明频道 编辑：吴晓燕 审核：陈志强）</p></div>")
    article = extract(html, now=NOW)
    assert len(article.paragraphs) == 1
    assert article.editor == "吴晓燕"


def test_interview_lines_starting_with_a_label_are_content_not_bylines() -> None:
    html = ("<div><p>记者：你怎样看待沪明两地的合作前景？</p><p>李明：我认为合作空间很大，尤其是在产业和人才方面，两地优势互补。</p>"
            "<p>来源：三明日报</p></div>")
    article = extract(html, now=NOW)
    assert article.paragraphs[0] == "记者：你怎样看待沪明两地的合作前景？"
    assert len(article.paragraphs) == 2
    assert article.source_name == "三明日报"
    assert article.author is None


# -- errors and robustness -------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    ["", "   \n\t", "<html></html>", "<html><body><nav><a href='/'>首页</a></nav></body></html>",
     "<script>var a = '这里全是脚本，没有正文内容，不应该被当成文章。';</script>", "\x00\x01\x02\x03" * 100],
)
def test_pages_without_article_text_raise_extract_error(html: str) -> None:
    with pytest.raises(ExtractError) as caught:
        extract(html, "https://example.cn/empty")
    assert caught.value.message == "no article text found in https://example.cn/empty"
    assert caught.value.hint


def test_error_message_names_page_when_url_is_unknown() -> None:
    with pytest.raises(ExtractError, match="no article text found in page"):
        extract("")


def test_random_bytes_never_raise_anything_but_extract_error() -> None:
    rng = random.Random(20231108)
    for size in (0, 1, 7, 100, 5000, 70000):
        for _ in range(5):
            data = bytes(rng.randrange(256) for _ in range(size))
            try:
                article = extract_bytes(data, None, now=NOW)
            except ExtractError:
                continue
            assert isinstance(article, Article)
            assert "\ufffd" not in article.body


def test_non_string_and_odd_inputs_are_extract_errors() -> None:
    for value in (None, b"<p>bytes</p>", 12):
        with pytest.raises(ExtractError):
            extract(value)  # type: ignore[arg-type]


def test_plain_text_input_becomes_one_paragraph_per_line() -> None:
    text = ("上海三明合作简讯\n\n福州11月8日电(记者 吴明)三明与上海签署新一轮对口合作协议，涉及产业、人才和文旅等领域。\n"
            "协议提出，双方将共同建设产业园区。\n协议提出，双方将共同建设产业园区。\n")
    article = extract(text, now=utc(2024, 1, 5))
    assert len(article.paragraphs) == 3
    assert article.published == utc(2023, 11, 7, 16)
    assert article.author == "吴明"


def test_huge_and_deeply_nested_pages_do_not_crash() -> None:
    deep = "<div>" * 20000 + "三明与上海的对口合作不断深化，合作领域持续拓展，成效日益显现。" + "</div>" * 20000
    assert "三明与上海" in extract(deep, now=NOW).body
    links = "<div><a href='/x'>导航链接</a></div>" * 50000
    big = f"<html><body>{links}<p>{'沪明合作成果丰硕，两地交流日益密切。' * 20}</p></body></html>"
    article = extract(big, now=NOW)
    assert article.body.startswith("沪明合作成果丰硕")


def _tree_depth(html: str) -> int:
    from selectolax.lexbor import LexborHTMLParser

    node, depth = LexborHTMLParser(html).body, 0
    while node is not None and node.child is not None:  # down the first child with element children
        node = next((c for c in node.iter() if c.tag != "-text"), None)
        depth += 1
    return depth


def test_a_page_nested_thousands_of_blocks_deep_is_parsed_no_deeper_than_a_browser_would() -> None:
    """The HTML parser checks the whole stack of open elements at every block start tag: a page of
    200,000 nested <div> took 195 s to extract, a 2 MB page could hold a worker for minutes."""
    text = "<p>三明与上海的对口合作不断深化，合作领域持续拓展，成效日益显现。</p>"
    deep = ("<html><body>" + "<section class='x'>" * 5000 + "<DIV>" * 5000 + text + "</div>" * 5000
            + "</section>" * 5000 + "<p>沪明两地交流日益密切，合作成果惠及群众。</p></body></html>")
    flat = flatten_nesting(deep)
    assert _tree_depth(flat) <= 520 < _tree_depth(deep)
    assert flat.count("<p>") == 2 and "沪明两地" in flat  # only tags go; every text stays, in order
    assert "三明与上海" in extract(deep, now=NOW).body
    spans = "<html><body><p>" + "<span>" * 9000 + "三明与上海" + "</span>" * 9000 + "</p></body></html>"
    assert _tree_depth(flatten_nesting(spans)) <= 520 < _tree_depth(spans)  # `span:not(p span)` walks the depth
    assert "三明与上海" in flatten_nesting(spans)
    shallow = "<html><body><div><div><p>沪明</p></div></div><ul><li>一</li></ul></body></html>" * 400
    assert flatten_nesting(shallow) == shallow  # an ordinary page is handed on as it came


def test_a_tag_with_thousands_of_attributes_keeps_its_first_ones_and_the_page_its_text() -> None:
    """The parser compares each attribute with those before it: one <div> with 300,000 attributes
    took twelve minutes to extract. Values may hold ">" inside quotes: the tag still ends at its own."""
    many = " ".join(f'data-k{i}="v>{i}"' for i in range(21000))  # ">" in values: read past ATTRS_FROM "="
    bare = " ".join(f"k{i}" for i in range(3000))
    page = (f"<html><body><div id='main' {many}><p>三明与上海的对口合作不断深化，合作领域持续拓展。</p></div>"
            f"<div {bare} class='tail'><p>沪明两地交流日益密切。</p></div></body></html>")
    capped = cap_attributes(page)
    from selectolax.lexbor import LexborHTMLParser

    divs = LexborHTMLParser(capped).css("div")
    assert [len(d.attributes) for d in divs] == [256, 256]
    assert divs[0].attributes["id"] == "main" and divs[0].attributes["data-k254"] == "v>254"
    assert "沪明两地" in divs[1].text() and "三明与上海" in divs[0].text()
    ordinary = "<html><body><div id='a' class='b' data-x='1'><p>沪明</p></div></body></html>" * 3000
    assert cap_attributes(ordinary) == ordinary


def test_a_page_of_endless_paragraphs_or_dates_is_read_only_as_far_as_an_article_goes(monkeypatch) -> None:
    """400,000 one-line paragraphs took eight seconds, 300,000 dates before the headline seven."""
    from monitor.extract import paragraphs

    monkeypatch.setattr(paragraphs, "MAX_PARAGRAPHS", 2000)  # the cap's mechanism, on a page of test size
    rows = "".join(f"<p>第{i}段：三明与上海的合作项目进展顺利。</p>" for i in range(2500))
    article = extract(f"<html><body><article>{rows}</article></body></html>", now=NOW)
    assert len(article.paragraphs) == 2000 and article.paragraphs[0].startswith("第0段")
    far = "2021年3月5日 " + "。" * 150_000 + "三明与上海签署对口合作协议"
    assert dates.nearest_date(far, len(far), NOW) is None  # 150,000 characters away: not the article's
    near = "2021年3月5日 " + "。" * 5_000 + "三明与上海签署对口合作协议"
    assert dates.nearest_date(near, len(near), NOW) == utc(2021, 3, 4, 16)


def test_a_container_of_endless_elements_is_read_up_to_the_cap_and_a_control_character_cuts_nothing(monkeypatch):
    """Marking 800,000 one-line paragraphs took most of a 24 s extraction: elements past the cap go unread."""
    from monitor.extract import paragraphs

    monkeypatch.setattr(paragraphs, "MAX_ELEMENTS", 60)
    rows = "".join(f"<p>第{i}段：三明与上海的合作项目进展顺利。</p>" for i in range(200))
    article = extract(f"<html><body><article>{rows}</article></body></html>", now=NOW)
    assert 40 <= len(article.paragraphs) < 60 and article.paragraphs[0].startswith("第0段")
    assert not any("第199段" in p for p in article.paragraphs)
    monkeypatch.undo()
    odd = "".join(f"<p>第{i}段：三明与上海的合作\x04项目进展顺利。</p>" for i in range(20))
    assert len(extract(f"<html><body><article>{odd}</article></body></html>", now=NOW).paragraphs) == 20


def test_extracting_pages_nested_deep_or_with_endless_attributes_does_not_stall() -> None:
    code = ("from monitor.extract import extract\n"
            "deep = '<div>' * 300000 + '<p>三明与上海的对口合作不断深化，合作领域持续拓展，成效日益显现。</p>' + '</div>' * 300000\n"
            "print(len(extract(deep).body))\n"
            "wide = '<div ' + ' '.join(f'a{i}=\"x\"' for i in range(200000)) + '><p>沪明两地交流日益密切，合作成果惠及群众。</p></div>'\n"
            "print(len(extract(wide).body))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)  # was ~2 minutes
    assert done.returncode == 0 and [int(n) > 15 for n in done.stdout.split()] == [True, True], done.stderr[-500:]


# -- decoding --------------------------------------------------------------------------------


def test_decode_bom_beats_declarations() -> None:
    data = "\ufeff<meta charset='gbk'><p>滬明</p>".encode("utf-8")
    assert decode_html(data, "text/html; charset=gbk") == "<meta charset='gbk'><p>滬明</p>"


def test_decode_http_charset_then_meta_charset() -> None:
    text = "<html><head><meta charset='utf-8'></head><p>三明市对口合作</p></html>"
    assert decode_html(text.encode("gb18030"), "text/html; charset=GB2312") == text
    legacy = "<meta http-equiv='Content-Type' content='text/html; charset=gbk'><p>三明市对口合作</p>"
    assert decode_html(legacy.encode("gbk"), None) == legacy


def test_decode_stale_gb2312_label_on_utf8_bytes() -> None:
    text = "<meta charset='gb2312'><p>沪明对口合作提质增效，三明与上海携手共进</p>"
    assert decode_html(text.encode("utf-8"), None) == text


def test_decode_keeps_the_codec_of_a_page_with_a_few_corrupt_bytes() -> None:
    text = "<meta charset='utf-8'><p>" + "沪明对口合作提质增效，三明与上海携手共进。" * 40 + "</p>"
    data = text.encode("utf-8")
    cut = data.index(b"<p>") + 3  # a character boundary
    damaged = data[:cut] + b"\xff" + data[cut:]
    decoded = decode_html(damaged, None)
    assert decoded.count("\ufffd") == 1
    assert decoded.replace("\ufffd", "") == text


TRADITIONAL = "滬明兩地簽署對口合作協議，三明市將與上海市在醫療、教育和產業園區建設上深化協作。"
SIMPLIFIED = "沪明两地签署对口合作协议，三明市将与上海市在医疗、教育和产业园区建设上深化协作。"


@pytest.mark.parametrize("repeat", [1, 800], ids=["short", "past-the-judged-prefix"])
@pytest.mark.parametrize(("meta", "header"), [("<meta charset='gb2312'>", None), ("", "text/html; charset=utf-8"),
                                              ("", None), ("<meta charset='gbk'>", "text/html")],
                         ids=["meta-gb2312", "header-utf8", "undeclared", "meta-gbk"])
def test_decode_big5_bytes_under_a_wrong_or_missing_label_are_read_as_big5(meta, header, repeat) -> None:
    """GB18030 decodes almost any bytes: Big5 bytes read with it are mojibake (涵癸挡穝狦 カ籔…)."""
    text = f"<html><head>{meta}<title>三明</title></head><body>" + f"<p>{TRADITIONAL}</p>\n" * repeat + "</body></html>"
    data = text.encode("big5hkscs")
    assert data.decode("gb18030") != text  # the trap: this reading raises nothing
    assert decode_html(data, header) == text


@pytest.mark.parametrize("repeat", [1, 800], ids=["short", "past-the-judged-prefix"])
def test_decode_gbk_bytes_under_a_stale_big5_label_are_read_as_gbk(repeat) -> None:
    text = "<html><head><meta charset='big5'></head><body>" + f"<p>{SIMPLIFIED}</p>\n" * repeat + "</body></html>"
    data = text.encode("gb18030")
    assert data.decode("big5hkscs") != text  # valid Big5 too, and wrong
    assert decode_html(data, None) == text


@pytest.mark.parametrize("text", [SIMPLIFIED, "三明", "<p>滬明對口合作 三明市 碁</p>", TRADITIONAL])
def test_decode_gbk_pages_that_are_valid_big5_too_stay_gbk(text) -> None:
    """Pure GB2312 text is nearly always valid Big5: the likelier reading keeps it GBK (and a
    traditional text written in GBK, as some sites do, stays GBK too)."""
    for declared in ("<meta charset='gb2312'>", ""):
        page = f"<html><head>{declared}</head><body><p>{text}</p></body></html>"
        data = page.encode("gb18030")
        assert decode_html(data, None) == page
        assert decode_html(data, "text/html; charset=gbk") == page


def test_decode_aliases_and_garbage() -> None:
    assert decode_module.normalize_charset("GB2312") == "gb18030"
    assert decode_module.normalize_charset("big5") == "big5hkscs"
    assert decode_module.normalize_charset("no-such-charset") is None
    assert decode_html(b"", None) == ""
    assert isinstance(decode_html(bytes(range(256)) * 50, "text/html; charset=utf-8"), str)


# -- the stage's rules -----------------------------------------------------------------------


def _imports(path: Path) -> set[str]:
    """Modules a source file imports (relative imports spelled with their dots)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
    return found


def test_extract_is_pure_and_imports_no_other_stage() -> None:
    files = [*sorted((ROOT / "src/monitor/extract").glob("*.py")), ROOT / "src/monitor/decode.py", ROOT / "src/monitor/markup.py",
             ROOT / "src/monitor/reltime.py"]  # (relative times, shared with list pages' row dates)
    allowed_project = {"..models", "..errors", "..decode", "..markup", "..textnorm", "..reltime", "."} | {
        f".{p.stem}" for p in (ROOT / "src/monitor/extract").glob("*.py")}
    for path in files:
        for name in _imports(path):
            if name.startswith("."):
                assert name in allowed_project, f"{path.name} imports {name}"
            else:
                assert name.split(".")[0] not in {"httpx", "socket", "sqlite3", "sqlite_utils", "urllib", "requests",
                                                  "monitor"}, f"{path.name} imports {name}"
        source = path.read_text(encoding="utf-8")
        assert "print(" not in source and "open(" not in source, path.name


@pytest.mark.parametrize("script", ["bench/extract.py", "bench/extract_stress.py"])
def test_bench_prints_skipped_without_eval_data(tmp_path: Path, script: str) -> None:
    env = {**os.environ, "MONITOR_EXTRACT_EVAL": str(tmp_path / "missing")}
    done = subprocess.run([sys.executable, str(ROOT / script)], capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.returncode == 0
    assert done.stdout.strip() == "skipped: no eval data"


def test_source_name_with_inline_pinyin_is_read_whole():
    page = ("<html><head><title>滬明合作再深化</title></head><body><h1>滬明合作再深化</h1>"
            "<div class='info'>2023年11月08日 10:23 來源：中新網(wǎng)福建</div>"
            "<div class='content'><p>上海與三明兩地對口合作持續深化，雙方在產業、文旅、人才等領域開展合作，成效明顯。</p>"
            "<p>兩地還將共建產業園區，推動更多項目落地，並加強幹部人才雙向交流。</p></div></body></html>")
    article = extract(page, "http://fj.example.cn/news/2023/11-08/1.shtml")
    assert article.source_name == "中新網福建"


def test_bench_labels_rebuild_the_body_from_the_page_and_the_split_is_fixed() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from extract_labels import labelled_body, line_hash, page_lines, part_of

    html = ("<html><body><h1>标题</h1><p>第一段正文。</p><p>图片说明</p><p>第二段<a href='/x'>链接</a>正文。</p>"
            "<script>var x = 1;</script><p>责任编辑：某某</p></body></html>")
    lines = page_lines(html)
    assert lines == ["标题", "第一段正文。", "图片说明", "第二段", "链接", "正文。", "责任编辑：某某"]
    label = {"start": line_hash("第一段正文。"), "end": line_hash("正文。"), "drop": [line_hash("图片说明")]}
    assert labelled_body(lines, label) == "第一段正文。\n第二段\n链接\n正文。"
    assert labelled_body(lines, {**label, "end": line_hash("不在页面上")}) is None
    parts = [part_of("cwced_zh", f"page-{n}") for n in range(200)]
    assert 0.12 < parts.count("held-out") / 200 < 0.28 and set(parts) == {"dev", "held-out"}
    assert part_of("gne_unlabelled", "163_1") == "validation"
