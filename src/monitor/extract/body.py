"""The generic body finder: which containers of a cleaned page hold the article text.

In: a parsed, cleaned selectolax tree. Out: the article's container nodes in document order.
Scores text-bearing elements (length, commas, CJK density) into their ancestors, picks the best
container, promotes it to a shared ancestor when the text is split, then merges good siblings
(readability's method, Mozilla's thresholds). Never edits the tree and never raises on its own.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .text import weighted_length

_DEEP_UNITS = "p, pre, blockquote"  # paragraphs: all their text counts
_SHALLOW_UNITS = (  # only their loose text; spans inside paragraphs, items and links count there
    "td, div, section, article, font, dd, center, main, span:not(p span):not(li span):not(a span)"
)
_INLINE_PARENTS = frozenset({"p", "pre", "blockquote", "h1", "h2", "h3", "h4", "a", "li"})
_INLINE = frozenset({"span", "font", "em", "strong", "b", "i", "u", "small", "big", "sup", "sub", "a"})
_PUNCT = re.compile(r"[,，。、；;！？!?]")
_POSITIVE = re.compile(
    r"article|body|content|entry|main|post|text|story|detail|zhengwen|TRS_Editor|UnionStyle|zoom|con_",
    re.I,
)
_NEGATIVE = re.compile(
    r"comment|footer|\bfoot|sidebar|related|recommend|share|\bnav|menu|banner|\bads?\b|promo|widget|"
    r"\bhot|\brank|copyright|byline|breadcrumb|\btags?\b|social|\bxgxw|\bxgyd",
    re.I,
)
# Whole class/id tokens that start with these words; `content-with-sidebar` is not a sidebar.
_ENCLOSING = re.compile(
    r"(?:^|\s)(?:comments?|commentlist|sidebar|related|recommend(?:ed|ations?)?|footer)(?:[-_]\w+)*(?=\s|$)", re.I
)
_TAG_BIAS = {"div": 5, "article": 8, "main": 5, "section": 3, "td": 3, "pre": 3, "blockquote": 3,
             "li": -3, "dd": -3, "span": -2, "font": 0, "center": 0, "body": -5}
_MIN_LENGTH = 20  # weighted characters; shorter text is a label, a date or a link row


def find_containers(tree: LexborHTMLParser) -> list[LexborNode]:
    """Article containers of the page (one or several siblings), best first in document order."""
    scores = _score(tree)
    if not scores:
        return [tree.body] if tree.body is not None else []
    ranked = _rank(scores)
    top = _promote(ranked, scores)
    return _with_siblings(top, scores)


def _unit_score(text: str, cap: float = 3.0) -> float:
    """Readability's paragraph score: one point, one per comma, one per ~100 characters (to `cap`)."""
    weighted = len(text.encode("utf-8"))  # CJK is 3 bytes: counts like a short word, cheaply
    if weighted < _MIN_LENGTH:
        return 0.0
    return 1.0 + len(_PUNCT.findall(text)) + min(weighted / 100.0, cap)


def _score(tree: LexborHTMLParser) -> dict[LexborNode, float]:
    """Each text unit's score added to its block (1), the block's parent (1/2) and grandparent (1/6)."""
    scores: dict[LexborNode, float] = {}
    body = tree.body
    if body is None:
        return scores
    for unit in body.css(_DEEP_UNITS):
        text = unit.text()
        if len(text) >= 8:
            _credit(scores, unit.parent, _unit_score(text.strip(), 3.0))
    for unit in body.css(_SHALLOW_UNITS):
        text = unit.text(deep=False)  # loose text only; child elements are units of their own
        if len(text) >= 8 and not text.isspace():
            # Loose text separated by <br> is several paragraphs in one unit: let its length count.
            score = _unit_score(text.strip(), 20.0)
            if score:
                _credit(scores, _block_of(unit), score)
    return scores


def _credit(scores: dict[LexborNode, float], node: LexborNode | None, score: float) -> None:
    """Add `score` to `node`, half to its parent and a sixth to its grandparent."""
    if not score:
        return
    for divisor in (1.0, 2.0, 6.0):
        if node is None or node.tag in ("html", "-document"):
            return
        scores[node] = scores.get(node, 0.0) + score / divisor
        node = node.parent


def _block_of(unit: LexborNode) -> LexborNode | None:
    """The block a text-bearing unit belongs to: itself, or the block around its inline wrappers."""
    node: LexborNode | None = unit
    while node is not None and node.tag in _INLINE:  # span/font wrappers are not blocks
        node = node.parent
    if node is None or node.tag in _INLINE_PARENTS:
        return None
    return node


