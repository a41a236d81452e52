"""List pages whose items a script draws from the page's own data: the HTML a server sends has
no `<a>` for them, only a JSON blob (`window.__INITIAL_STATE__ = {…}`, a `<script
type="application/json">`, a JSON-LD ItemList). A browser shows the list; the html source said
"link_selector matched nothing" at every poll (the hint: the layout may have changed), and
add-source found no list. Now the list in the data is read: its items' pages, titles and dates.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from hostile import Site
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll
from monitor.sources import scriptdata

TITLE = "三明与上海合作第{}号项目签约落地"
SHANGHAI = timezone(timedelta(hours=8))


def items(numbers: range) -> list[dict]:
    return [{"id": n, "title": TITLE.format(n), "linkUrl": f"/content/{n}.html", "cover": f"/img/{n}.jpg",
             "pubDate": f"2026-12-0{1 + n % 5} 10:00:00"} for n in numbers]


def state_page(data: list[dict]) -> str:
    blob = json.dumps({"site": {"name": "县融媒体", "nav": [{"name": "首页", "url": "/"}]},
                       "column": {"name": "要闻", "total": len(data), "list": data}}, ensure_ascii=False)
    return ('<html><head><title>要闻</title></head><body><div id="app"></div>'
            f'<script>window.__INITIAL_STATE__ = {blob};</script><script src="/static/app.js"></script></body></html>')


def json_script_page(data: list[dict]) -> str:
    blob = json.dumps({"props": {"pageProps": {"articles": data}}}, ensure_ascii=False)
    return f'<html><body><div id="root"></div><script id="__NEXT_DATA__" type="application/json">{blob}</script></body></html>'


@pytest.mark.parametrize("render", [state_page, json_script_page])
def test_a_list_drawn_from_the_pages_script_data_is_read(make_ctx, render):  # noqa: F811
    with Site() as a:
        a.page("/col/yw.html", render(items(range(4))))
        for n in range(4):
            a.article(f"/content/{n}.html", TITLE.format(n))
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{a.url("/col/yw.html")}"\n'
                       'link_selector = "ul.news a"\n')  # as it was before the site was rebuilt
        report = poll(ctx)[0]
        stored = urls(ctx)
        asked = a.paths()
    assert report.status == "ok" and report.new == 4, report
    assert stored == {a.url(f"/content/{n}.html") for n in range(4)}
    assert not [p for p in asked if p.startswith("/img/")], asked  # a picture is no article


def test_the_datas_titles_and_dates_are_the_listings():
    found = scriptdata.candidates(state_page(items(range(3))), "http://127.0.0.1:1/col/yw.html")
    assert [c.url for c in found] == [f"http://127.0.0.1:1/content/{n}.html" for n in range(3)]
    assert [c.title for c in found] == [TITLE.format(n) for n in range(3)]
    assert found[1].published == datetime(2026, 12, 2, 10, tzinfo=SHANGHAI)


def test_a_json_ld_item_list_is_read():
    blob = json.dumps({"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [
        {"@type": "ListItem", "position": n, "url": f"https://news.example.cn/a/{n}.html"} for n in range(3)]})
    page = f'<html><body><script type="application/ld+json">{blob}</script></body></html>'
    found = scriptdata.candidates(page, "https://news.example.cn/list/")
    assert [c.url for c in found] == [f"https://news.example.cn/a/{n}.html" for n in range(3)]


@pytest.mark.parametrize("script", [
    'var menu = [{"name": "首页", "icon": "/img/a.png"}, {"name": "要闻", "icon": "/img/b.png"}];',
    'var x = {list: [{url: "/a/1.html"}, {url: "/a/2.html"}]};',  # a script's own object literal: not JSON
    "var cfg = {\"api\": \"/api/list\", \"page\": 1};",
])
def test_script_data_without_a_list_of_pages_is_no_list(script):
    assert scriptdata.candidates(f"<html><body><script>{script}</script></body></html>", "http://x.cn/") == []


def test_a_page_of_links_is_read_by_its_links_not_its_data(make_ctx):  # noqa: F811
    """A guard: the data is read only where the selector finds nothing."""
    with Site() as a:
        a.page("/col/yw.html", state_page(items(range(4))).replace(
            '<div id="app"></div>', f'<ul class="news"><li><a href="/content/9.html">{TITLE.format(9)}</a></li></ul>'))
        a.article("/content/9.html", TITLE.format(9))
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{a.url("/col/yw.html")}"\n'
                       'link_selector = "ul.news a"\n')
        poll(ctx)
        stored = urls(ctx)
    assert stored == {a.url("/content/9.html")}


def test_add_source_offers_the_list_in_the_pages_data_and_the_block_polls(tmp_path, make_ctx):  # noqa: F811
    from test_source_kinds import _cli, _first_block

    with Site() as a:
        a.page("/col/yw.html", state_page(items(range(4))))
        for n in range(4):
            a.article(f"/content/{n}.html", TITLE.format(n))
        result = _cli(tmp_path, "add-source", a.url("/col/yw.html"), "--name", "county")
        assert result.exit_code == 0, result.output
        block = _first_block(result.output)
        assert block["kind"] == "html" and block["link_selector"] == "script", block
        ctx = make_ctx("[[sources]]\n" + "".join(f"{k} = {json.dumps(v, ensure_ascii=False)}\n"
                                                 for k, v in block.items()))
        report = poll(ctx)[0]
    assert report.new == 4, report
