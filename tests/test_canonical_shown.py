"""An article page whose `<link rel="canonical">` names another article of the site (a template's
slip: every page naming the first article, or one featured story; a hostile site sending readers
to the page it wants read). The canonical was already not trusted as the key (each article is
stored under its own address, test_canonical_trust), but the article kept the other one's address
as its link: three stories stored with the first one's URL, so the digest, the web page and the
feeds sent a reader of the second and third to the first. Such an article's link is its own page."""

from __future__ import annotations

from hostile import Site, article_html
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

STORIES = {
    "/news/1.html": ("沪明合作新闻一", "上海市与三明市召开沪明对口合作联席会议，双方就产业协作达成共识。"),
    "/news/2.html": ("三明市与嘉定区签署文旅合作协议", "三明市与上海市嘉定区签署文旅合作协议，推动两地游客互送。"),
    "/news/3.html": ("沪明两地共建产业园新进展", "沪明合作共建产业园又有五家上海企业落地三明，总投资十亿元。"),
}


def _links(ctx) -> dict[str, str]:
    return {r["title"]: r["url"] for r in ctx.store.db.query("SELECT title, url FROM articles")}


def test_articles_naming_the_first_one_as_canonical_keep_their_own_links(make_ctx):  # noqa: F811
    with Site() as a:
        a.listing("/list.html", list(STORIES))
        named = f'<link rel="canonical" href="{a.url("/news/1.html")}">'
        for path, (title, body) in STORIES.items():
            a.page(path, article_html(title, body, extra_head=named))
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
        links = _links(ctx)
    assert report.new == 3, report
    assert links == {title: a.url(path) for path, (title, _) in STORIES.items()}, links


def test_a_canonical_naming_a_story_stored_at_an_earlier_poll_is_not_its_link(make_ctx):  # noqa: F811
    with Site() as a:
        a.listing("/list.html", ["/news/1.html"])
        a.article("/news/1.html", *STORIES["/news/1.html"])
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        poll(ctx)
        a.listing("/list.html", ["/news/1.html", "/news/2.html"])
        a.page("/news/2.html", article_html(*STORIES["/news/2.html"],
                                            extra_head=f'<link rel="canonical" href="{a.url("/news/1.html")}">'))
        report = poll(ctx)[0]
        links = _links(ctx)
    assert report.new == 1, report
    assert links["三明市与嘉定区签署文旅合作协议"] == a.url("/news/2.html"), links


def test_the_same_article_at_another_address_still_takes_its_canonical_link(make_ctx):  # noqa: F811
    """A mobile copy naming the article's own address: stored once, under that address."""
    with Site() as a:
        a.listing("/list.html", ["/m/news/1.html"])
        a.page("/m/news/1.html", article_html(*STORIES["/news/1.html"],
                                              extra_head=f'<link rel="canonical" href="{a.url("/news/1.html")}">'))
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
        links = _links(ctx)
    assert report.new == 1 and links == {"沪明合作新闻一": a.url("/news/1.html")}, (report, links)
