"""The extraction stage: one decoded HTML page → one `Article`.

In: page text (already decoded; `extract_bytes` decodes for the CLI and bench), its URL, the
source's `ExtractRules` and `now`. Out: an `Article` with the headline, display paragraphs,
published time (aware, UTC), author, source name, editor and language. Each field is an
explicit cascade, first hit wins: the body from the source's selector, else the generic body
finder (`body`, `paragraphs`, with line-level boilerplate in `boiler`); the title from meta and
headline elements (`meta`); the date from the places listed in `published`; author, source and
editor from selectors, byline text, meta tags, the dateline. Raises only `ExtractError`, and
only when a page has no readable article; never does I/O and never imports another stage.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from functools import partial
from html import escape, unescape

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..decode import decode_html
from ..errors import ExtractError
from ..markup import reshape
from ..models import Article, ExtractRules
from . import dates, hiding, scripted
from .body import CUSTOM_GROUP, UNIT_GROUPS, find_containers
from .meta import AUTHOR_KEYS, SOURCE_KEYS, PageMeta, choose_title, marked_dates, read_meta
from .paragraphs import Body, assign_field, build_body, byline_fields
from .published import Places, published
from .text import CJK, clean, detect_lang, junk_share, weighted_length

__all__ = ["SHANGHAI_TZ", "decode_html", "extract", "extract_bytes"]

SHANGHAI_TZ = dates.SHANGHAI

_MAX_CHARS = 8_000_000  # bigger pages are not articles; cap the parse cost
# A page whose text found is under PHOTO_TEXT characters without a sentence, with PHOTO_CAPTIONS
# captions or more, longer together than that text, is a photo story: its captions are its text
# (`_photos`).
PHOTO_TEXT, PHOTO_CAPTIONS = 80, 3
# A text whose captions, TOLD_CAPTIONS or more, outnumber its other paragraphs or are longer together is a
# picture story told in them (图片新闻, 组图): its captions are text, in their places (`_told_in_captions`).
TOLD_CAPTIONS = 2
# JSON-LD's articleBody stands in for a page's text only when it holds this much (weighted) and the
# markup shows under half of it (`_stated_body`).
STATED_MIN = 100
_CJK_SENTENCE = re.compile("[。！？]")
_DROP_TAGS = ("script", "style", "noscript", "nav", "footer", "aside", "select", "button", "textarea",
              "rt", "rp", "svg", "iframe", "template", "object", "canvas", "dialog", "noframes", "noembed")
# Text a page hides from readers (`display:none`, `hidden`, `font-size:0`) is dropped when it is
# short: keyword stuffing for crawlers. A long hidden block is kept, and so is much hidden text in
# short runs: a script shows it (展开全文), whole or a paragraph at a time.
FIELD_MAX = 200  # characters of an author, outlet or editor a source's selector picks
HIDDEN_TEXT, HIDDEN_TOTAL = 200, 400  # characters: one hidden run, and all of them on the page
# Runs of text that is not debris; deleting them leaves the debris (25% faster than findall of it).
_NOT_DEBRIS = re.compile(r"[\w\s,.;:!?'\"()\-，。、；：！？“”‘’（）《》]+")
_REPORTER_IN_TEXT = re.compile(
    r"(?:记者|記者)[：:\s]*([\u4e00-\u9fff]{2,3}(?:[、，,\s][\u4e00-\u9fff]{2,3})*)(?=[\s）)|/，,。]|$|通讯员|报道|報道)"
)
_DATELINE_AUTHOR = re.compile(r"^.{0,40}?\d{1,2}月\d{1,2}日\s*[电電]\s*[（(]\s*(?:记者|記者)?\s*([^()（）]{2,30}?)\s*[）)]")
_EDITOR_LABELS = ("责任编辑", "責任編輯", "责编")
_EDITOR_IN_TEXT = re.compile(r"(?:责任编辑|責任編輯|责编)\s*[：:]\s*([^\s）)\]】|：:]{1,20}?)(?=[\s）)\]】|，,。]|$)")


def extract(html: str, url: str | None = None, rules: ExtractRules | None = None, *,
            now: datetime | None = None, fetched_at: datetime | None = None) -> Article:
    """Extract the article of one decoded page; raises ExtractError when it has none. `fetched_at`
    (when the page was fetched) dates relative byline times (`3小时前`); without it they stay undated."""
    try:
        fetched = _aware(fetched_at) if fetched_at is not None else None
        return _extract(html, url, rules or ExtractRules(), _aware(now), fetched)
    except ExtractError:
        raise
    except Exception as exc:  # the contract: no other exception escapes, whatever the page is
        raise _no_article(url, f"the extractor failed on this page ({type(exc).__name__})") from exc


def extract_bytes(data: bytes, url: str | None = None, rules: ExtractRules | None = None,
                  content_type: str | None = None, *, now: datetime | None = None,
                  fetched_at: datetime | None = None) -> Article:
    """Decode page bytes (BOM, HTTP charset, meta charset, fallbacks), then `extract`."""
    return extract(decode_html(data or b"", content_type), url, rules, now=now, fetched_at=fetched_at)


# What may stand before a page's <html> tag without being its content: a doctype, an XML declaration,
# comments, white space.
_PROLOG = re.compile(r"(?:\s+|<!--.*?-->|<![^>]*>|<\?[^>]*>)*", re.S)
_HTML_TAG = re.compile(r"<html[\s>]", re.I)


def _without_preamble(html: str) -> str:
    """The page from its <html> tag on when anything else stands before it (an archive's header line,
    `<text id=… title=…>`, a server's warning printed before the page): the parser would open the body
    there and read the head's title and scripts as the article's first text."""
    prolog = _PROLOG.match(html)
    start = prolog.end() if prolog else 0
    if html.startswith(("<html", "<HTML", "<Html"), start):
        return html
    found = _HTML_TAG.search(html, start, start + 2000)
    return html[found.start():] if found else html


def _aware(now: datetime | None) -> datetime:
    """`now` as an aware datetime; naive values are taken to be UTC."""
    if now is None:
        return datetime.now(timezone.utc)
    return now if now.tzinfo else now.replace(tzinfo=timezone.utc)


def _no_article(url: str | None, hint: str) -> ExtractError:
    """The one error this stage raises."""
    return ExtractError(f"no article text found in {url or 'page'}", hint=hint)


def _extract(html: str, url: str | None, rules: ExtractRules, now: datetime, fetched: datetime | None,
             framed: bool = False) -> Article:
    """The cascade for one page; see the module docstring for the order (`framed`: the text of its
    <iframe srcdoc> documents was put in their place already)."""
    if not isinstance(html, str) or not html or html.isspace():  # strip() would copy the whole page
        raise _no_article(url, "the page is empty")
    html = html[:_MAX_CHARS]
    if "<" not in html[:2000]:
        html = _text_as_html(html)
    html = _without_preamble(html)
    tree = LexborHTMLParser(reshape(html))
    if tree.body is None:
        raise _no_article(url, "the page has no <body>")
    # One walk finds the head facts, the chrome to drop and the body finder's text units.
    meta, doomed, units = read_meta(tree, _DROP_TAGS, UNIT_GROUPS, CUSTOM_GROUP)
    if not framed and any(node.tag == "iframe" and node.attrs.get("srcdoc") for node in doomed):
        inlined = _inline_srcdoc(html)  # (rare: the dropped nodes are read, not the page's text)
        if inlined != html:
            return _extract(inlined, url, rules, now, fetched, framed=True)
    title = _rule_text(tree, rules.title) or choose_title(meta)
    ruled = _ruled_fields(tree, rules)
    address = url or _declared_url(tree, meta)  # a page given without its URL may still state it
    _clean_tree(tree, doomed, rules.remove)
    page_text = tree.body.text()  # raw and glued like the paragraphs, so they can be found in it
    body = _body(tree, rules, title, units, meta.h1_nodes)
    if (len(body.captions) >= TOLD_CAPTIONS or (body.captions and not any(_CJK_SENTENCE.search(p) for p in body.paragraphs))) \
            and not rules.body:
        body = _told_in_captions(page_text, body)  # (one caption is the text when nothing else holds a sentence)
    garbled = junk_share(page_text[:4000]) > 0.05  # binary or wrongly decoded: no body can help
    readable = not garbled and _readable(body)
    if not readable and not garbled and not rules.body:
        attached = _attachments(find_containers(tree, units, title, meta.h1_nodes))
        if attached:  # a notice whose only content is its attachments (`附件：…成绩.pdf`): their names
            body, readable = Body(paragraphs=attached), True
        else:
            body = build_body([tree.body], title)  # the finder chose chrome; the whole page beats nothing
            readable = _readable(body)
    if not garbled and not rules.body and tree.body is not None and sum(map(len, body.paragraphs)) < PHOTO_TEXT \
            and not any(_CJK_SENTENCE.search(p) for p in body.paragraphs):
        body, readable = _photos(tree.body, title, body, readable)
    if not rules.body and meta.ld.get("body"):
        body, readable = _stated_body(meta.ld["body"], title, body, readable)
    drawn = scripted.stated(html) if not readable and not garbled and not rules.body else None
    if drawn is not None:  # a shell its script fills from its own data (a self-media platform's page)
        body, readable = _stated_body(drawn.text, drawn.title or title, body, readable)
        if readable and drawn.title:  # the text's own headline: the shell's title is the platform's
            title = drawn.title  # name, or the headline with it added
    if not readable:
        raise _no_article(url, "no block of readable text on the page; set a body selector for this source")
    places = _places(page_text, title, body, meta.headlines)
    if _named_twice(body.paragraphs, places.region, title):
        del body.paragraphs[0]  # the account's or author's name over the text, as its box above shows it
        places = _places(page_text, title, body, meta.headlines)
    places.marked, places.html = partial(marked_dates, tree), html
    _fill_fields(tree, body, meta, ruled, places)
    when = published(meta, ruled.get("date"), address, places, now, fetched)
    if when is None and drawn is not None and readable:
        when = dates.plausible(drawn.published, now)
    text = "\n".join(body.paragraphs)
    return Article(url=url, title=title or body.paragraphs[0][:60], paragraphs=tuple(body.paragraphs),
                   published=when, author=body.author, source_name=body.source_name,
                   editor=body.editor, lang=detect_lang(f"{title}\n{text}", meta.lang))


# A link to a document a notice attaches (`/uploads/2019/成绩.pdf`, `…/附件1.docx?id=3`).
_DOCUMENT_HREF = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|wps|et|ofd|zip|rar|7z)(?:$|[?#])", re.I)


def _attachments(nodes: list[LexborNode]) -> list[str]:
    """The lines naming the documents the article's container links to (up to 20; the link's line, as
    `附件：…成绩.pdf`, when short), for a page with no text."""
    names: list[str] = []
    for node in nodes:
        for link in node.css("a[href]"):
            name = clean(link.text())
            if len(name) < 4 or not _DOCUMENT_HREF.search(link.attributes.get("href") or ""):
                continue
            line = clean(link.parent.text()) if link.parent is not None else name
            name = line if name in line and len(line) <= 120 else name
            if name not in names:
                names.append(name)
                if len(names) >= 20:
                    return names
    return names


# An <iframe srcdoc="…"> (an embedded editor's preview holding the text), its document escaped in the attribute.
# [^<>] outside the value: each try ends at the next tag, and a tag's end is not required (its other
# srcdoc attributes are not tried again): with [^>]*? … [^>]*>, 160 KB of `<iframe ` or of ` srcdoc="…"`
# in one unclosed tag cost 9-13 s a page, growing with the square.
_SRCDOC = re.compile(r"""<iframe\b[^<>]*?\ssrcdoc\s*=\s*(?:"([^"]*)"|'([^']*)')[^<>]*>?(?:\s*</iframe\s*>)?""", re.I)
_INNER_BODY = re.compile(r"<body\b[^<>]*>(.*?)(?:</body\s*>|$)", re.I | re.S)


