"""A source polled a while with `pages = 1` whose `pages` is then raised to read its older list
pages (session 32, faults-sources-10).

The walk stops at a page of links it has stored ("only known links: later pages not fetched"),
rightly on later polls: `pages` is a first poll's reach. But a raised `pages` was never a first
poll: page 1 held only known links, so pages 2 and 3 were never fetched and their articles never
stored. A walk now reads the pages it has not reached before once, in full, then stops at known
links again. The text is invented.
"""

from __future__ import annotations

from hostile import Site
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)
from test_listing_backlog import api_site, api_source
from test_listing_catch_up import publish, source

from monitor.pipeline import poll


def test_raising_pages_reads_the_older_pages_once(make_ctx):  # noqa: F811
    with Site() as a:
        paths = publish(a, 20, pager="pattern")  # 4 pages of 5, newest first
        url = a.url("/list.html")
        assert poll(make_ctx(source(url, "pattern")))[0].new == 5
        ctx = make_ctx(source(url, "pattern") + "pages = 3\n")
        report = poll(ctx)[0]
        asked = a.paths()
        again = poll(make_ctx(source(url, "pattern") + "pages = 3\n"))[0]
        asked_again = a.paths()[len(asked):]
    assert report.new == 10, report
    assert urls(ctx) == {a.url(p) for p in paths[:15]}
    assert "/list_4.html" not in asked
    assert again.new == 0 and [p for p in asked_again if p.startswith("/list")] == ["/list.html"], asked_again


def test_lowering_pages_and_raising_them_back_reads_no_page_twice(make_ctx):  # noqa: F811
    with Site() as a:
        publish(a, 20, pager="pattern")
        url = a.url("/list.html")
        assert poll(make_ctx(source(url, "pattern") + "pages = 2\n"))[0].new == 10
        assert poll(make_ctx(source(url, "pattern")))[0].new == 0
        before = len(a.paths())
        report = poll(make_ctx(source(url, "pattern") + "pages = 2\n"))[0]
        asked = [p for p in a.paths()[before:] if p.startswith("/list")]
    assert (report.new, asked) == (0, ["/list.html"]), (report, asked)


def test_a_raised_pages_walk_cut_short_by_a_failing_page_is_tried_again(make_ctx):  # noqa: F811
    with Site() as a:
        paths = publish(a, 20, pager="pattern")
        url = a.url("/list.html")
        assert poll(make_ctx(source(url, "pattern")))[0].new == 5
        a.status("/list_2.html", 500)  # the site busy: page 2 fails this poll
        failed = poll(make_ctx(source(url, "pattern") + "pages = 3\n"))[0]
        publish(a, 20, pager="pattern")  # page 2 answers again
        ctx = make_ctx(source(url, "pattern") + "pages = 3\n")
        report = poll(ctx)[0]
    assert failed.new == 0, failed
    assert report.new == 10, report
    assert urls(ctx) == {a.url(p) for p in paths[:15]}


def test_raising_max_pages_on_a_json_api_reads_its_older_answers_once(make_ctx):  # noqa: F811
    """The same for `kind = "json-api"` and its `max_pages`: answer 1 held only stored items, so
    answers 2 and 3 were never asked for."""
    with Site() as a:
        paths = api_site(a, 20)  # answers of 5, newest first
        assert poll(make_ctx(api_source(a)))[0].new == 5
        ctx = make_ctx(api_source(a) + "max_pages = 3\n")
        report = poll(ctx)[0]
        asked = a.paths()
        again = poll(make_ctx(api_source(a) + "max_pages = 3\n"))[0]
        asked_again = a.paths()[len(asked):]
    assert report.new == 10, report
    assert urls(ctx) == {a.url(p) for p in paths[:15]}
    assert "/api/4.json" not in asked
    assert again.new == 0 and [p for p in asked_again if p.startswith("/api")] == ["/api/1.json"], asked_again
