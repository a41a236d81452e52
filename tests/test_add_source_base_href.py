"""`monitor add-source` on a list page under a `<base href>` naming the site's root (a CMS that
writes every link relative to the root and says so in the head, as many county sites do).

The block proposed polled the base, the site's home page, not the list page given: the list
page's address was replaced by its base before the guess was made, so the source read the home
page (its own few links, or 'link_selector matched nothing'). The list's links still resolve
against the base; the source is the page given. The same for a list drawn from the page's data.
"""

from __future__ import annotations

import json

import pytest
from hostile import Site
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)
from test_source_kinds import _cli, _first_block

from monitor.pipeline import poll


def headline(n: int) -> str:
    return f"三明与上海合作第{n}号项目签约落地"


def rows(kind: str) -> str:
    if kind == "links":
        return '<ul class="news">' + "".join(f'<li><a href="xw/2026/12/content_{n}.htm">{headline(n)}</a></li>'
                                             for n in range(1, 5)) + "</ul>"
    data = {"list": [{"title": headline(n), "url": f"xw/2026/12/content_{n}.htm"} for n in range(1, 5)]}
    return f'<div id="app"></div><script>window.__INITIAL_STATE__ = {json.dumps(data, ensure_ascii=False)};</script>'


@pytest.mark.parametrize("kind", ["links", "data"])
def test_the_block_polls_the_list_page_given_not_its_base(tmp_path, make_ctx, kind):  # noqa: F811
    with Site() as a:
        a.page("/", '<html><body><a href="xw/index.html">要闻</a></body></html>')
        a.page("/xw/index.html", f'<html><head><base href="{a.url("/")}"><title>要闻</title></head>'
                                 f'<body>{rows(kind)}</body></html>')
        for n in range(1, 5):
            a.article(f"/xw/2026/12/content_{n}.htm", headline(n))
        result = _cli(tmp_path, "add-source", a.url("/xw/index.html"), "--name", "county")
        assert result.exit_code == 0, result.output
        block = _first_block(result.output)
        assert block["url"] == a.url("/xw/index.html"), result.output
        ctx = make_ctx("[[sources]]\n" + "".join(f"{k} = {json.dumps(v, ensure_ascii=False)}\n" for k, v in block.items()))
        report = poll(ctx)[0]
        stored = urls(ctx)
    assert report.new == 4, report
    assert stored == {a.url(f"/xw/2026/12/content_{n}.htm") for n in range(1, 5)}, sorted(stored)
