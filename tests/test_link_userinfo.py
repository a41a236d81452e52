"""A link holding user information (http://user:secret@host/..., or http://www.gov.cn@host/...,
whose host a reader takes for the name before the '@') was stored and shown as it came: the
digest, search and the web pages gave every reader the password a page put in a link, or a
government site's name in front of another host. A link's user information is dropped where
links are cleaned (dedup.strip_tracking): the page is fetched at its real host, without it, and
stored and shown under that host alone. No credentials are ever sent from a link (the fetcher
sends no Authorization header for one, before and after)."""

from __future__ import annotations

from hostile import Site
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx: a fixture)

from monitor.dedup import strip_tracking
from monitor.pipeline import poll


def test_feed_and_list_links_with_user_information_are_stored_under_their_real_host_alone(make_ctx):  # noqa: F811
    with Site() as a:
        hidden = f"http://www.gov.cn@{a.netloc}/n/1.html"
        secret = f"http://editor:s3cret@{a.netloc}/n/2.html"
        a.page("/rss.xml", f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
                           f"<item><title>沪明合作第1号项目签约落地</title><link>{hidden}</link></item>"
                           f"<item><title>沪明合作第2号项目签约落地</title><link>{secret}</link></item>"
                           "</channel></rss>", content_type="application/rss+xml")
        a.listing("/list.html", [f"http://reader:pw@{a.netloc}/n/3.html", "/r/4.html"])
        a.redirect("/r/4.html", f"http://www.gov.cn:x@{a.netloc}/n/4.html")  # a redirect hiding its host too
        for n in range(1, 5):
            a.article(f"/n/{n}.html", f"沪明合作第{n}号项目签约落地")
        ctx = make_ctx(source_toml("feed", a.url("/rss.xml"), kind="feed") + source_toml("list", a.url("/list.html")))
        reports = poll(ctx)
        asked = [h for h in a.hits if h.path.startswith("/n/")]
        rows = [dict(r) for r in ctx.store.db.query("SELECT * FROM articles")]
    assert sum(r.new for r in reports) == 4, [(r.source, r.errors) for r in reports]
    assert urls(ctx) == {a.url(f"/n/{n}.html") for n in range(1, 5)}
    assert not any("@" in str(v) or "s3cret" in str(v) for row in rows for v in row.values())
    assert len(asked) == 4 and not any("authorization" in h.headers for h in asked)


def test_strip_tracking_drops_user_information_and_keeps_the_rest():
    assert strip_tracking("http://u:p@a.cn:8080/x/1.html?id=3&utm_source=x#top") == "http://a.cn:8080/x/1.html?id=3"
    assert strip_tracking("https://www.gov.cn@127.0.0.1/1.html") == "https://127.0.0.1/1.html"
    assert strip_tracking("http://a.cn/p/@user/1.html?to=a@b.cn") == "http://a.cn/p/@user/1.html?to=a@b.cn"
    assert strip_tracking("http://a.cn/x@y") == "http://a.cn/x@y"
