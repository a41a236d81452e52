"""The poll cycle against hostile sites on 127.0.0.1: one link or source never stops the others."""

from __future__ import annotations

import contextlib
import itertools
import re
from urllib.parse import urlsplit

import pytest
from hostile import BODY, Site, article_html, raw

from monitor import config
from monitor.fetch import Fetcher
from monitor.pipeline import Context, poll
from monitor.store import Store

FETCH = """[fetch]
min_delay = 0
retries = 1
timeout = 3
"""


def source_toml(name: str, url: str, kind: str = "html", selector: str = "ul.news a") -> str:
    sel = f'link_selector = "{selector}"\n' if kind == "html" else ""
    return f'[[sources]]\nname = "{name}"\nkind = "{kind}"\nurl = "{url}"\n{sel}'


@pytest.fixture
def make_ctx(tmp_path):
    """make_ctx(sources_toml, fetch_toml=FETCH, allow=("127.0.0.1",)) → a Context on a fresh database."""
    opened: list[tuple[Store, Fetcher]] = []

    def make(sources: str, fetch: str = FETCH, allow: tuple[str, ...] = ("127.0.0.1",)) -> Context:
        path = tmp_path / "monitor.toml"
        allowed = "allow_private = [" + ", ".join(f'"{a}"' for a in allow) + "]\n"
        path.write_text('include = ["monitor:topics/hu-ming.toml"]\n' + fetch + allowed + sources, encoding="utf-8")
        cfg = config.load(path, tmp_path / "m.db")
        store = Store.open(cfg.db_path)
        fetcher = Fetcher(cfg.fetch)
        opened.append((store, fetcher))
        return Context(cfg, store, fetcher)

    yield make
    for store, fetcher in opened:
        fetcher.close()
        store.close()


def urls(ctx: Context) -> set[str]:
    return {r["url"] for r in ctx.store.db.query("SELECT url FROM articles")}


def test_ipv6_literal_and_malformed_links_fail_alone(make_ctx):
    with Site() as a, Site() as b:
        a.listing("/list.html", ["http://[::1]/x", "http://[::1/broken", "http://a:xx/", "/ok.html"])
        a.article("/ok.html", "沪明合作新闻一")
        b.listing("/list.html", ["/b1.html"])
        b.article("/b1.html", "沪明合作新闻二")
        ctx = make_ctx(source_toml("a", a.url("/list.html")) + source_toml("b", b.url("/list.html")))
        reports = {r.source: r for r in poll(ctx)}
    assert set(reports) == {"a", "b"}
    assert reports["b"].status == "ok" and reports["b"].new == 1
    assert reports["a"].new == 1 and reports["a"].status == "partial"
    assert urls(ctx) == {a.url("/ok.html"), b.url("/b1.html")}


def test_malformed_content_length_is_that_links_failure(make_ctx):
    with Site() as a:
        a.listing("/list.html", ["/bad.html", "/ok.html"])
        a.routes["/bad.html"] = raw(b"HTTP/1.1 200 OK", [b"Content-Type: text/html", b"Content-Length: 12abc"],
                                    b"<p>x</p>")
        a.article("/ok.html", "沪明合作新闻一")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert (report.status, report.new, len(report.errors)) == ("partial", 1, 1)
    assert urls(ctx) == {a.url("/ok.html")}
    assert ctx.store.link_failures("a")[0]["canonical_url"].endswith("/bad.html")


def test_a_feed_entry_with_an_impossible_date_costs_nothing_else(make_ctx):
    with Site() as a, Site() as b:
        items = "".join(f"<item><title>t{i}</title><link>{a.url(f'/{i}.html')}</link><pubDate>{d}</pubDate></item>"
                        for i, d in enumerate(["9999-12-31T23:59:59-12:00", "Mon, 23 Nov 2026 08:00:00 +0800"]))
        a.page("/rss.xml", f'<rss version="2.0"><channel><title>f</title>{items}</channel></rss>',
               content_type="application/rss+xml")
        a.article("/0.html", "沪明合作新闻零")
        a.article("/1.html", "沪明合作新闻一")
        b.listing("/list.html", ["/b1.html"])
        b.article("/b1.html", "沪明合作新闻二")
        ctx = make_ctx(source_toml("a", a.url("/rss.xml"), kind="feed") + source_toml("b", b.url("/list.html")))
        reports = {r.source: r for r in poll(ctx)}
    assert (reports["a"].status, reports["a"].new) == ("ok", 2)
    assert (reports["b"].status, reports["b"].new) == ("ok", 1)


