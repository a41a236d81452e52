"""Article links listed before their page is there: a publishing system writes the list page
before the article page, or a CDN still holds the page's 404 for a while.

A 404 was given up at once, and a "page not found" page served with HTTP 200 at the article's
own address was stored as the article (headed 页面不存在) and its link counted as done: either
way the article, live minutes later, was never fetched. Now both are the link's failure, asked
again at the next polls (three in all, as other failures), and nothing is stored for them.
"""

from __future__ import annotations

import pytest
from hostile import BODY, Site, article_html
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

TITLES = ["三明与上海签约共建产业园区", "沪明两地联合举办文旅推介会", "上海专家团队赴永安开展义诊"]
LINKS = [f"/news/2026/{i}.html" for i in range(3)]
FRAME = ("<html><head><title>{title}</title></head><body><div class='nav'><a href='/'>首页</a> "
         "<a href='/list.html'>要闻</a> <a href='/zt.html'>专题</a></div><div class='main'>{main}</div>"
         "<div class='foot'>主办单位：某某日报社 版权所有 未经授权禁止转载 备案号 闽ICP备00000000号</div></body></html>")
SOFT = {  # what sites answer, with HTTP 200, for a page they do not have (yet)
    "zh": FRAME.format(title="页面不存在 - 某某新闻网", main="<h1>抱歉，您访问的页面不存在</h1><p>可能已被删除或网址有误，"
                       "<a href='/'>返回首页</a></p>"),
    "zh-notice": FRAME.format(title="某某新闻网", main="<p>对不起，该信息不存在或已被删除！</p><p>3秒后自动返回首页</p>"),
    "en": FRAME.format(title="404 Not Found", main="<h1>Page not found</h1><p>The page you requested could not be "
                       "found.</p>"),
    "big5": FRAME.format(title="找不到網頁", main="<p>您要找的頁面不存在</p>"),
}

BLOCKED = {  # a web firewall's answer, with HTTP 200, at the article's own address
    "firewall": ("<html><head><title>网站防火墙</title></head><body><h1>网站防火墙</h1><div>您的请求带有不合法参数，"
                 "已被网站管理员设置拦截！</div><div>可能原因：您提交的内容包含危险的攻击请求</div></body></html>"),
    "intercepted": ("<html><head><title>访问被拦截</title></head><body><p>抱歉，您的访问被拦截。</p>"
                    "<p>您的请求存在安全风险，已被安全防护系统拦截。事件编号：8f2c1d</p></body></html>"),
    "attack": "<html><head><title>安全验证</title></head><body><p>当前访问疑似黑客攻击，已被网站管理员设置为拦截</p></body></html>",
    "denied": FRAME.format(title="Access Denied", main="<h1>Access Denied</h1><p>You don't have permission to access "
                           "this page on this server. Reference #18.4f2a</p>"),
    "traditional": "<html><head><title>拒絕訪問</title></head><body><p>您的訪問已被網站防火牆攔截</p></body></html>",
}
NOTICES = {**SOFT, **BLOCKED}


def _site(a: Site) -> None:
    items = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in zip(LINKS, TITLES, strict=True))
    a.page("/list.html", f'<html><body><ul class="news">{items}</ul></body></html>')


def _live(a: Site) -> None:
    for link, title in zip(LINKS, TITLES, strict=True):
        a.article(link, title, BODY + f"\n{title}。")


@pytest.mark.parametrize("kind", ["404", *NOTICES])
def test_an_article_not_there_yet_is_fetched_once_it_is(make_ctx, kind):  # noqa: F811
    """Also when a web firewall's block notice stood at its address (before: stored as the
    article, headed 网站防火墙, its link done)."""
    with Site() as a:
        _site(a)
        a.article(LINKS[0], TITLES[0], BODY)
        for link in LINKS[1:]:
            if kind == "404":
                a.status(link, 404, body=b"Not Found")
            else:
                a.page(link, NOTICES[kind])
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        first = poll(ctx)[0]
        stored = urls(ctx)
        _live(a)
        second = poll(ctx)[0]
    assert stored == {a.url(LINKS[0])}, (kind, stored)
    assert first.new == 1 and first.status == "partial", (kind, first)
    assert second.new == 2, (kind, second)
    assert urls(ctx) == {a.url(link) for link in LINKS}
    titles = {r["title"] for r in ctx.store.db.query("SELECT title FROM articles")}
    assert titles == set(TITLES)


def test_a_link_that_stays_missing_is_given_up_after_three_polls(make_ctx):  # noqa: F811
    with Site() as a:
        _site(a)
        a.article(LINKS[0], TITLES[0], BODY)
        a.article(LINKS[1], TITLES[1], BODY + "\n推介会上发布了十条精品线路。")
        a.status(LINKS[2], 404, body=b"gone")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        for _ in range(4):
            poll(ctx)
        asked = a.paths().count(LINKS[2])
    assert asked == 3
    (failed,) = ctx.store.link_failures()
    assert failed["attempts"] == 3 and "404" in failed["reason"]


def test_a_short_article_about_a_deleted_post_is_an_article(make_ctx):  # noqa: F811
    """A news brief whose headline and text speak of deleted content is still news."""
    title = "三明一网络账号发布不实信息 相关内容已被删除"
    text = ("记者从三明市网信办获悉，近日某网络账号发布涉及沪明合作项目的不实信息，经核查，相关内容已被删除，"
            "该账号已被依法处置。网信部门提醒广大网民不信谣、不传谣。")
    with Site() as a:
        a.page("/list.html", f'<html><body><ul class="news"><li><a href="{LINKS[0]}">{title}</a></li></ul></body></html>')
        a.page(LINKS[0], article_html(title, text))
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert report.new == 1 and urls(ctx) == {a.url(LINKS[0])}



def test_a_news_brief_about_blocked_calls_is_news(make_ctx):  # noqa: F811
    brief = "三明警方：沪明两地联手，一批诈骗电话已被拦截"
    with Site() as a:
        a.page("/list.html", f'<html><body><ul class="news"><li><a href="/b.html">{brief}</a></li></ul></body></html>')
        a.article("/b.html", brief, "上海与三明两地公安机关开展反诈协作，上月共有一千余个诈骗电话已被拦截，群众损失明显减少。")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert (report.status, report.new) == ("ok", 1)


def test_a_short_brief_about_an_attack_headed_otherwise_than_its_link_is_news(make_ctx):  # noqa: F811
    """The words of a firewall's notice that news also uses (a suspected attack, a figure of 403)
    do not make a short page a notice."""
    with Site() as a:
        a.page("/list.html", '<html><body><ul class="news"><li><a href="/b.html">三明一单位网站遭攻击 '
                             '上海专家协助处置</a></li></ul></body></html>')
        a.article("/b.html", "沪明网络安全协作处置一起攻击事件",
                  "三明市某单位网站日前疑似黑客攻击，上海市网络安全专家远程协助处置，涉及403个页面，已全部恢复。")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert (report.status, report.new) == ("ok", 1)
