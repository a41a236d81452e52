"""`monitor serve` behind an office's reverse proxy, at a path of a shared host
(https://intranet.example.cn/monitor/), as one tool among many.

Every page linked its others from the host's root (`/search`, `/story/7`, `/topic/hu-ming`):
behind the proxy, the first click left the monitor for the intranet's own 404. Now the pages
link under the path the config's `[web] base_url` names (the address digests already link
to), or the one a proxy sends as `X-Forwarded-Prefix`; it works whether the proxy strips the
path or passes it on. Real servers on 127.0.0.1: the app under uvicorn, a proxy in front of
it, and headless Chromium for one page.
"""

from __future__ import annotations

import http.server
import re
import threading
from html import unescape
from urllib.parse import quote, urljoin, urlsplit

import httpx
import msgspec
import pytest
from test_web import Served, _browser, _free_port, demo  # noqa: F401  (demo is a fixture)

from monitor.config.schema import Web
from monitor.pipeline.base import Context
from monitor.web import create_app

PREFIX = "/monitor"
HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization",
       "proxy-authenticate", "content-length", "content-encoding"}


class Proxy:
    """A reverse proxy on 127.0.0.1 mapping PREFIX/… to the app: stripping the path (nginx's
    `proxy_pass http://app/;`) or passing it on whole, optionally saying it in a header."""

    def __init__(self, upstream: int, strip: bool, header: bool = False) -> None:
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
                if not (self.path == PREFIX or self.path.startswith(PREFIX + "/")):
                    self.send_error(404, "not the monitor")
                    return
                path = (self.path[len(PREFIX):] or "/") if strip else self.path
                headers = {"X-Forwarded-Prefix": PREFIX} if header else {}
                answer = httpx.get(f"http://127.0.0.1:{upstream}{path}", headers=headers, follow_redirects=False,
                                   timeout=20)
                self.send_response(answer.status_code)
                for k, v in answer.headers.items():
                    if k.lower() not in HOP:
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", _free_port()), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Proxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def crawl(proxy: Proxy, start: str, limit: int = 40, originals: frozenset[str] = frozenset()) -> dict[str, int]:
    """Every page reachable from `start` by the pages' own links and forms (their first
    `limit`), through the proxy: URL → status. `originals` (the stored articles' own addresses,
    which the pages link to) are not the monitor's: the demo's replay server, closed by now, may
    have had the port the proxy was given, and its links then looked like the proxy's."""
    seen: dict[str, int] = {}
    queue = [proxy.url(start)]
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        answer = httpx.get(url, follow_redirects=True, timeout=20)
        seen[url] = answer.status_code
        if "html" not in answer.headers.get("content-type", ""):
            continue
        for ref in re.findall(r'(?:href|action)="([^"]*)"', answer.text):
            target = urljoin(str(answer.url), unescape(ref))
            if (urlsplit(target).netloc == f"127.0.0.1:{proxy.port}" and target.split("#")[0] not in seen
                    and target not in originals):
                queue.append(target.split("#")[0])
    return seen


def originals(demo: Context) -> frozenset[str]:  # noqa: F811
    return frozenset(row[0] for row in demo.store.conn.execute("SELECT url FROM articles"))


def served(demo: Context, base_url: str | None):  # noqa: F811
    cfg = msgspec.structs.replace(demo.cfg, web=Web(base_url=base_url))
    return Served(create_app(Context(cfg, demo.store), auth=""))


@pytest.mark.parametrize("strip", [True, False], ids=["proxy strips the path", "proxy passes the path"])
def test_every_link_stays_under_the_path_the_base_url_names(demo, strip):  # noqa: F811
    with served(demo, f"https://intranet.example.cn{PREFIX}/") as app, Proxy(app.port, strip) as proxy:
        seen = crawl(proxy, PREFIX + "/", originals=originals(demo))
    assert len(seen) >= 10, seen
    outside = [u for u in seen if not urlsplit(u).path.startswith(PREFIX + "/")]
    assert not outside, outside  # every link the pages give stays in the monitor
    assert all(status == 200 for status in seen.values()), {u: s for u, s in seen.items() if s != 200}
    kinds = {urlsplit(u).path.split("/")[2] for u in seen}
    assert {"search", "story", "topic", "sources", "search.atom"} <= kinds, kinds


def test_a_proxy_naming_the_path_in_a_header_needs_no_config(demo):  # noqa: F811
    with served(demo, None) as app, Proxy(app.port, strip=True, header=True) as proxy:
        seen = crawl(proxy, PREFIX + "/search?q=" + quote("沪明"), limit=15, originals=originals(demo))
    assert all(urlsplit(u).path.startswith(PREFIX + "/") for u in seen), list(seen)
    assert all(status == 200 for status in seen.values())


def test_a_header_that_is_no_path_is_ignored(demo):  # noqa: F811
    with served(demo, None) as app:
        for bad in ("monitor", "/a b", "//evil.example", "/x/../y", "/m?x=1", "/" + "a" * 300):
            page = httpx.get(app.url("/sources"), headers={"X-Forwarded-Prefix": bad}, timeout=20)
            assert page.status_code == 200
            assert '<a href="/search">monitor</a>' in page.text, bad


def test_without_a_path_the_pages_link_from_the_root_as_before(demo):  # noqa: F811
    with served(demo, "https://monitor.example.cn/") as app:
        page = httpx.get(app.url("/sources"), timeout=20)
        home = httpx.get(app.url("/"), timeout=20, follow_redirects=False)
    assert '<a href="/search">monitor</a>' in page.text and home.headers["location"] == "/search"


def test_chromium_behind_the_proxy_links_under_its_path(demo):  # noqa: F811
    with served(demo, f"https://intranet.example.cn{PREFIX}") as app, Proxy(app.port, strip=True) as proxy:
        dom = _browser(["--dump-dom", proxy.url(PREFIX + "/search?q=" + quote("滬明"))])
    assert "<mark>滬明</mark>" in dom
    refs = re.findall(r'<a href="(/[^"]*)"', dom)
    assert refs and all(r.startswith(PREFIX + "/") for r in refs), refs
    assert re.search(r'action="/monitor/search"', dom)
