"""Publication dates from the strings Chinese and English news pages write them in.

In: text, attribute values or URLs, plus `now`. Out: timezone-aware UTC datetimes, or None.
Times without a zone are Asia/Shanghai. Never returns a date in the future of `now` (a day of
slack for clock skew) or before 1990, and never raises on any input.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from . import dates_roc
from .dates_zone import stated_instant

SHANGHAI = ZoneInfo("Asia/Shanghai")
_EARLIEST = 1990

_TIME = r"(?:\s*+(?:T|日)?\s*+(\d{1,2})\s*+[:：时時]\s*+(\d{1,2})(?:\s*+[:：分]\s*+(\d{1,2}))?)?"
# 2023年11月08日 10:23 · 2023-11-08 · 2023/11/8 · 2023.11.08 — one pattern, grouped alike. The
# "no digit before" check sits after the literal 19/20 so the regex engine can skip ahead fast;
# possessive `\s*+` keeps long whitespace runs in raw page text from backtracking quadratically.
FULL_DATE = re.compile(
    r"((?:19|20)(?<!\d..)\d{2})\s*+[年\-/.]\s*+(\d{1,2})\s*+[月\-/.]\s*+(\d{1,2})(?!\d)(?:\s*+日)?" + _TIME
)
# 18-03-08 · [18.03.08 10:23] · 12-3-5: older Chinese CMSes print a two-digit year first (with a dash
# also a one-digit month and day). Read only in a byline; a slash is left out (`03/08/18` is an
# American month first). A label's ASCII colon may stand right before it (`更新时间:14-10-20`), a time's may not.
_SHORT_YEAR = re.compile(
    r"(?<![\d\-/.])(?<!\d:)(\d{2})(?:(-)(\d{1,2})-(\d{1,2})|(\.)(\d{2})\.(\d{2}))(?![\d\-/.:])"
    r"(?:\s+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?"
)
SHORT_YEAR_OPENING = _SHORT_YEAR  # for `.match` at a line's start: a byline line of its own
# 12/03/05 · [14/03/13 10:21]: the same two-digit year first with slashes, as Chinese forums and
# CMSes print it; read only in a byline of a Chinese page (an American page writes `03/08/18` month first).
_SHORT_YEAR_SLASH = re.compile(
    r"(?<![\d\-/.])(?<!\d:)(\d{2})/(\d{1,2})/(\d{1,2})(?![\d\-/.:])(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)
# 05年4月27日 14:32: a two-digit year before 年, as older Chinese pages write it in bylines.
SHORT_YEAR_HAN = re.compile(r"(?<!\d)(\d{2})年\s*(\d{1,2})月\s*(\d{1,2})日" + _TIME)
_ISO = re.compile(
    r"((?:19|20)\d{2})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?"
)
# 9/17/2004 5:54:13 AM · 3/8/2018 · 08-03-2018 — month first unless the first number cannot be a
# month (`18/03/2018`) or the page's `order` says it writes the day first (see `order.py`).
US_DATE = _US_DATE = re.compile(
    r"(?<![\d/\-])(\d{1,2})([/-])(\d{1,2})\2((?:19|20)\d{2})(?![\d/\-])"
    r"(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?",
    re.I,
)
# Whether the page writes numeric dates day first (True), month first (False) or unknown (None),
# asked only when an ambiguous date is met (the answer scans the page).
Order = Callable[[], bool | None] | None
MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
# No \b around them: raw page text glues neighbouring blocks (`Business NewsNovember 19, 2019`,
# `Mar 6, 2018Copper`, `Nov 20 20194:29 AM`); the month's capital and the year's digits suffice.
_YEAR_END = r"((?:19|20)\d{2})(?:(?!\d)|(?=\d{1,2}:\d\d))"
_EN_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
# `23 SEP 2016`, `JUNE 4, 2022`: a byline set in capitals, the month's whole name or its short form (`MARCHERS`,
# `JUNO` are none). One group of plain literals: re skips ahead by first character.
_EN_MONTH_NAME = (r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|"
                  r"SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)[a-z]*(?![A-Z])")
_EN_DATE = re.compile(
    _EN_MONTH_NAME + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR_END
)
# Thu Mar 09 14:20:31 CST 2006: a Java Date printed as it is (`toString()`), as JSP CMSes of the 2000s show it.
_JAVA_DATE = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}) "
                        r"(\d{1,2}):(\d{2}):(\d{2}) CST ((?:19|20)\d{2})(?!\d)")
# 5 July 2005 · 5th Jul. 2005 · 08-Mar-2018: the day first, as British and many Asian English pages write it.
_EN_DAY_FIRST = re.compile(
    r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?:\s+|-)" + _EN_MONTH_NAME + r"\.?,?"
    r"(?:\s+|-)" + _YEAR_END
)
# 十一月 6th, 2009 · 6 十一月 2009: an English date pattern with the month's Chinese name, as blog
# engines print their English formats under a Chinese locale.
_HAN_MONTH = r"(?<![〇一二三四五六七八九十])(十[一二]?|[一二三四五六七八九])月"
_HAN_MONTH_DATE = re.compile(
    _HAN_MONTH + r"\s*(\d{1,2})(?:st|nd|rd|th)?,\s*" + _YEAR_END
    + r"|(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+" + _HAN_MONTH + r",?\s+" + _YEAR_END
)
# 18.11.2019: day first with dots, as European and Russian pages write it.
# `15. 11. 2005`: some blog themes put a space after each dot.
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\. ?(\d{1,2})\. ?((?:19|20)\d{2})(?![\d.])")
# Full-width digits and separators (２０１８－０３－０８), as some older pages type them; one for one,
# so positions in a folded text are positions in the original.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９－／．", "0123456789-/.")
# A dash between two digits (an em dash, a full-width hyphen, an en dash): a date's separator, folded one for one.
_DIGIT_DASH = re.compile(r"(?<=\d)[—－–](?=\d)")
# 二〇〇五年七月五日: government documents and older pages write dates in Chinese numerals; some write the
# year in digits and the rest in numerals (`2025年十一月二十日`), or types a zero as a letter O or a full-width digit
# (`二OO五年`, `二００五年`). (One class for the year's four characters: re skips
# ahead by it.)
_HAN_DIGITS = ({c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "Ｏ": 0, "O": 0, "０": 0}
               | {str(i): i for i in range(10)})
HAN_DATE = re.compile(
    r"([〇○零ＯO０一二三四五六七八九0-9]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"
)
# Labels that introduce the publication time (not an update): the date right after one is it.
_PUB_LABEL = re.compile("|".join(  # no re.I and no group in front: re skips ahead by first character
    rf"{label}(?:时间|時間|日期|于|於| on)?\s*[：:]?\s*" for label in (
        "发布", "發佈", "發布", "发表", "發表", "刊发", "出版", "首发", "上传", "发稿", "發稿", "录入", "錄入", "刊登",
        "生成日期",  # a government portal's information table (`生成日期: 2019-01-23`); not `页面生成时间`
        "公开日期", "公開日期",  # …and its day made public (`生成日期：2018-03-26 公开日期：2018-03-27`)
        "Published", "published", "PUBLISHED",
        "Posted", "posted", "POSTED", "First published", "first published", "Publish date", "publish date",
        "Date published", "date published")
))
# Today's date printed by a page clock: `今天是2024年5月20日`, `当前时间：…`.
# A link to the previous or next article, or to the site's latest post (a blog's `最新日志：`, `最近更新：`,
# `新帖：` over the post, with a title of four characters at least: `最近更新：2006-12-12` is the page's own
# update), its title and date up to the date in question.
_PREV_NEXT = re.compile(r"(?:(?:上一篇|下一篇|上一條|下一條|上一条|下一条|上篇|下篇)[：:\s]*[^\d\n]{0,50}"
                        r"|(?:最新|最近|新)(?:日志|日誌|文章|博文|帖子|帖|更新|发表|發表)[：:]\s*[^\d\n]{4,50})$")
_CLOCK_BEFORE = re.compile(r"(?:今天是|今天|今日|当前时间|當前時間|现在是|现在时间|页面生成时间|頁面生成時間|页面生成于|"
                           r"打印时间|打印時間|打印日期|列印時間|列印日期|"  # a print view's time: when it was printed
                           r"[Pp]age generated(?: at| on)?)[：:\s]*$")
# An update label right before a date (`最后更新：`, `本文最后修改于 `, a footer's `更新日期：`, `信息更新至`): when the page or
# the site last changed. The byline region reads it when it holds no other date; the steps after it never.
_UPDATED_BEFORE = re.compile(r"(?:更新|修改|修订|修訂|上线|上線)(?:时间|時間|日期|于|於|至)?\s*+[：:]?\s*+$")
# …or a date with its weekday above the headline: a header clock.
_WEEKDAY_AFTER = re.compile(r"\s*(?:星期|周|礼拜|禮拜)[一二三四五六日天]")
# An e-paper's issue line names its page after the weekday (`2006年04月12日 星期三 第A3版：综合新闻`): the
# issue's day, not a clock's.
_EDITION_AFTER = re.compile(r"\s*(?:星期|周|礼拜|禮拜)[一二三四五六日天]\s*第\s*[A-Za-z]?\d{1,3}\s*版")
_DIGIT = re.compile(r"\d")
CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_URL_DATES = (
    re.compile(r"[/_]t((?:19|20)\d{2})(\d{2})(\d{2})_"),  # government CMS: t20231108_123.html
    re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})/"),  # /2023/11-08/ · /2023/11/08/
    re.compile(r"/((?:19|20)\d{2})-(\d{2})/(\d{2})/"),  # /2005-08/16/
    re.compile(r"/((?:19|20)\d{2})(\d{2})/(\d{2})/"),  # /202311/08/
    re.compile(r"/((?:19|20)\d{2})/(\d{2})(\d{2})/"),  # /2023/1108/
    re.compile(r"/((?:19|20)\d{2})/[A-Za-z][A-Za-z0-9]*_(\d{2})(\d{2})/"),  # PHPCMS: /html/2014/news_0921/9973.html
    re.compile(r"(?<![\d])((?:19|20)\d{2})(\d{2})(\d{2})(?![\d])"),  # /20231108/ · n20231108
)
# A zone written after a date: BBC 中文 writes `2012年12月10日, 格林尼治标准时间10:41` (the zone before
# its time), others `2019-05-06 23:15 GMT` or `… (UTC+8)` after it. Read at the date's end only.
_ZONE_NAMES = r"(?:格林尼治标准时间|格林威治标准时间|格林尼治時間|格林尼治时间|格林威治时间|GMT|UTC)"
_ZONE_OFFSET = r"\s*([+-]\d{1,2}(?::?\d{2})?)?"
_ZONE_THEN_TIME = re.compile(r"[\s,，]{0,3}" + _ZONE_NAMES + _ZONE_OFFSET + r"\s*(\d{1,2})[:：](\d{2})(?!\d)")
_ZONE_AFTER_TIME = re.compile(r"\s{0,2}[(（]?" + _ZONE_NAMES + _ZONE_OFFSET)
_URL_SHORT_DATE = re.compile(r"/(\d{2})(\d{2})(\d{2})/")  # /050427/: a last resort, IDs look alike
# /2016/02/160202_name: a year and month folder, then the day as yymmdd opening the file name (BBC 中文's
# older paths); read only when the six digits repeat the folders' year and month.
_URL_FOLDER_YYMMDD = re.compile(r"/((?:19|20)(\d{2}))/(\d{2})/(\d{2})(\d{2})(\d{2})(?=[_\-.])")
# /25/0515/14/JVJV04SH.html: a portal's two-digit year, month and day, and hour folders (the hour 00-23 tells
# them from an id's digits).
_URL_YY_MMDD_HH = re.compile(r"/(\d{2})/(0[1-9]|1[0-2])([0-3]\d)/([01]\d|2[0-3])/")
_ROC_FORMS = (dates_roc.ROC_BARE, dates_roc.ROC_ERA, dates_roc.ROC_NUMERALS)
# A page clock states the day it is read: a date with its weekday (`2026年12月4日 星期五`, `Friday,
# December 4, 2026`) on that day or the day before (a cached page) is the clock, not the article's.
_WEEKDAY_NEXT = re.compile(r"\s*+[（(]?\s*+(?:星期|周|礼拜|禮拜)[一二三四五六日天]")
_WEEKDAY_PREV = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*$")


def to_utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0,
           tz: timezone | ZoneInfo = SHANGHAI) -> datetime | None:
    """A wall-clock time in `tz` as an aware UTC datetime, or None if the fields are impossible."""
    try:
        local = datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except (ValueError, OverflowError):
        return None
    return local.astimezone(timezone.utc)


def plausible(value: datetime | None, now: datetime) -> datetime | None:
    """`value` if it lies between 1990 and a day after `now`, else None."""
    if value is None or value.year < _EARLIEST or value > now + timedelta(days=1):
        return None
    return value


def parse_date(text: str | None, now: datetime, order: Order = None) -> datetime | None:
    """The first plausible date written in `text` (ISO, Chinese or English forms); an ambiguous
    numeric one (`7/5/2019`) in the page's `order`."""
    if not text:
        return None
    text = fold_digits(text[:20_000])
    iso = _ISO.search(text)
    if iso:
        found = plausible(_from_iso(iso), now)
        if found:
            return found
    for match in FULL_DATE.finditer(text):
        found = plausible(from_full_match(match), now)
        if found:
            return found
    han = HAN_DATE.search(text) if "年" in text else None
    if han:
        found = plausible(_from_han(han), now)
        if found:
            return found
    found = roc_date(text, now) if "年" in text else None
    if found:
        return found
    us = _US_DATE.search(text)
    if us:
        found = plausible(_from_us(us, order), now)
        if found:
            return found
    dotted = _DOTTED.search(text)
    found = _english_date(text, now) or (plausible(_from_dotted(dotted), now) if dotted else None)
    if found is None and "月" in text:
        found = _han_month_date(text, now)
    return found or (short_year_date(text, now) if han is None and "年" in text else None)


