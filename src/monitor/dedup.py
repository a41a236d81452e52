"""Identity and near-duplicate fingerprints for articles.

In: URLs and normalised text (see textnorm). Out: canonical URLs, content hashes, MinHash
signatures with their LSH band keys, and a containment score that confirms a candidate pair.
Pure: never touches the network or the database; the store keeps the band rows.

Reposts across outlets share most of their body but differ in headers, footers, editor lines
and title suffixes, so an exact hash alone misses them. One-permutation MinHash over
5-character shingles (hashed vectorised with numpy) finds candidates cheaply; LSH bands make
the candidate look-up an indexed equality query; the stored signatures and shingle counts
estimate containment, and only a borderline pair is confirmed on the shingles themselves.
"""

from __future__ import annotations

import decimal
import functools
import hashlib
import math
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

from .lshbands import BANDS, BINS, ROWS, _c, _mix, _np, band_keys, packed_band_keys
from .textnorm import folding_into, normalize

SHINGLE = 5
__all__ = ["BANDS", "BINS", "ROWS", "band_keys", "packed_band_keys"]  # the band format lives in lshbands
_MASK = (1 << 64) - 1
_BIN_BITS = 58  # top 6 bits pick one of 64 bins
_ANCHOR_SEED = 0x8CB92BA72F3D8DD7
_TRACKING = re.compile(r"^(utm_\w+|spm|from|share_token|shareid|wxshare_count|sharer_\w+|isappinstalled|"
                       # a share button's, a video or news app's own: never the article's
                       r"share_(?:medium|source|plat|tag|session_id|uid|type|channel)|is_hit_share_recommend|"
                       r"spm_id_from|from_spmid|vd_source|from_source|enter_from|enter_method|spss|spsw|"
                       r"scene|clicktime|enterid|ref|source|fbclid|gclid|mc_\w+|yclid|_hsenc|_hsmi|"
                       r"jsessionid|phpsessid|aspsessionid\w*|sessionid|session_id|cfid|cftoken|"
                       r"wfr|chksm|tt_from|log_from|share_from|sharefrom|"
                       # a WeChat share's and client's own: the article is __biz, mid, idx and sn
                       r"mpshare|srcid|subscene|ascene|devicetype|nettype|exportkey|pass_ticket|wx_header|acctmode)$", re.I)
# Parameters that are a session or a cache buster only by their value: a long hex `sid`, a clock
# in milliseconds or seconds under jQuery's `_`, a share's `wid` and the usual names, Baidu's `for=pc` (a short
# `sid=5` is a section, `t=3` a tab, `t=20261203` a date: kept).
_CLOCK = re.compile(r"\d{10,13}")
_BY_VALUE = {"sid": re.compile(r"[0-9a-fA-F]{16,64}"), "_": _CLOCK, "_t": _CLOCK, "t": _CLOCK, "ts": _CLOCK,
             "timestamp": _CLOCK, "wid": _CLOCK, "for": re.compile(r"pc|mobile|wap|h5", re.I)}
# A Java servlet's session in the path: `/news/1.html;jsessionid=0A1B…`, up to the query.
_PATH_SESSION = re.compile(r";jsessionid=[^?#/;]*", re.I)


def _dropped(key: str, value: str) -> bool:
    """Whether a query parameter is tracking, a session or a cache buster, not part of the address."""
    if _TRACKING.match(key):
        return True
    shape = _BY_VALUE.get(key.lower())
    return shape is not None and shape.fullmatch(value) is not None
# A line that holds a sentence: Chinese or Western sentence punctuation (full or half width),
# a Western full stop only before a space or the end (not inside 340.33 or a host name).
# `sentence` looks for the marks with `in` (a C search each), the full stop alone with a regex: sre
# tries a class at every position up to the first mark (~2 µs for a 240-character paragraph, ×25).
_FULL_STOP = re.compile(r"[.．](?:\s|$)")
# The opening LEAD characters of the story text (white space removed) hashed into one more LSH
# key: an abridged reprint or a lead-only repost keeps the opening but shares a third of the
# shingles or less, which bands of three find about half the time. Two stories that open alike
# (a column's shared introduction) become candidates only; containment still decides. Every text
# longer than its opening has the key: a portal's brief of 50 to 80 characters (the first
# paragraph and an ellipsis) shares a dozen shingles with its story and an anchor by chance.
LEAD = 40
# Anchors: the ANCHORS smallest hashes of the text's ANCHOR-character windows, stored as LSH
# keys too. Bottom-k sketches keep containment: when one text holds the other, each of the
# smaller's anchors below the larger's k-th smallest is one of the larger's, so a pair whose
# smaller text is a fifth of the larger shares about ANCHORS/5 of them wherever the smaller
# was cut from (an abridged reprint cutting a clause in its opening, a story's second page, a
# mirror's dense insertions). Windows of 8 characters: 5 are shared by unrelated texts on one
# subject three times as often (names of offices and programmes), 12 do not survive a mirror
# that inserts a word every dozen characters. 12 anchors found on the real-repost set what 16
# did (8: a few dense mirrors fewer), each anchor a row written per article.
ANCHORS = 12
ANCHOR = 8
STORY_SHARE = 0.25  # below this share of the text in sentence lines, the lines are the text
# Figures: a repost keeps the story's numbers (a mirror, a conversion, an abridged reprint keeps
# some of them, all from the original), while two notices or reports from one template differ
# in theirs. The figures of a short notice are few characters, so the changed ones leave most
# shingles shared (containment over 0.7); the figures themselves tell the two apart.
# One number is written several ways (1,200 / 1200 / 1 200 / 一千二百, 12万 / 120000 /
# 十二万, 6.3% / 百分之六点三, 二〇二六 / 2026), and a reposting outlet rewrites them: the
# fingerprint text and the figures read each as its value in ASCII digits (`numerals`).
_ZH_NUMBER = re.compile("[〇零一二三四五六七八九两十百千万亿点]+")  # a leading class: sre skips to it fast
_PERCENT = re.compile("百分之([〇零一二三四五六七八九两十百千万亿点]+)")
_ZH_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 10**8}
_ZH_DIGIT_CHARS = str.maketrans({c: str(i) for c, i in _ZH_DIGITS.items()})
_ZH_ONE = {c: str(i) for c, i in _ZH_DIGITS.items()} | {"十": "10"}  # a lone 百, 千, 万 is a word's more often
_GROUPED = re.compile(r"[0-9]{1,3}(?:[, ][0-9]{3})+(?![0-9])")
_SCALED = re.compile(r"([0-9]{1,15}(?:\.[0-9]{1,15})?)([万亿])")
NUMBER_MAX = 20  # characters of a Chinese number read by value (a run of 亿亿亿… is no number)
# A date's month and day are no figures: a run of digits and dots followed by 月, 日 or 号 gives
# none. Read run by run, not by a lookahead after each number: that scanned the rest of the run
# from every start in it (2,000 digits before 月 took 4 s, growing with the square).
_RUN = re.compile(r"[0-9][0-9.]*")
_FIGURE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_DAY = ("月", "日", "号")
# Quotation: a commentary or a follow-up quotes a story's paragraphs between an opening and a
# closing of its own: QUOTE_EDGE characters or more in no shingle the other text has, before
# the first passage of QUOTE_RUN characters or more it shares with the story and after the
# last (a reworded word is two or three characters between shared passages, the story's title
# cited in the opening a short shared run); the story then has QUOTE_OWN characters or more it
# did not quote, in passages of QUOTE_GAP characters or more: a converter mirror's garbled
# characters ('?' and stray characters where a character and its pinyin were) and a spun
# repost's reworded words are shorter gaps inside the story's text, not text left out.
QUOTE_EDGE, QUOTE_RUN, QUOTE_OWN, QUOTE_GAP = 30, 20, 40, 8
FRAME_MAX = 120  # characters of a frame's opening, and of its closing (`framing`)
LEFT_SHARE = 0.5  # a paragraph this much of its own is left out whole (`_left_text`)
FIGURES_MIN = 3  # distinct figures in the shorter text before they are compared
FIGURES_KEPT = 0.5  # a repost keeps at least this share of the shorter text's figures


