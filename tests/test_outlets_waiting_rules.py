"""Links a poll left waiting (`sources.waiting`) and the source's rules as they are at the poll
that takes them (faults-sources-4 left it).

A queue is taken first by the next poll, before the listing's news. It was taken as it stood:
links queued before `max_age_days` was set (or long enough ago to be past it now: a source
paused for weeks, a host resting) and links a since-added `exclude_pattern` or a narrowed
`link_pattern` rule out were fetched ahead of today's news, each a request to the site and a
slot of the poll's cap. Waiting links are now judged by the source's rules again at each poll,
as the listing's own links are: those the rules turn away leave the queue, unfetched.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from hostile import Site
from test_cycle import FETCH, make_ctx, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll


def headline(n: int) -> str:
    return f"三明与上海合作第{n}号项目签约落地"


def day(ago: int) -> str:
    return (datetime.now(timezone(timedelta(hours=8))) - timedelta(days=ago)).strftime("%Y-%m-%d")


def listing(a: Site, rows: list[tuple[str, int, int]]) -> None:
    """A column's rows (path, headline number, days ago), each dated in its own cell."""
    items = "".join(f'<li><a href="{p}">{headline(n)}</a><span class="date">{day(ago)}</span></li>'
                    for p, n, ago in rows)
    a.page("/list.html", f'<html><body><ul class="news">{items}</ul></body></html>')
    for p, n, _ in rows:
        a.article(p, headline(n))


def source(a: Site, extra: str = "") -> str:
    return (f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{a.url("/list.html")}"\n'
            f'link_selector = "ul.news a"\n{extra}')


def test_waiting_links_the_sources_rules_now_turn_away_are_not_fetched(make_ctx):  # noqa: F811
    with Site() as a:
        listing(a, [("/xw/1.html", 1, 1), ("/zt/2.html", 2, 2), ("/xw/3.html", 3, 40), ("/xw/4.html", 4, 3)])
        first = poll(make_ctx(source(a), fetch=FETCH + "max_articles_per_poll = 1\n"))[0]
        # the source's rules tightened (an old item's age, a special-topics folder left out)
        listing(a, [("/xw/5.html", 5, 0)])
        ctx = make_ctx(source(a, 'max_age_days = 30\nexclude_pattern = "/zt/"\n'))
        second = poll(ctx)[0]
        stored = urls(ctx)
        asked = a.paths()
        left = json.loads(ctx.store.source_state("county").get("waiting") or "[]")
    assert (first.new, first.deferred) == (1, 3), first
    assert "/xw/3.html" not in asked and "/zt/2.html" not in asked, asked
    assert stored == {a.url(p) for p in ("/xw/1.html", "/xw/4.html", "/xw/5.html")}, sorted(stored)
    assert second.new == 2 and left == [], (second, left)


def test_a_narrowed_link_pattern_applies_to_the_queue(make_ctx):  # noqa: F811
    with Site() as a:
        listing(a, [("/xw/1.html", 1, 1), ("/tz/2.html", 2, 2), ("/xw/3.html", 3, 3)])
        poll(make_ctx(source(a), fetch=FETCH + "max_articles_per_poll = 1\n"))
        listing(a, [("/xw/1.html", 1, 1)])
        ctx = make_ctx(source(a, 'link_pattern = "/xw/"\n'))
        poll(ctx)
        asked = a.paths()
    assert "/tz/2.html" not in asked and "/xw/3.html" in asked, asked