def _inline_srcdoc(html: str) -> str:
    """The page with each iframe whose srcdoc document holds sentences replaced by that document's
    body, where the frame stands (a browser shows it there; the shell has only the headline and date)."""
    def inline(match: re.Match[str]) -> str:
        doc = unescape(match.group(1) if match.group(1) is not None else match.group(2))
        if "。" not in doc and ". " not in doc:
            return match.group(0)  # an ad's or a widget's frame: no text
        inner = _INNER_BODY.search(doc)
        return f"<div class='srcdoc'>{inner.group(1) if inner else doc}</div>"
    return _SRCDOC.sub(inline, html)


# A name has none of these: sentence or list punctuation, brackets, digits.
_UNNAMED = frozenset("。，！？；：、,.!?;:()（）【】《》“”\"'0123456789")


def _named_twice(paragraphs: list[str], region: str, title: str) -> bool:
    """Whether the text opens with a self-media account's or an author's name alone (`乡野笔记`,
    `程序源代码`) that the box between the headline and the text shows as well, beside a date or a
    follow button: the region runs up to the first long paragraph, so it holds the line once as the
    text's and once before as the box's. A line of the headline's (a heading repeated) stays."""
    if len(paragraphs) < 2:
        return False
    first = paragraphs[0]
    if not 3 <= len(first) <= 16 or any(char in _UNNAMED for char in first) or first in title:
        return False
    at = region.find(first)
    if at < 0 or at == region.rfind(first):
        return False
    box = region[max(0, at - 30) : at + len(first) + 30]
    return "关注" in box or "關注" in box or dates.FULL_DATE.search(box) is not None


