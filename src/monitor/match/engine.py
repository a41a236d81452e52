"""Applying a compiled topic to an article: hits, rules that fire, score, explanation.

In: a `Topic` (see rules.py) and an article's original title and body (paragraphs joined by
line breaks). Out: `models.Match` whose hits have [start, end) offsets in the original title or
body. Never does I/O; never prints.

Character references left in a field (&#27818;, &nbsp;) are decoded first, and UTF-8 once read
as GBK (涓夋槑) read back; offsets map back through both. The article is normalised once
(`textnorm.normalize_lines`: traditional → simplified, full-width → half-width, pinyin
annotations removed, one "\\n" between paragraphs; then, in the matcher's view only,
characters set out one by one joined: spaced.py); each group's regex scans it once
(spans.py: the scan and the hits that do not count); rules are set operations over the units
(sentence, paragraph, field, article) their hits fall in. Offsets map back through
`textnorm.normalize_map`, only for the paragraphs that hold evidence, and
not at all for a paragraph whose normal form changed only character for character.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from collections.abc import Iterable

from ..models import Hit, Match
from ..textnorm import normalize, normalize_lines, normalize_lines_map, normalize_map, offset_shift
from . import spaced
from .rules import GARBLED, Rule, Topic
from .spans import FURNITURE_WORDS, MENU_OPENERS, Enumerations, group_spans, positions
from .terms import Found, Literals, terms_pattern

# A run of 。!?; or line breaks, or "." before a space, line break or the end; written to start
# with one character class (same matches as `[。!?;\n]+|\.(?= |\n|$)`) so that `re` skips
# ahead to candidates instead of trying both alternatives at every position.
_SENTENCE_END = re.compile(r"[。!?;\n.](?:(?<=\.)(?= |\n|$)|(?<!\.)[。!?;\n]*)")
_BULLET = re.compile("[·•▪◆●■]")
# A source, date or editor line left above the story ("发布时间: 2024-05-09 来源: 某某网"): long
# enough to pass for a lead, but not the story's first paragraph.
_BYLINE = re.compile(r"(?:来源|发布时间|发布日期|发表时间|更新时间|作者|责任编辑|编辑|浏览次数|阅读量|点击数|source|published|updated"
                     r"|release (?:time|date)|author) ?:")
_BYLINE_MAX = 90
# Longer, such a line still is one when it opens with its label and holds no sentence: a government
# site's English copy ("Source: Sanming Municipal People's Government Website   Published: 2025-11-26
# Font size: [Large] [Medium] [Small]") runs past 90 characters.
_BYLINE_LONG = 300
_BYLINE_OPEN = 3  # characters before the label (a bracket, a bullet)
_SENTENCE_INSIDE = re.compile(r"[。!?]|\. ")
_HEADLINE_MAX = 120  # characters: a first line longer than this is no headline, whatever its marks
_SENTENCE_LAST = "。.!?;:"  # a line ending so is a sentence (or a lead-in), not a headline
_HEADLINES = 2  # headline lines an untitled page may open with (the title, its repeat or a subtitle)
# A social-media account's follow prompt above the story ("↑点击蓝字，关注“三明市第一医院”",
# "▲点击上方“清流发布”关注我们"): it names the account that posts, the story's author, as a
# title would; its names count as up front (the lead's).
_FOLLOW = re.compile("蓝字|点击|二维码|公众号|扫码|长按")
# "除了云南、新疆，我们还和宁化县结对", "Besides our work in Xinjiang and Yunnan, we are paired with Ninghua":
# what a clause opening with one of these names is set aside; the sentence is about what follows.
_BESIDES = re.compile(r"除(?:了|(?=[^,。;:!?\n除]{1,20}?外,))|\b(?:besides|apart from|aside from|in addition to) ")
_BESIDES_REACH = 80  # characters from the marker to a name it sets aside, inside one clause
_CLAUSE_MARK = re.compile(r"[,。;:!?\n]|\.(?= |$)")
# Pinyin's toned vowels (normal form: lower case, composed), each for its plain letter. Found by the
# literal pass every article gets (`_TONED` among the topic's patterns), so a page without them pays
# nothing more; one with them is folded and scanned again (`_Hits`).
_TONED_VOWELS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔùǖǘǚǜü"}
_UNTONE = str.maketrans({t: plain for plain, toned in _TONED_VOWELS.items() for t in toned})
_TONED = terms_pattern(sorted(t for toned in _TONED_VOWELS.values() for t in toned))
# A body line opening with the home page's link (首页 新闻中心 沪明合作 …): a menu between spaces, found by the
# same pass (spans.menu_lines).
_MENU = terms_pattern(list(MENU_OPENERS))
# The bullets a flattened links list opens with ("相关新闻：· …"), found by the same pass: a text without one is
# not scanned for them (`_inline_marker`).
_BULLETS = terms_pattern(list("·•▪◆●■"))
# A menu's own words and a topic box's label (视频, 联系我们, 专题, "contact"), found by the same pass: a text without one
# has no line of such furniture (`Enumerations.furniture`), and its hits are not looked at for one.
_FURNITURE = terms_pattern(list(FURNITURE_WORDS))
MAX_HITS_PER_RULE = 12
SUBJECT_PARAGRAPHS = 2  # a side named in this many body paragraphs anchors a rule, as up front


# --- matching -----------------------------------------------------------------------------


class _Doc:
    """An article normalised once: title, "\\n", body paragraphs; offset maps made on demand."""

    def __init__(self, title: str, body: str, topics: tuple[Topic, ...] = ()) -> None:
        # character references left in the text (&#27818;&#26126; for 沪明, &nbsp;): read as the characters they
        # stand for; UTF-8 read as GBK (涓夋槑 for 三明): read as the UTF-8 it was. `_back` maps offsets in the
        # text read back to the field handed over, one map a step.
        self._back: dict[str, list[tuple[list[int], list[int]]]] = {}
        if "&" in title and (decoded := _references(title)) is not None:
            title, back = decoded
            self._back["title"] = [back]
        if "&" in body and (decoded := _references(body)) is not None:
            body, back = decoded
            self._back["body"] = [back]
        if _mojibake_signs(title, body):
            for field, text in (("title", title), ("body", body)):
                if (repaired := _unmojibake(text)) is not None:
                    text, back = repaired
                    title, body = (text, body) if field == "title" else (title, text)
                    self._back.setdefault(field, []).append(back)
        if "\ufffd" in title or "\ufffd" in body:  # keep lost characters visible, one for one
            title, body = title.replace("\ufffd", GARBLED), body.replace("\ufffd", GARBLED)
        if topics and any(q in title or q in body for q in _LOST_MARKS):  # 三?市, 上□市: a lost character
            title, body = _lost_marks(title, topics), _lost_marks(body, topics)
        self.title, self.body = title, body
        flat = normalize(title)
        norm = flat + "\n" + normalize_lines(body)
        breaks_in_body = norm.count("\n", len(flat) + 1)
        if breaks_in_body >= SUBTITLE_LINES - 1 and len(norm) - len(flat) <= _SUBTITLE_AVERAGE * breaks_in_body:
            norm = _subtitles(norm, len(flat))  # many short lines: a video's subtitles are one paragraph
        if breaks_in_body >= VERSE_LINES - 1 and "\n" in body:
            norm = _verse(norm, len(flat))  # English one phrase a line: one paragraph, each line a clause
        # the matcher's view: characters set out one by one (三 明) joined, and a line break
        # inside one of the topics' words (赴上\n海); `_joins` maps its offsets back to `norm`'s,
        # None when nothing was joined (then the two are one)
        breaks = positions(lines, "\n") if "\n" in title and len(lines := normalize_lines(title)) == len(flat) else ()
        self.text, self._joins = spaced.joined(norm, len(flat), lambda: _words(topics), breaks)
        if topics and GARBLED in self.text:  # 三〓分院 in a page that writes 三明 elsewhere
            self.text = _lost_shorts(self.text, topics)
        self.para_starts = [0] + [i + 1 for i in positions(self.text, "\n")]
        self._norm = norm
        self._norm_starts = self.para_starts if self._joins is None else [0] + [i + 1 for i in positions(norm, "\n")]
        self.has_title = self.para_starts[1] > 1  # a page handed over without its title has ""
        self.lists = Enumerations(self.text)
        self._sentence_ends: list[int] | None = None
        # Per paragraph: an int when offsets are the normalised ones shifted (the common case),
        # else the list of original offsets.
        self._maps: dict[int, int | list[int]] = {}
        self._lines: list[tuple[int, int]] | None = None
        self._besides: list[tuple[int, int]] | None = None
        self.menus_read = False  # menu lines between spaces added to `lists` (once, for every topic)

    def untone(self) -> None:
        """Pinyin's tone marks off the matcher's view, one letter for one (shànghǎi → shanghai, lǚ → lu):
        a page of pinyin names its places as English copy does. Offsets stay the page's."""
        text = self.text.translate(_UNTONE)
        if text != self.text:
            self.text = text
            self.lists = Enumerations(text)
            self.menus_read = False

    @property
    def besides(self) -> list[tuple[int, int]]:
        """Where a clause that sets names aside opens (`_BESIDES`), found on first use."""
        if self._besides is None:
            text = self.text
            self._besides = ([m.span() for m in _BESIDES.finditer(text)]
                             if "除" in text or "besides" in text or " from " in text or "addition" in text else [])
        return self._besides

    def set_aside(self, start: int) -> bool:
        """Is a name at `start` inside a clause that sets it aside ("除了云南、新疆，…", "besides …,")?"""
        besides = self.besides
        k = bisect_right(besides, (start, start)) - 1
        if k < 0:
            return False
        b = besides[k][1]
        return b <= start and start - b <= _BESIDES_REACH and _CLAUSE_MARK.search(self.text, b, start) is None

    def para_text(self, p: int) -> str:
        """Paragraph p of the normal form (not joined: what the original's offsets map to)."""
        starts = self._norm_starts
        end = starts[p + 1] - 1 if p + 1 < len(starts) else len(self._norm)
        return self._norm[starts[p] : end]

    @property
    def sentence_ends(self) -> list[int]:
        """Where sentences end (bisect gives a position's sentence); line breaks end them too.
        Found on first use: only sentence rules whose groups all hit need them."""
        if self._sentence_ends is None:
            self._sentence_ends = [m.end() for m in _SENTENCE_END.finditer(self.text)]
        return self._sentence_ends

    def original(self, start: int, end: int, p: int) -> tuple[str, int, int]:
        """Matched [start, end) in paragraph p → (field, start, end) in the original title
        or body; a joined hit (三 明) covers its separators there, a decoded reference its
        whole `&#…;`."""
        joins = self._joins
        if joins is None:
            field, a, b = self._original(start, end, p)
        else:
            first, last = joins[start], joins[end - 1]
            starts = self._norm_starts
            field, a, _ = self._original(first, first + 1, bisect_right(starts, first) - 1)
            _, _, b = self._original(last, last + 1, bisect_right(starts, last) - 1)
        for begins, ends in reversed(self._back.get(field, ())):
            a, b = begins[a], ends[b - 1]
        return field, a, b

    def _original(self, start: int, end: int, p: int) -> tuple[str, int, int]:
        """Normalised [start, end) in its paragraph p → (field, start, end) in the original."""
        offsets = self._maps.get(p)
        if offsets is None:
            offsets = self._maps[p] = self._title_map() if p == 0 else self._body_map(p)
        base = self._norm_starts[p]
        field = "title" if p == 0 else "body"
        if isinstance(offsets, int):
            return field, start - base + offsets, end - base + offsets
        return field, offsets[start - base], offsets[end - 1 - base] + 1

    def _title_map(self) -> int | list[int]:
        """Offsets into the title: a shift when only characters changed."""
        shift = offset_shift(self.title, self.para_text(0))
        return normalize_map(self.title)[1] if shift is None else shift

    def _body_map(self, p: int) -> int | list[int]:
        """Offsets into the body for paragraph p: map only that line when lines align."""
        if self._lines is None:
            self._lines = [m.span() for m in _LINE.finditer(self.body) if not m.group().isspace()]
        lines, para = self._lines, self.para_text(p)
        if len(lines) == len(self._norm_starts) - 1:
            a, b = lines[p - 1]
            line = self.body[a:b]
            if (shift := offset_shift(line, para)) is not None:
                return a + shift
            norm, offsets = normalize_map(line)
            if norm == para:
                return [a + o for o in offsets]
        full = normalize_lines_map(self.body)[1]  # a line vanished or changed: map the body
        start = self._norm_starts[p] - self._norm_starts[1]
        return full[start : start + len(para)]


