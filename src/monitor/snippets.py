"""Snippets cut from the original text around matched spans.

In: original text plus spans (from topic hits) or query terms. Out: a short excerpt of the
original text, with the offsets of the terms inside it, so renderers can highlight them. Query
terms are found in textnorm's normal form and mapped back, so 滬明 finds 沪明 and `對(duì)口`
finds 对口. Pure.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from . import textnorm

# Apostrophes and dashes that keyboards, word processors and fonts make of one another: search
# reads each kind as one (`Yong'an` finds `Yong’an`, `Shanghai-Sanming` finds `Shanghai–Sanming`).
# Search's own step after the normal form, one character for one: the index holds no punctuation
# (its tokens stop at it), so no stored index changes and none is rebuilt.
_SAME_MARKS = str.maketrans({**dict.fromkeys("\u2018\u2019\u201b\u02bc\u2032\u00b4`", "'"),
                             **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043", "-")})
MARKS = frozenset("'-")  # what a normal form holds after `same_marks` where a kind was folded


def same_marks(text: str) -> str:
    """`text` with every apostrophe `'` and every dash `-` (length kept)."""
    return text.translate(_SAME_MARKS)


def find_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """[start, end) spans in the original `text` of every occurrence of each term."""
    needles = [n for n in (same_marks(_normal(t)) for t in terms) if n]
    if not needles:  # nothing to mark (the newest page, a query of exclusions): no text to normalise
        return []
    norm, index = textnorm.normalize_map(text)
    if any(MARKS.intersection(n) for n in needles):
        norm = same_marks(norm)
    return _occurrences(norm, index, needles)


def merged_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """`find_spans`, with overlapping or touching spans merged into one (so marking them keeps
    markup valid: `**对口****合作**` is not bold in Markdown; `**对口合作**` is)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(find_spans(text, terms)):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mark(text: str, terms: Iterable[str], open_: str, close: str,
         escape: Callable[[str], str] = lambda s: s) -> str:
    """`text` with each occurrence of a term between `open_` and `close`, the text escaped by
    `escape` (blank terms are ignored)."""
    out, pos = [], 0
    for start, end in merged_spans(text, [t for t in terms if t and t.strip()]):
        out += [escape(text[pos:start]), open_, escape(text[start:end]), close]
        pos = end
    return "".join(out) + escape(text[pos:])


def first_span(text: str, terms: Iterable[str]) -> tuple[int, int] | None:
    """The earliest span of any term in `text`. A snippet needs only the first, so rather than
    normalising a long body, look (with str.find) for the characters that normalise to each
    term's first character, and normalise a few characters there."""
    best: tuple[int, int] | None = None
    for needle in dict.fromkeys(_normal(t) for t in terms):
        if needle and (found := _first(text, needle)) and (best is None or found < best):
            best = found
    return best


@functools.lru_cache(maxsize=512)
def _normal(term: str) -> str:
    """A term's normal form, stripped: asked for each result of a page, of each of its terms
    (textnorm remembers its last 8 texts only: an OR of 60 words normalised 1,200 terms a page)."""
    return textnorm.normalize(term).strip()


def _first(text: str, needle: str, tries: int = 200) -> tuple[int, int] | None:
    starts = preimages(needle[0])
    reach = len(needle) * 4 + 16  # room for inline pinyin and full-width forms inside a match
    pos = 0
    for _ in range(tries):
        found = [i for i in (text.find(c, pos) for c in starts) if i >= 0]
        if not found:
            return None
        pos = min(found)
        spans = find_spans(text[pos:pos + reach], [needle])
        if spans and spans[0][0] == 0:
            return pos, pos + spans[0][1]
        pos += 1
    # A long run of near misses: normalise what follows a window at a time, as far as FARTHEST.
    for start in range(pos, min(len(text), pos + FARTHEST), WINDOW):
        spans = find_spans(text[start:start + WINDOW + reach], [needle])
        if spans:
            return start + spans[0][0], start + spans[0][1]
    return None


# A snippet centres on the first occurrence a query term has within this many characters after
# the near misses above; past that it shows the text's start (normalising all of a 1M-character
# body of near misses took ~0.5 s per result).
FARTHEST = 100_000
WINDOW = 8_192


@functools.lru_cache(maxsize=1024)
def preimages(char: str) -> tuple[str, ...]:
    """Every character whose normal form contains `char` (沪 → 沪, 滬), itself first."""
    return (char, *textnorm.folding_into(char))


