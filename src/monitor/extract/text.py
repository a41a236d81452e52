"""Display-text clean-up for extracted strings.

In: raw text from the parse tree. Out: one-line display strings with private-use characters,
U+FFFD, zero-width, bidirectional-override and control characters removed and whitespace collapsed. Keeps the
original script (traditional stays traditional); never normalises for matching (textnorm does).
"""

from __future__ import annotations

import re

# Private-use areas (custom-font glyphs, mojibake), U+FFFD, zero-width marks, C0/C1 controls,
# and the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): an
# override left open reverses whatever follows the headline on a digest's or a table's line.
_JUNK = re.compile(
    "[\ue000-\uf8ff\U000f0000-\U0010ffff\ufffd\u200b-\u200d\u202a-\u202e\u2060\u2066-\u2069\ufeff"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)
_JUNK_KEEP_MARKERS = re.compile(
    "[\ue000-\uf8ff\U000f0000-\U0010ffff\ufffd\u200b-\u200d\u202a-\u202e\u2060\u2066-\u2069\ufeff"
    "\x00\x01\x04-\x08\x0b\x0c\x0e-\x1d\x7f-\x9f]"
)
# _MARK: the directional marks (ALM U+061C, LRM U+200E, RLM U+200F) order digits and brackets in
# right-to-left text, so text holding Hebrew or Arabic keeps them; elsewhere (a CMS's RLM before a
# Chinese headline, an LRM pasted from a word processor) they are invisible characters that the
# same headline from another site lacks, and a title that looks equal is not: they are dropped.
_MARK = re.compile("[\u061c\u200e\u200f]")
_RIGHT_TO_LEFT = re.compile("[\u0590-\u061b\u061d-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TWENTY_CJK = re.compile(r"(?:[^\u3400-\u9fff\uf900-\ufaff]*+[\u3400-\u9fff\uf900-\ufaff]){20}")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_EN_STOPWORDS = frozenset("the and of to in is that for on with was as it by are be at from this have".split())


def strip_junk(text: str) -> str:
    """Remove undisplayable characters but keep whitespace and the \\x02 \\x03 \\x1e \\x1f markers."""
    return _unmarked(_JUNK_KEEP_MARKERS.sub("", text))


def collapse(text: str) -> str:
    """Collapse whitespace runs to one space and trim."""
    return " ".join(text.split())  # str.split knows U+3000 and NBSP; 4x faster than a regex


def clean(text: str | None) -> str:
    """Collapse whitespace and drop invisible or undisplayable characters."""
    if not text:
        return ""
    return " ".join(_unmarked(_JUNK.sub("", text)).split())


def _unmarked(text: str) -> str:
    """`text` without directional marks unless it holds right-to-left script (see `_MARK`)."""
    if ("\u200e" in text or "\u200f" in text or "\u061c" in text) and not _RIGHT_TO_LEFT.search(text):
        return _MARK.sub("", text)
    return text


def detect_lang(text: str, declared: str | None = None) -> str | None:
    """'zh' or 'en' from the page's lang attribute or, failing that, from the script of `text`."""
    if declared:
        code = declared.strip().lower()
        if code.startswith(("zh", "cmn", "yue")):
            return "zh"
        if code.startswith("en"):
            return "en" if not CJK.search(text[:1000]) else "zh"
    sample = text[:1000]
    if _TWENTY_CJK.match(sample):  # stops at the 20th CJK character instead of listing all of them
        return "zh"
    cjk = len(CJK.findall(sample))
    words = _LATIN_WORD.findall(sample)
    if cjk and cjk * 3 >= len(words):
        return "zh"
    if len(words) >= 5:
        common = sum(1 for word in words if word.lower() in _EN_STOPWORDS)
        return "en" if common * 12 >= len(words) else None
    return None


def junk_share(text: str) -> float:
    """Share of undisplayable characters (U+FFFD, private use, controls) among the non-blank ones."""
    if not _JUNK.search(text):  # the usual case; spares splitting the text to count the solid characters
        return 0.0
    solid = len("".join(text.split()))
    return len(_JUNK.findall(text)) / solid if solid else 0.0


def weighted_length(text: str) -> int:
    """Length where a CJK character counts like a short word (about three Latin characters)."""
    return len(text.encode("utf-8", "surrogatepass"))  # CJK takes 3 bytes, ASCII 1