# A character reference as a page's markup writes it, left in the text by a feed escaped twice: numeric (&#27818;,
# &#x6CAA;) or one of the common named ones (&nbsp;, &amp;, &quot;, &lt;, &gt;, &apos;); the semicolon required.
_REFERENCE = re.compile(r"&(?:#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6})|nbsp|amp|quot|lt|gt|apos);")
_NAMED = {"nbsp": "\u00a0", "amp": "&", "quot": '"', "lt": "<", "gt": ">", "apos": "'"}


def _references(text: str) -> tuple[str, tuple[list[int], list[int]]] | None:
    """`text` with its character references decoded, and for each character of the result where
    it begins and ends in `text`; None when there is none (or only ones naming no character)."""
    out: list[str] = []
    begins: list[int] = []
    ends: list[int] = []
    last = 0
    for m in _REFERENCE.finditer(text):
        name = m.group()[1:-1]
        if name[0] != "#":
            char = _NAMED[name]
        else:
            cp = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
            if not 0 < cp <= 0x10FFFF or 0xD800 <= cp <= 0xDFFF:
                continue
            char = chr(cp)
        a, b = m.span()
        out.append(text[last:a])
        begins.extend(range(last, a))
        ends.extend(range(last + 1, a + 1))
        out.append(char)
        begins.append(a)
        ends.append(b)
        last = b
    if not out:
        return None
    out.append(text[last:])
    begins.extend(range(last, len(text)))
    ends.extend(range(last + 1, len(text) + 1))
    return "".join(out), (begins, ends)


# Characters that UTF-8 Chinese read as GBK is full of and Chinese text hardly uses (銆 from 。 and 、, 锛 from ，,
# 鐨 from 的, 涓 from 三 上 中 ...): two in an article and its fields are tried as such (`_unmojibake`).
_MOJIBAKE_SIGNS = re.compile("[銆锛鐨涓鍦鏄浜鍙鍜鎴璁闂缁鈥]")


def _mojibake_signs(title: str, body: str) -> bool:
    n = 0
    for text in (title, body):
        for _ in _MOJIBAKE_SIGNS.finditer(text):
            n += 1
            if n >= 2:
                return True
    return False


def _unmojibake(text: str) -> tuple[str, tuple[list[int], list[int]]] | None:
    """`text`, UTF-8 once read as GBK, read as UTF-8 (涓夋槑 → 三明; a character the misreading lost, U+FFFD,
    leaves one U+FFFD for the bytes it broke), with each character's begin and end in `text`; None when it is
    not such text: a character GBK lacks, or fewer than four characters read back, or fewer than three for every
    two broken (real Chinese encoded to GBK reads as UTF-8 only by chance)."""
    data = bytearray()
    origin: list[int] = []
    for i, c in enumerate(text):
        if c == "\ufffd":
            data.append(0xFF)  # a byte UTF-8 never has: the lost bytes stay lost
            origin.append(i)
            continue
        try:
            b = c.encode("gbk")
        except UnicodeEncodeError:
            return None
        data += b
        origin += [i] * len(b)
    out: list[str] = []
    begins: list[int] = []
    ends: list[int] = []
    ok = broken = k = 0
    while k < len(data):
        b0 = data[k]
        if b0 < 0x80:
            out.append(chr(b0))
            begins.append(origin[k])
            ends.append(origin[k] + 1)
            k += 1
            continue
        size = 2 if 0xC2 <= b0 <= 0xDF else 3 if 0xE0 <= b0 <= 0xEF else 4 if 0xF0 <= b0 <= 0xF4 else 0
        try:
            char = bytes(data[k : k + size]).decode("utf-8") if size and k + size <= len(data) else ""
        except UnicodeDecodeError:
            char = ""
        if char:
            out.append(char)
            begins.append(origin[k])
            ends.append(origin[k + size - 1] + 1)
            # Chinese read back is three bytes a character (a Han character, a mark of 、。，“”); two bytes that
            # happen to read (ǩ from 签's GBK) and 锟斤拷 (GBK for two U+FFFD) count against
            if size == 3 and char != "\ufffd" and ("\u3000" <= char <= "\u9fff" or char >= "\uff00"
                                                     or "\u2000" <= char <= "\u206f"):
                ok += 1
            else:
                broken += 1
            k += size
        elif out and out[-1] == "\ufffd" and ends[-1] >= origin[k]:
            ends[-1] = origin[k] + 1  # one mark for a run of broken bytes
            k += 1
        else:
            out.append("\ufffd")
            begins.append(origin[k])
            ends.append(origin[k] + 1)
            broken += 1
            k += 1
    if ok < 4 or 2 * ok < 3 * broken:
        return None
    return "".join(out), (begins, ends)


# A character lost in saving or for want of a glyph, as pages write it: a question mark, or a white square (上□市, 沪□对口合作).
_LOST_MARKS = ("?", "？", "\u25a1")
_QUESTION = re.compile("[?？\u25a1]")


def _lost_marks(text: str, topics: tuple[Topic, ...]) -> str:
    """`text` with each "?" or "□" that stands for a character of a name lost in saving (三?市, 上□市: between
    the two characters either side of an inner character of a name, `Topic.lost_pairs`) written as
    GARBLED, which the name groups read as a lost character. A question mark between sentences
    ("怎么办?市民可…") is left: 办 and 市 are no name's; so is a form's box (□是 □否)."""
    if not any(q in text for q in _LOST_MARKS):
        return text
    pairs = topics[0].lost_pairs if len(topics) == 1 else frozenset().union(*(t.lost_pairs for t in topics))
    out, last = [], 0
    for m in _QUESTION.finditer(text, 1, len(text) - 1):
        i = m.start()
        a, b = text[i - 1], text[i + 1]
        if a >= "\u3400" and b >= "\u3400" and normalize(a + b) in pairs:  # Latin text ("why?") is passed over
            out += [text[last:i], GARBLED]
            last = i + 1
    return "".join(out) + text[last:] if out else text


