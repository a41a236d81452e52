"""Fetch against hostile sites on 127.0.0.1: charsets, retries, deadlines, size caps, redirects,
robots.txt and the outbound-address policy."""

from __future__ import annotations

import gzip
import itertools
import socket
import ssl
import time
import tracemalloc
from pathlib import Path

import pytest
from hostile import Site, free_port, raw

from monitor.config import FetchConfig
from monitor.errors import FetchError
from monitor.fetch import Fetcher

PAGE = "<html><head><meta charset='gb2312'><title>沪明合作</title></head><body><p>上海与三明</p></body></html>"


def fetcher_for(*sites: Site, **kw) -> Fetcher:
    """A fetcher allowed to reach exactly these sites (their own ports) and nothing else local."""
    cfg = {"min_delay": 0.0, "retries": 2, "timeout": 3.0, "allow_private": tuple(s.netloc for s in sites)}
    return Fetcher(FetchConfig(**{**cfg, **kw}))


def fails(fetcher: Fetcher, url: str, kind: str) -> FetchError:
    with pytest.raises(FetchError) as err:
        fetcher.get(url)
    assert err.value.kind == kind, str(err.value)
    assert "\n" not in str(err.value)
    return err.value


@pytest.fixture
def site():
    with Site() as s:
        yield s


# ------------------------------------------------------------ charset traps

def test_charset_traps_decode_to_the_right_text(site):
    site.page("/stale.html", PAGE.encode("utf-8"), content_type="text/html; charset=gb2312")  # UTF-8 bytes
    site.page("/gbk.html", "<p>滬明對口合作 三明市 碁</p>".encode("gbk"), content_type="text/html; charset=gb2312")
    site.page("/none.html", "<p>沪明对口合作，三明市与上海市。</p>".encode("gb18030"), content_type="text/html")
    site.page("/big5.html", "<p>滬明結對 深水埗</p>".encode("big5hkscs"), content_type="text/html; charset=big5")
    site.page("/big5-as-gb.html", "<p>滬明結對兩年 三明與上海攜手</p>".encode("big5hkscs"),
              content_type="text/html; charset=gb2312")  # a Taiwan or Hong Kong page, mislabelled
    with fetcher_for(site) as f:
        assert "上海与三明" in f.get(site.url("/stale.html")).text
        assert "滬明對口合作 三明市 碁" in f.get(site.url("/gbk.html")).text  # 碁 is GBK, not GB2312
        assert "沪明对口合作" in f.get(site.url("/none.html")).text
        assert "深水埗" in f.get(site.url("/big5.html")).text
        assert "滬明結對兩年 三明與上海攜手" in f.get(site.url("/big5-as-gb.html")).text


def test_gzip_body_is_decoded(site):
    site.gzipped("/z.html", "<p>沪明合作</p>")
    with fetcher_for(site) as f:
        assert "沪明合作" in f.get(site.url("/z.html")).text


# ------------------------------------------------------------ statuses and retries

def test_conditional_get_gives_not_modified(site):
    site.sequence("/a.html", lambda h: _reply(h, 200, {"ETag": '"v1"'}, b"<p>x</p>"),
                  lambda h: _reply(h, 304, {"ETag": '"v1"'}, b""))
    with fetcher_for(site) as f:
        first = f.get(site.url("/a.html"))
        again = f.get(site.url("/a.html"), etag=first.headers["etag"])
    assert again.not_modified and again.status == 304
    assert site.hits[-1].headers["if-none-match"] == '"v1"'


def test_transient_500_is_retried_then_succeeds(site):
    site.article("/a.html", "沪明")
    page = site.routes["/a.html"]
    site.sequence("/a.html", lambda h: _reply(h, 503, {}, b""), lambda h: _reply(h, 500, {}, b""), page)
    with fetcher_for(site) as f:
        assert f.get(site.url("/a.html")).status == 200
    assert site.paths().count("/a.html") == 3


def test_429_retry_after_is_honoured_for_the_whole_host(site):
    site.article("/a.html", "沪明")
    page = site.routes["/a.html"]
    site.sequence("/a.html", lambda h: _reply(h, 429, {"Retry-After": "1"}, b""), page)
    with fetcher_for(site) as f:
        assert f.get(site.url("/a.html")).status == 200
    times = [h.at for h in site.hits if h.path == "/a.html"]
    assert len(times) == 2 and times[1] - times[0] >= 0.95


