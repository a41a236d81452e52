"""A list page that writes a new random value into each link every time it is served
(`1.html?r=0.84723`: a cache buster as `Math.random()` writes it, which no rule knows by name).
Each poll every link looked new: the monitor fetched every article again, poll after poll (a
list of 20 links polled every half hour: 960 needless requests a day to one small site), and
added an alias row for each (the same page under another query), for good. Now a link whose
address differs from a stored alias of an article only in a parameter the site already showed
to change nothing (the alias and its article differ in that parameter alone), and whose text is
that article's headline, is that article: not fetched again, nothing recorded. Articles told
apart by their query (`show.php?id=`) are still fetched, even where two ids once gave one page."""

from __future__ import annotations

import random

from hostile import BODY, Site
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

TITLES = ["三明与上海签约共建产业园区", "沪明两地联合举办文旅推介会", "上海专家团队赴永安开展义诊"]


def _listing(links: list[tuple[str, str]]) -> bytes:
    items = "".join(f'<li><a href="{href}">{title}</a></li>' for href, title in links)
    return f'<html><body><ul class="news">{items}</ul></body></html>'.encode()


def test_links_with_a_new_random_value_at_each_read_are_fetched_once_not_every_poll(make_ctx):  # noqa: F811
    with Site() as a:
        for i, title in enumerate(TITLES):
            a.article(f"/news/{i}.html", title, BODY + "\n" + title)

        def listing(h):
            body = _listing([(f"/news/{i}.html?r={random.random()}", t) for i, t in enumerate(TITLES)])
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)

        a.routes["/list.html"] = listing
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        asked = []
        for _ in range(4):
            before = len(a.hits)
            report = poll(ctx)[0]
            asked.append([p for p in a.paths()[before:] if p.startswith("/news/")])
            assert report.status == "ok", report
    assert [len(x) for x in asked[:2]] == [3, 3], asked  # stored; then seen to be the same pages
    assert asked[2:] == [[], []], asked
    assert len(urls(ctx)) == 3
    assert ctx.store.db.execute("SELECT count(*) FROM url_aliases").fetchone()[0] == 3


def test_articles_told_apart_by_their_query_are_fetched_even_after_two_ids_gave_one_page(make_ctx):  # noqa: F811
    notice = "三明市人民政府门户网站信息公开专栏"
    with Site() as a:
        a.page("/show.php", "")  # replaced below: the answer depends on the id
        pages = {"1": (notice, BODY), "2": (notice, BODY), "3": (TITLES[2], BODY + "\n义诊持续三天。")}

        def show(h):
            title, body = pages.get(h.path.rsplit("=", 1)[1], (notice, BODY))
            data = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1><div class='content'>"
                    + "".join(f"<p>{p}</p>" for p in body.split("\n")) + "</div></body></html>").encode()
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.send_header("Content-Length", str(len(data)))
            h.end_headers()
            h.wfile.write(data)

        a.routes["/show.php"] = show
        a.page("/list.html", _listing([("/show.php?id=1", notice), ("/show.php?id=2", notice)]))
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        first = poll(ctx)[0]
        a.page("/list.html", _listing([("/show.php?id=3", TITLES[2]), ("/show.php?id=4", notice)]))
        second = poll(ctx)[0]
        asked = a.paths()
    assert first.new == 1 and first.duplicates == 1, first
    assert "/show.php?id=3" in asked and second.new == 1, (asked, second)