def _lost_shorts(text: str, topics: tuple[Topic, ...]) -> str:
    """`text` with each lost character (〓) that is the other character of a two-character name
    (三〓, 〓海: `Topic.lost_shorts`) written as that name's, when the article writes the name in full
    elsewhere and no other such name: "上海瑞金医院三〓分院" under "来源：三明日报" is 三明's branch. Alone,
    三〓 could be 三亚 or 三元; a run of them (三〓〓) is too garbled to guess. The kept character
    comes first, or the name opens a word (〓海 after no Han character): 清〓县 is no 〓县 of 沙县. Before
    市 / 县 / 区 the lost character is a longer name's middle (上〓市: 上海市, or 上饶市 in 江西上〓市), which
    the names of three characters read, with their province (the lost-name group).
    One character for one: every offset stays."""
    shorts = topics[0].lost_shorts if len(topics) == 1 else {k: v for t in topics for k, v in t.lost_shorts.items()}
    out = None
    written: dict[str, bool] = {}  # name → written in full in the text, looked up once per name

    def full(names: tuple[str, ...]) -> list[str]:
        for n in names:
            if n not in written:
                written[n] = n in text
        return [n for n in names if written[n]]

    for i in positions(text, GARBLED):
        before, after = text[i - 1 : i], text[i + 1 : i + 2]
        if before == GARBLED or after == GARBLED or after in _PLACE_ENDS:
            continue  # 三〓〓: too garbled; 上〓市: a longer name's, read as such (江西上〓市 is 上饶市)
        names = full(shorts.get(before + GARBLED, ()))
        if not names and not _HAN_CHAR.match(before):
            names = full(shorts.get(GARBLED + after, ()))
        if len(names) == 1:
            out = out or list(text)
            out[i] = names[0][1] if names[0][0] == before else names[0][0]
    return text if out is None else "".join(out)


_HAN_CHAR = re.compile("[\u3400-\u9fff]")
_PLACE_ENDS = frozenset("市县区州镇")


# A hit over `_Doc.text`: (start, end, paragraph, in_lead). Its other units (sentence, field,
# article) are derived when a rule asks (`_Scoped.by_unit`). Sorted, hits are in text order.
_HitT = tuple[int, int, int, bool]
_LINE = re.compile("[^\n]+")

# A video's subtitles, one short line each, with or without its time (00:25 师傅们都来自三明): pieces of one telling (上海
# in one line, the county in the next), read as one paragraph. A run of SUBTITLE_LINES lines or more with no mark
# ending a sentence or a clause: lines that each open with a time, anywhere; without times, from the body's first
# line, under a title that says it is a video (a column's headlines below a story are no subtitles).
SUBTITLE_LINES = 5
_SUBTITLE_AVERAGE = 80  # characters a line at most, on average, in a page holding such a run (a long story has none)
_SUBTITLE = re.compile(r"(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]? ?)?[^\n。!?;:、.]{1,30}")
_TIMED = re.compile(r"\n\[?\d{1,2}:\d{2}(?::\d{2})?\]? ?[^\n。!?;:、.]{1,30}(?=\n)")
_VIDEO = re.compile(r"视频|video|vlog|短片|微纪录")
_TIME_OPEN = re.compile(r"\[?\d{1,2}:\d{2}")


def _subtitles(norm: str, title_end: int) -> str:
    """`norm` with the line breaks inside a run of subtitles (see `SUBTITLE_LINES`) made spaces (offsets unchanged)."""
    runs = []
    first = norm.find("\n", title_end + 1)
    if _VIDEO.search(norm, 0, title_end) and _SUBTITLE.fullmatch(norm, title_end + 1, len(norm) if first < 0 else first):
        runs.append((title_end, _run_end(norm, title_end, False)))
    k = runs[0][1] if runs else title_end
    while ":" in norm and (m := _TIMED.search(norm, k)) is not None:
        runs.append((m.start(), _run_end(norm, m.start(), True)))
        k = max(runs[-1][1], m.end())
    spaced = [(a, b) for a, b in runs if norm.count("\n", a, b) >= SUBTITLE_LINES]
    if not spaced:
        return norm
    out, done = [], 0
    for a, b in spaced:
        out += [norm[done : a + 1], norm[a + 1 : b].replace("\n", " ")]
        done = b
    return "".join(out) + norm[done:]


# English set out one phrase a line, with no mark ending a line ("A printing factory in Shanghai\nMoved to Sanming as a
# whole"): in a run of VERSE_LINES such lines or more from the body's first line, a line opening with a verb in the past
# goes on the one before it, one sentence. Only there: a line opening otherwise stays its own paragraph (an itinerary's
# "Fly from Shanghai\nTo Sanming", a page of headlines one a line). Not lines holding a figure other than a year (an
# itinerary's days and times, a price list's prices) or a Chinese character, nor headlines below a story.
VERSE_LINES = 3
_VERSE_LINE = re.compile(r"(?:[a-z ,'’-]|(?<![0-9])(?:1[89]|20)[0-9]{2}s?(?![0-9])){2,60}")
# a line going on with its verb in the past ("A printing factory in Shanghai\nMoved to Sanming"): one clause
# (or one of the common irregular ones: "Doctors from Shanghai\nCame to Jiangle"), or with the phrase that says on whose
# behalf or under what ("…\nArrived at Taining County Hospital\nUnder the pairing program") or to do what ("To teach in
# village schools"): a clause's tail, not an itinerary's step ("To Sanming Shaxian Airport", "Visit Taining") nor a headline
_VERSE_VERB = re.compile(r"(?:[a-z]{2,}(?<!e)ed|came|went|brought|built|taught|sent|led|began|set up|took|gave) ")
# the tail a phrase, no comma in its line ("Under new rules, Yangpu hosts a forum" opens a headline of its own)
_VERSE_TAIL = re.compile(r"(?:under|as part of|thanks to|with the support of|with support from|with help from|supported by|"
                         r"funded by|backed by|on behalf of|in support of|"
                         r"to (?:teach|help|support|work|train|treat|serve|assist|volunteer)) [^,\n]*(?=\n|$)")


def _verse(norm: str, title_end: int) -> str:
    """`norm` with a line break inside a run of English phrase lines (see `VERSE_LINES`) before a verb in the past
    made a space (offsets unchanged); read from the body's first line, most bodies stop at it."""
    breaks, k = [], title_end  # the line break before each line of the run
    while k < len(norm):
        end = norm.find("\n", k + 1)
        end = len(norm) if end < 0 else end
        if _VERSE_LINE.fullmatch(norm, k + 1, end) is None:
            break
        breaks.append(k)
        k = end
    if len(breaks) < VERSE_LINES:
        return norm
    out = list(norm)
    for k in breaks[1:]:
        if _VERSE_VERB.match(norm, k + 1) or _VERSE_TAIL.match(norm, k + 1):
            out[k] = " "
    return "".join(out)


def _run_end(norm: str, k: int, timed: bool) -> int:
    """Where the run of subtitle lines after the line break at `k` ends (the line break after its last line, or the
    text's end); `timed`: each line opens with a time."""
    while k < len(norm):
        end = norm.find("\n", k + 1)
        end = len(norm) if end < 0 else end
        if not _SUBTITLE.fullmatch(norm, k + 1, end) or (timed and not _TIME_OPEN.match(norm, k + 1)):
            return k
        k = end
    return k


def _follow_lines(doc: _Doc, lead: int, cut: int) -> frozenset[int]:
    """The paragraphs above the lead that are an account's follow prompt (`_FOLLOW`) or the story's
    source line (来源：三明日报, "Source: Sanming Daily": the outlet that wrote it), in a titled page (an
    untitled one's lines above the lead are its title already); below the story, up to `cut`, a source line
    naming a public body (来源：建宁县卫健局: the body posting its own news, `_SOURCE_BODY`), not an outlet (来源：三明日报
    under another place's story it reprinted)."""
    text, starts = doc.text, doc.para_starts
    if lead < 1 or not doc.has_title:
        return frozenset()
    below = _source_below(text, starts, lead, cut) if "来源" in text else None
    if lead < 2:
        return frozenset() if below is None else frozenset((below,))
    above = text[: starts[lead]]
    follow, source = "关注" in above, "来源" in above or "source" in above
    if not follow and not source:
        return frozenset() if below is None else frozenset((below,))
    found = set() if below is None else {below}
    for i in range(1, lead):
        a, b = starts[i], starts[i + 1] - 1
        if b - a < _BYLINE_MAX and ((follow and "关注" in text[a:b] and _FOLLOW.search(text, a, b))
                                    or (source and _SOURCE.search(text, a, b))):
            found.add(i)
    return frozenset(found)


_SOURCE = re.compile("来源 ?:|source ?:")
# A public body named as a story's source (来源：建宁县卫健局, 来源：泰宁县人民政府, 来源：三明市第一医院), not a news outlet
# (日报, 网, 电视台, 融媒体中心: they reprint other places' stories too).
_SOURCE_BODY = re.compile(r"来源 ?: ?(?![^\n ]*?(?:报|网|台|社|媒|刊|新闻))[^\n ]{2,20}?(?:局|委员会|委|政府|办公室|医院|管委会)(?: |$)")
_SOURCE_BELOW = 4  # the story's last paragraphs looked at for its source line
# The name on an outlet's, a source's or an editor's line (来源：三明日报, 稿源：上海发布, 责任编辑：林晓, 作者单位：三明学院,
# "Source: Shanghai Daily"): who wrote or posted the page, not a place of the story (a Shanghai district's story reprinted by
# a Sanming paper is still a Shanghai story). Its label opens a line or follows a gap, a date or a bracket (资金来源：上海市
# is the story's money). A public body named as the source (`_SOURCE_BODY`: 来源：建宁县卫健局) is that side posting its own
# news, and stays read.
_OUTLET = re.compile(r"(?:^|(?<=[\n (\[|/\d]))(?:来源|稿源|编辑|责任编辑|责编|作者单位|source) ?: ?([^\n ]{2,16}"
                     r"(?:(?<=[a-z]) [a-z][^\n ]*){0,4})")