def test_a_long_retry_after_is_not_waited_for_and_the_host_rests(site):
    site.status("/a.html", 429, {"Retry-After": "3600"})
    site.article("/b.html", "沪明")
    with fetcher_for(site) as f:
        err = fails(f, site.url("/a.html"), "rate_limited")
        assert err.status == 429 and "a pause asked for" in str(err)
        fails(f, site.url("/b.html"), "rate_limited")  # the host asked for an hour: not asked again now
    assert site.paths().count("/a.html") == 1 and "/b.html" not in site.paths()


def test_404_is_not_retried(site):
    with fetcher_for(site) as f:
        err = fails(f, site.url("/nope.html"), "http")
    assert err.status == 404 and "check the source URL" in str(err)
    assert site.paths().count("/nope.html") == 1


def test_refused_connection_is_one_line():
    port = free_port()
    with Fetcher(FetchConfig(min_delay=0, retries=1, allow_private=(f"127.0.0.1:{port}",),
                             respect_robots=False)) as f:
        err = fails(f, f"http://127.0.0.1:{port}/x", "transport")
    assert "connection refused" in str(err)


def test_per_host_delay_is_enforced_between_requests(site):
    site.article("/a.html", "沪明")
    with fetcher_for(site, min_delay=0.4) as f:
        for _ in range(3):
            f.get(site.url("/a.html"))
    times = [h.at for h in site.hits]
    assert len(times) == 4 and all(b - a >= 0.4 for a, b in itertools.pairwise(times))  # robots.txt included


# ------------------------------------------------------------ deadlines

def test_a_hanging_page_is_abandoned_at_the_deadline_and_retried_once(site):
    """Two tries of 0.5 s; the page would hang 30 s each: ending in under 20 s (a loaded machine's
    margin) is the deadline kept."""
    site.hang("/hang.html")
    with fetcher_for(site, timeout=0.5, retries=3) as f:
        started = time.monotonic()
        fails(f, site.url("/hang.html"), "timeout")
        elapsed = time.monotonic() - started
    assert site.paths().count("/hang.html") == 2 and elapsed < 20


def test_a_one_byte_a_second_drip_is_abandoned_at_the_deadline(site):
    """A byte every 0.2 s of 10,000 (2,000 s): each read is quick, the request's budget (1 s) is not."""
    site.drip("/drip.html", every=0.2)
    with fetcher_for(site, timeout=1.0, retries=0) as f:
        started = time.monotonic()
        err = fails(f, site.url("/drip.html"), "timeout")
        elapsed = time.monotonic() - started
    assert 0.9 <= elapsed < 20 and "within 1s" in str(err)


# ------------------------------------------------------------ size caps

@pytest.mark.parametrize("with_length", [True, False])
def test_a_60_mb_body_is_cut_at_the_cap(site, with_length):
    site.huge("/huge.html", 60_000_000, with_length=with_length)
    with fetcher_for(site, max_bytes=1_000_000) as f:
        err = fails(f, site.url("/huge.html"), "too_large")
    # the reading stopped at the cap: the server wrote the cap and what the sockets' buffers took, not 60 MB
    assert "max_bytes" in str(err) and site.sent["/huge.html"] < 20_000_000, site.sent


def test_a_gzip_bomb_never_holds_more_than_the_cap(site):
    site.gzip_bomb("/bomb.html", 100_000_000)  # 100 MB of zeros in about 100 KB
    cap = 2_000_000
    with fetcher_for(site, max_bytes=cap) as f:
        tracemalloc.start()
        try:
            fails(f, site.url("/bomb.html"), "too_large")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert peak < 3 * cap, peak


def test_deflate_with_and_without_its_zlib_header(site):
    import zlib

    raw = zlib.compressobj(6, zlib.DEFLATED, -15)
    site.page("/raw.html", raw.compress("<p>沪明</p>".encode()) + raw.flush(), headers={"Content-Encoding": "deflate"})
    site.page("/zlib.html", zlib.compress("<p>三明</p>".encode()), headers={"Content-Encoding": "deflate"})
    site.page("/two.html", gzip.compress(b"<p>a</p>") + gzip.compress(b"<p>b</p>"), headers={"Content-Encoding": "gzip"})
    with fetcher_for(site) as f:
        assert "沪明" in f.get(site.url("/raw.html")).text
        assert "三明" in f.get(site.url("/zlib.html")).text
        assert f.get(site.url("/two.html")).content == b"<p>a</p><p>b</p>"


# ------------------------------------------------------------ redirects

