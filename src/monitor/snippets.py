"""Snippets cut from the original text around matched spans.

In: original text plus spans (from topic hits) or query terms. Out: a short excerpt of the
original text, with the offsets of the terms inside it, so renderers can highlight them. Query
terms are found in textnorm's normal form and mapped back, so 滬明 finds 沪明 and `對(duì)口`
finds 对口. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import textnorm


def find_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """[start, end) spans in the original `text` of every occurrence of each term."""
    norm, index = textnorm.normalize_map(text)
    spans = []
    for term in terms:
        needle = textnorm.normalize(term).strip()
        if not needle:
            continue
        start = norm.find(needle)
        while start >= 0:
            end = start + len(needle) - 1
            spans.append((index[start], index[end] + 1))
            start = norm.find(needle, start + len(needle))
    return sorted(set(spans))


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
