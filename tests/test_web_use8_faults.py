"""`monitor serve` used as colleagues use it, eighth round: a feed's gzip and plain bodies shared
one ETag; a much-copied story's list of outlets was printed again on each of its pages; a
bookmarked page of a topic since taken out of the config said only 'No topic X here.'"""

from __future__ import annotations

import gzip
import re
from html import unescape
from urllib.parse import quote

import httpx
import pytest
from test_web import get
from test_web_archive3_faults import COPIES
from test_web_archive3_faults import site as reposted  # noqa: F401  (the fixture: a story of 121 copies)
from test_web_use3_faults import _lines, _text, served_after_a_topic_removed


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    """The archive matched under a config with the topic 园区旧题, served with the config without it."""
    with served_after_a_topic_removed(tmp_path_factory.mktemp("use8"), _lines()) as both:
        yield both


def _feed(site, path: str, encoding: str, tag: str | None = None) -> httpx.Response:
    headers = {"Accept-Encoding": encoding} | ({"If-None-Match": tag} if tag else {})
    # the raw stream: httpx would undo the gzip and hide which body came
    with httpx.stream("GET", site.url(path), headers=headers, timeout=60) as r:
        r.read_raw = b"".join(r.iter_raw())  # type: ignore[attr-defined]
        return r


@pytest.mark.parametrize("path", ["/search.atom", "/topic/hu-ming.atom"])
def test_a_feeds_gzip_body_has_an_etag_of_its_own(town, path):
    """A feed sent gzipped (to a reader that takes it) and plain (to one that does not) carried the
    same strong ETag for two different bodies: a cache between them, revalidating the one with the
    other's tag and told 304, served gzip bytes to a reader that cannot read them (or the plain
    ones labelled gzip). Each body has its tag; a 304 names the tag it confirmed."""
    site, _ = town
    zipped, plain = _feed(site, path, "gzip"), _feed(site, path, "identity")
    assert zipped.headers.get("content-encoding") == "gzip" and "content-encoding" not in plain.headers
    assert gzip.decompress(zipped.read_raw) == plain.read_raw  # the same feed ...
    assert zipped.headers["etag"] != plain.headers["etag"], zipped.headers["etag"]  # ... two bodies, two tags
    for r in (zipped, plain):
        assert "accept-encoding" in r.headers.get("vary", "").lower(), r.headers
    # each tag still confirms its own body, and only its own
    again = _feed(site, path, "gzip", zipped.headers["etag"])
    assert again.status_code == 304 and again.headers["etag"] == zipped.headers["etag"]
    again = _feed(site, path, "identity", plain.headers["etag"])
    assert again.status_code == 304 and again.headers["etag"] == plain.headers["etag"]
    crossed = _feed(site, path, "identity", zipped.headers["etag"])
    assert crossed.status_code == 200 and crossed.read_raw == plain.read_raw
    crossed = _feed(site, path, "gzip", plain.headers["etag"])
    assert crossed.status_code == 200 and gzip.decompress(crossed.read_raw) == plain.read_raw


def test_a_much_copied_storys_later_pages_do_not_print_its_outlets_again(reposted):  # noqa: F811
    """A story of 121 copies lists all its outlets (folded) on its first page (session 29); the list
    was printed whole on each of its pages: three pages each carried all 121 outlets and their
    addresses (at 900 copies, 18 pages of ~150 KB of the same list). A later page links to the
    first page's list instead."""
    served, store, _ = reposted
    story = store.conn.execute("SELECT story_id FROM articles WHERE source = 'first'").fetchone()[0]
    first = get(served, f"/story/{story}").text
    assert len(re.findall(r"<li><a ", first.split('class="all-outlets"', 1)[1])) == COPIES + 1
    for page in (2, 3):
        html = get(served, f"/story/{story}?page={page}").text
        assert html.count('<section class="version"') == (50 if page == 2 else COPIES + 1 - 100)
        shown = set(re.findall(r'<section class="version" id="v(\d+)"', html))
        listed = re.findall(r'<li><a href="[^"]*#v(\d+)"', html)
        assert not listed, f"page {page} lists {len(listed)} outlets again"
        # not one address of a copy shown on another page
        assert "https://copy000.example.com/n/0.html" not in html and len(shown) >= 21
        to_list = re.search(r'<a href="([^"]*)#all-outlets"[^>]*>([^<]*)</a>', html)
        assert to_list and f"{COPIES + 1}" in _text(to_list.group(2)), html[-3000:]
        target = get(served, unescape(to_list.group(1))).text
        assert 'id="all-outlets"' in target and "https://copy119.example.com/n/119.html" in target


def test_a_bookmarked_page_of_a_topic_taken_out_of_the_config_says_so(town):
    """A colleague's bookmark of a topic's page, the topic since taken out of the config, answered
    'No topic 园区旧题 here.': the same words as a mistyped address, no hint that the topic was
    removed, no way on to the topics there are. The page (still a 404) says the topic is not in the
    config, and links each configured topic; its feed says the same in a line."""
    site, _ = town
    for path in ("/topic/" + quote("园区旧题", safe=""), "/topic/" + quote("园区旧题", safe="") + "?page=2&weeks=8"):
        r = get(site, path)
        assert r.status_code == 404, r.status_code
        main = _text(r.text.split('<main', 1)[1])
        assert "园区旧题" in main and "not in the config" in main, main
        assert re.search(r'<main.*href="/topic/hu-ming"', r.text, re.S), main  # the topics there are, past the header
    feed = get(site, "/topic/" + quote("园区旧题", safe="") + ".atom")
    assert feed.status_code == 404 and "not in the config" in feed.text and "hu-ming" in feed.text, feed.text
