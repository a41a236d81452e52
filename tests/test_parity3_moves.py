"""Pages that send the reader on, as a browser reads them (the third round).

- A cookie check written in the page's script: `document.cookie = "verify=1"` (a literal, or
  literals joined with `+`), then a reload (`location.reload()`, `history.go(0)`,
  `location.href = location.href`, `location = location`, a move to the page's own address) or
  a move to another page. A browser sets the cookie and asks again with it; the fetcher kept the
  empty stub (it reloaded only after a `Set-Cookie` header). A cookie the script computes is
  not guessed at, and a check that never lets us in still ends.
- A meta refresh inside `<noscript>`: a browser running scripts never reads it, so an article
  page sending readers without JavaScript to a "please enable JavaScript" page is the article;
  the fetcher followed it and lost the article. A stub offering nothing else still moves by it.
- A script's address written as a template literal without substitutions (`` `/new/7.html` ``).
- A stub refreshing to another page after 15-60 s ("本页已迁移，30秒后自动跳转"): a browser
  waits and goes; the fetcher stopped at 10 s and kept the stub.
The text is invented; the servers are real, on 127.0.0.1."""

from __future__ import annotations

import pytest
from hostile import BODY, Site, _send, article_html
from test_fetch import fetcher_for

from monitor.errors import FetchError

PAGE = article_html("沪明两地共建产业园区", BODY)
HTML = {"Content-Type": "text/html; charset=utf-8"}


def _stub(head: str = "", body: str = "") -> str:
    return f"<html><head><meta charset=utf-8><title>安全验证</title>{head}</head><body>{body}</body></html>"


def _gate(site: Site, path: str, cookie: str, stub: str, page: str = PAGE) -> None:
    """`path` answers `stub` until asked with `cookie`, then `page`."""
    def serve(h) -> None:
        sent = h.headers.get("Cookie") or ""
        _send(h, 200, HTML, (page if cookie in sent.split("; ") else stub).encode())
    site.routes[path] = serve


def _checked(script: str, cookie: str = "verify=ok1") -> tuple[str, list[str]]:
    """The text got from /a.html, a cookie check by `script` that lets in a request with
    `cookie`, and the paths the site was asked for."""
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        _gate(site, "/a.html", cookie, _stub(f"<script>{script}</script>", "<p>请稍候……</p>"))
        with fetcher_for(site, retries=0) as f:
            try:
                got = f.get(site.url("/a.html"))
            except FetchError as exc:  # a cookie wall not passed (tests/test_cookie_walls.py): its words
                assert exc.kind == "blocked", exc
                return str(exc), site.paths()
        assert got.url == site.url("/a.html")
        return got.text, site.paths()


@pytest.mark.parametrize("script", [
    'document.cookie="verify=ok1; path=/";location.reload();',
    "document.cookie = 'verify=ok1';\nwindow.location.reload(true);",
    'document.cookie="verify=ok1;path=/";window.location.href=window.location.href;',
    'document.cookie = "verify=" + "ok1" + "; path=/";\nlocation = location;',
    'document.cookie="verify=ok1";history.go(0);',
    'document.cookie="verify=ok1";location.replace(location.href);',
    'document.cookie="verify=ok1";location.href="/a.html";',
    'document.cookie=`verify=ok1`;setTimeout(function(){ self.location.reload() }, 1500);',
])
def test_a_cookie_the_script_sets_then_a_reload_is_followed(script):
    text, paths = _checked(script)
    assert "三明市有关负责人" in text and paths == ["/robots.txt", "/a.html", "/a.html"]


def test_a_cookie_the_script_sets_goes_with_its_move():
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.page("/7.shtml", _stub("<script>document.cookie='from=7; path=/'; location.href='/new/7.html';</script>"))
        _gate(site, "/new/7.html", "from=7", _stub("", "<p>请从正确的入口访问</p>"))
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/7.shtml"))
    assert got.url == site.url("/new/7.html") and "三明市有关负责人" in got.text


@pytest.mark.parametrize("script", [
    'document.cookie = "verify=" + token(12) + "; path=/"; location.reload();',  # computed: not guessed
    'var v = "ok1"; document.cookie = "verify=" + v; location.reload();',
    'if (document.cookie == "verify=ok1") { location.reload(); }',  # a test, not a cookie set
])
def test_a_cookie_the_script_computes_is_not_guessed(script):
    text, paths = _checked(script)
    assert "三明市有关负责人" not in text and paths == ["/robots.txt", "/a.html"]
    assert ("cookie wall" in text) == (not script.startswith("if ")), text  # the stub is no article


def test_a_script_cookie_check_that_never_lets_us_in_ends():
    text, paths = _checked('document.cookie="verify=ok1";location.reload()', cookie="never=1")
    assert "三明市有关负责人" not in text and "cookie wall" in text
    assert paths == ["/robots.txt", "/a.html", "/a.html"]  # asked once more, with the cookie


