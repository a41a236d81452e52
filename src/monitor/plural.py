"""Counts as English says them: `1 story`, `2 stories`, `1 match`, `3 sources`. Pure."""

from __future__ import annotations


def counted(n: int, one: str) -> str:
    """`n` and the noun `one` (its singular: story, source, new article), plural unless n is 1."""
    return f"{n} {one if n == 1 else plural(one)}"


def plural(one: str) -> str:
    """story → stories, match → matches, source → sources (the last word of `one`)."""
    if one.endswith("y") and one[-2:-1] not in ("a", "e", "i", "o", "u"):
        return one[:-1] + "ies"
    if one.endswith(("s", "x", "ch", "sh")):
        return one + "es"
    return one + "s"
