"""An Atom feed of matched stories, for feed readers and other tools.

In: `Story` objects (newest first) and the feed's title. Out: Atom 1.0 XML text. Pure; built
with ElementTree so every title and snippet from a page is escaped, and with the characters XML
forbids even escaped (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF) left
out of every text and attribute: one in a scraped title made the whole feed unreadable.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from datetime import datetime, timezone

from .decode import xml_text
from .models import Repost, Story, outlet, titled

ATOM = "http://www.w3.org/2005/Atom"
_WEB = re.compile(r"https?://", re.IGNORECASE)
NOTHING_YET = datetime(1970, 1, 1, tzinfo=timezone.utc)  # an empty feed's <updated>
_IRI_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/")


def _stamp(dt: datetime | None, fallback: datetime) -> str:
    return (dt or fallback).astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def topic_feed_id(topic: str) -> str:
    """A topic feed's atom:id, an IRI (RFC 4287 4.2.6): the name as it is, but for the ASCII an
    IRI may not hold (`上海/三明 #合作`: a space, a fragment's `#`) percent-encoded, so every name
    that was valid keeps its id and readers do not see its entries as new."""
    return "urn:monitor:" + "".join(c if c in _IRI_ASCII or ord(c) > 0x9F else f"%{ord(c):02X}" for c in topic)


def _utc(dt: datetime) -> datetime:
    return dt.astimezone(timezone.utc) if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def atom(stories: Iterable[Story], *, title: str, feed_id: str, now: datetime, self_url: str | None = None,
         page_url: str | None = None, story_page: Callable[[int], str | None] | None = None) -> str:
    """Atom XML for the stories; each entry links the first article and lists its reposts.
    `self_url`: where the feed is read (`rel="self"`, how a reader knows the feed's own address);
    `page_url`: the HTML page it is a feed of; `story_page`: a story's page (`monitor serve`),
    which the reposts not listed ("+290 more") link to."""
    ET.register_namespace("", ATOM)
    stories = list(stories)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = xml_text(title)
    for rel, href, kind in (("self", self_url, "application/atom+xml"), ("alternate", page_url, "text/html")):
        if href and _WEB.match(href):
            ET.SubElement(feed, f"{{{ATOM}}}link", rel=rel, type=kind, href=xml_text(href))
    ET.SubElement(feed, f"{{{ATOM}}}id").text = xml_text(feed_id)
    # the newest entry's time, not the write's: a feed written again without a new story is the
    # same file (its ETag too), so readers neither download it again nor show it as updated; a
    # feed with no entry yet (a new topic, a search that finds nothing) is dated the epoch, as
    # unchanging as its emptiness
    dates = [d for s in stories if (d := s.published or s.seen) is not None]
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(max(dates, key=_utc) if dates else NOTHING_YET, now)
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = "monitor"
    for story in stories:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = xml_text(titled(story.title))
        ET.SubElement(entry, f"{{{ATOM}}}id").text = xml_text(f"{feed_id}:story:{story.story_id}")
        if _WEB.match(story.url or ""):  # an imported javascript: or data: address is never a link
            ET.SubElement(entry, f"{{{ATOM}}}link", href=xml_text(story.url))
        # undated: when it was stored, not this write's time (a reader would show it updated at every write)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(story.published or story.seen, now)
        for topic in story.topics:
            ET.SubElement(entry, f"{{{ATOM}}}category", term=xml_text(topic))
        # RFC 4287 4.1.1: an entry without a link must carry its text as content (a summary alone is invalid)
        kind = "summary" if _WEB.match(story.url or "") else "content"
        if story.reposts:  # HTML: each outlet's version linked (a reader shows text unlinked)
            page = story_page(story.story_id) if story_page else None
            ET.SubElement(entry, f"{{{ATOM}}}{kind}", type="html").text = xml_text(_with_reposts(story, page))
        else:
            ET.SubElement(entry, f"{{{ATOM}}}{kind}", type="text").text = xml_text(f"{outlet(story.source, story.url)}: {story.snippet}")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode")


def _with_reposts(story: Story, page: str | None = None) -> str:
    """An entry's HTML: the snippet, then each repost's outlet linked to its version (a web
    address only; another is named with its address as text); the ones not listed ("+290
    more") linked to the story's `page`, which lists them all, when there is one."""
    from html import escape

    def linked(r: Repost) -> str:
        if _WEB.match(r.url or ""):
            return f'<a href="{escape(r.url)}">{escape(outlet(r.source, r.url))}</a>'
        if not r.article_id and not r.url and page and _WEB.match(page):  # the "+n more" entry
            return f'<a href="{escape(page)}">{escape(r.source)}</a>'
        return escape(f"{r.source} {r.url}".strip())

    def numbered(r: Repost, n: int) -> str:
        return f'<a href="{escape(r.url)}">{n}</a>' if _WEB.match(r.url or "") else escape(f"{n} {r.url}".strip())

    # an outlet once, its other addresses (a site's mobile pages) numbered after it: '晚报 (2)';
    # 'Also reported by: 晚报; 晨报; 晚报' named one paper as two
    groups: dict[object, list[Repost]] = {}
    for r in story.reposts:
        groups.setdefault(outlet(r.source, r.url) if r.article_id or r.url else id(r), []).append(r)
    said = [linked(rs[0]) + (f" ({', '.join(numbered(r, k) for k, r in enumerate(rs[1:], 2))})" if rs[1:] else "")
            for rs in groups.values()]
    return (f"<p>{escape(f'{outlet(story.source, story.url)}: {story.snippet}')}</p>"
            f"<p>Also reported by: {'; '.join(said)}</p>")