def _declared_url(tree: LexborHTMLParser, meta: PageMeta) -> str | None:
    """The address the page gives itself (og:url, else its canonical link), for a page handed
    over without one: a date in its path (/2009-03/05/, t20090305_) still dates the page."""
    stated = meta.tags.get("og:url")
    if not stated:
        node = tree.css_first('link[rel="canonical"]')
        stated = node.attributes.get("href") if node is not None else None
    return stated if stated and stated.startswith(("http://", "https://")) else None


def _stated_body(stated: str, title: str, body: Body, readable: bool) -> tuple[Body, bool]:
    """The text the page states in JSON-LD (`articleBody`) when the page's markup shows none or
    under half of it (a page whose text a script draws, a teaser with 展开全文); else the body
    found. Read as a pasted text is (`<p>`s in it taken as markup), cleaned as any body is."""
    if readable and 2 * sum(map(weighted_length, body.paragraphs)) >= weighted_length(stated):
        return body, readable
    tree = LexborHTMLParser(reshape(stated if "<p" in stated or "<br" in stated else _text_as_html(stated)))
    if tree.body is None:
        return body, readable
    for node in tree.css(", ".join(_DROP_TAGS)):
        node.decompose()
    found = build_body([tree.body], title)
    if not _readable(found) or sum(map(weighted_length, found.paragraphs)) < STATED_MIN:
        return body, readable
    return found, True