@functools.lru_cache(maxsize=8192)  # a poll asks for each link's 3-5 times (listing, fetch, page, ingest)
def canonical_url(url: str) -> str:
    """A stable form of an article URL: lower-case host, sorted query, no tracking or fragment."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # "http://[::1/x", "http://a:xx/": no URL to clean; keep the text as its key
        return url.strip()
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _dropped(k, v)]
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    if port and (parts.scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    path = _PATH_SESSION.sub("", parts.path) or "/"
    cleaned = urlunsplit((parts.scheme.lower() or "http", host, path, urlencode(query), ""))
    # http and https copies of one page are the same article
    return canonicalize_url(cleaned, keep_fragments=False).replace("https://", "http://", 1)


_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/\\]*@")  # a URL's user information, up to its last '@'


def strip_tracking(url: str) -> str:
    """The URL to fetch and show: tracking parameters and fragment dropped, and user information
    (`user:password@`, or `www.gov.cn@` hiding the real host from a reader), the rest kept as
    written (scheme, host, path and the other parameters' bytes, which may be GBK escapes)."""
    base = url.strip().partition("#")[0]
    head, _, query = base.partition("?")
    if "@" in head:
        head = _USERINFO.sub(r"\1", head, count=1)
    head = _PATH_SESSION.sub("", head)
    kept = [p for p in query.split("&") if p and not _dropped(unquote(p.split("=", 1)[0]), unquote(p.partition("=")[2]))]
    return head + ("?" + "&".join(kept) if kept else "")


def sentence(line: str) -> bool:
    """Whether a line holds a sentence (sentence punctuation: not a heading, a caption, a name). An
    ellipsis ends one too: a lead of clauses running into ……, with no full stop, is the story's."""
    return "。" in line or "！" in line or "？" in line or "；" in line or "｡" in line or "!" in line \
        or "?" in line or ";" in line or "…" in line or _FULL_STOP.search(line) is not None


def story_lines(text: str) -> str:
    """The text without its lines that hold no sentence (navigation, source and editor lines,
    related-news titles, photo credits): what a mirror's frame adds around a story. The text
    itself (the same object) when no line goes, or when the sentence lines are under
    STORY_SHARE of it (a list page, one line over a list: its lines are its content)."""
    lines = [line for line in text.split("\n") if line.strip()]  # paragraphs come a blank line apart
    kept = [line for line in lines if sentence(line)]
    if len(kept) == len(lines) or sum(map(len, kept)) < STORY_SHARE * sum(map(len, lines)):
        return text
    return "\n".join(kept)


def numerals(norm: str, lone: bool = True) -> str:
    """Normalised text (`textnorm.normalize`) with every number in ASCII digits as its value:
    Chinese numerals (一千二百 → 1200, 二点一 → 2.1, 百分之六点三 → 6.3%, 二〇二六 → 2026,
    a lone 三 → 3), thousands separators dropped (1,200 → 1200), 万 and 亿 multiplied out
    (1.2万 → 12000). For comparing texts only: a word holding a numeral (一些 → 1些) changes
    alike in every text. `lone=False` leaves a lone Chinese digit and a run of units without
    a digit (十分, 千万: words) as they are."""
    if "百分之" in norm:
        norm = _PERCENT.sub(_percent, norm)
    norm = _ZH_NUMBER.sub(_zh_number if lone else _zh_number_strict, norm)
    if "," in norm or " " in norm:
        norm = _GROUPED.sub(_ungrouped, norm)
    if "万" in norm or "亿" in norm:
        norm = _SCALED.sub(lambda m: _plain(decimal.Decimal(m.group(1)) * _ZH_UNITS[m.group(2)]), norm)
    return norm


def _ungrouped(m: re.Match) -> str:
    if m.start() and m.string[m.start() - 1] in "0123456789.":  # inside a longer number
        return m.group()
    return m.group().replace(",", "").replace(" ", "")


def _percent(m: re.Match) -> str:
    value = _zh_value(m.group(1), m.string, m.start(1))
    return m.group() if value is None else value + "%"


def _zh_number(m: re.Match) -> str:
    run = m.group()
    if len(run) == 1:  # most runs: 一 of 一些, 统一; 点 of 重点
        return _ZH_ONE.get(run, run)
    value = _zh_value(run, m.string, m.start())
    return run.translate(_ZH_DIGIT_CHARS) if value is None else value


def _zh_number_strict(m: re.Match) -> str:
    run = m.group()
    if len(run) < 2 or not any(c in _ZH_DIGITS for c in run):
        return run
    value = _zh_value(run, m.string, m.start())
    return run if value is None else value


def _zh_value(run: str, text: str, start: int) -> str | None:
    """The value of a run of numeral characters at `start` of `text` in ASCII digits; None
    when it is no number (十二五, 一点儿, a unit after a digit: 3千)."""
    whole, dot, fraction = run.partition("点")
    scale = 1
    if fraction[-1:] in ("万", "亿"):  # 二点一亿
        scale, fraction = _ZH_UNITS[fraction[-1]], fraction[:-1]
    if len(run) > NUMBER_MAX or (dot and not (whole and fraction and all(c in _ZH_DIGITS for c in fraction))):
        return None
    if run[0] in _ZH_UNITS and start and text[start - 1].isdigit():
        return None
    value = _zh_integer(whole)
    if value is None:
        return None
    number = decimal.Decimal(f"{value}.{fraction.translate(_ZH_DIGIT_CHARS)}") if dot else decimal.Decimal(value)
    return _plain(number * scale)


def _plain(number: decimal.Decimal) -> str:
    """A number as a plain decimal string without trailing zeros (12000, 2.1)."""
    return format(number.normalize(), "f") if number != number.to_integral() else str(int(number))


def _zh_integer(written: str) -> int | None:
    """The value of an integer in Chinese numerals (一千零五, 三十五万, 一亿两千万), digit by
    digit when it has no unit (二〇二六); None when it reads as no number (十二五, 万万)."""
    if not written:
        return 0
    if all(c in _ZH_DIGITS for c in written):
        return int(written.translate(_ZH_DIGIT_CHARS))
    total, section, digit, last = 0, 0, None, 10**9  # last: the unit before, within the section
    for c in written:
        if c in _ZH_DIGITS:
            if digit is not None and _ZH_DIGITS[c]:  # 十二五: two digits without a unit between
                return None
            digit = _ZH_DIGITS[c] or None  # 零 holds a place (一千零五)
        elif (unit := _ZH_UNITS[c]) >= 10_000:  # 万, 亿 close a section
            if not (section or digit or total):
                return None
            section += digit or 0
            total = (total + section) * unit if unit > 10_000 else total + section * unit
            section, digit, last = 0, None, 10**9
        elif unit >= last:
            return None
        else:
            section, digit, last = section + (1 if digit is None else digit) * unit, None, unit
    return total + section + (digit or 0)


def paragraphs(text: str) -> int:
    """How many of the story's lines of a text (`story_lines`) are a paragraph of LEAD
    characters or more (a caption or a source line is shorter)."""
    return sum(len(line.strip()) >= LEAD for line in story_lines(text).split("\n"))


# A round's number in the text the fingerprint compares (its numerals in ASCII digits): a list's
# batch (第5批), a fair's or a congress's session (第12届), a bulletin's issue (第3期).
_ROUND = re.compile(r"第([0-9]{1,4})(批|届|期)")


def rounds(text: str) -> frozenset[tuple[str, str]]:
    """The rounds a fingerprint text names (`_ROUND`), each as (its kind, its number)."""
    return frozenset((m.group(2), m.group(1)) for m in _ROUND.finditer(text)) if "第" in text else frozenset()


def rounds_apart(text_a: str, text_b: str) -> bool:
    """Whether two fingerprint texts both name rounds of one kind and none in the same number: the
    releases of two rounds from one template (第5批 and 第6批 of a list), which differ in little else.
    A text naming a round of a kind the other does not name (a column's own issue) tells nothing."""
    a, b = rounds(text_a), rounds(text_b)
    if not a or not b:
        return False
    kinds = {kind for kind, _ in a} & {kind for kind, _ in b}
    return any(not {n for k, n in a if k == kind} & {n for k, n in b if k == kind} for kind in kinds)


def rounds_inside(text: str, other_grams) -> bool:
    """Whether a fingerprint text names a round (`_ROUND`) where the other text (`other_grams` its sorted
    shingle hashes) has a gap of SUB_MAX characters or fewer in the text they share, or inside what they
    share (`_shared_span`: a paragraph left out): the number a copy of the text lost (cut out, garbled),
    not a column's issue in the frame around it."""
    flat = "".join(text.split())
    if "第" not in flat or len(flat) < SHINGLE or not len(other_grams):
        return False
    own = _own(flat, other_grams)
    span = _shared_span(own)
    for m in _ROUND.finditer(flat):
        start, end = m.start(), m.end()
        while start > 0 and own[start - 1]:
            start -= 1
        while end < len(flat) and own[end]:
            end += 1
        if end - start <= SUB_MAX + m.end() - m.start() or (span is not None and span[0] <= m.start() and m.end() <= span[1]):
            return True
    return False


def figures(text: str) -> frozenset[str]:
    """The distinct numbers of two characters or more in the story's lines of a text
    (`story_lines`: a frame's dates and counters left out), each as its value in ASCII
    digits however it is written (`numerals`), a date's month and day left out."""
    text = numerals(normalize(story_lines(text)), lone=False)
    return frozenset(f for run in _RUN.finditer(text) if text[run.end():run.end() + 1] not in _DAY
                     for f in _FIGURE.findall(run.group()) if len(f) > 1)


def figures_kept(small: frozenset[str], large: frozenset[str]) -> bool:
    """Whether a text whose figures are `large` can hold one whose figures are `small`: at least
    FIGURES_KEPT of them when `small` has FIGURES_MIN or more; one of them when it has fewer
    and `large` has two or more (a report from the same template with other figures holds
    none of a short copy's one or two); else True (too few to tell)."""
    if len(small) >= FIGURES_MIN:
        return len(small & large) >= FIGURES_KEPT * len(small)
    return not small or len(large) < 2 or bool(small & large)


def opens_with(text: str, small_grams) -> float:
    """Share of the first LEAD characters' shingles of `text` (white space removed) that are
    in `small_grams`: 1.0 when the smaller text is this one's opening (a lead-only copy), low
    when it is a paragraph further in (a digest's third item)."""
    np = _np()
    head = "".join(text.split())[:LEAD]
    if len(head) < SHINGLE or not len(small_grams):
        return 0.0
    h = _positional(head, SHINGLE)  # small_grams sorted (a `Fingerprint`'s): looked up, not sorted again
    found = small_grams[np.minimum(np.searchsorted(small_grams, h), len(small_grams) - 1)] == h
    return float(np.count_nonzero(found)) / (len(head) - SHINGLE + 1)


def starts_alike(text_a: str, grams_a, text_b: str, grams_b) -> bool:
    """Whether two texts that share a passage of QUOTE_RUN characters or more begin where it begins
    but for a few characters garbled in one of them: each has characters of its own (`_edges`), under
    QUOTE_EDGE, before its first such passage, and those of one are those of the other read in the
    wrong encoding (`misread`). A copy whose opening words came out garbled (a page read as GBK:
    一场春雨 as 涓鍦烘槬) opens with a few characters no shingle of the clean copy holds, so
    `opens_with` reads it as another text's paragraph. A paragraph further in has the other's opening
    before it; a copy's intro before a brief's text is text one of them only has; a release from one
    template for another county opens with another name (泰宁 / 将乐), no garbling of it."""
    a, b = "".join(text_a.split()), "".join(text_b.split())
    if min(len(a), len(b)) < SHINGLE or not len(grams_a) or not len(grams_b):
        return False
    ea, eb = _edges(_own(a, grams_b)), _edges(_own(b, grams_a))
    if ea is None or eb is None or not (0 < ea[0] < QUOTE_EDGE and 0 < eb[0] < QUOTE_EDGE):
        return False
    return misread(a[:ea[0]], b[:eb[0]], "", a[ea[0]:ea[0] + 2])


DATELINE_MAX = 40  # characters of a date line before a story's lead (中新网某地1月6日电(记者…))
# A wire's or a paper's date line: 中新网三明1月6日电, 东南网6月8日讯, 本报讯, 云上通山报道:, then a byline in
# brackets or none.
_DATELINE = re.compile(r"(?:电|讯|报道[:：]?)(?:[(（][^)）]{0,30}[)）])?$")


def opens_after(text: str, small: str) -> bool:
    """Whether the smaller text is the other's opening after its date line (`_DATELINE`, DATELINE_MAX
    characters at most): its first LEAD characters (white space removed) stand right after it (a
    portal's brief of a wire story's lead without 中新网…电(…)). A self-media copy's intro before the
    lead is no date line."""
    a, b = "".join(text.split()), unlabelled("".join(small.split()))  # (a brief's label before the lead: 【快讯】)
    if len(b) < LEAD:
        return False
    at = a.find(b[:LEAD], 0, DATELINE_MAX + LEAD)
    return 0 < at <= DATELINE_MAX and _DATELINE.search(a, 0, at) is not None


# Briefs: a text of BRIEF_SHINGLES shingles or fewer (a portal's one-line brief of a story's lead, a
# WeChat account's one-sentence post) may have too few to compare with a story's (or a note of its own
# too many), and is told by its words instead (`brief_of`): the whole of it, its label and a closing note in brackets
# left out, is the opening of a story's text, at its start or after its date line (`_AHEAD`),
# BRIEF_MIN letters and digits or more. Such a pair shares no band and seldom an anchor: it is looked up
# by the OPENING_WORDS letters and digits each text opens with (`Fingerprint.openings`), keyed apart for
# a short text and a longer one, each stored under its own kind's key and looking for the other kind's
# (`Fingerprint.sought`, `kind_keys`): two texts of which neither is short never meet through them
# (their pairs as they were).
BRIEF_SHINGLES = 120
OPENING_WORDS, BRIEF_MIN = 12, 14
REPEATS = 0.9  # share of a brief's shingles that are distinct (`_telling`)
OPENING_READ = 240  # characters of a text read for its openings (a date line and a brief's length)
# A wire's or a paper's date line at a text's start: 中新网三明1月6日电, 濮阳网讯, 云上通山报道:(通讯员 华颖);
# a false one (国家电网…) is read alike in a brief opening with the same words (its keys are of both openings).
_AHEAD = re.compile(rf"[^。!?;…]{{0,{DATELINE_MAX}}}?(?:电|讯|报道)[:：]?(?:\([^()]{{0,30}}\))?")
_NOTE = re.compile(r"\([^()]{1,20}\)$")  # a closing note: (来源:本地发布), (详见今日本报), (完)
_NOT_WORD = re.compile(r"[\W_]+")


def openings(text: str, size: int = OPENING_WORDS) -> list[str]:
    """The first `size` letters and digits of a fingerprint text (white space, punctuation and its
    label, `unlabelled`, left out), then those after its date line (`_AHEAD`) when it has one."""
    flat = unlabelled("".join(text[:OPENING_READ].split()))
    found = [_NOT_WORD.sub("", flat)[:size]]
    if (m := _AHEAD.match(flat)) is not None and m.end():
        found.append(_NOT_WORD.sub("", flat[m.end():])[:size])
    return list(dict.fromkeys(found))


# A clause's end in a fingerprint text (`scriptfold.fingerprint_text` writes ，；：！？ half width, … as ...).
_CLAUSE_END = frozenset(",。;:!?、")
# Letters and digits a brief cut inside a clause has at least: the opening words that releases from one
# template share (an office's name and 关于印发 with the city's name and the year, a day and a delegation's
# name) run to 14-22 of them; a feed's description cut at 30 characters has 26-29.
CUT_MIN = 24
BRIEF_OWN = 8  # a brief's letters and digits besides its date line, dates and times (`brief_of`)
# A date or a time of day, which a release from one template shares with another of the same day:
# no word of a brief's own (`_dated_out`).
_WHEN = re.compile(r"[0-9]{1,4}(?:年|月|日|号|时|点|分)|[上中下]午|凌晨|早上|傍晚|晚上|今天|昨天|今日|昨日|近日|日前|近期|"
                   r"当天|当日|今年|去年|本周|上周|本月|上月")


def brief_of(small: str, large: str) -> bool:
    """Whether a short fingerprint text is all of it the other's opening, at its start or after
    its date line (`openings`): BRIEF_MIN letters and digits or more, BRIEF_OWN of them besides its
    own date line, dates and times (`_WHEN`), its label and a closing note in brackets (`_NOTE`) left
    out, ending where a clause of the other ends (`_clause_end`) or CUT_MIN letters and digits long.
    A one-line post of another event from one template has another name, date or figure in it, and
    is no text's opening word for word; a feed's or a list's snippet cut inside a clause within the
    words such releases share (三明市人民政府办公室关于印发三明市2026年…, 12月5日上午，上海市经贸
    代表团一行…) or a post of a date line and an hour (青岛新闻网4月16日讯 昨天下午2点，) is the
    opening of every release from that template, every report of that paper's that day. A brief's
    last sentence may be its own (a wire's 详细报道稍后发布。) when the rest is such an opening."""
    if _opening_brief(small, large):
        return True
    flat = "".join(small.split()).rstrip("。!?")
    cut = max(flat.rfind("。"), flat.rfind("!"), flat.rfind("?"))
    return cut > 0 and _opening_brief(flat[:cut + 1], large)


def _opening_brief(small: str, large: str) -> bool:
    """`brief_of` for the whole of the short text."""
    core = _core(small)
    if not _telling(core):
        return False
    head = unlabelled("".join(small[:OPENING_READ].split()))
    if len(_WHEN.sub("", _core(head[m.end():] if (m := _AHEAD.match(head)) else head))) < BRIEF_OWN:
        return False
    flat = unlabelled("".join(large[:OPENING_READ + len(small)].split()))
    starts = [0]
    if (m := _AHEAD.match(flat)) is not None and m.end():
        starts.append(m.end())
    return any(_NOT_WORD.sub("", flat[at:at + 2 * len(small) + DATELINE_MAX]).startswith(core)
               and (len(core) >= CUT_MIN or _clause_end(flat, at, len(core))) for at in starts)


def _clause_end(flat: str, at: int, words: int) -> bool:
    """Whether the first `words` letters and digits of `flat` from `at` end a clause of it: the text
    ends there or a clause's mark (`_CLAUSE_END`; a full stop not inside a number) follows them."""
    for n, c in enumerate(flat[at:], at):
        if _NOT_WORD.fullmatch(c) is None:
            words -= 1
            if not words:
                after = flat[n + 1:n + 3]
                return not after or after[0] in _CLAUSE_END or (after[0] == "." and not after[1:].isdigit())
    return True


def held_whole(small: str, large: str) -> bool:
    """Whether the whole of a short fingerprint text (`brief_of`'s words) stands word for word in the other."""
    core = _core(small)
    return _telling(core) and core in _NOT_WORD.sub("", large)


def _telling(core: str) -> bool:
    """Whether a brief's words (`_core`) can tell a story: BRIEF_MIN or more, not one phrase over and
    over (a placeholder's or a padded page's sentence repeated: under REPEATS of its shingles distinct)."""
    shingles = len(core) - SHINGLE + 1
    return len(core) >= BRIEF_MIN and len({core[i:i + SHINGLE] for i in range(shingles)}) >= REPEATS * shingles


def _core(text: str) -> str:
    """A fingerprint text's letters and digits without its label and a closing note in brackets."""
    return _NOT_WORD.sub("", _NOTE.sub("", unlabelled("".join(text.split()))))


def words_of(text: str) -> str:
    """A text's letters and digits (white space and punctuation left out)."""
    return _NOT_WORD.sub("", text)


def kind_keys(words: list[str], brief: bool) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The keys of these words as a brief's (BRIEF_SHINGLES shingles or fewer) or a longer text's kind
    stores them, and as it looks for the other kind's: two texts of one kind never meet through them."""
    mine, other = (b"monitor-brief", b"monitor-story") if brief else (b"monitor-story", b"monitor-brief")
    return tuple(_key(w, mine) for w in words), tuple(_key(w, other) for w in words)


def _opening_keys(text: str, brief: bool) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """`kind_keys` of a text's openings (`openings`, OPENING_WORDS each): a brief's both, a longer
    text's one, after its date line when it has one (a brief with the date line has that one too)."""
    words = [w for w in openings(text) if len(w) == OPENING_WORDS]
    return kind_keys(words if brief else words[-1:], brief)


def _key(words: str, person: bytes) -> int:
    digest = hashlib.blake2b(words.encode("utf-8"), digest_size=8, person=person).digest()
    return int.from_bytes(digest, "little", signed=True)


def content_hash(normalised: str) -> str:
    """SHA-1 of the normalised text with all white space removed."""
    # str.split() drops exactly what `\s` matches (both ask Py_UNICODE_ISSPACE), ×5 faster
    return hashlib.sha1("".join(normalised.split()).encode("utf-8")).hexdigest()


# Fingerprints: 5-character shingles hashed by a vectorised polynomial over code points plus
# a splitmix64 finaliser (numpy, one pass per article instead of one hash call per shingle;
# stable across processes and platforms: fixed constants, wrapping uint64 arithmetic).


@dataclass(frozen=True)
class Fingerprint:
    """An article's shingle hashes (sorted, unique) and their one-permutation MinHash."""

    grams: Any  # numpy uint64 array, sorted and unique
    sig: Any  # numpy uint64 array of BINS minimums (densified); empty for an empty text
    lead: int | None = None  # the opening's key (texts longer than LEAD characters)
    anchors: tuple[int, ...] = ()  # the bottom-k keys of ANCHOR-character windows
    openings: tuple[int, ...] = ()  # its openings' keys as its kind stores them (`_opening_keys`)
    sought: tuple[int, ...] = ()  # and as it looks for the other kind's

    @property
    def count(self) -> int:
        """How many distinct shingles the text has."""
        return int(self.grams.size)

    def keys(self) -> list[int]:
        """The LSH keys: one signed 64-bit hash per band of ROWS minimums (band mixed in), the
        opening's key when the text has one, then the anchors."""
        if not self.count:
            return []
        return band_keys(self.sig) + ([self.lead] if self.lead is not None else []) + list(self.anchors)

    def packed(self) -> bytes:
        """The signature as stored: the low 32 bits of each minimum (enough to compare bins)."""
        return self.sig.astype("<u4").tobytes() if self.count else b""


def fingerprint(normalised: str, k: int = SHINGLE) -> Fingerprint:
    """Shingle hashes and MinHash signature of a text (white space ignored)."""
    np = _np()
    text = "".join(normalised.split())
    if not text:
        return Fingerprint(np.zeros(0, np.uint64), np.zeros(0, np.uint64))
    h = _positional(text, k)
    grams = _sorted_unique(h.copy())
    opening = unlabelled(text)
    mine, sought = _opening_keys(normalised, len(grams) <= BRIEF_SHINGLES) if k == SHINGLE else ((), ())
    return Fingerprint(grams, _signature(grams), _lead_key(opening) if len(opening) > LEAD else None,
                       _anchors(h, k) if k == SHINGLE else (), mine, sought)


def _positional(text: str, k: int):
    """The hash of the k-character shingle starting at each position of a text without spaces."""
    np = _np()
    cps = np.frombuffer(text.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    n = max(len(cps) - k + 1, 1)
    h = np.zeros(n, np.uint64)
    primes = _c().primes
    for j in range(min(k, len(cps))):
        h += cps[j:j + n] * primes[j]
    return _mix(h)


def _sorted_unique(h):
    """Sorted distinct values (np.unique hashes: x3 slower at these sizes); sorts `h` in place."""
    np = _np()
    h.sort()
    return h[np.concatenate(([True], h[1:] != h[:-1]))]


def _anchors(h, k: int) -> tuple[int, ...]:
    """The ANCHORS smallest hashes of the ANCHOR-character windows (two shingle hashes ANCHOR - k
    apart, mixed), as signed 64-bit keys."""
    np = _np()
    gap = ANCHOR - k
    if len(h) <= gap:
        return ()
    w = _mix(h[:-gap] * np.uint64(_ANCHOR_SEED) + h[gap:])
    return tuple(_smallest_distinct(w, ANCHORS).view(np.int64).tolist())


def _smallest_distinct(w, k: int):
    """The k smallest distinct values of `w`, ascending (fewer when it has fewer): those of
    its 2k smallest when they hold k distinct ones (any other value is at least their
    largest), which takes a partition instead of sorting the whole text's windows (~10 us
    an article); else of all. May reorder `w`."""
    np = _np()
    if len(w) > 4 * k:
        found = _sorted_unique(np.partition(w, 2 * k - 1)[:2 * k])
        if len(found) >= k:
            return found[:k]
    return _sorted_unique(w)[:k]


def coverage(small: str, large_grams) -> float:
    """Share of `small`'s characters (white space removed) inside a shingle it shares with a
    text whose shingle hashes are `large_grams`: near 1.0 when the other text holds all of it
    broken by insertions every few words (a spam mirror), about the shared share when only one
    block is common (a column's introduction)."""
    text = "".join(small.split())
    if len(text) < SHINGLE or not len(large_grams):
        return 0.0
    return 1.0 - float(_own(text, large_grams).mean())


def left_out(text: str, other_grams):
    """Per character of `text` (white space removed): True where no shingle of the other text
    (its sorted shingle hashes) covers it, as a numpy bool array (all True without any)."""
    text = "".join(text.split())
    if len(text) < SHINGLE or not len(other_grams):
        return _np().ones(len(text), bool)
    return _own(text, other_grams)


def left_text(text: str, other_grams) -> int:
    """How many characters of `text` the other text (its sorted shingle hashes) leaves out in passages
    of QUOTE_GAP characters or more (`_left_text`: a garbled or reworded word inside shared text is none)."""
    return int(left_out(text, other_grams).sum()) if not len(other_grams) else _left_text(left_out(text, other_grams), text)


def _own(text: str, other_grams):
    """Per character of `text` (white space removed): True where no shingle the other text has
    covers it (the text's own), as a numpy bool array. `other_grams` sorted (a `Fingerprint`'s)."""
    np = _np()
    h = _positional(text, SHINGLE)
    at = np.minimum(np.searchsorted(other_grams, h), len(other_grams) - 1)  # other_grams: sorted
    shared = np.zeros(len(h) + 1, np.int64)  # shared[k]: how many of the first k shingles are shared
    shared[1:] = np.cumsum(other_grams[at] == h)
    # character i lies in the shingles starting at i - SHINGLE + 1 … i: none of them shared
    i = np.arange(len(text))
    return shared[np.minimum(i + 1, len(h))] == shared[np.maximum(i - SHINGLE + 1, 0)]


def _framed(own, most: int | None = None) -> bool:
    """Whether a text has QUOTE_EDGE characters of its own (`_own`) both before its first
    passage of QUOTE_RUN characters or more that the other text has and after its last: an
    opening and a closing around what it quotes, each of `most` characters or fewer when given.
    Shorter shared runs (a name, the story's title cited) neither end nor count as its own text."""
    edges = _edges(own)
    return edges is not None and min(edges) >= QUOTE_EDGE and (most is None or max(edges) <= most)


def _edges(own) -> tuple[int, int] | None:
    """(opening, closing): a text's own characters (`_own`) before its first passage of QUOTE_RUN
    characters or more that the other text has, and after its last; None when it has none."""
    span = _shared_span(own)
    return None if span is None else (int(own[:span[0]].sum()), int(own[span[1]:].sum()))


def _shared_span(own) -> tuple[int, int] | None:
    """[start, end) from a text's first passage of QUOTE_RUN characters or more that the other
    text has (`own` False) to its last; None when it has no such passage."""
    np = _np()
    covered = np.concatenate(([False], ~own, [False]))
    bounds = np.flatnonzero(covered[1:] != covered[:-1]).reshape(-1, 2)  # [start, end) of each covered run
    runs = bounds[bounds[:, 1] - bounds[:, 0] >= QUOTE_RUN]
    return (int(runs[0, 0]), int(runs[-1, 1])) if len(runs) else None


# Substitutions: a passage of one text that no shingle of the other holds, with shared text on
# both sides, and what the other text has between those same sides: a name in a release from
# one template for another place (清溪 / 安平), a reworded word in a spun repost (介绍 / 表示).
# A passage that differs is up to SUB_MAX characters; SUB_RUNS of them and SUB_TRIES places of
# its left side in the other text are looked at, at most (a text of repeats stays linear).
SUB_MAX, SUB_RUNS, SUB_TRIES = 12, 64, 4


def substitutions(small: str, large_grams, large: str) -> list[tuple[str, str, str, str]]:
    """(passage of `small`, what `large` has in its place, the shared text before, after) for the
    passages of a text (white space removed) that no shingle of the other holds (`_own`), each
    found between shared text in both: the SHINGLE characters before it and after it (shingles
    the other has) with SUB_MAX characters or fewer between them in the other text. A passage
    the other text only lacks (an insertion) or one at an edge gives none. `large_grams`: the
    other text's shingle hashes, sorted."""
    np = _np()
    a, b = "".join(small.split()), "".join(large.split())
    if len(a) < 2 * SHINGLE + 1 or not len(large_grams):
        return []
    own = _own(a, large_grams)
    edges = np.flatnonzero(np.diff(np.concatenate(([False], own, [False])).astype(np.int8))).reshape(-1, 2)
    found: list[tuple[str, str, str, str]] = []
    for start, end in edges[:SUB_RUNS].tolist():
        if start < SHINGLE or end + SHINGLE > len(a) or end - start > SUB_MAX:
            continue
        left, right = a[start - SHINGLE:start], a[end:end + SHINGLE]
        at = b.find(left)
        for _ in range(SUB_TRIES):
            if at < 0:
                break
            after = b.find(right, at + SHINGLE, at + 2 * SHINGLE + SUB_MAX)
            if after >= 0:
                if after > at + SHINGLE:
                    found.append((a[start:end], b[at + SHINGLE:after], left, right))
                break
            at = b.find(left, at + 1)
    return found


def misread(one: str, other: str, before: str = "", after: str = "") -> bool:
    """Whether one of two passages standing in each other's place (`substitutions`) is the other
    garbled by a wrong decoding: its characters' GBK bytes are the other's UTF-8 bytes (with the
    shared characters around it), as a page decoded as GBK shows them (对口合作 → 瀵瑰彛鍚堜綔):
    two characters so or more, and half of the garbled passage's at least. Both are fingerprint
    text, folded: a character stands for the forms folding into it (鍘 for 铡; 着 for 著, as a
    traditional mirror garbled its text) and a digit for its Chinese numeral (1 for 一). A release
    from one template for another place has other names, in characters whose bytes match none."""
    for bad, good in ((one, other), (other, one)):
        wide = [c for c in bad if ord(c) > 0x7F]
        if len(wide) < 2:
            continue
        pairs = _byte_pairs(before[-2:] + good + after[:2])
        hits = sum(not pairs.isdisjoint(_gbk_forms(c)) for c in wide)
        if hits >= 2 and 2 * hits >= len(wide):
            return True
    return False


_NUMERALS = dict(zip("0123456789", "〇一二三四五六七八九", strict=True))


@functools.lru_cache(maxsize=8192)
def _forms(char: str) -> tuple[str, ...]:
    """A fingerprint text's character and what it may have been written as (`misread`)."""
    return (char, *folding_into(char), *_NUMERALS.get(char, ""))


@functools.lru_cache(maxsize=8192)
def _utf8_forms(char: str) -> tuple[bytes, ...]:
    return tuple(f.encode("utf-8") for f in _forms(char))


@functools.lru_cache(maxsize=8192)
def _gbk_forms(char: str) -> frozenset[bytes]:
    """The two GBK bytes of each form of a character that has them."""
    return frozenset(b for f in _forms(char) if len(b := f.encode("gbk", "ignore")) == 2)


def _byte_pairs(text: str) -> set[bytes]:
    """Every two consecutive UTF-8 bytes of `text` written in any of its characters' forms."""
    pairs: set[bytes] = set()
    last: tuple[bytes, ...] = ()
    for char in text:
        codes = _utf8_forms(char)
        pairs.update(a[-1:] + b[:1] for a in last for b in codes)
        pairs.update(c[k:k + 2] for c in codes for k in range(len(c) - 1))
        last = codes
    return pairs


def quoting(text_a: str, grams_a, text_b: str, grams_b) -> bool:
    """Whether the first text quotes the second (`quotes`, one way)."""
    a, b = "".join(text_a.split()), "".join(text_b.split())
    if min(len(a), len(b)) < SHINGLE or not len(grams_a) or not len(grams_b):
        return False
    return bool(_framed(_own(a, grams_b)) and _left_text(_own(b, grams_a), text_b) >= QUOTE_OWN)


def quote_sides(text_a: str, grams_a, text_b: str, grams_b) -> list[tuple[tuple[int, int], str] | None]:
    """What `quotes` reads, both ways at once: for the first text, then the second, None unless it has
    a passage the two share while the other has QUOTE_OWN characters or more it left out
    (`_left_text`), else its own text's (opening, closing) lengths around what they share (`_edges`)
    and that frame (`frame`). The caller judges the edges (`quotes` wants QUOTE_EDGE at both) and
    what the frame says."""
    a, b = "".join(text_a.split()), "".join(text_b.split())
    if min(len(a), len(b)) < SHINGLE or not len(grams_a) or not len(grams_b):
        return [None, None]
    own_a, own_b = _own(a, grams_b), _own(b, grams_a)
    out: list[tuple[tuple[int, int], str] | None] = []
    for flat, own, other_own, other in ((a, own_a, own_b, text_b), (b, own_b, own_a, text_a)):
        span = _shared_span(own)
        left = span is not None and _left_text(other_own, other) >= QUOTE_OWN
        out.append(((int(own[:span[0]].sum()), int(own[span[1]:].sum())), flat[:span[0]] + "\n" + flat[span[1]:])
                   if span is not None and left else None)
    return out


def quotes(text_a: str, grams_a, text_b: str, grams_b) -> bool:
    """Whether one of two texts that share passages quotes the other: text of its own at both
    edges of what they share (an opening and a closing: a commentary, a follow-up), while the
    other has QUOTE_OWN characters or more the first left out (paragraphs not quoted: passages of
    QUOTE_GAP or more, `_left_text`). A repost adds text at one edge (an editor's note) or frames
    a story it holds whole; reworded words, a mirror's insertions and its garbled characters are
    short gaps inside shared text, neither edges of its own nor text left out.
    Texts are fingerprint texts (`scriptfold.fingerprint_text`), grams their shingle hashes."""
    a, b = "".join(text_a.split()), "".join(text_b.split())
    if min(len(a), len(b)) < SHINGLE or not len(grams_a) or not len(grams_b):
        return False
    own_a, own_b = _own(a, grams_b), _own(b, grams_a)
    return bool((_framed(own_a) and _left_text(own_b, text_b) >= QUOTE_OWN)
                or (_framed(own_b) and _left_text(own_a, text_a) >= QUOTE_OWN))


def framing(text_a: str, grams_b) -> bool:
    """Whether the first text has an opening and a closing of its own around what it shares with
    the second (`_framed`; `grams_b` the second's shingle hashes), each of FRAME_MAX characters or
    fewer: a few sentences, not the rest of a story around one of its parts. Of a text holding the
    other whole (`whole`): a WeChat copy with an intro and an outro, or a follow-up or a commentary
    giving a short story whole. The text alone does not tell which (the caller looks at the
    headlines)."""
    a = "".join(text_a.split())
    if len(a) < SHINGLE or not len(grams_b):
        return False
    return _framed(_own(a, grams_b), FRAME_MAX)


def frame_edges(text_a: str, grams_b) -> tuple[int, int] | None:
    """The first text's own characters before and after what it shares with the second (`_edges`:
    its opening's and its closing's length, white space removed); None when they share no passage."""
    a = "".join(text_a.split())
    return _edges(_own(a, grams_b)) if len(a) >= SHINGLE and len(grams_b) else None


def edges_beside(text_a: str, grams_b, others) -> tuple[int, int] | None:
    """The first text's characters before its first passage of QUOTE_RUN characters or more that the
    second or another text holds (`others`: sorted shingle hash arrays) and after its last: a copy
    spliced from a story's opening and another report's paragraph has no opening of its own beside a
    copy of the story that keeps the opening. The others' words next to the shared text count when
    they are QUOTE_RUN characters or more (a follow-up's closing may begin with a few words a repost's
    own lead has). None when it shares no such passage."""
    a = "".join(text_a.split())
    if len(a) < SHINGLE or not len(grams_b):
        return None
    own = _own(a, grams_b)
    first = _shared_span(own)
    for grams in others:
        if len(grams):
            own &= _own(a, grams)
    span = _shared_span(own)
    if span is None:
        return None
    start, end = span
    if first is not None:
        start = start if first[0] - start >= QUOTE_RUN else first[0]
        end = end if end - first[1] >= QUOTE_RUN else first[1]
    return start, len(a) - end


def frame(text_a: str, grams_b) -> str:
    """The first text's own opening and closing around what it shares with the second (`_framed`'s
    edges: before its first passage of QUOTE_RUN characters or more the second has, after its
    last), white space removed; "" when they share no such passage."""
    a = "".join(text_a.split())
    span = _shared_span(_own(a, grams_b)) if len(a) >= SHINGLE and len(grams_b) else None
    return "" if span is None else a[:span[0]] + "\n" + a[span[1]:]


def whole(text: str, other_grams) -> bool:
    """Whether the other text (its sorted shingle hashes) leaves out no passage of `text`
    (`_left_text`: a garbled or reworded word inside shared text is none). A run of the text's own
    characters holding fewer than QUOTE_GAP letters or digits is none either: a scraped mirror's
    insertions (emoji in brackets) a few characters apart leave the words between them in no
    shared shingle."""
    flat = "".join(text.split())
    if len(flat) < SHINGLE or not len(other_grams):
        return False
    return _whole(_own(flat, other_grams), text, flat)


def whole_inside(text: str, other_grams) -> bool:
    """`whole` for the text between its first passage of QUOTE_RUN characters or more the other
    has and its last (`_shared_span`): a copy's own intro and outro left out, nothing inside."""
    flat = "".join(text.split())
    if len(flat) < SHINGLE or not len(other_grams):
        return False
    own = _own(flat, other_grams)
    if (span := _shared_span(own)) is None:
        return False
    own[:span[0]] = False
    own[span[1]:] = False
    return _whole(own, text, flat)


def goes_beyond(text: str, other_grams, other: str) -> bool:
    """Whether `text` has a passage of its own (no shingle of the other text, `other_grams` its sorted
    shingle hashes, covers it) holding QUOTE_GAP letters or digits or more that is not the other's
    passage garbled by a wrong decoding (`substitutions`, `misread`): words the other left out (a
    caption after a place and date both give), not a mirror's garbled run."""
    flat = "".join(text.split())
    if len(flat) < SHINGLE or not len(other_grams):
        return False
    np = _np()
    own = _own(flat, other_grams)
    garbled = {a for a, b, left, right in substitutions(text, other_grams, other) if misread(a, b, left, right)}
    edges = np.flatnonzero(np.diff(np.concatenate(([False], own, [False])).astype(np.int8))).reshape(-1, 2)
    runs = [flat[start:end] for start, end in edges.tolist()]
    return any(sum(c.isalnum() for c in run) >= QUOTE_GAP and run not in garbled for run in runs)


def _whole(own, text: str, flat: str) -> bool:
    """`whole` given the text's own characters (`_own`), the text, and the text without white space."""
    if not _left_text(own, text):
        return True
    np = _np()
    words = np.fromiter((c.isalnum() for c in flat), bool, len(flat))
    edges = np.flatnonzero(np.diff(np.concatenate(([False], own, [False])).astype(np.int8))).reshape(-1, 2)
    counted = np.concatenate(([0], np.cumsum(words)))
    return not bool(((counted[edges[:, 1]] - counted[edges[:, 0]]) >= QUOTE_GAP).any())


def _left_text(own, text: str = "") -> int:
    """How many characters of a text are its own (`_own`) in passages of QUOTE_GAP characters or
    more: text the other left out, not a garbled or reworded stretch inside shared text. A
    paragraph of `text` (the text `own` is of, white space kept: its paragraphs a space apart)
    of QUOTE_GAP characters or more, mostly its own (LEFT_SHARE), counts whole: a paragraph the
    other left out, some of whose words it has elsewhere (a brief's lead restated in the
    paragraphs quoted: the place, the time)."""
    np = _np()
    at, marked = 0, False
    for piece in text.split():
        end = at + len(piece)
        if len(piece) >= QUOTE_GAP and own[at:end].mean() >= LEFT_SHARE:
            if not marked:
                own, marked = own.copy(), True  # the caller's array stays as it was
            own[at:end] = True
        at = end
    edges = np.flatnonzero(np.diff(np.concatenate(([False], own, [False])).astype(np.int8))).reshape(-1, 2)
    lengths = edges[:, 1] - edges[:, 0]
    return int(lengths[lengths >= QUOTE_GAP].sum())


# A label before a copy's first sentence: 【快讯】, 【简讯】, (中央社), (本报讯), [Breaking] — a portal's
# or agency's mark on its brief or copy, not the story's. The opening's key and the openings
# compared (`unlabelled`) start after it: with it, a brief of a story's lead (a fifth of its
# size) was found only when one of its anchors happened to be among the story's.
_LABEL = re.compile(r"(?:【[^】]{1,10}】|\[[^\]]{1,10}\]|\([^)]{1,10}\)|（[^）]{1,10}）)")  # 10 characters inside at most


# A slogan over a copy, before its label or its date line: 人民至上，生命至上！【快讯】…, 不忘初心。本报讯… —
# a campaign's words an outlet or an agency puts over what it gives, not the story's. One or two
# exclamations or sentences of SLOGAN_MAX characters or fewer each, a label or a date line (…讯, …日电) right after.
SLOGAN_MAX = 20
_SLOGAN = re.compile(rf"(?:[^。!?;…【】\[\]()（）]{{2,{SLOGAN_MAX}}}[!。]){{1,2}}"
                     rf"(?={_LABEL.pattern}|[^。!?;…]{{0,{DATELINE_MAX}}}?(?:讯|日电))")


def unlabelled(text: str) -> str:
    """`text` (white space removed) without the label it opens with (`_LABEL`), if any, nor a slogan
    before that label or before its date line (`_SLOGAN`)."""
    if (s := _SLOGAN.match(text)) is not None:
        text = text[s.end():]
    m = _LABEL.match(text)
    return text[m.end():] if m else text


def _lead_key(text: str) -> int:
    """A signed 64-bit key of the text's first LEAD characters (stable: a keyed BLAKE2b)."""
    digest = hashlib.blake2b(text[:LEAD].encode("utf-8"), digest_size=8, person=b"monitor-lead").digest()
    return int.from_bytes(digest, "little", signed=True)


def _signature(grams):
    """One-permutation MinHash: the minimum hash in each of BINS bins (grams sorted, so the
    first in each bin); an empty bin borrows the value of the next filled bin to its right
    (rotation), so two similar sets still agree on empty bins with the right probability."""
    np = _np()
    bins = (grams >> np.uint64(_BIN_BITS)).astype(np.int64)
    wanted = np.arange(BINS)
    first = np.searchsorted(bins, wanted)
    filled = wanted[(first < len(grams)) & (bins[np.minimum(first, len(grams) - 1)] == wanted)]
    source = filled[np.searchsorted(filled, wanted) % len(filled)]
    return grams[first[source]] + ((source - wanted) % BINS).astype(np.uint64)


def shingles(normalised: str, k: int = SHINGLE) -> set[int]:
    """Hashes of the k-character shingles of the text with white space removed."""
    return set(fingerprint(normalised, k).grams.tolist())


def signature(hashes: set[int] | Any) -> tuple[int, ...]:
    """The MinHash signature of a set of shingle hashes (as Python ints)."""
    np = _np()
    grams = np.unique(np.fromiter(hashes, np.uint64, len(hashes))) if isinstance(hashes, set) else hashes
    return tuple(_signature(grams).tolist()) if len(grams) else (_MASK,) * BINS


def share_in(grams: Any, others: list[Any]) -> float:
    """Share of a text's shingle hashes found in any of other texts' (numpy arrays)."""
    np = _np()
    if not len(grams) or not others:
        return 0.0
    return float(np.isin(grams, np.concatenate(others)).mean())


def coverage_in(text: str, others: list[Any]) -> float:
    """`coverage` of a text by other texts' shingles together (their sorted hash arrays): a copy a
    mirror broke every few words with an insertion (emoji in brackets) is nearly all inside the
    texts it holds, though a fifth of its shingles (`share_in`) are in none of them."""
    np = _np()
    if not others:
        return 0.0
    return coverage(text, _sorted_unique(np.concatenate(others)))


def containment(a: set[int] | Any, b: set[int] | Any) -> float:
    """Share of the smaller shingle set found in the larger one (1.0 = one contains the other)."""
    if isinstance(a, set) and isinstance(b, set):
        if not a or not b:
            return 0.0
        small, large = (a, b) if len(a) <= len(b) else (b, a)
        return len(small & large) / len(small)
    np = _np()
    if not len(a) or not len(b):
        return 0.0
    return int(np.intersect1d(a, b, assume_unique=True).size) / min(len(a), len(b))


def equal_bins(packed_a: bytes, packed_b: bytes) -> int:
    """How many bins two stored signatures agree on (3 or more for any pair sharing a band)."""
    if len(packed_a) != len(packed_b) or not packed_a:
        return 0
    np = _np()
    return int(np.count_nonzero(np.frombuffer(packed_a, "<u4") == np.frombuffer(packed_b, "<u4")))


def containment_bounds(count_a: int, packed_a: bytes, count_b: int, packed_b: bytes,
                       z: float = 3.0) -> tuple[float, float]:
    """A confidence interval for `containment` from two stored signatures and shingle counts,
    no text needed: the share of equal bins estimates Jaccard J (a Wilson interval at `z`
    standard errors), and |A∩B| = J(|A|+|B|)/(1+J) turns each end into a containment."""
    if not count_a or not count_b or len(packed_a) != len(packed_b):
        return 0.0, 0.0
    np = _np()
    bins = len(packed_a) // 4
    equal = int(np.count_nonzero(np.frombuffer(packed_a, "<u4") == np.frombuffer(packed_b, "<u4")))
    share, z2 = equal / bins, z * z / bins
    centre = (share + z2 / 2) / (1 + z2)
    half = z * math.sqrt(share * (1 - share) / bins + z2 / (4 * bins)) / (1 + z2)

    def contained(jaccard: float) -> float:
        return min(1.0, jaccard * (count_a + count_b) / (1 + jaccard) / min(count_a, count_b))

    return contained(max(0.0, centre - half)), contained(min(1.0, centre + half))
