"""A sitemap or a feed over fetch.max_bytes whose last entry opens one CDATA section or comment that
runs to the cut (8 MB of it: a hostile site's, or a CMS pasting a whole archive into one entry).
The cut to the last whole entry looks for sections first (an end tag inside one is text), and the
pattern finding them tried every byte of a section for its end: 0.11-0.35 s of CPU at every poll
for the one section, against a hundredth of that for the same bytes of plain entries. The section's
text is now taken a run at a time. Measured against the plain sitemap's or feed's cut in the same
process (cpuguard), never in seconds; the cut itself is where it was."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from cpuguard import FLOOR, cpu

from monitor.sources import feed, sitemap
from monitor.sources.base import Listing, last_end

SIZE = 8_000_000  # fetch.max_bytes' default
HEAD = b'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
ENTRY = b"<url><loc>http://127.0.0.1:9/news/%d.html</loc><lastmod>2026-12-07</lastmod></url>"
RSS = b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title>'
ITEM = b"<item><title>t%d</title><link>http://127.0.0.1:9/n/%d.html</link></item>"


@dataclass
class Cut:
    """A page as the fetcher hands one over the cap: its first max_bytes, `cut` set."""

    content: bytes
    url: str = "http://127.0.0.1:9/sitemap.xml"
    headers: dict[str, str] = field(default_factory=lambda: {"content-type": "application/xml"})
    cut: bool = True


def _sitemap(tail: bytes, filler: bytes) -> bytes:
    head = HEAD + b"".join(ENTRY % n for n in range(3))
    return (head + tail + filler * SIZE)[:SIZE]


def _least(fn, page) -> tuple[bytes, float]:
    runs = [cpu(fn, page, Listing()) for _ in range(3)]
    return runs[0][0], min(took for _, took in runs)


# one section open to the cut, of text, of `]` or `-` only (each a byte the old pattern stopped at)
@pytest.mark.parametrize("tail,filler", [(b"<url><loc><![CDATA[", b"x"), (b"<url><loc><![CDATA[", b"]"),
                                         (b"<url><!--", b"-"), (b"<url><!--", "沪明".encode())],
                         ids=["cdata", "brackets", "dashes", "comment"])
def test_a_sitemap_cut_inside_one_long_section_costs_what_a_plain_one_does(tail, filler):
    plain = Cut((HEAD + b"".join(ENTRY % n for n in range(SIZE // len(ENTRY) + 1)))[:SIZE])
    hostile = Cut(_sitemap(tail, filler))
    _, benign = _least(sitemap.whole_entries, plain)
    kept, took = _least(sitemap.whole_entries, hostile)
    assert kept == HEAD + b"".join(ENTRY % n for n in range(3))  # the three entries before the section
    assert took < 3 * max(benign, FLOOR), (took, benign)  # main: 0.11-0.35 s against 0.01


def test_a_feed_cut_inside_one_long_section_costs_what_a_plain_one_does():
    plain = Cut((RSS + b"".join(ITEM % (n, n) for n in range(SIZE // len(ITEM) + 1)))[:SIZE])
    hostile = Cut((RSS + b"".join(ITEM % (n, n) for n in range(3)) + b"<item><description><![CDATA[" +
                   b"x" * SIZE)[:SIZE])
    _, benign = _least(feed.whole_entries, plain)
    kept, took = _least(feed.whole_entries, hostile)
    assert kept == RSS + b"".join(ITEM % (n, n) for n in range(3)) + b"</channel></rss>", kept[-200:]
    assert took < 3 * max(benign, FLOOR), (took, benign)


@pytest.mark.parametrize("text,end", [
    (b"<url>a</url><![CDATA[</url>]]]></url>", 37), (b"<url>a</url><!-- </url> ---></url>", 34),
    (b"<url>a</url><![CDATA[ </url> ]]", 12), (b"<url>a</url><!-- </url> -", 12),
    (b"<url>a</url><!----><![CDATA[]]></url>", 37), (b"<url>a</url><!-- ]]> </url>", 12),
    (b"<url>a</url><![CDATA[ --> </url>", 12), (b"<url>a</url><![cdata[x]]></url>", 31)])
def test_sections_end_where_they_did(text, end):
    assert last_end(text, (b"</url>",)) == end
