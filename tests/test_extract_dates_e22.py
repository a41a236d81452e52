"""Tests for dates on pages nobody here had tuned on (helper extract-22; see BENCHMARKS.md), each on
a page written here: a page state whose related items carry their own times, a related list whose
dates sit in `data-` attributes, a government record table whose `成文日期` is the document's day, a
week's period under the headline, and the times a CMS leaves in a comment or a page state's
`newsTime`.
"""

from __future__ import annotations

from test_extract_dates_e15 import day

TITLE = "南坪村的冬储白菜上市了"
TEXT = ("<p>南坪村今年种下的两百亩冬储白菜这几天陆续上市，收菜的货车一早就停满了村口的晒场。</p>"
        "<p>合作社的负责人说，今年的白菜个头匀称，批发价比去年每斤高出一毛钱。</p>"
        "<p>村里还请来农技员，教大家把卖不完的白菜腌成酸菜，留到开春再卖。</p>")


def page(head: str = "", above: str = "", line: str = "", after: str = "", tail: str = "") -> str:
    return (f"<html><head><meta charset='utf-8'><title>{TITLE}</title>{head}</head><body>"
            f"<div class='nav'><a>首页</a> <a>乡村</a></div>{above}<h1>{TITLE}</h1>"
            f"<div class='info'>{line}</div><div class='content'>{TEXT}</div>{after}"
            f"<div class='footer'>版权所有 某某网</div>{tail}</body></html>")


RELATED_STATE = ('<script>window.__STATE__={"user":{"name":"乡野笔记"},"related":['
                 '{"title":"老旧小区改造惠及三千余户","publish_time":"1764728460"},'
                 '{"title":"社区食堂让老人吃上热乎饭","publish_time":"1764642060"}]};</script>')


def test_a_page_states_related_items_date_no_page():
    # the state lists the related items with their times: none is the article's
    assert day(page(tail=RELATED_STATE)) is None
    # the URL dates it, not a related item's time
    assert day(page(tail=RELATED_STATE), "http://example.cn/a/2023/0915/8.html") == "2023-09-15"
    # the article's own time in the state, outside the list, still dates it
    own = RELATED_STATE.replace('{"user"', '{"article":{"publish_time":"1694744460"},"user"')
    assert day(page(tail=own)) == "2023-09-15"


RELATED_LIST = ("<div class='related'><h3>相关新闻</h3><ul>"
                "<li data-pubtime='2026-11-19 09:00'><a>老旧小区改造惠及三千余户</a></li>"
                "<li data-pubtime='2026-11-18 09:00'><a>社区食堂让老人吃上热乎饭</a></li></ul></div>")


def test_a_related_lists_data_attributes_date_no_page():
    assert day(page(after=RELATED_LIST)) is None
    assert day(page(after=RELATED_LIST), "http://example.cn/html/2011-04/25/content_87.htm") == "2011-04-25"
    # a date the script state gives for the article is still read
    state = '<script>var pageConfig = {"publishTime": "2011-04-25 08:10:00"};</script>'
    assert day(page(after=RELATED_LIST, tail=state)) == "2011-04-25"


def record(written: str, published: str = "") -> str:
    return ("<table class='xxgk'><tr><th>索引号：</th><td>11340000MB1234567X/2011-00123</td><th>主题分类：</th>"
            f"<td>综合政务</td></tr><tr><th>发布机构：</th><td>县政府办公室</td><th>成文日期：</th><td>{written}</td></tr>"
            f"{published}</table>")


def test_a_documents_written_date_in_its_record_table_is_not_the_pages():
    url = "http://www.example.gov.cn/content/2011-04/25/content_87.htm"
    # the document was written three days before the page: the URL's day is the page's
    assert day(page(above=record("2011-04-22")), url) == "2011-04-25"
    # the page's own publication date in the table or its byline
    assert day(page(above=record("2011-04-22", "<tr><th>发布日期：</th><td>2011-04-25</td></tr>"))) == "2011-04-25"
    assert day(page(above=record("2011-04-22"), line="发布时间：2011-04-25 10:21")) == "2011-04-25"


def test_a_period_under_the_headline_dates_no_page():
    week = "<p>一周要闻回顾（2016年8月21~27日）</p>"
    assert day(page(line=week), "https://example.cn/article/2016/8/29/1307.html") == "2016-08-29"
    for form in ("2016年8月21日至27日", "2016年8月21日—8月27日", "2016.8.21-8.27"):
        assert day(page(line=f"<p>一周要闻回顾（{form}）</p>"), "https://example.cn/article/2016/8/29/1.html") == "2016-08-29"
    # a date alone there is the byline's, as before
    assert day(page(line="2016年8月29日"), "https://example.cn/article/2016/8/29/1.html") == "2016-08-29"


def test_times_a_cms_keeps_in_a_comment_or_a_page_state():
    # the people's-daily-style CMS keeps the article's properties in a comment
    enp = "<!--enpproperty <articleid>12</articleid><date>2019-03-20 10:21:00.0</date><author></author>/enpproperty-->"
    assert day(page(tail=enp)) == "2019-03-20"
    # a portal's page state names the story's time `newsTime`
    state = '<script>var allData = {"docData": {"title": "t", "newsTime": "2019-02-20 02:26:00"}};</script>'
    assert day(page(head=state)) == "2019-02-20"
    # neither beats a byline
    assert day(page(line="2019-02-21 08:00 来源：本站", tail=enp)) == "2019-02-21"


def test_a_period_in_a_record_tables_name_row_above_the_headline_dates_no_page():
    title = "<tr><th>名称：</th><td>一周要闻回顾(2016. 8.21~27)</td></tr>"
    assert day(page(above=record("", title)), "https://example.cn/article/2016/8/29/1.html") == "2016-08-29"
