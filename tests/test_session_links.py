"""Links that carry a session id (`;jsessionid=…`, `PHPSESSID=`, a long `sid=`) or a cache buster
(`_=1733370000123`) differ at every listing read: each poll took every listed article for a new
one, fetched it again and stored it again. They are one address with the id left out."""

from __future__ import annotations

import itertools

from hostile import BODY, Site, _send, article_html, list_html
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.dedup import canonical_url, strip_tracking
from monitor.pipeline import poll

OTHER = ("三明市尤溪县与上海市金山区签订结对协议，两地围绕茶叶加工和乡村旅游开展合作。\n"
         "金山区派出的农技人员走进茶园，帮助当地合作社改进烘焙工艺，新茶在上海的门店上架销售。\n"
         "双方还约定每年互派干部挂职，在文旅推介、职业教育和医疗服务方面继续推进项目。")


def test_session_ids_and_cache_busters_leave_the_address():
    base = "http://a.cn/news/1.html"
    assert canonical_url(base + ";jsessionid=0A1B2C3D4E5F") == canonical_url(base)
    assert canonical_url(base + ";JSESSIONID=0A1B2C3D4E5F?id=3") == canonical_url(base + "?id=3")
    assert canonical_url(base + "?PHPSESSID=9f8e7d6c5b4a&id=3") == canonical_url(base + "?id=3")
    assert canonical_url(base + "?id=3&ASPSESSIONIDQQ=ABCDEF") == canonical_url(base + "?id=3")
    assert canonical_url(base + "?id=3&sid=8f7a6b5c4d3e2f1a9b8c") == canonical_url(base + "?id=3")
    assert canonical_url(base + "?_=1733370000123") == canonical_url(base)
    assert strip_tracking(base + ";jsessionid=0A1B2C?id=3&_=1733370000") == base + "?id=3"
    # what is not a session: a short section id, a timestamp-looking page number, other params
    assert canonical_url("http://a.cn/list.php?sid=5") != canonical_url("http://a.cn/list.php?sid=6")
    assert canonical_url("http://a.cn/list.php?_=5") != canonical_url("http://a.cn/list.php")
    assert canonical_url("http://a.cn/a;b=1/x.html") != canonical_url("http://a.cn/a/x.html")


def test_share_and_clock_parameters_of_chinese_platforms_leave_the_address():
    """What a share or a crawler's visit adds to the same article: Baidu's `wfr=spider&for=pc`,
    a WeChat share's `chksm`, Toutiao's `tt_from`/`log_from`, `share_from`, and clocks (`_t`, `t`,
    `ts`, `timestamp` holding epoch seconds or milliseconds)."""
    same = [
        ("https://baijiahao.baidu.com/s?id=1790000000000&wfr=spider&for=pc", "https://baijiahao.baidu.com/s?id=1790000000000"),
        ("https://mp.weixin.qq.com/s?__biz=MzA&mid=26&idx=1&sn=abc&chksm=f1e2d3", "https://mp.weixin.qq.com/s?__biz=MzA&mid=26&idx=1&sn=abc"),
        ("https://a.cn/1.html?tt_from=weixin&log_from=3f2e1d", "https://a.cn/1.html"),
        ("https://a.cn/1.html?share_from=qq&id=9", "https://a.cn/1.html?id=9"),
        ("https://a.cn/1.html?_t=1701234567890", "https://a.cn/1.html"),
        ("https://a.cn/1.html?t=1701234567&id=9", "https://a.cn/1.html?id=9"),
        ("https://a.cn/1.html?ts=1701234567", "https://a.cn/1.html"),
        ("https://a.cn/1.html?timestamp=1701234567890", "https://a.cn/1.html"),
    ]
    for noisy, clean in same:
        assert canonical_url(noisy) == canonical_url(clean), noisy
    kept = [("https://a.cn/list.php?t=3", "https://a.cn/list.php"), ("https://a.cn/s?for=2027", "https://a.cn/s"),
            ("https://a.cn/news.php?t=20261203", "https://a.cn/news.php")]
    for meaningful, other in kept:
        assert canonical_url(meaningful) != canonical_url(other), meaningful


def test_a_listing_with_a_fresh_session_in_every_link_stores_each_article_once(make_ctx):  # noqa: F811
    counter = itertools.count()
    with Site() as a:
        def listing(h) -> None:
            n = next(counter)
            links = [f"/news/{i}.html;jsessionid=S{n:04d}X{i}?_={1733370000000 + n}" for i in range(3)]
            _send(h, 200, {"Content-Type": "text/html; charset=utf-8"}, list_html(links).encode())

        a.routes["/list.html"] = listing
        for i in range(3):
            a.page(f"/news/{i}.html", article_html(f"沪明合作第{i}篇", BODY + f"\n第{i}篇的内容。"))
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        first, second = poll(ctx)[0], poll(ctx)[0]
        fetched = [p for p in a.paths() if p.startswith("/news/")]
    assert (first.new, second.new, second.fetched) == (3, 0, 0), (first, second)
    assert len(fetched) == 3 and len(urls(ctx)) == 3


def test_the_same_page_under_a_query_that_changes_at_every_read_is_stored_once(make_ctx):  # noqa: F811
    """A parameter no list names (`rnd=`, `v=`, `r=`) that changes at every read of the list page:
    each poll fetches what looks like a new link (nothing can tell before fetching), but the page
    it gives is the stored one, word for word, at the same address: one article, not a repost of
    itself at every poll (before: five copies, and the story showed four 'reposts')."""
    counter = itertools.count()
    with Site() as a:
        def listing(h) -> None:
            n = next(counter)
            links = [f"/news/1.html?rnd={48213 * (n + 1)}", f"/news/2.html?v=n{n}"]
            _send(h, 200, {"Content-Type": "text/html; charset=utf-8"}, list_html(links).encode())

        a.routes["/list.html"] = listing
        a.page("/news/1.html", article_html("沪明合作第1篇", BODY))
        a.page("/news/2.html", article_html("沪明合作第2篇", OTHER))
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        reports = [poll(ctx)[0] for _ in range(4)]
    assert [r.new for r in reports] == [2, 0, 0, 0] and [r.duplicates for r in reports][1:] == [2, 2, 2]
    assert len(urls(ctx)) == 2
    assert ctx.store.db.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone()[0] == 2


def test_the_same_text_at_another_address_is_still_a_repost(make_ctx):  # noqa: F811
    """What stays a repost: the same text at another path or another site (the story keeps both)."""
    with Site() as a:
        a.listing("/list.html", ["/news/1.html?id=7", "/copy/1.html?id=7"])
        for path in ("/news/1.html", "/copy/1.html"):
            a.page(path, article_html("沪明合作第一篇", BODY))
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert report.new == 2 and len(urls(ctx)) == 2
    assert ctx.store.db.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone()[0] == 1
