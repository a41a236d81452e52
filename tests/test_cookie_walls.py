"""A cookie wall set by script: every article answers a stub whose script computes a cookie (a
hash of the time, a random token) and reloads the page, which the server serves only to a
request carrying it. A browser runs the script and shows the article; the fetcher cannot, and
took the stub for the page: one whose few words were readable was stored and matched as the
article (its headline over "请开启浏览器的Cookie后刷新"), and the rest failed as "no article text
found … set a body selector for this source", a fix that cannot help, the source `partial`.
Now such a stub is a bot check (`blocked`), said so in one line a link, nothing stored; a
cookie written out whole is still set and the page asked again (tests/test_parity2_reloads.py),
and an article whose consent banner sets a cookie and reloads on a click is still an article.
Real servers on 127.0.0.1; the text is invented."""

from __future__ import annotations

import pytest
from hostile import BODY, Site, _send, article_html
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)
from test_fetch import fetcher_for

from monitor.errors import FetchError
from monitor.pipeline import poll

TITLE = "沪明两地共建产业园区"
HTML = {"Content-Type": "text/html; charset=utf-8"}
# the cookie is computed, as the walls of hosting firewalls compute it
COMPUTED = ("function h(s){var x=0;for(var i=0;i<s.length;i++){x=(x*31+s.charCodeAt(i))|0}return x}"
            "document.cookie='wall_id='+h(String(Date.now()))+';path=/';")
WALLS = {
    "reload": f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>"
              f"<p>请开启浏览器的Cookie和JavaScript功能后刷新本页面。</p><script>{COMPUTED}location.reload();</script>"
              "</body></html>",
    "timer": "<html><head><title>三明市人民政府</title></head><body><p>正在跳转，请稍候…</p>"
             f"<script>{COMPUTED}setTimeout(function(){{window.location.reload()}},800);</script></body></html>",
    "moved": "<html><head><script>" + COMPUTED + "location.replace('/moved.html?t=' + Date.now());</script></head>"
             "<body><p>验证中</p></body></html>",
    "href": "<html><head><script>var t=Math.random().toString(16).slice(2);"
            "document.cookie = 'verify_key=' + t + '; path=/';location.href=location.href;</script></head>"
            "<body></body></html>",
}


def _walled(h) -> None:
    """The article for a request with the cookie the script would compute; the wall without it."""
    if "wall_id=" in (h.headers.get("Cookie") or "") or "verify_key=" in (h.headers.get("Cookie") or ""):
        _send(h, 200, HTML, article_html(TITLE, BODY).encode())
    else:
        _send(h, 200, HTML, WALLS[h.path.split("/")[-1].split(".")[0]].encode())


def test_articles_behind_a_scripted_cookie_wall_are_a_bot_check_and_nothing_is_stored(make_ctx):  # noqa: F811
    with Site() as a, Site() as b:
        a.listing("/list.html", [f"/{name}.html" for name in WALLS])
        for name in WALLS:
            a.routes[f"/{name}.html"] = _walled
        b.listing("/list.html", ["/b1.html"])
        b.article("/b1.html", "沪明合作新闻二")
        ctx = make_ctx(source_toml("a", a.url("/list.html")) + source_toml("b", b.url("/list.html")))
        reports = {r.source: r for r in poll(ctx)}
        asked = a.paths()
    assert urls(ctx) == {b.url("/b1.html")}
    assert reports["b"].status == "ok" and reports["b"].new == 1
    assert reports["a"].status == "blocked" and reports["a"].new == 0, reports["a"]
    assert len(reports["a"].errors) == len(WALLS), reports["a"].errors
    assert all("cookie wall" in e and "body selector" not in e for e in reports["a"].errors), reports["a"].errors
    assert sorted(asked[2:]) == sorted(f"/{name}.html" for name in WALLS)  # each once: no reload loop


def test_a_wall_whose_written_out_cookie_is_not_the_one_wanted_is_a_bot_check_asked_twice():
    wall = (b"<html><head><script>document.cookie='seen=1; path=/';location.reload();</script></head>"
            b"<body></body></html>")
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.page("/a.html", wall)
        with fetcher_for(site, retries=0) as f, pytest.raises(FetchError) as err:
            f.get(site.url("/a.html"))
    assert err.value.kind == "blocked" and "cookie wall" in str(err.value)
    assert site.paths() == ["/robots.txt", "/a.html", "/a.html"]


def test_an_article_whose_consent_banner_sets_a_cookie_and_reloads_on_a_click_is_read():
    banner = ("<div id='consent'>本站使用Cookie。<button onclick='ok()'>同意</button></div><script>function ok(){"
              "document.cookie='consent='+Date.now()+';path=/';location.reload();}</script>")
    page = article_html(TITLE, BODY + "\n" + "三明市有关负责人表示，将进一步优化营商环境，服务好来明投资的上海企业。" * 3,
                        extra_head="").replace("</body>", banner + "</body>")
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.page("/a.html", page)
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/a.html"))
    assert "三明市有关负责人" in got.text
