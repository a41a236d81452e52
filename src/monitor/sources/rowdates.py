"""The date a list page shows beside each link: in the link's row (`<li><a>…</a><span>2026-12-05</span>`,
a table row's other cell, a `<dt>` link's `<dd>`), or in the row just after it (a table whose
date line is a row of its own under the title's).

In: the link nodes a list page's selector gave, in order (selectolax nodes). Out: for each, the
date shown with it (aware UTC) or None. A link's row is its highest ancestor, at most ROW_LEVELS
up, holding no other of the list's links; a row holding more than one date (an event's dates,
two links' dates) says none, unless one of them is the publication's: labelled so in the row
(`成文日期：… 发布日期：…`) or in the column its table heads 发布日期 (a county portal's 政府信息公开
list, its documents' written and published days side by side). The link's own text is not read (a headline may name a day). Only
dates with their year are read, and yearless ones (`12-05`, `[12-05]`, `12-05 14:20`, after a label:
`发布时间：12-05 14:20`) and relative ones (`3小时前`, `半小时前`, `3个月前`, `昨天 14:20`, `刚刚`, counted
back from the list's fetch in `date_tz`) that are a node's whole text, a time of day alone (`14:32`:
today's, or yesterday's when later than the fetch; none where the list's order says it is older:
`_in_order`); a day with its English month (`Dec 3, 2026`,
`3 December 2026 2:30 PM`, its zone after the time: `09:30 EST`, `+0100`) and full-width digits
(`２０２６－１２－０３`) as any; and a date box's day beside its
year and month, two texts side by side outside the link (`<span>05</span><p>2026-12</p>`, `_split`);
else the row's one `<time datetime>`. A time a node marks as a length (`<span class="duration">03:45</span>`:
a video's) is no time of day.
Linear in the page: each row's text is read once.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from .. import reltime
from . import dates

ROW_LEVELS = 4
MAX_ROWS = 2_000  # a list's rows paired with a column of dates beside it, at most
_DATED = re.compile(r"(?<![\d])((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?![\d])\s*日?"
                    r"(?:\s*(\d{1,2})\s*[:时]\s*(\d{2})([+-]\d{2}:\d{2})?)?")  # (an offset: `_plain`'s)
_YEARLESS = re.compile(r"(?:(?:发布|發布|更新)(?:时间|時間|日期|于|於)?\s*[:：]?\s*)?"  # (a label)
                       r"[\[(【（]?\s*(\d{1,2})[-/.月](\d{1,2})日?(?:\s*(\d{1,2})[:：时](\d{2}))?\s*[\])】）]?")
_DIGITS = re.compile(r"\d{1,2}\s*[-/.年月－／．]\s*\d")  # what any date holds (full-width too), but an English one
_CLOCKED = re.compile(r"\d[:：]\d\d")  # a time of day
_FOLD = str.maketrans("０１２３４５６７８９－／．：［］", "0123456789-/.:[]")  # a full-width date's digits and marks
_MONTH = (r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# a day written with its month's English name and its year (`Dec 3, 2026`, `3 December 2026`), its time after
_NAMED = re.compile(rf"(?<![A-Za-z])(?:{_MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\.?)"
                    r",?\s+((?:19|20)\d{2})(?!\d)(?:,?\s*(?:at\s+)?(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*([AaPp])\.?[Mm]\.?)?"
                    r"(?:\s*\(?(UTC|GMT|Z|[ECMP][SD]T|BST|CES?T|HKT|SGT|JST|KST)?\s*([+-]\d{1,2}(?::?\d{2})?)?\)?(?![\w:+-]))?)?", re.I)
# its own zone's offset from UTC in hours, as an English list writes it after the time (`09:30 EST`; CST is
# left out: China's in `dates`, the US Central's on an American site; read in `date_tz`, as before)
_ZONES = {"UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
          "BST": 1, "CET": 1, "CEST": 2, "HKT": 8, "SGT": 8, "JST": 9, "KST": 9}
# what a relative date holds (not a headline's 今年, 前期 or 昨日 alone)
_AGO = re.compile(r"[\d半一二两兩三四五六七八九十]\s*(?:秒|分|小|個|个|天|周|週|星期|钟头|鐘頭|礼拜|禮拜)|"
                  r"刚刚|剛剛|[今昨前]天\s*\d|[今昨]日\s*\d|ago\b|[Tt]oday|[Yy]esterday|[Jj]ust now")
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
    top = anchors[0] if anchors else None
    while top is not None and top.parent is not None:
        top = top.parent
    timed = top is not None and top.css_first("time[datetime]") is not None  # looked for once a page
    lengths = top is not None and top.css_first(_LENGTH_MARKS) is not None  # a video's length shown: once a page
    out: list[datetime | None] = []
    clocks: list[bool] = []  # each row's date was a time of day alone (`14:32`)
    clocked = [False]  # (set by `_relative` for the row at hand)
    read: dict[str, datetime | None] = {}  # a list's rows share a few days: each read once
    columns: dict[int, int] = {}  # a table's publication column, found once a table
    beside: dict[int, dict[int, datetime | None] | None] = {}  # a list's column of dates beside it, found once a list
    for anchor, chain in zip(anchors, chains, strict=True):
        row = anchor
        for node in chain:
            if holders[node.mem_id] > 1:
                break
            row = node
        clocked[0] = False
        when = _date_in(row, anchor, tz, now, read, columns, lengths, clocked)
        if when is None and timed:
            when = _machine(row, anchor, tz, read)
        if when is None and row.tag == "tr":  # the date's own row, under the title's
            after = row.next
            while after is not None and after.tag == "-text":
                after = after.next
            if after is not None and after.tag == "tr" and after.css_first("a[href]") is None:
                when = _date_in(after, None, tz, now, read, None, lengths, clocked)
        if when is None and row.parent is not None and row.parent.tag in ("ul", "ol", "div", "td", "dl"):
            when = _beside(row, tz, now, read, beside)
        out.append(when)
        clocks.append(clocked[0] and when is not None)
    return _in_order(out, clocks, tz, now) if now is not None and any(clocks) else out


def _in_order(out: list[datetime | None], clocks: list[bool], tz: str, now: datetime) -> list[datetime | None]:
    """`out` with each time of day alone (`clocks`) that the list's newest-first order says is
    older than its reading left undated: one below a row showing an older day in full (itself
    below a time alone), or one
    read as a later day than a time of day above it allows (each turn of the clock going down,
    `09:10`, `15:00`, then `08:30`, is a day back). A time alone is read as today's, or
    yesterday's when today's is still to come (`reltime`); a list's rows days old read so were
    wrong, and a wrong day is worse than none (the article's page dates it)."""
    zone = ZoneInfo(tz)
    today = now.astimezone(zone).date()
    oldest: date | None = None  # the oldest day shown in full below a time alone, above
    above: tuple[int, time] | None = None  # the last time alone above: its days back and its time of day
    kept = list(out)
    for i, (when, clock) in enumerate(zip(out, clocks, strict=True)):
        if when is None:
            continue
        local = when.astimezone(zone)
        if not clock:  # (a day in full above any time alone is no sign: a pinned notice heads many lists)
            oldest = oldest if above is None else local.date() if oldest is None else min(oldest, local.date())
            continue
        back = (today - local.date()).days
        least = 0 if above is None else above[0] + (local.time() > above[1])  # a turn of the clock: a day back
        if back < least or (oldest is not None and local.date() > oldest):
            kept[i] = None  # (a later reading below stays undated too: `above` keeps the last one read)
            continue
        above = (back, local.time())
    return kept


def _machine(row: Any, anchor: Any, tz: str, read: dict[str, datetime | None]) -> datetime | None:
    """The row's one `<time datetime="2026-12-05T10:00:00+08:00">` outside `anchor`, for a row whose
    text shows no date it reads (nothing, `Dec 5`, a weekday): the machine's own date."""
    own = {n.mem_id for n in anchor.css("time[datetime]")} if anchor is not None and anchor is not row else set()
    values = {v for n in row.css("time[datetime]") if n.mem_id not in own and (v := (n.attributes.get("datetime") or "").strip())}
    if len(values) != 1:
        return None
    value = values.pop()[:40]
    if value not in read:
        read[value] = dates.parse(value, tz) if value[:4].isdigit() else None
    return read[value]


def _beside(row: Any, tz: str, now: datetime | None, read: dict[str, datetime | None],
            beside: dict[int, dict[int, datetime | None] | None]) -> datetime | None:
    """The date in the column beside `row`'s list: a sibling list of as many rows, each row's whole
    text one date (`<ul class="title">…</ul><ul class="date"><li>2026-12-05</li>…</ul>`, a layout of
    two floats a county portal draws its list with), the date its row's place in the list holds."""
    holder = row.parent
    if holder.mem_id not in beside:
        rows = [n for n in holder.iter() if n.tag != "-text"]
        beside[holder.mem_id] = None
        sibling, steps = (holder.next, 0) if len(rows) <= MAX_ROWS else (None, 0)
        while sibling is not None and steps < 6 and beside[holder.mem_id] is None:
            if sibling.tag != "-text":
                steps += 1
                cells = list(itertools.islice((n for n in sibling.iter() if n.tag != "-text"), len(rows) + 1))
                if len(cells) == len(rows) and sibling.css_first("a[href]") is None:
                    days = [_whole_date((c.text(deep=True) or "").strip(), tz, now, read) for c in cells]
                    if all(day is not None for day in days):
                        beside[holder.mem_id] = {r.mem_id: day for r, day in zip(rows, days, strict=True)}
            sibling = sibling.next
    paired = beside[holder.mem_id]
    return paired.get(row.mem_id) if paired is not None else None


def _whole_date(text: str, tz: str, now: datetime | None, read: dict[str, datetime | None]) -> datetime | None:
    """A cell's text when it is a date and nothing more (with its year, or yearless given `now`)."""
    if len(text) > 24:
        return None
    text = _plain(text).strip()
    whole = _DATED.fullmatch(text)
    if whole:
        written = _written(whole.groups())
        if written not in read:
            read[written] = dates.parse(written, tz)
        return read[written]
    yearless = _YEARLESS.fullmatch(text) if now is not None else None
    return _yearless(yearless, tz, now, read) if yearless else None


def _yearless(m: re.Match[str], tz: str, now: datetime | None, read: dict[str, datetime | None]) -> datetime | None:
    """A `_YEARLESS` match's day (and time of day: `12-05 14:20`, `1月2日 10:00`) in the year that
    puts it latest, not after `now` (on 2 January, `12-31 14:20` is last year's); each read once."""
    mo, d, h, mi = m.groups()
    written = f"{int(mo):02d}-{int(d):02d}" + (f" {int(h):02d}:{mi}" if h else "")
    if written not in read:
        read[written] = dates.parse(written, tz, None, now)
    return read[written]


def _date_in(row: Any, anchor: Any, tz: str, now: datetime | None, read: dict[str, datetime | None],
             columns: dict[int, int] | None = None, lengths: bool = False,
             clocked: list[bool] | None = None) -> datetime | None:
    """The one date `row` shows outside `anchor`, or None (none, or more than one not telling
    which is the publication's)."""
    text = row.text(deep=True, separator=" ") or ""
    if not _DIGITS.search(text) and not (_named_year(text) and _NAMED.search(text)):
        # (most rows of an undated list: one scan, nothing more); a time: relative, or of today
        if now is None or not (_AGO.search(text) or ((":" in text or "：" in text) and _CLOCKED.search(text))):
            return None
        return _relative(row, anchor, text, tz, now, lengths, clocked)
    own = (anchor.text(deep=True, separator=" ") or "") if anchor is not None and anchor is not row else ""
    if own and own in text:
        text = text.replace(own, " ", 1)
    text = text[:2000]
    found = _DATED.findall(text)
    if not found and (plain := _plain(text)) != text:  # a full-width date, or one with its English month
        text, found = plain, _DATED.findall(plain)
    if len(found) > 1:
        found = _published(row, text[:2000], columns if columns is not None else {})
    if not found and _YEAR_MONTH.search(text):
        split = _split(row, anchor, tz, read)
        if split is not None:
            return split
    if len(found) == 1:
        y, mo, d, h, mi, _ = found[0]
        if h and lengths and _a_length(row, f"{h}:{mi}"):  # `2026-12-05 03:45`: its day beside a video's length
            found[0] = (y, mo, d, "", "", "")
        written = _written(found[0])
        if written not in read:
            read[written] = dates.parse(written, tz)
        return read[written]
    # its blanks' runs read as one: the pattern's `\s*` tried a run from every blank in it (a row
    # padded with 80,000 spaces beside `1 -2` took 34 s, growing with the square); same matches
    if found or now is None or not _YEARLESS.search(" ".join(text.split())):
        return None
    for node in row.css("span, em, i, font, td, dd, small, time, b"):  # a yearless date as a node of its own
        whole = _YEARLESS.fullmatch((node.text(deep=True) or "").strip().translate(_FOLD))
        if whole:
            return _yearless(whole, tz, now, read)
    return None


def _written(groups: tuple[str, ...]) -> str:
    """A `_DATED` match's groups as `dates.parse` reads them (`2026-12-03 09:30`, `…09:30-05:00`)."""
    y, mo, d, h, mi, offset = groups
    return f"{y}-{int(mo):02d}-{int(d):02d}" + (f" {int(h):02d}:{mi}{offset or ''}" if h else "")


def _plain(text: str) -> str:
    """`text` with a full-width date's digits and marks as ASCII (`２０２６－１２－０３`) and a day
    written with its English month (`Dec 3, 2026 2:30 PM`) as `_DATED` reads it (`2026-12-03 14:30`)."""
    text = text.translate(_FOLD)
    return _NAMED.sub(_numbered, text) if _named_year(text) else text


def _named_year(text: str) -> bool:
    """Whether `text` may hold a `_NAMED` day: a year after a blank (no scan of a pattern)."""
    return " 20" in text or " 19" in text or "\xa0" in text


def _numbered(m: re.Match[str]) -> str:
    """A `_NAMED` match as `2026-12-03 14:30` (its month's name as a number, 2:30 PM as 14:30)."""
    name = (m.group(1) or m.group(4)).lower()
    month = next(i for i, start in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                              "nov", "dec"), 1) if name.startswith(start))
    day, year, hour, minute, half = m.group(2) or m.group(3), m.group(5), m.group(6), m.group(7), m.group(8)
    written = f"{year}-{month:02d}-{int(day):02d}"
    if hour is not None:
        h = int(hour)
        if half:
            if h > 12:
                return written + " "  # 15:30 PM: its day, not a wrong hour
            h = h % 12 + (12 if half.lower() == "p" else 0)
        written += f" {h:02d}:{minute}" + _zone(m.group(9), m.group(10))
    return written + " "


