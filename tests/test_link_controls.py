"""Links holding control characters: a stray U+0001 or U+001F pasted from a word processor into
a CMS's link field, or an escape sequence a hostile page puts in an address. A browser
percent-encodes them (the URL Standard's C0 control set, and DEL) and opens the article; the
monitor called each such link "not a valid URL", never fetched it, and wrote the raw bytes into
its log and the source's last error, where a terminal showing `monitor sources` or the log runs
an escape sequence (`ESC [2J` clears the screen). Now they are percent-encoded as a browser
does, so the article is fetched and no control character reaches a report."""

from __future__ import annotations

import logging

from hostile import BODY, Site, article_html
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll
from monitor.sources.base import absolute

TITLES = ["三明与上海签约共建产业园区", "沪明两地联合举办文旅推介会", "上海专家团队赴永安开展义诊"]
HREFS = ["/news/2026/a\x01b.html", "/news/2026/c\x1b[2J\x1b[31md.html?id=7\x7f", "\x1f /news/2026/e\x00f.html"]
# a NUL in an attribute is U+FFFD to an HTML parser
SERVED = ["/news/2026/a%01b.html", "/news/2026/c%1B[2J%1B[31md.html", "/news/2026/e%EF%BF%BDf.html"]


def test_a_link_with_control_characters_is_fetched_percent_encoded_as_a_browser_sends_it(make_ctx, caplog):  # noqa: F811
    caplog.set_level(logging.DEBUG)
    with Site() as a:
        items = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in zip(HREFS, TITLES, strict=True))
        a.page("/list.html", f'<html><body><ul class="news">{items}</ul></body></html>')
        for path, title in zip(SERVED, TITLES, strict=True):
            a.article(path, title, BODY + "\n" + title)
        a.status("/news/2026/gone\x1b.html", 404)
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
        asked = a.paths()
    assert (report.new, report.status) == (3, "ok"), report
    assert "/news/2026/c%1B[2J%1B[31md.html?id=7%7F" in asked, asked
    assert all(u.isprintable() for u in urls(ctx)), urls(ctx)
    assert not [r.getMessage() for r in caplog.records if "\x1b" in r.getMessage()]


def test_a_failing_link_with_an_escape_sequence_is_reported_without_it(make_ctx):  # noqa: F811
    with Site() as a:
        a.page("/list.html", '<html><body><ul class="news"><li><a href="/x\x1b[2J.html">沪明合作新闻一号文章</a></li>'
                             '</ul></body></html>')
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert report.errors and all(e.isprintable() for e in report.errors), report.errors
    assert "%1B[2J" in report.errors[0], report.errors


def test_blanks_and_controls_around_a_link_are_dropped_and_tabs_inside_it_too():
    assert absolute("http://a.cn/x/", "\x00 \t1.html\x1f\n") == "http://a.cn/x/1.html"
    assert absolute("http://a.cn/x/", "2\t.ht\nml") == "http://a.cn/x/2.html"
    assert absolute("http://a.cn/x/", "3.html?q=沪明") == "http://a.cn/x/3.html?q=沪明"  # left for the page's charset


def test_a_refresh_to_an_address_with_an_escape_sequence_is_followed_encoded(make_ctx):  # noqa: F811
    with Site() as a:
        a.page("/list.html", f'<html><body><ul class="news"><li><a href="/old.html">{TITLES[0]}</a></li></ul></body></html>')
        a.page("/old.html", '<html><head><meta http-equiv="refresh" content="0; url=/new\x1b[2J.html"></head></html>')
        a.article("/new%1B[2J.html", TITLES[0], BODY)
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert (report.new, report.status) == (1, "ok"), report
    assert urls(ctx) == {a.url("/new%1B[2J.html")}


def test_a_canonical_address_with_an_escape_sequence_is_stored_encoded(make_ctx):  # noqa: F811
    with Site() as a:
        a.page("/list.html", f'<html><body><ul class="news"><li><a href="/a.html">{TITLES[0]}</a></li></ul></body></html>')
        a.page("/a.html", article_html(TITLES[0], BODY, extra_head='<link rel="canonical" href="/news/a\x1b[2J\x07.html">'))
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert report.new == 1, report
    stored = ctx.store.db.execute("SELECT url, canonical_url FROM articles").fetchone()
    assert all(u.isprintable() for u in stored) and stored[0].endswith("/news/a%1B[2J%07.html"), stored
