"""An Atom feed of matched stories, for feed readers and other tools.

In: `Story` objects (newest first) and the feed's title. Out: Atom 1.0 XML text. Pure; built
with ElementTree so every title and snippet from a page is escaped, and with the characters XML
forbids even escaped (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF) left
out of every text and attribute: one in a scraped title made the whole feed unreadable.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import datetime, timezone

from .models import Story

ATOM = "http://www.w3.org/2005/Atom"
_WEB = re.compile(r"https?://", re.IGNORECASE)
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry."""
    return _NOT_XML.sub("", text)


def _stamp(dt: datetime | None, fallback: datetime) -> str:
    return (dt or fallback).astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def atom(stories: Iterable[Story], *, title: str, feed_id: str, now: datetime) -> str:
    """Atom XML for the stories; each entry links the first article and lists its reposts."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = _x(title)
    ET.SubElement(feed, f"{{{ATOM}}}id").text = _x(feed_id)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(now, now)
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = "monitor"
    for story in stories:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = _x(story.title)
        ET.SubElement(entry, f"{{{ATOM}}}id").text = _x(f"{feed_id}:story:{story.story_id}")
        if _WEB.match(story.url or ""):  # an imported javascript: or data: address is never a link
            ET.SubElement(entry, f"{{{ATOM}}}link", href=_x(story.url))
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(story.published, now)
        for topic in story.topics:
            ET.SubElement(entry, f"{{{ATOM}}}category", term=_x(topic))
        summary = story.snippet
        if story.reposts:
            summary += "\n\nAlso reported by: " + "; ".join(f"{r.source} {r.url}" for r in story.reposts)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = _x(f"{story.source}: {summary}")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode")