def _zone(name: str | None, offset: str | None) -> str:
    """A `_NAMED` day's written zone (`EST`, `GMT+8`, `+0530`) as an ISO offset (`-05:00`), '' for none."""
    if (not name and not offset) or (name and name.upper() not in _ZONES):  # (CST)
        return ""
    minutes = _ZONES[name.upper()] * 60 if name else 0
    if offset:
        ahead, digits = (-1 if offset[0] == "-" else 1), offset[1:].replace(":", "")
        hours, mins = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
        if int(hours) > 14 or int(mins) > 59:
            return ""
        minutes += ahead * (int(hours) * 60 + int(mins))
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*月?")
_DAY = re.compile(r"(\d{1,2})\s*日?")
SPLIT_TEXTS = 60  # a row's texts read for a date in two pieces, at most


def _split(row: Any, anchor: Any, tz: str, read: dict[str, datetime | None]) -> datetime | None:
    """A date the row shows in two pieces side by side, its day large beside its year and month
    (`<span>05</span><p>2026-12</p>`, `<em>2026.12</em><b>05</b>`: a portal list's date box),
    outside `anchor`; None unless the row shows one such day."""
    own = {n.mem_id for n in anchor.traverse(include_text=True)} if anchor is not None and anchor is not row else set()
    texts = [t for n in itertools.islice(row.traverse(include_text=True), 4 * SPLIT_TEXTS)
             if n.tag == "-text" and n.mem_id not in own and (t := (n.text_content or "").strip().translate(_FOLD))][:SPLIT_TEXTS]
    days = set()
    for first, second in itertools.pairwise(texts):
        for ym, day in ((_YEAR_MONTH.fullmatch(first), _DAY.fullmatch(second)),
                        (_YEAR_MONTH.fullmatch(second), _DAY.fullmatch(first))):
            if ym and day:
                days.add(f"{ym.group(1)}-{int(ym.group(2)):02d}-{int(day.group(1)):02d}")
    if len(days) != 1:
        return None
    written = days.pop()
    if written not in read:
        read[written] = dates.parse(written, tz)
    return read[written]


