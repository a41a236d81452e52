"""Zero dates in feeds and sitemaps: MySQL's `0000-00-00 00:00:00` as PHP writes it.

A PHP CMS whose article has no date (a zero date in its table) writes it in its feed as
`-0001-11-30T00:00:00+08:00` (DateTime's ISO 8601) or `Tue, 30 Nov -0001 00:00:00 +0800` (its
RFC 822). The feed parser read the first as one of ISO 8601's old forms without a century, 1
January 2000, and the mail parser the second (and `30 Nov 0000`) as 30 November 2000: the entry
was dated a quarter of a century back, so a source with `max_age_days` dropped it unasked
('older than max_age_days (2000-01-01)'), and an undated page took the listing's year 2000 as its
own date. Such a date is no date: the entry is undated, its page's own date (if any) stands.
Hosts on 127.0.0.1."""

from __future__ import annotations

from hostile import BODY, Site, article_html
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)

from monitor import datetext
from monitor.pipeline import poll
from monitor.sources import dates, sitemap

ZERO_DATES = ("-0001-11-30T00:00:00+08:00", "Tue, 30 Nov -0001 00:00:00 +0800", "-0001-11-30 00:00:00",
              "Wed, 30 Nov 0000 00:00:00 +0000")
GOOD = "Mon, 07 Dec 2026 10:00:00 +0800"


def _rss(items: list[tuple[str, str, str]]) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>沪明</title>' +
            "".join(f"<item><title>{t}</title><link>{u}</link><pubDate>{d}</pubDate></item>" for t, u, d in items) +
            "</channel></rss>")


def _atom(items: list[tuple[str, str, str, str]]) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>沪明</title>' +
            "".join(f'<entry><title>{t}</title><link href="{u}"/><published>{p}</published><updated>{d}</updated></entry>'
                    for t, u, p, d in items) + "</feed>")


def _dates(ctx) -> dict[str, str | None]:
    return {r["url"].rsplit("/", 1)[1]: r["published"] for r in ctx.store.db.query("SELECT url, published FROM articles")}


def test_a_feeds_zero_dates_leave_its_entries_undated_and_fetched_under_max_age_days(make_ctx):  # noqa: F811
    with Site() as a:
        items = [(f"沪明合作新闻{i}", a.url(f"/z{i}.html"), d) for i, d in enumerate(ZERO_DATES)]
        a.page("/rss.xml", _rss([*items, ("沪明合作新闻dated", a.url("/dated.html"), GOOD)]),
               content_type="application/rss+xml")
        a.page("/atom.xml", _atom([("沪明合作新闻atom", a.url("/atom.html"), ZERO_DATES[0], ZERO_DATES[0]),
                                   ("沪明合作新闻later", a.url("/later.html"), ZERO_DATES[0], "2026-12-06T09:00:00+08:00")]),
               content_type="application/atom+xml")
        for name in [f"z{i}" for i in range(len(ZERO_DATES))] + ["dated", "atom", "later"]:
            a.page(f"/{name}.html", article_html(f"沪明合作新闻{name}", BODY))  # pages that give no date
        sources = "".join(source_toml(n, a.url(p), kind="feed") + "max_age_days = 7\n"
                          for n, p in (("rss", "/rss.xml"), ("atom", "/atom.xml")))
        ctx = make_ctx(sources)
        reports = {r.source: r for r in poll(ctx)}
        stored = _dates(ctx)
    assert all(not r.errors for r in reports.values()), reports
    assert set(stored) == {f"z{i}.html" for i in range(len(ZERO_DATES))} | {"dated.html", "atom.html", "later.html"}
    assert all(stored[f"z{i}.html"] is None for i in range(len(ZERO_DATES))), stored  # main: 2000-01-01 or dropped
    assert stored["atom.html"] is None, stored
    assert stored["dated.html"].startswith("2026-12-07T02:00"), stored  # a real date is read as before
    assert stored["later.html"].startswith("2026-12-06T01:00"), stored  # the zero published passed over for updated


def test_a_zero_date_written_the_mail_way_is_no_date_wherever_dates_are_read():
    for zero in ("Tue, 30 Nov -0001 00:00:00 +0800", "Wed, 30 Nov 0000 00:00:00 +0000", "30 November 0000 08:00"):
        assert datetext.read(zero) is None, zero  # main: 30 November 2000
        assert dates.parse(zero) is None, zero
    assert datetext.read("Tue, 08 Dec 2026 08:00:00 +0800").isoformat() == "2026-12-08T08:00:00+08:00"
    assert datetext.read("Tue, 08 Dec 26 08:00:00 +0800").year == 2026  # a two-digit year, as RFC 822 allows
    head = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    xml = head + "".join(f"<url><loc>http://a.cn/{i}.html</loc><lastmod>{d}</lastmod></url>"
                         for i, d in enumerate([*ZERO_DATES, "2026-12-07"])) + "</urlset>"
    entries = sitemap.parse(xml.encode(), "http://a.cn/sitemap.xml")[1]
    assert [e.when for e in entries][:len(ZERO_DATES)] == [None] * len(ZERO_DATES), entries
    assert entries[-1].when is not None
