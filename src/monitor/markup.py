"""Markup shaped to make a parser slow, reshaped the way a browser would see it first.

Used before every HTML parse (articles, list pages, feed discovery) and, attributes only, before
feedparser. In: decoded page text. Out: the same text, or the text with the tags that make parsing
quadratic taken out; what those tags held stays, in order. The parser has two such costs:
- it checks the whole stack of open elements at every block start tag (is a <p> open in button
  scope?), so n nested blocks cost n² steps: 200,000 nested <div> (1 MB) took over three
  minutes to extract. Block tags past `MAX_DEPTH` are dropped (Chromium caps depth at 512 too),
  and so are phrasing tags (span, font, b ...) past `MAX_DEPTH` of their own, for the
  extractor's walks up the tree, and any other element that nests (custom elements, canvas,
  option groups outside a select: 60,000 of them before 60,000 <div> took 7-8 s);
- it compares each attribute of a tag with the ones before it: one <div> with 300,000
  attributes (3.5 MB) took twelve minutes. Attributes past `MAX_ATTRS` are dropped (no real
  page has more than a few dozen on one tag);
- each <option> inside a <select> costs time growing with the options before it: 16,000 took
  a second, 120,000 (4 MB) about a minute. A select's options past `MAX_OPTIONS` are dropped
  (a jump menu a reader uses holds tens or hundreds); what follows the select stays.
Ordinary pages pass through after a few counts: a page of fewer than `DEPTH_FROM` tags cannot
nest deeply enough to cost a tenth of a second, a tag can only hold thousands of attributes
if it runs 4,096 characters without a `>` or the page has `ATTRS_FROM` `=` signs, and a select
can only hold `MAX_OPTIONS` options in a page with as many `<o`.
XML (feeds, sitemaps) has a third cost: entities its DOCTYPE declares out of other entities
("billion laughs") expand a thousandfold before the XML parser's own limit stops them, and a
feed parser is handed the text a few characters at a time: `defuse_entities` keeps only plain
declarations.
"""

from __future__ import annotations

import re
from itertools import islice

MAX_DEPTH = 512
DEPTH_FROM = 8000  # tags ("<"); 8,000 nested blocks parse in ~70 ms
MAX_ATTRS = 256
ATTRS_FROM = 20_000  # "=" signs; 20,000 attributes on one tag parse in ~0.8 s
# Elements whose start tag makes the parser walk the stack (closing a <p> in button scope); the
# fetcher measures a page's depth by the same list (fetch.signals.nesting).
BLOCKS = ("address|article|aside|blockquote|center|details|dialog|dir|div|dl|fieldset|figcaption|"
          "figure|footer|header|hgroup|main|menu|nav|ol|section|summary|ul|pre|listing|h[1-6]")
# Phrasing elements nest freely; the extractor's selectors and walks up the tree (`span:not(p span)`)
# cost their depth at each one: 8,000 nested <span> took 0.25 s, 200,000 longer than anyone waited.
_INLINES = "span|font|b|i|u|s|em|strong|small|big|sub|sup|label|abbr|cite|q|code|mark|tt|strike|del|ins"
_BLOCK_NAMES = frozenset(BLOCKS.replace("h[1-6]", "h1|h2|h3|h4|h5|h6").split("|"))
_INLINE_NAMES = frozenset(_INLINES.split("|"))
# Elements that never nest (void) or that the parser closes by itself when the next one of their
# kind starts (li, p, option in a select, table parts, ...): not counted as depth. Every other
# element (custom ones, canvas, option groups outside a select ...) nests like a block: a third
# class, kept to MAX_DEPTH as well.
_FLAT = frozenset("area base br col embed hr img input link meta param source track wbr keygen basefont bgsound "
                  "frame image li p dd dt option tr td th tbody thead tfoot caption colgroup rb rt rp rtc html "
                  "head body script style title textarea xmp iframe noembed noframes plaintext template "
                  "table select form a nobr button".split())
_ANY_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])[^>]*>")
_LONG_TAG = re.compile(r"<[a-zA-Z][^>]{4096}")
# A start tag read as the tokenizer reads it: a quoted value may hold ">". One whose run
# reaches a "<" outside quotes is text (a script's `a<b;`) and is left alone.
_START_TAG = re.compile(r"""<([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])((?:[^<>"']++|"[^"]*+"|'[^']*+')*+)(>?)""")
_ATTR = re.compile(r"""[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*+"|'[^']*+'|[^\s>"']++))?""")


MAX_OPTIONS = 2000  # a select's options; 2,000 parse in ~15 ms
_SELECT = re.compile(r"<select(?=[\s/>])[^>]*>", re.IGNORECASE)
_SELECT_END = re.compile(r"</select\s*>", re.IGNORECASE)
_OPTION = re.compile(r"<option(?=[\s/>])", re.IGNORECASE)


