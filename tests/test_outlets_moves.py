"""Outlets that move or rebuild: a feed whose address answers 301 Moved Permanently, a list page
that 404s after a site's redesign, a feed whose entries have no page of their own.

A moved feed was read through the redirect at every poll, in full: its ETag came from the new
address, and the conditional headers went with the first request only, so the 301 was followed
by an unconditional GET (the whole feed each poll). Nobody was told the address had moved. Now
the validators go with every hop (a 304 comes back through the redirect) and `monitor sources`
says where the source moved. A temporary redirect (302) is not a move.
"""

from __future__ import annotations

from click.testing import CliRunner
from hostile import Site, _send
from test_cycle import make_ctx, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.cli import main
from monitor.pipeline import poll

TITLE = "三明与上海合作第{}号项目签约落地"


def feed_at(a: Site, path: str, numbers: range) -> None:
    """An RSS feed with an ETag, answering 304 to a request that names it."""
    items = "".join(f"<item><title>{TITLE.format(n)}</title><link>{a.url(f'/n/{n}.html')}</link></item>"
                    for n in numbers)
    body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>县融媒体</title>{items}'
            "</channel></rss>").encode()
    tag = f'"v{len(numbers)}"'

    def serve(h) -> None:
        if h.headers.get("If-None-Match") == tag:
            _send(h, 304, {"ETag": tag}, b"")
        else:
            _send(h, 200, {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": tag}, body)

    a.routes[path] = serve
    for n in numbers:
        a.article(f"/n/{n}.html", TITLE.format(n))


def sources_table(ctx) -> str:
    result = CliRunner().invoke(main, ["--config", str(ctx.cfg.path), "--db", str(ctx.cfg.db_path), "sources"],
                                env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def test_a_feed_moved_for_good_is_said_to_have_moved_and_asked_for_conditionally(make_ctx):  # noqa: F811
    with Site() as a:
        feed_at(a, "/new/rss.xml", range(3))
        a.redirect("/rss.xml", a.url("/new/rss.xml"), status=301)
        ctx = make_ctx(f'[[sources]]\nname = "county-rss"\nkind = "feed"\nurl = "{a.url("/rss.xml")}"\n')
        first = poll(ctx)[0]
        second = poll(ctx)[0]
        state = ctx.store.source_state("county-rss")
        table = sources_table(ctx)
    assert (first.status, first.new) == ("ok", 3), first
    assert second.status == "not_modified", second  # the feed itself not sent again
    said = state["last_error"] or ""
    assert "moved permanently" in said and a.url("/new/rss.xml") in said and "update" in said, said
    assert state["last_status"] == "not_modified" and not state["error_count"]
    assert "moved permanently" in table, table


def test_a_temporary_redirect_is_no_move(make_ctx):  # noqa: F811
    with Site() as a:
        feed_at(a, "/new/rss.xml", range(3))
        a.redirect("/rss.xml", a.url("/new/rss.xml"), status=302)
        ctx = make_ctx(f'[[sources]]\nname = "county-rss"\nkind = "feed"\nurl = "{a.url("/rss.xml")}"\n')
        first = poll(ctx)[0]
        state = ctx.store.source_state("county-rss")
    assert (first.status, first.new) == ("ok", 3)
    assert not state["last_error"]


def test_a_list_page_gone_after_a_redesign_says_so_and_stops_no_other_source(make_ctx):  # noqa: F811
    with Site() as a, Site() as b:
        a.page("/col/list.html", '<ul class="news"><li><a href="/n/1.html">' + TITLE.format(1) + "</a></li></ul>")
        a.article("/n/1.html", TITLE.format(1))
        feed_at(b, "/rss.xml", range(2))
        ctx = make_ctx(f'[[sources]]\nname = "county"\nkind = "html"\nurl = "{a.url("/col/list.html")}"\n'
                       f'link_selector = "ul.news a"\n[[sources]]\nname = "other"\nkind = "feed"\n'
                       f'url = "{b.url("/rss.xml")}"\n')
        poll(ctx)
        a.status("/col/list.html", 404, body=b"<html><body>404 Not Found</body></html>")
        reports = {r.source: r for r in poll(ctx)}
        table = sources_table(ctx)
    assert reports["other"].status in ("ok", "not_modified")
    county = reports["county"]
    assert county.status == "error" and len(county.errors) == 1, county
    assert "404" in county.errors[0] and a.url("/col/list.html") in county.errors[0], county.errors
    assert "404" in table, table


def test_a_feed_whose_entries_have_no_page_says_so(make_ctx):  # noqa: F811
    """Entries of a title and a summary only (a notice board's feed, links left out by its
    template): nothing to fetch, and one line saying why, not an ok poll of nothing."""
    with Site() as a:
        items = "".join(f"<item><title>{TITLE.format(n)}</title><description>上海与三明合作项目{n}</description>"
                        f'<guid isPermaLink="false">notice-{n}</guid></item>' for n in range(3))
        a.page("/rss.xml", f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>公告</title>'
                           f"{items}</channel></rss>", content_type="application/rss+xml; charset=utf-8")
        ctx = make_ctx(f'[[sources]]\nname = "notices"\nkind = "feed"\nurl = "{a.url("/rss.xml")}"\n')
        report = poll(ctx)[0]
    assert report.status != "ok" and report.errors, report
    assert "3 entries" in report.errors[0] and "link" in report.errors[0], report.errors
