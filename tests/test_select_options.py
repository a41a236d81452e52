"""A `<select>` of tens of thousands of options: the HTML parser handles each option inside a
select in time growing with the ones before it, so 16,000 took a second and 120,000 (a 4 MB page,
under the fetch cap) close to a minute, for the article and for a list page alike. A jump menu a
reader uses holds tens or hundreds; past `MAX_OPTIONS` the options of a select are dropped (what
follows the select stays), and an ordinary page is handed on as it came. The guards compare the CPU
for 4x the options with a reference run of a quarter of them (tests/cpuguard.py), not with a timeout."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from cpuguard import LINEAR, growth
from selectolax.lexbor import LexborHTMLParser

from monitor import markup
from monitor.config import Source
from monitor.extract import extract
from monitor.sources import candidates

NOW = datetime(2026, 12, 6, tzinfo=timezone.utc)
BODY = ("<h1>沪明两地签署文旅合作协议</h1><p>2026-12-01 08:00</p>"
        "<p>上海市与三明市在沪签署文旅对口合作协议，双方将共建疗休养基地，互送客源。</p>"
        "<p>根据协议，三明将为上海职工开放更多疗休养线路，两地还将联合推出旅游年卡。</p>")


def menu(n: int, closed: bool = True, case: str = "option") -> str:
    options = "".join(f'<{case} value="/news/list_{i}.html">第{i}页' + (f"</{case}>" if closed else "")
                      for i in range(1, n + 1))
    return f'<form><SELECT name="jump" onchange="location=this.value">{options}</select></form>'


@pytest.mark.parametrize("closed", [True, False])
def test_an_article_under_a_jump_menu_of_endless_options_is_read(closed):
    def read(n: int):
        page = f"<html><head><title>沪明两地签署文旅合作协议</title></head><body>{menu(n, closed)}{BODY}</body></html>"
        return extract(page, "http://news.example.cn/2026/12/01/a.html", now=NOW)

    assert (grew := growth(read, 32_000)) < LINEAR, f"{grew:.1f}x the CPU for 4x the options"  # ~16x uncapped
    article = read(120_000)
    assert "疗休养基地" in article.body and "旅游年卡" in article.body


def test_a_list_page_with_such_a_menu_still_gives_its_links():
    links = "".join(f'<li><a class="item" href="/news/{i}.html">沪明合作第{i}项进展</a></li>' for i in range(20))
    src = Source(name="l", kind="html", url="http://news.example.cn/news/", link_selector="a.item")

    def read(n: int) -> list:
        page = f"<html><body>{menu(n, case='OPTION')}<ul>{links}</ul></body></html>"
        return candidates(src, page.encode("utf-8"), {"content-type": "text/html; charset=utf-8"}, src.url)

    assert (grew := growth(read, 32_000)) < LINEAR, f"{grew:.1f}x the CPU for 4x the options"
    assert len(read(120_000)) == 20


def test_the_first_options_stay_and_an_ordinary_menu_is_untouched():
    capped = markup.cap_options(menu(markup.MAX_OPTIONS + 500))
    options = LexborHTMLParser(capped).css("option")
    assert len(options) == markup.MAX_OPTIONS and options[0].attributes["value"] == "/news/list_1.html"
    ordinary = f"<html><body>{menu(300)}{BODY}</body></html>" * 10  # 3,000 options, none past the cap in a select
    assert markup.reshape(ordinary) == ordinary


@pytest.mark.parametrize("deep", ["<x-card>", "<optgroup><option>", "<bdi>"],
                         ids=["custom-elements", "optgroups-outside-a-select", "bdi"])
def test_elements_of_other_kinds_nested_endlessly_are_parsed_no_deeper_than_a_browser_would(deep):
    """Nesting of elements neither block nor phrasing (custom elements, option groups outside a
    select, bdi) made every later block start tag walk the whole stack: 30,000 custom elements
    and 10,000 <div> took half a second, a page of 60,000 each about ten. The page is parsed in a
    time linear in it (CPU for 4x the nesting and the blocks after it against a quarter of each)."""

    def page(n: int) -> str:
        return f"<html><head><title>沪明两地签署文旅合作协议</title></head><body>{deep * n}{BODY}" + "<div>补充</div>" * n

    grew = growth(lambda n: LexborHTMLParser(markup.reshape(page(n))).body, 24_000)
    assert grew < LINEAR, f"{grew:.1f}x the CPU for 4x the nesting"  # ~16x: each block walks the stack
    assert markup.flatten_nesting(page(24_000)).count("<") < page(24_000).count("<")
    article = extract(page(24_000), "http://news.example.cn/2026/12/01/a.html", now=NOW)
    assert "疗休养基地" in article.body