# A story naming its own side by no name (市委书记会见松江区党政代表团, 我市, 全县, "the secretary of the municipal party
# committee"): the outlet's place is the story's (a city paper's own mayor); its name there counts as the story's side.
_UNNAMED_HOST = re.compile(r"(?:^|(?<=[^\u4e00-\u9fff]|[了的和与及同在由是为见到赴向请]))(?:市委|市政府|市长|县委|县政府|县长)"
                           r"|我市|本市|全市|我县|本县|全县|\b(?:the municipal|the city|our city|the county|our county)\b")


# A news outlet's name run into the story's first line, as its dateline (三明日报讯, 三明新闻网3月5日讯, 三明日报 长宁区与…:
# the masthead and the lead joined by an extraction; in the title, an untitled page's first line, only before 讯) or named
# as the story's source inside it (据三明日报报道, 据上海发布消息): who reports, not a place of the story, as on a source line
# (`_OUTLET`). A wire's dateline place after its name (东南网三明讯, 新华社三明3月5日电) is where the story happened: read.
_OUTLET_NAME = r"[\u4e00-\u9fff]{1,8}?(?:日报|晚报|早报|都市报|商报|时报|新闻网|新闻|发布|融媒体中心|电视台|报社|网)"
_RUN_IN = re.compile(f"({_OUTLET_NAME})(?:讯|\\d{{1,2}}月\\d{{1,2}}日讯| (?=[^ \\n]))")
_CITED = re.compile(f"据({_OUTLET_NAME})(?:消息|报道|讯)")
_RUN_IN_LINES = 3  # the body's first lines looked at for a run-in outlet


def _outlets(text: str, starts: list[int], cut: int) -> list[tuple[int, int]]:
    """The names on the text's source, outlet and editor lines (`_OUTLET`) and run into its first lines or cited in it
    (`_RUN_IN`, `_CITED`), ascending [start, end), but a public body's; none when the story, up to `cut`, names its own side
    by no name (`_UNNAMED_HOST`)."""
    found = [m.span(1) for m in _OUTLET.finditer(text) if not _SOURCE_BODY.match(text, m.start())] \
        if ("来源" in text or "编" in text or "稿源" in text or "作者单位" in text or "source" in text) else []
    run_in = [m.span(1) for a in starts[1 : 1 + _RUN_IN_LINES] if a < cut and (m := _RUN_IN.match(text, a))]
    if (m := _RUN_IN.match(text)) and text[m.end() - 1] == "讯":  # a title (an untitled page's first line) opening 三明日报讯
        run_in.insert(0, m.span(1))
    if "据" in text:
        run_in += [m.span(1) for m in _CITED.finditer(text, starts[1], cut)]
    if run_in:
        found = sorted(found + run_in)
    return [] if found and _UNNAMED_HOST.search(text, 0, cut) else found


def _source_below(text: str, starts: list[int], lead: int, cut: int) -> int | None:
    """The paragraph below the lead and above `cut`, among the last `_SOURCE_BELOW`, that is a source line naming
    a public body (`_SOURCE_BODY`), else None."""
    k = bisect_right(starts, cut - 1) - 1
    for i in range(k, max(lead, k - _SOURCE_BELOW), -1):
        a = starts[i]
        b = min(cut, starts[i + 1] - 1 if i + 1 < len(starts) else len(text))
        if b - a < _BYLINE_MAX and (m := text.find("来源", a, b)) >= 0 and _SOURCE_BODY.match(text, m, b):
            return i
    return None


def _cut_and_lead(topic: Topic, doc: _Doc, bullets: list[int] | tuple[()] | None = None,
                  aside: list[tuple[int, int]] | None = None) -> tuple[int, int]:
    """Where the body stops being read (an `ignore_after` marker) and the lead paragraph. `bullets`: where the
    text has a bullet, ascending (the literal pass finds them: `_BULLETS`); None: scan for them here. `aside`, when
    given, gets the page's chrome blocks above the story (`_past_share_bar`), ascending [start, end): not read."""
    text, starts = doc.text, doc.para_starts
    cut = len(text)
    if aside is None:
        aside = []
    if topic.ignore_after is not None and (m := topic.ignore_after.search(text, starts[1] - 1)):
        m = _past_share_bar(topic.ignore_after, text, starts, topic.lead_min_chars, m, doc.lists.keyword_lines, aside)
        m = _past_menu(topic.ignore_after, text, starts[1] - 1, m) if m is not None else None
        cut = len(text) if m is None else m.start() + 1  # the paragraph after the "\n"
    if bullets is None:
        bullets = [m.start() for m in _BULLET.finditer(text)]
    if bullets and not doc.has_title and (top := _bulleted_top(text, starts, cut, topic.lead_min_chars)) > 0:
        aside.insert(0, (starts[1], top))  # "· 沪明对口合作项目集中签约" over a street's fire check: a related link
    if aside and bullets:  # a links list above the story, set aside already
        bullets = [b for b in bullets if not _inside(aside, b)]
    if topic.ignore_inline is not None and bullets:
        cut = _inline_marker(topic.ignore_inline, text, starts[1], cut, bullets)
    if topic.ignore_flat is not None and "。 " in text and (m := topic.ignore_flat.search(text, starts[1], cut)):
        cut = m.start() + 1  # past the sentence's mark: "…排查隐患。 相关新闻 沪明…", a page in one line
    if topic.ignore_after is not None and len(starts) > _TAIL_BULLETED + 2 and not _GALLERY.search(text, 0, starts[1]):
        cut = _headline_tail(text, starts, cut)
    if topic.ignore_after is not None and len(starts) > 2:
        cut = _footer_block(text, starts, cut)
    if topic.ignore_after is not None and ("网友" in text or "发表于" in text):
        cut = _comments_below(text, starts, cut, topic.lead_min_chars)
    lead = -1  # when no paragraph is long enough, the first leads (a menu line never does)
    head, heads = -1, 0  # an untitled page's headline lines of a lead's length: the first leads when no sentence follows
    menus = doc.lists.keyword_lines  # 新闻|福建|…|三明: a site's menu, not the story
    for i in range(1, len(starts)):
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
        if starts[i] >= cut:
            break
        if starts[i] in menus or (aside and _inside(aside, starts[i])):
            continue
        size = end - starts[i]
        if size >= topic.lead_min_chars and doc.lists.furnished and doc.lists.furniture(starts[i], end):
            continue  # 三明新闻 上海频道 沪明对口合作 … 联系我们: a menu between spaces, never the lead
        lead = i if lead < 0 else lead
        if size >= topic.lead_min_chars and not _byline(text, starts[i], end) \
                and not (size < starts[1] and text.find(text[starts[i]:end], 0, starts[1] - 1) >= 0):  # the title again
            if not doc.has_title and _headline(text, starts[i], end):
                if heads == _HEADLINES:  # more headlines: a list of them, no title; the first leads, as ever
                    return cut, head
                head = i if head < 0 else head  # "Shanghai and Fujian agree to develop red tourism": the title
                heads += 1  # (and its repeat, or a subtitle), above the lead
                continue
            return cut, i
    return cut, (head if head > 0 else lead)


def _bulleted_top(text: str, starts: list[int], cut: int, min_chars: int) -> int:
    """The start of the story's first paragraph (`min_chars` long or more, a sentence in it) below the bulleted headlines
    ("· 沪明对口合作项目集中签约": the related links a page kept above its story) an untitled page opens with, else -1.
    A bulleted line is one of a list, never the page's own headline (`_opening_headline` takes none)."""
    k, n = 1, len(starts)
    while k < n and starts[k] < cut:
        a, end = starts[k], starts[k + 1] - 1 if k + 1 < n else len(text)
        if a == end or text[a] not in _TAIL_BULLETS or not _headline(text, a, end):
            break
        k += 1
    if k == 1 or k >= n or starts[k] >= cut:
        return -1
    a, end = starts[k], starts[k + 1] - 1 if k + 1 < n else len(text)
    return a if end - a >= min_chars and not _headline(text, a, end) else -1


# Headlines left below a story with no marker (a links block whose heading the extractor dropped): the page's
# last lines, each a short line with no mark of a sentence or a table's columns ("沪明对口合作签约仪式举行", "上海嘉定区代表团来
# 尤溪考察"), three or more, under a paragraph that ends a sentence.
_TAIL_LINES = 3
_TAIL_MAX = 30
_TAIL_MIN = 5
_TAIL_STORY_MIN = 15  # characters of the story's paragraph above the block
# Two lines are enough when each opens with a bullet ("· 沪明对口合作项目集中签约"): a links list, its heading dropped.
_TAIL_BULLETED = 2
_TAIL_BULLETS = frozenset("·•▪◆●■◇")
_NOT_HEADLINE = re.compile(r"[。!?;,、:]| [^ ]+ |^(?:图|摄|编辑|责任编辑|记者|来源|作者)")  # two gaps: a table's row
_STORY_END = re.compile(r"(?:[。!?]|[a-z0-9)\"”’'][.!?])\S{0,2}$")
# The same block in English ("Shanghai-Sanming park signs new tenants", "More stories"): a line of two to
# twelve words of letters, four digits at most (a year), no mark of a sentence, a clause or a list, under a story's
# last sentence (a full stop counts there).
_TAIL_EN_MAX = 80
_TAIL_EN = re.compile(r"[a-z][a-z'’-]*(?: [a-z0-9][a-z0-9'’-]*){1,11}")
_FIGURE = re.compile(r"\d")
# A gallery's title: its short lines below the story are its captions ("长宁区援派医生在宁化县医院查房").
_GALLERY = re.compile(r"组图|图集|图片|图说|影像|镜头|photos|gallery|in pictures")


