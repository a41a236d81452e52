"""A feed over fetch.max_bytes whose entries hold a great many tiny CDATA sections (a hostile feed, or
a CMS writing each run of text as a section of its own): the cut to its last whole entry scanned
every section of the bytes that came (1.1 million in 8 MB: about half a second of CPU at every poll),
though the feed reader reads only the first `MAX_MARKUP` tags of it, and the poll's line counted
the entries of the whole cut as read when fewer were. The cut is now made within the tags read:
its scan bounded by them, and the line's count the entries read."""

from __future__ import annotations

from dataclasses import dataclass, field

from cpuguard import cpu

from monitor.sources.base import Listing
from monitor.sources.feed import MAX_MARKUP, parse_page, whole_entries


@dataclass
class Cut:
    """A page as the fetcher hands one over the cap: its first max_bytes, `cut` set."""

    content: bytes
    url: str = "http://127.0.0.1:9/feed.xml"
    headers: dict[str, str] = field(default_factory=lambda: {"content-type": "application/rss+xml"})
    cut: bool = True


def feed(size: int, piece: str) -> bytes:
    """An RSS feed cut at `size` bytes, each entry's description 1,000 times `piece`."""
    item = "<item><title>沪明合作第{n}号项目签约落地</title><link>http://127.0.0.1:9/n/{n}.html</link>" \
           "<description>" + piece * 1000 + "</description></item>"
    head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>县融媒体</title>'
    body = head + "".join(item.format(n=n) for n in range(size // len(item.encode()) + 2))
    return body.encode()[:size]


def test_the_line_of_a_cut_feed_counts_the_entries_read_not_those_past_the_tag_budget():
    listing = Listing()
    kept = whole_entries(Cut(feed(2_000_000, "<![CDATA[沪明]]>")), listing)
    found, _ = parse_page(kept, {"content-type": "application/rss+xml"}, "http://127.0.0.1:9/feed.xml")
    (said,) = listing.warnings
    assert 10 < len(found) < 2_000_000 // 15_000  # within MAX_MARKUP tags: fewer than came whole
    assert f"read its {len(found)} entries" in said, (len(found), said)
    assert kept.count(b"<") <= MAX_MARKUP + 10


def test_the_cut_of_a_feed_of_a_million_tiny_sections_costs_what_one_of_plain_text_does():
    hostile = Cut(feed(8_000_000, "<![CDATA[]]>"))  # 1.1 million sections
    plain = Cut(feed(8_000_000, "沪明合作项目"))  # the same bytes, no section
    assert hostile.content.count(b"<![CDATA[") > 600_000
    _, benign = cpu(whole_entries, plain, Listing())
    kept, took = cpu(whole_entries, hostile, Listing())
    assert kept.endswith(b"</item></channel></rss>")
    assert took < 5 * max(benign, 0.02), (took, benign)  # main: 0.3-0.6 s against 0.02-0.05
