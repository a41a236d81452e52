"""Servers that label an article page wrongly: `application/octet-stream`, `application/x-httpd-php`,
`text/x-server-parsed-html` (an .shtml on an old server) or a type with junk in it. Such a page
was given up at once as "not a web page", so the article was lost for good. A page whose own
bytes open as HTML is read as HTML; a real download (a PDF, an image, a ZIP) is still given up."""

from __future__ import annotations

import pytest
from hostile import BODY, Site, article_html
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll


@pytest.mark.parametrize("label", ["application/octet-stream", "application/x-httpd-php",
                                   "text/x-server-parsed-html", "application/unknown; charset=utf-8", "html"])
def test_an_html_page_labelled_as_something_else_is_read(make_ctx, label):  # noqa: F811
    with Site() as a:
        a.listing("/list.html", ["/1.shtml", "/2.bin"])
        page = "\ufeff  \n<!DOCTYPE html>\n" + article_html("沪明合作新闻", BODY)
        a.page("/1.shtml", page.encode("utf-8"), content_type=label)
        a.page("/2.bin", b"\x00\x01binary junk" * 50, content_type=label)
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert urls(ctx) == {a.url("/1.shtml")}, report
    assert report.skipped == 1  # the junk: not a page


def test_a_pdf_labelled_as_html_is_still_a_download(make_ctx):  # noqa: F811
    with Site() as a:
        a.listing("/list.html", ["/1.html"])
        a.page("/1.html", b"%PDF-1.7\n" + b"x" * 500, content_type="text/html")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert urls(ctx) == set() and report.skipped == 1