def test_redirects_are_followed_by_us_and_recorded(site):
    site.redirect("/old.html", "/mid.html", 301)
    site.redirect("/mid.html", site.url("/new.html"), 302)
    site.article("/new.html", "沪明")
    with fetcher_for(site) as f:
        resp = f.get(site.url("/old.html"))
    assert resp.url == site.url("/new.html")
    assert resp.redirects == (site.url("/old.html"), site.url("/mid.html"))


def test_a_redirect_loop_is_one_permanent_failure_not_a_retry_storm(site):
    site.redirect("/a", "/b")
    site.redirect("/b", "/a")
    with fetcher_for(site) as f:
        err = fails(f, site.url("/a"), "redirect")
    assert "loop" in str(err) and site.paths() == ["/robots.txt", "/a", "/b"]


def test_more_than_five_hops_is_too_many(site):
    for i in range(7):
        site.redirect(f"/r{i}", f"/r{i + 1}")
    with fetcher_for(site) as f:
        fails(f, site.url("/r0"), "redirect")
    assert site.paths().count("/r5") == 1 and "/r6" not in site.paths()


def test_each_hop_asks_robots_txt_and_waits_its_turn(site):
    site.robots("User-agent: *\nDisallow: /private/\n")
    site.redirect("/go.html", "/private/x.html")
    site.page("/private/x.html", "secret")
    with fetcher_for(site, min_delay=0.3) as f:
        fails(f, site.url("/go.html"), "robots")
    assert site.paths() == ["/robots.txt", "/go.html"]
    assert site.hits[1].at - site.hits[0].at >= 0.3


def test_redirects_to_private_addresses_are_refused_without_connecting(site):
    with Site() as other:
        other.article("/x.html", "内网")
        targets = [other.url("/x.html"), "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/",
                   "http://[::1]:1/", "http://2130706433/", "http://0x7f000001/", "http://localhost:1/",
                   "http://[::ffff:127.0.0.1]/", "file:///etc/passwd"]
        for i, target in enumerate(targets):
            site.redirect(f"/r{i}", target)
        with fetcher_for(site) as f:  # allowed: this site's port only
            for i in range(len(targets)):
                fails(f, site.url(f"/r{i}"), "refused")
            assert f.refusals == len(targets)
        assert other.paths() == []


def test_a_hosts_checked_addresses_are_reused_and_a_refusal_is_asked_again(site, monkeypatch):
    """One resolver call per host per VETTED_TTL, not one per page; a refused host stays refused."""
    port = site.netloc.rsplit(":", 1)[1]
    for i in range(3):
        site.article(f"/{i}.html", "沪明")
    with Fetcher(FetchConfig(min_delay=0.0, retries=0, timeout=3.0, allow_private=(f"localhost:{port}", site.netloc))) as f:
        asked: list[str] = []
        real = socket.getaddrinfo

        def counted(host, *args, **kw):  # the system resolver, counted
            asked.append(host)
            return real(host, *args, **kw)

        monkeypatch.setattr(socket, "getaddrinfo", counted)
        for i in range(3):
            assert "沪明" in f.get(f"http://localhost:{port}/{i}.html").text
        assert asked == ["localhost"]
        for _ in range(2):
            fails(f, "http://localhost:1/", "refused")
        assert asked == ["localhost"] * 3 and f.refusals == 2
        f.get(site.url("/0.html"))  # an IP literal needs no resolver at all
        assert asked == ["localhost"] * 3


def test_headers_and_cookies_go_out_as_a_browser_session_would(site):
    """Every request carries our user agent and languages; a cookie a page (or a redirect hop)
    sets is sent back to that host afterwards, and to no other host."""
    site.page("/set.html", PAGE, headers={"Set-Cookie": "sid=abc; Path=/"})
    site.routes["/hop"] = lambda h: _send_redirect(h, "/next.html", "hop=1; Path=/")
    site.article("/next.html", "沪明")
    with Site() as other:
        other.article("/x.html", "沪明")
        elsewhere = f"localhost:{other.port}"  # another host name (cookies ignore the port)
        with fetcher_for(site, user_agent="monitor-test/1", allow_private=(site.netloc, elsewhere)) as f:
            f.get(site.url("/set.html"))
            assert f.get(site.url("/hop")).url == site.url("/next.html")
            f.get(f"http://{elsewhere}/x.html")
        seen = {h.path: h.headers for h in site.hits}
        first, hop, last = seen["/set.html"], seen["/hop"], seen["/next.html"]
        assert first["user-agent"] == "monitor-test/1" and "zh-CN" in first["accept-language"]
        assert "gzip" in first["accept-encoding"] and "cookie" not in first
        assert hop["cookie"] == "sid=abc" and sorted(last["cookie"].split("; ")) == ["hop=1", "sid=abc"]
        assert [h.headers.get("cookie") for h in other.hits] == [None, None]  # robots.txt and the page


