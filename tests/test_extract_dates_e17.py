"""Tests for dates on pages nobody here had tuned on (helper extract-17; see BENCHMARKS.md), each
on a page written here: a print view's time (`打印时间：…` over the title, `打印日期：…` in the tool
row), an update time under the text or a site's `更新日期` in its footer, the neighbouring articles'
dates (`上一条：…（2019-06-08）`), a Republic of China date under the text (`中華民國91年3月19日星期二`),
and a caption opening with a date and a comma and a space (`2015年10月15日, 佐敦…`).
"""

from __future__ import annotations

from test_extract_dates_e15 import day

TEXT = ("<p>芦溪乡今年在六个村推广稻鱼共养，稻田里放养的鲤鱼到秋收时平均每亩增收八百多元。</p>"
        "<p>乡农技站的技术员每周进村一次，帮农户调水位、查病虫，还把养殖要点印成了小册子。</p>"
        "<p>乡里打算明年再扩大两千亩，并和县里的电商中心合作，把稻花鱼卖到省城的超市。</p>")
TITLE = "芦溪乡稻鱼共养助农增收"


def shell(over: str = "", under: str = "", byline: str = "", foot: str = "") -> str:
    return (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>{over}"
            f"<h1>{TITLE}</h1><div class='src'>{byline}</div><div id='zoom'>{TEXT}</div>{under}"
            f"<div class='footer'>主办：芦溪乡人民政府 {foot}</div></body></html>")


PRINT_BAR = "<div class='printbar'>打印时间：2026-12-04 18:00:00 【打印】【关闭窗口】</div>"
PRINT_ROW = "<div class='tool'>【打印】【关闭】 打印日期：2026年12月4日</div>"


def test_a_print_views_time_is_no_date_of_the_page():
    assert day(shell(over=PRINT_BAR)) is None
    assert day(shell(under=PRINT_ROW)) is None
    assert day(shell(over=PRINT_BAR), "http://www.example.cn/2023/0316/12.html") == "2023-03-16"
    assert day(shell(over=PRINT_BAR, byline="来源：芦溪乡人民政府 2022-12-10")) == "2022-12-10"
    assert day(shell(under=PRINT_ROW, byline="作者：李明 时间：2021-11-17 点击数：")) == "2021-11-17"
    # a yearless wire dateline does not borrow the print time's year
    wire = shell(over=PRINT_BAR).replace("<p>芦溪乡今年", "<p>本报讯 11月19日电 芦溪乡今年")
    assert day(wire, "http://www.example.cn/news/2009/11-19/1974349.shtml") == "2009-11-19"


def test_an_update_time_under_the_text_or_in_the_footer_is_no_date_of_the_page():
    edited = "<div class='upd'>本文最后修改于 2022-08-30 16:20</div>"
    assert day(shell(under=edited)) is None
    assert day(shell(foot="更新日期：2026-12-03")) is None
    assert day(shell(under=edited), "http://www.example.cn/2022/0731/5.html") == "2022-07-31"
    # a dated line under the text wins over the edit after it
    assert day(shell(under="<p class='dt'>日期：2022年7月31日</p>" + edited)) == "2022-07-31"
    # the byline region still reads an update time when it holds no other date
    assert day(shell(byline="更新时间：2021-03-05 10:21")) == "2021-03-05"


def test_the_neighbouring_articles_dates_are_no_date_of_the_page():
    neighbours = ("<div class='updown'>上一条：乡里举行秋收农机培训（2019-06-08）<br>"
                  "下一条：芦溪乡开展防汛演练（2019-06-11）</div>")
    assert day(shell(under=neighbours)) is None
    assert day(shell(under=neighbours.replace("条", "條"))) is None
    assert day(shell(under="<p class='dt'>日期：2019年6月10日</p>" + neighbours)) == "2019-06-10"


def test_a_republic_of_china_date_under_the_text():
    under = "<div class='endinfo'>中華民國91年3月19日星期二</div>"
    assert day(shell(under=under)) == "2002-03-19"
    assert day(shell(under="<div class='endinfo'>民國113年5月18日</div>")) == "2024-05-18"
    # a two-digit year without the era's name is still this century's
    assert day(shell(under="<div class='endinfo'>05年7月5日</div>")) == "2005-07-05"


def test_a_caption_opening_with_a_date_a_comma_and_a_space_dates_nothing():
    caption = ("<p style='text-align:center'><img src='/a.jpg'></p><p style='text-align:center'>"
               "2015年10月15日, 芦溪乡一处稻田里, 农户正在放养鱼苗 。攝:王明/本网</p>")
    html = shell().replace("<div id='zoom'>", "<div id='zoom'>" + caption)
    assert day(html) is None
    assert day(html, "http://www.example.cn/article/20160313-photo/") == "2016-03-13"
