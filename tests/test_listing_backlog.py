"""A backlog deeper than one poll's catch-up: the daemon was down for a week, or a county site
put up its whole month at once.

A source polled before reads on past its `pages` while each list page still ends on a new
link, but only CATCH_UP_PAGES more a poll. When the news ran deeper than that, the next poll
started again at page 1, found only links it had just stored, and stopped: every article past
the first poll's last page was lost for good (with 5 links a page, 60 new meant 30 lost). A
JSON API source had no catch-up at all: past its one page, a burst was lost the same way.

Now a walk that stops at its page budget with the news still going leaves a mark where it
stopped (the source's `frontier`), and the next polls read on from there, past the pages they
stored in between, until the old news is reached.
"""

from __future__ import annotations

import json
import time

from hostile import Site
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)
from test_listing_catch_up import PER_PAGE, publish, source

from monitor.pipeline import poll
from monitor.pipeline.listing import CATCH_UP_PAGES

DEEP = (1 + CATCH_UP_PAGES) * PER_PAGE * 2  # twice what one poll reads


def backlogged(make_ctx, a: Site, pager: str = "pattern", fetch: str | None = None):  # noqa: F811
    """A source polled once with 3 articles, then DEEP more published; its Context."""
    from test_cycle import FETCH

    publish(a, 3, pager=pager)
    ctx = make_ctx(source(a.url("/list.html"), pager), fetch=fetch or FETCH)
    poll(ctx)
    time.sleep(1.1)  # articles are stamped to the second: the backlog's end is what came before
    publish(a, 3 + DEEP, pager=pager)
    return ctx


def test_a_backlog_deeper_than_a_polls_catch_up_is_read_over_the_next_polls(make_ctx):  # noqa: F811
    with Site() as a:
        ctx = backlogged(make_ctx, a)
        news = [poll(ctx)[0].new for _ in range(3)]
        paths = publish(a, 3 + DEEP + 2, pager="pattern")  # and two more on a later day
        last = poll(ctx)[0]
        asked = a.paths()
    assert sum(news) == DEEP and news[0] == (1 + CATCH_UP_PAGES) * PER_PAGE, news
    assert last.new == 2
    assert urls(ctx) == {a.url(p) for p in paths}
    assert ctx.store.source_state("county").get("frontier") in (None, "", "[]")
    # the backlog ended on the news stored before it: no page past it was asked for, and the
    # last poll found the news on page 1 and no mark: it read nothing past page 1
    assert f"/list_{DEEP // PER_PAGE + 2}.html" not in asked
    assert asked[-4:].count("/list_2.html") == 0, asked[-6:]


def test_news_published_while_catching_up_pushes_the_backlog_down_and_nothing_is_lost(make_ctx):  # noqa: F811
    with Site() as a:
        ctx = backlogged(make_ctx, a, "link")
        count = 3 + DEEP
        for more in (7, 0, 12, 0, 0):  # news between the polls moves every page's links down
            poll(ctx)
            count += more
            paths = publish(a, count, pager="link")
        poll(ctx)
    assert urls(ctx) == {a.url(p) for p in paths}


def api_site(a: Site, count: int, per_page: int = 5) -> list[str]:
    """A JSON API listing `count` articles newest first, `per_page` an answer (/api/{n}.json)."""
    paths = [f"/doc/{i}.html" for i in reversed(range(count))]
    for k in range(0, max(count, 1), per_page):
        items = [{"title": f"三明与上海合作第{p[5:-5]}号项目签约落地", "url": p} for p in paths[k:k + per_page]]
        a.page(f"/api/{k // per_page + 1}.json", json.dumps({"data": {"list": items}}, ensure_ascii=False),
               content_type="application/json")
    for p in paths:
        a.article(p, f"三明与上海合作第{p[5:-5]}号项目签约落地")
    a.page(f"/api/{count // per_page + 2}.json", json.dumps({"data": {"list": []}}), content_type="application/json")
    return paths


def api_source(a: Site) -> str:
    return (f'[[sources]]\nname = "api"\nkind = "json-api"\nurl = "{a.url("/api/{page}.json")}"\n'
            'items = "data.list"\ntitle = "title"\nlink = "url"\n')


def test_a_json_api_source_catches_up_past_its_one_page(make_ctx):  # noqa: F811
    with Site() as a:
        api_site(a, 3)
        ctx = make_ctx(api_source(a))
        assert poll(ctx)[0].new == 3
        paths = api_site(a, 3 + 47)  # ten answers of five
        news = [poll(ctx)[0].new for _ in range(3)]
    assert sum(news) == 47, news
    assert urls(ctx) == {a.url(p) for p in paths}


def test_a_json_api_source_first_poll_reads_only_its_pages(make_ctx):  # noqa: F811
    with Site() as a:
        api_site(a, 40)
        ctx = make_ctx(api_source(a))
        assert poll(ctx)[0].new == 5
        assert poll(ctx)[0].new == 0  # its archive is not the news
        asked = a.paths()
    assert "/api/2.json" not in asked