def _send_redirect(h, location: str, cookie: str) -> None:
    h.send_response(302)
    h.send_header("Location", location)
    h.send_header("Set-Cookie", cookie)
    h.send_header("Content-Length", "0")
    h.end_headers()


def test_https_is_verified_against_the_host_name_while_connecting_to_the_checked_address(tls_cert, monkeypatch):
    """TLS on the fetcher's own streams: the certificate must name the host asked for."""
    cert, key = tls_cert  # made for IP:127.0.0.1 only
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    with Site() as site:
        site.server.socket = context.wrap_socket(site.server.socket, server_side=True)
        site.article("/a.html", "沪明合作")
        site.page("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
        with fetcher_for(site, allow_private=(site.netloc, f"localhost:{site.port}")) as f:
            for _ in range(2):  # the second over the kept-alive TLS connection
                page = f.get(f"https://127.0.0.1:{site.port}/a.html")
                assert page.url.startswith("https://") and "沪明合作" in page.text
            with pytest.raises(FetchError) as err:  # not the certificate's name
                f.get(f"https://localhost:{site.port}/a.html", check_robots=False)
            assert err.value.kind == "transport" and "localhost" in str(err.value)
            assert "TLS certificate not accepted" in str(err.value), str(err.value)
        assert site.paths() == ["/robots.txt", "/a.html", "/a.html"]


def test_the_tls_context_is_made_at_the_first_https_connection_only(tls_cert, monkeypatch, site):
    """Reading the CA bundle costs ~22 ms of CPU per fetcher (per `monitor poll`): a fetcher
    of http pages never makes a TLS context, and one fetching https pages makes one."""
    import httpx

    made, real = [], httpx.create_ssl_context
    monkeypatch.setattr(httpx, "create_ssl_context", lambda *a, **kw: made.append(1) or real(*a, **kw))
    site.article("/a.html", "沪明合作")
    with fetcher_for(site) as f:
        assert "沪明合作" in f.get(site.url("/a.html")).text
    assert made == []
    cert, key = tls_cert
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    with Site() as tls_site:
        tls_site.server.socket = context.wrap_socket(tls_site.server.socket, server_side=True)
        tls_site.article("/a.html", "沪明合作")
        with fetcher_for(tls_site) as f:
            for _ in range(2):
                assert "沪明合作" in f.get(f"https://127.0.0.1:{tls_site.port}/a.html", check_robots=False).text
    assert made == [1]


def test_https_through_a_proxy_tunnel_is_verified_and_recorded(tls_cert, monkeypatch):
    """HTTPS via `fetch.proxy`: CONNECT to the checked target, then TLS on the tunnel, the
    certificate still checked against the host asked for."""
    from hostile import Proxy

    cert, key = tls_cert
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    with Site() as site, Proxy(tunnel=True) as proxy:
        site.server.socket = context.wrap_socket(site.server.socket, server_side=True)
        site.article("/a.html", "沪明合作")
        site.page("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
        with fetcher_for(site, proxy=proxy.url, allow_private=(site.netloc, f"localhost:{site.port}")) as f:
            for _ in range(2):
                page = f.get(f"https://127.0.0.1:{site.port}/a.html")
                assert page.url.startswith("https://") and "沪明合作" in page.text
            with pytest.raises(FetchError) as err:  # not the certificate's name, even through the tunnel
                f.get(f"https://localhost:{site.port}/a.html", check_robots=False)
            assert err.value.kind == "transport" and "TLS certificate not accepted" in str(err.value), str(err.value)
            for inward in ("https://169.254.169.254/latest/", "https://10.0.0.1/", "https://127.0.0.1:1/"):
                fails(f, inward, "refused")  # vetted before any CONNECT is asked of the proxy
    assert not {"CONNECT 169.254.169.254:443", "CONNECT 10.0.0.1:443", "CONNECT 127.0.0.1:1"} & set(proxy.targets)
    assert f"CONNECT localhost:{site.port}" in proxy.targets
    assert proxy.targets and all(t.startswith("CONNECT ") for t in proxy.targets), proxy.targets
    assert f"CONNECT 127.0.0.1:{site.port}" in proxy.targets
    assert site.paths() == ["/robots.txt", "/a.html", "/a.html"]


def test_httpcore_finds_sniffio():
    """httpcore imports sniffio inside every lock it takes; without it each import fails anew
    (a full search of sys.path per lock: a fifth of the fetch thread's CPU)."""
    import importlib.util

    assert importlib.util.find_spec("sniffio") is not None


# ------------------------------------------------------------ robots.txt

def test_robots_disallow_is_obeyed_and_asked_first(site):
    site.robots("User-agent: *\nDisallow: /private/\n")
    site.page("/private/x.html", "secret")
    site.article("/a.html", "沪明")
    with fetcher_for(site) as f:
        fails(f, site.url("/private/x.html"), "robots")
        f.get(site.url("/a.html"))
        f.get(site.url("/a.html"))
    assert site.paths() == ["/robots.txt", "/a.html", "/a.html"]  # one robots.txt per TTL


@pytest.mark.parametrize("rule,gap", [("Crawl-delay: 1.2", 1.2), ("Request-rate: 1/1s", 1.0)])
def test_robots_crawl_delay_and_request_rate_space_that_hosts_requests(site, rule, gap):
    """A site's own Crawl-delay (or Request-rate) is a floor under the host's delay, from the
    request after robots.txt on, above a smaller `min_delay`; another host is not slowed."""
    site.robots(f"User-agent: *\n{rule}\nDisallow: /private/\n")
    site.article("/a.html", "沪明")
    with Site() as other:
        other.article("/b.html", "三明")
        with fetcher_for(site, other, min_delay=0.1) as f:
            for _ in range(3):
                f.get(site.url("/a.html"))
            started = time.monotonic()
            f.get(other.url("/b.html"))
            f.get(other.url("/b.html"))
            assert time.monotonic() - started < gap
    times = [h.at for h in site.hits]
    assert site.paths() == ["/robots.txt", "/a.html", "/a.html", "/a.html"]
    assert all(b - a >= gap - 0.02 for a, b in itertools.pairwise(times)), [b - a for a, b in itertools.pairwise(times)]


def test_a_crawl_delay_past_the_fetchers_patience_is_read_as_thirty_seconds():
    """Crawl-delay: 200 as asked would defer every request after the list page to a next poll
    that defers it again; nonsense values ask nothing."""
    from monitor.fetch.robots import rules_for

    def asked(text: str) -> float:
        return rules_for((200, text.encode()), 0.0).delay("monitor")

    assert asked("User-agent: *\nCrawl-delay: 200\n") == 30.0 and asked("User-agent: *\nCrawl-delay: 2.5\n") == 2.5
    assert asked("User-agent: *\nRequest-rate: 1/10s\n") == 10.0 and asked("User-agent: *\nRequest-rate: 6/1m\n") == 10.0
    assert asked("User-agent: *\nCrawl-delay: soon\n") == asked("User-agent: other\nCrawl-delay: 9\n") == 0.0


def test_robots_4xx_allows_and_5xx_disallows_until_it_answers(site):
    site.article("/a.html", "沪明")
    site.sequence("/robots.txt", lambda h: _reply(h, 503, {}, b""), lambda h: _reply(h, 404, {}, b""))
    with fetcher_for(site) as f:
        err = fails(f, site.url("/a.html"), "deferred")
        assert "robots.txt" in str(err) and "/a.html" not in site.paths()
        f.robots.retry = 0.0  # "later" is now: the next request asks again
        f.robots.rules.clear()
        assert f.get(site.url("/a.html")).status == 200
    assert site.paths() == ["/robots.txt", "/robots.txt", "/a.html"]


def test_robots_timeout_disallows_for_now(site):
    site.hang("/robots.txt")
    site.article("/a.html", "沪明")
    with fetcher_for(site, timeout=0.3, retries=0) as f:
        fails(f, site.url("/a.html"), "deferred")
    assert "/a.html" not in site.paths()


def test_robots_over_max_bytes_is_read_as_its_first_500_kib(site):
    # RFC 9309: a crawler reads at least 500 KiB; a long robots.txt must not block the site.
    rules = "User-agent: *\nDisallow: /private/\n" + "# padding line of a long robots.txt\n" * 40_000
    site.robots(rules)
    site.page("/private/x.html", "secret")
    site.article("/a.html", "沪明")
    with fetcher_for(site, max_bytes=100_000) as f:
        assert f.get(site.url("/a.html")).status == 200
        fails(f, site.url("/private/x.html"), "robots")
    assert "/private/x.html" not in site.paths()


def test_304_to_a_request_without_validators_is_named_as_such(site):
    site.sequence("/list.html", lambda h: _reply(h, 304, {}, b""))
    with fetcher_for(site) as f:
        err = fails(f, site.url("/list.html"), "http")
    assert "304" in str(err) and "conditional" in str(err)


def test_a_url_without_a_host_is_called_invalid_not_refused(site):
    with fetcher_for(site) as f:
        err = fails(f, "http://:80/news/", "invalid")
    assert "no host" in str(err) and f.refusals == 0


def _reply(h, status: int, headers: dict[str, str], body: bytes) -> None:
    h.send_response(status)
    for k, v in headers.items():
        h.send_header(k, v)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


@pytest.mark.parametrize("answer", [
    # a head past the 256 KB Chromium reads
    raw(b"HTTP/1.1 200 OK", [b"Content-Type: text/html", b"X-A: " + b"a" * 300_000, b"Content-Length: 3"], b"abc"),
    raw(b"HTTP/1.1 200 OK", [b"Content-Type: text/html", b"Transfer-Encoding: chunked"], b"zz\r\nabc"),
    # (a body shorter than its Content-Length is what came, as a browser shows it: test_parity_answers)
    raw(b"garbage", [], b"abc"),
])
def test_a_malformed_http_answer_is_named_so(site, answer):
    site.routes["/x"] = answer
    with fetcher_for(site, retries=0) as f:
        err = fails(f, site.url("/x"), "malformed")  # asked once: test_malformed_once
    assert "malformed HTTP answer" in str(err) and "Error" not in str(err), str(err)


def _challenge_read_in_full(url: str, body: bytes) -> str | None:
    """The small-page reading of `signals.challenge` without its shortcut: the visible text
    always read (what it did before the shortcut, kept here to compare against)."""
    from monitor.fetch import signals

    for marker in signals.STRONG:
        if marker in body:
            return f"challenge page ({marker.decode()})"
    lowered = signals._visible(body).lower()
    if len(lowered) < 400:
        for word in signals.WEAK:
            if word.lower() in lowered:
                return f"challenge page ({word})"
    return "challenge page (refreshes to itself)" if signals._refreshes_to_itself(url, body) else None


SITES = Path(__file__).parent / "fixtures" / "sites"
STUB_PAGES = [
    "<html><body><p>请开启JavaScript并刷新该页</p></body></html>",
    "<html><body>Please <b>enable</b>\n\t JavaScript to continue</body></html>",  # a tag and spaces between the words
    "<p>ENABLE JAVASCRIPT</p>",
    "<p>Chec\u212aing your browser before accessing</p>",  # the Kelvin sign lower-cases to k
    "<p>Checking your <i>browser</i></p>",
    "<p>Checking your brow<i>ser</i></p>",  # a tag inside a word: not the word
    "<p>Just a moment...</p>",
    "<p>Just a moment..</p>",
    "<p>浏览器安全检查中……</p>",
    "<p>正在进行<span>安全检查</span></p>",
    "<p>java<br>script enable</p>",
    "<script>var s='enable JavaScript';</script><p>短文</p>",
    '<meta http-equiv="refresh" content="0"><p>稍候</p>',
    "<p>" + "三明市与上海市对口合作的新闻正文。" * 40 + "enable JavaScript</p>",  # too much text to be a stub
    "<p>İ enable JavaScript</p>",
]


@pytest.mark.parametrize("charset", ["utf-8", "gb18030"])
def test_a_small_page_is_judged_as_when_its_visible_text_was_always_read(charset):
    """The fetcher looks for a part of each stub phrase in the bytes before reading a small
    page's visible text (~70 µs a page): the same verdict for every page, stubs or not."""
    from monitor.fetch import signals

    pages = [p.encode(charset, "replace") for p in STUB_PAGES]
    pages += [path.read_bytes() for path in sorted(SITES.rglob("*.html")) if path.stat().st_size <= signals.TINY]
    verdicts = [signals.challenge("http://127.0.0.1/p", {}, body) for body in pages]
    assert verdicts == [_challenge_read_in_full("http://127.0.0.1/p", body) for body in pages]
    if charset == "utf-8":  # the cases mean what they say
        assert verdicts[:4] == ["challenge page (请开启JavaScript)", "challenge page (enable JavaScript)",
                                "challenge page (enable JavaScript)", "challenge page (Checking your browser)"]
        assert verdicts[5] is None and verdicts[13] is None
