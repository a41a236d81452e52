"""Tests for dates that government, mirror and portal pages (helper extract-12; see BENCHMARKS.md)
read wrongly, each class on a page written here: a mirror whose meta tags carry the day it copied
the article while the byline under the headline (or the URL) states the article's own, earlier day;
a government information table's effective and deadline dates (`生效日期`, `截止日期`) taken for the
publication date.
"""

from __future__ import annotations

from datetime import datetime, timezone

from datekit import day

from monitor.extract import extract

NOW = datetime(2026, 12, 4, 10, tzinfo=timezone.utc)

TEXT = ("<p>今年入秋以来，青溪县组织各乡镇开展农田水利设施冬修工作，清理沟渠一百二十余公里，修复泵站十四座。</p>"
        "<p>县水利局有关负责人介绍，冬修工作将持续到明年春耕前，确保灌区群众用水不受影响。</p>"
        "<p>据了解，今年全县还安排专项资金八百万元，用于小型水库除险加固。</p>")


def mirror(byline: str, copied: str) -> str:
    """A reposting site: its copy time in `article:published_time` / `PubDate`, the article's
    byline (as the source printed it) under the headline."""
    return (f"<html><head><title>青溪县开展农田水利冬修_资讯频道</title>"
            f"<meta property='article:published_time' content='{copied}T03:12:45+08:00'>"
            f"<meta name='PubDate' content='{copied} 03:12'></head><body>"
            "<div class='hd'>资讯频道 <a>首页</a> <a>国内</a></div>"
            "<div class='article'><h1>青溪县开展农田水利冬修</h1>"
            f"<div class='byline'>{byline}</div><div class='body'>{TEXT}</div></div>"
            "<div class='ft'>本站部分内容来自互联网</div></body></html>")


def test_a_mirrors_copy_time_in_meta_gives_way_to_the_earlier_byline():
    for byline in ("2018-06-12 11:41:03 来源：青溪日报", "发布时间：2018-06-12", "青溪日报 2018-06-12"):
        page = mirror(byline, "2020-03-19")
        assert day(extract(page, "https://copy.example.cn/a/123.html", now=NOW)) == "2018-06-12", byline


def test_a_mirrors_copy_time_gives_way_to_a_signature_under_the_text():
    page = mirror("", "2011-01-07").replace("</div></div><div class='ft'>",
                                           "<p>二○○九年一月二十二日</p></div></div><div class='ft'>")
    assert day(extract(page, "https://copy.example.cn/a/123.html", now=NOW)) == "2009-01-22"


def test_a_mirrors_copy_time_gives_way_to_the_urls_earlier_day():
    page = mirror("来源：青溪日报", "2021-07-01")
    assert day(extract(page, "https://copy.example.cn/n2/2020/1217/c231-344.html", now=NOW)) == "2020-12-17"
    # No earlier day anywhere: the meta date stands.
    assert day(extract(page, "https://copy.example.cn/a/123.html", now=NOW)) == "2021-07-01"


def test_meta_tags_keep_their_date_when_the_byline_is_the_same_day_or_later():
    # A byline a day off (a time zone, a late edit) or an update after the publication changes nothing.
    assert day(extract(mirror("2018-06-13 08:00 来源：青溪日报", "2018-06-12"), None, now=NOW)) == "2018-06-12"
    assert day(extract(mirror("更新时间：2018-09-01 10:00", "2018-06-12"), None, now=NOW)) == "2018-06-12"


def xxgk(published: str, effective: str = "2019年08月01日") -> str:
    """A county portal's information disclosure page: the metadata table above the title."""
    return ("<html><head><meta charset='utf-8'><title>关于印发青溪县农田水利设施管护办法的通知_青溪县人民政府</title></head><body>"
            "<div class='top'>青溪县人民政府 <a>无障碍</a></div><div class='crumb'>首页 &gt; 政府信息公开</div>"
            "<table class='xxgk'><tr><th>索引号：</th><td>11350725MB0C/2019-00312</td><th>发布机构：</th><td>县水利局</td></tr>"
            "<tr><th>主题分类：</th><td>农业、水利</td><th>成文日期：</th><td>2019年06月24日</td></tr>"
            f"<tr><th>发布日期：</th><td>{published}</td><th>生效日期：</th><td>{effective}</td></tr></table>"
            "<div class='article'><h1>关于印发青溪县农田水利设施管护办法的通知</h1>"
            "<div class='tools'>浏览次数：1371 字号：<a>大</a> <a>中</a> <a>小</a></div>"
            f"<div class='TRS_Editor'>{TEXT}</div>"
            "<div>【<a>打印本页</a>】 【<a>关闭窗口</a>】</div></div>"
            "<div class='foot'>主办：青溪县人民政府办公室</div></body></html>")


def test_an_effective_date_is_not_the_publication_date():
    # The publication cell empty: neither the effective date nor the filing date's neighbour is taken.
    assert day(extract(xxgk(""), None, now=NOW)) != "2019-08-01"
    assert day(extract(xxgk("", effective=""), None, now=NOW)) != "2019-08-01"
    page = xxgk("").replace("生效日期", "截止日期")
    assert day(extract(page, None, now=NOW)) != "2019-08-01"


def undated(article: str, after: str = "") -> str:
    """A feature page that states no date of its own, with what follows its text."""
    return ("<html><head><meta charset='utf-8'><title>一个村庄的重生</title></head><body>"
            "<div class='topbar'>首页 下载APP 登录</div><h2>一个村庄的重生</h2>"
            "<div class='author-info'><span>青溪观察</span> <a>+关注</a></div>"
            f"<div class='article-content'>{article}</div>{after}"
            "<div class='foot'>本文为作者原创，未经授权禁止转载。</div></body></html>")


def test_a_date_opening_the_texts_first_sentence_does_not_date_the_page():
    text = ("<p>2017年6月21日，青溪村史上一个特殊的日子。这一天，新修的公路通到了村口，村民们早早等在路边。</p>"
            "<p>村里人开始并没有感到这一天会与其他日子有什么不同，忙忙碌碌，操心的事多。</p>")
    assert day(extract(undated(text), None, now=NOW)) is None
    # A date standing as the byline line under the text still dates it.
    assert day(extract(undated(text, "<div class='time'>2017-06-25</div>"), None, now=NOW)) == "2017-06-25"


def test_two_dated_links_under_a_list_heading_do_not_date_the_page():
    text = ("<p>金秋时节，我们走进青溪的山村，在丰收的田野边、温暖的炕头旁，与淳朴的乡亲们促膝而谈。</p>"
            "<p>这里植被覆盖率达八成，夜宿小木屋，晨起闻得虫鸟和鸣，一出门，新鲜的空气令人心旷神怡。</p>")
    after = ("<div class='list'><h3>最新资讯</h3><ul><li><a>全县秋粮收购工作有序推进</a><span>2024-06-12</span></li>"
             "<li><a>乡村旅游节开幕</a><span>2024-06-07</span></li></ul></div>")
    assert day(extract(undated(text, after), None, now=NOW)) is None