NOSCRIPT = "<noscript><meta http-equiv='refresh' content='0;url=/nojs.html'></noscript>"


def test_an_article_sending_readers_without_javascript_away_is_the_article():
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.page("/7.shtml", article_html("沪明两地共建产业园区", BODY, extra_head=NOSCRIPT))
        site.page("/nojs.html", _stub("", "<p>请开启JavaScript后访问本站</p>"))
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/7.shtml"))
    assert got.url == site.url("/7.shtml") and "三明市有关负责人" in got.text
    assert site.paths() == ["/robots.txt", "/7.shtml"]


@pytest.mark.parametrize(("stub", "lands"), [
    (_stub(NOSCRIPT + "<script>location.href='/new/7.html'</script>"), "/new/7.html"),  # the script, as a browser
    (_stub("", NOSCRIPT.replace("/nojs.html", "/new/7.html")), "/new/7.html"),  # nothing else offered
    (_stub("<script>location.href=`/new/7.html`;</script>"), "/new/7.html"),
    (_stub("<meta http-equiv=refresh content='30;url=/new/7.html'>", "<p>本页已迁移，30秒后自动跳转</p>"), "/new/7.html"),
    (_stub("<meta http-equiv=refresh content='15; URL=/new/7.html'>"), "/new/7.html"),
    (_stub("<meta http-equiv=refresh content='600;url=/new/7.html'>", "<p>栏目首页</p>"), "/7.shtml"),
    (article_html("沪明两地", "\n".join([BODY] * 3), extra_head="<meta http-equiv=refresh content='30;url=/new/7.html'>"),
     "/7.shtml"),
    (_stub("<script>location.href=`/new/${id}.html`;</script>"), "/7.shtml"),
])
def test_a_move_a_browser_makes_is_followed(stub, lands):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.page("/7.shtml", stub)
        site.page("/new/7.html", PAGE)
        site.page("/nojs.html", _stub("", "<p>请开启JavaScript后访问本站</p>"))
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/7.shtml"))
    assert got.url == site.url(lands)


# A stub whose script submits its one form at once (a single-sign-on hand-back, a "jumping…" page
# of an old CMS): a browser sends the form, its hidden fields with it, and shows the answer.
def _form_site(stub: str):
    from sitekit import Site as FormSite

    site = FormSite()
    site.page("/robots.txt", "User-agent: *\nDisallow:\n", content_type="text/plain")
    site.page("/7.shtml", stub)
    site.page("/new/7.html", PAGE)
    site.route("POST", "/sso/back", lambda hit: (
        (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode()) if hit.form.get("ticket") == "ST-7"
        else (403, {}, b"no ticket")))
    return site


@pytest.mark.parametrize(("stub", "lands", "asked"), [
    (_stub("", "<form name='jump' action='/new/7.html' method='get'><input type='hidden' name='id' value='7'>"
               "</form><script>document.jump.submit();</script>"), "/new/7.html?id=7", "GET /new/7.html?id=7"),
    (_stub("", "<form action=\"/sso/back\" method=\"POST\"><input type=hidden name=ticket value=\"ST-7\">"
               "<input type=submit value='继续'></form><script>setTimeout(function(){document.forms[0].submit()}, 0)"
               "</script>"), "/sso/back", "POST /sso/back"),
    (_stub("", "<form id=f method=post action=/sso/back><input name=\"ticket\" type=\"hidden\" value=\"ST-7\"></form>")
     .replace("<body>", "<body onload=\"document.getElementById('f').submit()\">"), "/sso/back", "POST /sso/back"),
])
def test_a_form_the_stub_submits_at_once_is_sent(stub, lands, asked):
    with _form_site(stub) as site:
        with fetcher_for_url(site.base_url) as f:
            got = f.get(site.url("/7.shtml"))
        assert got.url == site.url(lands) and "三明市有关负责人" in got.text
        assert asked in [f"{h.method} {h.path}" for h in site.hits]


@pytest.mark.parametrize("stub", [
    _stub("", "<form name=s action=/new/7.html><input name=q></form>"
              "<script>function go(){ document.s.submit(); }</script><a href='javascript:go()'>搜索</a>"),
    _stub("", "<form action=/new/7.html></form><form action=/sso/back></form><script>document.forms[0].submit()</script>"),
])
def test_a_form_sent_only_when_asked_is_not_sent(stub):
    with _form_site(stub) as site:
        with fetcher_for_url(site.base_url) as f:
            got = f.get(site.url("/7.shtml"))
        assert got.url == site.url("/7.shtml")
        assert [h.path for h in site.hits] == ["/robots.txt", "/7.shtml"]


def fetcher_for_url(base: str):
    from monitor.config import FetchConfig
    from monitor.fetch import Fetcher

    netloc = base.split("//", 1)[1]
    return Fetcher(FetchConfig(min_delay=0.0, retries=0, timeout=3.0, allow_private=(netloc,)))
