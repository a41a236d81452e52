"""Times written relative to the moment a page was served: `3小时前`, `昨天 10:20`, `2 hours ago`.

In: a text (an article's byline, a list row's date) and the time the page was fetched (aware).
Out: an aware UTC datetime, or None when the text holds no relative time. `found_in` tells
whether a text holds one at all, so a caller without a fetch time can leave the date empty
instead of guessing from another place. Wall-clock times (`昨天 10:20`) are in `zone` (Asia/Shanghai
unless a source says otherwise). `whole` reads a text that is nothing but such a time (a list
row's date cell), or a time of day alone (`14:32`: today's, or yesterday's if later than the
fetch). Shared by extract (bylines) and sources (list rows); imports no stage. Pure.
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
    if (clock := _CLOCK.fullmatch(inner)) is not None:
        return _clock(clock, fetched, zone)
    found = _ZH_AGO.fullmatch(inner) or _EN_AGO.fullmatch(inner) or _NAMED_DAY.fullmatch(inner)
    if found is None and inner not in _JUST_NOW:
        worded = _ZH_WORDED.fullmatch(inner)
        if worded is None or not _count(worded.group(1)) or (worded.group(3) == "月" and not worded.group(2)):
            return None  # (`一月前`: before January)
        return fetched.astimezone(timezone.utc) - timedelta(seconds=_count(worded.group(1)) * _WORDED_UNITS[
            worded.group(3)])
    return relative_time(inner, fetched, zone)


def clock_only(text: str) -> bool:
    """Whether `text` is a time of day and nothing more (`14:32`, `[08:00]`): what `whole` reads as today's."""
    m = _WHOLE.fullmatch(text.strip())
    return m is not None and _CLOCK.fullmatch(m.group(1)) is not None


# A time of day alone (`14:32`): a busy list's row of today, its older rows dated in full
_CLOCK = re.compile(r"(\d{1,2})[:：](\d{2})(?:[:：]\d{2})?")
CLOCK_GRACE = timedelta(minutes=10)  # a list's clock ahead of ours by this much is still today


def _clock(match: re.Match[str], fetched: datetime, zone: str) -> datetime | None:
    """`14:32` as the latest such time of day not after `fetched` (in `zone`, a few minutes'
    grace): today's, or yesterday's when today's is still to come (`23:50` read at 00:10)."""
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        return None
    local = fetched.astimezone(_zone(zone))
    when = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if when > local + CLOCK_GRACE:
        when = (local - timedelta(days=1)).replace(hour=hour, minute=minute, second=0, microsecond=0)
    return when.astimezone(timezone.utc)


# A list cell's count in words or by the month (`半小时前`, `一小时前`, `两天前`, `3个月前`), read
# only as a cell's whole text (a byline's or a summary's `三天前` is left to the stricter pattern).
_ZH_WORDED = re.compile(r"(半|[一二两兩三四五六七八九十]{1,3}|\d{1,3})\s*(个|個)?\s*"
                        r"(秒钟|秒|分钟|分鐘|小时|小時|钟头|鐘頭|天|日|周|週|星期|礼拜|禮拜|月)\s*[以之]?前")
_WORDED_UNITS = {"秒钟": 1, "秒": 1, "分钟": 60, "分鐘": 60, "小时": 3600, "小時": 3600, "钟头": 3600, "鐘頭": 3600,
                 "天": 86400, "日": 86400, "周": 604800, "週": 604800, "星期": 604800, "礼拜": 604800,
                 "禮拜": 604800, "月": 30 * 86400}
_DIGIT = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _count(words: str) -> float:
    """`半` 0.5, `两` 2, `十五` 15, `二十三` 23, `12` 12; 0 for what is no count (`十十`)."""
    if words == "半":
        return 0.5
    if words.isdigit():
        return int(words)
    tens, _, ones = words.partition("十")
    if "十" not in words:
        return _DIGIT.get(words, 0) if len(words) == 1 else 0
    if len(tens) > 1 or len(ones) > 1 or (tens and tens not in _DIGIT) or (ones and ones not in _DIGIT):
        return 0
    return (_DIGIT[tens] if tens else 1) * 10 + (_DIGIT[ones] if ones else 0)