def test_repeated_links_with_tracking_parameters_are_fetched_once(make_ctx):
    with Site() as a:
        a.listing("/list.html", ["/a.html?spm=1.2.3", "/a.html?spm=9&utm_source=x", "/a.html#top", "/a.html",
                                 "/b.html?id=%D7%DB&from=timeline"])
        a.article("/a.html", "沪明合作新闻一")
        a.article("/b.html", "沪明合作新闻二")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
        paths = a.paths()
    assert (report.status, report.new, report.duplicates) == ("ok", 2, 3)
    assert paths.count("/a.html") == 1 and not any("spm" in p for p in paths)
    assert "/b.html?id=%D7%DB" in paths  # GBK escapes kept byte for byte
    assert urls(ctx) == {a.url("/a.html"), a.url("/b.html?id=%D7%DB")}


PRIVATE = ["http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/a.html", "http://192.168.1.1/",
           "http://[::1]/x", "http://2130706433/", "http://0x7f.1/", "http://localhost/", "http://[fd00::1]/",
           "http://[::ffff:10.0.0.1]/", "http://100.64.0.1/"]


def test_links_and_redirects_to_private_addresses_are_refused_and_never_stored(make_ctx):
    with Site() as a, Site() as inside, Site() as b:
        inside.article("/secret.html", "沪明合作内部资料")
        links = [*PRIVATE, inside.url("/secret.html"), "/jump.html", "/ok.html"]
        a.listing("/list.html", links)
        a.redirect("/jump.html", inside.url("/secret.html"))
        a.article("/ok.html", "沪明合作新闻一")
        b.listing("/list.html", ["/b1.html"])
        b.article("/b1.html", "沪明合作新闻二")
        sources = source_toml("a", a.url("/list.html")) + source_toml("b", b.url("/list.html"))
        ctx = make_ctx(sources, allow=(a.netloc, b.netloc))  # not `inside`: another port on 127.0.0.1
        first = {r.source: r for r in poll(ctx)}
        second = {r.source: r for r in poll(ctx)}
    assert (first["a"].new, first["a"].refused, first["a"].status) == (1, len(PRIVATE) + 2, "partial")
    assert (first["b"].status, first["b"].new) == ("ok", 1)
    assert inside.paths() == []  # not even robots.txt
    assert urls(ctx) == {a.url("/ok.html"), b.url("/b1.html")}
    assert a.paths().count("/jump.html") == 1  # refused for good: not retried by the next poll
    assert second["a"].refused == 0 and second["a"].status == "ok"


def test_no_request_leaves_for_an_address_outside_the_allow_list_even_through_a_proxy(make_ctx):
    from hostile import Proxy

    with Site() as a, Site() as b, Site() as inside, Proxy() as proxy:
        a.listing("/list.html", [*PRIVATE, inside.url("/x.html"), "/r1.html", "/r2.html", "/ok.html"])
        a.redirect("/r1.html", "http://169.254.169.254/latest/meta-data/")
        a.redirect("/r2.html", b.url("/hop.html"))
        b.redirect("/hop.html", inside.url("/x.html"))
        a.article("/ok.html", "沪明合作新闻一")
        inside.article("/x.html", "内部")
        b.page("/rss.xml", f'<rss version="2.0"><channel><title>f</title><item><title>t</title><link>'
               f'{inside.url("/y.html")}</link></item></channel></rss>', content_type="application/rss+xml")
        fetch = FETCH + f'proxy = "{proxy.url}"\n'
        ctx = make_ctx(source_toml("a", a.url("/list.html")) + source_toml("b", b.url("/rss.xml"), kind="feed"),
                       fetch=fetch, allow=(a.netloc, b.netloc))
        reports = {r.source: r for r in poll(ctx)}
    allowed = {a.netloc, b.netloc}
    assert proxy.targets and all(urlsplit(t).netloc in allowed for t in proxy.targets), proxy.targets
    assert inside.paths() == [] and reports["a"].new == 1
    assert reports["a"].refused == len(PRIVATE) + 3 and reports["b"].refused == 1