def roc_date(text: str, now: datetime) -> datetime | None:
    """The first plausible Republic of China calendar date in `text` written with 年 (`114年01月13日`,
    `民國113年5月18日 14:30`, `中華民國一百十二年十二月二十一日`); see `dates_roc`."""
    for pattern in _ROC_FORMS:
        for match in pattern.finditer(text):
            found = plausible(_from_roc(match), now)
            if found:
                return found
    return None


def _from_roc(match: re.Match[str]) -> datetime | None:
    """Turn a match of one of `_ROC_FORMS` into UTC (Taiwan's offset is Shanghai's)."""
    fields = dates_roc.numeral_fields if match.re is dates_roc.ROC_NUMERALS else dates_roc.han_fields
    return to_utc(*fields(match))


def roc_numeric_date(text: str | None, now: datetime) -> datetime | None:
    """A numeric ROC date (`113-05-18`, `113/05/18 14:30`), for a byline region or after a label."""
    match = dates_roc.ROC_NUMERIC.search(text) if text else None
    return plausible(to_utc(*dates_roc.numeric_fields(match)), now) if match else None


def fold_digits(text: str) -> str:
    """`text` with full-width digits made ASCII (same length), and a dash between digits a hyphen (`2014—10—20`,
    `2014－10－20`, `2014–10–20`, as older pages type a date); itself when it has neither (a year holds １ or ２,
    and `in` is a fast scan)."""
    if "２" in text or "１" in text:
        text = text.translate(_FULL_WIDTH)
    if "—" in text or "－" in text or "–" in text:
        text = _DIGIT_DASH.sub("-", text)
    return text


def parse_value(value: str | None, now: datetime, order: Order = None) -> datetime | None:
    """A date stated in a meta tag or attribute: also a bare stamp of digits (20180308,
    20180308102311, Unix seconds or milliseconds)."""
    value = (value or "").strip()
    if not value.isdigit():
        return parse_date(value, now, order)
    if len(value) in (10, 13):  # Unix time: seconds, milliseconds
        try:
            stamp = datetime.fromtimestamp(int(value[:10]), timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
        return plausible(stamp, now)
    if len(value) in (8, 12, 14):
        padded = value.ljust(14, "0")  # no time: midnight
        month, day, hour, minute, second = (int(padded[i : i + 2]) for i in range(4, 14, 2))
        return plausible(to_utc(int(padded[:4]), month, day, hour, minute, second), now)
    return None


def short_year_date(text: str | None, now: datetime) -> datetime | None:
    """A `18-03-08` / `18.03.08` / `05年4月27日` date (two-digit year first) in a byline, in the
    century that keeps it out of the future."""
    match = _SHORT_YEAR.search(text) if text else None
    han = SHORT_YEAR_HAN.search(text) if text and "年" in text else None
    if han and (not match or han.start() < match.start()):
        groups = [han.group(i) for i in range(1, 7)]
    elif match:
        dotted = match.group(5) is not None
        groups = [match.group(1), *match.group(*((6, 7) if dotted else (3, 4))), *match.group(8, 9, 10)]
    else:
        return None
    return _short_fields(groups, now)


def slash_short_year_date(text: str | None, now: datetime) -> datetime | None:
    """A `12/03/05` date (two-digit year, month, day) in the byline of a Chinese page."""
    match = _SHORT_YEAR_SLASH.search(text) if text and "/" in text else None
    return _short_fields(list(match.groups()), now) if match else None


def _short_fields(groups: list[str | None], now: datetime) -> datetime | None:
    """Two-digit year, month, day and an optional time, in the century that keeps them out of the future."""
    year, month, day = (int(g or 0) for g in groups[:3])
    year += 2000 if 2000 + year <= now.year else 1900
    hour, minute, second = (int(g or 0) for g in groups[3:])
    if hour > 23 or minute > 59 or second > 59:
        hour = minute = second = 0
    return plausible(to_utc(year, month, day, hour, minute, second), now)


def _english_date(text: str, now: datetime) -> datetime | None:
    """The earlier of `November 8, 2023` and `8 November 2023` in `text`, if plausible; before them a
    Java server's `Thu Mar 09 14:20:31 CST 2006` (China Standard Time: Shanghai's clock)."""
    java = _JAVA_DATE.search(text) if "CST" in text else None
    if java:
        day, hour, minute, second = (int(g) for g in java.group(2, 3, 4, 5))
        found = plausible(to_utc(int(java.group(6)), MONTHS[java.group(1).lower()], day, hour, minute, second), now)
        if found:
            return found
    month_first, day_first = _EN_DATE.search(text), _EN_DAY_FIRST.search(text)
    if day_first and (not month_first or day_first.start() < month_first.start()):
        return plausible(_from_english(day_first), now)
    return plausible(_from_english(month_first), now) if month_first else None


def _han_month_date(text: str, now: datetime) -> datetime | None:
    """A `十一月 6th, 2009` / `6 十一月 2009` date in `text` (Shanghai midnight of that day), if plausible."""
    match = _HAN_MONTH_DATE.search(text)
    if match is None:
        return None
    month, day, year = match.group(1, 2, 3) if match.group(1) else (match.group(5), match.group(4), match.group(6))
    return plausible(to_utc(int(year), han_number(month), int(day)), now)


def _from_dotted(match: re.Match[str]) -> datetime | None:
    """Turn a day-first `18.11.2019` match into UTC (Shanghai midnight of that day); month first
    when the second number cannot be a month (`11.14.2019`, as some American pages write)."""
    day, month, year = (int(g) for g in match.groups())
    if month > 12 >= day:
        day, month = month, day
    return to_utc(year, month, day)


def _from_english(match: re.Match[str]) -> datetime | None:
    """Turn an `_EN_DATE` or `_EN_DAY_FIRST` match into UTC: the instant a time and zone beside it
    state (`March 5, 2024 10:42 PM EST`), else Shanghai midnight of that day."""
    first, second, year = match.groups()
    day, month_name = (first, second) if first.isdigit() else (second, first)
    fields = (int(year), MONTHS.get(month_name[:3].lower(), 0), int(day))
    day_start = to_utc(*fields)
    if day_start is None:
        return None
    return stated_instant(match.string, match.start(), match.end(), *fields) or day_start


# 2024-10-1810编辑: a byline whose date ran into the next field's digits (a view count printed in the
# next <span> with no space between): zero-padded month and day, one to six digits, then no digit.
_GLUED = re.compile(r"(?<![\d\-/.])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?=\d{1,6}[^\d\-/.:])")


# 2017-03-1310:21: a byline's date and time in tags with nothing between (`<em>2017-03-13</em><br><em>10:21</em>`):
# a zero-padded day, then an hour and its minutes.
_GLUED_TIME = re.compile(r"(?<![\d\-/.])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([01]\d|2[0-3]):([0-5]\d)(?!\d)")


def glued_date(text: str | None, now: datetime) -> datetime | None:
    """The date of a byline region whose date runs into its time (`2017-03-1310:21`) or a count after
    it (`2024-10-1810编辑:…`), read only when no other date form matched there."""
    pair = _GLUED_PAIR.search(text) if text and "-" in text else None
    if pair is not None:
        return glued_pair_date(text, now)
    timed = _GLUED_TIME.search(text) if text and ":" in text else None
    if timed is not None:
        year, month, day, hour, minute = (int(g) for g in timed.groups())
        return plausible(to_utc(year, month, day, hour, minute), now)
    match = _GLUED.search(text) if text and "-" in text else None
    if match is None and text and "/" in text:
        counted = _GLUED_COUNTER.search(text) or _GLUED_FIRST.search(text)  # `2013-05-271/11`, `2016.01.201/5`,
        if counted is None:  # `2016-1-141/9`, `16-01-141/9`: a picture counter after the date
            return None
        year = int(counted.group("y"))
        year += 0 if year >= 100 else 2000 if 2000 + year <= now.year else 1900
        return plausible(to_utc(year, int(counted.group("m")), int(counted.group("d"))), now)
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups())
    return plausible(to_utc(year, month, day), now)


# 2021-09-132021-09-10 来源：…: two date cells of one table row run together, a side column's listed link's and the
# article's (`<td>·<a>…</a></td><td>2021-09-13</td><td>2021-09-10　来源：…</td>`).
_GLUED_PAIR = re.compile(r"(?<![\d\-/.])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
                         r"((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d\-/.])")
# A link's title right before a date: four CJK characters or more, no field's colon.
_TITLE_BEFORE = re.compile(r"[\u3400-\u9fff]{4}[^：:\d]{0,30}$")


def glued_pair_date(text: str | None, now: datetime) -> datetime | None:
    """The article's date of two glued ones (`_GLUED_PAIR`): the first after a label (`发布时间：`), else the second
    when a byline field follows it or a listed link's title stands before the first, else neither."""
    pair = _GLUED_PAIR.search(text) if text and "-" in text else None
    if text is None or pair is None:
        return None
    first, second = pair.group(1, 2, 3), pair.group(4, 5, 6)
    if _FIELD_BEFORE.search(text, max(0, pair.start() - 8), pair.start()):
        chosen = first
    elif (BYLINE_FIELD.match(text[pair.end() : pair.end() + 12].lstrip(" \u3000\xa0|｜"))
          or _TITLE_BEFORE.search(text, max(0, pair.start() - 34), pair.start())):
        chosen = second
    else:
        return None
    year, month, day = (int(g) for g in chosen)
    return plausible(to_utc(year, month, day), now)


# 2016.01.201/5: a gallery's date line run into its first picture's counter (`1/5`), the blocks' texts together.
_GLUED_COUNTER = re.compile(r"(?<![\d\-/.])(?P<y>(?:19|20)\d\d)(?P<s>[-.])(?P<m>0[1-9]|1[0-2])(?P=s)(?P<d>0[1-9]|[12]\d|3[01])"
                            r"(?=\d{1,3}/\d{1,3}(?![\d/]))")
# …its month or day unpadded or its year in two digits (`2016-1-141/9`, `16-01-141/9`): only before the first picture's `1/N`.
_GLUED_FIRST = re.compile(r"(?<![\d\-/.])(?P<y>(?:19|20)?\d\d)(?P<s>[-.])(?P<m>0?[1-9]|1[0-2])(?P=s)(?P<d>0?[1-9]|[12]\d|3[01])"
                          r"(?=1/\d{1,3}(?![\d/]))")


# 2021 01/26 08:52: a byline writing its year apart from a zero-padded month and day after it (`2021 01/26 08:52 ·
# 来源 · …`), read only with its time and only when no other date form matched in the byline region.
YEAR_APART = re.compile(r"(?<![\d\-/.:])((?:19|20)\d\d) (0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01]) ([01]?\d|2[0-3]):([0-5]\d)(?![\d/])")