def _text_as_html(text: str) -> str:
    """Plain text (a scraped page, a paste) as HTML: each non-blank line a paragraph."""
    lines = (escape(line.strip()) for line in text.splitlines())
    return "".join(f"<p>{line}</p>" for line in lines if line)


def _select(tree: LexborHTMLParser, selector: str | None) -> list[LexborNode]:
    """Nodes a per-source selector picks; a selector lexbor rejects picks nothing."""
    if not selector:
        return []
    try:
        return tree.css(selector)
    except Exception:  # a bad selector in config must not cost the page; config checks it
        return []


def _rule_text(tree: LexborHTMLParser, selector: str | None) -> str:
    """Clean text of the first node a selector picks, or ''."""
    for node in _select(tree, selector):
        text = clean(node.attributes.get("content") or node.text())
        if text:
            return text
    return ""


def _ruled_fields(tree: LexborHTMLParser, rules: ExtractRules) -> dict[str, str]:
    """Author, source name and date text picked by per-source selectors (before clean-up)."""
    fields = {"author": _rule_text(tree, rules.author), "source_name": _rule_text(tree, rules.source_name)}
    for node in _select(tree, rules.date):
        attrs = node.attributes
        fields["date"] = attrs.get("datetime") or attrs.get("content") or node.text()
        break
    return fields


