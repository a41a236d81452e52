"""Dates written without a year, which take it from the page: byline times (`11月8日 10:23`,
`11-08 10:23`, `Nov 19, 6:51 AM`) and wire datelines (`11月8日电`, `BEIJING, March 8 (Xinhua) --`).

In: text, `now` and a year hint (the year of the page's nearest full date). Out: an aware UTC
datetime in the hinted year, else in the latest year that keeps it out of the future; or None.
Never raises.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from .dates import MONTHS, SHANGHAI, han_number, plausible, to_utc

# A byline time without a year: 11月8日 10:23 · 11-08 10:23 (a time of day is required).
_YEARLESS = re.compile(
    r"(?<![\d年\-/.])(\d{1,2})(?:月|-)(\d{1,2})日?\s*(\d{1,2})[:：](\d{2})(?![\d\-/])"
)
# A labelled date without a year or time: `日期:08-29`, `时间：8月29日` (an e-paper's article header).
_LABELLED = re.compile(r"(?:日期|时间|時間)\s*[:：]\s*(\d{1,2})(?:月|-)(\d{1,2})日?(?![\d\-/:：])")
# An English byline time without a year: `Posted Nov 19, 6:51 AM` (a time of day is required).
_EN_YEARLESS = re.compile(
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),?\s+(?:at\s+)?(\d{1,2}):(\d{2})"
    r"(?!\d)\s*([AP]M)?", re.I
)
# A wire or paper dateline without a year: 11月8日电 / 11月8日電 / 东南网1月20日讯 / 本報1月20日訊, or in Chinese
# numerals as some papers and older wire copy write it (中新社北京九月十六日電, 十一月二十一日讯).
DATELINE = re.compile(
    r"(?<!\d)(\d{1,2})月(\d{1,2})日\s*[电電讯訊]"
    r"|(?<![〇一二三四五六七八九十])(十[一二]?|[一二三四五六七八九])月(三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])日\s*[电電讯訊]"
)


def dateline_day(match: re.Match[str]) -> tuple[int, int]:
    """The month and day of a `DATELINE` match, digits or Chinese numerals."""
    if match.group(1):
        return int(match.group(1)), int(match.group(2))
    return han_number(match.group(3)), han_number(match.group(4))
# An English wire dateline without a year: `BEIJING, March 8 (Xinhua) --`, `SANMING, Fujian, Mar. 8 /`.
_EN_DATELINE = re.compile(
    r"^[A-Z][A-Za-z.'’ -]{1,30}(?:, [A-Z][A-Za-z.' -]{1,30})?, (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"[a-z]*\.? (\d{1,2})\s*(?:[(/]|--|[—–-] )"
)


def yearless_date(text: str | None, now: datetime, hint_year: int | None = None) -> datetime | None:
    """A `11月8日 10:23` / `11-08 10:23` / `Nov 19, 6:51 AM` byline time (or, failing one, a labelled
    untimed `日期:08-29`) in `hint_year` (another date on the page), else in the latest year that keeps
    it out of the future."""
    match = _YEARLESS.search(text) if text else None
    english = None if match or not text else _EN_YEARLESS.search(text)
    if match:
        month, day, hour, minute = (int(g) for g in match.groups())
    elif english:
        month, day = MONTHS.get(english.group(1)[:3].lower(), 0), int(english.group(2))
        hour, minute = int(english.group(3)), int(english.group(4))
        if english.group(5):
            hour = hour % 12 + (12 if english.group(5).upper() == "PM" else 0)
    else:
        labelled = _LABELLED.search(text) if text and ("日期" in text or "时间" in text or "時間" in text) else None
        if labelled is None:
            return None
        month, day, hour, minute = int(labelled.group(1)), int(labelled.group(2)), 0, 0
    if hour > 23 or minute > 59:
        return None
    year = hint_year or now.astimezone(SHANGHAI).year
    found = to_utc(year, month, day, hour, minute)
    if found and found > now + timedelta(days=1):
        found = to_utc(year - 1, month, day, hour, minute)
    return plausible(found, now)


# A year its own sentence names right before the dateline's month (`…8月3日电 2025赛季中超联赛第19轮比赛在
# 8月2日至3日展开`, `2024年8月2日至3日，…`) or the month before it (the days leading up to the dispatch:
# `…10月7日电 …2023年中秋国庆假期八天（9月29日-10月6日）`): the story's year, whatever the page shows.
_SENTENCE_YEAR = re.compile(r"((?:19|20)\d{2})\s*(?:年|赛季|賽季)([^。！？\n]{0,20}?)(\d{1,2})月")


def _own_year(text: str, start: int, month: int) -> int | None:
    """The year the dateline's sentence (from `start`, up to its full stop, at most 80 characters)
    names before the dateline's own month or the month before it (a December before a January
    dispatch: the next year), if it does."""
    sentence = text[start : start + 80]
    stop = sentence.find("。")
    for match in _SENTENCE_YEAR.finditer(sentence, 0, stop if stop >= 0 else len(sentence)):
        named = int(match.group(3))
        if named == month:
            return int(match.group(1))
        if named == (month - 1 or 12):
            return int(match.group(1)) + (month == 1)
    return None


def dateline_date(text: str | None, now: datetime, hint_year: int | None = None) -> datetime | None:
    """A `11月8日电` or `BEIJING, March 8 (Xinhua) --` dateline with its year taken from its own
    sentence (`2025赛季…8月2日`), else `hint_year` or `now`, never in the future."""
    if not text:
        return None
    match = DATELINE.search(text[:5000])
    english = None if match else _EN_DATELINE.match(text)
    if english:
        month, day = MONTHS.get(english.group(1)[:3].lower(), 0), int(english.group(2))
    elif match:
        month, day = dateline_day(match)
        hint_year = _own_year(text, match.end(), month) or hint_year
    else:
        return None
    local_now = now.astimezone(SHANGHAI)
    year = hint_year or local_now.year
    found = to_utc(year, month, day)
    if found and found > now + timedelta(days=1):
        found = to_utc(year - 1, month, day)
    return plausible(found, now)