def _occurrences(norm: str, index: list[int], needles: list[str]) -> list[tuple[int, int]]:
    spans = []
    for needle in needles:
        if (spaced := _spaced(needle)) is not None:
            spans += [(index[m.start()], index[m.end() - 1] + 1) for m in spaced.finditer(norm)
                      if not _part_of_number(norm, m.start(), m.end(), needle)]
            continue
        start = norm.find(needle)
        while start >= 0:
            if not _part_of_number(norm, start, start + len(needle), needle):
                spans.append((index[start], index[start + len(needle) - 1] + 1))
                start = norm.find(needle, start + len(needle))
            else:
                start = norm.find(needle, start + 1)
    return sorted(set(spans))


def _script_change(a: str, b: str) -> bool:
    """A letter or digit beside a CJK character, in either order (`AI产业`)."""
    cjk = textnorm.is_cjk_run
    return (cjk(a) and b.isalnum() and not cjk(b)) or (a.isalnum() and not cjk(a) and cjk(b))


@functools.lru_cache(maxsize=256)
def _spaced(needle: str) -> re.Pattern[str] | None:
    """A pattern finding `needle` with or without a space where search reads one as none (as it
    finds the article): between English and Chinese either way (`AI产业`, `AI 产业`), between
    two CJK characters where the term has one (`对口 合作`). None where the needle has no such
    place (found as it is)."""
    cjk, out, changed = textnorm.is_cjk_run, [], False
    for i, char in enumerate(needle):
        prev, after = needle[i - 1:i], needle[i + 1:i + 2]
        if char == " ":
            flexible = bool(prev and after) and ((cjk(prev) and cjk(after)) or _script_change(prev, after))
            out.append(" ?" if flexible else " ")
            changed |= flexible
            continue
        if prev and prev != " " and _script_change(prev, char):
            out.append(" ?")
            changed = True
        out.append(re.escape(char))
    return re.compile("".join(out)) if changed else None


def _part_of_number(norm: str, start: int, end: int, needle: str) -> bool:
    """Whether a number found at norm[start:end] is part of a longer one (`5` in `3.5` or `35`,
    `3` in `3.5`, `3.5` in `3.50`, `200` in `1,200`): search does not find it there, so it is
    not marked there either."""
    return ((needle[0].isdigit() and (in_number(norm, start) or (start > 0 and norm[start - 1].isdigit())))
            or (needle[-1].isdigit() and number_goes_on(norm, end)))


def in_number(norm: str, start: int) -> bool:
    """Whether a number at `start` continues one before it (`5` in `3.5`, `200` in `1,200`)."""
    return start > 1 and norm[start - 1] in ".," and norm[start - 2].isdigit()


def number_goes_on(norm: str, end: int) -> bool:
    """Whether the number ending at `end` goes on after it: a digit, a decimal part (`3` in `3.5`),
    a thousands group (`1` in `1,500`). A year's month or a dotted date goes on as another
    number (`2026` is in `2026.12` and `2026.12.01`), as a version's parts do (`1` in `1.2.3`)."""
    after = norm[end:end + 1]
    if after.isdigit():
        return True
    if after == ",":
        return norm[end + 1:end + 4].isdigit() and len(norm[end + 1:end + 4]) == 3 and not norm[end + 4:end + 5].isdigit()
    if after != "." or not norm[end + 1:end + 2].isdigit():
        return False
    last = end + 1
    while last < len(norm) and norm[last].isdigit():
        last += 1
    if norm[last:last + 1] == "." and norm[last + 1:last + 2].isdigit():  # 2026.12.01, 1.2.3
        return False
    first = end
    while first > 0 and norm[first - 1].isdigit():
        first -= 1
    return not (end - first == 4 and norm[first:first + 2] in ("19", "20"))  # 2026.12: a year and its month


def cut(text: str, spans: list[tuple[int, int]], width: int = 120) -> str:
    """About `width` characters of `text` around the first span (the start of text if none)."""
    flat = text.replace("\n\n", " ¶ ")
    if not spans:
        return _trim(flat[:width], flat, 0, width)
    first = spans[0][0] + 2 * text[:spans[0][0]].count("\n\n")  # account for the ¶ marks
    start = max(0, first - width // 3)
    return _trim(flat[start:start + width], flat, start, width)


def _trim(piece: str, whole: str, start: int, width: int) -> str:
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(whole) else ""
    return prefix + piece.strip() + suffix
