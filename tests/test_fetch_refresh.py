"""Pages that send the reader on by themselves: a `<meta http-equiv="refresh">` to another page,
an HTTP `Refresh` header, or a stub whose only content is a script setting `location`. Many
government and county sites move old article addresses this way instead of with a 301. The
fetcher follows them as it follows redirects: each hop through the address guard, robots.txt
and the host's turn, counted in the five hops, loops refused; a page that merely carries such a
tag or a script (a full article, a list page reloading itself) is the page."""

from __future__ import annotations

import pytest
from hostile import BODY, Site, article_html
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)
from test_fetch import fails, fetcher_for

from monitor.pipeline import poll


def refresh_stub(target: str, delay: int = 0, text: str = "页面已迁移，正在跳转……") -> str:
    return (f'<html><head><meta charset="utf-8"><meta http-equiv="Refresh" content="{delay}; URL={target}">'
            f"<title>跳转</title></head><body><p>{text}</p></body></html>")


def script_stub(statement: str) -> str:
    return (f'<html><head><meta charset="utf-8"><script type="text/javascript">{statement}</script></head>'
            '<body><p>如果页面没有自动跳转，请点击<a href="/x">这里</a>。</p></body></html>')


@pytest.fixture
def site():
    with Site() as s:
        yield s


@pytest.mark.parametrize("delay", [0, 1, 3])
def test_a_meta_refresh_to_another_page_is_followed_as_a_redirect(site, delay):
    site.page("/old/1.html", refresh_stub("/new/2026/1205/1.html", delay))
    site.article("/new/2026/1205/1.html", "沪明合作新动态")
    with fetcher_for(site) as f:
        resp = f.get(site.url("/old/1.html"))
    assert resp.url == site.url("/new/2026/1205/1.html")
    assert resp.redirects == (site.url("/old/1.html"),)
    assert "沪明合作新动态".encode() in resp.content


def test_the_refresh_header_is_followed_too(site):
    site.page("/a.html", "<html><body></body></html>", headers={"Refresh": "0;url=http://" + site.netloc + "/b.html"})
    site.article("/b.html", "三明")
    with fetcher_for(site) as f:
        assert f.get(site.url("/a.html")).url == site.url("/b.html")


@pytest.mark.parametrize("statement", [
    'window.location.href = "/new/7.html";',
    "window.location='/new/7.html'",
    'location.replace("/new/7.html")',
    'top.location.href="/new/7.html";',
    "document.location = '/new/7.html' ;",
    'window.location.assign("/new/7.html");',
])
def test_a_stub_that_only_sets_location_in_a_script_is_followed(site, statement):
    site.page("/7.shtml", script_stub(statement))
    site.article("/new/7.html", "沙县小吃进上海")
    with fetcher_for(site) as f:
        assert f.get(site.url("/7.shtml")).url == site.url("/new/7.html")


def test_a_full_article_carrying_such_a_script_or_a_slow_refresh_is_the_page(site):
    long_body = "\n".join([BODY] * 30)
    head = ('<meta http-equiv="refresh" content="300; url=/index.html">'
            '<script>function share(){window.location.href="/share?u=1";}</script>')
    site.page("/story.html", article_html("沪明合作", long_body, extra_head=head))
    site.page("/index.html", "<html><body>首页</body></html>")
    with fetcher_for(site) as f:
        resp = f.get(site.url("/story.html"))
    assert resp.url == site.url("/story.html") and resp.redirects == ()
    assert "/index.html" not in site.paths() and not any(p.startswith("/share") for p in site.paths())


def test_a_full_page_refreshing_elsewhere_after_seconds_is_kept_but_at_once_is_followed(site):
    """A page people read before it moves on (10 s) is the page; 0 s is a move, whatever its size."""
    long_body = "\n".join([BODY] * 400)  # well past a stub's size
    site.page("/slow.html", article_html("沪明", long_body, extra_head='<meta http-equiv="refresh" content="10;url=/n.html">'))
    site.page("/now.html", article_html("沪明", long_body, extra_head='<meta http-equiv="refresh" content="0;url=/n.html">'))
    site.article("/n.html", "新址")
    with fetcher_for(site) as f:
        assert f.get(site.url("/slow.html")).url == site.url("/slow.html")
        assert f.get(site.url("/now.html")).url == site.url("/n.html")


def test_a_refresh_loop_and_a_long_chain_fail_like_redirects(site):
    site.page("/a.html", refresh_stub("/b.html"))
    site.page("/b.html", script_stub('location.href="/a.html";'))
    for i in range(7):
        site.page(f"/r{i}.html", refresh_stub(f"/r{i + 1}.html"))
    with fetcher_for(site) as f:
        assert "loop" in str(fails(f, site.url("/a.html"), "redirect"))
        fails(f, site.url("/r0.html"), "redirect")
    assert "/r6.html" not in site.paths()


def test_a_refresh_to_a_private_address_is_refused_without_connecting(site):
    with Site() as inside:
        inside.article("/secret.html", "内网资料")
        for i, target in enumerate([inside.url("/secret.html"), "http://169.254.169.254/latest/meta-data/",
                                    "http://10.0.0.1/", "file:///etc/passwd"]):
            site.page(f"/m{i}.html", refresh_stub(target))
            site.page(f"/s{i}.html", script_stub(f'window.location.href="{target}";'))
        with fetcher_for(site) as f:  # allowed: this site's port only
            for i in range(4):
                fails(f, site.url(f"/m{i}.html"), "refused")
                fails(f, site.url(f"/s{i}.html"), "refused")
        assert inside.paths() == []


def test_a_refresh_into_a_path_robots_txt_forbids_is_not_fetched(site):
    site.robots("User-agent: *\nDisallow: /private/\n")
    site.page("/go.html", refresh_stub("/private/x.html"))
    site.article("/private/x.html", "沪明")
    with fetcher_for(site) as f:
        fails(f, site.url("/go.html"), "robots")
    assert "/private/x.html" not in site.paths()


def test_a_page_refreshing_to_itself_is_still_a_challenge(site):
    site.page("/c.html", refresh_stub("/c.html"))
    with fetcher_for(site) as f:
        fails(f, site.url("/c.html"), "blocked")


def test_a_poll_stores_the_article_a_moved_link_leads_to(make_ctx):  # noqa: F811
    with Site() as s:
        s.listing("/list.html", ["/old/1.html", "/old/2.html"])
        s.page("/old/1.html", refresh_stub("/2026/1/1.html"))
        s.page("/old/2.html", script_stub('window.location.replace("/2026/1/2.html")'))
        s.article("/2026/1/1.html", "沪明对口合作联席会议召开")
        s.article("/2026/1/2.html", "上海三明共建产业园")
        ctx = make_ctx(source_toml("moved", s.url("/list.html")), allow=(s.netloc,))
        report = poll(ctx)[0]
    assert (report.status, report.new) == ("ok", 2), report
    titles = {r["title"] for r in ctx.store.db.query("SELECT title FROM articles")}
    assert titles == {"沪明对口合作联席会议召开", "上海三明共建产业园"}
    assert urls(ctx) == {s.url("/2026/1/1.html"), s.url("/2026/1/2.html")}
