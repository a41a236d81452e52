"""Links a list page's own scripts open: the page's functions that open an address built from
their parameters (`function openDetail(id) { window.open("/detail.jsp?id=" + id); }`), and the
address a link or a row that calls one with an id opens (`href="javascript:openDetail(12345)"`,
`onclick="show('3','12345')"`, a row's `data-id` read by a click handler), as a browser runs them.
Bounded: at most SCRIPTS_READ characters of script and OPENS_READ places read a page.
In: a parsed page, a row's script or nodes. Out: absolute addresses, or None. Pure.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import Any

from .base import absolute

# A function of the page's own scripts that opens an address built from its parameters (`function
# openDetail(id) { window.open("/detail.jsp?id=" + id); }`), for links that only call it with an
# id (`href="javascript:openDetail(12345)"`, `onclick="show('3','12345')"`), as a browser runs them.
_NAMED_FUNCTION = re.compile(r"function\s+([A-Za-z_$][\w$]*)\s*\(([\w$,\s]*)\)\s*\{")
_BARE_FUNCTION = re.compile(r"function\s*\(([\w$,\s]*)\)\s*\{")
_ASSIGNED = re.compile(r"([A-Za-z_$][\w$]*)\s*[=:]\s*$")  # `showArt = function (`, `showArt: function (`
_NAVIGATE = re.compile(r"(?:\bopen|\blocation(?:\.href)?[ \t]{0,9}=|\blocation\.(?:assign|replace))[ \t]{0,9}\(?[ \t]{0,9}")
# what a row's script reads of the row clicked: `$(this).data('id')`, `this.dataset.id`, `.attr('data-id')`
_DATA_READ = (r"""(?:\$\([ \t]{0,9}this[ \t]{0,9}\)|[A-Za-z_$][\w$]{0,60})[ \t]{0,9}\.[ \t]{0,9}"""
              r"""(?:data\([ \t]{0,9}['"][\w-]{1,40}['"][ \t]{0,9}\)|(?:attr|getAttribute)\([ \t]{0,9}['"]data-[\w-]{1,40}['"]"""
              r"""[ \t]{0,9}\)|dataset\.\w{1,40})""")
_DATA_TERM = re.compile(_DATA_READ)
_DATA_NAME = re.compile(r"""data\([ \t]*['"]([\w-]+)|data-([\w-]+)|dataset\.(\w+)""")
_TERM = rf"""(?:'[^'\n]{{0,300}}'|"[^"\n]{{0,300}}"|{_DATA_READ}|[A-Za-z_$][\w$]{{0,60}})"""
_CHAIN = re.compile(rf"{_TERM}(?:[ \t]{{0,9}}\+[ \t]{{0,9}}{_TERM}){{1,20}}")  # '/a/' + id + '.html' (bounded)
_CALL = re.compile(r"([A-Za-z_$][\w$]*)\s*\(([^()]{0,300})\)")
FUNCTION_BODY = 1500  # characters of a function read for the address it opens
SCRIPTS_READ = 1_000_000  # characters of a page's inline scripts read for such functions
OPENS_READ = 500  # places a page's script opens an address, read at most
Opener = tuple[list[str], list[str]]  # a function's parameters, and the terms of the address it opens


def page_openers(tree: Any) -> dict[str, Opener]:
    """The functions of the page's inline scripts (their first `SCRIPTS_READ` characters) that open
    an address built from a parameter: each place a script opens an address joined from strings
    and names, in the function whose header comes last in the `FUNCTION_BODY` characters before it."""
    out: dict[str, Opener] = {}
    read = 0
    for script in tree.css("script"):
        if "src" in script.attributes or read >= SCRIPTS_READ:
            continue
        text = (script.text() or "")[:SCRIPTS_READ - read]
        read += len(text)
        for nav in itertools.islice(_NAVIGATE.finditer(text), OPENS_READ):
            chain = _CHAIN.match(text, nav.end())
            terms = [_data_term(t) for t in re.findall(_TERM, chain.group())] if chain else []
            if not terms or terms[0][:1] not in "'\"":
                continue
            if any(t[:1] == "@" for t in terms):  # an address from the clicked row's data-id
                out.setdefault(" ".join(t for t in terms if t[:1] == "@"), ([], terms))
                continue
            at = text.rfind("function", max(0, nav.start() - FUNCTION_BODY), nav.start())
            named = _NAMED_FUNCTION.match(text, at) if at >= 0 else None
            bare = _BARE_FUNCTION.match(text, at) if at >= 0 and named is None else None
            assigned = _ASSIGNED.search(text, max(0, at - 80), at) if bare is not None else None
            name, listed = (named.group(1), named.group(2)) if named else \
                (assigned.group(1), bare.group(1)) if assigned and bare else (None, "")
            params = [p.strip() for p in listed.split(",")]
            if name and any(t in params for t in terms):
                out.setdefault(name, (params, terms))
    return out


def _data_term(term: str) -> str:
    """A chain's term as read: a string or a name as written, a row's data attribute as `@data-id`."""
    m = _DATA_NAME.search(term) if term[:1] not in "'\"" and _DATA_TERM.fullmatch(term) else None
    if m is None:
        return term
    name = m.group(1) or m.group(2) or re.sub(r"[A-Z]", lambda c: "-" + c.group().lower(), m.group(3))
    return "@data-" + name


def data_opened(base: str, nodes: Iterable[Any], openers: dict[str, Opener]) -> str | None:
    """The page the page's script opens for a clicked row from its data attribute (`<li
    data-id="12345">` and `location.href = '/detail.html?id=' + $(this).data('id')`), the first of
    `nodes` (the link, its row) holding it; None without such a script or attribute."""
    holders = [n for n in nodes if n is not None]
    for key, (_, terms) in openers.items():
        if key[:1] != "@":  # (a function's; a row's data attributes are keyed by their names)
            continue
        parts = []
        for term in terms:
            value = term[1:-1] if term[:1] in "'\"" else next(
                (v for n in holders if (v := (n.attributes.get(term[1:]) or "").strip())), None) if term[:1] == "@" else None
            if value is None:
                break
            parts.append(value)
        else:
            return _opened(base, "".join(parts))
    return None


def _opened(base: str, address: str) -> str | None:
    """A script's built address resolved, unless it is a place on the page or another script."""
    return None if address.startswith("#") or address.lower().startswith("javascript:") else absolute(base, address)


def called_link(base: str, script: str, openers: dict[str, Opener]) -> str | None:
    """The page a link's script opens by calling one of `openers` with its id (`openDetail(12345)`)."""
    for call in _CALL.finditer(script[:2000]):
        opener = openers.get(call.group(1))
        if opener is None:
            continue
        params, terms = opener
        args = [a.strip().strip("'\"") for a in call.group(2).split(",")]
        given = dict(zip(params, args, strict=False))
        parts = [t[1:-1] if t[:1] in "'\"" else given.get(t) for t in terms]
        if any(part is None for part in parts):
            return None
        return _opened(base, "".join(p for p in parts if p is not None))
    return None
