"""Times as users write them: `7d`, `12h`, `30m`, `2w`, `6mo`, `1y` or `3天`, `12小时`, `6个月`, `1年`
(that long ago; months and years are calendar ones), a day, a month or a year: `YYYY-MM-DD`,
`YYYY-MM`, `YYYY` (also with `/` or `.`, or `2026年11月`), in Asia/Shanghai, a named one: `today`,
`yesterday`, `this week` … or `今天`, `昨天`, `前天`, `本周`, `上周`, `本月`, `上月`, `今年`, `去年`,
or a minute or a second of a day (`2026-11-20 11:00`, or as an export prints a date:
`2026-11-20T11:00:00+08:00`), or a period as said in Chinese (`近一周`, `最近7天`, `三天内`, `半年`,
`一个月以来`; `12月1日` or `11月份`: the latest such day or month). A period runs from its start to its end: `--until` takes all of
it. A number alone is refused: `--since 2025` was 2,025 seconds ago.

In: option or query-string text. Out: aware UTC datetimes. InputError names the value. Pure.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from .errors import InputError
from .reltime import DAYS_BACK

SHANGHAI = ZoneInfo("Asia/Shanghai")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800,
          "秒": 1, "分钟": 60, "分": 60, "小时": 3600, "天": 86400, "日": 86400, "周": 604800, "星期": 604800}
# as config durations, plus weeks and Chinese units; a unit always
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhdw]|秒|分钟|分|小时|天|日|周|星期)$")
# months and years back on the calendar: whole numbers, a year of at most three digits (2026年 is a year)
_CALENDAR = re.compile(r"^(\d{1,3})\s*(mo|months?|个月|y|years?|年)$", re.IGNORECASE)
_PERIOD = re.compile(r"^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?$|^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$")
_MOMENT = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?"
                     r"\s*(Z|[+-]\d{2}:?\d{2})?$", re.IGNORECASE)
_HINT = "use e.g. 7d, 3天, 6个月, 昨天, 本月, 2026-11-01, 2026-11, 2026 or 2026-11-01 10:30"
# Where the calendar of `datetime` ends: `--since 0001-01-01` (a day before it in UTC) or
# `--since 999999999d` mean "from the start", `--until 9999-12-31` (its next day) "to the end".
EARLIEST = datetime.min.replace(tzinfo=timezone.utc)
LATEST = datetime.max.replace(tzinfo=timezone.utc)


def _ago(value: str, now: datetime | None = None) -> datetime | None:
    now = now or datetime.now(timezone.utc)
    if (c := _CALENDAR.match(value.strip())) is not None:
        months = int(c.group(1)) * (1 if c.group(2).lower().startswith(("mo", "个")) else 12)
        return _months_back(now.astimezone(SHANGHAI), months).astimezone(timezone.utc)
    m = _DURATION.match(value.strip())  # stripped: the pattern stays linear
    if m is None:
        return None
    try:
        return now - timedelta(seconds=float(m.group(1)) * _UNITS[m.group(2)])
    except OverflowError:  # longer ago than the calendar reaches
        return EARLIEST


def _months_back(when: datetime, months: int) -> datetime:
    """The same time of day `months` calendar months earlier; past a shorter month's end, its last day."""
    index = when.year * 12 + when.month - 1 - months
    year, month = divmod(index, 12)
    days = ((datetime(year + (month == 11), (month + 1) % 12 + 1, 1) - datetime(year, month + 1, 1)).days)
    return when.replace(year=year, month=month + 1, day=min(when.day, days))


def _named(value: str, now: datetime | None) -> tuple[datetime, datetime] | None:
    """A named day, week (Monday first), month or year in Asia/Shanghai: its start and the next's."""
    key = " ".join(value.lower().split())
    if key not in _NAMES:
        return None
    unit, back = _NAMES[key]
    day = (now or datetime.now(timezone.utc)).astimezone(SHANGHAI).replace(hour=0, minute=0, second=0, microsecond=0)
    if unit == "day":
        start = day - timedelta(days=back)
        return start, start + timedelta(days=1)
    if unit == "week":
        start = day - timedelta(days=day.weekday() + 7 * back)
        return start, start + timedelta(days=7)
    first = day.replace(day=1) if unit == "month" else day.replace(month=1, day=1)
    months = 1 if unit == "month" else 12
    start = _months_back(first, months * back)
    return start, _months_back(start, -months)