def _clean_tree(tree: LexborHTMLParser, doomed: list[LexborNode], remove: tuple[str, ...]) -> None:
    """Drop scripts, navigation, ruby annotations, short hidden text and the source's own
    `remove` selectors."""
    by_sheet, faint = hiding.hiding_selectors([node.text() for node in doomed if node.tag == "style"])
    for node in doomed:
        node.remove()  # detach, not destroy: a nested match stays valid to remove
    hiding_now: list[LexborNode] = []
    pale: list[LexborNode] = []
    for node in tree.css(hiding.MAY_HIDE):
        how = _hidden(node)
        if how:
            (pale if how == "pale" else hiding_now).append(node)
    if by_sheet:
        hiding_now += _select(tree, by_sheet)
    for selector, colour in faint:  # a sheet's white or tiny type: as an inline one
        for node in _select(tree, selector):
            how = _unseen_colour(node, colour) if colour else "pale"
            if how:
                (pale if how == "pale" else hiding_now).append(node)
    hidden: list[tuple[LexborNode, str]] = []
    for node in dict.fromkeys(hiding_now):
        text = node.text(deep=True)
        if len(text) < HIDDEN_TEXT:
            hidden.append((node, text))
        elif hiding.repeats(text):  # keyword stuffing, however long
            _empty(node)
    # more is the text itself, shown a part at a time, unless it says the same words over and over
    if sum(len(text) for _, text in hidden) <= HIDDEN_TOTAL or hiding.repeats(" ".join(text for _, text in hidden)):
        for node, _ in hidden:
            _empty(node)
    # white where no background is set inline (one may come from a class): only stuffing goes
    texts = [node.text(deep=True) for node in pale]
    together = bool(pale) and hiding.repeats(" ".join(texts))  # once: per node, 8,000 white spans took 5 s
    if together or any(len(t) >= HIDDEN_TEXT for t in texts):
        for node, text in zip(pale, texts, strict=True):
            if together or hiding.repeats(text):
                _empty(node)
    for selector in remove:
        for node in _select(tree, selector):
            node.remove()


def _empty(node: LexborNode) -> None:
    """Emptied, not removed: a hidden block still keeps the lines on either side apart, as it did."""
    for child in tuple(node.iter(include_text=True)):
        child.remove()


_PARAGRAPHS = "p, div, section, article, table, li"  # what a faded block holds when it is an article


def _hidden(node: LexborNode) -> str:
    """How an element is hidden from readers: "hidden" by the `hidden` attribute, or a style that
    hides it (`hiding.seen`), or one that makes it invisible around text without paragraphs (WeChat
    keeps its whole article so until its script runs), or text in the colour it is painted on;
    "pale" in white where no inline background is set (`_unseen_colour`), or folded in a closed
    `<details>`; else ""."""
    attrs = node.attrs  # looked up one by one: `attributes` builds a dict of them all (1 µs)
    if "hidden" in attrs:
        return "hidden"
    shown = hiding.seen(attrs.get("style") or "")
    if shown == "coloured" or (not shown and node.tag == "font"):
        return _unseen_colour(node)
    if shown == "tiny":
        return "pale"
    if shown == "hidden" or (shown == "faded" and all(inner.mem_id == node.mem_id for inner in node.css(_PARAGRAPHS))):
        return "hidden"
    return "pale" if node.tag == "details" and "open" not in attrs else ""  # folded: only stuffing goes


_OWN_COLOUR = "[style*='color' i], font[color]"
_WHITE = (255, 255, 255)


def _unseen_colour(node: LexborNode, own: hiding.Colour | None = None) -> str:
    """"hidden" when text in the node's colour is painted on the same colour, the nearest inline
    background of an enclosing element; "pale" when it is white and none is set (the page's
    white, or a class's background: `_clean_tree` drops only stuffing then); else "". Never when
    an element in it sets a colour of its own, or a background on the way is a picture."""
    if own is None:  # else the colour a sheet's rule gives it
        attrs = node.attrs
        own = hiding.colour(attrs.get("style")) or hiding.parse_colour((attrs.get("color") or "").lower().strip())
    if own is None:
        return ""
    at: LexborNode | None = node
    behind: tuple[int, int, int, float] | bool | None = False
    while at is not None and at.is_element_node:  # up to <html>
        here = at.attributes  # one dict: three look-ups in `attrs` cost lexbor twice as much
        if not here:
            at = at.parent
            continue
        style, bgcolor = here.get("style"), here.get("bgcolor")
        if bgcolor or (style and "ackground" in style) or "background" in here:
            behind = hiding.background(style, bgcolor) if "background" not in here else None
            if behind is not False:
                break
        at = at.parent
    if behind is None:
        return ""
    painted = _WHITE if behind is False or behind is True else behind[:3]
    if not hiding.alike(own[:3], painted) or (behind is not False and behind is not True and behind[3] < 1):
        return ""
    if any(inner.mem_id != node.mem_id for inner in node.css(_OWN_COLOUR)):
        return ""
    return "pale" if behind is False else "hidden"