def test_politeness_measured_from_the_request_log(make_ctx):
    delay = 0.15
    with Site() as a:
        a.robots("User-agent: *\nDisallow: /private/\n")
        a.listing("/list.html", ["/1.html", "/private/2.html", "/r3.html", "/4.html"])
        a.redirect("/r3.html", "/3.html")
        for n in (1, 3, 4):
            a.article(f"/{n}.html", f"沪明合作新闻{n}")
        a.article("/private/2.html", "不该抓取")
        fetch = FETCH.replace("min_delay = 0", f"min_delay = {delay}")
        ctx = make_ctx(source_toml("a", a.url("/list.html")), fetch=fetch)
        report = poll(ctx)[0]
    paths = a.paths()
    assert paths[0] == "/robots.txt" and not any(p.startswith("/private/") for p in paths)
    assert (report.new, report.skipped) == (3, 1)
    gaps = [b.at - x.at for x, b in itertools.pairwise(a.hits)]
    assert len(gaps) == 5 and min(gaps) >= delay, gaps  # hops included


def test_a_dripping_host_does_not_slow_the_other_nineteen(make_ctx):
    # Each host's time is mostly its politeness delay (2 gaps of 0.4 s), not CPU, so a busy
    # machine does not blur the comparison.
    fetch = FETCH.replace("min_delay = 0", "min_delay = 0.4").replace("timeout = 3", "timeout = 1")

    def poll_sites(n: int, drip: bool) -> dict[str, float]:
        with contextlib.ExitStack() as stack:
            sites = [stack.enter_context(Site()) for _ in range(n)]
            for s in sites:
                s.listing("/list.html", ["/0.html"])
                s.article("/0.html", f"沪明合作新闻{s.port}")
            if drip:
                slow = stack.enter_context(Site())
                slow.drip("/list.html", every=0.5)
                sites.append(slow)
            ctx = make_ctx("".join(source_toml(f"s{i}", s.url("/list.html")) for i, s in enumerate(sites)), fetch=fetch)
            return {r.source: r.duration_ms / 1000 for r in poll(ctx)}

    poll_sites(1, drip=False)  # one-time start-up costs (tables built on first use) out of the way
    alone = poll_sites(19, drip=False)
    mixed = poll_sites(19, drip=True)
    assert mixed.pop("s19") >= 2.0  # the drip was read until its deadline, and once more
    # held behind the drip, the others would take its 2 s deadline longer; allow a loaded box's noise
    slowest = max(alone.values())
    assert max(mixed.values()) <= max(1.5 * slowest, slowest + 0.8), (alone, mixed)


# ------------------------------------------------------------ every hostile listing, beside a good source

WAF = ('<html><head><script>document.cookie="acw_sc__v2=5f1a";location.reload()</script></head>'
       "<body>请开启JavaScript并刷新该页</body></html>")


def hostile_listing(site: Site, fault: str) -> str:
    """Make /list.html (or /rss.xml) on `site` show `fault`; return the listing's path."""
    site.article("/x.html", "沪明合作不该入库")
    if fault == "500":
        site.status("/list.html", 500)
    elif fault == "429":
        site.status("/list.html", 429, {"Retry-After": "3600"})
    elif fault == "hang":
        site.hang("/list.html")
    elif fault == "drip":
        site.drip("/list.html", every=0.3)
    elif fault == "huge":
        site.huge("/list.html", 60_000_000, with_length=False)
    elif fault == "bomb":
        site.gzip_bomb("/list.html", 100_000_000)
    elif fault == "loop":
        site.redirect("/list.html", "/list2.html")
        site.redirect("/list2.html", "/list.html")
    elif fault == "private":
        site.redirect("/list.html", "http://169.254.169.254/latest/meta-data/")
    elif fault == "robots":
        site.robots("User-agent: *\nDisallow: /\n")
        site.listing("/list.html", ["/x.html"])
    elif fault == "xml":
        site.page("/rss.xml", '<rss version="2.0"><channel><title>坏<item><link>/x.html</link></channel>',
                  content_type="application/rss+xml")
        return "/rss.xml"
    elif fault == "waf":
        site.page("/list.html", WAF)
    return "/list.html"


