"""Dates in the Republic of China calendar, as Taiwan's government and news pages write them.

In: text. Out: matches and their Gregorian fields (year, month, day, hour, minute, second), for
`dates` to turn into UTC. Year N of the calendar is N + 1911 (民國113年 is 2024). Never raises,
never reads the clock; plausibility (not before 1990, not in the future) is left to `dates`.

Forms read: `114年01月13日`, `098年05月18日` (a three-digit year before 年 is no Gregorian year a news page would
write), `民國113年5月18日` / `中華民國99年…` (with the era name, also one or two digits), the era name
in Chinese numerals (`中華民國一百十二年十二月二十一日`), and numeric `113-05-18`, `098-05-18`, `113/05/18`,
`113.05.18` (with a time after it or not). The numeric forms are also version numbers and IDs in
running text, so `dates` reads them only after a publication label or in the byline region.
"""

from __future__ import annotations

import re

ERA_OFFSET = 1911
_ERA = r"(?:中華民國|中华民国|民國|民国)"
_TIME = r"(?:\s*+(\d{1,2})\s*+[:：时時]\s*+(\d{1,2})(?:\s*+[:：分]\s*+(\d{1,2}))?)?"
# 114年01月13日 · 民國113年5月18日 14:30 · 民國99年1月2日: three digits 100–149 alone, or one to three
# digits after the era's name (`05年4月27日` without it is 2005, read by `dates.SHORT_YEAR_HAN`).
_REST = r"\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日" + _TIME
ROC_BARE = re.compile(r"([01])(?<![\d年][01])(\d\d)(?<!00)" + _REST)  # 098年…, 113年…: 1–149
ROC_ERA = re.compile(_ERA + r"\s*(\d{1,3})" + _REST)
# 中華民國一百十二年十二月二十一日: the era's name and Chinese numerals.
ROC_NUMERALS = re.compile(
    _ERA + r"\s*([一二三四五六七八九十百〇零○]{1,6})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"
)
# 113-05-18 · 113/05/18 14:30 · 113.05.18: only where a label or the byline vouches for it; an ASCII colon
# may stand before it (`日期:108-01-04`), a time's digits and colon may not (`10:108-01-04`).
ROC_NUMERIC = re.compile(
    r"(?<![\d\-/.])(?<!\d:)(1[0-4]\d|0[1-9]\d)([-/.])(\d{1,2})\2(\d{1,2})(?![\d\-/.:])(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)
_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}

Fields = tuple[int, int, int, int, int, int]


def han_fields(match: re.Match[str]) -> Fields:
    """The Gregorian fields of a `ROC_BARE` (its first two groups make the year) or `ROC_ERA` match."""
    groups = match.groups()
    if match.re is ROC_BARE:
        groups = (groups[0] + groups[1], *groups[2:])
    year = int(groups[0]) + ERA_OFFSET
    month, day, hour, minute, second = (int(g) if g else 0 for g in groups[1:])
    return year, month, day, hour, minute, second


def numeral_fields(match: re.Match[str]) -> Fields:
    """The Gregorian fields of a `ROC_NUMERALS` match (midnight)."""
    return _numeral(match.group(1)) + ERA_OFFSET, _numeral(match.group(2)), _numeral(match.group(3)), 0, 0, 0


def numeric_fields(match: re.Match[str]) -> Fields:
    """The Gregorian fields of a `ROC_NUMERIC` match."""
    year, _, month, day, hour, minute, second = match.groups()
    return (int(year) + ERA_OFFSET, int(month), int(day),
            int(hour or 0), int(minute or 0), int(second or 0))


def _numeral(text: str) -> int:
    """一 → 1, 十二 → 12, 二十一 → 21, 一百十二 → 112, 一百零五 → 105, 九十九 → 99; 0 if not a number."""
    total, hundreds = 0, text.partition("百")
    if hundreds[1]:
        total = 100 * (_DIGITS.get(hundreds[0], 0) if hundreds[0] else 1)
        text = hundreds[2].lstrip("零〇○")
    tens, mark, ones = text.partition("十")
    if mark:
        total += 10 * (_DIGITS.get(tens, 0) if tens else 1) + (_DIGITS.get(ones, 0) if ones else 0)
    elif text:
        total += _DIGITS.get(text, 0) if len(text) == 1 else 0
    return total