def _headline_tail(text: str, starts: list[int], cut: int) -> int:
    """`cut`, or the start of the block of headlines ending the page (`_TAIL_LINES` or more) when a
    story's sentence stands above it."""
    k = bisect_right(starts, cut - 1) - 1  # the last paragraph read
    end = cut - 1 if cut < len(text) else len(text)
    n = bulleted = 0
    while k > 1:
        a = starts[k]
        line = text[a:end]
        if not _TAIL_MIN <= len(line) <= _TAIL_MAX or _NOT_HEADLINE.search(line):
            if not (len(line) <= _TAIL_EN_MAX and _TAIL_EN.fullmatch(line) and len(_FIGURE.findall(line)) <= 4):
                break
        n, end, k = n + 1, a - 1, k - 1
        bulleted += line[0] in _TAIL_BULLETS
    if (n < _TAIL_LINES and (n < _TAIL_BULLETED or bulleted < n)) or not _STORY_END.search(text, starts[k], end) \
            or end - starts[k] < _TAIL_STORY_MIN:
        return cut
    return starts[k + 1]


# A site's footer closing what is read (主办单位：… 协办单位：上海… 网站标识码 …, 技术支持：…, 地址：…), as a careless
# extraction hands it over above the copyright line or at the page's end: who runs the site, not the story. Lines
# opening with such a label, one of them (or the line the text is cut at) naming the site (版权, ICP, 网站 …); an
# event's 主办 line above its agenda (not at the end) or a story's "主办方介绍…" (no label) is no footer.
_FOOTER_LINE = re.compile(r"[ |·•-]*(?:(?:网站主办|主办单位|主办|承办单位|承办|协办单位|协办|主管单位|主管|技术支持|地址|联系地址|电话"
                          r"|联系电话|邮编|传真|电子邮箱|投稿邮箱|网站标识码|e-?mail) ?:|版权所有|版权声明|copyright|©|[\u4e00-\u9fff]icp"
                          r"|icp ?备|公网安备|备案号)")
_FOOTER_SITE = re.compile(r"版权|icp|备案|标识码|技术支持|网站|copyright|©|all rights reserved")
_FOOTER_MAX = 200  # characters of one footer line (a careless extraction joins a footer's cells)


def _footer_block(text: str, starts: list[int], cut: int) -> int:
    """`cut`, or the start of the site's footer lines just above it (`_FOOTER_LINE`), when one of them or the
    line at `cut` names the site (`_FOOTER_SITE`); never the first body paragraph."""
    k = bisect_right(starts, cut - 1) - 1  # the last paragraph read
    end = cut - 1 if cut < len(text) else len(text)
    top = -1
    while k > 1 and end - starts[k] <= _FOOTER_MAX and _FOOTER_LINE.match(text, starts[k], end):
        top, end, k = starts[k], starts[k] - 1, k - 1
    if top < 0:
        return cut
    line_end = text.find("\n", cut)
    below = cut < len(text) and _FOOTER_SITE.search(text, cut, line_end if line_end >= 0 else len(text))
    return top if below or _FOOTER_SITE.search(text, top, cut - 1) else cut


# Readers' comments left below the story without their thread's heading (网友“山城小李”：沪明合作越来越好…), each line
# opening with the reader's label. Only below a paragraph of the story: a page of readers' comments or a reader's
# question answered by an office (网友留言：… 回复单位：…) opens with them, and they are its subject.
_COMMENT_LINE = re.compile(r"\n网友[“\"]?[^\n:“”\"]{1,12}[”\"]? ?:")
# A reader's post headed by a line of its own naming the reader and the time (山城小李 发表于 2025-10-02 10:21, 发表于：3天前):
# the post is the line below it, however long.
_POSTED_LINE = re.compile(r"\n[^\n]{0,24}?发表于 ?:? ?(?:\d{2,4}[-/.年]\d{1,2}|\d{1,2} ?(?:分钟|小时|天)前|昨天|前天|今天)"
                          r"[^\n]{0,24}(?=\n|$)")


def _comments_below(text: str, starts: list[int], cut: int, min_chars: int) -> int:
    """`cut`, or the start of the block of comment lines (`_COMMENT_LINE`; short lines between them: dates, 回复 | 点赞)
    ending what is read, when a paragraph of the story (at least `min_chars` long, not a comment) stands above it. An
    interview's questions answered at length between them are no such block."""
    k = bisect_right(starts, cut - 1) - 1  # the last paragraph read
    end = cut - 1 if cut < len(text) else len(text)
    top = -1
    posted = "发表于" in text
    while k > 1:
        a = starts[k]
        if _COMMENT_LINE.match(text, a - 1) or (posted and _POSTED_LINE.match(text, a - 1)):
            top = k
        elif end - a >= min_chars and not (posted and _POSTED_LINE.match(text, starts[k - 1] - 1)):
            break
        end, k = a - 1, k - 1
    if top < 0:
        return cut
    for i in range(1, top):
        a = starts[i] - 1
        if starts[i + 1] - 1 - starts[i] >= min_chars and not _COMMENT_LINE.match(text, a) \
                and not (posted and i > 1 and _POSTED_LINE.match(text, starts[i - 1] - 1)):
            return starts[top]
    return cut