@pytest.mark.parametrize(("fault", "status", "words"), [
    ("500", "error", "HTTP 500"), ("429", "rate_limited", "HTTP 429, a pause asked for"), ("hang", "error", "no complete answer"),
    ("drip", "error", "no complete answer"), ("huge", "error", "max_bytes"), ("bomb", "error", "max_bytes"),
    ("loop", "error", "redirect loop"), ("private", "error", "refused"), ("robots", "error", "robots.txt"),
    ("xml", "error", "not a readable RSS/Atom feed"), ("waf", "blocked", "challenge page"),
])
def test_a_hostile_listing_is_its_sources_failure_only(make_ctx, fault, status, words):
    with Site() as bad, Site() as good:
        path = hostile_listing(bad, fault)
        good.listing("/list.html", ["/g.html"])
        good.article("/g.html", "沪明合作新闻")
        fetch = FETCH.replace("timeout = 3", "timeout = 1").replace("[fetch]", "[fetch]\nmax_bytes = 1000000")
        kind = "feed" if path.endswith(".xml") else "html"
        ctx = make_ctx(source_toml("bad", bad.url(path), kind=kind) + source_toml("good", good.url("/list.html")),
                       fetch=fetch)
        reports = {r.source: r for r in poll(ctx)}
        requests = bad.paths().count(path)
    assert (reports["good"].status, reports["good"].new) == ("ok", 1)
    assert reports["bad"].status == status and words in reports["bad"].errors[0], reports["bad"].errors
    assert urls(ctx) == {good.url("/g.html")}  # nothing of the hostile site stored
    row = ctx.store.source_state("bad")
    assert row["last_status"] == status and words in row["last_error"]
    assert row["error_count"] == (0 if status == "rate_limited" else 1)  # a pause asked for is no failed poll
    assert requests <= {"500": 3, "hang": 2, "drip": 2}.get(fault, 1)  # a timeout is retried once, 429 not


def test_charset_traps_are_stored_as_the_right_text(make_ctx):
    with Site() as a:
        a.listing("/list.html", ["/gb.html", "/stale.html", "/none.html", "/big5.html"])
        body = "上海市与三明市签署沪明对口合作协议，碁石项目落地三明。\n双方将在产业园共建方面继续深化合作。"
        pages = {"/gb.html": ("gbk", "text/html; charset=gb2312"), "/stale.html": ("utf-8", "text/html; charset=gb2312"),
                 "/none.html": ("gb18030", "text/html"), "/big5.html": ("big5hkscs", "text/html; charset=big5")}
        for path, (codec, ctype) in pages.items():
            title = "滬明對口合作新聞" if codec == "big5hkscs" else "沪明对口合作新闻"
            html = article_html(title, body if codec != "big5hkscs" else "三明與上海簽署對口合作協議。\n深水埗商會到訪三明。",
                                charset="gb2312" if "gb2312" in ctype else "")
            a.page(path, html.encode(codec), content_type=ctype)
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    rows = {r["url"].rsplit("/", 1)[1]: r for r in ctx.store.db.query("SELECT url, title, body FROM articles")}
    assert (report.status, report.new) == ("ok", 4)
    for name in ("gb.html", "stale.html", "none.html"):
        assert "碁石项目落地三明" in rows[name]["body"] and "\ufffd" not in rows[name]["body"], name
    assert "深水埗商會" in rows["big5.html"]["body"]


def test_hostile_articles_fail_alone_and_nothing_of_them_is_stored(make_ctx):
    with Site() as a:
        a.listing("/list.html", ["/500.html", "/waf.html", "/bomb.html", "/huge.html", "/loop.html", "/ok.html"])
        a.status("/500.html", 500)
        a.page("/waf.html", WAF)
        a.gzip_bomb("/bomb.html", 100_000_000)
        a.huge("/huge.html", 60_000_000, with_length=True)
        a.redirect("/loop.html", "/loop.html")
        a.article("/ok.html", "沪明合作新闻")
        fetch = FETCH.replace("[fetch]", "[fetch]\nmax_bytes = 1000000")
        ctx = make_ctx(source_toml("a", a.url("/list.html")), fetch=fetch)
        first = poll(ctx)[0]
        second = poll(ctx)[0]
        counts = {p: a.paths().count(p) for p in ("/500.html", "/waf.html", "/bomb.html", "/huge.html", "/loop.html")}
    assert (first.status, first.new, len(first.errors)) == ("partial", 1, 5)
    assert urls(ctx) == {a.url("/ok.html")}
    # given up at once: too large, a loop; tried again: a 500 (retried once each poll), a WAF stub
    assert counts == {"/500.html": 4, "/waf.html": 2, "/bomb.html": 1, "/huge.html": 1, "/loop.html": 1}
    assert second.status == "partial" and len(second.errors) == 2


def test_a_source_whose_every_article_is_a_waf_stub_is_blocked(make_ctx):
    with Site() as a:
        a.listing("/list.html", ["/1.html", "/2.html"])
        a.page("/1.html", WAF)
        a.page("/2.html", '<html><head><meta http-equiv="refresh" content="0"></head><body></body></html>')
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert report.status == "blocked" and urls(ctx) == set()
    assert "challenge page" in ctx.store.source_state("a")["last_error"]