_NAMES = {**{name: ("day", back) for name, back in DAYS_BACK.items()},
          "this week": ("week", 0), "本周": ("week", 0), "这周": ("week", 0),
          "last week": ("week", 1), "上周": ("week", 1),
          "this month": ("month", 0), "本月": ("month", 0), "这个月": ("month", 0),
          "last month": ("month", 1), "上月": ("month", 1), "上个月": ("month", 1),
          "this year": ("year", 0), "今年": ("year", 0), "last year": ("year", 1), "去年": ("year", 1)}


def _period(value: str, now: datetime | None = None) -> tuple[datetime, datetime | None] | None:
    """The start of the day, month or year written or named, and the start of the next (None:
    past the calendar's end); None when the value is none of them."""
    if (named := _named(value, now)) is not None:
        return named
    m = _PERIOD.match(value)
    if m is None:
        return _moment(value)
    year, month, day = (m.group(1), m.group(3), m.group(4)) if m.group(1) else (m.group(5), m.group(6), m.group(7))
    if not month and not 1900 <= int(year) < 2200:  # four digits alone: `3600` is no year anyone means
        return None
    try:
        start = datetime(int(year), int(month or 1), int(day or 1), tzinfo=SHANGHAI)
    except ValueError:  # year 0, month 13, 31 February
        return None
    try:
        end = (start + timedelta(days=1) if day else
               start.replace(year=start.year + 1) if not month else
               start.replace(month=start.month + 1) if start.month < 12 else start.replace(year=start.year + 1, month=1))
    except (ValueError, OverflowError):  # 9999's next: to the end
        end = None
    return start, end


def _moment(value: str) -> tuple[datetime, datetime | None] | None:
    """A minute or a second of a day (Asia/Shanghai unless an offset is written; a fraction of
    a second is of that second): its start and the next one's (None: past the calendar's end)."""
    m = _MOMENT.match(value)
    if m is None:
        return None
    year, _, month, day, hour, minute, second, zone = m.groups()
    try:
        tz = SHANGHAI if zone is None else timezone.utc if zone.upper() == "Z" else _offset(zone)
        start = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0), tzinfo=tz)
    except ValueError:  # 24:00, 31 February, +24:00
        return None
    try:
        return start, start + timedelta(seconds=1 if second else 60)
    except OverflowError:  # the calendar's last minute: to the end
        return start, None


def _offset(zone: str) -> timezone:
    digits = zone[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:])
    return timezone(timedelta(minutes=-minutes if zone[0] == "-" else minutes))


# as a colleague types a period in Chinese: 近一周, 最近7天, 三天内, 过去24小时, 半年, 一个月以来
_SPOKEN = re.compile(r"^(最近|近|过去|这)?\s*(\d+|[一二两三四五六七八九十]+|半)\s*(?:(个)\s*)?"
                     r"(秒钟?|分钟|小时|钟头|天|日|周|星期|礼拜|月|年)\s*(以内|之内|内|以来|来)?$")
_SPOKEN_UNITS = {"秒": "秒", "秒钟": "秒", "分钟": "分钟", "小时": "小时", "钟头": "小时", "天": "天", "日": "天",
                 "周": "周", "星期": "周", "礼拜": "周", "月": "个月", "年": "年"}
_HALF = {"年": "6个月", "月": "15天", "天": "12小时", "日": "12小时", "小时": "30分钟", "钟头": "30分钟"}
_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# 12月1日, 11月份: this year's ('3月' alone stays refused: March, or three months?)
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*月(?:份|\s*(\d{1,2})\s*[日号])\s*(?:以来|来)?$")