# 11/12 2010年 16:39: a date block printing the month and day large and the year (with 年) and time under them
# (the blocks' texts may run together: `11/122010年 16:39`); read only with its time, as YEAR_APART.
MONTH_DAY_APART = re.compile(r"(?<![\d\-/.:])(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])\s{0,3}((?:19|20)\d\d)年\s{0,3}"
                             r"([01]?\d|2[0-3]):([0-5]\d)(?![\d/])")


def year_apart_date(text: str | None, now: datetime) -> datetime | None:
    """The date and time of a byline written `2021 01/26 08:52` or `11/12 2010年 16:39` (the year apart from
    the month and day)."""
    if not text or "/" not in text:
        return None
    match = YEAR_APART.search(text)
    if match is not None:
        year, month, day, hour, minute = (int(g) for g in match.groups())
    else:
        match = MONTH_DAY_APART.search(text) if "年" in text else None
        if match is None:
            return None
        month, day, year, hour, minute = (int(g) for g in match.groups())
    return plausible(to_utc(year, month, day, hour, minute), now)


# 31 / 2020-12: a modern school CMS's date block, the day large and the year and month under it (the blocks'
# texts may run together: `312020-12`); the day right before the year, nothing but spaces between.
DAY_APART = re.compile(r"(?<![\d\-/.:])(0?[1-9]|[12]\d|3[01])\s{0,3}((?:19|20)\d\d)-(0?[1-9]|1[0-2])(?![\d\-/.:])")


def day_apart_date(text: str | None, now: datetime, end: int = 10**9) -> datetime | None:
    """The date of a day printed apart from its year and month (`31 2020-12`), starting before `end`."""
    match = DAY_APART.search(text, 0, end + 12) if text and "-" in text else None
    if match is None or match.start() > end:
        return None
    day, year, month = (int(g) for g in match.groups())
    return plausible(to_utc(year, month, day), now)  # (`31 2020-11`: no such day, None)


# A number, a separator and a Chinese character: a numbered name (`1-鲁利`), never a date's start.
_NUMBERED = re.compile(r"\d{1,4}\s?[-/.:]\s?[\u3400-\u9fff]")


def labelled_date(text: str | None, now: datetime, order: Order = None) -> datetime | None:
    """The date written right after a publication label (`发布时间：`, `Published`) in `text`: it
    starts within a few characters of the label, none of them Chinese (`最新发布` heading a list
    of dated links is no label)."""
    for label in _PUB_LABEL.finditer(text or ""):
        after = text[label.end() : label.end() + 40] if text else ""
        digit = _DIGIT.search(after)
        if digit is None or digit.start() > 24 or CJK_CHAR.search(after, 0, digit.start()):
            if not HAN_DATE.match(after):
                continue
        elif _NUMBERED.match(after, digit.start()):
            continue  # `首发:1-鲁利、5-巴列尔...`: a team's numbered line-up, not a date (a later one may follow)
        roc = _roc_two_digit(label.group(), after, digit, now)
        if roc:
            return roc
        right = FULL_DATE.match(after, digit.start()) if digit else None
        # The date right after the label, not a later timed one in the same 40 characters (`发布日期:
        # 2016-04-01 最后更新：2016-04-03 16:20`: parse_date prefers an ISO-like datetime anywhere).
        found = ((plausible(from_full_match(right), now) if right else None)
                 or (_compact(after, digit.start(), now) if digit and not right else None)
                 or parse_date(after, now, order) or _short_labelled(after, digit, now, CJK_CHAR.match(label.group()) is not None)
                 or (roc_numeric_date(after[digit.start() :], now) if digit else None)
                 or (_glued_labelled(after, digit.start(), now) if digit and not right else None))
        if found:
            if text and label.group().startswith("生成"):
                # `生成日期：2018-03-26 公开日期：2018-03-27`: the record was made one day, posted (made public) the next
                posted = _POSTED_LABEL.search(text, label.end(), label.end() + _RECORD_SPAN)
                return (labelled_date(text[posted.start() : posted.start() + 60], now, order) if posted else None) or found
            return found
    return None


# A government information table's posting labels, read over its `生成日期` (when the record was made) within a
# record's span.
_POSTED_LABEL = re.compile(r"(?:公开|公開|发布|發布|發佈)(?:日期|时间|時間)")
_RECORD_SPAN = 160


# 发稿时间：2019-03-051/6: a labelled date run into the next block's digits (a picture counter `1/6`, a count), the
# blocks' texts run together: zero-padded month and day.
_GLUED_LABELLED = re.compile(r"((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?=\d{1,3}/\d{1,3}(?![\d/])|\d{1,6}[^\d\-/.:])")


def _glued_labelled(after: str, at: int, now: datetime) -> datetime | None:
    """The date right after a label when the next block's digits run into its day."""
    match = _GLUED_LABELLED.match(after, at)
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups())
    return plausible(to_utc(year, month, day), now)


# 發布日期：96-05-30 · 發佈時間：96年5月30日: a two-digit year after a label in traditional script is Taiwan's
# calendar (民國96年 is 2007), which its older government and school CMSes print so; read so when that year is 1990
# or later (`發布日期：09-03-19` stays 2009). The label's characters tell the script (发布日期 keeps the century's).
_TRADITIONAL_LABEL = re.compile("[發佈時間錄]")
_ROC_TWO_DIGIT = re.compile(r"(\d{2})(?:([-/.])(\d{1,2})\2(\d{1,2})|\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)(?![\d\-/.])")


def _roc_two_digit(label: str, after: str, digit: re.Match[str] | None, now: datetime) -> datetime | None:
    """The date right after a traditional-script label when its two-digit year is a ROC year of 1990 on."""
    match = _ROC_TWO_DIGIT.match(after, digit.start()) if digit and _TRADITIONAL_LABEL.search(label) else None
    if match is None or int(match.group(1)) + dates_roc.ERA_OFFSET < _EARLIEST:
        return None
    month, day = match.group(3, 4) if match.group(2) else match.group(5, 6)
    return plausible(to_utc(int(match.group(1)) + dates_roc.ERA_OFFSET, int(month), int(day)), now)


# A byline line that opens with its date: `2015-02-13`, `2015年2月13日`, `13.02.2015`, and its time.
_DATE_OPENING = re.compile(  # also Taiwan's `114年01月13日` / `113-05-18` (see `dates_roc`); `5 Mar 2015`, `March 5, 2015`
    r"\W{0,2}(?:(?:19|20|1[0-4])\d{1,2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+" + _EN_MONTH + r"[a-z]*\.?,?\s+(?:19|20)\d{2}(?!\d)|"
    r"" + _EN_MONTH + r"[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}(?!\d))"
)
_TIME_AFTER = re.compile(r"\s*\d{1,2}:\d{2}")
_YEARLESS_OPENING = re.compile(r"\W{0,2}(?:0?[1-9]|1[0-2])(?:-|月)(?:0?[1-9]|[12]\d|3[01])日?\s*(?:[01]?\d|2[0-3])[:：][0-5]\d(?![\d\-/:])")
# A character lost in decoding (`?`, U+FFFD) right before the next block's text: two blocks run together.
_LOST = re.compile(r"[?\ufffd](?=\S)")
_SENTENCE_MARKS = ("。", "，", ",", "！", "？", "；")
# Byline words that may follow an untimed date in its line (`2020-08-14 浏览次数 29`).
_BYLINE_WORDS = re.compile("来源|來源|作者|浏览|瀏覽|点击|點擊|阅读|閱讀|编辑|編輯|记者|記者|字号|字體|字体|星期")


def _date_alone(line: str, opening: re.Match[str]) -> bool:
    """Whether an untimed date opening `line` stands alone: little after it, or only byline words."""
    rest = line[opening.end() :].strip()
    return len(line) <= 40 and (len(rest) <= 6 or _BYLINE_WORDS.search(rest) is not None)


def dated_header_line(line: str) -> bool:
    """Whether `line` reads as a byline's date line above an article: a publication label and its
    date (`发布时间:2014-09-30 来源:…`), or a date with its time or alone opening it (`13.02.2015
    11:12`, `2020-08-14 浏览次数 29`), with no sentence punctuation."""
    if len(line) > 80 or any(mark in line for mark in _SENTENCE_MARKS):
        return False
    label = _PUB_LABEL.match(line)
    if label:
        return _DIGIT.match(line, label.end()) is not None or _EN_DATE.match(line, label.end()) is not None
    opening = _DATE_OPENING.match(line)
    if opening is None:
        # `05-20 10:20 作者：…`: a byline's time without its year (the URL's or the page's year dates it).
        yearless = _YEARLESS_OPENING.match(line)
        return yearless is not None and _date_alone(line, yearless)
    return _TIME_AFTER.match(line, opening.end()) is not None or _date_alone(line, opening)


def opening_date(text: str | None, now: datetime, order: Order = None) -> datetime | None:
    """The date of a byline line that the body kept as its first line: a publication label opening
    it (`发表日期:2011-02-12 点击`), or a date opening it with its time (`13.02.2015  11:12`) or
    alone (`2020-08-14 浏览次数 29`); `2019年4月2日，…` and an untimed date before more text open a
    sentence."""
    head = (text or "")[:80].lstrip()
    if _PUB_LABEL.match(head):
        return labelled_date(head, now, order)
    line = head.split("\n", 1)[0]
    opening = _DATE_OPENING.match(line)
    if opening is None:
        return None
    if "年" not in opening.group():
        # a bar run into the text's first words by a lost character (`2020-09-29 09:47?近日，…`): the line ends there
        lost = _LOST.search(line, opening.end())
        line = line[: lost.start()] if lost else line
    timed = _TIME_AFTER.match(line, opening.end())
    if timed:
        line = line[: timed.end()]
    elif not _date_alone(line, opening) or any(mark in line for mark in _SENTENCE_MARKS):
        return None
    return parse_date(line, now, order) or roc_numeric_date(line, now)


# A date in eight digits right after a publication label (`发布日期：20190804`, as some government CMSes
# print it); a longer run of digits is an id.
_COMPACT = re.compile(r"((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")


def _compact(after: str, at: int, now: datetime) -> datetime | None:
    """The eight-digit date starting at `at` in the text after a label, if one does."""
    match = _COMPACT.match(after, at)
    return plausible(to_utc(int(match.group(1)), int(match.group(2)), int(match.group(3))), now) if match else None


def _short_labelled(after: str, digit: re.Match[str] | None, now: datetime, chinese: bool = False) -> datetime | None:
    """A two-digit-year date right after a label (`发布时间:19-04-02`): the colon before it keeps
    `_SHORT_YEAR` from matching in running text, where `10:19-04-02` is no date. After a Chinese label also with
    slashes (`发布时间：14/5/12`); an English one's `Published 12/05/18` is month first."""
    if digit is None:
        return None
    if _SHORT_YEAR.match(after, digit.start()):
        return short_year_date(" " + after[digit.start() :], now)
    slashed = _SHORT_YEAR_SLASH.match(after, digit.start()) if chinese else None
    return _short_fields(list(slashed.groups()), now) if slashed else None


# A date farther than this from the headline is not the article's (and scanning a page of a
# million dates for one would take seconds).
FARTHEST = 100_000


def nearest_date(text: str, at: int, now: datetime, within: int = 10**9, header: int = 0,
                 western: bool = False, lists: bool = False, hours: bool = False) -> datetime | None:
    """The plausible FULL_DATE (with `western`, also `March 6, 2018`, `6 March 2018`, `6.3.2018`) closest to
    position `at` (one after it counts double distance) and not farther than `within`, skipping
    a dated list's items (unless `lists`) and today's date printed by a page clock (`今天是…`, or a
    date with its weekday before position `header`, where the headline starts). With `hours`, also an
    event's day and hour (`_event_hour`: no posting date, but a fair year for a yearless dateline)."""
    best: tuple[datetime | None, int] = (None, min(within, FARTHEST))
    best = _closest(FULL_DATE, from_full_match, text, at, now, header, best, lists, hours)
    for pattern in _ROC_FORMS:  # `114年01月13日` (Taiwan) above a headline or in a byline
        best = _closest(pattern, _from_roc, text, at, now, header, best, lists, hours)
    if western:  # pages without meta: an English date above the headline or in the byline
        for pattern, convert in ((_EN_DATE, _from_english), (_EN_DAY_FIRST, _from_english), (_DOTTED, _from_dotted)):
            best = _closest(pattern, convert, text, at, now, header, best, lists, hours)
    return best[0]


