"""The time and zone written beside an English date: `March 5, 2024 10:42 PM EST`,
`Updated 11:47 PM ET, Tue March 5, 2024`, `Mar 5, 2024, at 9:05 p.m. PDT`.

In: the text and the span of an English date in it, with the date's fields. Out: the aware
instant the byline states, or None when no time with a zone sits next to the date (then the
date stays a day, read as written). Why it matters: bench and digests judge dates in
Shanghai's calendar, and a late evening in New York is the next morning there. Never raises.

Zones read are the ones with one meaning: US abbreviations except Central (`CST` is also China
Standard Time), GMT/UTC/BST and a numeric offset; `ET` and `PT` follow the date's daylight time.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

_NEW_YORK = ZoneInfo("America/New_York")
_LOS_ANGELES = ZoneInfo("America/Los_Angeles")
_ZONES: dict[str, tzinfo] = {
    "EST": timezone(timedelta(hours=-5)), "EDT": timezone(timedelta(hours=-4)), "ET": _NEW_YORK,
    "PST": timezone(timedelta(hours=-8)), "PDT": timezone(timedelta(hours=-7)), "PT": _LOS_ANGELES,
    "MST": timezone(timedelta(hours=-7)), "MDT": timezone(timedelta(hours=-6)),
    "GMT": timezone.utc, "UTC": timezone.utc, "BST": timezone(timedelta(hours=1)),
    "HKT": timezone(timedelta(hours=8)), "SGT": timezone(timedelta(hours=8)), "JST": timezone(timedelta(hours=9)),
}
# No lower-case letter after the zone, but the next block may follow glued (`EDTMaritime`).
_ZONE = r"(EST|EDT|ET|PST|PDT|PT|MST|MDT|GMT|UTC|BST|HKT|SGT|JST)(?-i:(?![a-z]))\s*([+-]\d{1,2}(?::?\d{2})?)?"
_TIME = r"(\d{1,2})[:.](\d{2})\s*([ap])?\.?\s*m?\.?\s*(?:\(?\s*" + _ZONE + r"\)?)?"
# After the date: `March 5, 2024 10:42 PM EST`, `…, 2024, at 9:05 p.m. PDT`, `… 2024 | 22:42 GMT`.
_AFTER = re.compile(r"\s*(?:,|\||at|·|-|–)?\s*(?:at\s+)?" + _TIME, re.I)
# Before it: `11:47 PM ET, Tue March 5, 2024` (the weekday, if any, between the zone and the date).
_BEFORE = re.compile(_TIME + r"\s*[,|·]?\s*(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s*)?$", re.I)


def stated_instant(text: str, start: int, end: int, year: int, month: int, day: int) -> datetime | None:
    """The instant of the English date at `text[start:end]` when a time with a zone sits right
    after it or right before it; None without a zone (or with an impossible time)."""
    after = _AFTER.match(text, end, end + 40)
    before = _BEFORE.search(text, max(0, start - 40), start)
    for found in (after, before):
        if found is None or not (found.group(4) or "").strip():
            continue
        instant = _instant(found, year, month, day)
        if instant is not None:
            return instant
    return None


def _instant(found: re.Match[str], year: int, month: int, day: int) -> datetime | None:
    """The UTC instant of a `_TIME` match on the given day."""
    hour, minute = int(found.group(1)), int(found.group(2))
    half = (found.group(3) or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    zone = _ZONES[found.group(4).upper()]
    offset = found.group(5)
    if offset:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
        zone = timezone(sign * timedelta(hours=min(hours, 14), minutes=min(minutes, 59)))
    try:
        return datetime(year, month, day, hour, minute, tzinfo=zone).astimezone(timezone.utc)
    except ValueError:
        return None
