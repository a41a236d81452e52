"""`monitor serve` used as colleagues use it, tenth round: no answer said what the browser may do
with it (no Content-Security-Policy, no nosniff, framed by any site); the link from a much-copied
story's later page to its list of outlets left the list folded."""

from __future__ import annotations

import re
import subprocess
from html import unescape
from urllib.parse import quote

import httpx
import msgspec
import pytest
from test_web import OFFLINE, Served, _browser, _chromium, get
from test_web_archive3_faults import site as reposted  # noqa: F401  (the fixture: a story of 121 copies)
from test_web_use2_faults import _too_wide
from test_web_use3_faults import _lines, _text, served_after_a_topic_removed

from monitor import config as config_mod
from monitor.config.schema import Web
from monitor.pipeline.base import Context
from monitor.store import Store
from monitor.web import create_app
from monitor.web.archive import Archive


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    """The archive matched under a config with the topic 园区旧题, served with the config without it:
    the server, the store and the config."""
    work = tmp_path_factory.mktemp("use10")
    with served_after_a_topic_removed(work, _lines()) as (site, store):
        yield site, store, config_mod.load(work / "m.toml", work / "m.db")


def _chromium_says(args: list[str]) -> str:
    """What headless Chromium said on its console (stderr) loading `args`' page."""
    cmd = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
           "--hide-scrollbars", *OFFLINE, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=90, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return "\n".join(line for line in done.stderr.splitlines() if ":CONSOLE" in line or "Content Security" in line)


PAGES = ["/search", "/search?q=" + quote("沪明"), "/search?q=" + quote('"'), "/topic/hu-ming", "/topic/hu-ming.atom",
         "/search.atom", "/sources", "/story/1", "/story/999999", "/no/such/page", "/topic/" + quote("园区旧题")]


def _guarded(r: httpx.Response) -> None:
    policy = r.headers.get("content-security-policy", "")
    directives = {d.strip().split(" ", 1)[0]: d.strip() for d in policy.split(";") if d.strip()}
    assert directives.get("frame-ancestors") == "frame-ancestors 'none'", (r.url, policy)
    assert directives.get("default-src") == "default-src 'none'" and "script-src" not in directives, (r.url, policy)
    assert r.headers.get("x-content-type-options") == "nosniff", (r.url, r.headers)
    assert r.headers.get("x-frame-options", "").upper() == "DENY", (r.url, r.headers)


def test_every_answer_forbids_scripts_framing_and_sniffing(town, tmp_path):
    """A page of scraped titles and bodies went out with no Content-Security-Policy: one escape
    missed anywhere would run a hostile site's script in a desk's browser, any site could frame
    the search page (and take a click on it for its own), and a feed or a plain-text answer could
    be sniffed as HTML. Each answer (pages, feeds, 400, 404, the 401 of basic auth, the 503 before
    the database is there) runs no script, is framed by no one and is never sniffed; the pages
    still show as they did in Chromium (their inline CSS and the chart allowed)."""
    site, store, cfg = town
    for path in PAGES:
        _guarded(get(site, path))
    with Served(create_app(Archive(cfg, lambda: None), auth="")) as waiting:
        r = get(waiting, "/search")
        assert r.status_code == 503
        _guarded(r)
    with Served(create_app(Context(cfg, store), auth="desk:s3cret")) as locked:
        r = get(locked, "/search")
        assert r.status_code == 401
        _guarded(r)
    for path in ("/search?q=" + quote("沪明"), "/topic/hu-ming"):  # the form; the chart's inline styles
        said = _chromium_says(["--dump-dom", site.url(path)])
        assert "Content Security Policy" not in said, (path, said)  # nothing the pages use is refused
    (tmp_path / "other.html").write_text(f'<iframe src="{site.url("/search")}" width="600" height="400"></iframe>',
                                         encoding="utf-8")
    said = _chromium_says(["--dump-dom", (tmp_path / "other.html").as_uri()])
    assert "frame-ancestors" in said and "blocked" in said, said


