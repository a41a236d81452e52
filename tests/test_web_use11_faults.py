"""`monitor serve` used as colleagues use it, eleventh round: a control character in a query was
echoed into the page; a plain feed said `Vary: Accept-Encoding` twice; feeds sent no
Last-Modified (a reader asking If-Modified-Since got the whole feed each time); a feed's address
with a slash after it was a topic page's 404; `monitor search --topic` of a topic since removed
said 'unknown topic' where the web lists the stories it matched."""

from __future__ import annotations

import json
import re
import threading
import time
from email.utils import parsedate_to_datetime
from urllib.parse import quote

import httpx
import pytest
import uvicorn
from click.testing import CliRunner
from test_web import _free_port, get, on_phone
from test_web_use3_faults import _lines, _text, served_after_a_topic_removed

from monitor.cli import main

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    """The archive matched under a config with the topic 园区旧题, served with the config without
    it: the server, the store and the work directory (m.toml, m.db)."""
    work = tmp_path_factory.mktemp("use11")
    with served_after_a_topic_removed(work, _lines()) as (site, store):
        yield site, store, work


def test_a_control_character_in_what_was_asked_is_never_echoed(town):
    """/search?q=沪明%00合作 put the NUL into the page's <title> and the search field's value (a
    browser shows it as a box; a page with a NUL is not valid HTML), and so did each filter and a
    topic address. Control characters are taken as spaces: the words are still searched."""
    site, _, _ = town
    for q in ("沪明\x00简报", "沪明\x1b简报", "\x07沪明\t简报\x7f"):
        r = get(site, "/search?q=" + quote(q) + "&source=" + quote("站点00\x00") + "&since=" + quote("\x0830d"))
        assert r.status_code == 200, (q, r.status_code)
        assert not CONTROL.search(r.text), (q, CONTROL.findall(r.text))
        title = re.search(r"<title>(.*?)</title>", r.text, re.S).group(1)
        assert "沪明 简报" in title, title
        assert "沪明协作第00" in _text(r.text.split("<main", 1)[1]), q  # the words and filters still work
    for path in ("/topic/" + quote("hu\x00ming"), "/story/1?q=" + quote("沪明\x00"), "/search.atom?q=" + quote("沪明\x00")):
        r = get(site, path)
        assert not CONTROL.search(r.text), (path, CONTROL.findall(r.text))


def _vary(r) -> list[str]:
    return [t.strip().lower() for v in r.headers.get_list("vary") for t in v.split(",") if t.strip()]


def test_a_feed_says_vary_once_plain_or_gzipped(town):
    """A feed read without gzip (a reader that asks none) said `Vary: Accept-Encoding,
    Accept-Encoding`: the feed's own and the compressing middleware's."""
    site, _, _ = town
    for path in ("/topic/hu-ming.atom", "/search.atom?q=" + quote("沪明")):
        for accept in ("identity", "gzip"):
            r = get(site, path, headers={"Accept-Encoding": accept})
            assert r.status_code == 200 and _vary(r) == ["accept-encoding"], (path, accept, r.headers)
    page = get(site, "/search?q=" + quote("沪明"), headers={"Accept-Encoding": "gzip"})
    assert page.headers.get("content-encoding") == "gzip" and _vary(page) == ["accept-encoding"], page.headers


