"""Paragraphs not typed as `<p>`: a `<div>` holding one paragraph's text, a `<div>` wrapping one `<p>` alone.

In: lexbor nodes of a parsed page. Out: yes/no answers and the block a wrapped paragraph's score
goes to, for the body finder (`body`) and the paragraph builder (`paragraphs`). Div-soup CMSes
and React-era pages type every paragraph as a `<div>`; component CMSes wrap each `<p>` in a
`<div>` of its own. Such a paragraph scores into its container as a `<p>` would (readability's
rule) when it stands in a run of paragraphs; a reader comment's lone body keeps its own block.
Never edits the tree.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

INLINE = frozenset({"span", "font", "em", "strong", "b", "i", "u", "small", "big", "sup", "sub", "a"})
DIV_ID = LexborHTMLParser("").create_node("div").tag_id
# What a paragraph may hold: a <div> holding only these (no <br>, no block) is a paragraph typed as
# a <div> (React-era pages, div-soup CMSes), and scores into its container as a <p> would.
_PARAGRAPH_INLINE = frozenset({*INLINE, "code", "abbr", "time", "q", "cite", "mark", "s", "del", "ins", "kbd", "img"})


def beside(node: LexborNode, step: str) -> LexborNode | None:
    """The node just before (`step` "prev") or after ("next") `node`, past blank text."""
    neighbour = getattr(node, step)
    while neighbour is not None and neighbour.tag == "-text" and not (neighbour.text() or "").strip():
        neighbour = getattr(neighbour, step)
    return neighbour


def paragraph_div(node: LexborNode) -> bool:
    """A <div> that is one paragraph: only text and inline elements inside, no <br>."""
    return all(child.tag in _PARAGRAPH_INLINE for child in node.iter(include_text=False))


def home(paragraph: LexborNode) -> LexborNode | None:
    """The block a paragraph's score goes to: its parent, or past up to two <div>s that wrap it
    alone (`<div class="cmp-text"><p>…</p></div>`, one component per paragraph), as readability
    unwraps such a <div> into its <p>."""
    node = paragraph
    for _ in range(2):
        parent = node.parent
        if parent is None or parent.tag_id != DIV_ID or not _sole(parent, node):
            break
        node = parent
    if node.mem_id != paragraph.mem_id and not _beside_paragraph(node):
        return paragraph.parent  # a lone wrapped paragraph: its <div> is the article's block
    return node.parent


def _sole(parent: LexborNode, child: LexborNode) -> bool:
    """Whether `child` is `parent`'s only element and `parent` holds no loose text."""
    for count, element in enumerate(parent.iter(include_text=False)):
        if count or element.mem_id != child.mem_id:
            return False
    return not parent.text(deep=False).strip()


def paragraph_block(node: LexborNode, depth: int = 2) -> bool:
    """A <p>, a paragraph typed as a <div>, or a <div> wrapping one of them alone."""
    if node.tag == "p":
        return True
    if node.tag_id != DIV_ID:
        return False
    inner = node.css_first("p")  # cheaper than walking the children when it is no wrapper
    child = next(iter(node.iter(include_text=False)), None)
    if inner is None:
        if paragraph_div(node):
            return True  # a paragraph typed as a <div>, or (below) a <div> wrapping one alone
        return depth > 0 and child is not None and child.tag_id == DIV_ID and _sole(node, child) \
            and paragraph_block(child, depth - 1)
    return depth > 0 and child is not None and _sole(node, child) and paragraph_block(child, depth - 1)


def _beside_paragraph(node: LexborNode) -> bool:
    """Whether the element just before or after `node` is a paragraph block of its own: wrapped
    paragraphs come in runs of components."""
    for step in ("prev", "next"):
        neighbour = beside(node, step)
        if neighbour is not None and neighbour.tag in ("p", "div") and paragraph_block(neighbour) \
                and len(neighbour.text().strip()) >= 40:
            return True
    return False


def in_run(node: LexborNode) -> bool:
    """Whether a paragraph <div> stands beside another paragraph (a <p>, or a <div> of one sentence
    or more): an article's paragraphs come in runs; a reader comment's body sits alone beside its
    author line and scores as a block of its own."""
    for step in ("prev", "next"):
        neighbour = beside(node, step)
        if neighbour is None or neighbour.tag not in ("p", "div"):
            continue
        if neighbour.tag == "p":
            return True
        text = neighbour.text().strip()
        if len(text) >= 40 and text[-1] in ".!?\"”’)" and paragraph_div(neighbour):
            return True
    return False


# A Chinese paragraph: a sentence end or a clause mark in its text (a menu item, a name or a date
# line has none). Its neighbour must end like a sentence (closing quotes and brackets aside).
_ZH_CLAUSE = re.compile("[，。！？；：]")
_ZH_END, _CLOSERS = ("。", "！", "？", "…"), "”’」』）)"  # a sentence's end, the quotes and brackets after it
_CJK = re.compile(r"[\u3400-\u9fff]")
_ZH_LEAST = 12  # characters of a neighbour: a short caption or a label line is no paragraph


def _ends_sentence(text: str) -> bool:
    """Whether `text` ends a sentence, as `[。！？…][”’」』）)]*$` searched says (`$`: the end or a
    last line break), without the regex: sre tries it at every position of the text (×8)."""
    if text.rstrip(_CLOSERS)[-1:] in _ZH_END:
        return True
    return text.endswith("\n") and text[:-1].rstrip(_CLOSERS)[-1:] in _ZH_END


def zh_in_run(node: LexborNode, text: str) -> bool:
    """Whether a <div> of Chinese text (`text`, its own) is a paragraph among paragraphs: a clause
    or sentence of its own, only text and inline tags inside and no link, and a <p> or another
    such <div> ending a sentence next to it. Article text typed as <div>s comes in runs of
    sentences; a related list's items are links, a comment's body sits beside its author line,
    a date or a source line has no clause."""
    if _ZH_CLAUSE.search(text) is None or not paragraph_div(node) or node.css_first("a") is not None:
        return False
    for step in ("prev", "next"):
        neighbour = beside(node, step)
        if neighbour is None or neighbour.tag not in ("p", "div"):
            continue
        other = neighbour.text().strip()
        if len(other) < _ZH_LEAST or not _ends_sentence(other) or _CJK.search(other) is None:
            continue
        if neighbour.tag == "p" or (paragraph_div(neighbour) and neighbour.css_first("a") is None):
            return True
    return False
