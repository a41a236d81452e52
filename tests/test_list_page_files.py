"""A list page that is a file: the site serving an image (a 'closed for maintenance' picture), a PDF
or an archive at the source's address, sent as text/html. An article page that is one was already
given up as 'not a web page'; the list page was parsed as markup, and the poll said `link_selector
'ul.news a' matched nothing ... (the page layout may have changed; update link_selector)`, and a
source that had worked was `layout_changed`: the user sent to rewrite a selector that is right.
The poll now says the address serves a file (its kind), status `error`. Hosts on 127.0.0.1."""

from __future__ import annotations

from hostile import Site, _send, list_html
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 200
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + bytes(range(256)) * 200
HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_a_list_page_that_is_a_file_is_said_to_be_one_not_a_selector_miss(make_ctx):  # noqa: F811
    with Site() as a:
        a.page("/list.html", PNG)
        a.page("/other.html", PDF)
        ctx = make_ctx(source_toml("a", a.url("/list.html")) + source_toml("b", a.url("/other.html")))
        reports = {r.source: r for r in poll(ctx)}
    for name, kind in (("a", "image/png"), ("b", "application/pdf")):
        (line,) = reports[name].errors
        assert f"is not a web page but a file ({kind})" in line, line  # main: link_selector 'ul.news a' matched nothing
        assert "link_selector" not in line and "\n" not in line, line


def test_a_source_that_worked_and_now_serves_a_file_is_an_error_not_a_changed_layout(make_ctx):  # noqa: F811
    with Site() as a:
        a.sequence("/list.html", lambda h: _send(h, 200, HTML, list_html(["/1.html"]).encode()),
                   lambda h: _send(h, 200, HTML, PNG))
        a.article("/1.html", "沪明合作新闻一")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        first = poll(ctx)[0]
        second = poll(ctx)[0]
    assert first.new == 1, first
    assert second.status == "error", second  # main: layout_changed
    assert "not a web page but a file (image/png)" in second.errors[0], second.errors
