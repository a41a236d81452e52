"""A feed that lists nothing (session 31, faults-sources-9): its site stopped filling it, or a CMS
template serves an empty channel, with a new ETag at every request.

Such a source was 'ok' at every poll, nothing said: it never gave an article and nobody was told
(a feed that once listed entries and now lists none is `layout_changed`; one that never did was
green forever). Each poll now says the feed lists no entries (the poll is `partial`, a working
one), `test-source` prints the listing's warnings, and `add-source` says so of the feed it
proposes. The CLI runs against a site on 127.0.0.1; the text is invented.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys

import pytest
from hostile import Site, _send
from test_add_source_feeds import HEAD, SRC
from test_cycle import make_ctx  # noqa: F401  (a fixture)

from monitor.pipeline import poll

RSS = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>要闻</title>'
       '<link>http://www.example.cn/</link><description>要闻</description>{items}</channel></rss>')
ATOM = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>要闻</title><id>urn:x</id>{items}</feed>'
JSON_FEED = '{{"version": "https://jsonfeed.org/version/1.1", "title": "要闻", "items": [{items}]}}'
EMPTY = {"rss": RSS.format(items=""), "atom": ATOM.format(items=""), "json": JSON_FEED.format(items="")}


def _fresh_etags(a: Site, path: str, body: str, content_type: str) -> None:
    """`path` answers `body` with a new ETag at every request (a CMS stamping each render)."""
    count = itertools.count()
    a.routes[path] = lambda h: _send(h, 200, {"Content-Type": content_type, "ETag": f'"r{next(count)}"'}, body.encode())


@pytest.mark.parametrize("kind", ["rss", "atom", "json"])
def test_a_feed_listing_nothing_is_not_ok_poll_after_poll(make_ctx, kind):  # noqa: F811
    with Site() as a:
        _fresh_etags(a, "/feed", EMPTY[kind], "application/json" if kind == "json" else "application/xml")
        ctx = make_ctx(f'[[sources]]\nname = "news"\nurl = "{a.url("/feed")}"\n')
        reports = [poll(ctx)[0] for _ in range(2)]
    for report in reports:
        assert report.status == "partial" and report.candidates == 0, report
        assert any("lists no entries" in e for e in report.errors), report


def test_a_feed_with_entries_all_stored_says_nothing_of_it(make_ctx):  # noqa: F811
    items = "".join(f"<item><title>沪明合作{i}</title><link>{{base}}/a/{i}.html</link></item>" for i in range(2))
    with Site() as a:
        for i in range(2):
            a.article(f"/a/{i}.html", f"三明与上海合作第{i}号项目签约落地")
        _fresh_etags(a, "/feed", RSS.format(items=items.format(base=a.base)), "application/rss+xml")
        ctx = make_ctx(f'[[sources]]\nname = "news"\nurl = "{a.url("/feed")}"\n')
        reports = [poll(ctx)[0] for _ in range(2)]
    assert reports[0].new == 2 and reports[1].new == 0, reports
    assert all(r.status == "ok" and not r.errors for r in reports), reports


def test_test_source_and_add_source_say_the_feed_lists_nothing(tmp_path):
    env = {**os.environ, "PYTHONPATH": os.environ.get("MONITOR_SRC", SRC)}
    with Site() as a:
        _fresh_etags(a, "/rss/xw.xml", EMPTY["rss"], "application/rss+xml")
        path = tmp_path / "cli.toml"
        path.write_text(HEAD + f'[[sources]]\nname = "news"\nurl = "{a.url("/rss/xw.xml")}"\n', encoding="utf-8")
        base = [sys.executable, "-m", "monitor", "--config", str(path), "--db", str(tmp_path / "c.db")]
        tested = subprocess.run([*base, "test-source", "news"], capture_output=True, text=True, env=env, timeout=60)
        added = subprocess.run([*base, "add-source", a.url("/rss/xw.xml")], capture_output=True, text=True, env=env,
                               timeout=60)
    assert tested.returncode == 0 and "warning: the feed lists no entries" in tested.stdout, (tested.stdout, tested.stderr)
    assert added.returncode == 0 and "it lists no entries now" in added.stdout.splitlines()[0], added.stdout


# The same for a sitemap and a JSON API (session 32): a sitemap whose site stopped filling it, or an API whose
# answer lists nothing (a first_page one off, a parameter gone stale), was 'ok' at every poll.
SITEMAPS = {
    "urlset": '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>',
    "index": '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></sitemapindex>',
}


@pytest.mark.parametrize("kind", ["urlset", "index"])
def test_a_sitemap_listing_nothing_is_not_ok(make_ctx, kind):  # noqa: F811
    with Site() as a:
        _fresh_etags(a, "/sitemap.xml", SITEMAPS[kind], "application/xml")
        ctx = make_ctx(f'[[sources]]\nname = "map"\nkind = "sitemap"\nurl = "{a.url("/sitemap.xml")}"\n')
        report = poll(ctx)[0]
    assert report.status == "partial" and report.candidates == 0, report
    assert any("the sitemap lists no URLs" in e for e in report.errors), report


def test_an_api_answering_no_items_is_not_ok_and_one_with_items_says_nothing(make_ctx):  # noqa: F811
    with Site() as a:
        a.article("/n/1.html", "三明与上海合作项目签约落地")
        _fresh_etags(a, "/none.json", '{"data": {"list": []}}', "application/json")
        _fresh_etags(a, "/some.json", '{"data": {"list": [{"title": "沪明合作", "url": "/n/1.html"}]}}',
                     "application/json")
        api = '[[sources]]\nname = "{n}"\nkind = "json-api"\nurl = "{u}"\nitems = "data.list"\ntitle = "title"\nlink = "url"\n'
        ctx = make_ctx(api.format(n="none", u=a.url("/none.json")) + api.format(n="some", u=a.url("/some.json")))
        reports = {r.source: r for r in poll(ctx)}
    assert reports["none"].status == "partial" and any("lists no items" in e for e in reports["none"].errors), reports
    assert reports["some"].status == "ok" and reports["some"].new == 1 and not reports["some"].errors, reports