def test_the_link_to_all_outlets_from_a_later_page_opens_the_list(reposted):  # noqa: F811
    """A much-copied story's later pages link to the first page's list of every outlet
    ('#all-outlets', session 31). In the browser the link scrolled to the list's heading and left
    the list folded under it: the reader who asked for the outlets saw one line and had to find
    the toggle. The list the link leads to is open; the first page opened as such keeps it folded."""
    served, store, _ = reposted
    story = store.conn.execute("SELECT story_id FROM articles WHERE source = 'first'").fetchone()[0]
    html = get(served, f"/story/{story}?page=3").text
    to_list = re.search(r'<a href="([^"]*#all-outlets)"', html)
    assert to_list, html[-3000:]
    dom = _browser(["--dump-dom", served.url(unescape(to_list.group(1)))])
    details = re.search(r'<details class="all-outlets"[^>]*>', dom)
    assert details and re.search(r"\bopen\b", details.group(0)), details
    assert "https://copy119.example.com/n/119.html" in dom.split('class="all-outlets"', 1)[1]
    folded = re.search(r'<details class="all-outlets"[^>]*>', _browser(["--dump-dom", served.url(f"/story/{story}")]))
    assert folded and not re.search(r"\bopen\b", folded.group(0)), folded


def _results(html: str) -> set[int]:
    return {int(s) for s in re.findall(r'<article class="result">\s*<h2[^>]*><a href="/story/(\d+)', html)}


def test_a_saved_search_of_a_removed_topic_lists_the_stories_it_matched(town):
    """A saved search link of a topic since taken out of the config (search?topic=园区旧题) answered
    400 'unknown topic' until session 35, then every topic's results: the bookmark's own stories,
    whose verdicts the store keeps (each story page still says 'matched 园区旧题'), could not be
    listed anywhere. They are the page's results now, its words searched among them, with a line
    saying the topic matches no new article; the filter stays chosen in the form and its pages;
    no feed is offered (its address is a 404 saying so). A name no verdict has (mistyped, or a
    topic that never matched) still shows every topic's results."""
    site, store, _ = town
    old = quote("园区旧题")
    matched = {r[0] for r in store.conn.execute(
        "SELECT DISTINCT a.story_id FROM article_topics t JOIN articles a ON a.id = t.article_id WHERE t.topic = ?",
        ["园区旧题"])}
    everything = {r[0] for r in store.conn.execute("SELECT DISTINCT story_id FROM articles")}
    assert matched and len(everything) > len(matched) + 5
    r = get(site, "/search?topic=" + old)
    assert r.status_code == 200, r.status_code
    main = _text(r.text.split("<main", 1)[1])
    assert _results(r.text) == matched, main
    assert "园区旧题 is not in the config" in main and "matches no new article" in main, main
    assert re.search(r'<option[^>]*selected>园区旧题</option>', r.text), r.text[:3000]
    assert "/search.atom" not in r.text  # its feed is a 404
    within = get(site, "/search?q=" + quote("闵行") + "&topic=" + old).text
    assert _results(within) == matched
    elsewhere = get(site, "/search?q=" + quote("擂茶") + "&topic=" + old).text  # a story it never matched
    assert not _results(elsewhere) and "search them all" in _text(elsewhere), _text(elsewhere)
    typo = get(site, "/search?topic=" + quote("园区新题")).text
    assert "every topic" in _text(typo) and len(_results(typo)) == 20, _text(typo)


def test_a_query_of_thousands_of_words_joined_by_punctuation_is_refused_as_one_of_spaces_is(town):
    """A query is refused past 256 words and phrases (each a look-up in the index), but the count
    was of words between spaces: `沪明0+沪明1+…+沪明1999` (20 KB) was one word, split at its
    punctuation into 2,000 words to look up, and held the server's one thread for seconds while
    every other reader's page waited. Its pieces count: a 400 naming the limit, as for spaces."""
    site, _, _ = town
    joined = "+".join(f"沪明{i}" for i in range(2000))
    for q in (joined, "三明 " + "、".join(f"永安{i}" for i in range(300))):
        r = get(site, "/search?q=" + quote(q))
        assert r.status_code == 400 and "more than 256 words and phrases" in _text(r.text), _text(r.text)[:500]
    fits = get(site, "/search?q=" + quote("+".join(f"沪明{i}" for i in range(200))))  # under the limit: searched
    assert fits.status_code == 200 and "Nothing found" in _text(fits.text), _text(fits.text)[:500]