def _closest(pattern: re.Pattern[str], convert: Callable[[re.Match[str]], datetime | None], text: str,
             at: int, now: datetime, header: int, best: tuple[datetime | None, int],
             lists: bool, hours: bool = False) -> tuple[datetime | None, int]:
    """`best` (a date and its distance from `at`), or a plausible `pattern` match closer to `at`."""
    for match in pattern.finditer(text, max(0, at - best[1])):  # one farther before `at` cannot win
        distance = at - match.start() if match.start() <= at else 2 * (match.start() - at)
        if distance >= best[1]:
            if match.start() > at:
                break  # later matches are farther still
            continue
        found = plausible(convert(match), now)
        if (found and not _clock(text, match, header) and not today_clock(text, match, found, now)
                and (lists or not (_listed(text, match) or _timed_list(text, match) or _headed(text, match)))
                and not _in_sentence(text, match) and (hours or not _event_hour(text, match))
                and not _adopted(text, match) and not _in_period(text, match)
                and not _deadline(text, match)
                and not reply_floor(text, match.start()) and not _teased(text, match.start())
                and not since_start(text, match.start(), match.end())
                and (lists or not _updated(text, match.start()))):
            best = (found, distance)
    return best


# A period written with two dates (`评选时间：2019年2月22日-2019年3月10日`, `2019-02-22~2019-03-10`, `…至3月10日`):
# when something runs, not when the page was posted.
_PERIOD_MARKS = frozenset("-－—–~～至到")
# A date, not `- 10:21`; after `~` or `至` also a bare day (`2016. 8.21~27)`), not `~10:21`.
_PERIOD_AFTER = re.compile(r"\s*+(?:(?:-|－|—|–|~|～|至|到)\s*+\d{1,4}(?:年|月|日|[-/.]\d)|(?:~|～|至|到)\s*+\d{1,2}(?![\d:：.]))")
_PERIOD_BEFORE = re.compile(r"(?:\d日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*+(?:-|－|—|–|~|～|至|到)\s*+$")


# A thread's reply floor right before its time (`2楼 2019-06-10 13:00`, `沙发`, `板凳`, `地板`, `3#`): a
# reply's time, not the thread's (the first post is `1楼` / `楼主`). Judged by string code on the ten
# characters before the date.
_FLOOR_WORDS = ("沙发", "沙發", "板凳", "地板")


def reply_floor(text: str, start: int) -> bool:
    """Whether the date starting at `start` follows a reply's floor marker."""
    before = text[max(0, start - 10) : start].rstrip(" :：\t\n")
    if before[-1:] not in ("楼", "樓", "#"):
        return before.endswith(_FLOOR_WORDS)
    number = before[:-1].rstrip()
    digits = len(number) - len(number.rstrip("0123456789"))
    return 0 < digits <= 5 and int(number[len(number) - digits :]) >= 2


# The day a site or its counter started (`本站访问量统计始于2012年3月1日`, `网站开通于…`, `自 2008-02-01 以来
# 本站点击数`): a footer's, not a page's. Judged by string code on the few characters around the date.
_SINCE_BEFORE = ("始于", "始於", "开通于", "開通於", "建站于", "建站於", "开通时间", "開通時間", "建站时间", "建站時間")
_SINCE_AFTER = ("以来", "以來")


def since_start(text: str, start: int, end: int) -> bool:
    """Whether the date between `start` and `end` is when something started to run (a site, its
    visit counter): `…始于`, `开通于`, `建站时间：` right before it, `以来` right after."""
    before = text[max(0, start - 8) : start].rstrip(" :：\t\n")
    return before.endswith(_SINCE_BEFORE) or text[end : end + 4].lstrip().startswith(_SINCE_AFTER)


def _teased(text: str, start: int) -> bool:
    """Whether the date starting at `start` stands under a teaser cut off (`…首发已经公布...`): a list's
    item, not a byline."""
    return text[max(0, start - 8) : start].rstrip().endswith(("...", "…"))


# A deadline or a start day in running text (`实施期限至2021年12月31日`, `须在2023年2月15日(T-5日)12:00前`,
# `自2020年1月12日起施行`, `报名截至…`): when something ends or starts to apply, not when the page was posted.
_DEADLINE_BEFORE = ("至", "截至", "截止", "截止到", "到期日", "有效期至")
_DEADLINE_AFTER = re.compile(r"\s{0,3}+(?:[（(][^）)\n]{1,8}[）)])?\s{0,3}+(?:\d{1,2}[:：时時点點]\d{0,2}[分时時点點]?)?\s{0,3}+"
                             r"(?:以前|之前|前(?![后後])|为止|為止|止|起(?![点點]))")


def _deadline(text: str, match: re.Match[str]) -> bool:
    """Whether a date is a deadline or a start day: `至`/`截至` right before it, or `前`, `为止`, `起`
    after it (past a bracketed note and a time: `2023年2月15日(T-5日)12:00前`)."""
    before = text[max(0, match.start() - 6) : match.start()].rstrip()
    return before.endswith(_DEADLINE_BEFORE) or _DEADLINE_AFTER.match(text, match.end()) is not None


def _in_period(text: str, match: re.Match[str]) -> bool:
    """Whether a date opens or closes a period of two dates."""
    near = text[match.end() : match.end() + 3].lstrip()
    if near[:1] in _PERIOD_MARKS and _PERIOD_AFTER.match(text, match.end()):
        return True
    before = text[max(0, match.start() - 4) : match.start()].rstrip()
    return before[-1:] in _PERIOD_MARKS and _PERIOD_BEFORE.search(text, max(0, match.start() - 20), match.start()) is not None


# `（2010年6月22日…常务委员会第三次会议通过）`: the day a law was adopted, in the bracket under its title.
_ADOPTED = re.compile("通过|通過|批准|修正|修订|修訂|公布")
_CLOSING = re.compile("[）)]")


def _adopted(text: str, match: re.Match[str]) -> bool:
    """Whether a date opens a law's adoption note (a bracket closing on `…会议通过` within 80
    characters): a repost of the law is not posted that day."""
    after = text[match.end() : match.end() + 80]
    close = _CLOSING.search(after)
    if close is None:
        return False
    inside = after[: close.start()]
    return "（" not in inside and "(" not in inside and _ADOPTED.search(inside) is not None


def _headed(text: str, match: re.Match[str]) -> bool:
    """Whether a date follows a list's heading close by (`最新资讯`, `相关新闻`, `热门推荐`, `评论`): an
    item of a short list (two dated links are too few to count as one). A timed date counts only with
    another timed one within 120 characters after the heading (`相关链接：· … (2006-05-09 09:12) · …
    (2006-05-08 18:30)`): a byline under a menu's `最新` has one."""
    heading = _LISTED.search(text, max(0, match.start() - 60), match.start())
    if heading is None:
        return False
    if match.re is not FULL_DATE or match.group(4) is None:
        return True
    return sum(1 for other in FULL_DATE.finditer(text, heading.end(), match.end() + 120) if other.group(4)) >= 2


# Verbs of posting before `于` (`发布于 2019-08-04`, `本文写于…`): a byline, not a sentence's event.
_POSTED_VERBS = ("发布", "發佈", "發布", "发表", "發表", "更新", "刊登", "刊发", "刊發", "上传", "上傳", "写", "寫", "创建",
                 "創建", "修改", "编辑", "編輯", "首发", "首發", "录入", "錄入", "登载", "登載")


def _event_on(text: str, match: re.Match[str]) -> bool:
    """Whether a date follows `于` and a verb follows it (`国务院于 2017 年 7 月 20 日发布《…》`): the day
    something happened, told in a sentence (`发布于 2019-08-04 来源：…` is a byline)."""
    before = text[max(0, match.start() - 8) : match.start()].rstrip()
    if before[-1:] not in ("于", "於") or before[:-1].endswith(_POSTED_VERBS):
        return False
    after = text[match.end() : match.end() + 4].lstrip()
    return (CJK_CHAR.match(after) is not None and _BYLINE_WORDS.match(after) is None
            and _WEEKDAY_AFTER.match(after) is None)


# A copula before a date that closes a clause (`…时间为2017年3月16日。`): a sentence states the day.
_COPULAS = ("为", "為", "是")