def _body(tree: LexborHTMLParser, rules: ExtractRules, title: str, units: list[list[LexborNode]],
          h1s: list[tuple[LexborNode, str]]) -> Body:
    """Paragraphs from the source's body selector, else the generic finder (given the text units)."""
    body = Body()
    ruled = _select(tree, rules.body)
    if ruled:
        body = build_body(ruled, title)
    if not body.paragraphs:
        body = build_body(find_containers(tree, units, title, h1s), title)
    return body


def _photos(page: LexborNode, title: str, body: Body, readable: bool) -> tuple[Body, bool]:
    """A page of photos whose text is their captions (`…在海上收割海带。中新社记者 王东明 摄`,
    chrome beside a text): the page's captions, when there are PHOTO_CAPTIONS or more and more
    of them than of the little text found; else the body found, as it was. One caption is
    enough where nothing else on the page is readable: a photo story's one paragraph
    (`…并网发电。（图/陈亮）`) is its news, which a missing body would have lost."""
    whole = build_body([page], title)
    if len(whole.captions) < (PHOTO_CAPTIONS if readable else 1) or \
            sum(map(len, whole.captions)) <= sum(map(len, body.paragraphs)):
        return body, readable
    whole.paragraphs = whole.captions
    return (whole, True) if _readable(whole) else (body, readable)


def _told_in_captions(page_text: str, body: Body) -> Body:
    """A picture story (a short lead, then picture and caption pairs `图为…。林某 摄`, or the captions
    alone when a copy cut its lead): the captions the text's container held are its text when they
    outnumber the other paragraphs or are longer together, put back where they stand in the page. A caption or two under
    the pictures of a longer text stays chrome."""
    if len(body.captions) <= len(body.paragraphs) and sum(map(len, body.captions)) <= sum(map(len, body.paragraphs)):
        return body
    placed = [(_find(page_text, line), order, line) for order, line in enumerate(body.paragraphs + body.captions)]
    at = -1
    for index, (where, order, line) in enumerate(placed):  # a line not found keeps its neighbour's place
        at = where if where >= 0 else at
        placed[index] = (at, order, line)
    body.paragraphs = [line for _, _, line in sorted(placed)]
    body.captions = []
    return body


def _readable(body: Body) -> bool:
    """Enough text, and not debris (the page's raw text was checked for junk beforehand: bad bytes
    leave U+FFFD, private-use characters and controls there, which cleaning hides from paragraphs)."""
    size = 0
    for paragraph in body.paragraphs:  # stop at enough: encoding every paragraph is wasted work
        size += weighted_length(paragraph)
        if size >= 20:
            break
    if size < 20:
        return False
    sample = "".join(body.paragraphs)[:1500]
    return len(_NOT_DEBRIS.sub("", sample)) < 0.3 * len(sample)


# A headline element this long heads the byline of a Chinese page when neither the <title> nor the
# container names it (a site whose <title> is only its name: `谢谢您访问本站`); a side column's
# heading is shorter. English pages keep the unanchored reading (their <h1> may differ from a good
# <title>, and an anchored region would read an `Updated …` time there).
_LONG_HEADLINE = 8


# How many of the body's first paragraphs may be too short to find it by (`學校`, `農村`, `教師`: tags over the text).
_LEAD_PROBES = 5