def test_a_mark_whose_page_is_gone_costs_the_source_nothing_and_is_let_go(make_ctx):  # noqa: F811
    """The site rebuilt its pager: the page a poll stopped at answers 404. The poll still stores
    page 1's news and says it is ok; after a few polls the mark goes."""
    from monitor.sources.base import FRONTIER_FAILS

    with Site() as a:
        ctx = backlogged(make_ctx, a)
        poll(ctx)
        marked = json.loads(ctx.store.source_state("county")["frontier"])
        paths = publish(a, 3 + DEEP + 2, pager="pattern")[:2]
        for k in range(2, 4 + DEEP // PER_PAGE):
            a.page(f"/list_{k}.html", "gone", status=404)
        reports = [poll(ctx)[0] for _ in range(FRONTIER_FAILS + 1)]
    assert [m["n"] for m in marked] == [1 + CATCH_UP_PAGES]
    assert reports[0].new == 2 and {a.url(p) for p in paths} <= urls(ctx)
    assert all(r.status == "ok" for r in reports), [(r.status, r.errors) for r in reports]
    assert json.loads(ctx.store.source_state("county")["frontier"]) == []


def test_a_stored_mark_that_is_not_a_mark_is_ignored(make_ctx):  # noqa: F811
    with Site() as a:
        paths = publish(a, 3, pager="pattern")
        ctx = make_ctx(source(a.url("/list.html"), "pattern"))
        poll(ctx)
        for junk in ("{not json", '{"url": 1}', '[{"url": "x"}, 7, null]', "[]"):
            ctx.store.db.execute("UPDATE sources SET frontier = ? WHERE name = 'county'", [junk])
            ctx.store.db.conn.commit()
            report = poll(ctx)[0]
            assert report.status == "ok", (junk, report.errors)
    assert urls(ctx) == {a.url(p) for p in paths}


def test_monitor_sources_says_where_a_backlog_is_read_from(make_ctx, tmp_path):  # noqa: F811
    import subprocess
    import sys

    with Site() as a:
        ctx = backlogged(make_ctx, a)
        poll(ctx)
    ctx.store.close()
    out = subprocess.run([sys.executable, "-m", "monitor", "--config", str(tmp_path / "monitor.toml"),
                          "--db", str(tmp_path / "m.db"), "sources"], capture_output=True, text=True,
                         env={"COLUMNS": "250", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert "backlog" in out.stdout and f"page {1 + CATCH_UP_PAGES}" in out.stdout, out.stdout


def test_a_backlog_read_under_a_per_poll_cap_loses_nothing(make_ctx):  # noqa: F811
    """max_articles_per_poll = 7: each poll stores only part of what it lists; the links it
    leaves are read again, however the mark moved."""
    from test_cycle import FETCH

    with Site() as a:
        ctx = backlogged(make_ctx, a, "link", fetch=FETCH + "max_articles_per_poll = 7\n")
        paths = publish(a, 3 + DEEP, pager="link")
        news = [poll(ctx)[0].new for _ in range(DEEP // 7 + 4)]
    assert sum(news) == DEEP and news[-1] == 0, news
    assert urls(ctx) == {a.url(p) for p in paths}


def test_a_backlog_article_failing_once_is_fetched_at_a_later_poll(make_ctx):  # noqa: F811
    with Site() as a:
        ctx = backlogged(make_ctx, a)
        paths = publish(a, 3 + DEEP, pager="pattern")
        poll(ctx)  # pages 1-6; the mark at page 6
        flaky = paths[(1 + CATCH_UP_PAGES) * PER_PAGE + 2]  # on page 7, read from the mark
        a.page(flaky, "busy", status=503)
        poll(ctx)
        assert a.url(flaky) not in urls(ctx)
        publish(a, 3 + DEEP, pager="pattern")  # it answers again
        for _ in range(3):
            poll(ctx)
    assert urls(ctx) == {a.url(p) for p in paths}


def test_the_web_sources_page_says_where_a_backlog_is_read_from(make_ctx):  # noqa: F811
    import httpx
    from test_web import Served

    from monitor.web import create_app

    with Site() as a:
        ctx = backlogged(make_ctx, a)
        poll(ctx)
    with Served(create_app(ctx, auth="")) as web:
        page = httpx.get(web.url("/sources"), timeout=20).text
    assert f"reading a backlog from page {1 + CATCH_UP_PAGES}" in page


def test_a_list_page_failing_for_a_while_in_the_backlog_holds_the_mark_there(make_ctx):  # noqa: F811
    """A list page past the mark answers 503 (the site busy): the backlog past it is not given
    up as the list's end; the mark waits at that page and the next polls read on."""
    with Site() as a:
        ctx = backlogged(make_ctx, a)
        paths = publish(a, 3 + DEEP, pager="pattern")
        poll(ctx)  # pages 1-6; the mark at page 6
        busy = f"/list_{CATCH_UP_PAGES + 3}.html"
        a.page(busy, "busy", status=503)
        poll(ctx)
        held = json.loads(ctx.store.source_state("county")["frontier"])
        publish(a, 3 + DEEP, pager="pattern")  # it answers again
        for _ in range(3):
            poll(ctx)
    assert [m["n"] for m in held] == [CATCH_UP_PAGES + 3]
    assert urls(ctx) == {a.url(p) for p in paths}
