"""A page head built to make the tag finders try every start against every end: `<link
rel=canonical ` said over and over with no `>` (64 KB, a small page) took a minute of CPU on
the poll's main thread for each such article, a head of endless `<base` a quarter second. Tags
are now read one by one, each to its `>`, as a browser reads them, in a time linear in the head (the
CPU for 4x the head against a reference run, tests/cpuguard.py); the answers are as before."""

from __future__ import annotations

import pytest
from cpuguard import LINEAR, growth
from hostile import BODY, article_html

from monitor.fetch.signals import canonical_link, document_base

URL = "https://www.example.cn/news/a.html"
N = 65_536


@pytest.mark.parametrize("tag", [b"<link rel=canonical ", b"<link<link rel='canonical'", b"<link rel=canonical href=/b.html "])
def test_a_head_of_endless_canonical_links_without_an_end(tag):
    def read(n: int, after: bytes = b"") -> str | None:
        return canonical_link(URL, {}, tag * (n // len(tag) + 1) + after)

    assert (grew := growth(read, N // 8)) < LINEAR, f"{grew:.1f}x the CPU for 4x the head"  # ~64x: a square of tries
    assert read(N, article_html("沪明合作新闻", BODY).encode()) is None  # no tag ends within the head's 64 KB


@pytest.mark.parametrize("end", [b"", b"<body>"])
def test_a_head_of_endless_bases_without_an_end(end):
    def read(n: int) -> None:
        head = b"<base " * (n // 6) + end
        for _ in range(4):
            assert document_base(URL, head) == URL
            assert document_base(URL, head.decode()) == URL

    assert (grew := growth(read, N)) < LINEAR, f"{grew:.1f}x the CPU for 4x the head"


def test_the_tags_still_read_as_before():
    page = (b'<html><head><link rel="stylesheet" href="/s.css"><LINK REL=Canonical HREF="/b.html?x=1&amp;y=2">'
            b'<base href="/base/"><link rel=canonical href="/c.html"></head><body><p>x</p></body></html>')
    assert canonical_link(URL, {}, page) == "https://www.example.cn/b.html?x=1&y=2"
    assert document_base(URL, page) == "https://www.example.cn/base/"
    assert document_base(URL, page.decode()) == "https://www.example.cn/base/"
    split = b'<link rel="canonical" title="a>b" href="/d.html">'  # the tag ends at the first >, as before
    assert canonical_link(URL, {}, split) is None