def reshape(html: str) -> str:
    """The page with block tags past `MAX_DEPTH`, attributes past `MAX_ATTRS` and a select's
    options past `MAX_OPTIONS` removed."""
    return flatten_nesting(cap_attributes(cap_options(html)))


def cap_options(html: str) -> str:
    """The page with each select cut after its first `MAX_OPTIONS` options (to its end tag)."""
    if html.count("<o") + html.count("<O") < MAX_OPTIONS:
        return html
    pieces, start = [], 0
    for select in _SELECT.finditer(html, 0, html.rfind(">") + 1):  # (as in flatten_nesting)
        if select.start() < start:
            continue  # inside a select already cut
        close = _SELECT_END.search(html, select.end())
        end = close.start() if close else len(html)
        past = next(islice(_OPTION.finditer(html, select.end(), end), MAX_OPTIONS, None), None)
        if past is not None:
            pieces.append(html[start:past.start()])
            start = end
    return "".join([*pieces, html[start:]]) if pieces else html


def flatten_nesting(html: str) -> str:
    """The page with block tags past `MAX_DEPTH` removed (and phrasing tags, and other nesting
    ones, each past `MAX_DEPTH` of their own class); the page itself when none are."""
    if html.count("<") < DEPTH_FROM:
        return html
    depths, pieces, start = [0, 0, 0], [], 0  # blocks, phrasing elements, others: each kept to MAX_DEPTH
    # No tag ends past the last ">": read only to it (each `<a ` of a page ending in 600 KB of them
    # was tried against the rest of the page, 33 s, growing with the square).
    for tag in _ANY_TAG.finditer(html, 0, html.rfind(">") + 1):
        name = tag.group(2).lower()
        if name in _FLAT:
            continue
        closing, kind = tag.group(1) == "/", 0 if name in _BLOCK_NAMES else 1 if name in _INLINE_NAMES else 2
        depth = depths[kind]
        deep = depth > MAX_DEPTH if closing else depth >= MAX_DEPTH
        depths[kind] = max(0, depth - 1) if closing else depth + 1
        if deep:
            pieces.append(html[start:tag.start()])
            start = tag.end()
    return "".join([*pieces, html[start:]]) if pieces else html


def cap_attributes(html: str) -> str:
    """The page with every start tag cut to its first `MAX_ATTRS` attributes."""
    if html.count("=") >= ATTRS_FROM:  # values may hold ">": every tag is read as the tokenizer reads it
        tags = _START_TAG.finditer(html)
    else:  # without thousands of "=", only a tag running 4,096 characters can hold thousands
        tags = (t for long in _LONG_TAG.finditer(html) if (t := _START_TAG.match(html, long.start())))
    pieces, start = [], 0
    for tag in tags:
        if len(tag.group(2)) < 2 * MAX_ATTRS or not tag.group(3):
            continue
        attrs = _ATTR.findall(tag.group(2))
        if len(attrs) > MAX_ATTRS:
            pieces.append(html[start:tag.start()])
            pieces.append(f"<{tag.group(1)} {' '.join(attrs[:MAX_ATTRS])}{tag.group(3)}")
            start = tag.end()
    return "".join([*pieces, html[start:]]) if pieces else html


_PROLOG = 65_536  # bytes: a DOCTYPE reaching further is dropped whole
_ROOT = re.compile(rb"<[A-Za-z]")
_DOCNAME = re.compile(rb"<!DOCTYPE\s+([A-Za-z_][\w:.-]{0,100})")
_ENTITY = re.compile(rb"<!ENTITY\s+([A-Za-z_][\w.-]{0,100})\s+(\"[^\"]{0,200}\"|'[^']{0,200}')\s*>")
_PLAIN = re.compile(rb"&#(?:x[0-9a-fA-F]{1,6}|[0-9]{1,7});|[^&%<\"']{0,64}")


def defuse_entities(content: bytes) -> bytes:
    """An XML document (a feed, a sitemap) with its DOCTYPE's entity declarations cut down to the plain ones: a character
    reference or up to 64 characters of text each. Entities made of other entities, parameter
    and external entities go (their references then read as text), and so does a DOCTYPE
    without a plain one left or reaching past `_PROLOG` bytes."""
    at = content.find(b"<!DOCTYPE", 0, _PROLOG)
    if at < 0 or content.find(b"<!ENTITY", at, at + _PROLOG) < 0:
        return content
    root = _ROOT.search(content, at + 2)
    if root is None:
        return content
    kept = b""
    if root.start() - at <= _PROLOG:
        plain = [(n, v) for n, v in _ENTITY.findall(content, at, root.start()) if _PLAIN.fullmatch(v[1:-1])]
        name = _DOCNAME.match(content, at)
        if plain and name:
            kept = b"<!DOCTYPE " + name.group(1) + b" [" + b"".join(
                b"<!ENTITY " + n + b" " + v + b">" for n, v in plain) + b"]>"
    return content[:at] + kept + content[root.start():]