def _in_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether a date opens a clause of running text (`2017年6月21日，趙家窪村史上…`) or is a sentence's
    event (`…于 2017 年 7 月 20 日发布…`, `…时间为2017年3月16日。`): the day something happened or is due,
    not when the page was posted (a byline's comma leads to its fields: `…日，来源：`)."""
    if _event_on(text, match):
        return True
    after = text[match.end() : match.end() + 9]
    if after[:1] in ("。", "；") and text[max(0, match.start() - 3) : match.start()].rstrip()[-1:] in _COPULAS:
        return True  # `…截止时间为2017年3月16日。`: a sentence's statement of a day
    if after[:1] in ("分", "秒"):  # `14时28分，`: the time's unit the pattern left out
        after = after[1:]
    about = _ABOUT.match(after) if after[:1] in _ABOUT_FIRST else None
    if about:  # `19:00左右,`, `19时许，`: an approximate time of something that happened
        after = after[about.end() :]
    rest = after[1:].lstrip(" ")  # `2015年10月15日, 佐敦…`: a space after an ASCII comma
    if after[:1] == "," and (CJK_CHAR.match(rest) is None or rest.startswith(_ZONE_WORDS)):
        return False  # `,` in running Chinese text only; `2012年12月10日, 格林尼治标准时间17:41` is a byline
    return after[:1] in ("，", "、", ",") and _BYLINE_WORDS.match(rest) is None


def _event_hour(text: str, match: re.Match[str]) -> bool:
    """Whether a part of the day (and an hour) runs on after a date (`2020年11月23日下午，…`,
    `…下午3时许全市…`): the hour of an event, not when the page was posted (not `下午 03:14:22`)."""
    part = _DAYPART.match(text, match.end())
    return part is not None and (text[part.end() : part.end() + 1] in ("，", ",", "、") or (
        CJK_CHAR.match(text, part.end()) is not None and _BYLINE_WORDS.match(text, part.end()) is None))


# A part of the day and an hour right after a date (`下午`, `上午9时30分许`), as a sentence tells an event.
_DAYPART = re.compile(r"(?:上午|下午|中午|晚上|早上|早晨|清晨|凌晨|傍晚|晚间|晚間|夜间|夜間)"
                      r"(?:\d{1,2}[时時点點](?:\d{1,2}分|半)?)?(?:许|許|左右)?")
# A byline's time zone after a date and a comma: `格林尼治标准时间17:41`, `北京时间 10:21`.
_ZONE_WORDS = ("格林尼治", "格林威治", "北京时间", "北京時間", "台北时间", "台北時間", "香港时间", "香港時間", "标准时间", "標準時間")
# An hour and an approximation after a date (`19时许`, `19:00左右`, `前后`).
_ABOUT = re.compile(r"(?:\d{1,2}[时時点點])?(?:许|許|左右|前后|前後)?")
_ABOUT_FIRST = frozenset("0123456789许許左前")


# A byline field (a byline word and its colon: `来源：`, `点击数：`, `作者:`), not a byline word inside a
# name (`本专题由网站编辑部制作`).
# `最后更新`, `最後更新日期：`: when the page or the site last changed, never how a byline labels the posting time.
_LAST_UPDATED_BEFORE = re.compile(r"(?:最后|最後|最近)(?:更新|修改)(?:时间|時間|日期|于|於)?\s*+[：:]?\s*+$")
BYLINE_FIELD = re.compile("(?:来源|來源|作者|浏览|瀏覽|点击|點擊|阅读|閱讀|编辑|編輯|记者|記者)[^\\s：:]{0,2}[：:]")


def _updated(text: str, start: int) -> bool:
    """Whether the date at `start` follows an update label with no byline field in its line (`本文最后
    修改于 …`, a footer's `更新日期：…`, `本专题由网站编辑部制作 专题更新：…`); an older CMS's byline under the
    text writes its posting time so (`文章来源：本站原创 点击数：35 更新时间：2009-3-5`, `更新时间:2022-10-21
    21:40:53作者:…`)."""
    if _LAST_UPDATED_BEFORE.search(text, max(0, start - 12), start) is not None:
        return True  # `最後更新日期：2026/12/01 瀏覽人數：…`: a site's footer, whatever counter stands beside it
    if _UPDATED_BEFORE.search(text, max(0, start - 12), start) is None:
        return False
    # (a second update label after it opens another line's: `更新时间：2019-04-08 10:12　更新时间:…作者:…`)
    after = _UPDATE_LABEL.search(text, start, start + 40)
    return (BYLINE_FIELD.search(text, max(0, start - 40), start) is None
            and BYLINE_FIELD.search(text, start, after.start() if after else start + 40) is None)


_UPDATE_LABEL = re.compile(r"更新(?:时间|時間|日期)")


# A list of readers' latest comments, with their times (a blog's side column over the post).
_COMMENT_NOUNS = ("评论", "評論", "留言", "回复", "回覆", "跟帖")
_COMMENT_LIST = re.compile(f"(?:最新|最近|热门|熱門|网友|網友|精彩|全部)(?:{'|'.join(_COMMENT_NOUNS)})")
# How far apart a comment list's times may stand (each comment's text between).
_COMMENT_GAP = 160


def without_comment_times(text: str, end: int) -> str:
    """`text` with the times of a latest-comments list before `end` (where the headline starts)
    blanked out (same length): from the list's heading, each date within 160 characters of the one
    before it."""
    if not any(noun in text for noun in _COMMENT_NOUNS):
        return text  # (a plain search for the heading's words is many times quicker than the pattern's)
    spans: list[tuple[int, int]] = []
    last = read = 0  # read: how far the searches have read (no date starts before it, less a date's length)
    for heading in _COMMENT_LIST.finditer(text, 0, end):
        last = max(last, heading.end())
        start = max(last, read - 30)
        # Each search reads from where the last stopped, a window of the gap and a date's length on:
        # the text is read about twice, however many headings.
        while (match := FULL_DATE.search(text, start, min(end, last + _COMMENT_GAP + 30))) is not None:
            if match.start() - last > _COMMENT_GAP:
                break
            spans.append(match.span())
            last = start = match.end()
        read = max(read, min(end, last + _COMMENT_GAP + 30))
    return _blanked(text, spans)


def without_clauses(text: str) -> str:
    """`text` with the dates that open a clause of running text blanked out (same length): a caption
    over the text (`2015年10月15日, 佐敦一家…。攝:…`) in a byline region says when the picture was taken."""
    spans = [m.span() for m in FULL_DATE.finditer(text) if _in_sentence(text, m) or _event_hour(text, m)]
    return _blanked(text, spans)


# Words right before a date that make it a byline's, not a sentence's (`发布2019-03-05`, `时间2019年3月5日`).
_STAMP_WORDS = ("时间", "時間", "日期", "发布", "發布", "發佈", "更新", "发表", "發表", "录入", "錄入")


def without_running_dates(text: str, start: int, end: int) -> str:
    """`text` with the dates between `start` and `end` (an article's text) that run on from a Chinese
    character blanked out (same length): `…于2019年3月10日召开…`, `截至2019年3月10日` tell the text's events."""
    spans = [m.span() for m in FULL_DATE.finditer(text, start, end)
             if m.start() > 0 and CJK_CHAR.match(text, m.start() - 1) is not None
             and not text[max(0, m.start() - 2) : m.start()].endswith(_STAMP_WORDS)]
    return _blanked(text, spans)


def without_periods(text: str) -> str:
    """`text` with the dates that open or close a period blanked out (same length): `一周回顾（2016年8月21~27日）`
    under a headline says which days a digest covers, not when it was posted."""
    return _blanked(text, [m.span() for m in FULL_DATE.finditer(text) if _in_period(text, m)])


def without_lists(text: str) -> str:
    """`text` with a dated list's dates blanked out (same length), for a byline region that runs
    past the headline into a side column of dated links."""
    listed = [m.span() for m in FULL_DATE.finditer(text) if _listed(text, m)]
    for start, end in listed:
        text = f"{text[:start]}{' ' * (end - start)}{text[end:]}"
    return text


# A forum poster's profile beside the post: `注册时间 2004-03-26`, `最后登录 2012-12-29` (Discuz!, PHPWind);
# a document's own dates in a government information table that are not its posting: `生效日期`,
# `施行日期`, `实施日期`, `废止日期`, `失效日期`, `截止日期` (a notice's deadline), `成文日期` (the day the document
# was written, days before a page posts it); a print version's `打印时间：…` (the day a reader printed it).
# Found by str.find on each key (a regex opening with an alternation scanned whole pages 10x slower),
# then the date is matched right after it.
_PROFILE_KEYS = (("注册", ""), ("註冊", ""), ("登录", "最后上次"), ("登錄", "最後上次"), ("登入", "最後上次"),
                 ("访问", "最后上次"), ("訪問", "最後上次"), ("生效", ""), ("施行", ""), ("实施", ""),
                 ("實施", ""), ("废止", ""), ("廢止", ""), ("失效", ""), ("截止", ""), ("成文", ""),
                 ("打印", ""))
_PROFILE_DATE = re.compile(r"(?:时间|時間|日期|于|於|至)?\s*+[:：]?\s*+" + FULL_DATE.pattern)


def without_profile(text: str) -> str:
    """`text` with the dates of a forum poster's profile blanked out (same length): when the member
    registered or last logged in says nothing of when the post was written; nor does the day a
    document takes effect, expires or closes for comment (`生效日期：…`, `截止日期：…`), or a reader
    printed it (`打印时间：…`)."""
    return _without_rendered(_without_moods(_without_edit_notes(_blank_after(text, _PROFILE_KEYS))))


# A forum's page-render stamp in its footer: `GMT+8, 2024-11-28 02:42 , Processed in 0.087 second(s), 17 queries`
# (Discuz!): when the page was served to the crawler, not when anything on it was written. The key, then the date
# within 40 characters before it.
_RENDER_KEYS = ("Processed in", "processed in")
_RENDERED = re.compile(r"GMT\s*[+-]\s*\d{1,2}(?::?\d\d)?\s*,\s*(" + FULL_DATE.pattern + r")\s*,?\s*$")


def _without_rendered(text: str) -> str:
    """`text` with the date of each footer's render stamp (`GMT+8, … , Processed in`) blanked out (same length)."""
    spans: list[tuple[int, int]] = []
    for key in _RENDER_KEYS:
        at = text.find(key)
        while at >= 0 and len(spans) < 5:
            match = _RENDERED.search(text, max(0, at - 60), at)
            if match:
                spans.append(match.span(1))
            at = text.find(key, at + len(key))
    return _blanked(text, spans)


# A forum member's daily mood beside the post (Discuz!'s sign-in: `TA的每日心情 | 奋斗 昨天 10:07 | 签到天数: 2385 天`):
# when the member last signed in, not when the post was written; the mood, then a time within 24 characters.
_MOOD_KEYS = ("每日心情",)
_MOOD_TIME = re.compile(r"[^\n\d]{0,16}+(?:\d{4}-\d{1,2}-\d{1,2}\s{0,2})?\d{1,2}:\d{2}")


_MOODS_READ = 500  # a thread's page shows one mood a post: enough for any page, bounded on a crafted one


def _without_moods(text: str) -> str:
    """`text` with the time after each of the first 500 daily moods blanked out (same length)."""
    spans: list[tuple[int, int]] = []
    for key in _MOOD_KEYS:
        at, read = text.find(key), 0
        while at >= 0 and read < _MOODS_READ:
            read += 1
            match = _MOOD_TIME.match(text, at + len(key))
            if match:
                spans.append(match.span())
            at = text.find(key, at + len(key))
    return _blanked(text, spans)


# A book's record (`出版社：… 出版时间：2009-2-1 ISBN：…`): when the book came out, not when the page did
# (an e-paper's `出版日期：` with no such field beside it is its date).
_BOOK_DATE_KEYS = ("出版时间", "出版日期", "出版時間", "出版年")
_BOOK_FIELDS = ("ISBN", "isbn", "出版社", "定价", "定價", "开本", "開本", "页数", "頁數", "装帧", "裝幀", "印次", "版次")


def book_record(text: str) -> bool:
    """Whether `text` (a byline region and the text's opening) holds a book's record: a publication
    date's label and a book's field (`ISBN`, `出版社`, `定价`, …)."""
    return any(key in text for key in _BOOK_DATE_KEYS) and any(field in text for field in _BOOK_FIELDS)


def without_book_dates(text: str) -> str:
    """`text` with the dates right after a book's publication label blanked out (same length)."""
    return _blank_after(text, tuple((key, "") for key in _BOOK_DATE_KEYS))


# A forum post's edit note: `本帖最后由 InvFish 于 2022-11-16 17:19 编辑` (Discuz!), when the post was
# last changed, not written; the date within 40 characters after the key, `编辑` after it.
_EDIT_KEYS = ("最后由", "最後由")
_EDITED = re.compile(r"\s*+(?:编辑|編輯)")


def _without_edit_notes(text: str) -> str:
    """`text` with the dates of forum edit notes blanked out (same length)."""
    for key in _EDIT_KEYS:
        at = text.find(key)
        while at >= 0:
            match = FULL_DATE.search(text, at + 3, at + 60)
            if match and match.start() - at <= 43 and _EDITED.match(text, match.end()):
                text = f"{text[:match.start()]}{' ' * (match.end() - match.start())}{text[match.end():]}"
            at = text.find(key, at + 3)
    return text


def _blank_after(text: str, keys: tuple[tuple[str, str], ...]) -> str:
    """`text` with the date right after each key blanked out (same length); a key with words before
    it (`最后上次`) counts only after one of them (two characters each)."""
    spans = []
    for key, before in keys:
        at = text.find(key)
        while at >= 0:
            if not before or (at >= 2 and text[at - 2 : at] in (before[:2], before[2:])):
                match = _PROFILE_DATE.match(text, at + 2)
                if match:
                    spans.append(match.span())
            at = text.find(key, at + 2)
    return _blanked(text, spans)  # the same object when nothing was blanked


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span replaced by spaces (same length), built once (a page of a thousand
    profile dates rebuilt the text a thousand times)."""
    if not spans:
        return text
    pieces: list[str] = []
    at = 0
    for start, end in sorted(spans):
        start = max(start, at)
        if end > start:
            pieces += (text[at:start], " " * (end - start))
            at = end
    pieces.append(text[at:])
    return "".join(pieces)


# An update time beside the publication date: `最后更新：2013-09-06 16:20`, `更新时间：…`, `更新于…`,
# `修改时间：…`; found by str.find on each key, the date matched right after it.
_UPDATE_KEYS = (("更新", ""), ("修改", ""), ("上线", ""), ("上線", ""))  # `专题上线：…`: when a topic went up


# A speech's or a report's subtitle (`——在全市教育工作会议上的讲话`), then the day it was given in brackets.
SPEECH = re.compile(r"的(?:讲话|講話|报告|報告|发言|發言|致辞|致詞|主持词|主持詞)")
_SPEECH_REACH = 60


def bracketed_day(text: str) -> bool:
    """Whether `text` is a day alone in brackets: `（2014年3月5日）`, `(二〇一四年三月五日)`."""
    if text[:1] not in "（(" or text[-1:] not in ")）":
        return False
    inner = text[1:-1].strip()
    return FULL_DATE.fullmatch(inner) is not None or HAN_DATE.fullmatch(inner) is not None


def without_speech_days(text: str) -> str:
    """`text` with the bracketed day after a speech's subtitle and its speaker (`——在…会议上的报告 市教育局局长
    某某 （2014年3月5日）`) blanked out (same length): when the speech was given, not when the page posted
    it; the same object when it has none."""
    speech = SPEECH.search(text)
    if speech is None:
        return text
    end = min(len(text), speech.end() + _SPEECH_REACH)
    for at in range(speech.end(), end):
        if text[at] in "（(":
            close = min((i for i in (text.find("）", at, at + 30), text.find(")", at, at + 30)) if i >= 0), default=-1)
            if close >= 0 and bracketed_day(text[at : close + 1]):
                return _blanked(text, [(at, close + 1)])
    return text


def without_document_day(text: str, line: str | None) -> str:
    """`text` (the region under the headline) with its closing `line`, the byline line lifted out of the body, blanked
    out (same length) when that line is a day alone in brackets (`（2016年11月26日）` opening a report's text) and
    nothing or a bar's fields (`来源：本站 浏览次数：`) stand before it: the document's day, not the page's posting (a
    speaker's line before it makes it a speech's day, read as before); the same object otherwise."""
    line = (line or "").strip()
    body = text.rstrip()
    if not line or not body.endswith(line) or not bracketed_day(line):
        return text
    before = body[: -len(line)]
    if before.strip() and BYLINE_FIELD.search(before) is None:
        return text
    return before + " " * (len(text) - len(before))


def without_updates(text: str) -> str:
    """`text` with the dates right after an update label blanked out (same length); the same object
    when it has none."""
    return _blank_after(text, _UPDATE_KEYS)


def without_bare_updates(text: str) -> str:
    """`text` with the dates of bare update labels blanked out (no byline field beside them, `_updated`): a
    template's `更新时间：…` before the page's own `更新时间:…作者:…` (an older CMS's posting time) is left out."""
    spans = []
    for key, _ in _UPDATE_KEYS:
        at = text.find(key)
        while at >= 0:
            match = _PROFILE_DATE.match(text, at + 2)
            date = FULL_DATE.search(text, match.start(), match.end()) if match else None
            if match and date and _updated(text, date.start()):
                spans.append(match.span())
            at = text.find(key, at + 2)
    return _blanked(text, spans)


def list_heading(text: str) -> int:
    """Where a related list's heading (`相关新闻`, `推荐阅读`, `热门`, `最新`) stands in a byline region
    when three dates or more follow it (its items, and maybe the byline under them), else -1."""
    heading = _LISTED.search(text)
    if heading is None:
        return -1
    after = FULL_DATE.finditer(text, heading.end())
    return heading.start() if next(after, None) and next(after, None) and next(after, None) else -1


def byline_under_list(text: str, now: datetime, start: int) -> datetime | None:
    """The date of a byline under a related list (its heading at `start`): the last FULL_DATE from
    there on when only space, byline words (`来源`, `阅读`, a publication label) or a field's label
    (`时间:`) stand between it and the date before it (an item's date follows the item's title), else a two-digit-year date after
    the list's last date (`14-12-29`); a page clock's aside."""
    matches = list(FULL_DATE.finditer(text, start))
    if not matches:
        return None
    last = matches[-1]
    gap = text[matches[-2].end() if len(matches) > 1 else start : last.start()].strip()
    if (len(gap) <= 2 or _BYLINE_WORDS.search(gap) or _PUB_LABEL.search(gap) or _FIELD_BEFORE.search(gap)
            or _named_byline(text, gap, last)):
        found = plausible(from_full_match(last), now)
        if found and not today_clock(text, last, found, now):
            return found
    return short_year_date(text[last.end() :], now)


_BYLINE_AFTER = ("只看楼主", "只看樓主", "只看该作者", "只看該作者")


def _named_byline(text: str, gap: str, last: re.Match[str]) -> bool:
    """Whether the last date under a related list is a byline's with its author's name before it
    (`瑾沫流年 2011年02月07日 09:37:22 只看楼主`, `石桥老张 2011-02-07 10:21 来源：…`): a short name
    (no digit, no punctuation), the date timed, byline words right after it; an item's short title
    has no byline after its date."""
    if not 2 <= len(gap) <= 8 or last.group(4) is None or not gap.isalpha():
        return False
    after = text[last.end() : last.end() + 16]
    return _BYLINE_WORDS.search(after) is not None or any(word in after for word in _BYLINE_AFTER)


def without_clock(text: str, now: datetime | None = None) -> str:
    """`text` with a page clock's dates blanked out (same length): one with its weekday when another
    date follows it (a byline region that starts at the site's name in the header, the `<title>`
    naming only the site, opens with the header's `2026年11月20日 星期五`; an e-paper's
    `2010年01月27日 星期三` alone stays), and, given `now`, one with its weekday on the day the page is
    read (`today_clock`), also in English (`Friday, December 4, 2026`)."""
    found = list(FULL_DATE.finditer(text))
    doomed = [m.span() for m in found[:-1] if _clock(text, m, m.end())][:1]
    if now is not None:
        for match in (*found, *_EN_DATE.finditer(text)):
            converted = plausible(from_full_match(match) if match.re is FULL_DATE else _from_english(match), now)
            if converted and today_clock(text, match, converted, now):
                doomed.append(match.span())
    for start, end in doomed:
        text = f"{text[:start]}{' ' * (end - start)}{text[end:]}"
    return text


def today_clock(text: str, match: re.Match[str], found: datetime, now: datetime) -> bool:
    """Whether a date is a page clock showing the day the page is read: written with its weekday
    (`2026年12月4日 星期五`, `Friday, December 4, 2026`) and falling on `now`'s day or the day before
    in Shanghai. An article of that day loses nothing: its URL, byline or meta say the same day."""
    day = found.astimezone(SHANGHAI).date()
    today = now.astimezone(SHANGHAI).date()
    if not timedelta(0) <= today - day <= timedelta(days=1):
        return False
    return (_WEEKDAY_NEXT.match(text, match.end()) is not None
            or _WEEKDAY_PREV.search(text, max(0, match.start() - 12), match.start()) is not None)


def _listed(text: str, match: re.Match[str]) -> bool:
    """Whether a date is a dated list's item: one without its time of day with two more dates within
    120 characters (a side column's `最新信息` links; a byline rarely writes three, and a timed or
    labelled one is a byline even beside such a list)."""
    if _PREV_NEXT.search(text, max(0, match.start() - 60), match.start()):
        return True  # `上一篇：<another article's title> 2009-03-01`: the neighbouring articles' dates
    timed = match.re is FULL_DATE and match.group(4) is not None
    if timed or _FIELD_BEFORE.search(text, max(0, match.start() - 8), match.start()):
        return False  # a timed date, or a labelled field (`发布日期：`) of a record's metadata table
    # Counted in the match's own form: a side list of `Nov 20, 2026` links is a list as well.
    return (len(match.re.findall(text, max(0, match.start() - 120), match.end() + 120)) >= 3
            or _titled_pair(text, match))


# A link's title between two dates of a list of two (`通知公告 关于放假的通知 2020-07-01 图书馆开放时间调整 2020-06-22`):
# four CJK characters or more, no clause or field punctuation, at most 40 characters.
_PAIR_GAP = 40
_PAIR_TITLE = re.compile(r"[^，。；：:,;\d]{0,40}")
_PAIR_BREAKS = ("来源", "來源", "作者", "发布", "發佈", "發布", "上午", "下午")


def _titled_pair(text: str, match: re.Match[str]) -> bool:
    """Whether an untimed date and another of its form stand with only a link's title between (a side
    column's list of two dated links), the date before or after it."""
    low, high = max(0, match.start() - _PAIR_GAP - 12), match.end() + _PAIR_GAP + 12
    for other in match.re.finditer(text, low, high):
        if other.start() == match.start() or (other.re is FULL_DATE and other.group(4) is not None):
            continue
        gap = text[other.end() : match.start()] if other.start() < match.start() else text[match.end() : other.start()]
        if (len(gap) <= _PAIR_GAP and _PAIR_TITLE.fullmatch(gap) and len(CJK_CHAR.findall(gap)) >= 4
                and not any(word in gap for word in _PAIR_BREAKS)
                and not _FIELD_VALUE_BEFORE.search(text, max(0, min(other.start(), match.start()) - 24),
                                                   min(other.start(), match.start()))):
            return True
    return False


# A byline field and its short value right before the first date of a pair (`作者：办公室 2025-8-7·<side link> 2025-8-10`,
# a side column's cell run into the byline's): the first is the byline's, no list of two.
_FIELD_VALUE_BEFORE = re.compile(r"(?:来源|來源|作者|编辑|編輯|记者|記者|稿源)\s*[：:]\s*[^\s：:，。,]{1,12}\s*$")


def _timed_list(text: str, match: re.Match[str]) -> bool:
    """Whether a timed date is an item of a list of timed dates: three or more within 120 characters
    with no label before it (a blog's column of its other posts, `(2008-05-29 10:00)` after each title;
    a run of short comments). Used by the nearest-date step only: a byline region keeps its timed dates."""
    if match.re is not FULL_DATE or match.group(4) is None:
        return False
    if _FIELD_BEFORE.search(text, max(0, match.start() - 8), match.start()):
        return False
    near = [m for m in FULL_DATE.finditer(text, max(0, match.start() - 120), match.end() + 120) if m.group(4)]
    return len(near) >= 3


def _clock(text: str, match: re.Match[str], header: int) -> bool:
    """Whether a dated match is today's date printed by a page clock: after `今天是`, or with its
    weekday in the page's header (before position `header`)."""
    if _CLOCK_BEFORE.search(text, max(0, match.start() - 20), match.start()):
        return True
    return (match.start() < header and _WEEKDAY_AFTER.match(text, match.end()) is not None
            and _EDITION_AFTER.match(text, match.end()) is None)


def leading_date(text: str | None, now: datetime) -> datetime | None:
    """A date that opens `text` (after at most a bracket or two), as `（2005年7月5日）` after a body."""
    match = FULL_DATE.search(text[:24]) if text else None
    if not match or match.start() > 2:
        return None
    return plausible(from_full_match(match), now)


# Words before a date after the body that make it a listed item's date, not the article's byline.
# A date field's label right before a date: metadata tables (`发文日期：… 成文日期：…`) list dates too.
_FIELD_BEFORE = re.compile(r"(?:日期|时间|時間|[:：])\s*$")
# A site's own clock (`本站更新于 …`) is no byline either.
_LISTED = re.compile("相关|相關|推荐|推薦|上一篇|下一篇|上篇|下篇|上一条|下一条|上一條|下一條"
                     "|热点|熱點|热门|熱門|最新|评论|評論|跟贴|跟帖|链接|鏈接|排行"
                     "|本站更新|本网更新|本網更新|网站更新|網站更新|更新于|更新於")


def han_tail_date(text: str | None, now: datetime) -> datetime | None:
    """A date in Chinese numerals standing alone anywhere in the little text after the body (`二〇一四年十一月十日`
    under the site's boxes, `热门推荐 … 二〇一四年十一月十日 【打印】`), not running on into a sentence."""
    if not text or "年" not in text:
        return None
    for match in HAN_DATE.finditer(text):
        after = text[match.end() : match.end() + 1]
        if after in ("，", ",", "、") or (CJK_CHAR.match(after) is not None and _BYLINE_WORDS.match(text, match.end()) is None):
            continue  # `二〇一四年十一月十日召开…`: a sentence's day
        return plausible(_from_han(match), now)
    return None


def tail_date(text: str | None, now: datetime) -> datetime | None:
    """A date in the byline line under the body (`【日期:2009-3-5】`, `作者：… 2009-03-05`,
    `二○○九年三月五日`, `09-03-05 10:23`): within the first 40 characters after the body, with no related-list word
    before it, and not opening a sentence (`2009年3月1日，…` is text the body missed). A site's copyright line
    under the text (`版权所有：… 2006-2012`) may come first, the date bar after it, the blocks' texts run together
    (`2006-201211-03-31`): read after its span of years when nothing before it is a date."""
    found = _tail_date(text or "", now) or _bar_after_links(text or "", now)
    if found is None and text and (skip := _credits_end(text)):
        found = _tail_date(text[skip:], now)  # `来源：某某网作者：王某编辑：张某` first, the bar after them
    if found is None and text:
        mark = _COPYRIGHT.search(text, 0, 60)  # (or its span opening the text: the line's names were the body's)
        span = _YEAR_SPAN.search(text, mark.end(), mark.end() + 40) if mark else _YEAR_SPAN.match(text)
        if span:
            return _tail_date(text[span.end() :], now)
        if mark:  # `上一篇 下一篇版权声明 @ 中原网 网站版权所有2018-9-5 【打印】`: after its last mark
            last = mark
            while (later := _COPYRIGHT.search(text, last.end(), 60)) is not None:
                last = later
            return _tail_date(text[last.end() :], now)
    return found


_CREDIT_LABELS = r"(?:来源|來源|作者|责任编辑|責任編輯|编辑|編輯|摄影|攝影|通讯员|通訊員|记者|記者)"
# A credit field (its label, its value) opening the text under the body, the blocks' texts run together.
_CREDIT_FIELD = re.compile(r"[\s\u3000\xa0]*" + _CREDIT_LABELS + r"\s*[：:]\s*[^\d：:【\[|｜]{0,16}?(?=" + _CREDIT_LABELS
                           + r"\s*[：:]|点击|點擊|浏览|瀏覽|阅读|閱讀|[\d【\[|｜]|$)")


def _credits_end(text: str) -> int:
    """Where the credit fields opening `text` end (0: it opens with none)."""
    at = 0
    while (field := _CREDIT_FIELD.match(text, at)) is not None and field.end() > at:
        at = field.end()
    return 0 if _LISTED.search(text, 0, at) else at  # (no related list's heading among them)


# The links to the previous and next articles (their titles, no digits) opening the text under the body, then the
# info bar, the blocks' texts run together: `上一篇:…下一篇:…时间:2016-11-22 来源:某某日报 编辑:…`; the bar's date, its
# label right before it and a byline field right after it (a link's own date has neither).
_LINKS_THEN_BAR = re.compile(r"(?:上一篇|上篇|上一条|上一條|下一篇|下篇|下一条|下一條)[^\d]{0,160}?"
                             r"(?:时间|時間|日期)\s*[：:]\s*(" + FULL_DATE.pattern + r")\s*(?=" + BYLINE_FIELD.pattern + ")")


def _bar_after_links(text: str, now: datetime) -> datetime | None:
    """The date of an info bar right after the previous and next articles' links under the body."""
    text = text.lstrip(" \u3000\xa0\t\n")
    match = _LINKS_THEN_BAR.match(text)
    full = FULL_DATE.match(text, match.start(1)) if match else None
    return plausible(from_full_match(full), now) if full else None


# The label of an info bar's date (`时间：`, `发布时间：`, `更新时间：`, `【日期：`), right before it.
_BAR_LABEL = re.compile(r"(?:发布|發布|发表|發表|更新|录入|錄入|添加|上传|上傳)?(?:时间|時間|日期)\s*[：:]\s*$")
# How far under the body such a bar is read: a related-links box, the previous and next titles or a tool prompt
# (`如有问题请联系网站管理员`) may stand between the text and the bar.
_BAR_BELOW_SPAN = 200


def bar_below_date(text: str | None, now: datetime, html: str | None = None) -> datetime | None:
    """The first full date under the body, farther than `tail_date` reads, when it is an info bar's: its label right
    before it (`…下一篇：…时间：2017-10-13`, `如有问题请联系网站管理员 更新时间：2019-10-12`), a byline field right after
    it (`2019-5-6 来源：本站`), or the whole text of a block of its own in `html` before the footer, a tool or nothing
    (`<div class="dt">2014-11-13</div>` after the related links; not a listed article's, a teaser's over its opening,
    nor one of dates listed one after another); not a page clock's, a print time's, a site's update or footer's, a
    reply's or a comment's."""
    head = (text or "")[:_BAR_BELOW_SPAN]
    match = FULL_DATE.search(head)
    apart = (YEAR_APART.search(head) or (MONTH_DAY_APART.search(head) if "年" in head else None)) if "/" in head else None
    if apart is not None and (match is None or apart.start() < match.start()):
        # a date block with the year apart (`11/12 2010年 16:39`, `2010 11/12 16:39`): a bar's, timed by its shape
        if _not_a_bar(head, apart.start(), apart.end()):
            return None
        return year_apart_date(apart.group(), now)
    if match is None:
        return None
    start = match.start()
    labelled = _BAR_LABEL.search(head, max(0, start - 8), start) is not None
    after = head[match.end() : match.end() + 12].lstrip(" \u3000\xa0\t\n|｜")
    # (a timed date also before a counter, `21:12:18 閱讀量60011`, or the site's footer: `11:12 版权所有…`)
    timed = match.group(4) is not None and (after.startswith(_COUNTS) or _footer_next(head, match.end()))
    if (not labelled and not timed and BYLINE_FIELD.match(after) is None
            and not (html and _footer_next(head, match.end()) and FULL_DATE.search(head, match.end()) is None
                     and _alone_in_block(html, match.group().strip()))):
        return None
    if _not_a_bar(head, start, match.end()):
        return None
    return plausible(from_full_match(match), now)


# Elements a date bar of its own is printed in; a date alone in an <li>, <dd>, <a> or <option> is a listed item's.
_BAR_TAGS = frozenset(("div", "p", "td", "span", "font", "center", "strong", "b", "em", "h4", "h5", "h6"))
# Closing tags of inline elements and cells, read past to see what stands before a block (a link: a listed item).
_INLINE_CLOSE = re.compile(r"(?:\s|</(?:td|span|font|b|strong|em|i)>)+$", re.I)


def _alone_in_block(html: str, shown: str) -> bool:
    """Whether the last showing of `shown` (a date as the page prints it) in `html` is the whole text of an element of
    its own (`<div class="dt">2014-11-13</div>`), not in a list item, a row or box after a link (a listed article's)."""
    if len(shown) < 8:
        return False
    at = html.rfind(shown)
    if at < 0:
        return False
    opened, closing = html.rfind(">", 0, at), html.find("<", at + len(shown))
    if opened < 0 or closing < 0 or html[opened + 1 : at].strip() or html[at + len(shown) : closing].strip():
        return False
    start = html.rfind("<", 0, opened)
    name = html[start + 1 : opened].split(None, 1)[0].lower() if start >= 0 and opened > start + 1 else ""
    if name not in _BAR_TAGS or html[closing : closing + 2 + len(name)].lower() != f"</{name}":
        return False
    if html.rfind("<li", 0, start) > html.rfind("</li", 0, start):
        return False  # inside a list item
    row = html.rfind("<tr", 0, start)
    if row >= 0 and row > html.rfind("</tr", 0, start) and "<a" in html[row:start].lower():
        return False  # a row's cell after its link
    before = _INLINE_CLOSE.sub("", html[max(0, start - 400) : start])
    return not before.lower().endswith("</a>")


# What a listed link's date may be wrapped in after the link (`</a> <font color="#999">(`, `</a></td><td>[`).
_AFTER_LINK = re.compile(r"(?:\s|&nbsp;|[\[(（【]|</?(?:font|span|em|i|b|small|strong|td)(?:\s[^>]*)?>)*$", re.I)
# A headline's length: a link this long before a date is a listed article's, not a byline's source (`来源：<a>新华网</a>`).
_LINK_TITLE = 6


def without_link_dates(text: str, html: str) -> str:
    """`text` with the untimed dates blanked out (same length) that `html` prints only right after a link's text of
    a headline's length (`<a>全市招商引资工作推进会召开</a> <font>2020-10-13</font>`): a side column's latest
    links, their articles' dates, printed before the article's own column."""
    spans = [m.span() for m in FULL_DATE.finditer(text) if m.group(4) is None and _link_dated(html, m.group().strip())]
    return _blanked(text, spans) if spans else text


def _link_dated(html: str, shown: str) -> bool:
    """Whether every showing of `shown` in `html` (one at least) stands right after a link of `_LINK_TITLE` CJK
    characters or more (tags, brackets and spaces between)."""
    at, seen = html.find(shown), False
    while at >= 0:
        before = html[max(0, at - 400) : at]
        wrapped = _AFTER_LINK.search(before)
        before = before[: wrapped.start()] if wrapped else before
        if not before.lower().endswith("</a>"):
            return False
        opened = before.lower().rfind("<a")
        if opened < 0 or (len(CJK_CHAR.findall(re.sub(r"<[^>]*>", "", before[opened:]))) < _LINK_TITLE
                          and not _list_item(before, opened, html, at + len(shown))):
            return False
        seen, at = True, html.find(shown, at + len(shown))
    return seen


# A list item of a link and its date only (`<li>·<a>小记</a> [2006-10-30]</li>`): the item opens right before the
# link and closes right after the date, so the date is the linked post's, however short its title.
_ITEM_OPENS = re.compile(r"<li(?:\s[^>]*)?>(?:\s|&nbsp;|[·•])*$", re.I)
_ITEM_CLOSES = re.compile(r"(?:\s|&nbsp;|[\])）】]|</(?:font|span|em|i|small)>)*</li>", re.I)


def _list_item(before: str, opened: int, html: str, end: int) -> bool:
    """Whether a link at `opened` in `before` (the html before a date ending at `end`) is a list item's own, the
    date closing that item."""
    return _ITEM_OPENS.search(before, max(0, opened - 40), opened) is not None and _ITEM_CLOSES.match(html, end) is not None


def _not_a_bar(head: str, start: int, end: int) -> bool:
    """Whether the date at `start` under the body is a page clock's, a last update's, a reply's, a comment's, the
    site's update or footer's (after a footer's first words, `主办：… 更新日期：…`, a date is the site's)."""
    before = head[:start]
    return bool(_CLOCK_BEFORE.search(head, max(0, start - 20), start) or _LAST_UPDATED_BEFORE.search(head, max(0, start - 12), start)
                or reply_floor(head, start) or since_start(head, start, end) or _COMMENT_WORDS.search(before)
                or _SITE_UPDATE.search(before) or any(word in before for word in _FOOTER_NEXT))


_COMMENT_WORDS = re.compile("评论|評論|留言|回复|回覆|跟帖|跟贴|网友|網友")
_COUNTS = ("阅读", "閱讀", "浏览", "瀏覽", "点击", "點擊", "访问", "訪問")
_SITE_UPDATE = re.compile("本站更新|本网更新|本網更新|网站更新|網站更新|更新于|更新於|更新至|"
                          # a site's statistics box (`网站统计 今日访问：312 更新时间：…`): the site's update
                          "网站统计|網站統計|站点统计|站點統計|访问统计|訪問統計|今日访问|今日訪問|总访问量|總訪問量|在线人数|在線人數")


# A comment box's count opening the text under the body (`评论 (0人参与)`, `网友评论(3)`): no comment's time follows it.
_COMMENT_COUNT_LEAD = re.compile(r"[\s\u3000\xa0]*(?:网友)?(?:评论|評論|留言|跟帖)\s*[(（\[【]\s*\d+\s*"
                                 r"(?:人参与|人參與|条|條|人)?\s*[)）\]】]")


def without_comment_count(text: str) -> str:
    """`text` (under the body) with a comment box's count opening it blanked (same length)."""
    match = _COMMENT_COUNT_LEAD.match(text)
    return text if match is None else " " * match.end() + text[match.end() :]


def updated_tail_date(text: str | None, now: datetime) -> datetime | None:
    """A bare update time opening the text right under the body (`更新:2023-09-20 23:58:22 某某网`, no byline
    field beside it): when the page was last edited, which `tail_date` leaves out; it dates a page nothing
    else does. Not a site's footer or clock (`最后更新：…`, `专题更新：…`, `本站信息更新至…`: not opening the text)."""
    head = (text or "")[:40].lstrip(" \u3000\xa0\t\n【[(（")
    if not head.startswith("更新") or head.startswith(("更新于", "更新於", "更新至")):
        return None
    match = FULL_DATE.search(head, 0, 30)
    if match is None or match.start() > 8 or not _updated(head, match.start()):
        return None
    return plausible(from_full_match(match), now)


_COPYRIGHT = re.compile(r"版权所有|版權所有|版权声明|版權聲明|版权|版權|Copyright|COPYRIGHT|©", re.IGNORECASE)
_YEAR_SPAN = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*[-–—~～]\s*(?:19|20)\d{2}")


def _tail_date(text: str, now: datetime) -> datetime | None:
    head = text[:60]
    for pattern, convert in ((FULL_DATE, from_full_match), (HAN_DATE, _from_han)):
        match = pattern.search(head)
        if match is None or match.start() > 40 or _LISTED.search(head, 0, match.start()) or reply_floor(head, match.start()):
            continue
        if (_CLOCK_BEFORE.search(head, max(0, match.start() - 20), match.start()) or _updated(head, match.start())
                or since_start(head, match.start(), match.end())):
            continue  # `页面生成时间:…`, `打印时间：…`, `最后更新：…`, `统计始于…` under the article: not when it was posted
        if head[match.end() : match.end() + 1] in ("，", ",", "、"):
            continue
        found = plausible(convert(match), now)
        if found:
            return found
    for pattern in (_EN_DAY_FIRST, _EN_DATE):  # `5 Mar 2015 10:20 | 来源：本站`: an English theme's bar under the text
        english = pattern.search(head, 0, 48)  # (not a side list's: another such date right after it)
        if (english and not _LISTED.search(head, 0, english.start()) and not _updated(head, english.start())
                and not _CLOCK_BEFORE.search(head, max(0, english.start() - 20), english.start())
                and pattern.search(text, english.end(), english.end() + 60) is None):
            found = plausible(_from_english(english), now)
            if found:
                return found
    us = _US_DATE.search(head, 0, 48)  # `7/5/2005 9:23:57 PM`: an ASP site's stamp under the text (month first)
    if (us and not _LISTED.search(head, 0, us.start()) and not _updated(head, us.start())
            and not _CLOCK_BEFORE.search(head, max(0, us.start() - 20), us.start())
            and (us.group(5) or _line_ends(head, us.end()) or _footer_next(head, us.end()))):
        found = plausible(_from_us(us), now)
        if found:
            return found
    apart = day_apart_date(head, now, 40)  # `05 2019-03【打印】`: a date block under the text
    if apart:
        return apart
    han = SHORT_YEAR_HAN.search(head, 0, 48) if "年" in head else None  # `05年7月5日` in a date cell under the body
    if han and not _LISTED.search(head, 0, han.start()) and head[han.end() : han.end() + 1] not in ("，", ",", "、"):
        era = dates_roc.ROC_ERA.match(head, max(0, han.start() - 4))  # `中華民國91年3月19日`: 2002, not 1991
        era = era or dates_roc.ROC_ERA.match(head, max(0, han.start() - 2))
        found = plausible(_from_roc(era), now) if era else short_year_date(head[han.start() :], now)
        if found:
            return found
    short = _SHORT_YEAR.search(head, 0, 48)  # `09-03-05 10:23`: a two-digit year, only with its time, or
    # a line of its own under the body (`18-10-20　【打印】【关闭】`, an info bar's date), a credit's bracket before it
    # (or a tool's prompt before it, `如有问题请联系管理员`, and the footer's block after it: `技术支持：…`; or a date's
    # label, `作者：王丽 日期：09-07-03【打印】`)
    if short and (short.group(8) or ((short.start() <= 2 or head[short.start() - 1] in ")）】] \u3000"
                                      or _DATE_LABEL_BEFORE.search(head, max(0, short.start() - 6), short.start()))
                                     and (_line_ends(head, short.end()) or _footer_next(head, short.end())))
                  or (CJK_CHAR.match(head[short.start() - 1 : short.start()]) and _footer_next(head, short.end()))) \
            and not _LISTED.search(head, 0, short.start()):
        return short_year_date(head[short.start() :], now)
    return None


# A date's own label right before it (`日期：`, `时间:`), not a count's (`点击：`).
_DATE_LABEL_BEFORE = re.compile(r"(?:日期|时间|時間)\s*[:：]\s*$")


# What may follow a date line under the body, the blocks' texts run together: no word of a sentence
# (`18-10-20班获得…`), but a byline field, a tool or the next block's Latin (`Copyright …`).
_LINE_NEXT = ("来源", "來源", "作者", "点击", "點擊", "浏览", "瀏覽", "阅读", "閱讀", "编辑", "編輯", "【", "[", "|", "｜")


# A site's footer opening the block after a date bar (the texts run together): `地址：…`, `技术支持：…`, `版权所有…`.
_FOOTER_NEXT = ("地址", "地 址", "技术支持", "技術支持", "版权", "版權", "主办", "主辦", "承办", "电话", "電話", "联系电话",
                "备案", "備案", "Copyright", "copyright", "COPYRIGHT", "©")


def _footer_next(text: str, end: int) -> bool:
    """Whether a date ending at `end` is followed by a site footer's first words, a tool (`【打印】`), or nothing."""
    rest = text[end : end + 12].lstrip(" \u3000\xa0\t\n")
    return not rest or rest.startswith(_FOOTER_NEXT) or rest.startswith(("【", "[", "|", "｜"))


def _line_ends(text: str, end: int) -> bool:
    """Whether a date ending at `end` ends its line: what follows is no Chinese word of a sentence."""
    rest = text[end : end + 8].lstrip(" \u3000\xa0\t\n")  # (`08-05-06　来源：…`: the field after spaces)
    return not rest or rest.startswith(_LINE_NEXT) or (CJK_CHAR.match(rest) is None and not rest[0].isdigit())


def last_date(text: str, now: datetime, start: int = 0, timed: bool = False) -> datetime | None:
    """The plausible date (`2010-10-19`, `15. 11. 2005`, `二〇一二年三月五日`) that ends last in `text`
    from `start` on, a page clock's (a weekday after it, `今天是` before it) and a list of timed
    dates' items (a blog's column of its posts) aside: for the line above a headline. With `timed`,
    only a date with its time of day."""
    best: tuple[int, datetime] | None = None
    forms = ((FULL_DATE, from_full_match),) if timed else ((FULL_DATE, from_full_match), (_DOTTED, _from_dotted),
                                                           (HAN_DATE, _from_han))
    for pattern, convert in forms:
        for match in pattern.finditer(text, start):
            if (best is not None and match.end() <= best[0]) or (timed and match.group(4) is None):
                continue
            if (_WEEKDAY_NEXT.match(text, match.end()) is not None
                    or _CLOCK_BEFORE.search(text, max(0, match.start() - 20), match.start()) is not None
                    or _timed_list(text, match)):
                continue
            found = plausible(convert(match), now)
            if found:
                best = (match.end(), found)
    return best[1] if best else None


def first_date(text: str | None, now: datetime, timed: bool = False) -> datetime | None:
    """The first plausible FULL_DATE in `text`; with `timed`, only one that also gives a time."""
    for match in FULL_DATE.finditer(text or ""):
        if timed and match.group(4) is None:
            continue
        found = plausible(from_full_match(match), now)
        if found:
            return found
    return None


def from_full_match(match: re.Match[str]) -> datetime | None:
    """Turn a FULL_DATE match (with or without its time part) into UTC: Shanghai wall clock, unless
    a zone follows (`2012年12月10日, 格林尼治标准时间10:41`, `2019-05-06 23:15 GMT`, `… UTC+8`)."""
    y, mo, d, h, mi, s = (int(g) if g else 0 for g in match.groups())
    tz: timezone | ZoneInfo = SHANGHAI
    if match.group(4) is None:
        zoned = _ZONE_THEN_TIME.match(match.string, match.end())
        if zoned:
            h, mi, s, tz = int(zoned.group(2)), int(zoned.group(3)), 0, _offset(zoned.group(1))
    elif (zone := _ZONE_AFTER_TIME.match(match.string, match.end())) is not None:
        tz = _offset(zone.group(1))
    if h > 23 or mi > 59 or s > 59:
        h = mi = s = 0
    return to_utc(y, mo, d, h, mi, s, tz)


def _offset(text: str | None) -> timezone:
    """`+8`, `-05:00`, `+0530` as a fixed zone; none (GMT, UTC alone) is UTC."""
    if not text:
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    return timezone(sign * timedelta(hours=min(hours, 14), minutes=min(minutes, 59)))


def han_number(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31 (month and day numbers)."""
    if "十" not in text:
        return _HAN_DIGITS.get(text, 0) if len(text) == 1 else 0
    tens, _, ones = text.partition("十")
    return (_HAN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_HAN_DIGITS.get(ones, 0) if ones else 0)


def _from_han(match: re.Match[str]) -> datetime | None:
    """Turn a 二〇〇五年七月五日 match into UTC (Shanghai midnight)."""
    year = int("".join(str(_HAN_DIGITS[c]) for c in match.group(1)))
    return to_utc(year, han_number(match.group(2)), han_number(match.group(3)))


def _from_us(match: re.Match[str], order: Order = None) -> datetime | None:
    """Turn an M/D/YYYY [h:mm[:ss] [AM|PM]] match into UTC (Shanghai wall clock); D/M/YYYY when the
    first number is no month, or when both could be and the page's `order` says day first."""
    month, day, year, hour, minute = (int(match.group(i) or 0) for i in (1, 3, 4, 5, 6))
    if month > 12 >= day or (day <= 12 and month != day and order is not None and order()):
        month, day = day, month
    second = int(match.group(7) or 0)
    half = (match.group(8) or "").upper()
    hour = hour % 12 + (12 if half == "PM" else 0) if half else hour
    return to_utc(year, month, day, hour, minute, second) if hour < 24 and minute < 60 else None


def _from_iso(match: re.Match[str]) -> datetime | None:
    """Turn an ISO 8601 match into UTC, honouring its offset or a zone named after it."""
    y, mo, d, h, mi = (int(match.group(i)) for i in range(1, 6))
    s = int(match.group(6) or 0)
    zone = match.group(7)
    tz: timezone | ZoneInfo = SHANGHAI
    if zone == "Z":
        tz = timezone.utc
    elif zone:
        tz = _offset(zone)
    elif (named := _ZONE_AFTER_TIME.match(match.string, match.end())) is not None:
        tz = _offset(named.group(1))  # `2019-05-06 23:15 GMT`
    return to_utc(y, mo, d, h, mi, s, tz) if h < 24 and mi < 60 and s < 60 else None


def date_from_url(url: str | None, now: datetime) -> datetime | None:
    """A date the URL path carries (t20231108_, /2023/11-08/, /20231108/), at local midnight."""
    if not url:
        return None
    path = url.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    for pattern in _URL_DATES:
        for match in pattern.finditer(path):
            y, mo, d = (int(g) for g in match.groups())
            found = plausible(to_utc(y, mo, d), now)
            if found:
                return found
    for match in _URL_FOLDER_YYMMDD.finditer(path):
        year, yy, month, yy2, month2, day = match.groups()
        if yy == yy2 and month == month2:
            found = plausible(to_utc(int(year), int(month), int(day)), now)
            if found:
                return found
    folders = _URL_YY_MMDD_HH.search(path)
    if folders:
        return plausible(to_utc(2000 + int(folders[1]), int(folders[2]), int(folders[3])), now)
    return None


# A year folder in a URL's path (`/2015/`, `/201503/`, `/2015-03/`, `/2015_03/`): the year the page was filed under.
_URL_YEAR = re.compile(r"/((?:19|20)\d{2})(?:/|[-_]?(?:0[1-9]|1[0-2])(?:/|[-_.]))")


def year_from_url(url: str | None, now: datetime) -> int | None:
    """The year of a year (or year-and-month) folder in the URL's path, for a yearless date; not a future one."""
    if not url:
        return None
    path = url.split("://", 1)[-1].split("?", 1)[0]
    path = path[path.find("/") :] if "/" in path else ""
    match = _URL_YEAR.search(path)
    year = int(match.group(1)) if match else 0
    return year if 1990 <= year <= now.astimezone(SHANGHAI).year else None


# /p2018052336775125 · /a/20150523001234.html: an id that opens with the day, a serial glued after it.
_URL_ID_DATE = re.compile(r"(?<![\d])((?:19|20)\d{2})(\d{2})(\d{2})\d{2,12}(?![\d])")


def id_date_from_url(url: str | None, now: datetime) -> datetime | None:
    """The day opening a long numeric id in the URL path (`/p2018052336775125`); a last resort, as
    an id may open with digits that only look like a day."""
    path = url.split("?", 1)[0] if url else ""
    for match in _URL_ID_DATE.finditer(path):
        y, mo, d = (int(g) for g in match.groups())
        found = plausible(to_utc(y, mo, d), now)
        if found:
            return found
    return None


def short_date_from_url(url: str | None, now: datetime) -> datetime | None:
    """A `/050427/` path segment read as year, month and day in two digits each (old portals'
    URLs); a last resort, as a six-digit ID can read so too."""
    match = _URL_SHORT_DATE.search(url.split("?", 1)[0]) if url else None
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if year in (19, 20) and 1990 <= year * 100 + month <= now.year and 1 <= day <= 12:
        return None  # `/201105/`: a CMS's year-and-month folder (May 2011), no day; not 5 November 2020
    year += 2000 if 2000 + year <= now.year else 1900
    return plausible(to_utc(year, month, day), now)
