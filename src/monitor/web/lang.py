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


def zh(text: object) -> Markup:
    """` lang="zh"` when `text` is mostly Chinese, else nothing."""
    if not isinstance(text, str) or not text:
        return Markup("")
    head = text[:200]  # enough to tell (a snippet's 240 characters cost 9 us read whole)
    han = len(_HAN.findall(head))
    return ZH if han and han * 3 >= len(_LATIN.findall(head)) else Markup("")


def zh_text(text: object) -> Markup:
    """`text` escaped, in a `<span lang="zh">` when mostly Chinese (a name inside a line of the
    page's English)."""
    mark = zh(text)
    return Markup(f"<span{mark}>{escape(text)}</span>") if mark else escape("" if text is None else text)
