"""`monitor add-source` given a JSON API's address: what a browser's network panel shows a
portal's list page asking for (`/api/news/list?pageNo=1&pageSize=20`), as users find them.

It said 'no feed, sitemap or list of article links found': the answer was read as an HTML page
and a JSON text has no links. It now proposes a `json-api` block: the list of objects naming
pages (at any depth, a list of groups joined by `[*]`, a wrapper object's article), the fields
holding each item's link, title and date (an epoch in milliseconds read as one), the query's page
number as `{page}` and the answer's page count when it gives one; the block polls as printed.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from hostile import Site, _send
from test_cycle import make_ctx  # noqa: F401  (make_ctx is a fixture)
from test_source_kinds import _cli, _first_block

from monitor.pipeline import poll

NOW = datetime.now(timezone.utc)


def headline(n: int) -> str:
    return f"三明与上海合作第{n}号项目签约落地"


def plain(n: int) -> dict:
    return {"id": 9000 + n, "title": headline(n), "summary": "沪明两地合作共建产业园区，" * 3,
            "url": f"/xw/2026-12/{9000 + n}.html", "cover": f"/img/{n}.jpg", "channel": "要闻",
            "publishTime": (NOW - timedelta(hours=n)).astimezone(timezone(timedelta(hours=8))).strftime("%Y-%m-%d %H:%M:%S")}


def app(n: int) -> dict:
    return {"docId": f"d{n}", "docTitle": headline(n), "views": 100 + n, "tags": ["沪明"],
            "shareUrl": f"http://HOST/content/{n}/", "ctime": int((NOW - timedelta(hours=n)).timestamp() * 1000)}


SHAPES = {  # an answer: (its JSON, the items path, title, link and date fields, date_format)
    "portal": ({"code": 200, "msg": "ok", "data": {"pageNo": 1, "totalPage": 3, "list": [plain(n) for n in range(1, 7)]}},
               ("data.list", "title", "url", "publishTime", None)),
    "by-day": ({"status": 0, "data": {"days": [{"day": "今天", "items": [plain(n) for n in range(1, 4)]},
                                               {"day": "昨天", "items": [plain(n) for n in range(4, 7)]}]}},
               ("data.days[*].items", "title", "url", "publishTime", None)),
    "app": ({"ret": 0, "result": {"hits": [{"score": 1.0 / n, "doc": app(n)} for n in range(1, 7)]}},
            ("result.hits[*].doc", "docTitle", "shareUrl", "ctime", None)),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_add_source_on_a_json_apis_address_proposes_a_json_api_block_that_polls(tmp_path, make_ctx, shape):  # noqa: F811
    answer, (items, title, link, date, fmt) = SHAPES[shape]
    with Site() as a:
        text = json.dumps(answer, ensure_ascii=False).replace("http://HOST", a.base)
        a.routes["/api/news/list"] = lambda h: _send(h, 200, {"Content-Type": "application/json;charset=UTF-8"},
                                                     text.encode())
        for n in range(1, 7):
            a.article(f"/xw/2026-12/{9000 + n}.html", headline(n))
            a.article(f"/content/{n}/", headline(n))
        result = _cli(tmp_path, "add-source", a.url("/api/news/list?pageNo=1&pageSize=20"), "--name", "app")
        assert result.exit_code == 0, result.output
        block = _first_block(result.output)
        assert block["kind"] == "json-api", result.output
        assert (block["items"], block["title"], block["link"], block["date"], block.get("date_format")) == \
            (items, title, link, date, fmt), block
        assert block["url"] == a.url("/api/news/list?pageNo={page}&pageSize=20"), block
        if shape == "portal":
            assert block["page_count"] == "data.totalPage", block
        ctx = make_ctx("[[sources]]\n" + "".join(f"{k} = {json.dumps(v, ensure_ascii=False)}\n" for k, v in block.items()))
        report = poll(ctx)[0]
        dated = [r["published"] for r in ctx.store.db.query("SELECT published FROM articles")]
    assert report.new == 6, report
    assert len(dated) == 6 and all(dated), dated


def test_json_without_a_list_of_pages_is_still_no_source(tmp_path):
    with Site() as a:
        body = json.dumps({"code": 0, "data": {"weather": [{"city": "三明", "temp": 21}, {"city": "上海", "temp": 15}]}})
        a.routes["/api/weather"] = lambda h: _send(h, 200, {"Content-Type": "application/json"}, body.encode())
        result = _cli(tmp_path, "add-source", a.url("/api/weather"))
    assert result.exit_code != 0 and "no feed, sitemap or list" in result.output, result.output


def test_add_source_on_a_cursor_apis_address_reads_on_by_the_cursor(tmp_path, make_ctx):  # noqa: F811
    """An API paged by cursor (each answer giving the next page's token, `data.next_cursor`): the
    block gives `next_page` and `{cursor}` in the query's cursor parameter, and reads every page."""
    from test_outlets_cursor_apis import cursor_api

    with Site() as a:
        cursor_api(a, [[9, 8, 7], [6, 5, 4]], ["c2", None])
        result = _cli(tmp_path, "add-source", a.url("/api/list?cursor=&size=3"), "--name", "app")
        assert result.exit_code == 0, result.output
        block = _first_block(result.output)
        assert (block["url"], block.get("next_page")) == (a.url("/api/list?cursor={cursor}&size=3"), "data.next_cursor"), block
        ctx = make_ctx("[[sources]]\n" + "".join(f"{k} = {json.dumps(v, ensure_ascii=False)}\n" for k, v in block.items()))
        report = poll(ctx)[0]
    assert report.new == 6, report
