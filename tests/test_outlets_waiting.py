"""A busy list and `fetch.max_articles_per_poll`: the links a poll leaves for later.

A list of 60 new items a poll with a cap of 20 deferred 40 links; by the next poll the list had
scrolled 60 further and they were off its page, never fetched (the report said `deferred=40`
and nothing came of it). The links a poll leaves are now kept with the source and taken first
by the next poll (newest first), whether the list still shows them or not; links stored or given
up since leave the queue, and it is bounded.
"""

from __future__ import annotations

import json

from hostile import Site
from test_cycle import FETCH, make_ctx, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll


def headline(n: int) -> str:
    return f"三明与上海合作第{n}号项目签约落地"


def newest_first_list(a: Site, numbers: range) -> None:
    items = "".join(f'<li><a href="/news/{n}.html">{headline(n)}</a></li>' for n in reversed(numbers))
    a.page("/list.html", f'<html><body><ul class="news">{items}</ul></body></html>')
    for n in numbers:
        a.article(f"/news/{n}.html", headline(n))


def source(a: Site) -> str:
    return (f'[[sources]]\nname = "portal"\nkind = "html"\nurl = "{a.url("/list.html")}"\n'
            'link_selector = "ul.news a"\n')


def test_links_deferred_by_the_cap_are_fetched_after_the_list_scrolls_past_them(make_ctx):  # noqa: F811
    with Site() as a:
        newest_first_list(a, range(1, 61))
        ctx = make_ctx(source(a), fetch=FETCH + "max_articles_per_poll = 20\n")
        first = poll(ctx)[0]
        newest_first_list(a, range(61, 121))  # 60 more: the first 60 are off the list's page
        second = poll(ctx)[0]
        by_second = urls(ctx)
        third = poll(ctx)[0]
        stored = urls(ctx)
        left = json.loads(ctx.store.source_state("portal").get("waiting") or "[]")
    assert (first.new, first.deferred) == (20, 40), first
    assert second.new == 20 and third.new == 20, (second, third)
    assert {a.url(f"/news/{n}.html") for n in range(1, 61)} <= stored, sorted(stored)
    # the newest of them first: 21-40 at the second poll, 1-20 at the third
    assert by_second == {a.url(f"/news/{n}.html") for n in range(21, 61)}, sorted(by_second)
    assert [row["url"] for row in left] == [a.url(f"/news/{n}.html") for n in range(120, 60, -1)]


def test_the_queue_drains_and_is_bounded(make_ctx, monkeypatch):  # noqa: F811
    from monitor.pipeline import waiting as waiting_links  # (not on main: the test fails there)

    monkeypatch.setattr(waiting_links, "MAX_WAITING", 5)
    with Site() as a:
        newest_first_list(a, range(1, 11))
        ctx = make_ctx(source(a), fetch=FETCH + "max_articles_per_poll = 4\n")
        poll(ctx)
        kept = json.loads(ctx.store.source_state("portal")["waiting"])
        reports = [poll(ctx)[0] for _ in range(2)]
        left = json.loads(ctx.store.source_state("portal")["waiting"])
        stored = urls(ctx)
    assert [row["url"] for row in kept] == [a.url(f"/news/{n}.html") for n in (6, 5, 4, 3, 2)], kept
    assert [r.new for r in reports] == [4, 2] and left == [], (reports, left)
    assert len(stored) == 10, sorted(stored)


def test_monitor_sources_says_how_many_links_wait(make_ctx):  # noqa: F811
    from click.testing import CliRunner

    from monitor.cli import main

    with Site() as a:
        newest_first_list(a, range(1, 11))
        ctx = make_ctx(source(a), fetch=FETCH + "max_articles_per_poll = 4\n")
        poll(ctx)
        result = CliRunner().invoke(main, ["--config", str(ctx.cfg.path), "--db", str(ctx.cfg.db_path), "sources"],
                                    env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    assert "6 links waiting for the next poll" in " ".join(result.output.split()), result.output
