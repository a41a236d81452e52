"""Feeds and sitemaps over fetch.max_bytes, cut where what came whole ends (faults-13 left ways
the cut still lost or misread entries): an `</item>` written inside a CDATA section (a story quoting
markup) near the cut was taken for an item's end, so the cut kept half an item; a JSON Feed over the
cap was not read at all though its first items came whole."""

from __future__ import annotations

import contextlib

from hostile import Site
from test_cycle import FETCH, make_ctx, source_toml, urls  # noqa: F401  (make_ctx: a fixture)
from test_feed_over_cap import CAP, FILLER, articles, poll_feed

from monitor.fetch.client import PEEK_AT
from monitor.pipeline import poll
from monitor.sources.base import MAX_LINKS, last_end
from monitor.sources.jsonfeed import whole_items


def test_a_json_feed_over_max_bytes_gives_its_whole_items_and_says_it_was_cut(make_ctx):  # noqa: F811
    with Site() as a:
        items = [f'{{"id": "{n}", "url": "{a.url(f"/n/{n}.html")}", "title": "沪明合作第{n}号项目签约落地", '
                 f'"content_text": "{FILLER}"}}' for n in range(40)]
        body = f'{{"version": "https://jsonfeed.org/version/1.1", "title": "县融媒体", "items": [{", ".join(items)}]}}'
        a.page("/feed.json", body, content_type="application/feed+json")
        articles(a, 40)
        fetch = FETCH.replace("[fetch]", f"[fetch]\nmax_bytes = {CAP}")
        ctx = make_ctx(source_toml("big-json", a.url("/feed.json"), kind="feed"), fetch=fetch)
        report = poll(ctx)[0]
        asked = [p for p in a.paths() if p.startswith("/n/")]
    raw = body.encode()
    whole = raw[:CAP].count((FILLER[-8:] + '"}').encode())  # items whose end came within the cap
    assert 5 < whole < 40
    assert report.new == whole and report.status == "partial", (report.new, report.errors)
    (said,) = report.errors
    assert "fetch.max_bytes" in said and f"{whole} " in said and "\n" not in said
    assert urls(ctx) == {a.url(f"/n/{n}.html") for n in range(whole)}
    assert f"/n/{whole}.html" not in asked  # the item cut in half is not taken


def test_a_cut_json_feed_of_millions_of_tiny_items_is_read_no_further_than_the_feed_parser_takes():
    # 8 MB of `{}, ` is two million items: each read one at a time cost seconds of CPU at every poll
    body = b'{"version": "https://jsonfeed.org/version/1.1", "items": [' + b'{"url": "http://a.cn/1"}, ' * 400_000
    feed, count = whole_items(body[:8_000_000], {})
    assert count == MAX_LINKS and feed.count(b'"url"') == MAX_LINKS


def test_an_end_tag_inside_a_cdata_section_at_the_cut_takes_no_half_item(make_ctx):  # noqa: F811
    with Site() as a:
        head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>县融媒体</title>'
        whole, items = 0, ""
        while len((head + items).encode()) < CAP - 8_000:
            items += (f"<item><title>沪明合作第{whole}号项目签约落地</title><link>{a.url(f'/n/{whole}.html')}</link>"
                      f"<description>{FILLER}</description></item>")
            whole += 1
        # a story quoting a feed's markup in its CDATA: '</item>' inside it, its section ending past the cut
        quoting = (f"<item><title>沪明合作第{whole}号项目签约落地</title><link>{a.url(f'/n/{whole}.html')}</link>"
                   f"<description><![CDATA[<p>写法示例：</item></p>{FILLER * 4}]]></description></item>")
        rest = "".join(f"<item><title>沪明合作第{n}号项目签约落地</title><link>{a.url(f'/n/{n}.html')}</link>"
                       f"<description>{FILLER}</description></item>" for n in range(whole + 1, whole + 6))
        body = (head + items + quoting + rest + "</channel></rss>").encode()
        fake = body.find(b"</item></p>")
        assert fake < CAP < body.find(b"]]>", fake)
        a.page("/feed.xml", body, content_type="application/rss+xml; charset=utf-8")
        articles(a, whole + 6)
        ctx, report = poll_feed(make_ctx, a)
        asked = [p for p in a.paths() if p.startswith("/n/")]
    assert report.new == whole and report.status == "partial", (report.new, report.errors)
    assert f"{whole} " in report.errors[0]
    assert urls(ctx) == {a.url(f"/n/{n}.html") for n in range(whole)}
    assert f"/n/{whole}.html" not in asked  # the quoting item, cut inside its CDATA, is not taken


def test_an_end_tag_in_a_comment_or_a_section_open_at_the_cut_is_no_entry_end():
    whole = b"<url><loc>http://a.cn/1.html</loc></url><url><!-- </url> --><loc>http://a.cn/2.html</loc></url>"
    assert last_end(whole + b"<url><loc>http://a.cn/3.html</loc><!-- old: </url>", (b"</url>",)) == len(whole)
    lowered = b"<url><loc>http://a.cn/4.html</loc><news:title><![cdata[</url>"  # a sitemap is searched lowered
    assert last_end(whole + lowered, (b"</url>",)) == len(whole)
    assert last_end(b"<item><![CDATA[</item>", (b"</item>",)) == 0
    for other_closing in (b"<![CDATA[ -->", b"<!-- ]]>"):  # each section ends at its own closing only
        assert last_end(b"<item>a</item><item>" + other_closing + b"</item>", (b"</item>",)) == 14


