"""Chinese set out one character at a time ("三 明 与 上 海"), read as written together.

In: an article's normalised text (title, "\\n", body paragraphs) and where its title ends.
Out: the text with the separators between such characters removed, and for each of its
characters the offset in the input, or None when there was nothing to join. Never does I/O.

Why: pages space a headline's characters for layout (a space, an ideographic space U+3000,
which normalises to a space, or a line break falling between two of them), and 三 明 is no
hit for 三明. Only the matcher reads the text joined; the store's normal form keeps the
spaces (changing it would re-index every store).

Which separators go: one between two Han characters that each stand alone, with a separator
or punctuation on their far side (not another character, a letter or a digit: "3日 三 明"
keeps its first space). "三 明 与 上 海" is joined
whole; "上海 三明治店" keeps its space (two words, not letters: no 海三, no 三明); "三 明治"
keeps it too. A line break is a separator only inside such a run (a space or another break
on both far sides: "上 海 三\\n明 合 作"), never after a line that ends a sentence. The title
and the body are never joined to each other.
"""

from __future__ import annotations

import re

from ..textnorm import HAN_CHARS
from .rules import GARBLED

_CHAR = HAN_CHARS + GARBLED
# A space, or a line break, before a character that stands alone on its right. Two scans that
# start with a literal (`re` runs to each space or break in C, and the look-ahead turns most of
# them down at once): one class of both separators tests every character (×2 the cost).
_SPACE = re.compile(f" (?=[{_CHAR}](?![\\w{GARBLED}]))")
_BREAK = re.compile(f"\n(?=[{_CHAR}](?:[ \n]|$))")
_CHARS = re.compile(f"[{_CHAR}]")


def joined(text: str, title_end: int) -> tuple[str, list[int] | None]:
    """`text` without the separators inside runs of lone characters, and the offsets of what
    is left in `text` (None, and `text` itself, when no separator goes)."""
    drop = [i for i in _separators(text) if i != title_end]
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


def _separators(text: str) -> list[int]:
    """Indexes of the separators between two lone characters, in order."""
    is_char = _CHARS.match
    found = []
    if " " in text:
        for m in _SPACE.finditer(text, 1):
            i = m.start()
            if is_char(text, i - 1) and not (i > 1 and (text[i - 2].isalnum() or text[i - 2] == GARBLED)):
                found.append(i)  # the left one stands alone too
    breaks = [i for m in _BREAK.finditer(text, 2)
              if is_char(text, (i := m.start()) - 1) and text[i - 2] in " \n"]  # a run on both sides
    return sorted(found + breaks) if found and breaks else found or breaks
