"""The generic body finder: which containers of a cleaned page hold the article text.

In: a parsed, cleaned selectolax tree and its text units (elements of `UNIT_GROUPS`, which the
caller collects in its first walk over the page). Out: the article's container nodes in
document order.
Scores text-bearing elements (length, commas, CJK density) into their ancestors, picks the best
container, promotes it to a shared ancestor when the text is split, then merges good siblings
(readability's method, Mozilla's thresholds). Never edits the tree and never raises on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .boiler import is_excerpt, is_stop
from .divs import DIV_ID, INLINE, beside, home, in_run, paragraph_div, zh_in_run
from .text import weighted_length

_DEEP_TAGS = ("p", "pre", "blockquote")  # paragraphs: all their text counts
# Only their loose text counts; spans inside paragraphs, items and links count there.
_SHALLOW_TAGS = ("td", "div", "section", "article", "font", "dd", "center", "main", "span")
_FREE_SPANS = "span:not(p span):not(li span):not(a span)"
UNIT_GROUPS = (_DEEP_TAGS, _SHALLOW_TAGS)  # the caller collects these in its first walk over the page
# Elements of tags the parser does not know (`<cms_include:frag>`, web components) are blocks whose
# loose text counts, like a <div>'s: lexbor numbers its own tags below this, others far above.
CUSTOM_GROUP, CUSTOM_TAG_IDS = 1, 0xFFFF
_INLINE_PARENTS = frozenset({"p", "pre", "blockquote", "h1", "h2", "h3", "h4", "a", "li"})
_PUNCT = re.compile(r"[,，。、；;！？!?]")
_CJK = re.compile(r"[\u3400-\u9fff]")
# Class/id hints are matched lower-cased against literal-led alternations: Python's re then skips
# ahead by first character, while re.I or a leading \b made it try every branch at every position
# (~8 µs a hint, ~20x slower). `word(?<!\w....)` is `\bword` with the check after the literal.
_POSITIVE = re.compile(
    r"article|body|content|entry|main|post|text|story|detail|zhengwen|trs_editor|unionstyle|zoom|con_"
)
_NEGATIVE = re.compile(
    r"comment(?!ary|ator)|footer|foot(?<!\w....)(?!ball|age)|sidebar|related|recommend|share|nav(?<!\w...)|menu|banner|"
    r"ad(?<!\w..)s?\b|promo|widget|hot(?<!\w...)(?!el|line)|rank(?<!\w....)|copyright|byline|breadcrumb|tag(?<!\w...)s?\b|social|"
    r"xgxw(?<!\w....)|xgyd(?<!\w....)"
)
# A box under the text asking readers for money (`contributions__epic`, `donate-box`): its appeal is
# a few paragraphs of prose, often scored like a sibling of the text.
_APPEAL_BOX = re.compile(r"contribution|donat(?:e|ion)")
# Whole class/id tokens that start with these words; `content-with-sidebar` is not a sidebar.
_ENCLOSING = re.compile(
    r"(?:^|\s)(?:comments?|commentlist|sidebar|related|recommend(?:ed|ations?)?|footer)(?:[-_]\w+)*(?=\s|$)"
)
_ENCLOSING_WORD = re.compile("comment|sidebar|related|recommend|footer")  # a fast pre-check for it
_TAG_BIAS = {"div": 5, "article": 8, "main": 5, "section": 3, "td": 3, "pre": 3, "blockquote": 3,
             "li": -3, "dd": -3, "span": -2, "font": 0, "center": 0, "body": -5}
_MAX_WEIGHT = 1.0 + (max(_TAG_BIAS.values()) + 25) / 50.0  # the largest factor `_weight` can give
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_MIN_LENGTH = 20  # weighted characters; shorter text is a label, a date or a link row


def tag_ids(names: tuple[str, ...]) -> dict[int, str]:
    """Lexbor's tag id of each tag name. Lexbor tests every selector of a query against every node,
    so a walk over all elements sorted out by tag id beats a query listing many tags."""
    factory = LexborHTMLParser("")
    return {factory.create_node(name).tag_id: name for name in names}


_SPAN_ID = next(iter(tag_ids(("span",))))


def find_containers(tree: LexborHTMLParser, units: list[list[LexborNode]], title: str = "",
                    h1s: Sequence[tuple[LexborNode, str]] = ()) -> list[LexborNode]:
    """Article containers of the page (one or several siblings), best first in document order.

    `units`: the page's elements of each group of `UNIT_GROUPS` in document order. They may be
    collected before the tree is cleaned: a removed node loses its children, so it has no text.
    `title` and `h1s` (the page's <h1> nodes with their texts): the headline, whose <h1> the
    article text sits near.
    """
    scores = _score(tree, units)
    if not scores:
        return [tree.body] if tree.body is not None else []
    ranked = _near_headline(_rank(scores), scores, _headline(h1s, title))
    top = _promote(ranked, scores)
    best = ranked[0][1]  # a paragraph's cell, promoted to its table when another cell scored near it
    if best.tag == "td" and top.tag in _ROW_PARTS and _distance(best, top) <= 3 and (rows := _paragraph_rows(best, scores)):
        return rows
    kept = _with_siblings(top, scores)
    twins = _twins(top, scores)
    if not twins:
        return kept
    boxes = {node.mem_id for node in twins[1]}  # a live page's entry boxes hold `top` and its kept siblings
    kept = [node for node in kept if not any(above.mem_id in boxes for above in _ancestors(node, 2))]
    return _in_order(twins[0], [*kept, *twins[1]])


_ROW_PARTS = ("td", "tr", "tbody", "table")
# Rows that may part two paragraph rows of a text set one paragraph a row (a picture, a subhead).
_ROW_GAP = 2


def _paragraph_rows(top: LexborNode, scores: dict[LexborNode, float]) -> list[LexborNode]:
    """The cells of a text set one paragraph a table row (`<tr><td>para</td></tr>`, older CMS and
    FrontPage pages) when `top` is one of them: the run of one-cell rows around `top`'s that hold
    paragraphs (a scored cell or a sentence without links), with at most `_ROW_GAP` other rows between
    two (a subhead, a picture); [] unless the run holds another paragraph row besides `top`'s. The
    title, date and tool rows above and below stay out, as they do beside a text's <p>s."""
    row = top.parent
    if row is None or row.tag != "tr" or row.parent is None or len(top.css("p, br")) >= 2:
        return []  # a cell holding paragraphs of its own is the text's container: the rows beside are not text
    threshold = max(10.0, scores.get(top, 0.0) * 0.2)
    cells: list[LexborNode | None] = []  # each row's one cell, None for other rows
    at = -1
    for sibling in row.parent.iter(include_text=False):
        if sibling.mem_id == row.mem_id:
            at = len(cells)
        children = list(sibling.iter(include_text=False)) if sibling.tag == "tr" else []
        cells.append(children[0] if len(children) == 1 and children[0].tag == "td" else None)
    if at < 0 or len(cells) < 3:
        return []
    text = [cell is not None and (cell.mem_id == top.mem_id or scores.get(cell, 0.0) >= threshold
                                  or _sentence_cell(cell)) for cell in cells]
    first = last = at
    while True:
        ahead = next((i for i in range(first - 1, max(-1, first - 2 - _ROW_GAP), -1) if text[i]), None)
        if ahead is None:
            break
        first = ahead
    while True:
        behind = next((i for i in range(last + 1, min(len(cells), last + 2 + _ROW_GAP)) if text[i]), None)
        if behind is None:
            break
        last = behind
    if sum(text[first:last + 1]) < 2:
        return []
    return [cell for cell in cells[first:last + 1] if cell is not None]


def _sentence_cell(cell: LexborNode) -> bool:
    """A cell holding a paragraph, with no link: it ends a sentence, a notice's item (`；`) or its one
    label (a salutation), is long and holds a sentence (a closing `（某某）` after it), or lists an
    attachment (`附件1：《…》`); a date, tool or menu row does none of these."""
    text = cell.text().strip()
    weighted = weighted_length(text)
    if weighted <= 10 or cell.css_first("a") is not None:
        return False
    if text[-1:] in "：:":  # a salutation or a lead-in (`各学校：`, `现通知如下：`), not a row of labels
        return text.count("：") + text.count(":") == 1
    if text[-1:] in "”\"":  # a quotation closing a sentence, not a headline ending in a quoted name
        return _SENTENCE_END.search(text, 0, len(text) - 1) is not None
    return text[-1:] in "。！？.!?；;" or (weighted > 80 and "。" in text) or text.startswith("附件")


def _unit_score(text: str, cap: float = 3.0) -> float:
    """Readability's paragraph score: one point, one per comma, one per ~100 characters (to `cap`)."""
    weighted = len(text.encode("utf-8"))  # CJK is 3 bytes: counts like a short word, cheaply
    if weighted < _MIN_LENGTH:
        return 0.0
    return 1.0 + len(_PUNCT.findall(text)) + min(weighted / 100.0, cap)


def _score(tree: LexborHTMLParser, units: list[list[LexborNode]]) -> dict[LexborNode, float]:
    """Each text unit's score added to its block (1), the block's parent (1/2) and grandparent (1/6)."""
    scores: dict[LexborNode, float] = {}
    body = tree.body
    if body is None:
        return scores
    # The units come from the caller's walk, not from selector queries here: lexbor tests every
    # selector of a query against every node, and twelve tag selectors cost more than the scoring.
    paragraphs, blocks = units
    for unit in paragraphs:
        text = unit.text()
        if len(text) >= 8 and not is_excerpt(text):
            _credit(scores, home(unit), _unit_score(text.strip(), 3.0))
    free_spans = {span.mem_id for span in body.css(_FREE_SPANS)}
    for unit in blocks:
        if unit.tag_id == _SPAN_ID and unit.mem_id not in free_spans:
            continue
        if unit.tag_id > CUSTOM_TAG_IDS and _in_paragraph(unit):  # Word's <o:p> inside a <p>
            continue
        text = unit.text(deep=False)  # loose text only; child elements are units of their own
        if len(text) >= 8 and not text.isspace():
            if unit.tag_id == DIV_ID and _paragraph_in_run(unit, text):
                whole = unit.text()
                if not is_excerpt(whole):
                    _credit(scores, unit.parent, _unit_score(whole.strip(), 3.0))
                continue
            if unit.tag_id == DIV_ID and (block := _wrapped_div_home(unit, text)) is not None:
                whole = unit.text()  # a paragraph <div> wrapped alone in a component <div>, in a run of them
                if not is_excerpt(whole):
                    _credit(scores, block, _unit_score(whole.strip(), 3.0))
                continue
            # Loose text separated by <br> is several paragraphs in one unit: let its length count.
            score = _unit_score(text.strip(), 20.0)
            if score:
                _credit(scores, _block_of(unit), score)
    return scores


def _paragraph_in_run(unit: LexborNode, text: str) -> bool:
    """Whether a <div> (its own text `text`) is a paragraph in a run of paragraphs, by the signal of
    its language: a neighbour ending an English sentence, or a Chinese clause beside a sentence and
    no link."""
    if _CJK.search(text) is None:
        return paragraph_div(unit) and in_run(unit)
    return zh_in_run(unit, text)


def _wrapped_div_home(unit: LexborNode, text: str) -> LexborNode | None:
    """The container of an English paragraph <div> that a component <div> wraps alone, when the
    wrapper stands in a run of such components (`<div class="body-component"><div>text</div></div>`,
    once per paragraph); else None (it scores as a block of its own)."""
    parent = unit.parent
    if parent is None or parent.tag_id != DIV_ID or _CJK.search(text) is not None or not paragraph_div(unit):
        return None
    block = home(unit)
    return block if block is not None and block.mem_id != parent.mem_id else None


def _in_paragraph(node: LexborNode) -> bool:
    """Whether a node sits in a paragraph, list item, link or inline wrapper (its text counts there)."""
    parent = node.parent
    return parent is not None and (parent.tag in _INLINE_PARENTS or parent.tag in INLINE)


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
    while node is not None and node.tag in INLINE:  # span/font wrappers are not blocks
        node = node.parent
    if node is None or node.tag in _INLINE_PARENTS:
        return None
    return node


# A class naming the block set before this one (`graf-after--pullquote`: Medium marks every block with
# its predecessor's kind), which says nothing of this block's own. The hint is cut at its blanks and
# such words dropped: a pattern `\S*-after--\S*` tried every start against every end of a long word
# (a 40 KB class: 4 s a node, a 1 MB one most of an hour).
_BLANKS = re.compile(r"(\s+)")


def class_hint(node: LexborNode) -> str:
    """The node's class and id, lower-cased, for the hint patterns (' ' when it has neither), less
    any class naming the block before it (`graf-after--pullquote` on the subhead after a pull quote)."""
    attrs = node.attributes
    if not attrs:
        return " "
    hint = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    if "-after--" not in hint:
        return hint
    return "".join("" if "-after--" in word else word for word in _BLANKS.split(hint))


def _weight(node: LexborNode) -> float:
    """A factor from tag and class/id words that usually mean content (x1.5) or chrome (x0.5)."""
    bias = float(_TAG_BIAS.get(node.tag or "", 0))
    hint = class_hint(node)
    if hint != " ":
        if _POSITIVE.search(hint):
            bias += 25
        if _NEGATIVE.search(hint):
            bias -= 25
    return max(0.1, 1.0 + bias / 50.0)


def _enclosure(node: LexborNode) -> float:
    """A small factor for candidates inside links, comment threads, sidebars and related blocks,
    and for one headed by a comment or related-list heading just before it (class names hashed)."""
    if _headed_by_stop(node):
        return 0.2
    for ancestor in _ancestors(node, 12):
        tag = ancestor.tag
        if tag == "a":
            return 0.1
        if tag not in ("article", "main"):
            hint = class_hint(ancestor)
            if _ENCLOSING_WORD.search(hint) and _ENCLOSING.search(hint):
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
    """The best few candidates by score adjusted for bias and link density, best first.

    The costly factors are computed only where they can matter: a bias weight only for a node
    that could still make the top three with the largest weight, and enclosure and link density
    only for one that could still be the best or a rival (within 0.75 of it, see `_promote`).
    """
    rough = sorted(scores.items(), key=lambda item: item[1], reverse=True)[:8]
    weighted: list[tuple[float, int, LexborNode]] = []
    for index, (node, score) in enumerate(rough):
        if len(weighted) == 3 and score * _MAX_WEIGHT < weighted[-1][0]:
            break  # rough is in score order: no later node can make the top three either
        weighted.append((score * _weight(node), index, node))
        weighted = sorted(weighted, key=lambda item: (-item[0], item[1]))[:3]  # ties keep score order
    ranked: list[tuple[float, LexborNode]] = []
    best = 0.0
    for weighted_score, _, node in weighted:  # best first: the later ones can only be lower
        if ranked and weighted_score < 0.75 * best:
            break
        enclosure = _enclosure(node)
        if ranked and weighted_score * enclosure < 0.75 * best:
            continue
        ranked.append((weighted_score * (1.0 - link_density(node)) * enclosure, node))
        best = max(best, ranked[-1][0])
    if len(ranked) > 1:  # a block of story cards beside the article counts half: it lists other stories
        ranked = [(score * 0.5 if _teaser_cards(node) else score, node) for score, node in ranked]
        # One card of such a block (a next-story teaser longer than a short post) is no candidate at all.
        if any(not _one_card(node) for _, node in ranked):
            ranked = [(score, node) for score, node in ranked if not _one_card(node)]
    ranked.sort(key=lambda item: item[0], reverse=True)  # stable: ties keep the weighted order
    return ranked


def _near_headline(ranked: list[tuple[float, LexborNode]], scores: dict[LexborNode, float],
                   headline: LexborNode | None) -> list[tuple[float, LexborNode]]:
    """`ranked`, or a strong candidate beside the headline when the best one lies far from it: a
    long comment or a teaser list can outscore a short article when no class names help, but the
    article's text sits next to its <h1>, and theirs does not."""
    if not ranked or headline is None:
        return ranked
    best_score, best = ranked[0]
    far = _distance(best, headline)
    if far < 5:
        return ranked
    for node, score in sorted(scores.items(), key=lambda item: item[1], reverse=True)[:8]:
        if score * _weight(node) < 0.35 * best_score or _distance(node, headline) > min(4, far - 3):
            continue
        adjusted = score * _weight(node) * (1.0 - link_density(node)) * _enclosure(node)
        if adjusted >= 0.35 * best_score and _SENTENCE_END.search(node.text()):
            return [(adjusted, node)]  # text, not a date line or a menu beside the headline
    return ranked


_SENTENCE_END = re.compile(r"[.!?。！？]")


def _headline(h1s: Sequence[tuple[LexborNode, str]], title: str) -> LexborNode | None:
    """The page's one <h1> that opens like `title` (a logo's <h1> does not), or None."""
    found = None
    for node, text in h1s if title else ():
        if len(text) >= 8 and (text[:8] in title or title[:8] in text):
            if found is not None:
                return None
            found = node
    return found


def _distance(node: LexborNode, other: LexborNode) -> int:
    """Steps in the tree from `node` up to the nearest shared ancestor and down to `other`."""
    up = {ancestor.mem_id: depth for depth, ancestor in enumerate([other, *_ancestors(other, 30)])}
    for depth, ancestor in enumerate([node, *_ancestors(node, 30)]):
        if ancestor.mem_id in up:
            return depth + up[ancestor.mem_id]
    return 1 << 20


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
    # A rival inside `top` is part of it, not another half (its text was credited up to `top`); nor is
    # an <article> above it, scored from `top`'s own text (its header and its text <section>). A <div>
    # box above `top` still counts (its title bar, date line, text and tools: passing it over cost
    # extract-23's held pages two dates, see tests/test_extract_promote.py).
    above_top = {above.mem_id for above in _ancestors(top, 6) if above.tag == "article"}
    rivals = [node for score, node in ranked[1:] if score >= 0.75 * best_score and score > 0
              and node.mem_id not in above_top
              and not any(above.mem_id == top.mem_id for above in _ancestors(node, 6))]
    chain = _ancestors(top, 4)
    if rivals:
        # Near-equal candidates under one nearby ancestor are halves of one split article.
        rival_chains = [set(_ancestors(node, 6)) | {node} for node in rivals]
        for ancestor in chain[:3]:
            if any(ancestor in rc for rc in rival_chains):
                return ancestor
    # A parent that outscores its child holds more of the article than the child does, unless
    # what it adds is a block of story cards beside the article (their text is not the article's).
    cards = {above.mem_id for _, node in ranked[1:] if _teaser_cards(node) for above in _ancestors(node, 6)}
    last = scores.get(top, 0.0)
    for ancestor in chain:
        parent_score = scores.get(ancestor, 0.0)
        if parent_score < last / 3:
            break
        if parent_score > last * 1.05:
            if ancestor.mem_id in cards:
                break
            top = ancestor
        last = parent_score
    return top


_LINKED_HEADINGS = "h2 > a, h3 > a, h4 > a, h5 > a"


def _teaser_cards(node: LexborNode) -> bool:
    """A list of other stories, each card a linked heading over an excerpt (`<h3><a>…</a></h3><p>…`):
    three or more linked headings, and at least as many as the block's other headings. Such a
    block beside a short article is not the article's other half."""
    linked = len(node.css(_LINKED_HEADINGS))
    if linked < 3:
        return False
    return linked >= len(node.css("h2, h3, h4, h5")) - linked


def _one_card(node: LexborNode) -> bool:
    """One story card of a block of them (`_teaser_cards`): a linked heading of its own, and two or
    more siblings of its tag and class (it has one) beside it, in a parent that is such a block."""
    parent = node.parent
    kind = (node.tag, node.attributes.get("class"))
    if parent is None or not kind[1] or node.css_first(_LINKED_HEADINGS) is None:
        return False
    alike = sum(1 for sibling in parent.iter(include_text=False)
                if (sibling.tag, sibling.attributes.get("class")) == kind)
    return alike >= 3 and _teaser_cards(parent)


# Blocks without any text (a picture, a row of share icons) that may sit between a lead and the
# article text it introduces.
_TEXTLESS_GAP = 3


def _with_siblings(top: LexborNode, scores: dict[LexborNode, float]) -> list[LexborNode]:
    """`top` plus siblings that look like more of the same article, in document order; when `top`
    is wrapped alone, also the blocks of article text just before its outermost wrapper."""
    parent = top.parent
    if parent is None or top.tag == "body":
        return [top]
    top_score = scores.get(top, 0.0)
    threshold = max(10.0, top_score * 0.2)
    wrapper = _unwrapped(top)
    if wrapper.mem_id != top.mem_id:
        halves = _halves_before(wrapper, scores, top_score * 0.2)
        cls = wrapper.attributes.get("class")
        run = any(half.tag == wrapper.tag and half.attributes.get("class") == cls for half in halves)
        return [*halves, top, *_twin_wrappers_after(wrapper, scores, run)]
    top_class = top.attributes.get("class")
    in_items = top.tag == "li"  # the text in a list's item: its sibling items may hold more of it
    kept: list[LexborNode] = []
    recent: list[LexborNode] = []  # the last few siblings before `top`, nearest last
    gap: int | None = -1  # siblings passed since the last kept one after `top`; -1 before it, None once closed
    for sibling in parent.iter(include_text=False):
        if sibling.mem_id == top.mem_id:  # LexborNode's == serialises both nodes: slow
            lead = _lead_before(recent, top)
            if lead is not None and not any(node.mem_id == lead.mem_id for node in kept):
                kept.append(lead)
            kept.append(sibling)
            gap = 0
            continue
        if gap == -1:
            recent = [*recent[-(_TEXTLESS_GAP):], sibling]
        bonus = top_score * 0.2 if top_class and sibling.attributes.get("class") == top_class else 0.0
        if scores.get(sibling, 0.0) + bonus >= threshold and link_density(sibling) < 0.3 \
                and not (bonus == 0.0 and _APPEAL_BOX.search(class_hint(sibling))):
            kept.append(sibling)  # (not a box asking for contributions: `<div class=contributions__epic>`)
        elif (sibling.tag == "p" or (in_items and sibling.tag == "li")) and _good_paragraph(sibling):
            kept.append(sibling)  # (a 图集's items: the other pictures' captions beside the longest one)
        elif bonus and _chunk_of_paragraphs(sibling):
            kept.append(sibling)  # another chunk of the text past an ad slot and a READ MORE line: one
            gap = 0 if gap is not None and gap >= 0 else gap  # paragraph alone scores to their parent
        elif gap is not None and gap >= 0:
            verdict = _follows(sibling)
            if verdict == "keep" and gap <= 1:
                kept.append(sibling)
                gap = 0
            else:
                gap = gap + 1 if verdict == "skip" and gap < 1 else None
    return kept


# How far above the article's container its twins may meet it: a template that cuts the text into
# chunks between ad rails (`<div class=grid><div class=body><div class=body__inner>…`, once a chunk)
# repeats the container's wrappers up to one shared block, a few levels up.
_TWIN_LEVELS = 4


def _twins(top: LexborNode, scores: dict[LexborNode, float]) -> tuple[LexborNode, list[LexborNode]] | None:
    """(shared ancestor, more chunks of the article) when the text is cut into chunks set in the
    same wrappers: scored blocks elsewhere with `top`'s tag and class whose wrappers up to a shared
    ancestor have the same tags and classes as `top`'s own, two wrappers or more (a grid's `row >
    span12` pair also holds the page header), and no <h1> (the header again). None when there is
    none. A next article loaded under this one sits in an <article> of its own: no wrapper may be one."""
    top_class = top.attributes.get("class") if top.attributes else None
    if not top_class:
        return None
    path = [top, *_ancestors(top, _TWIN_LEVELS)]
    twins: list[LexborNode] = []
    entries: list[LexborNode] = []  # chunks meeting `top` two levels up: a live page's entries, perhaps
    meet: LexborNode | None = None
    for node, score in scores.items():
        if score < 1.0 or node.mem_id == top.mem_id or node.tag != top.tag:  # one scored paragraph will do
            continue
        if (node.attributes.get("class") if node.attributes else None) != top_class:
            continue
        ancestor: LexborNode | None = node
        for level in range(1, len(path)):
            ancestor = ancestor.parent if ancestor is not None else None
            if ancestor is None or ancestor.tag in ("article", "body", "html"):
                break
            if ancestor.mem_id == path[level].mem_id:
                if level > 1 and (meet is None or meet.mem_id == ancestor.mem_id) and link_density(node) < 0.3 \
                        and node.css_first("h1") is None:
                    (twins if level > 2 else entries).append(node)
                    meet = meet or (ancestor if level > 2 else None)
                break
            wrapper = path[level]
            if ancestor.tag != wrapper.tag or not _like_classes(ancestor.attributes.get("class"), wrapper.attributes.get("class")):
                break
    if meet is None and len(entries) >= 2 and _headed_entries([top, *entries]):
        return path[2], [chunk.parent for chunk in [top, *entries] if chunk.parent is not None]
    return (meet, twins) if meet is not None and twins else None


def _like_classes(one: str | None, other: str | None) -> bool:
    """Two wrappers' classes alike: the same, or one's words all among the other's (a first chunk's
    `section section--body section--first` beside `section section--body`)."""
    if one == other:
        return True
    if not one or not other:
        return False
    words, others = set(one.split()), set(other.split())
    return words <= others or others <= words


_ENTRY_MARKS = "h2, h3, h4, time"


def _headed_entries(chunks: list[LexborNode]) -> bool:
    """Whether each chunk's own wrapper holds a heading or a time stamp beside it (`<div class=entry>
    <time>10:42</time><h3>…</h3><div class=entry__body>…</div></div>`): a live page's entries, or a
    Q&A's sections, each its text's box in a box of its own (a grid's rows, meeting two levels up
    too, have none: the page header and footer would be taken in with the text)."""
    for chunk in chunks:
        wrapper = chunk.parent
        if wrapper is None or not any(not _inside(mark, chunk) for mark in wrapper.css(_ENTRY_MARKS)):
            return False
    return True


def _inside(node: LexborNode, box: LexborNode) -> bool:
    """Whether `node` sits inside `box`."""
    return any(above.mem_id == box.mem_id for above in _ancestors(node, 12))


def _in_order(ancestor: LexborNode, nodes: list[LexborNode]) -> list[LexborNode]:
    """`nodes` (all inside `ancestor`, none inside another) in document order, each once."""
    wanted = {node.mem_id: node for node in nodes}
    ordered = [node for node in ancestor.traverse(include_text=False) if node.mem_id in wanted]
    return ordered if len(ordered) == len(wanted) else nodes


def _headed_by_stop(node: LexborNode) -> bool:
    """Whether the element just before `node` is a heading of comments or other articles
    (`网友评论（6）`, `相关新闻`): the block under it is that list, not the article."""
    before = beside(node, "prev")
    return before is not None and _stop_heading(before)


def _stop_heading(node: LexborNode) -> bool:
    """A short block heading comments or a related list (`网友评论（6）`, `Related stories`)."""
    if node.tag not in _HEADINGS and node.tag not in ("div", "p", "section", "span", "strong", "b"):
        return False
    text = node.text().strip()
    return 0 < len(text) <= 40 and is_stop(text)


def _unwrapped(node: LexborNode) -> LexborNode:
    """`node`, or its outermost ancestor (up to sixteen levels: a CMS of views and blocks nests the
    text a dozen wrappers deep) that holds nothing else with text."""
    for _ in range(16):
        parent = node.parent
        if parent is None or parent.tag in ("body", "html") or parent.text(deep=False).strip():
            break
        if any(child.mem_id != node.mem_id and child.text().strip() for child in parent.iter(include_text=False)):
            break
        node = parent
    return node


def _twin_wrappers_after(wrapper: LexborNode, scores: dict[LexborNode, float], run: bool = False) -> list[LexborNode]:
    """Siblings after `wrapper` (the wrappers around the article's container) that repeat its tag
    and class and hold more article text: a template that sets the text in the same wrappers
    again after an ad slot (`<div class=text-wrap>…</div><div class=ad></div><div class=text-wrap>…`).
    Each must hold a scored paragraph, few links and no <h1>; small or textless blocks between are
    passed over (three at most in a row), and one at least must part the first twin from `wrapper`:
    a CMS's text component set twice in a row is the text and then its boilerplate (a press
    release's `About …` paragraphs under a rule), unless `run`: a twin before `wrapper` was kept too,
    so the text is a run of such blocks (a site builder's text blocks); anything else ends them."""
    cls = wrapper.attributes.get("class") if wrapper.attributes else None
    if not cls or wrapper.parent is None:
        return []
    twins: list[LexborNode] = []
    passed: int | None = None  # None until `wrapper` is reached
    for sibling in wrapper.parent.iter(include_text=False):
        if passed is None:
            if sibling.mem_id == wrapper.mem_id:
                passed = 0
            continue
        if sibling.tag == wrapper.tag and sibling.attributes.get("class") == cls:
            if (not twins and passed == 0 and not run) or not _scored_inside(sibling, scores) or link_density(sibling) >= 0.3 \
                    or sibling.css_first("h1") is not None:
                break
            twins.append(sibling)
            passed = 0
            continue
        text = sibling.text().strip()
        if passed >= _TEXTLESS_GAP or (text and weighted_length(text) >= 40 and not _interlude(sibling, text)):
            break
        passed += 1
    return twins


def _interlude(node: LexborNode, text: str) -> bool:
    """A block a site builder sets between two blocks of the text (Squarespace's `sqs-block`s): a
    picture with its caption (300 weighted characters at most), or a sign-up or ad box of 300 at
    most whose class says so (`newsletter-block`)."""
    if weighted_length(text) > _CAPTIONED:
        return False
    return node.css_first("img, figure") is not None or _INTERLUDE_HINT.search(class_hint(node)) is not None


_CAPTIONED = 300
_INTERLUDE_HINT = re.compile(r"newsletter|subscribe|signup|sign-up|advert|ad(?<!\w..)s?\b")


def _scored_inside(node: LexborNode, scores: dict[LexborNode, float]) -> bool:
    """Whether `node` or an element up to two levels inside it holds a scored paragraph."""
    if scores.get(node, 0.0) >= 1.0:
        return True
    for child in node.iter(include_text=False):
        if scores.get(child, 0.0) >= 1.0 or any(scores.get(grand, 0.0) >= 1.0
                                                for grand in child.iter(include_text=False)):
            return True
    return False


def _halves_before(wrapper: LexborNode, scores: dict[LexborNode, float], threshold: float) -> list[LexborNode]:
    """Blocks of article text just before `wrapper` (a first half or a lead one level up from the
    rest), in order: each scores at least `threshold` and like article text (few links, no chrome
    words in its class) or is a lead; one small block (an ad slot) may sit between; a heading or
    anything else ends them."""
    before: list[LexborNode] = []
    for sibling in wrapper.parent.iter(include_text=False) if wrapper.parent else ():
        if sibling.mem_id == wrapper.mem_id:
            break
        before.append(sibling)
    kept: list[LexborNode] = []
    small = textless = 0
    cls = wrapper.attributes.get("class") if wrapper.attributes else None
    before.reverse()
    for index, sibling in enumerate(before):
        if sibling.tag in _HEADINGS:
            break
        score = scores.get(sibling, 0.0)
        # A lead in a bare <p> scores nothing of its own: its text is credited to the parent.
        if ((score >= threshold or sibling.tag == "p") and _article_like(sibling, score)) or _lead_of(sibling, wrapper) \
                or (cls and (small or textless) and _twin_before(sibling, wrapper.tag, cls, scores)):
            kept.insert(0, sibling)
            continue
        if score >= 5.0:
            break
        text = sibling.text().strip()  # last: costly
        if not text and textless < _TEXTLESS_GAP:  # a picture, a row of share icons
            textless += 1
        elif text and small < 1 and (weighted_length(text) < 40 or (
                cls and weighted_length(text) < _INTERRUPTER and index + 1 < len(before)
                and _twin_before(before[index + 1], wrapper.tag, cls, scores))):
            small += 1  # (an ad interrupter's labels for screen readers, `Advertisement` and a skip link,
        else:  # between the text's first part and the rest, each set in the same wrappers)
            break
    return kept


_INTERRUPTER = 120  # weighted characters of an ad interrupter's labels between twin wrappers


def _twin_before(sibling: LexborNode, tag: str | None, cls: str, scores: dict[LexborNode, float]) -> bool:
    """A block before the article's wrappers set in the same wrappers (tag and class) that holds a
    scored paragraph, few links and no <h1>: the text's first part, cut off by an ad interrupter
    (`<div class=story-body-supplemental>` twice), which may score under the threshold when the
    rest is long (its score is a wrapper's, credited from inside). The caller asks only past a
    block between the two: a grid's rows next to each other are other blocks (a paper's blurb)."""
    return sibling.tag == tag and sibling.attributes.get("class") == cls and _scored_inside(sibling, scores) \
        and link_density(sibling) < 0.3 and sibling.css_first("h1") is None


def _lead_before(recent: list[LexborNode], top: LexborNode) -> LexborNode | None:
    """The lead among the siblings just before `top` (nearest last): the nearest block with text,
    past at most a few without any (a picture, a row of share icons), if it is a lead."""
    for node in reversed(recent):
        if node.text().strip():
            return node if _lead_of(node, top) else None
    return None


def _article_like(node: LexborNode, score: float) -> bool:
    """A block that scores like several paragraphs, with few links and no chrome words in its class."""
    return score >= 10.0 and not _NEGATIVE.search(class_hint(node)) and link_density(node) < 0.3


def _follows(node: LexborNode) -> str:
    """Whether a block after the article container continues the article past an ad ('keep'),
    is too small to judge ('skip': an ad slot, an empty box), or ends it ('stop')."""
    if node.tag in _HEADINGS:
        return "stop"
    text = node.text().strip()
    if weighted_length(text) < 40:
        return "skip"
    if node.tag not in ("div", "section", "p", "article") or _NEGATIVE.search(class_hint(node)):
        return "stop"
    if text[-1:] not in "。！？.!?”\"" or link_density(node) >= 0.2:
        return "stop"
    return "stop" if node.css_first("h1, h2, h3, h4, form") is not None else "keep"


_MEDIA_BOX = re.compile(r"video|player")
# A lead block is one long sentence or more (150 weighted characters), or a short intro of two
# sentences or more, without links (80: `Forgot to water again? These six plants will forgive you.`
# over a list).
_LEAD = 150
_SHORT_LEAD = 80


def _lead_of(node: LexborNode, top: LexborNode) -> bool:
    """The block just before the article container is its lead (a standfirst or summary in its own
    <div>): one long text block, few links, no chrome words in its class, not repeated in the body."""
    if node.tag not in ("div", "p", "section", "header") or _NEGATIVE.search(hint := class_hint(node)) \
            or _MEDIA_BOX.search(hint):
        return False  # (a video box's description and transcript are no lead)
    if node.css_first("h1, h2, h3, ul, ol, table, img, form") is not None:  # cheaper than its text
        return False
    text = node.text().strip()
    weighted = weighted_length(text)
    if weighted < _SHORT_LEAD or text[-1:] not in "。！？.!?”\"" or link_density(node) > 0.1:
        return False
    if weighted < _LEAD and (_SENTENCE_END.search(text, 0, len(text) - 1) is None
                             or node.css_first("a") is not None or top.css_first("h1") is not None):
        # one short sentence (a deck, a teaser line), a note with a link (`Follow us …`), or a blurb
        # above the headline (the text's container holds it: a grid's row above the story's)
        return False
    return text[:24] not in top.text()


def _chunk_of_paragraphs(node: LexborNode) -> bool:
    """A block (of the text container's tag and class: the caller's test) holding only paragraphs
    worth keeping, one or more: the article's text cut into chunks between ad slots."""
    if node.tag not in ("div", "section"):
        return False
    children = list(node.iter(include_text=False))
    return bool(children) and not node.text(deep=False).strip() \
        and all(child.tag == "p" and _good_paragraph(child) for child in children)


def _good_paragraph(node: LexborNode) -> bool:
    """A sibling <p> worth keeping: long with few links, or a short complete sentence."""
    text = node.text().strip()
    weighted = weighted_length(text)
    density = link_density(node)
    if weighted > 80:
        return density < 0.25
    return density == 0 and weighted > 10 and text[-1:] in "。！？.!?”\""
