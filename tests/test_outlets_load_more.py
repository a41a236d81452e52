"""A column whose 'load more' (加载更多) button asks a back end for the next items as markup
wrapped in JSON: `{"code": 0, "data": {"html": "<li><a href=\\"/a/1.html\\">…</a></li>…", "hasMore": true}}`,
as many CMSs' list pages and WordPress's admin-ajax answer. The address a browser's network panel
shows (`/api/more?page=1`) is the list users find.

As an html source, the answer was read as a page: its escaped markup gave links such as
`\\"/a/1.html\\"` (quotes and `\\/` part of the address), every one a 404 given up, or none;
`monitor add-source` on it said 'no feed, sitemap or list of article links found' (a JSON answer
with no list of objects). The markup the answer's strings hold is now the page read (its links,
their rows' dates), and add-source proposes the html block, the page number as page_url. The
text is invented.
"""

from __future__ import annotations

import json

import pytest
from hostile import Site, _send
from test_cycle import make_ctx  # noqa: F401  (make_ctx is a fixture)
from test_source_kinds import _cli, _first_block

from monitor.pipeline import poll

HEADLINES = ["三明与上海共建产业园区座谈会召开", "沪明两地文旅合作推介会在沪举行", "三明市新能源项目集中签约仪式举行",
             "上海医疗专家团队赴三明开展义诊活动", "沪明对口合作干部人才交流座谈会举行", "三明文旅推介会走进上海社区"]


def rows(numbers) -> str:
    return "".join(f'<li class="item"><a href="/a/2026/{n}.html" target="_blank">{HEADLINES[n]}</a>'
                   f'<span class="time">2026-12-0{n + 1}</span></li>' for n in numbers)


def answers(shape: str):
    """The answer for page 1 and page 2, as `shape` wraps the markup."""
    def answer(numbers) -> bytes:
        markup = rows(numbers)
        if shape == "data.html":
            data = {"code": 0, "msg": "success", "data": {"html": markup, "hasMore": True, "page": 1}}
        elif shape == "list of cards":
            data = {"status": 1, "list": [rows([n]) for n in numbers], "more": 1}
        else:  # a PHP back end (slashes escaped too), a Go one (tags escaped)
            data = {"success": True, "data": markup}
        text = json.dumps(data, ensure_ascii=False)
        if shape == "escaped slashes":
            text = text.replace("/", "\\/")
        elif shape == "escaped tags":  # as Go's and Java's encoders write markup
            text = json.dumps(data).replace("<", "\\u003c").replace(">", "\\u003e")
        return text.encode()
    return answer(range(3)), answer(range(3, 6))


def serve(site: Site, shape: str) -> None:
    first, second = answers(shape)

    def more(h):
        body = second if "page=2" in h.path else first
        _send(h, 200, {"Content-Type": "application/json; charset=utf-8"}, body)
    site.routes["/api/more"] = more
    for n, title in enumerate(HEADLINES):
        site.article(f"/a/2026/{n}.html", title)


SHAPES = ["data.html", "list of cards", "escaped slashes", "escaped tags"]


@pytest.mark.parametrize("shape", SHAPES)
def test_a_load_more_answers_markup_is_the_list_read(make_ctx, shape):  # noqa: F811
    with Site() as site:
        serve(site, shape)
        ctx = make_ctx(f'[[sources]]\nname = "more"\nkind = "html"\nurl = "{site.url("/api/more?page=1")}"\n'
                       'link_selector = "li.item a"\npage_url = "?page={n}"\npages = 2\n')
        report = poll(ctx)[0]
        stored = {r["url"]: r["title"] for r in ctx.store.db.query("SELECT url, title FROM articles")}
    assert stored == {site.url(f"/a/2026/{n}.html"): HEADLINES[n] for n in range(6)}, (report, stored)


@pytest.mark.parametrize("shape", SHAPES)
def test_add_source_on_a_load_more_address_proposes_the_list_and_it_polls(tmp_path, make_ctx, shape):  # noqa: F811
    with Site() as site:
        serve(site, shape)
        result = _cli(tmp_path, "add-source", site.url("/api/more?page=1"), "--name", "more")
        assert result.exit_code == 0, result.output
        block = _first_block(result.output)
        assert block["kind"] == "html" and block["url"] == site.url("/api/more?page=1"), result.output
        ctx = make_ctx("[[sources]]\n" + "".join(f"{k} = {json.dumps(v, ensure_ascii=False)}\n" for k, v in block.items()))
        report = poll(ctx)[0]
        stored = {r["url"] for r in ctx.store.db.query("SELECT url FROM articles")}
    assert stored >= {site.url(f"/a/2026/{n}.html") for n in range(3)}, (report, stored, result.output)
