"""The date a list page shows beside each link: in the link's row (`<li><a>…</a><span>2026-12-05</span>`,
a table row's other cell, a `<dt>` link's `<dd>`), or in the row just after it (a table whose
date line is a row of its own under the title's).

In: the link nodes a list page's selector gave, in order (selectolax nodes). Out: for each, the
date shown with it (aware UTC) or None. A link's row is its highest ancestor, at most ROW_LEVELS
up, holding no other of the list's links; a row holding more than one date (an event's dates,
two links' dates) says none. The link's own text is not read (a headline may name a day). Only
dates with their year are read, and yearless ones (`12-05`, `[12-05]`) and relative ones
(`3小时前`, `昨天 14:20`, `刚刚`, counted back from the list's fetch in `date_tz`) that are a
node's whole text. Linear in the page: each row's text is read once.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from typing import Any

from .. import reltime
from . import dates

ROW_LEVELS = 4
_DATED = re.compile(r"(?<![\d])((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?![\d])\s*日?"
                    r"(?:\s*(\d{1,2})\s*[:时]\s*(\d{2}))?")
_YEARLESS = re.compile(r"[\[(【（]?\s*(\d{1,2})[-/.月](\d{1,2})日?\s*[\])】）]?")
_DIGITS = re.compile(r"\d{1,2}\s*[-/.年月]\s*\d")  # what any date holds
# what a relative date holds (not a headline's 今年, 前期 or 昨日 alone)
_AGO = re.compile(r"\d\s*(?:秒|分|小|個|个|天|周|週|星期)|刚刚|剛剛|[今昨前]天\s*\d|[今昨]日\s*\d|ago\b|[Tt]oday|[Yy]esterday|[Jj]ust now")
_STOP = frozenset({"body", "html", "ul", "ol", "table", "tbody", "form"})


def row_dates(anchors: list[Any], tz: str = "Asia/Shanghai", now: datetime | None = None) -> list[datetime | None]:
    """The date shown with each of `anchors` (see the module's docstring)."""
    holders: Counter[int] = Counter()
    chains = []
    for anchor in anchors:
        chain, node = [], anchor
        for _ in range(ROW_LEVELS):
            node = node.parent
            if node is None or node.tag in _STOP:
                break
            chain.append(node)
            holders[node.mem_id] += 1
        chains.append(chain)
    out: list[datetime | None] = []
    read: dict[str, datetime | None] = {}  # a list's rows share a few days: each read once
    for anchor, chain in zip(anchors, chains, strict=True):
        row = anchor
        for node in chain:
            if holders[node.mem_id] > 1:
                break
            row = node
        when = _date_in(row, anchor, tz, now, read)
        if when is None and row.tag == "tr":  # the date's own row, under the title's
            after = row.next
            while after is not None and after.tag == "-text":
                after = after.next
            if after is not None and after.tag == "tr" and after.css_first("a[href]") is None:
                when = _date_in(after, None, tz, now, read)
        out.append(when)
    return out


def _date_in(row: Any, anchor: Any, tz: str, now: datetime | None, read: dict[str, datetime | None]) -> datetime | None:
    """The one date `row` shows outside `anchor`, or None (none, or more than one)."""
    text = row.text(deep=True, separator=" ") or ""
    if not _DIGITS.search(text):  # (most rows of an undated list: one scan, nothing more)
        return _relative(row, anchor, text, tz, now) if now is not None and _AGO.search(text) else None
    own = (anchor.text(deep=True, separator=" ") or "") if anchor is not None and anchor is not row else ""
    if own and own in text:
        text = text.replace(own, " ", 1)
    found = _DATED.findall(text[:2000])
    if len(found) == 1:
        y, mo, d, h, mi = found[0]
        written = f"{y}-{int(mo):02d}-{int(d):02d}" + (f" {int(h):02d}:{mi}" if h else "")
        if written not in read:
            read[written] = dates.parse(written, tz)
        return read[written]
    if found or now is None or not _YEARLESS.search(text):
        return None
    for node in row.css("span, em, i, font, td, dd, small, time, b"):  # a yearless date as a node of its own
        whole = _YEARLESS.fullmatch((node.text(deep=True) or "").strip())
        if whole:
            return dates.parse(f"{int(whole.group(1)):02d}-{int(whole.group(2)):02d}", tz, None, now)
    return None


def _relative(row: Any, anchor: Any, text: str, tz: str, now: datetime) -> datetime | None:
    """A date the row shows relative to now (`3小时前`, `昨天 14:20`, `刚刚`: a busy outlet's
    list), counted back from `now` (the list page's fetch), as the row's text outside its link
    or as a node's whole text; never the headline's own words."""
    own = (anchor.text(deep=True, separator=" ") or "") if anchor is not None and anchor is not row else ""
    rest = text.replace(own, " ", 1) if own and own in text else text
    when = reltime.whole(rest, now, tz)
    if when is not None or len(rest) < 30:
        return when
    for node in row.css("span, em, i, font, td, dd, small, time, b, div, p"):
        if anchor is not None and node.mem_id == anchor.mem_id:
            continue
        when = reltime.whole(node.text(deep=True) or "", now, tz)
        if when is not None:
            return when
    return None
