"""The language of an article's words on the pages, whose own words are English.

In: a title, a snippet, an outlet's or a topic's name. Out: ` lang="zh"` for text mostly in
Chinese (its Han characters at least a third of its Latin letters), else nothing: the element
then reads as the page's English (`<html lang="en">`). A screen reader reads each in its voice;
a page marked Chinese throughout read 'Search', 'Filters' and 'Nothing found' in a Chinese one.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..textnorm import HAN_CHARS

_HAN = re.compile(f"[{HAN_CHARS}]")
_LATIN = re.compile("[A-Za-z]")
ZH = Markup(' lang="zh"')
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u061c\u200f\u202a-\u202e\u2066-\u2069"
                  "\U00010800-\U00010fff\U0001e800-\U0001efff]")
_DIR = Markup(' dir="auto"')


def zh(text: object) -> Markup:
    """` lang="zh"` when `text` is mostly Chinese, else nothing."""
    if not isinstance(text, str) or not text:
        return Markup("")
    head = text[:200]  # enough to tell (a snippet's 240 characters cost 9 us read whole)
    han = len(_HAN.findall(head))
    return ZH if han and han * 3 >= len(_LATIN.findall(head)) else Markup("")


def zh_text(text: object) -> Markup:
    """`text` escaped, in a `<span lang="zh">` when mostly Chinese (a name inside a line of the
    page's English); in a `<bdi>` when it holds right-to-left writing or a direction control (see `rtl`)."""
    mark, isolated = zh(text), rtl(text)
    tag = "bdi" if isolated else "span"
    return Markup(f"<{tag}{mark}>{escape(text)}</{tag}>") if mark or isolated else escape("" if text is None else text)


def rtl(text: object) -> Markup:
    """` dir="auto"` for text holding right-to-left writing (Hebrew, Arabic, Syriac ...) or a
    direction control (U+202E), else nothing: its element is then isolated. An outlet named in
    Arabic took the date after it into its right-to-left run (drawn day first), and the outlets
    listed after it read right to left."""
    return _DIR if isinstance(text, str) and _RTL.search(text) else Markup("")