def _places(page_text: str, title: str, body: Body, elements: list[str] = []) -> Places:  # noqa: B006
    """Where the byline, the text after the body and the body itself sit in the raw page text; the
    headline is the <title>'s, else the container's own, else a long headline element (`elements`)."""
    paragraphs = body.paragraphs
    # A short first paragraph (a subtitle, a few keyword tags) may also sit in a sidebar; probe with a longer one.
    lead = next((p for p in paragraphs[:_LEAD_PROBES] if len(p) >= 12), paragraphs[0] if paragraphs else "")
    start = _find(page_text, lead) if lead else -1
    if start >= 0 and len(lead) < len(title) and _squeezed(lead)[:16] in _squeezed(title):
        # The text opens by repeating the headline's words (a notice's heading block under the <h1>: `关于做好…的`,
        # `通 知`): the first showing is the headline's; the text's is the next one.
        again = _find(page_text[start + 1 :], lead)
        start = start + 1 + again if again >= 0 else start
    elif start >= 0 and (copied := _teaser(page_text, start, lead)):
        # A summary box between the headline and the date bar (`导读：…`, `摘要：…`, or cut short with `……`) repeats
        # the text's opening: the text's showing is the next one, so the bar above it is the byline's (the copy
        # blanked: its sentence's dates are the text's).
        again = _find(page_text[start + 1 :], lead)
        if again >= 0:
            page_text = page_text[:start] + " " * copied + page_text[start + copied :]
            start = start + 1 + again
    if start < 0:
        start = min(len(page_text), 3000)
    window_at = max(0, start - 3000)
    window = page_text[window_at:start]
    head, headline = -1, ""
    chinese = CJK.search(lead, 0, 200) is not None  # English pages' <title>s name their headline
    long = [text for text in elements if len(text) >= _LONG_HEADLINE and text != title] if chinese else []
    for headline in (title, body.headline or "", *long):  # the <title>'s, the container's own, an <h1>'s
        head = _find(window, headline, last=True) if headline else -1
        if head >= 0:
            break
    if head >= 0:
        region, head_at = _region(window, _find(window, headline), head, headline), window_at + head
    else:
        region, head_at = _far_region(page_text, window_at, window, (title, body.headline or "")), 0
    tail, body_end = _tail_region(page_text, paragraphs + body.signature)  # a post's signature: its tools under it
    return Places(region=region, anchored=head >= 0, byline=body.date_text, tail=tail,
                  page_text=page_text, body_at=start, head_at=head_at, lead="\n".join(paragraphs[:3]),
                  body_end=body_end)


# A headline this far above the body still heads its byline: a share box or a column menu of a
# few hundred links may stand between the byline and the text.
_FARTHEST_HEADLINE = 20_000


def _far_region(page_text: str, window_at: int, window: str, headlines: tuple[str, str]) -> str:
    """The byline region when the headline is not within the window before the body: the 300
    characters after the headline's last showing farther up (`发布时间：…` under it), then the
    window's last 800 characters, as before. Read as an unanchored region (a label, a byline line
    or a date just before the body), so the text between them dates nothing."""
    tail = clean(window)[-800:]
    far = page_text[max(0, window_at - _FARTHEST_HEADLINE) : window_at]
    for headline in headlines:
        at = _find(far, headline, last=True) if headline and len(headline) >= 4 else -1
        if at >= 0:
            return f"{clean(_after_headline(far, at, headline)[:600])[:300]}\n{tail}"
    return tail


def _region(window: str, first: int, last: int, headline: str) -> str:
    """The byline region, from the headline's last showing before the body (at `last` in the
    window) to the body: its last 800 characters, and also the 300 after the headline's first
    showing when that region is longer or the headline shows twice (a byline under the headline,
    then key points, a long caption or a share box repeating the headline)."""
    after = clean(_after_headline(window, last, headline))
    if first == last and len(after) <= 1100:
        return after
    opening = after if first == last else clean(_after_headline(window, first, headline)[:600])
    return f"{opening[:300]}\n{after[-800:]}"


def _after_headline(window: str, at: int, headline: str) -> str:
    """The window from position `at`, without the headline that starts there."""
    window = window[at:]
    return window[len(headline):] if window.startswith(headline) else window


def _tail_region(page_text: str, paragraphs: list[str]) -> tuple[str, int]:
    """A little text after the last paragraph, where `记者 …`, editor and date lines often follow, and
    where the body ends in the page text (0: not found)."""
    tail = paragraphs[-1][-16:] if paragraphs else ""
    end = page_text.rfind(tail) if len(tail) >= 4 else -1
    if end < 0 and tail and len(paragraphs) > 1:
        # The text ends with a short line (a reporter's name alone): found after the line before it.
        before = paragraphs[-2][-16:]
        at = page_text.rfind(before) if len(before) >= 4 else -1
        end = page_text.find(tail, at + len(before), at + len(before) + 200) if at >= 0 else -1
    if end < 0:
        return "", 0
    return clean(page_text[end + len(tail) : end + len(tail) + 200]), end + len(tail)


# A summary's label right before the text's first showing (`导读：`, `摘要：`, `内容提要：`, `核心提示：`).
_SUMMARY_LABEL = re.compile(r"(?:导读|導讀|摘要|内容提要|內容提要|核心提示|内容简介|內容簡介)\s*[：:]?\s*$")
_ELLIPSIS = ("…", "...", "。。。")