def test_a_feed_has_a_last_modified_and_answers_if_modified_since(tmp_path):
    """Feeds sent an ETag but no Last-Modified: a reader that revalidates by date alone (many poll
    every few minutes) downloaded the whole feed each time. Each feed now says when its text last
    changed; If-Modified-Since at or after it is a 304, and a new story makes it a 200 again with
    a later date (If-None-Match, when sent, decides instead)."""
    more = {"url": "https://late.example.cn/1.html", "source": "晚报", "title": "沪明合作新项目签约",
            "body": "沪明对口合作新项目在三明签约，上海对口帮扶三明，推进产业园区建设。"}
    stamps: dict[str, str] = {}  # each feed's own: a reader sends back the date its feed said
    with served_after_a_topic_removed(tmp_path, _lines()) as (site, _):
        for path in ("/topic/hu-ming.atom", "/search.atom?q=" + quote("沪明")):
            first = get(site, path, headers={"Accept-Encoding": "identity"})
            stamp = stamps[path] = first.headers.get("last-modified")
            assert first.status_code == 200 and stamp and parsedate_to_datetime(stamp).tzinfo, first.headers
            again = get(site, path, headers={"If-Modified-Since": stamp})
            assert again.status_code == 304 and not again.content and again.headers["last-modified"] == stamp
            stale_tag = get(site, path, headers={"If-Modified-Since": stamp, "If-None-Match": '"other"'})
            assert stale_tag.status_code == 200, path  # the tag asked is not the feed's: the body
            assert get(site, path, headers={"If-Modified-Since": "not a date"}).status_code == 200
        done = CliRunner().invoke(main, ["--config", str(tmp_path / "m.toml"), "--db", str(tmp_path / "m.db"), "import", "-"],
                                  input=json.dumps(more, ensure_ascii=False) + "\n")
        assert done.exit_code == 0, done.output
        for path in ("/topic/hu-ming.atom", "/search.atom?q=" + quote("沪明")):
            # at once (each request reads the latest commit), asked with this feed's own date: the
            # topic feed was asked with the search feed's, a second later when the first requests
            # crossed a second's turn, and the new text's date (that second again) was a 304 (CI3)
            r = get(site, path, headers={"If-Modified-Since": stamps[path]})
            assert r.status_code == 200 and "沪明合作新项目签约" in r.text, (path, r.status_code)
            assert parsedate_to_datetime(r.headers["last-modified"]) > parsedate_to_datetime(stamps[path]), r.headers


def test_a_feed_address_with_a_slash_after_it(town):
    """/topic/hu-ming.atom/ (a link copied with a slash) was the topic page's 404 'topic
    hu-ming.atom/ is not in the config'; now it is sent on to the feed, as /search.atom/ is. A
    feed address that is none says which feeds there are."""
    site, _, _ = town
    r = get(site, "/topic/hu-ming.atom/?x=1")
    assert r.status_code == 307 and r.headers["location"] == "/topic/hu-ming.atom?x=1", (r.status_code, r.headers)
    for path in ("/topic/nope.atom/", "/topic/nope.atom", "/nope.atom"):
        r = get(site, path)
        assert r.status_code == 404 and r.headers["content-type"].startswith("text/plain"), (path, r.headers)
        assert "/topic/hu-ming.atom" in r.text and "/search.atom" in r.text, (path, r.text)
        assert "nope.atom" not in r.text.replace("/nope.atom", ""), (path, r.text)  # no topic named 'nope.atom'


def test_cli_search_of_a_removed_topic_lists_what_it_matched_as_the_web_does(town):
    """`monitor search --topic 园区旧题` (a topic since taken out of the config) said 'unknown topic'
    where the web page lists the stories it matched while it was (kept in the store). The CLI
    lists them too, with a line saying the topic is no longer configured; a name that never
    matched anything is still an error naming the configured topics."""
    site, _, work = town
    base = ["--config", str(work / "m.toml"), "--db", str(work / "m.db"), "search"]
    web = _text(get(site, "/search?topic=" + quote("园区旧题")).text.split("<main", 1)[1])
    done = CliRunner().invoke(main, [*base, "--topic", "园区旧题", "--format", "json"])
    assert done.exit_code == 0, done.output
    assert "not in the config" in done.stderr and "园区旧题" in done.stderr, done.stderr
    titles = {r["title"] for r in json.loads(done.stdout)}
    assert titles == {"三明闵行签订对口合作协议"} and all(t in web for t in titles), (titles, web)
    unknown = CliRunner().invoke(main, [*base, "--topic", "nope"])
    assert unknown.exit_code == 2 and "unknown topic 'nope'" in unknown.output and "hu-ming" in unknown.output


