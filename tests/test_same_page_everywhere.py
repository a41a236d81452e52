"""A site that answers every article link with one page and status 200: a maintenance notice
("系统维护通知"), a login wall or a home page served in place of each article, at the article's own
address. Each link's page was stored as an article under the link's address (three rows headed
系统维护通知), so when the site came back its articles were never fetched: lost for good. Now the
pages a poll's links bring are compared: one page (same headline and text) for several links
whose own texts it shares nothing with is none of their articles; each link fails, asked again at
the next poll, and nothing is stored. A single link whose page is headed otherwise than its
anchor, and links to one article named alike, are stored as before."""

from __future__ import annotations

from hostile import BODY, Site
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

TITLES = ["三明与上海签约共建产业园区", "沪明两地联合举办文旅推介会", "上海专家团队赴永安开展义诊"]
NOTICE = ("<html><head><title>系统维护通知</title></head><body><div class='main'><p>尊敬的用户：为提升服务质量，"
          "本站正在进行系统升级，升级期间网站暂停访问，给您带来的不便敬请谅解。</p><p>升级预计持续两个小时，"
          "结束后网站将恢复正常访问，感谢您的理解与支持。如有紧急事项，请拨打值班电话联系工作人员。</p></div>"
          "</body></html>")


def _listing(site: Site, links: list[str], titles: list[str]) -> None:
    items = "".join(f'<li><a href="{href}">{title}</a></li>' for href, title in zip(links, titles, strict=True))
    site.page("/list.html", f'<html><body><ul class="news">{items}</ul></body></html>')


def test_one_page_for_every_link_stores_nothing_and_the_articles_come_when_the_site_does(make_ctx):  # noqa: F811
    with Site() as a:
        links = [f"/news/2026/{i}.html" for i in range(3)]
        _listing(a, links, TITLES)
        for link in links:
            a.page(link, NOTICE)
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        first = poll(ctx)[0]
        stored = urls(ctx)
        for link, title in zip(links, TITLES, strict=True):  # the site is back
            a.article(link, title, BODY + "\n" + title)
        second = poll(ctx)[0]
    assert stored == set() and first.new == 0 and first.status == "partial", first
    assert len(first.errors) == 3 and all("系统维护通知" in e and "not this article" in e for e in first.errors), first
    assert second.new == 3, second
    assert urls(ctx) == {a.url(link) for link in links}
    titles = {r["title"] for r in ctx.store.db.query("SELECT title FROM articles")}
    assert titles == set(TITLES)


def test_a_page_headed_unlike_its_link_alone_and_one_article_linked_twice_are_stored(make_ctx):  # noqa: F811
    with Site() as a:
        links = ["/news/2026/0.html", "/news/2026/1.html", "/news/2026/1.html?from=top"]
        _listing(a, links, [TITLES[0], TITLES[1], TITLES[1]])
        a.article(links[0], "三明市举办沪明合作项目推进会", BODY + "\n推进会明确了年度目标。")  # its anchor says otherwise
        a.article("/news/2026/1.html", TITLES[1], BODY + "\n推介会上发布了十条精品线路。")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert report.status == "ok" and not report.errors, report
    assert {r["title"] for r in ctx.store.db.query("SELECT title FROM articles")} == {"三明市举办沪明合作项目推进会", TITLES[1]}


def test_one_new_link_a_poll_given_the_page_stored_before_fails_until_the_site_is_back(make_ctx):  # noqa: F811
    """A site that lists one new article a poll while it answers every article with the notice: the
    first was stored as the notice (one page, one link: nothing to tell it by), but each later
    link brought the same page headed unlike its text, and was stored too, its article lost."""
    with Site() as a:
        links = [f"/news/2026/{i}.html" for i in range(3)]
        for link in links:
            a.page(link, NOTICE)
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        reports = []
        for shown in range(1, 4):  # one more link each poll
            _listing(a, links[:shown], TITLES[:shown])
            reports.append(poll(ctx)[0])
        for link, title in zip(links, TITLES, strict=True):  # the site is back
            a.article(link, title, BODY + "\n" + title)
        back = poll(ctx)[0]
    assert [r.new for r in reports] == [1, 0, 0], reports
    assert all("系统维护通知" in r.errors[0] and "not this article" in r.errors[0] for r in reports[1:]), reports
    assert back.new == 2, back
    titles = {r["title"] for r in ctx.store.db.query("SELECT title FROM articles")}
    assert titles == {"系统维护通知", TITLES[1], TITLES[2]}
