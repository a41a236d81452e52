"""A feed or a sitemap declaring an external entity (`<!ENTITY x SYSTEM "file:///…">`, XXE) and
using it in a title, a link or a description: no reader may read a file of the machine it runs
on into what it stores (or ask a URL the entity names). Guards the feed's and the sitemap's
readers with a real file and real servers on 127.0.0.1: the file's words are stored nowhere."""

from __future__ import annotations

from hostile import Site
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx: a fixture)

from monitor.pipeline import poll
from monitor.sources import feed, sitemap


def test_external_entities_in_a_feed_and_a_sitemap_read_no_file_and_ask_no_url(make_ctx, tmp_path):  # noqa: F811
    secret = tmp_path / "secret.txt"
    secret.write_text("沪明合作 TOPSECRET-XXE-f13", encoding="utf-8")
    with Site() as a, Site() as b:
        doctype = (f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY web SYSTEM "{b.url("/dtd")}">'
                   f'<!ENTITY % p SYSTEM "{b.url("/p.dtd")}"> %p;]>')
        a.page("/rss.xml", f'<?xml version="1.0" encoding="utf-8"?>{doctype}<rss version="2.0"><channel><title>&xxe;'
                           f"</title><item><title>沪明合作签约落地 &xxe;&web;</title><link>{a.url('/n/1.html')}</link>"
                           "<description>&xxe;</description></item></channel></rss>", content_type="application/rss+xml")
        a.page("/sitemap.xml", f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<urlset xmlns="http://www.sitemaps.org/'
                               'schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
                               f"<loc>{a.url('/n/2.html')}</loc><news:news><news:title>沪明合作 &xxe;</news:title>"
                               "</news:news></url></urlset>", content_type="application/xml")
        for n in (1, 2):
            a.article(f"/n/{n}.html", f"沪明合作第{n}号项目签约落地")
        ctx = make_ctx(source_toml("feed", a.url("/rss.xml"), kind="feed")
                       + source_toml("map", a.url("/sitemap.xml"), kind="sitemap"))
        reports = poll(ctx)
        dump = "\n".join(ctx.store.db.iterdump())
        with ctx.fetcher as f:  # what each reader gives of the same bytes: the titles read, no file in them
            (item,) = feed.parse(f.get(a.url("/rss.xml")).content, {}, a.url("/rss.xml"))
            (entry,) = sitemap.parse(f.get(a.url("/sitemap.xml")).content, a.url("/sitemap.xml"))[1]
    assert sum(r.new for r in reports) == 2, [(r.source, r.errors) for r in reports]
    assert "TOPSECRET" not in dump and b.paths() == []
    assert item.title.startswith("沪明合作签约落地") and "TOPSECRET" not in f"{item.title} {item.summary}"
    assert entry.title.startswith("沪明合作") and "TOPSECRET" not in entry.title
