"""Times written relative to the moment a page was served: `3小时前`, `昨天 10:20`, `2 hours ago`.

In: a text (an article's byline, a list row's date) and the time the page was fetched (aware).
Out: an aware UTC datetime, or None when the text holds no relative time. `found_in` tells
whether a text holds one at all, so a caller without a fetch time can leave the date empty
instead of guessing from another place. Wall-clock times (`昨天 10:20`) are in `zone` (Asia/Shanghai
unless a source says otherwise). `whole` reads a text that is nothing but such a time (a list
row's date cell). Shared by extract (bylines) and sources (list rows); imports no stage. Pure.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from functools import cache
from zoneinfo import ZoneInfo

_UNITS = {"秒": 1, "分钟": 60, "分鐘": 60, "小时": 3600, "小時": 3600, "个小时": 3600, "個小時": 3600,
          "天": 86400, "周": 604800, "週": 604800, "星期": 604800,
          "second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600, "day": 86400, "week": 604800}
# Not `日前` (`3日前往…` is "went on the 3rd") nor a bare `分前`.
_ZH_AGO = re.compile(r"(\d{1,3})\s*(秒|分钟|分鐘|个小时|個小時|小时|小時|天|周|週|星期)\s*[以之]?前")
_EN_AGO = re.compile(r"(?<![\w.])(\d{1,3}|an?|one)\s+(second|sec|minute|min|hour|hr|day|week)s?\s+ago\b", re.I)
DAYS_BACK = {  # the days named by how far back (timespec reads --since 昨天 by it too)
    "今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2, "today": 0, "yesterday": 1}
# A named day only with its time of day: `今天，…` opens many a summary sentence.
_NAMED_DAY = re.compile(
    r"(今天|今日|昨天|昨日|前天|(?<![\w])(?:[Tt]oday|[Yy]esterday)(?!\w))"
    r"\s*(?:at\s+)?(\d{1,2})[:：](\d{2})(?:\s*([AaPp])\.?[Mm]\.?)?"
)
_JUST_NOW = ("刚刚", "剛剛", "just now", "Just now")


def found_in(text: str | None) -> bool:
    """Whether `text` holds a relative time."""
    if not text:
        return False
    return any(word in text for word in _JUST_NOW) or bool(
        _ZH_AGO.search(text) or _EN_AGO.search(text) or _NAMED_DAY.search(text))


def relative_time(text: str | None, fetched: datetime | None, zone: str = "Asia/Shanghai") -> datetime | None:
    """The time a relative byline time in `text` names, counted back from `fetched` (UTC)."""
    if not text or fetched is None:
        return None
    fetched = fetched.astimezone(timezone.utc)
    ago = _ZH_AGO.search(text) or _EN_AGO.search(text)
    if ago:
        count = ago.group(1).lower()
        number = 1 if count in ("a", "an", "one") else int(count)
        return fetched - timedelta(seconds=number * _UNITS[ago.group(2).lower()])
    named = _NAMED_DAY.search(text)
    if named:
        return _on_named_day(named, fetched, zone)
    return fetched if any(word in text for word in _JUST_NOW) else None


def _on_named_day(match: re.Match[str], fetched: datetime, zone: str) -> datetime | None:
    """`昨天 10:20`, `Yesterday at 10:20 PM`: that wall-clock time on the day named."""
    local = fetched.astimezone(_zone(zone)) - timedelta(days=DAYS_BACK[match.group(1).lower()])
    hour, minute = int(match.group(2)), int(match.group(3))
    half = (match.group(4) or "").lower()
    if half:
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return local.replace(hour=hour, minute=minute, second=0, microsecond=0).astimezone(timezone.utc)


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


# A text that is one relative time and nothing more, in brackets or after a label (`发布于 3小时前`, `[昨天 14:20]`)
_WHOLE = re.compile(r"[\[(【（]?\s*(?:(?:发布|更新)(?:时间|于)?\s*[:：]?\s*)?(.{2,24}?)\s*[\])】）]?", re.S)


def whole(text: str, fetched: datetime, zone: str = "Asia/Shanghai") -> datetime | None:
    """The time `text` names when the text is nothing but a relative time (a list row's date
    cell: `3小时前`, `昨天 14:20`, `刚刚`); None for a text that only holds one (a summary's
    `3天前，…`, a headline)."""
    m = _WHOLE.fullmatch(text.strip())
    if not m:
        return None
    inner = m.group(1)
    found = _ZH_AGO.fullmatch(inner) or _EN_AGO.fullmatch(inner) or _NAMED_DAY.fullmatch(inner)
    if found is None and inner not in _JUST_NOW:
        return None
    return relative_time(inner, fetched, zone)