def _teaser(page_text: str, start: int, lead: str) -> int:
    """The length of the copy when the lead's showing at `start` is a summary's copy of the text's opening (a summary
    label right before it, or the copy cut short by an ellipsis), else 0."""
    if _SUMMARY_LABEL.search(page_text, max(0, start - 8), start) is not None:
        shown = page_text[start : start + len(lead)]
        return next((at for at, (a, b) in enumerate(zip(shown, lead, strict=False)) if a != b), len(shown))
    if page_text.startswith(lead, start):
        return 0  # the whole opening shown: the text itself (the common case, decided cheaply)
    shown = page_text[start : start + len(lead) + 3]
    cut = min((at for mark in _ELLIPSIS if (at := shown.find(mark)) >= 0), default=-1)
    return cut if 8 <= cut < len(lead) and shown[:cut] == lead[:cut] and not lead.startswith(_ELLIPSIS, cut) else 0


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _find(text: str, snippet: str, last: bool = False) -> int:
    """Where `snippet` starts in raw page text, probing with its first 12+ characters of words: one
    run without spaces when it is long enough (a Chinese sentence), else its first words with any
    whitespace between them (`The city …`: one short word alone is found all over the page)."""
    words = snippet.split(None, 6)[:6]
    probe = words[0][:16] if words else ""
    if len(probe) >= 12 or len(words) == 1:
        if len(probe) < 4:
            return -1
        return text.rfind(probe) if last else text.find(probe)
    chosen: list[str] = []
    for word in words:
        chosen.append(re.escape(word[:16]))
        if sum(len(w) for w in chosen) >= 12:
            break
    found = -1
    for match in re.finditer(r"\s*".join(chosen), text):
        found = match.start()
        if not last:
            break
    return found


def _field(value: str | None) -> str | None:
    """A name a source's own selector picked, unless it is longer than any name (FIELD_MAX: the
    selector picked a page's whole text, or a hostile page's megabyte)."""
    return value if value and len(value) <= FIELD_MAX else None


def _fill_fields(tree: LexborHTMLParser, body: Body, meta: PageMeta, ruled: dict[str, str], places: Places) -> None:
    """Author / source / editor: selectors, then meta tags, then byline text, then the dateline."""
    body.author = _field(ruled.get("author")) or body.author
    body.source_name = _field(ruled.get("source_name")) or body.source_name
    page_text, tail = places.page_text, places.tail
    for text in (places.region, tail):
        for label, value, _ in byline_fields(text):
            assign_field(body, label, clean(value))
        reporter = _REPORTER_IN_TEXT.search(text)
        if reporter:
            assign_field(body, "记者", clean(reporter.group(1)))
    author = meta.first(AUTHOR_KEYS) or meta.ld.get("author")
    if author and not author.startswith("http"):
        assign_field(body, "作者", clean(re.sub(r"^(?:By|作者[：:])\s*", "", author)))
    source = meta.first(SOURCE_KEYS)
    if source:  # as a byline's: a megabyte of a hostile page's meta tag is no outlet's name
        assign_field(body, "来源", clean(source))
    for lead in body.paragraphs[:3]:  # `…11月8日电(记者 王五)`: the wire's reporter credit
        dateline = _DATELINE_AUTHOR.match(lead)
        if dateline:
            assign_field(body, "记者", clean(dateline.group(1)))
            break
    # Every label holds 编 or 編: one-character scans of the long page text rule most pages out (3x faster).
    if not body.editor and ("编" in page_text or "編" in page_text) and any(
            label in page_text for label in _EDITOR_LABELS):
        # Editor lines sit in footers, glued to the next block in `page_text`: re-read with breaks.
        editor = _find_editor(tail) or _find_editor(tree.body.text(separator="\n") if tree.body else "")
        if editor:
            assign_field(body, "责任编辑", editor)


def _find_editor(text: str) -> str | None:
    """The name after the first `责任编辑：` label (found with str.find: a regex scan is slow here)."""
    for label in _EDITOR_LABELS:
        at = text.find(label)
        found = _EDITOR_IN_TEXT.match(text, at, at + 60) if at >= 0 else None
        if found:
            return clean(found.group(1))
    return None
