"""Links a site sends on to a page that is not their article: a login wall, a "page not found"
page, a home page. The landing page was stored as an article (用户登录, 页面不存在) and every
other link that landed there became its alias, a "duplicate", never fetched again: when the
site came back, its articles were lost for good. Now a link sent on to another path whose
headline shares nothing with the link's own text is that link's failure, asked again next poll,
and nothing is stored or aliased. Moved articles, short links and http → https still land."""

from __future__ import annotations

import pytest
from hostile import BODY, Site
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

TITLES = ["三明与上海签约共建产业园区", "沪明两地联合举办文旅推介会", "上海专家团队赴永安开展义诊"]


def _listing(site: Site, links: list[str], titles: list[str]) -> None:
    items = "".join(f'<li><a href="{href}">{title}</a></li>' for href, title in zip(links, titles, strict=True))
    site.page("/list.html", f'<html><body><ul class="news">{items}</ul></body></html>')


NOTE = ("<p>本站所有内容均由编辑部审核发布，未经书面授权不得转载、摘编或以其他方式使用。如需合作，请通过页面底部的"
        "联系方式与我们联系，我们将在三个工作日内回复。</p><p>客服电话工作时间为每周一至周五上午九点至下午五点，"
        "节假日顺延。感谢您对本站的关注和支持，欢迎提出宝贵意见和建议。</p>")
TRAPS = {
    "/login.html": "<html><head><title>用户登录</title></head><body><form>用户名 密码</form><div class='main'>"
                   "<p>请登录后阅读全文。本站部分栏目仅对注册会员开放，注册免费，登录后即可查看全部内容。</p>"
                   + NOTE + "</div></body></html>",
    "/404.html": "<html><head><title>页面不存在</title></head><body><div class='main'><p>对不起，您访问的页面不存在"
                 "或者已经被删除，请检查网址是否正确，或返回首页继续浏览其他内容。</p>" + NOTE + "</div></body></html>",
}


@pytest.mark.parametrize("trap", TRAPS)
def test_links_sent_to_a_login_or_not_found_page_store_nothing_and_are_asked_again(make_ctx, trap):  # noqa: F811
    page = TRAPS[trap]
    with Site() as a:
        links = [f"/news/2026/{i}.html" for i in range(3)]
        _listing(a, links, TITLES)
        a.page(trap, page)
        for link in links:
            a.redirect(link, trap)
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        first = poll(ctx)[0]
        stored = urls(ctx)
        for link, title in zip(links, TITLES, strict=True):  # the site is back
            a.article(link, title, BODY)
        second = poll(ctx)[0]
    assert stored == set() and first.new == 0 and first.status == "partial", (trap, first)
    assert "not this article" in first.errors[0]
    assert second.new == 3, (trap, second)
    assert urls(ctx) == {a.url(link) for link in links}


def test_moved_articles_short_links_and_https_still_land(make_ctx):  # noqa: F811
    with Site() as a:
        links = ["/news/2026/0.html", "/s/Xy7", "/news/2026/2.html"]
        generic = "/more/9.html"
        _listing(a, [*links, generic, "/more/10.html"], [*TITLES, "阅读全文", "阅读全文"])
        a.redirect(links[0], "/archive/2026/0.html")
        a.article("/archive/2026/0.html", TITLES[0] + "（图）", BODY)
        a.redirect(links[1], "/news/2026/1.html")
        a.article("/news/2026/1.html", TITLES[1], BODY + "\n推介会上发布了十条精品线路。")
        a.article(links[2], TITLES[2], BODY + "\n义诊持续三天。")
        a.redirect(generic, "/news/2026/9.html")  # anchors that say nothing about their article
        a.article("/news/2026/9.html", "三明市举办沪明合作项目推进会", BODY + "\n推进会明确了年度目标。")
        a.redirect("/more/10.html", "/news/2026/10.html")
        a.article("/news/2026/10.html", "上海游客春节赴三明旅游人数创新高", BODY + "\n游客人数同比增长三成。")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert (report.new, report.status) == (5, "ok"), report
    assert urls(ctx) == {a.url(p) for p in ("/archive/2026/0.html", "/news/2026/1.html", links[2],
                                            "/news/2026/9.html", "/news/2026/10.html")}