LONG_TOPIC = "shanghai_sanming_partnership_watch_2026"  # a topic named as a file is: no space, no hyphen


def test_a_long_topic_name_in_the_header_stays_inside_a_phone_screen(tmp_path):
    """Every page's header links each configured topic by name. A name of one unbroken run (words
    joined by underscores, as a file or a variable is named) could not wrap: on a phone every page
    (search, sources, the topic's own) scrolled sideways, the header cut at the screen's edge.
    The header's links wrap as the page's text does."""
    cfg_path = tmp_path / "m.toml"
    cfg_path.write_text('include = ["monitor:topics/hu-ming.toml"]\n'
                        f'[topics.{LONG_TOPIC}]\n[topics.{LONG_TOPIC}.groups.g]\nterms = ["沪明"]\n'
                        f'[[topics.{LONG_TOPIC}.rules]]\nname = "g"\nany = ["g"]\n', encoding="utf-8")
    store = Store.open(tmp_path / "m.db")
    try:
        with Served(create_app(Context(config_mod.load(cfg_path, tmp_path / "m.db"), store), auth="")) as site:
            page = get(site, "/search")  # the header is every page's
            assert page.status_code == 200 and f">{LONG_TOPIC}</a>" in page.text
            assert _too_wide(page.text, tmp_path) == []
    finally:
        store.close()


def test_an_address_with_a_slash_after_it_leads_to_its_page_under_the_proxys_path(town):
    """Behind an office's proxy at https://intranet.example.cn/monitor/, an address copied with a
    slash after it (`/monitor/search/?q=…`, as chat apps and bookmark tools write it) was sent by
    Starlette to `/search?q=…`: out of the monitor, to the intranet's own pages (and with a proxy
    stripping the path, to the app's 127.0.0.1 port). `/topic/hu-ming/` answered that the topic
    was not in the config. Each leads to its page under the path, its query kept."""
    _, store, cfg = town
    cfg = msgspec.structs.replace(cfg, web=Web(base_url="https://intranet.example.cn/monitor/"))
    with Served(create_app(Context(cfg, store), auth="")) as app:
        for asked, page in (("/search/?q=" + quote("沪明"), "/search?q=" + quote("沪明")), ("/sources/", "/sources"),
                            ("/story/1/", "/story/1"), ("/topic/hu-ming/?weeks=4", "/topic/hu-ming?weeks=4")):
            for sent in ("/monitor" + asked, asked):  # a proxy passing the path on, and one stripping it
                r = httpx.get(app.url(sent), timeout=20, follow_redirects=False)
                assert r.status_code in (301, 307, 308), (sent, r.status_code)
                assert r.headers["location"] == "/monitor" + page, (sent, r.headers["location"])
        assert httpx.get(app.url("/monitor/topic/hu-ming/"), timeout=20, follow_redirects=True).status_code == 200
        assert httpx.get(app.url("/monitor/nowhere/"), timeout=20, follow_redirects=False).status_code == 404


def test_a_feed_asked_if_none_match_any_is_not_sent_again(town):
    """`If-None-Match: *` (a cache asking 'send it only if you hold none') is true of any body the
    feed has: the answer is 304 without a body (RFC 9110 13.1.2). The feeds sent the whole feed
    again, as to a reader holding nothing; a tag of another body still gets it."""
    site, _, _ = town
    for path in ("/search.atom", "/topic/hu-ming.atom"):
        r = httpx.get(site.url(path), headers={"If-None-Match": "*"}, timeout=20)
        assert r.status_code == 304 and not r.content and r.headers.get("etag"), (path, r.status_code)
        other = httpx.get(site.url(path), headers={"If-None-Match": '"not-this-one"'}, timeout=20)
        assert other.status_code == 200 and "<feed" in other.text