MAP_CAP = 600_000  # over the fetcher's reads (64 KiB each): the first bytes a peek stops at come as read


def oldest_first(a: Site, count: int) -> bytes:
    """A plain sitemap appending each new page at its end, dated (the site's newest last), ~16 KB an entry."""
    entries = "".join(f"<url><loc>{a.url(f'/n/{n}.html')}</loc><lastmod>2026-12-{1 + n * 6 // count:02d}T0{n % 10}:00:00"
                      f"+08:00</lastmod><news:news><news:title>沪明合作第{n}号项目签约落地{FILLER[:400]}</news:title>"
                      f"<news:keywords>{'沪明,' * 2000}</news:keywords></news:news></url>" for n in range(count))
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{entries}</urlset>').encode()


def ranged(body: bytes, honoured: bool, asked: list[str], sized: bool = True):
    """A server of files: `Range: bytes=-N` answered with its last N bytes (206), or ignored (200);
    not `sized`: the whole sent with no length said (to its close, as one compressed on the fly is)."""
    def serve(h) -> None:
        wants = h.headers.get("Range", "")
        asked.append(wants)
        if honoured and wants.startswith("bytes=-"):
            part = body[-int(wants[len("bytes=-"):]):]
            extra = {"Content-Range": f"bytes {len(body) - len(part)}-{len(body) - 1}/{len(body)}"}
            status = 206
        else:
            part, extra, status = body, {}, 200
        h.send_response(status)
        for k, v in {"Content-Type": "application/xml", "Accept-Ranges": "bytes", **extra}.items():
            h.send_header(k, v)
        if sized or status == 206:
            h.send_header("Content-Length", str(len(part)))
        h.end_headers()
        with contextlib.suppress(OSError):  # the reader stops when it has what it wants
            h.wfile.write(part)
    return serve


def poll_oldest_first(make_ctx, honoured: bool, sized: bool = True):  # noqa: F811
    asked: list[str] = []
    with Site() as a:
        body = oldest_first(a, 120)
        a.routes["/sitemap.xml"] = ranged(body, honoured, asked, sized)
        articles(a, 120)
        fetch = FETCH.replace("[fetch]", f"[fetch]\nmax_bytes = {MAP_CAP}")
        ctx = make_ctx(f'[[sources]]\nname = "map"\nkind = "sitemap"\nurl = "{a.url("/sitemap.xml")}"\n'
                       "max_age_days = 3650\n", fetch=fetch + "max_articles_per_poll = 200\n")
        report = poll(ctx)[0]
    assert len(body) > 2 * MAP_CAP and b"/n/119.html" not in body[:MAP_CAP]
    return a, ctx, report, body, asked


def test_a_sitemap_over_the_cap_listing_its_oldest_first_reads_its_newest_from_its_end(make_ctx):  # noqa: F811
    a, ctx, report, body, asked = poll_oldest_first(make_ctx, honoured=True)
    assert report.status == "partial", report.errors
    (said,) = report.errors
    assert "oldest entries first" in said and "fetch.max_bytes" in said and "\n" not in said
    # one cap for the whole sitemap: its first bytes stopped at once they showed the order, and its
    # end asked for with what they left of the cap (it once took the cap twice: all of it, then its end)
    (first, end) = asked
    room = int(end.removeprefix("bytes=-"))
    assert first == "" and room <= MAP_CAP - PEEK_AT, asked
    stored = urls(ctx)
    tail = body[-room:].count(b"</url>") - 1  # the tail's first entry is cut
    assert {a.url(f"/n/{n}.html") for n in range(120 - tail, 120)} <= stored  # the newest, whole in the tail
    assert a.url(f"/n/{119 - tail}.html") not in stored  # the tail's first entry, its start cut off, not taken
    head = len(stored) - tail
    assert head >= 1 and body[:MAP_CAP - room].count(b"</url>") >= head  # the first entries, within the rest
    assert a.url("/n/0.html") in stored


def test_a_sitemap_over_the_cap_listing_its_oldest_first_says_its_newest_were_not_read(make_ctx):  # noqa: F811
    a, ctx, report, body, asked = poll_oldest_first(make_ctx, honoured=False)
    assert report.status == "partial", report.errors
    (said,) = report.errors
    assert "oldest entries first" in said and "newest" in said and "not read" in said and "\n" not in said
    (_, end) = asked
    room = int(end.removeprefix("bytes=-"))
    assert room <= MAP_CAP - PEEK_AT  # the answer to it (the whole, from its start) read no further either
    assert urls(ctx) == {a.url(f"/n/{n}.html") for n in range(body[:room].count(b"</url>"))}


def test_a_sitemap_over_the_cap_sent_with_no_length_and_listing_its_oldest_first_still_gets_its_newest(make_ctx):  # noqa: F811
    """No length said (sent to its close, as a server compressing on the fly sends it): its first
    bytes took the cap before their order could be seen, and its end is still asked for, a cap's
    worth (as before the first bytes were peeked at), so the newest entries are read."""
    a, ctx, report, _body, asked = poll_oldest_first(make_ctx, honoured=True, sized=False)
    assert report.status == "partial", report.errors
    (said,) = report.errors
    assert "oldest entries first" in said and "the newest" in said and "not read" not in said, said
    (first, end) = asked
    assert first == "" and int(end.removeprefix("bytes=-")) <= MAP_CAP, asked
    assert a.url("/n/119.html") in urls(ctx) and a.url("/n/0.html") in urls(ctx)