def _headline(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a headline: no longer than one, no sentence in it or ending it? (An untitled page
    often opens with its title; an English one is long enough to pass for a lead.)"""
    return end - start <= _HEADLINE_MAX and not _SENTENCE_INSIDE.search(text, start, end) \
        and text[end - 1] not in _SENTENCE_LAST


def _byline(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a source, date or editor line: short with a label in it, or longer, opening
    with its label and no sentence in it?"""
    size = end - start
    if size < _BYLINE_MAX:
        return _BYLINE.search(text, start, end) is not None
    return (size < _BYLINE_LONG and (m := _BYLINE.search(text, start, min(end, start + _BYLINE_OPEN + 16))) is not None
            and m.start() - start <= _BYLINE_OPEN and not _SENTENCE_INSIDE.search(text, start, end))


_MENU_REACH = 300  # characters from a menu's marker to the headline repeated below it
_SHARE_BAR = "分享到"  # a page's share buttons (分享到：微信 微博 QQ空间): above the story as often as below it
# A line of bare previous / next links (上一篇 下一篇: a newspaper's e-paper page has it above the headline) is the
# same chrome; one carrying another story's headline (上一篇：沪明对口合作签约…) is a links block, never passed over.
_PAGER = re.compile(r"(?:[^\w\n]*(?:上一篇|下一篇|上一条|下一条))+[^\w\n]*")


def _bare_pager(text: str, start: int) -> bool:
    """Is the line at `start` only previous / next links with nothing after them (`_PAGER`)?"""
    end = text.find("\n", start)
    return _PAGER.fullmatch(text, start, len(text) if end < 0 else end) is not None


def _past_share_bar(marker: re.Pattern[str], text: str, starts: list[int], min_chars: int,
                    m: re.Match[str] | None, menus: frozenset[int] | set[int] = frozenset(),
                    aside: list[tuple[int, int]] | None = None) -> re.Match[str] | None:
    """The first `ignore_after` marker that is not the page's chrome above the story. A line of share buttons
    (`_SHARE_BAR`) or bare previous / next links with no paragraph of a lead's length above it (only a menu, a
    dateline) is the page's chrome before the story, as its copy at the story's end is after it. So is any other
    marker with neither such a paragraph nor a sentence above it (评论（0）, 标签：…, 上一篇：<another headline>, a
    相关新闻 or 热点排行 box a careless extraction put above the story): its line, and under a heading (相关新闻, 热点排行:
    nothing after the words but a colon or 更多>>) the list of other headlines it heads (`_top_list_end`), go to
    `aside` as [start, end) and are not read, so the story below is judged on its own and the list adds nothing. A
    marker that counts only as a line of its own (the pattern's group `alone`: 评论, "Comments") is passed so too. A
    source, date or editor line of a lead's length above the bar (2025-06-12 09:15 来源：东南网 责任编辑：… |: a portal's
    story page) is the page's chrome too, not the story; so is a menu line (`menus`), and an untitled page's first line
    when no full stop is in it (its headline, `_HEADLINE_MAX`)."""
    i = 1  # paragraphs above the marker looked at so far (once each, however many bars)
    sentence = False  # one of them holds a sentence
    untitled = starts[1] == 1  # its first line, no full stop in it, is its headline however long (总投资109亿元!…)
    while m is not None:
        alone = m.lastgroup == "alone"
        bar = text.startswith(_SHARE_BAR, m.start() + 1) or _bare_pager(text, m.start() + 1)
        while i < len(starts) and starts[i] <= m.start():
            end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
            if not (i == 1 and untitled and end - starts[i] <= _HEADLINE_MAX and not _FULL_STOP.search(text, starts[i], end)):
                if end - starts[i] >= min_chars and starts[i] not in menus and not _byline(text, starts[i], end) \
                        and not (aside and _inside(aside, starts[i])):
                    return m
                sentence = sentence or _SENTENCE_INSIDE.search(text, starts[i], end) is not None
            i += 1
        if not bar and sentence:
            return m
        end = text.find("\n", m.start() + 1)
        if end < 0:
            end = len(text)
        if not bar and not alone:
            if aside is None:
                return m
            block = _top_list_end(marker, text, m, end) if _HEADING_REST.fullmatch(text, m.end(), end) else end
            aside.append((m.start() + 1, block))
            end = block
        m = None if end >= len(text) else marker.search(text, end)
    return m


_HEADLINE_MAX = 80  # characters of a headline opening an untitled page
_FULL_STOP = re.compile(r"。|\. ")
# What may follow a marker's words on its line for it to head a list (相关新闻, 相关新闻：, 热点排行 更多>>); a count (评论（0）)
# is a widget's, heading nothing above the story.
_HEADING_REST = re.compile(r"[^\w\n]*(?:更多[^\w\n]*)?")
_TOP_ITEM_MAX = 40  # characters of one headline in a list above the story
_TOP_ITEM_MARK = re.compile(r"[·•▪◆●■\-]|\d{1,2}[.、)]|\[\d{1,2}\]")  # a bulleted or numbered item


def _top_list_end(marker: re.Pattern[str], text: str, m: re.Match[str], end: int) -> int:
    """Where the list headed by the marker line `m` (ending at `end`) ends: after its items, lines of a headline's
    length with no full stop, each bulleted or numbered when the first is; before another marker's line."""
    marked: bool | None = None
    while end < len(text):
        a = end + 1
        b = text.find("\n", a)
        if b < 0:
            b = len(text)
        if b - a > _TOP_ITEM_MAX or "。" in text[a:b] or marker.match(text, end):
            break
        item = _TOP_ITEM_MARK.match(text, a) is not None
        if marked is None:
            marked = item
        elif marked and not item:
            break
        end = b
    return end


def _inside(spans: list[tuple[int, int]], k: int) -> bool:
    """Is `k` inside one of the ascending [start, end) `spans`?"""
    j = bisect_right(spans, (k + 1, 0)) - 1  # the last one starting at or before k
    return j >= 0 and k < spans[j][1]


def _past_menu(marker: re.Pattern[str], text: str, title_end: int, m: re.Match[str] | None) -> re.Match[str] | None:
    """The first `ignore_after` marker below the story's start: a marker followed shortly by the
    page's headline again (an aggregator's menu, "目录 / 相关文章推荐 / … / <the title> / <the story>") is
    the page's chrome above the story, not a links block after it."""
    title = text[:title_end]
    while m is not None and len(title) >= 8:
        k = text.find("\n" + title, m.end(), m.end() + _MENU_REACH + len(title))
        if k < 0 or text[k + 1 + len(title) : k + 2 + len(title)] not in ("\n", ""):
            return m
        m = marker.search(text, k + 1)
    return m


def _inline_marker(marker: re.Pattern[str], text: str, start: int, cut: int, bullets: list[int] | tuple[()]) -> int:
    """The start of a marker followed by a bullet ("相关新闻：· …"), else `cut`.

    Bullets are rare characters, so they are found first (`bullets`, ascending: the literal pass's) and the
    marker is checked behind.
    """
    for b in bullets[bisect_right(bullets, start - 1) :]:
        if b >= cut:
            break
        window = text[max(start, b - 16) : b]
        if m := marker.search(window):
            return b - len(window) + m.start()
    return cut


class _Hits(dict):
    """Hits per group name, each group scanned only when a rule first asks for it.

    A rule whose first `all` group is absent is decided without scanning the others, so an
    article off the topic costs a few scans, not one per group.
    """

    def __init__(self, topic: Topic, doc: _Doc) -> None:
        super().__init__()
        self.topic, self.doc = topic, doc
        literals, self.ids = _literals(topic)
        self.found = Found(literals, doc.text)
        if id(_TONED) in self.found.starts:  # pinyin with tone marks (Shànghǎi): read as written plain
            doc.untone()
            self.found = Found(literals, doc.text)
        if (menus := self.found.starts.get(id(_MENU))) and not doc.menus_read:  # 首页 新闻 沪明合作 上海 三明 …
            doc.lists.add_menus(menus)
            doc.menus_read = True
        if id(_FURNITURE) in self.found.starts:  # 视频, 联系我们, 专题: a line of the site's furniture may hold hits
            doc.lists.furnished = True
        self.aside: list[tuple[int, int]] = []  # the page's chrome above the story (`_past_share_bar`): not read
        self.cut, self.lead = _cut_and_lead(topic, doc, self.found.starts.get(id(_BULLETS), ()), self.aside)
        self.heads = _follow_lines(doc, self.lead, self.cut)
        text = doc.text
        self.outlets = _outlets(text, doc.para_starts, self.cut)
        self.garbled = GARBLED in doc.text  # a lost character: garbled names are scanned for

    def _lead_end(self) -> int:
        starts = self.doc.para_starts
        return starts[self.lead + 1] if self.lead + 1 < len(starts) else len(self.doc.text)

    def __missing__(self, name: str) -> list[_HitT]:
        doc, lead = self.doc, self.lead
        group = self.topic.groups[name]
        ids = self.ids[name]  # most groups in most articles: none of their patterns occurs, no scan
        if ids is not None and self.found.starts.keys().isdisjoint(ids) and not (group.garbled is not None and self.garbled):
            self[name] = []
            return []
        stop = doc.para_starts[1] if name in self.topic.title_only else self.cut
        if name in self.topic.lead_only:  # read up to the lead's end (untitled: the lines above it too)
            stop = doc.para_starts[1] if lead < 1 else min(stop, self._lead_end())
        spans = group_spans(group, doc.text, stop, doc.lists, self.found)
        if self.aside:
            spans = [s for s in spans if not _inside(self.aside, s[0])]
        if self.outlets and spans:
            spans = [s for s in spans if not _inside(self.outlets, s[0])]
        starts = doc.para_starts
        if lead > 1 and not doc.has_title:  # untitled: the short lines above the lead are its title
            found = [(a, b, p, 0 < p <= lead) for a, b in spans for p in (bisect_right(starts, a) - 1,)]
        elif self.heads:  # a follow prompt or a source line above the lead names the author: up front
            heads = self.heads
            found = [(a, b, p, p == lead or p in heads) for a, b in spans for p in (bisect_right(starts, a) - 1,)]
        else:
            found = [(a, b, p, p == lead) for a, b in spans for p in (bisect_right(starts, a) - 1,)]
        self[name] = found
        return found


# id(topic) → one automaton for all its groups' terms, contexts and garbled names, made on the
# topic's first match in this process and dropped with the topic. Kept beside the topic, not in
# it: its fields make its rules hash.
# Beside it, per group, the ids of the patterns whose places the literal pass finds (terms,
# regexes, garbled names), or None when one of them is scanned in full: a group none of whose
# patterns was found anywhere has no hit, known without a scan (`_Hits.__missing__`).
_LITERALS: dict[int, tuple[Literals, dict[str, tuple[int, ...] | None]]] = {}


def _literals(topic: Topic) -> tuple[Literals, dict[str, tuple[int, ...] | None]]:
    key = id(topic)
    if key not in _LITERALS:
        patterns = [p for g in topic.groups.values() for p in (g.pattern if g.words else None, g.not_in, g.mojibake, g.regex)
                    if p is not None] + [_TONED, _MENU, _BULLETS, _FURNITURE]
        literals = Literals(patterns)
        ids: dict[str, tuple[int, ...] | None] = {}
        for name, g in topic.groups.items():
            mine = tuple(id(p) for p in (g.pattern if g.words else None, g.regex, g.mojibake) if p is not None)
            ids[name] = mine if all(i in literals.ids for i in mine) else None
        _LITERALS[key] = (literals, ids)
        weakref.finalize(topic, _LITERALS.pop, key, None)
    return _LITERALS[key]


_BODY = ("body",)
_TITLE_BODY = ("title", "body")


class _Scoped:
    """Hits per (group, fields) and per unit, computed once per article for all rules."""

    def __init__(self, hits: _Hits) -> None:
        self.hits = hits
        self._in: dict[tuple[str, tuple[str, ...]], list[_HitT]] = {}
        self._by: dict[tuple[str, tuple[str, ...], str], dict[int, list[_HitT]]] = {}

    def scoped(self, group: str, fields: tuple[str, ...]) -> list[_HitT]:
        """The group's hits inside `fields` (title, lead, body)."""
        key = (group, fields)
        found = self._in.get(key)
        if found is None:
            hits = self.hits[group]
            if "title" in fields and "body" in fields:
                found = hits  # every hit is in the title or the body (the lead is body)
            else:
                title, body, lead = "title" in fields, "body" in fields, "lead" in fields
                found = [h for h in hits if (title if h[2] == 0 else body or (lead and h[3]))]
            self._in[key] = found
        return found

    def by_unit(self, group: str, fields: tuple[str, ...], unit: str) -> dict[int, list[_HitT]]:
        """The group's hits inside `fields`, per unit (a unit number → its hits, in order)."""
        key = (group, fields, unit)
        found = self._by.get(key)
        if found is None and fields == _BODY and (whole := self._by.get((group, _TITLE_BODY, unit))) is not None:
            # the body's units out of the whole article's, grouped already (a rule read in the body
            # after one over title and body): a unit holds hits of one field, or the title's last
            # sentence and the body's first when no mark ends the title (then its body hits)
            found = {}
            for u, hs in whole.items():
                if hs[0][2] > 0:
                    found[u] = hs
                elif hs[-1][2] > 0:
                    found[u] = [h for h in hs if h[2] > 0]
            self._by[key] = found
        elif found is None:
            hits = self.scoped(group, fields)
            found = {}
            if unit == "article":
                if hits:
                    found[0] = hits
            elif unit == "paragraph":
                for h in hits:
                    found.setdefault(h[2], []).append(h)
            elif unit == "sentence":
                ends = self.hits.doc.sentence_ends
                for h in hits:
                    found.setdefault(bisect_right(ends, h[0]), []).append(h)
            else:  # field: 0 the title, 1 the body
                for h in hits:
                    found.setdefault(int(h[2] > 0), []).append(h)
            self._by[key] = found
        return found


    def vetoing(self, group: str, fields: tuple[str, ...], unit: str) -> dict[int, list[_HitT]] | set[int]:
        """The units where a `none` group's hits keep a rule from firing: its hits per unit, less those
        a clause sets aside ("除了云南、新疆，我们还和宁化县结对": the answer is about Ninghua)."""
        found = self.by_unit(group, fields, unit)
        doc = self.hits.doc
        if not found or not doc.besides:
            return found
        return {u for u, hs in found.items() if not all(doc.set_aside(h[0]) for h in hs)}


def _fire(rule: Rule, scoped: _Scoped) -> list[_HitT] | None:
    """The evidence (hits) if the rule fires, else None."""
    present = scoped.hits
    if rule.anchor and any(g in present and not present[g] for g in rule.anchor):
        return None  # an anchor scanned already for another rule, with no hit: no scan of the other groups
    for g in rule.all:
        if not present[g]:
            return None  # the common case for an article off the topic: decided without work
    if rule.any:
        for g in rule.any:
            if present[g]:
                break
        else:
            return None
    if rule.not_title and not any(scoped.scoped(g, ("title",)) for g in rule.anchor) \
            and any(_names_in_title(scoped, g) for g in rule.not_title):
        return None  # "嘉定区与温州市结对" is no Sanming report, whatever its lead names
    if not rule.anchor:
        return _fire_units(rule, scoped)
    anchors = _anchors(rule, scoped)
    if anchors is None:
        return None
    found = _fire_units(rule, scoped)
    return None if found is None else anchors + found


def _names_in_title(scoped: _Scoped, group: str) -> bool:
    """Does the title name the group's side? A contested name there (赴沪, 来沪: where someone goes)
    does not: "关于第三批赴沪跟班学习干部人选的公示" is the other side's notice, its people going."""
    hits = scoped.scoped(group, ("title",))
    contested = scoped.hits.topic.groups[group].contested
    if not hits or not contested:
        return bool(hits)
    text = scoped.hits.doc.text
    return any(text[h[0] : h[1]] not in contested for h in hits)


def _anchors(rule: Rule, scoped: _Scoped) -> list[_HitT] | None:
    """The first hit of each `anchor` group in the title or the lead (the article's subject),
    or None when one has none: "杨浦区政府工作报告" anchors the Shanghai side of a paragraph
    that names only 大田县 and 对口合作."""
    hits = []
    for g in rule.anchor:
        up_front = scoped.scoped(g, ("title", "lead")) or _throughout(scoped.hits[g])
        if not up_front:
            return None
        hits.append(up_front[0])
    return hits


def _throughout(hits: list[_HitT]) -> list[_HitT]:
    """`hits` when they fall in SUBJECT_PARAGRAPHS body paragraphs or more, else []: a side named
    throughout a long report is its subject, as one named in the title would be (a mayor's
    interview naming the city's counties answer after answer, "我们和上海的对口合作…" in the last)."""
    seen: set[int] = set()
    for h in hits:
        if h[2] > 0:
            seen.add(h[2])
            if len(seen) >= SUBJECT_PARAGRAPHS:
                return hits
    return []


def _fire_units(rule: Rule, scoped: _Scoped) -> list[_HitT] | None:
    """`_fire` past the presence checks: the evidence of the first unit where the rule holds."""
    if rule.within == "article":
        return _fire_article(rule, scoped)
    if rule.within == "statement":  # a sentence holding it all is the common case
        return _fire_in(rule, scoped, "sentence") or _fire_joined(rule, scoped)
    return _fire_in(rule, scoped, rule.within if isinstance(rule.within, str) else "paragraph")  # windows: per paragraph


def _fire_in(rule: Rule, scoped: _Scoped, unit: str) -> list[_HitT] | None:
    """`_fire_units` in units of `unit`."""
    by_unit, fields = scoped.by_unit, rule.fields
    alls = [by_unit(g, fields, unit) for g in rule.all]
    anys = [by_unit(g, fields, unit) for g in rule.any]
    units = _candidate_units(rule, alls, anys, scoped, unit)
    if not units:
        return None
    if not isinstance(rule.within, int):
        first = min(units)  # the first unit in text order holds the evidence
        return [h for hits in alls for h in hits[first]] + [h for hits in anys for h in hits.get(first, ())]
    for u in sorted(units):
        needs = [hits[u] for hits in alls]
        if anys:
            needs.append([h for hits in anys for h in hits.get(u, ())])
        if (window := _window(needs, rule.within)) is not None:
            return window
    return None


def _fire_joined(rule: Rule, scoped: _Scoped) -> list[_HitT] | None:
    """`_fire_units` for a statement past its single sentences: two sentences joined by a semicolon ("持续深化对口合作；与
    清流、明溪两县签订…"), neither holding a `none` group's hit ("完成云南结对县的帮扶任务；深化与泰宁县的对口合作" reads the
    second alone, "深化对口支援喀什工作；与将乐县共建…" has no pairing of Jiangle's). Read from the sentences' units."""
    by_unit, fields = scoped.by_unit, rule.fields
    alls = [by_unit(g, fields, "sentence") for g in rule.all]
    anys = [by_unit(g, fields, "sentence") for g in rule.any]
    if not alls or not all(alls) or (anys and not any(anys)):
        return None
    vetoed: set[int] = set()
    for g in rule.none:
        vetoed.update(scoped.vetoing(g, fields, "sentence"))
    ends, text = scoped.hits.doc.sentence_ends, scoped.hits.doc.text
    last = len(ends)
    rarest: dict[int, list[_HitT]] = min(alls, key=len)
    for s in sorted(rarest):  # the rarest group's sentences, each with the one before and after
        if s in vetoed:
            continue
        for t in (s - 1, s + 1):
            joint = min(s, t)
            if joint < 0 or joint >= last or text[ends[joint] - 1] != ";" or t in vetoed:
                continue
            if not all(s in hits or t in hits for hits in alls):
                continue
            found = [h for hits in anys for u in (s, t) for h in hits.get(u, ())]
            if len(found) < (rule.min_hits if anys else 0):
                continue
            return [h for hits in alls for u in (s, t) for h in hits.get(u, ())] + found
    return None


def _fire_article(rule: Rule, scoped: _Scoped) -> list[_HitT] | None:
    """`_fire` for a rule over the whole article: one unit, so no hits grouped by unit."""
    in_fields, fields = scoped.scoped, rule.fields
    alls = [in_fields(g, fields) for g in rule.all]
    anys = [h for g in rule.any for h in in_fields(g, fields)]
    if not all(alls) or (rule.any and len(anys) < rule.min_hits):
        return None
    for g in rule.none:
        if in_fields(g, fields):
            return None
    return [h for hits in alls for h in hits] + anys


def _candidate_units(rule: Rule, alls: list[dict[int, list[_HitT]]], anys: list[dict[int, list[_HitT]]],
                     scoped: _Scoped, unit: str) -> set[int]:
    """Units where every `all` group hits, `any` groups hit `min_hits` times, no `none` group."""
    sets: list[Iterable[int]] = [hits.keys() for hits in alls]
    if anys and rule.min_hits == 1:
        sets.append(set().union(*anys))
    elif anys:
        counts: dict[int, int] = {}
        for hits in anys:
            for u, hs in hits.items():
                counts[u] = counts.get(u, 0) + len(hs)
        sets.append({u for u, c in counts.items() if c >= rule.min_hits})
    if not sets or not all(sets):
        return set()
    units = set(sets[0]).intersection(*sets[1:])
    for g in rule.none:
        if units:
            units.difference_update(scoped.vetoing(g, rule.fields, unit))
    if rule.sentences > 1 and units:
        units = {u for u in units if _sentences(scoped, [hits[u] for hits in alls]) >= rule.sentences}
    return units


def _sentences(scoped: _Scoped, groups: list[list[_HitT]]) -> int:
    """How many sentences hold a hit of every group: a paragraph that keeps to a subject, not
    one sentence that names it in passing ("还与大田、尤溪等县结对")."""
    ends = scoped.hits.doc.sentence_ends
    each = [{bisect_right(ends, h[0]) for h in hits} for hits in groups]
    return len(set.intersection(*each))


def _window(needs: list[list[_HitT]], size: int) -> list[_HitT] | None:
    """Hits, one per need, inside `size` characters (the leftmost hit anchors the window)."""
    for anchor in sorted(h[0] for hs in needs for h in hs):
        stop = anchor + size
        chosen = [next((h for h in hs if anchor <= h[0] and h[1] <= stop), None) for hs in needs]
        if all(chosen):
            return chosen  # type: ignore[return-value]
    return None


def match_article(topic: Topic, title: str, body: str) -> Match:
    """Apply one topic to an article; hit offsets are in the original title / body."""
    return match_topics((topic,), title, body)[0]


def match_topics(topics: Iterable[Topic], title: str, body: str) -> list[Match]:
    """Apply several topics, normalising the article once; an article can match several. An untitled article
    whose body opens with its headline (`_opening_headline`) is read as titled with it: hits stay in the body."""
    topics = tuple(topics)
    if not title.strip() and (opening := _opening_headline(body)) is not None:
        top, a, b, c = opening
        doc = _Doc(body[a:b], body[top:a] + body[c:], topics)
        return [_in_body(_match(t, doc), top, a, c) for t in topics]
    doc = _Doc(title, body, topics)
    return [_match(t, doc) for t in topics]


# An untitled page (a feed's item without its title, a page handed over as one text) often opens with its headline
# line: its words are the title's, the title's rules (a round-up's 速览, a search page's 站内搜索, a notice's 寻人启事, the
# two sides named in the title) read them as a titled page's, or the page gets another verdict than with its title.
# Such a line: a headline's length, no sentence in it (no 。 or "; " inside, a ! or ? ending it, "上海专家来了！", and one
# more at most inside it, a question and its answer: "…赴三明签约？不，这是一则辟谣"),
# a site's <title> too (…_三明市人民政府网: `_SITE_TITLE`); not a dateline, a byline, a menu (首页, bars, 当前位置 >, three
# gaps between short items), a bullet's list item or a marker of the page's furniture (来源：, 标签：, 相关新闻, 分享到 …). Up to
# `_OPENING_CHROME` short lines of the page's chrome may stand above it (评论（0）, 分享到：微信 微博, a menu, a dateline:
# not a list's heading, 相关新闻, 热点排行, whose items follow); they stay the body's first lines, under the title.
_OPENING_MAX = 80  # characters of a Chinese headline line
_OPENING_MIN = 4
_OPENING_MARK = re.compile("[!?]")  # one at most before the line's end: a question and its answer (…？不，这是谣言)
_OPENING_GAPS = 3  # spaces between items (" - " before a site's name aside): a menu's line
_NOT_OPENING = re.compile(r"[。;>»/·•▪◆●■]|\|.*\||\. |来源|编辑 ?:|责编|记者 ?:|本报记者|发布(?:时间|日期)|评论|分享到|标签|首页|导航"
                          r"|相关(?:新闻|阅读|链接|文章|报道)|热点(?:新闻|排行)|点击|打印|关闭|字号|上一篇|下一篇|当前位置|您的位置"
                          r"|\d{4}[-/年.]\d")
# A page's <title> kept as its first line, the site's name after "_" (沪明对口合作专题_沙县区人民政府网): the title a titled copy
# of the page has, read as one (a column's name over a story naming none of it is set aside then: `body_names`).
_SITE_TITLE = re.compile(r"[^_]{2,60}_[^_ ]{2,20}(?:网|政府|日报|新闻|频道|门户|网站|官网)")
_OPENING_CHROME = 3
_CHROME_MAX = 60  # characters of one such line
_CHROME = re.compile(r"来源 ?:|编辑 ?:|发布(?:时间|日期)|评论|分享到|标签 ?:|首页|导航|点击|打印|关闭|字号|当前位置|您的位置"
                     r"|\d{4}[-/年.]\d")
_NOT_CHROME = re.compile(r"[。·•▪◆●■]|相关|热点|上一篇|下一篇")
_HAN = re.compile("[\u4e00-\u9fff]")


def _opening_headline(body: str) -> tuple[int, int, int, int] | None:
    """(top, start, end, on) when an untitled body opens with its headline, body[start:end], below the page's chrome
    from `top` (or at `top`), the body going on at `on`; else None."""
    top = a = len(body) - len(body.lstrip())
    for _ in range(_OPENING_CHROME + 1):
        b = body.find("\n", a)
        if b < 0:
            return None
        line = normalize(body[a:b]).strip()
        han = _HAN.search(line) is not None
        if _OPENING_MIN <= len(line) <= (_OPENING_MAX if han else _HEADLINE_MAX) and line[-1] not in ".;:" \
                and not _NOT_OPENING.search(line) and len(_OPENING_MARK.findall(line, 0, len(line) - 1)) <= 1 \
                and (line.count("_") == 0 or _SITE_TITLE.fullmatch(line) is not None) \
                and not (han and line.replace(" - ", "-").count(" ") >= _OPENING_GAPS):
            c = len(body) - len(body[b:].lstrip())
            return None if c >= len(body) else (top, a, a + len(body[a:b].rstrip()), c)
        if len(line) > _CHROME_MAX or not _CHROME.search(line) or _NOT_CHROME.search(line):
            return None
        a = len(body) - len(body[b:].lstrip())
    return None


def _in_body(m: Match, top: int, a: int, c: int) -> Match:
    """`m` made on (body[a:…] as the title, body[top:a] + body[c:] as the body): its hits moved back into the body."""
    def at(field: str, k: int) -> int:
        return a + k if field == "title" else (top + k if top + k < a else k - (a - top) + c)
    hits = tuple(_hit(h.term, "body", at(h.field, h.start), at(h.field, h.end - 1) + 1, h.rule) for h in m.hits)
    return Match(topic=m.topic, matched=m.matched, score=m.score, hits=hits, rules=m.rules, reason=m.reason)


def _words(topics: tuple[Topic, ...]) -> frozenset[str]:
    """The words of every topic an article is matched against (a line break inside one is no
    break: `spaced.joined`)."""
    return topics[0].words if len(topics) == 1 else frozenset().union(*(t.words for t in topics))  # () → ∅


def _match(topic: Topic, doc: _Doc) -> Match:
    scoped = _Scoped(_Hits(topic, doc))
    present = scoped.hits
    # Evidence sorted once, in text order: both the hits and the reason read it so. A rule whose first
    # `all` group has no hit is passed over here, without a call (most rules of an article off the topic).
    fired = [(r, sorted(ev)) for r in topic.rules
             if (not r.all or present[r.all[0]]) and (ev := _fire(r, scoped)) is not None]
    aside: list[tuple[Rule, list[_HitT]]] = []
    if (topic.body_names or topic.body_pair) and any(r.weight > 0 and _title_alone(ev) for r, ev in fired) and _body_off(scoped):
        aside = [(r, ev) for r, ev in fired if r.weight > 0 and _title_alone(ev)]
        fired = [(r, ev) for r, ev in fired if not (r.weight > 0 and _title_alone(ev))]
    score = sum(r.weight for r, _ in fired)
    veto = next((r for r, _ in fired if r.veto), None)
    matched = score >= topic.threshold and veto is None
    reason = _reason(topic, doc, fired, score, matched, veto)
    if aside:
        reason += ("; " if fired else ": ") + "set aside, the body naming none of the title's subject: " + \
            "; ".join(f"{r.label} [{_terms(doc, ev)}]" for r, ev in aside)
    return Match(topic=topic.name, matched=matched, score=score, hits=_public_hits(doc, fired),
                 rules=tuple(r.name for r, _ in fired), reason=reason)


def _title_alone(evidence: list[_HitT]) -> bool:
    """Is every hit of a rule's evidence in the title?"""
    return all(h[2] == 0 for h in evidence)


def _body_off(scoped: _Scoped) -> bool:
    """A body of `body_min_chars` or more (up to where the story ends) that names none of the topic's
    `body_names` groups, nor every group of its `body_pair`: another story than its title's (a site's
    <title> or a column's name, 沪明对口合作_三明市人民政府, over a water cut's notice)."""
    hits, doc = scoped.hits, scoped.hits.doc
    if not doc.has_title or hits.cut - doc.para_starts[1] < hits.topic.body_min_chars:
        return False
    topic = hits.topic
    if any(h[2] > 0 for g in topic.body_names for h in hits[g]):
        return False
    return not topic.body_pair or not all(any(h[2] > 0 for h in hits[g]) for g in topic.body_pair)


def _public_hits(doc: _Doc, fired: list[tuple[Rule, list[_HitT]]]) -> tuple[Hit, ...]:
    """Each piece of evidence once, credited to the first fired rule that used it."""
    credited: dict[_HitT, str] = {}
    for rule, evidence in fired:
        for h in evidence[:MAX_HITS_PER_RULE]:
            credited.setdefault(h, rule.name)  # a hit's tuple is fixed by its (start, end)
    text, original = doc.text, doc.original
    return tuple(_hit(text[h[0] : h[1]], *original(h[0], h[1], h[2]), credited[h]) for h in sorted(credited))


def _hit(term: str, field: str, start: int, end: int, rule: str) -> Hit:
    """`Hit(term, field, start, end, rule)`, built without the frozen dataclass's `__init__`
    (five `object.__setattr__` calls: 0.9 µs a hit, 0.4 µs this way, a few % of a match).
    The object is the same: equal, hashed and printed alike (tests/test_match.py checks)."""
    hit = object.__new__(Hit)
    hit.__dict__.update(term=term, field=field, start=start, end=end, rule=rule)
    return hit


def _reason(topic: Topic, doc: _Doc, fired: list[tuple[Rule, list[_HitT]]], score: float, matched: bool,
            veto: Rule | None) -> str:
    if not fired:
        return "no rule fired"
    verdict = f"vetoed by {veto.name!r}" if veto else ("matched" if matched else "not matched")
    parts = [f"{r.label} [{_terms(doc, ev)}]" for r, ev in fired]
    sign = "≥" if score >= topic.threshold else "<"
    return f"{verdict}: score {score:g} {sign} {topic.threshold:g}: " + "; ".join(parts)


def _terms(doc: _Doc, evidence: list[_HitT]) -> str:
    """The first four distinct terms of sorted evidence."""
    seen: dict[str, None] = {}
    text = doc.text
    for h in evidence:
        seen[text[h[0] : h[1]]] = None
        if len(seen) == 4:
            break
    return " ".join(seen)
