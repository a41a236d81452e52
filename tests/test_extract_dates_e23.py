"""Tests for dates on pages nobody here had tuned on (helper extract-23; see BENCHMARKS.md), each on a
page written here: a Taiwan-style footer's `最後更新日期` beside a visit counter, two-digit years of the
Republic of China calendar after a traditional-script label, and a CMS's `published at … from #N`
comment (an included block's time, as served pages show, never the article's).
"""

from __future__ import annotations

from test_extract_dates_e15 import day

TITLE = "溪口里社區菜園開放認養"
TEXT = ("<p>溪口里社區把活動中心旁的空地整理成二十塊菜園，開放給里民認養，每塊菜園可以種一季蔬菜。</p>"
        "<p>里長表示，認養的里民要負責澆水和除草，收成可以自己帶回家，也可以捐給社區的共餐據點。</p>"
        "<p>社區發展協會還請來農會的講師，教大家用廚餘做堆肥，減少菜園用的化學肥料。</p>")


def page(line: str = "", foot: str = "", head: str = "", lang: str = "zh-Hant", under: str = "") -> str:
    return (f"<html lang='{lang}'><head><meta charset='utf-8'><title>{TITLE}</title>{head}</head><body>"
            f"<div class='menu'><a>回首頁</a> <a>網站導覽</a> <a>English</a></div><h2>{TITLE}</h2>"
            f"<div class='date'>{line}</div><div class='essay'>{TEXT}</div><div class='by'>{under}</div>"
            "<div class='rel'><h3>相關連結</h3><ul><li><a>新聞稿總覽</a></li></ul></div>"
            "<div class='count'>瀏覽人次：3,482 更新日期：115-11-30</div>"
            f"<div class='footer'>地址：某某路1號 電話：(02)1234-5678 {foot}</div></body></html>")


FOOTER = "最後更新日期：2026/12/01 瀏覽人數：8,812,345"


def test_a_footers_last_update_beside_a_visit_counter_dates_no_page():
    assert day(page(foot=FOOTER)) is None
    assert day(page(foot=FOOTER.replace("最後", "最后"))) is None
    # the URL dates it, not the site's last update
    assert day(page(foot=FOOTER), "http://www.example.tw/news/2006111913460665722.htm") == "2006-11-19"
    # an older CMS's byline under the text that writes the posting time as `更新时间` beside a counter is still read
    assert day(page(foot=FOOTER, under="文章来源：本站原创 点击数：35 更新时间：2009-3-5")) == "2009-03-05"


def test_a_two_digit_roc_year_after_a_traditional_label():
    for line, when in (("發布日期：96-05-30", "2007-05-30"), ("發佈時間：98/05/12 10:20", "2009-05-12"),
                       ("發布日期：95年11月19日", "2006-11-19"), ("發布日期：99.06.02 瀏覽次數：35", "2010-06-02"),
                       ("發佈日期：80-01-05", "1991-01-05")):
        assert day(page(line)) == when, line
    # the same digits after a simplified label keep the Western century; a year whose ROC reading is
    # before 1990 too
    assert day(page("发布日期：96-05-30", lang="zh-CN")) == "1996-05-30"
    assert day(page("發布日期：09-03-19")) == "2009-03-19"
    # three digits were read already
    assert day(page("發布日期：113-05-18")) == "2024-05-18"


def test_a_cms_comment_of_an_included_block_dates_no_page():
    # `<!--[4,175,19] published at … from #10 by system-->`: when an included block (a side list, an ad) was
    # made, as served pages carry it in their head, their side column or inside the text
    comment = "<!--[4,175,19] published at 2026-11-30 12:29:22 from #10 by system-->"
    assert day(page(head=comment)) is None
    assert day(page(head=comment).replace("<p>", comment + "<p>", 1)) is None
    assert day(page(head=comment), "http://www.example.cn/gn/2016/08-12/7969031.shtml") == "2016-08-12"
