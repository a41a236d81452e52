"""Chinese set out one character at a time ("三 明 与 上 海"), read as written together.

In: an article's normalised text (title, "\\n", body paragraphs), where its title ends, the
words of the topics it is matched against and the title's line breaks. Out: the text with the
separators between such characters removed (and the line breaks that fall inside a word), and
for each of its characters the offset in the input, or None when there was nothing to join.
Never does I/O.

Why: pages space a headline's characters for layout (a space, an ideographic space U+3000,
which normalises to a space, or a line break falling between two of them), and 三 明 is no
hit for 三明. Only the matcher reads the text joined; the store's normal form keeps the
spaces (changing it would re-index every store).

Which separators go: one between two Han characters that each stand alone, with a separator
or punctuation on their far side (not another character, a letter or a digit: "3日 三 明"
keeps its first space). "三 明 与 上 海" is joined whole; "上海 三明治店" keeps its space (two
words, not letters: no 海三, no 三明); "三 明治" keeps it too. A line break is such a
separator only inside such a run (a space or another break on both far sides: "上 海 三\\n明
合 作"), never after a line that ends a sentence. The title and the body are never joined.

A line break in unspaced text (hard-wrapped or laid-out lines: "三\\n明市第二中学…赴上\\n海开展")
goes when one of the topic's words reads across it and the likelier segmentation keeps that
word there (`segment.keeps`); a heading above its story stays apart ("三明新闻\\n上海代表团").
One stray space between two characters of unspaced text ("来自上 海的专家", "三 明市") goes
the same way: 上海 reads across it and 来自|上海|的 is the likelier cut. Two words with a space
between stay apart ("上海 三明治店": no word reads across 海|三; "周三 明显": 周三|明显 is
likelier than 周|三明|显; "晚上 海边", "上海 市民" alike).
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable

from ..textnorm import HAN_CHARS
from . import segment
from .rules import GARBLED

_CHAR = HAN_CHARS + GARBLED
# A space, or a line break, before a character that stands alone on its right. Two scans that
# start with a literal (`re` runs to each space or break in C, and the look-ahead turns most of
# them down at once): one class of both separators tests every character (×2 the cost).
_SPACE = re.compile(f" (?=[{_CHAR}](?![\\w{GARBLED}]))")
_BREAK = re.compile(f"\n(?=[{_CHAR}](?:[ \n]|$))")
_CHARS = re.compile(f"[{_CHAR}]")
is_char = _CHARS.match
# A line break between two characters (the look-behind runs only at a break: cheap).
_HAN_BREAK = re.compile(f"\n(?<=[{_CHAR}]\n)(?=[{_CHAR}])")
# A space between two characters, in text not spaced out (来自上 海的专家): a literal first, so
# `re` runs from space to space in C; English text's spaces fail the look-ahead at once.
_HAN_SPACE = re.compile(f" (?=[{_CHAR}])(?<=[{_CHAR}] )")
_REACH = 8  # characters on each side of a break that a word across it may take
# Pictographs, symbols and arrows (and a skin tone after one): a run of them between two characters of
# one of the topic's words goes, as a stray space does (上🔥海, 三😀明市). Normalisation has dropped the
# variation selectors and zero-width joiners already. Looked for only in a text holding a character
# beyond the BMP (the pictographs, U+1F000 on): a scan of every article for the class cost 10-15 % of
# matching an article off the topic; a text whose only symbols are the BMP's (✨, ❤) is left as it is.
_EMOJI = re.compile("[\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]+")


def _astral(text: str) -> bool:
    """Does `text` hold a character beyond the BMP? CPython stores such a string four bytes a character
    (two or one otherwise), which its size tells at once; a short text (under 8 characters) may answer
    True without one, which costs one scan of it."""
    return sys.getsizeof(text) >= 4 * len(text) + 60


def joined(text: str, title_end: int, words: Callable[[], frozenset[str]] | None = None,
           title_breaks: Iterable[int] = ()) -> tuple[str, list[int] | None]:
    """`text` without the separators inside runs of lone characters, and without the line
    breaks that fall inside one of `words` (asked for only when a break falls between two
    characters; `title_breaks` are the title's spaces that were line breaks); with the
    offsets of what is left in `text` (None, and `text` itself, when no separator goes)."""
    drop = [i for i in _separators(text) if i != title_end]
    if words is not None:
        broken = [i for i in title_breaks if is_char(text, i - 1) and is_char(text, i + 1)]
        broken += [i for m in _HAN_BREAK.finditer(text, title_end + 1) if (i := m.start()) != title_end]
        if " " in text:  # one stray space inside a word (三 明市), not a run of lone characters
            lone = set(drop)
            broken += [i for m in _HAN_SPACE.finditer(text, 1) if (i := m.start()) not in lone]
        if broken:
            terms = words()
            if broken := sorted({i for i in broken if _inside_word(text, i, terms)}):
                drop = sorted({*drop, *broken})
        if _astral(text) and (first := _EMOJI.search(text)) is not None:
            # an emoji put inside a word (上🔥海, 三✨明: a page's decoration, or words broken against filters)
            terms = words()
            inside = [i for m in _EMOJI.finditer(text, first.start())
                      if m.end() < len(text) and (a := m.start()) > 0 and is_char(text, a - 1) and is_char(text, m.end())
                      and _inside_word(text, a, terms, m.end()) for i in range(a, m.end())]
            if inside:
                drop = sorted({*drop, *inside})
    if not drop:
        return text, None
    keep: list[int] = []
    parts: list[str] = []
    last = 0
    for i in drop:
        parts.append(text[last:i])
        keep += range(last, i)
        last = i + 1
    parts.append(text[last:])
    keep += range(last, len(text))
    return "".join(parts), keep


def _inside_word(text: str, i: int, terms: frozenset[str], j: int = 0) -> bool:
    """True when one of `terms` reads across the break at `i` (or the run text[i:j]) once it is taken
    out, and the likelier segmentation keeps it a word there (赴上|海开展: 上海; not 工作回顾|过去一年)."""
    j = j or i + 1
    if text[i - 1] + text[j] not in _pairs(terms):
        return False  # no word has these two characters side by side (most breaks: a heading's)
    lo, hi = max(0, i - _REACH), min(len(text), j + _REACH)
    window = text[lo:i] + text[j:hi]
    cut = i - lo
    return any(window[a:b] in terms and segment.keeps(window, a, b, terms)
               for a in range(cut) for b in range(cut + 1, len(window) + 1))


@functools.lru_cache(maxsize=8)
def _pairs(terms: frozenset[str]) -> frozenset[str]:
    """Every two neighbouring characters of every term (a frozenset hashes once: cheap keys)."""
    return frozenset(w[k : k + 2] for w in terms for k in range(len(w) - 1))


def _separators(text: str) -> list[int]:
    """Indexes of the separators between two lone characters, in order."""
    found = []
    if " " in text:
        for m in _SPACE.finditer(text, 1):
            i = m.start()
            if is_char(text, i - 1) and not (i > 1 and (text[i - 2].isalnum() or text[i - 2] == GARBLED)):
                found.append(i)  # the left one stands alone too
    breaks = [i for m in _BREAK.finditer(text, 2)
              if is_char(text, (i := m.start()) - 1) and text[i - 2] in " \n"]  # a run on both sides
    return sorted(found + breaks) if found and breaks else found or breaks