# a publication date's label or column heading (成文日期 is the day a document was written; 发文日期
# is read when nothing says 发布)
_PUBLISHED = re.compile(r"(?:发布|發布|發佈|公开|公開|公布)\s*(?:日期|时间|時間)")
_ISSUED = re.compile(r"(?:发文|發文)\s*(?:日期|时间|時間)")
_LABELLED = re.compile(r"(?:发布|發布|發佈|公开|公開|公布|发文|發文)\s*(?:日期|时间|時間)\s*[:：]?\s*")


def _published(row: Any, text: str, columns: dict[int, int]) -> list[tuple[str, ...]]:
    """The publication's date among a row's dates, as `_DATED.findall` gives it (one), or []:
    the date just after the one label saying so, or the date in its table's column headed so."""
    labelled = [m.groups() for label in _LABELLED.finditer(text) if (m := _DATED.match(text, label.end()))]
    if labelled:
        return labelled if len(labelled) == 1 else []
    if row.tag != "tr":
        return []
    column = _column(row, columns)
    cells = [c for c in row.iter() if c.tag in ("td", "th")] if column >= 0 else []
    found = _DATED.findall(cells[column].text(deep=True, separator=" ") or "") if 0 <= column < len(cells) else []
    return found if len(found) == 1 else []


def _column(row: Any, columns: dict[int, int]) -> int:
    """The index of the column `row`'s table heads as the publication date (发布日期, 公开日期,
    发布时间; else 发文日期), from its first row (a <thead>'s or the table's own); -1 if none."""
    table = row.parent
    while table is not None and table.tag != "table":
        table = table.parent
    if table is None:
        return -1
    if table.mem_id not in columns:
        head = table.css_first("tr")
        names = [(c.text(deep=True) or "").strip() for c in head.iter() if c.tag in ("td", "th")] if head else []
        names = [name if len(name) <= 8 else "" for name in names]  # a heading, not a row's text
        columns[table.mem_id] = next((n for words in (_PUBLISHED, _ISSUED) for n, name in enumerate(names)
                                      if words.search(name)), -1)
    return columns[table.mem_id]


