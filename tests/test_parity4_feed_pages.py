"""A feed's older pages, read on as a reader's archive reads them (the fourth round).

A feed holds only its newest entries; when more news came between two polls than it holds, the
poll warned (test_feed_gaps) and the older ones were lost. A paged feed names its next, older
page: `<link rel="next">` in Atom (RFC 5005), `<atom:link rel="next">` in RSS, `next_url` in a
JSON Feed. Feed readers that back-fill follow it; the monitor read only the first page. Now a
feed polled before reads on by it while each page ends on a new entry (up to the catch-up
budget, as a list page does), and warns only when the news outruns that. A source's first poll
still reads one page. The text is invented; the servers are real, on 127.0.0.1."""

from __future__ import annotations

import json

import pytest
from hostile import BODY, Site
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

PER = 5


def _page(kind: str, a: Site, numbers: list[int], after: str | None) -> tuple[str, str]:
    """(body, content type) of one feed page listing articles `numbers`, naming page `after`."""
    if kind == "json":
        doc: dict = {"version": "https://jsonfeed.org/version/1.1", "title": "县融媒体",
                     "items": [{"id": str(n), "url": a.url(f"/n/{n}.html"), "title": f"合作第{n}号"} for n in numbers]}
        if after:
            doc["next_url"] = after
        return json.dumps(doc, ensure_ascii=False), "application/feed+json"
    if kind == "atom":
        nxt = f'<link rel="next" href="{after}"/>' if after else ""
        entries = "".join(f'<entry><title>合作第{n}号</title><link href="/n/{n}.html"/><id>tag:x,{n}</id></entry>'
                          for n in numbers)
        return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>县融媒体</title>'
                f"{nxt}{entries}</feed>"), "application/atom+xml"
    nxt = f'<atom:link rel="next" href="{after}"/>' if after else ""
    items = "".join(f"<item><title>合作第{n}号</title><link>{a.url(f'/n/{n}.html')}</link></item>" for n in numbers)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">'
            f"<channel><title>县融媒体</title>{nxt}{items}</channel></rss>"), "application/rss+xml"


def publish(kind: str, a: Site, count: int) -> list[str]:
    """Articles 0..count-1, newest first, PER a feed page (/feed, /feed2, …)."""
    numbers = list(reversed(range(count)))
    chunks = [numbers[k:k + PER] for k in range(0, count, PER)]
    for k, chunk in enumerate(chunks):
        after = ("/feed" if kind == "atom" else a.url("/feed")) + str(k + 2) if k + 1 < len(chunks) else None
        body, ctype = _page(kind, a, chunk, after)
        a.page("/feed" + (str(k + 1) if k else ""), body, content_type=ctype + "; charset=utf-8")
    for n in numbers:
        a.article(f"/n/{n}.html", f"三明与上海合作第{n}号项目签约落地", BODY + f"\n第{n}号项目总投资{n + 2}亿元。")
    return [a.url(f"/n/{n}.html") for n in numbers]


def source(a: Site) -> str:
    return f'[[sources]]\nname = "county"\nkind = "feed"\nurl = "{a.url("/feed")}"\n'


@pytest.mark.parametrize("kind", ["atom", "rss", "json"])
def test_a_burst_is_read_on_by_the_feed_s_next_page(make_ctx, kind):  # noqa: F811
    with Site() as a:
        a.robots("User-agent: *\nDisallow:\n")
        publish(kind, a, 5)
        ctx = make_ctx(source(a))
        first = poll(ctx)[0]
        want = publish(kind, a, 17)  # 12 new: pages 1 and 2 and two of page 3
        second = poll(ctx)[0]
        asked = a.paths()
    assert first.new == 5 and "/feed2" not in asked[:3], first
    assert second.new == 12 and second.status == "ok" and second.errors == [], second
    assert urls(ctx) == set(want) and "/feed4" not in asked


def test_a_burst_past_the_budget_still_warns(make_ctx):  # noqa: F811
    with Site() as a:
        a.robots("User-agent: *\nDisallow:\n")
        publish("atom", a, 5)
        ctx = make_ctx(source(a))
        poll(ctx)
        publish("atom", a, 5 + 60)  # twelve pages of news: more than a poll reads on
        report = poll(ctx)[0]
    assert report.status == "partial" and report.new > 5, report
    assert any("fallen off" in e or "more news" in e for e in report.errors), report


def test_an_ordinary_poll_reads_one_page(make_ctx):  # noqa: F811
    with Site() as a:
        a.robots("User-agent: *\nDisallow:\n")
        publish("rss", a, 12)
        ctx = make_ctx(source(a))
        poll(ctx)
        publish("rss", a, 14)
        report = poll(ctx)[0]
        asked = a.paths()
    assert report.new == 2 and "/feed2" not in asked, report