def _number(text: str) -> int | None:
    """'7', '七', '十五', '二十', '两' → the number (up to 99); None for other text."""
    if text.isdigit():
        return int(text)
    tens, ten, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or (not ten and not ones and tens == ""):
        return None
    if not ten:
        return _DIGIT.get(tens)
    high, low = _DIGIT.get(tens, 0 if not tens else -1), _DIGIT.get(ones, 0 if not ones else -1)
    return None if high < 0 or low < 0 else (high or 1) * 10 + low


def _spoken(value: str, now: datetime | None) -> str | None:
    """A period as spoken in Chinese, in the form the rest reads ('近一周' → '1周', '三天内' →
    '3天', '半年' → '6个月', '12月1日' → this year's, or last year's when that is still to come),
    or None. A bare number and unit stays as it was written ('2026年' is a year, '3月' March)."""
    if (d := _MONTH_DAY.match(value)) is not None:
        today = (now or datetime.now(timezone.utc)).astimezone(SHANGHAI).date()
        month, day = int(d.group(1)), int(d.group(2) or 1)
        if not 1 <= month <= 12:
            return None
        year = today.year - ((month, day) > (today.month, today.day))
        return f"{year}年{month}月" + (f"{day}日" if d.group(2) else "")
    m = _SPOKEN.match(value)
    if m is None:
        return None
    before, count, piece, unit, within = m.groups()
    if count == "半":
        return _HALF.get(unit)
    n = _number(count)
    if n is None or not (before or within or piece or not count.isdigit()):  # '7天' reads as it is
        return None
    if unit == "年" and len(count) == 4:  # 2026年以来: the year
        return f"{count}年"
    if unit == "月" and not (before or within or piece):  # 三月 is March, not three months
        return None
    return f"{n}{_SPOKEN_UNITS[unit]}"


def parse_since(value: str | None, name: str = "--since", now: datetime | None = None) -> datetime | None:
    """'7d', '12h', '30m' or a day, month or year (its start) → aware UTC datetime."""
    if not value:
        return None
    value = _spoken(value.strip(), now) or value
    period = _period(value.strip(), now)
    when = _ago(value.strip(), now) or (period[0] if period else None)
    if when is None:
        raise InputError(f"{name} {value!r} is neither a duration nor a date", hint=_HINT)
    try:
        return when.astimezone(timezone.utc)
    except OverflowError:  # 0001-01-01 in Shanghai starts before the calendar's first UTC hour
        return EARLIEST


def parse_until(value: str | None, name: str = "--until", now: datetime | None = None) -> datetime | None:
    """'7d' (that long ago) or a day, month or year (all of it included) → aware UTC datetime."""
    if not value:
        return None
    value = _spoken(value.strip(), now) or value
    period = _period(value.strip(), now)
    if period is not None:
        try:
            return period[1].astimezone(timezone.utc) if period[1] is not None else LATEST
        except OverflowError:  # the calendar's last day: to the end
            return LATEST
    when = _ago(value.strip(), now)
    if when is None:
        raise InputError(f"{name} {value!r} is neither a duration nor a date", hint=_HINT)
    return when


def minutes_hint(since: str | None, until: str | None, names: tuple[str, str] = ("--since", "--until")) -> str | None:
    """When a search found nothing: `--since 6m` reads as six minutes (as durations do in the
    config), which someone meaning six months does not expect; say so."""
    for name, value in zip(names, (since, until), strict=True):
        text = (value or "").strip()
        m = _DURATION.match(text)
        if m and m.group(2) == "m":
            return (f"{name} {text} is {m.group(1)} minutes ago; for months write a month "
                    f"(e.g. {name} 2026-06) or days ({name} 180d)")
    return None


def check_order(after: datetime | None, before: datetime | None, since: str | None, until: str | None,
                names: tuple[str, str] = ("--since", "--until")) -> None:
    """InputError when `since` (parsed: `after`) is not before `until` (`before`): swapped, they
    leave no article between them, which would read as "nothing found"."""
    if after and before and after >= before:
        raise InputError(f"{names[0]} {since} is after {names[1]} {until}: no article is between them",
                         hint=f"swap them: {names[0]} is the earlier date, {names[1]} the later (that day included)")