def _weight(node: LexborNode) -> float:
    """A factor from tag and class/id words that usually mean content (x1.5) or chrome (x0.5)."""
    bias = float(_TAG_BIAS.get(node.tag or "", 0))
    attrs = node.attributes
    hint = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    if hint.strip():
        if _POSITIVE.search(hint):
            bias += 25
        if _NEGATIVE.search(hint):
            bias -= 25
    return max(0.1, 1.0 + bias / 50.0)


def _enclosure(node: LexborNode) -> float:
    """A small factor for candidates inside links, comment threads, sidebars and related blocks."""
    for ancestor in _ancestors(node, 12):
        if ancestor.tag == "a":
            return 0.1
        attrs = ancestor.attributes
        hint = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if ancestor.tag not in ("article", "main") and _ENCLOSING.search(hint):
            return 0.2
    return 1.0


def link_density(node: LexborNode) -> float:
    """Share of the node's text that sits inside links (sampled when there are many links)."""
    text_length = len(node.text().strip())
    if not text_length:
        return 1.0
    anchors = node.css("a")
    step = len(anchors) // 64 + 1  # a sample keeps page-sized candidates cheap
    linked = sum(len(a.text().strip()) for a in anchors[::step]) * step
    return min(1.0, linked / text_length)


def _rank(scores: dict[LexborNode, float]) -> list[tuple[float, LexborNode]]:
    """The best few candidates by score adjusted for bias and link density."""
    rough = sorted(scores.items(), key=lambda item: item[1], reverse=True)[:8]
    rough = sorted(rough, key=lambda item: item[1] * _weight(item[0]), reverse=True)[:3]
    ranked = [(score * _weight(node) * (1.0 - link_density(node)) * _enclosure(node), node)
              for node, score in rough]
    ranked.sort(key=lambda item: item[0], reverse=True)
    return ranked


def _ancestors(node: LexborNode, limit: int = 8) -> list[LexborNode]:
    """Up to `limit` ancestors of `node`, nearest first, stopping below <body>."""
    chain: list[LexborNode] = []
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html") and len(chain) < limit:
        chain.append(parent)
        parent = parent.parent
    return chain


def _promote(ranked: list[tuple[float, LexborNode]], scores: dict[LexborNode, float]) -> LexborNode:
    """Move up to a common ancestor when several strong candidates share one (a split body)."""
    best_score, top = ranked[0]
    rivals = [node for score, node in ranked[1:] if score >= 0.75 * best_score and score > 0]
    chain = _ancestors(top, 4)
    if rivals:
        # Near-equal candidates under one nearby ancestor are halves of one split article.
        rival_chains = [set(_ancestors(node, 6)) | {node} for node in rivals]
        for ancestor in chain[:3]:
            if any(ancestor in rc for rc in rival_chains):
                return ancestor
    # A parent that outscores its child holds more of the article than the child does.
    last = scores.get(top, 0.0)
    for ancestor in chain:
        parent_score = scores.get(ancestor, 0.0)
        if parent_score < last / 3:
            break
        if parent_score > last * 1.05:
            top = ancestor
        last = parent_score
    return top


def _with_siblings(top: LexborNode, scores: dict[LexborNode, float]) -> list[LexborNode]:
    """`top` plus siblings that look like more of the same article, in document order."""
    parent = top.parent
    if parent is None or top.tag == "body":
        return [top]
    top_score = scores.get(top, 0.0)
    threshold = max(10.0, top_score * 0.2)
    top_class = top.attributes.get("class")
    kept: list[LexborNode] = []
    for sibling in parent.iter(include_text=False):
        if sibling.mem_id == top.mem_id:  # LexborNode's == serialises both nodes: slow
            kept.append(sibling)
            continue
        bonus = top_score * 0.2 if top_class and sibling.attributes.get("class") == top_class else 0.0
        if scores.get(sibling, 0.0) + bonus >= threshold and link_density(sibling) < 0.3:
            kept.append(sibling)
        elif sibling.tag == "p" and _good_paragraph(sibling):
            kept.append(sibling)
    return kept


def _good_paragraph(node: LexborNode) -> bool:
    """A sibling <p> worth keeping: long with few links, or a short complete sentence."""
    text = node.text().strip()
    weighted = weighted_length(text)
    density = link_density(node)
    if weighted > 80:
        return density < 0.25
    return density == 0 and weighted > 10 and text[-1:] in "。！？.!?”\""