def _js_check_page(cd_length: int) -> str:
    """The shape of a bot check many Chinese government sites put in front of every page (served
    with HTTP 412 or 200): a data <meta>, an inline script setting `$_ts` with a long token, a
    script to fetch, and no text at all. Written here; the token is filler."""
    token = "qAbCdEfGhIj" * (cd_length // 11)
    return ('<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            f'<meta id="k3XbQ9wZ" content="{token[:200]}" r="m"><script type="text/javascript" r="m">'
            f"$_ts=window['$_ts'];if(!$_ts)$_ts={{}};$_ts.nsd=31416;$_ts.cd=\"{token}\";</script>"
            '<script type="text/javascript" charset="utf-8" src="/k3XbQ9wZ/aBcD.b1e2f3.js" r="m"></script>'
            "</head><body></body></html>")


@pytest.mark.parametrize("status, cd_length", [(412, 2_000), (200, 2_000), (412, 60_000)])
def test_a_source_behind_a_javascript_bot_check_is_blocked_and_says_so(make_ctx, status, cd_length):
    """Before: a 412 read as 'HTTP 412' (a stale-cache error to anyone reading it), a 200 as an
    article with no text; nothing said a bot check stood in front of the site."""
    with Site() as a:
        a.listing("/list.html", ["/1.html", "/2.html"])
        for path in ("/1.html", "/2.html"):
            a.page(path, _js_check_page(cd_length), status=status)
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert report.status == "blocked" and urls(ctx) == set()
    assert "challenge page" in ctx.store.source_state("a")["last_error"]


def test_an_article_carrying_the_bot_checks_script_is_still_read(make_ctx):
    """A site behind such a check puts its script into the real pages too, once a browser passed."""
    script = "<script r='m'>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=31416;</script>"
    with Site() as a:
        a.listing("/list.html", ["/1.html"])
        a.page("/1.html", article_html("沪明合作推进会召开", BODY, extra_head=script))
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert (report.status, report.new) == ("ok", 1)


def test_a_redesigned_list_page_is_a_layout_change_not_silence(make_ctx):
    with Site() as a:
        a.listing("/list.html", ["/1.html"])
        a.article("/1.html", "沪明合作新闻")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        assert poll(ctx)[0].status == "ok"
        a.page("/list.html", '<html><body><div class="cards"><a href="/2.html">新版</a></div></body></html>')
        moved = poll(ctx)[0]
        again = poll(ctx)[0]
    state = ctx.store.source_state("a")
    assert moved.status == "layout_changed" and again.status == "layout_changed"
    assert "link_selector" in moved.errors[0]
    assert state["error_count"] == 2 and state["status_since"] and state["peak_links"] == 1


def test_a_listing_gone_for_three_polls_is_gone(make_ctx):
    with Site() as a:
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        statuses = [poll(ctx)[0].status for _ in range(4)]
    assert statuses == ["error", "error", "gone", "gone"]
    assert ctx.store.source_state("a")["missing_count"] == 4


def test_an_article_reached_another_way_is_not_fetched_again(make_ctx):
    with Site() as a, Site() as b:
        a.listing("/list.html", ["/short/1?spm=x", "/mobile/1.html"])
        a.redirect("/short/1", "/news/2026/1.html")
        a.article("/news/2026/1.html", "沪明合作新闻一")
        a.page("/mobile/1.html", article_html("沪明合作新闻二", BODY + "\n手机版",
                                              extra_head=f'<link rel="canonical" href="{a.url("/news/2026/2.html")}">'))
        ctx = make_ctx(source_toml("a", a.url("/list.html")) + source_toml("b", b.url("/list.html")))
        first = poll(ctx)[0]
        b.listing("/list.html", [a.url("/short/1"), a.url("/news/2026/1.html"), a.url("/news/2026/2.html"),
                                 a.url("/mobile/1.html?from=wx")])
        second = poll(ctx, ["b"])[0]
    assert (first.new, first.status) == (2, "ok")
    assert urls(ctx) == {a.url("/news/2026/1.html"), a.url("/news/2026/2.html")}  # final URL, canonical URL
    assert (second.new, second.duplicates) == (0, 4)
    assert a.paths().count("/short/1") == 1 and a.paths().count("/mobile/1.html") == 1
    assert "/news/2026/2.html" not in a.paths()


def test_sources_and_health_show_status_since_and_last_error(make_ctx, tmp_path):
    from click.testing import CliRunner

    from monitor.cli import main

    with Site() as bad, Site() as good:
        bad.page("/list.html", WAF)
        good.listing("/list.html", ["/g.html"])
        good.article("/g.html", "沪明合作新闻")
        make_ctx(source_toml("bad", bad.url("/list.html")) + source_toml("good", good.url("/list.html")))
        args = ["--config", str(tmp_path / "monitor.toml"), "--db", str(tmp_path / "m.db")]
        polled = CliRunner().invoke(main, [*args, "poll"])
        listed = CliRunner().invoke(main, [*args, "sources"])
        health = CliRunner().invoke(main, [*args, "health"])
    assert polled.exit_code == 0, polled.output
    assert "\trefused\t" in polled.output.splitlines()[0]
    rows = {line.split("\t")[0]: line.split("\t") for line in listed.output.splitlines()[1:]}
    assert rows["bad"][5] == "blocked" and rows["bad"][6].endswith("s") and rows["bad"][7] == "1"
    assert "challenge page" in rows["bad"][9]
    assert rows["good"][5] == "ok"
    assert health.exit_code == 1 and "unhealthy=1 (bad)" in health.output
    assert re.search(r"source=bad status=blocked for \d+s error=GET .*acw_sc__v2", health.output)
    assert "source=good" not in health.output


def test_separate_poll_runs_share_one_robots_fetch_per_ttl(tmp_path):
    """`monitor poll` from cron is a new process each time: robots.txt is still asked once per TTL."""
    from click.testing import CliRunner

    from monitor.cli import main

    with Site() as a:
        a.robots("User-agent: *\nDisallow: /private/\n")
        a.listing("/list.html", ["/1.html", "/private/2.html"])
        a.article("/1.html", "沪明合作新闻")
        path = tmp_path / "monitor.toml"
        path.write_text('include = ["monitor:topics/hu-ming.toml"]\n' + FETCH + 'allow_private = ["127.0.0.1"]\n'
                        + source_toml("a", a.url("/list.html")), encoding="utf-8")
        args = ["--config", str(path), "--db", str(tmp_path / "m.db"), "poll"]
        first, second = CliRunner().invoke(main, args), CliRunner().invoke(main, args)
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    paths = a.paths()
    assert paths.count("/robots.txt") == 1 and paths[0] == "/robots.txt", paths
    assert paths.count("/list.html") == 2 and not any(p.startswith("/private/") for p in paths)


def test_a_remembered_robots_answer_expires_with_its_ttl(tmp_path):
    """An answer older than the TTL is asked again; an unreachable one only waits its shorter retry."""
    import asyncio

    from monitor.fetch.robots import RobotsCache
    from monitor.store import HostMemory

    Store.open(tmp_path / "m.db").close()
    memory = HostMemory(tmp_path / "m.db")
    memory.remember("http://a.example", (200, b"User-agent: *\nDisallow: /x\n"))
    memory.remember("http://b.example", "connection refused")
    asked: list[str] = []

    async def load(url: str) -> tuple[int, bytes] | str:
        asked.append(url)
        return 404, b""

    async def check(ttl: float, retry: float) -> tuple[bool, bool]:
        cache = RobotsCache(load, "monitor", ttl=ttl, retry=retry, memory=memory)
        return await cache.allowed("http://a.example/x"), await cache.allowed("http://b.example/y")

    assert asyncio.run(check(ttl=3600, retry=3600)) == (False, False) and asked == []  # both still fresh
    assert asyncio.run(check(ttl=3600, retry=0)) == (False, True)  # b's retry is due: asked, 404 allows
    assert asked == ["http://b.example/robots.txt"]
    assert asyncio.run(check(ttl=0, retry=3600)) == (True, True)  # every answer past its TTL: asked again
    assert asked[1:] == ["http://a.example/robots.txt", "http://b.example/robots.txt"]
    memory.close()


def test_a_port_past_65535_is_a_broken_link_given_up_at_once(make_ctx):
    with Site() as a:
        a.listing("/list.html", [a.url("/x.html").replace(str(a.port), "99999"), "/ok.html"])
        a.article("/ok.html", "沪明合作新闻一")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert (report.status, report.new) == ("partial", 1)
    assert "not a valid URL" in report.errors[0] and "Error" not in report.errors[0], report.errors
    assert ctx.store.given_up([ctx.store.link_failures("a")[0]["canonical_url"]], 3)  # no retry can help


def test_json_nested_past_the_recursion_limit_is_a_one_line_error(make_ctx):
    with Site() as a, Site() as b:
        a.page("/api", "[" * 100_000 + "]" * 100_000, content_type="application/json")
        b.listing("/list.html", ["/b1.html"])
        b.article("/b1.html", "沪明合作新闻二")
        api = (f'[[sources]]\nname = "a"\nkind = "json-api"\nurl = "{a.url("/api")}"\nitems = "data.list"\n'
               'title = "title"\nlink = "url"\n')
        ctx = make_ctx(api + source_toml("b", b.url("/list.html")))
        reports = {r.source: r for r in poll(ctx)}
    assert (reports["b"].status, reports["b"].new) == ("ok", 1)
    assert reports["a"].status == "error" and "not JSON" in reports["a"].errors[0], reports["a"].errors
    assert "RecursionError" not in reports["a"].errors[0]


def test_pages_nested_tens_of_thousands_deep_are_refused_before_parsing(make_ctx):
    # the HTML parser takes time quadratic in nesting depth: 200,000 <div>s (1 MB) held a poll ~3 minutes
    deep = "<html><body>" + "<div>" * 60_000 + BODY + "</div>" * 60_000 + "</body></html>"
    with Site() as a, Site() as b:
        a.listing("/list.html", ["/deep.html", "/ok.html"])
        a.page("/deep.html", deep)
        a.article("/ok.html", "沪明合作新闻一")
        b.page("/list.html", deep.replace(BODY, '<ul class="news"><li><a href="/b1.html">x</a></li></ul>'))
        b.article("/b1.html", "沪明合作新闻二")
        ctx = make_ctx(source_toml("a", a.url("/list.html")) + source_toml("b", b.url("/list.html")))
        reports = {r.source: r for r in poll(ctx)}
        fetched = a.paths().count("/deep.html")
    assert (reports["a"].status, reports["a"].new) == ("partial", 1)
    assert "nested" in reports["a"].errors[0], reports["a"].errors
    assert reports["b"].status == "error" and "nested" in reports["b"].errors[0], reports["b"].errors
    assert urls(ctx) == {a.url("/ok.html")} and fetched == 1  # given up at once: it will not get shallower
    assert not b.paths().count("/b1.html")


@pytest.mark.parametrize(("kind", "body", "ctype", "words"), [
    ("feed", "<html><body>服务器错误</body></html>", "application/rss+xml", "not a readable RSS/Atom feed"),
    ("json-api", "42", "application/json", "not an object or a list"),
])
def test_a_listing_of_the_wrong_kind_is_an_error_not_an_empty_ok(make_ctx, kind, body, ctype, words):
    with Site() as a:
        a.page("/l", body, content_type=ctype)
        extra = 'items = "data.list"\nlink = "url"\n' if kind == "json-api" else ""
        ctx = make_ctx(source_toml("a", a.url("/l"), kind=kind) + extra)
        report = poll(ctx)[0]
    assert report.status == "error" and words in report.errors[0], (report.status, report.errors)


def test_downloads_served_as_html_and_absurdly_long_links_are_given_up_at_once(make_ctx):
    long = "/x.html?q=" + "a" * 100_000
    with Site() as a:
        a.listing("/list.html", ["/pdf.html", "/zip.html", long, "/ok.html"])
        a.page("/pdf.html", b"%PDF-1.4\n" + bytes(range(256)) * 40)
        a.page("/zip.html", b"PK\x03\x04" + bytes(range(256)) * 40)
        a.article("/x.html", "沪明合作新闻X")
        a.article("/ok.html", "沪明合作新闻一")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        first, second = poll(ctx)[0], poll(ctx)[0]
        paths = a.paths()
    assert (first.status, first.new) == ("partial", 1) and second.errors == [], second.errors
    assert max(len(e) for e in first.errors) < 500, [e[:200] for e in first.errors]
    assert paths.count("/pdf.html") == paths.count("/zip.html") == 1 and not any(p.startswith("/x.html") for p in paths)
    assert urls(ctx) == {a.url("/ok.html")}
    assert max(len(r["last_error"] or "") for r in [ctx.store.source_state("a")]) < 500


def test_a_megabyte_title_is_stored_cut_to_a_headline(make_ctx):
    with Site() as a:
        a.listing("/list.html", ["/x.html"])
        a.page("/x.html", article_html("沪明合作" * 250_000, BODY))
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    (row,) = ctx.store.db.query("SELECT title, body FROM articles")
    assert (report.status, report.new) == ("ok", 1)
    assert row["title"].startswith("沪明合作沪明合作") and len(row["title"]) <= 1_000
    assert "联席会议" in row["body"]


@pytest.mark.parametrize("separator", ["|", "_", "—", "-"])
@pytest.mark.parametrize("site_name", ["三明日报", ""])
def test_a_title_of_endless_separators_is_read_in_a_moment(make_ctx, separator, site_name):
    """A site name is looked for at the title's end; with none there, looking from each of
    100,000 separators in turn took minutes for one page (quadratic), holding the whole poll.
    The time it takes: the next test; this one, that such a page is polled and stored as ever."""
    with Site() as a:
        a.listing("/list.html", ["/x.html"])
        a.page("/x.html", article_html("沪明合作推进会召开" + separator * 100_000 + site_name, BODY))
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    (row,) = ctx.store.db.query("SELECT title, body FROM articles")
    assert (report.status, report.new) == ("ok", 1)
    assert row["title"].startswith("沪明合作推进会召开") and "联席会议" in row["body"]
    assert "三明日报" not in row["title"]


@pytest.mark.parametrize("separator", ["|", "_", "—", "-"])
@pytest.mark.parametrize("site_name", ["三明日报", ""])
def test_a_title_of_endless_separators_is_read_in_a_time_linear_in_them(separator, site_name):
    """The CPU for 4x the separators against a quarter of them (tests/cpuguard.py), not a timeout."""
    from cpuguard import LINEAR, growth

    from monitor.extract import extract

    def read(n: int) -> str:
        return extract(article_html("沪明合作推进会召开" + separator * n + site_name, BODY), "http://a.cn/x.html").title

    assert (grew := growth(read, 24_000)) < LINEAR, f"{grew:.1f}x the CPU for 4x the separators"  # ~16x: from each
    assert read(24_000).startswith("沪明合作推进会召开")


def test_a_page_of_endless_text_is_stored_cut_like_an_imported_one(make_ctx, monkeypatch):
    """`monitor import` cuts a body at 1,000,000 characters; a polled 8 MB page was stored whole
    (a minute of normalising, matching and indexing for one hostile page)."""
    from monitor.pipeline import base

    monkeypatch.setattr(base, "MAX_BODY_CHARS", 3_000)  # the cap's mechanism, on a page of test size
    paragraphs = "\n".join(f"第{i}段：沪明两地联席会议部署对口合作重点工作，推进产业园区建设。" for i in range(300))
    with Site() as a:
        a.listing("/list.html", ["/x.html"])
        a.page("/x.html", article_html("沪明合作联席会议召开", paragraphs))
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    (row,) = ctx.store.db.query("SELECT body FROM articles")
    assert (report.status, report.new) == ("ok", 1)
    assert 2_700 <= len(row["body"]) <= 3_000 and row["body"].startswith("第0段") and row["body"].endswith("。")


def test_a_daemon_meeting_new_hosts_for_months_keeps_a_bounded_table_of_them():
    """Per-origin robots answers and per-host turns are forgotten once expired or idle, past a
    few hundred: an aggregator source links to new hosts every day. A fresh one is kept."""
    import asyncio

    from monitor.fetch import hosts, robots
    from monitor.fetch.hosts import HostGate
    from monitor.fetch.robots import RobotsCache

    async def load(url: str) -> tuple[int, bytes]:
        return 200, b"User-agent: *\nDisallow: /private/\n"

    async def visit(cache: RobotsCache, gate: HostGate, n: int, name: str = "h") -> None:
        for i in range(n):
            assert await cache.allowed(f"http://{name}{i}.example/news/{i}.html")
            async with gate.turn(f"{name}{i}.example"):
                pass

    async def run() -> tuple[int, int, int, int]:
        expiring = RobotsCache(load, "monitor", ttl=0.0)  # every answer expired at once
        lasting = RobotsCache(load, "monitor")
        gate = HostGate(0.0, 4, 60.0)
        await visit(expiring, gate, 3 * robots.KEEP_ORIGINS)
        await visit(lasting, HostGate(0.0, 4, 60.0), 2 * robots.KEEP_ORIGINS)
        hosts.IDLE = 0.0  # every host idle at once (restored below)
        await visit(expiring, gate, 3 * hosts.KEEP_HOSTS, name="g")
        return len(expiring.rules), len(expiring.locks), len(lasting.rules), len(gate.hosts)

    idle = hosts.IDLE
    try:
        expired_rules, expired_locks, fresh_rules, gate_hosts = asyncio.run(run())
    finally:
        hosts.IDLE = idle
    assert expired_rules <= robots.KEEP_ORIGINS and expired_locks <= robots.KEEP_ORIGINS
    assert fresh_rules == 2 * robots.KEEP_ORIGINS  # nothing fresh is dropped: it would be asked again
    assert gate_hosts <= hosts.KEEP_HOSTS
