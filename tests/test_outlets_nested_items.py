"""JSON APIs whose items are nested in groups: an app's feed grouped by day
(`{"data": {"days": [{"day": …, "list": […]}, …]}}`), a portal's columns each with its own list,
a search answer whose hits each wrap the article (`{"hits": [{"doc": {…}}]}`).

`items = "data.days[*].list"` (the path through each group to its list, as JSONPath writes it)
gave no items at all, and nothing said: a `*` was allowed only at the end and otherwise dropped,
so the path asked a list for a key and the answer read as an empty page. A `[*]` inside the
path now takes every element there: the groups' lists are joined in order, and a value that is
one object (each hit's `doc`) is an item.
"""

from __future__ import annotations

import json

import pytest
from hostile import Site, _send
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll


def headline(n: int) -> str:
    return f"三明与上海合作第{n}号项目签约落地"


def item(n: int) -> dict:
    return {"title": headline(n), "url": f"/n/{n}.html", "time": f"2026-12-0{n % 5 + 1} 10:00"}


ANSWERS = {
    "data.days[*].list": {"data": {"days": [{"day": "2026-12-06", "list": [item(1), item(2)]},
                                            {"day": "2026-12-05", "list": []},
                                            {"day": "2026-12-04", "list": [item(3)]}]}},
    "$.columns[*].news[*]": {"columns": [{"name": "要闻", "news": [item(1)]},
                                         {"name": "县区", "news": [item(2), item(3)]}]},
    "hits[*].doc": {"hits": [{"score": 2.5, "doc": item(1)}, {"score": 1.0, "doc": item(2)},
                             {"score": 0.5, "doc": item(3)}]},
}


@pytest.mark.parametrize("where", list(ANSWERS))
def test_items_nested_in_groups_are_read_by_a_star_in_the_path(make_ctx, where):  # noqa: F811
    with Site() as a:
        body = json.dumps(ANSWERS[where], ensure_ascii=False).encode()
        a.routes["/api/feed"] = lambda h: _send(h, 200, {"Content-Type": "application/json"}, body)
        for n in (1, 2, 3):
            a.article(f"/n/{n}.html", headline(n))
        ctx = make_ctx(f'[[sources]]\nname = "app"\nkind = "json-api"\nurl = "{a.url("/api/feed")}"\n'
                       f'items = "{where}"\ntitle = "title"\nlink = "url"\ndate = "time"\n')
        report = poll(ctx)[0]
        stored = urls(ctx)
    assert report.new == 3, report
    assert stored == {a.url(f"/n/{n}.html") for n in (1, 2, 3)}, sorted(stored)


def test_the_star_keeps_the_old_readings():
    from monitor.sources.jsonapi import items_at  # (new: the test fails on main)

    data = {"data": {"list": [1, 2], "groups": [{"l": [3]}, {"l": [4, 5]}, {"l": None}, "x"]}}
    assert items_at(data, "data.list") == [1, 2]
    assert items_at(data, "data.list[*]") == [1, 2]
    assert items_at(data, "$.data.groups[1].l") == [4, 5]
    assert items_at(data, "data.groups[*].l") == [3, 4, 5]
    assert items_at(data, "data.groups.*.l[*]") == [3, 4, 5]
    assert items_at(data, "data.missing[*].l") is None
    assert items_at(data, "data.list[*].x") == []