def _relative(row: Any, anchor: Any, text: str, tz: str, now: datetime, lengths: bool = False,
              clocked: list[bool] | None = None) -> datetime | None:
    """A date the row shows relative to now (`3小时前`, `昨天 14:20`, `刚刚`: a busy outlet's
    list), counted back from `now` (the list page's fetch), as the row's text outside its link
    or as a node's whole text; never the headline's own words. `clocked[0]` is set when it was
    a time of day alone (`14:32`: `_in_order`)."""
    own = (anchor.text(deep=True, separator=" ") or "") if anchor is not None and anchor is not row else ""
    rest = text.replace(own, " ", 1) if own and own in text else text
    when = reltime.whole(rest, now, tz)
    if when is not None or len(rest) < 30:
        if when is not None and clocked is not None:
            clocked[0] = reltime.clock_only(rest)
        return None if when is not None and lengths and _a_length(row, rest) else when
    for node in row.css("span, em, i, font, td, dd, small, time, b, div, p"):
        if anchor is not None and node.mem_id == anchor.mem_id:
            continue
        shown = node.text(deep=True) or ""
        when = reltime.whole(shown, now, tz)
        if when is not None:
            if clocked is not None:
                clocked[0] = reltime.clock_only(shown)
            return None if lengths and _a_length(row, shown) else when
    return None


# what a video's or a recording's length is marked with (`<span class="duration">03:45</span>`,
# `itemprop="duration"`, `video-time`, `时长`): a time, but no time of day
_LENGTH_MARKS = ", ".join(f"[{name}*={word}]" for name in ("class", "itemprop", "title") for word in (
    "dur", "Dur", "DUR", "len", "Len", "LEN", "playtime", "play-time", "PlayTime", "time-len", "video-time", "videotime",
    "vtime", "shichang", "时长", "時長"))
_LENGTH = re.compile(r"dur|length|(?<![a-z])len(?![a-z])|play-?time|video-?time|vtime|时长|時長|shichang", re.I)


def _a_length(row: Any, shown: str) -> bool:
    """Whether a time of day alone that `row` shows (`shown`) is a length: a node of the row marked
    as one (class, itemprop, title) shows it. Read only for a row dated by a clock alone."""
    if not reltime.clock_only(shown):
        return False
    shown = shown.strip()
    for node in row.css("[class], [itemprop], [title]"):
        marks = " ".join(node.attributes.get(name) or "" for name in ("class", "itemprop", "title"))
        if _LENGTH.search(marks) and shown in (node.text(deep=True) or ""):
            return True
    return False