# where each date of a result's or version's meta line and each 'also at' link is drawn: a date
# read left to right has its year left of its day; the links, in the order the page lists them
BIDI = r"""
const dates = [], links = [];
for (const meta of document.querySelectorAll('.meta')) {
  const walk = document.createTreeWalker(meta, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const i = n.data.search(/2026-1\d-\d\d \d\d:\d\d/);
    if (i < 0) continue;
    const at = (a, b) => { const r = document.createRange(); r.setStart(n, i + a); r.setEnd(n, i + b);
                           return r.getBoundingClientRect().left; };
    dates.push([n.data.substr(i, 10), at(0, 4), at(8, 10)]);
  }
  const shown = [...meta.querySelectorAll('a')].filter(a => !/original|more/.test(a.textContent));
  if (shown.length > 1) links.push(shown.map(a => [a.textContent, a.getBoundingClientRect().left]));
}
say(JSON.stringify([dates, links]));
"""
RTL_OUTLETS = ["الجزيرة نت", "صحيفة الشعب", "חדשות העיר"]


def test_a_right_to_left_outlet_name_leaves_the_line_around_it_in_order(tmp_path):
    """An outlet named in Arabic or Hebrew (an import's source name) took the date after it into
    its right-to-left run: '2026-12-01 09:00' was drawn with its day left of its year, and the
    outlets listed after 'also at' read right to left, the second drawn before the first. Each
    name scraped or imported is isolated (`<bdi>`, `dir="auto"`): the page's line keeps its order."""
    body = "沪明对口合作框架协议签订，两地将共建产业园区，在文旅康养、农产品进沪等方面开展合作。"
    lines = [{"url": f"https://rtl{k}.example.com/1.html", "source": name, "title": "沪明合作框架协议签订",
              "body": body, "published": f"2026-12-0{k + 1} 09:00"} for k, name in enumerate(RTL_OUTLETS)]
    with served_after_a_topic_removed(tmp_path, lines) as (site, store):
        story = store.conn.execute("SELECT story_id FROM articles LIMIT 1").fetchone()[0]
        for path in ("/search?q=" + quote("沪明"), f"/story/{story}"):
            dates, links = json.loads(on_phone(get(site, path).text, BIDI, tmp_path, width=800))
            assert dates and all(year < day for _, year, day in dates), (path, dates)
            if path.startswith("/search"):
                assert links and all([x for _, x in ls] == sorted(x for _, x in ls) for ls in links), links


def test_a_server_run_under_a_root_path_links_the_pages_under_it(town):
    """Served by an ASGI server told the app's root path (`uvicorn --root-path /m` behind a proxy
    that takes /m off), every page answered, but each link, form and redirect named the host's
    /search, /story/1, where the proxy has nothing: the pages now live under the root path the
    server gives, as under X-Forwarded-Prefix or the config's base_url."""
    site, _, _ = town
    app = site.server.config.app
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", root_path="/m"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.02)
        base = f"http://127.0.0.1:{port}"
        for path in ("/search?q=" + quote("沪明"), "/topic/hu-ming", "/story/1", "/sources"):
            r = httpx.get(base + path, timeout=20)
            assert r.status_code == 200, (path, r.status_code)
            links = re.findall(r'(?:href|action)="(/[^"]*)"', r.text)
            assert links and [x for x in links if not x.startswith("/m/")] == [], (path, links)
        feed = httpx.get(base + "/topic/hu-ming.atom", timeout=20)
        assert f'href="{base}/m/topic/hu-ming"' in feed.text, feed.text[:800]
        for path, to in (("/", "/m/search"), ("/search/?q=1", "/m/search?q=1")):
            r = httpx.get(base + path, timeout=20)
            assert r.status_code in (301, 302, 307) and r.headers["location"] == to, (path, r.headers)
    finally:
        server.should_exit = True
        thread.join(10)
