"""JSON APIs that page by cursor, not by page number: each answer gives the next page's token
(`"next_cursor": "c2"`, a `pageToken`, `has_more` with an `offset` id) or its address
(`"next": "/api/list?after=…"`), as app-style news APIs and many CMS back ends do.

A json-api source could only number its pages (`{page}`): such an API gave its first answer at
every poll and a burst past it was never read (a second request was the first page again,
its items all 'listed twice'), and nothing said so. `next_page` is now the path to the next
page's cursor in the answer, sent as `{cursor}` in the URL, form or body (empty for the first
page); an answer giving an address is asked for as it is; the list ends where no cursor is given
or one leads back to a page read. `{cursor}` without `next_page` is a config problem.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from hostile import Site, _send
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)

from monitor import config
from monitor.errors import ConfigError
from monitor.pipeline import poll


def headline(n: int) -> str:
    return f"三明与上海合作第{n}号项目签约落地"


def cursor_api(a: Site, pages: list[list[int]], tokens: list[str | None], key: str = "cursor") -> None:
    """`/api/list?cursor=` answers page 1; `?cursor=<tokens[i-1]>` page i; its answer names tokens[i]."""
    where = {"": 0, **{t: i + 1 for i, t in enumerate(tokens) if t}}

    def serve(h) -> None:
        got = parse_qs(urlsplit(h.path).query, keep_blank_values=True).get(key, [""])[0]
        if got not in where:
            return _send(h, 400, {"Content-Type": "application/json"}, b'{"error": "bad cursor"}')
        i = where[got]
        items = [{"title": headline(n), "url": f"/n/{n}.html"} for n in pages[i]]
        body = {"data": {"items": items, "next_cursor": tokens[i] if i < len(tokens) else None}}
        _send(h, 200, {"Content-Type": "application/json"}, json.dumps(body).encode())

    a.routes["/api/list"] = serve
    for n in (n for page in pages for n in page):
        a.article(f"/n/{n}.html", headline(n))


def source(a: Site, url: str, extra: str = 'next_page = "data.next_cursor"\nmax_pages = 5\n') -> str:
    return (f'[[sources]]\nname = "app"\nkind = "json-api"\nurl = "{a.url(url)}"\nitems = "data.items"\n'
            f'title = "title"\nlink = "url"\n{extra}')


def test_a_cursor_apis_pages_are_read_by_the_token_each_answer_gives(make_ctx):  # noqa: F811
    with Site() as a:
        cursor_api(a, [[9, 8, 7], [6, 5, 4], [3, 2, 1]], ["c2+/=", "c3", None])
        ctx = make_ctx(source(a, "/api/list?cursor={cursor}"))
        report = poll(ctx)[0]
        stored = urls(ctx)
        asked = [p for p in a.paths() if p.startswith("/api/")]
    assert report.new == 9, (report, asked)
    assert stored == {a.url(f"/n/{n}.html") for n in range(1, 10)}, sorted(stored)
    assert asked == ["/api/list?cursor=", "/api/list?cursor=c2%2B%2F%3D", "/api/list?cursor=c3"], asked


def test_an_answer_giving_the_next_pages_address_and_a_cursor_leading_back(make_ctx):  # noqa: F811
    with Site() as a:
        def serve(h) -> None:
            after = parse_qs(urlsplit(h.path).query).get("after", ["0"])[0]
            start = int(after)
            items = [{"title": headline(n), "url": f"/n/{n}.html"} for n in range(start + 1, start + 3)]
            nxt = f"/api/feed?after={start + 2}" if start < 4 else "/api/feed?after=4"  # the last one points at itself
            _send(h, 200, {"Content-Type": "application/json"},
                  json.dumps({"data": {"items": items, "next": nxt}}).encode())

        a.routes["/api/feed"] = serve
        for n in range(1, 9):
            a.article(f"/n/{n}.html", headline(n))
        ctx = make_ctx(source(a, "/api/feed", 'next_page = "data.next"\nmax_pages = 10\n'))
        report = poll(ctx)[0]
        asked = [p for p in a.paths() if p.startswith("/api/")]
    assert report.new == 6, (report, asked)
    assert asked == ["/api/feed", "/api/feed?after=2", "/api/feed?after=4"], asked


def test_a_cursor_in_the_url_without_next_page_is_a_config_problem(tmp_path):
    path = tmp_path / "monitor.toml"
    path.write_text('[[sources]]\nname = "app"\nkind = "json-api"\nurl = "https://app.example.cn/api?c={cursor}"\n'
                    'items = "data.items"\nlink = "url"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"sources\.app\.next_page: missing: \{cursor\} is never filled"):
        config.load(path, tmp_path / "m.db")
