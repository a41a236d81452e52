"""Bidirectional controls in a list page's links: RIGHT-TO-LEFT OVERRIDE (U+202E) and its kin in
a link's host, path or query. The link went raw into the source's errors, the log and `monitor
sources`' last error, where a terminal shows the rest of the line backwards: the line for
`http://good\\u202egro.example/x.html` reads as a link to another host, and whatever the error
says after it reads backwards too (b099f45 encoded the C0 controls that run a terminal's escapes;
these are not C0). They are percent-encoded now, as the C0 ones are (the bytes a browser sends
for them in a path or query); a host holding one is no host, refused before any lookup.
Real servers on 127.0.0.1; no name is looked up (the resolver is a stand-in that records)."""

from __future__ import annotations

import logging
import socket

import pytest
from hostile import Site
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


@pytest.fixture
def lookups(monkeypatch):
    """Names asked of the resolver; only 127.0.0.1 answers."""
    asked: list[str] = []
    real = socket.getaddrinfo

    def lookup(host, *args, **kw):
        asked.append(str(host))
        if host != "127.0.0.1":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    return asked


def test_bidi_controls_in_links_reach_no_error_or_log_line_raw(make_ctx, lookups, caplog):  # noqa: F811
    caplog.set_level(logging.DEBUG)
    with Site() as a:
        links = ["http://good\u202egro.example/x.html", "/news/\u202e1.html", "/news/2.html?id=\u20663\u2069",
                 "/ok.html"]
        a.listing("/list.html", links)
        a.article("/ok.html", "沪明合作新闻")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
        asked = a.paths()
    said = report.errors + [record.getMessage() for record in caplog.records]
    assert not any(ch in line for line in said for ch in BIDI), [ascii(line) for line in said if not line.isascii()]
    assert urls(ctx) == {a.url("/ok.html")} and report.status == "partial"
    assert "/news/%E2%80%AE1.html" in asked and "/news/2.html?id=%E2%81%A63%E2%81%A9" in asked, asked
    assert any("good%E2%80%AEgro.example" in e and "not a valid URL" in e for e in report.errors), report.errors
    assert not [name for name in lookups if "good" in name], lookups
