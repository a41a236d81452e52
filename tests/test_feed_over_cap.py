"""A feed over fetch.max_bytes (a site's feed of every article it ever had, 20 MB of RSS) was a
whole-source error: 'body over fetch.max_bytes', nothing of it read, at every poll, though its
first 8 MB held hundreds of whole entries, the newest first. A reader shows what came. Now a feed's
body is read up to the cap, the entries that came whole within it are taken (none cut in half),
and the poll says in one line that the feed was cut and how to read all of it. A list page or an
article over the cap is still an error (half a page is no page)."""

from __future__ import annotations

import gzip

from hostile import Site
from test_cycle import FETCH, make_ctx, source_toml, urls  # noqa: F401  (make_ctx: a fixture)

from monitor.pipeline import poll

CAP = 60_000
FILLER = "三明与上海两地携手推进对口合作，产业园共建项目稳步推进。" * 40  # ~3.4 KB an entry


def rss(a: Site, count: int) -> bytes:
    items = "".join(f"<item><title>沪明合作第{n}号项目签约落地</title><link>{a.url(f'/n/{n}.html')}</link>"
                    f"<description>{FILLER}</description></item>" for n in range(count))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>县融媒体</title>'
            f"{items}</channel></rss>").encode()


def atom(a: Site, count: int) -> bytes:
    entries = "".join(f"<entry><title>沪明合作第{n}号项目签约落地</title><id>tag:x,2026:{n}</id>"
                      f'<link href="{a.url(f"/n/{n}.html")}"/><summary>{FILLER}</summary></entry>'
                      for n in range(count))
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{entries}</feed>'.encode()


def whole_within(body: bytes, end: bytes) -> int:
    """How many entries end within the first CAP bytes."""
    return body[:CAP].count(end)


def articles(a: Site, count: int) -> None:
    for n in range(count):
        a.article(f"/n/{n}.html", f"沪明合作第{n}号项目签约落地")


def poll_feed(make_ctx, a: Site):  # noqa: F811
    fetch = FETCH.replace("[fetch]", f"[fetch]\nmax_bytes = {CAP}")
    ctx = make_ctx(source_toml("big-feed", a.url("/feed.xml"), kind="feed"), fetch=fetch)
    return ctx, poll(ctx)[0]


def test_a_feed_over_max_bytes_gives_its_whole_entries_within_the_cap_and_says_it_was_cut(make_ctx):  # noqa: F811
    with Site() as a:
        body = rss(a, 40)  # ~140 KB, Content-Length declared
        a.page("/feed.xml", body, content_type="application/rss+xml; charset=utf-8")
        articles(a, 40)
        ctx, report = poll_feed(make_ctx, a)
        asked = [p for p in a.paths() if p.startswith("/n/")]
    whole = whole_within(body, b"</item>")
    assert 5 < whole < 40
    assert report.new == whole and report.status == "partial", (report.new, report.errors)
    (said,) = report.errors
    assert "fetch.max_bytes" in said and f"{whole} " in said and "\n" not in said
    assert urls(ctx) == {a.url(f"/n/{n}.html") for n in range(whole)}
    assert f"/n/{whole}.html" not in asked  # the entry cut in half is not taken


def test_a_gzipped_feed_over_max_bytes_once_inflated_is_read_up_to_the_cap(make_ctx):  # noqa: F811
    with Site() as a:
        body = atom(a, 40)
        a.page("/feed.xml", gzip.compress(body), content_type="application/atom+xml",
               headers={"Content-Encoding": "gzip"})  # its length on the wire far under the cap
        articles(a, 40)
        ctx, report = poll_feed(make_ctx, a)
    whole = whole_within(body, b"</entry>")
    assert report.new == whole and report.status == "partial", (report.new, report.errors)
    assert "fetch.max_bytes" in report.errors[0] and len(urls(ctx)) == whole


def test_a_feed_whose_first_entry_alone_is_over_the_cap_is_still_an_error(make_ctx):  # noqa: F811
    with Site() as a:
        huge = FILLER * 30
        a.page("/feed.xml", f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>x</title>'
                            f"<link>{a.url('/n/0.html')}</link><description>{huge}</description></item></channel></rss>",
               content_type="application/rss+xml")
        articles(a, 1)
        ctx, report = poll_feed(make_ctx, a)
    assert report.status == "error" and report.new == 0
    assert "fetch.max_bytes" in report.errors[0] and urls(ctx) == set()


def urlset(a: Site, count: int) -> bytes:
    entries = "".join(f"<url><loc>{a.url(f'/n/{n}.html')}</loc><news:news><news:title>沪明合作第{n}号项目签约落地"
                      f"{FILLER[:400]}</news:title></news:news></url>" for n in range(count))
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{entries}</urlset>').encode()


def test_a_sitemap_over_max_bytes_gives_its_whole_entries_within_the_cap_too(make_ctx):  # noqa: F811
    with Site() as a:
        body = urlset(a, 80)  # the protocol allows 50 MB: a full sitemap is often over 8
        a.page("/sitemap.xml", body, content_type="application/xml")
        articles(a, 80)
        fetch = FETCH.replace("[fetch]", f"[fetch]\nmax_bytes = {CAP}")
        ctx = make_ctx(f'[[sources]]\nname = "map"\nkind = "sitemap"\nurl = "{a.url("/sitemap.xml")}"\n', fetch=fetch)
        report = poll(ctx)[0]
        asked = [p for p in a.paths() if p.startswith("/n/")]
    whole = whole_within(body, b"</url>")
    assert 5 < whole < 50 and body[:CAP].count(b"<loc>") == whole + 1  # the next address came whole, its entry not
    assert report.new == whole and report.status == "partial", (report.new, report.errors)
    assert "fetch.max_bytes" in report.errors[0] and "\n" not in report.errors[0]
    assert len(urls(ctx)) == whole and f"/n/{whole}.html" not in asked


def test_a_json_feed_whose_first_item_alone_is_over_the_cap_is_an_error_naming_it(make_ctx):  # noqa: F811
    with Site() as a:
        items = ",".join(f'{{"id": "{n}", "url": "{a.url(f"/n/{n}.html")}", "title": "t{n}", "content_text": "{FILLER * 30}"}}'
                         for n in range(2))
        a.page("/feed.xml", f'{{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [{items}]}}',
               content_type="application/feed+json")
        ctx, report = poll_feed(make_ctx, a)
    assert report.status == "error" and urls(ctx) == set()
    assert "over fetch.max_bytes" in report.errors[0] and "not one of its entries" in report.errors[0]
