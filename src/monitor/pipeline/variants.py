"""Links whose query carries a value that changes at each read of the list page (`1.html?r=0.847`,
a cache buster no rule knows by name): the stored article, not a new one.

In: the store, a fresh link (its candidate and canonical URL) and the listing's generic link
texts. Out: whether the link is a stored article under another value of a parameter the site has
already shown to change nothing: a stored alias and its article differ in that parameter alone
(the same page came under both), the link differs from that article in no other, and the link's
text is the article's headline. Without that, a list page writing a new random value into every
link at each read had every article fetched again, poll after poll, and a new alias row kept for
each. Links told apart by their query (`show.php?id=`) differ in their text, and are fetched. A link
the same listing also gives without its query, under the same headline (`1.html?page=1`, a print
view), is that article (`listed_bare`); so is a link under the same headline naming the same
article at another path, its print view (`/print/2026/123.html`, `print.jsp?id=123`: `one_per_article`).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from ..models import Candidate
from ..store import Store


def stored_as(store: Store, cand: Candidate, key: str, generic: set[str]) -> bool:
    """Whether the link `key` is a stored article under a value of a parameter that changes nothing."""
    base, _, query = key.partition("?")
    anchor = _letters(cand.title or "")
    if not query or len(anchor) < 6 or (cand.title or "").strip() in generic:
        return False
    mine = _params(query)
    if not mine:
        return False
    for alias, target, title in store.variants(base):
        seen, stored = _params(alias.partition("?")[2]), _params(target.partition("?")[2])
        if not seen or not stored or not seen.keys() == stored.keys() == mine.keys():
            continue
        idle = {name for name, value in seen.items() if stored[name] != value}  # changed, and the page did not
        differ = {name for name, value in mine.items() if stored[name] != value}
        headline = _letters(title or "")
        if idle and differ and differ <= idle and headline and (anchor in headline or headline in anchor):
            return True
    return False


def listed_bare(listed: dict[str, Candidate], cand: Candidate, key: str) -> bool:
    """Whether the listing also gives the link `key` without its query, under the same headline
    (`1.html` and `1.html?page=1`, a print view `1.html?print=1`): one article listed twice, its
    page fetched once. A headline of fewer than six letters (`阅读全文`) tells nothing."""
    bare = listed.get(key.partition("?")[0])
    anchor = _letters(cand.title or "")
    return bare is not None and bare is not cand and len(anchor) >= 6 and _letters(bare.title or "") == anchor


_PRINT = re.compile(r"print|dayin", re.I)  # a print view's path or file name (print.jsp, /dayin/, 12_print.html)


def one_per_article(fresh: list[tuple[Candidate, str]]) -> list[tuple[Candidate, str]]:
    """The links, one per article: links under one headline (six letters or more) on one host that
    name the same article at two paths (the same id in the file name, `/a/2026/123.html` and
    `/print/2026/123.html`, `123_print.html`; or in the query where the file names differ,
    `show.jsp?id=9` and `print.jsp?id=9`) are one, kept at the link that is not a print view, else
    the first. Linear; a listing without such pairs comes back as it was."""
    first: dict[tuple[str, str, str], int] = {}
    out: list[tuple[Candidate, str]] = []
    for cand, key in fresh:
        anchor, ident = _letters(cand.title or ""), _article_id(key)
        if ident is None or len(anchor) < 6:
            out.append((cand, key))
            continue
        place = (urlsplit(key).netloc.lower(), anchor, ident)
        if place not in first:
            first[place] = len(out)
            out.append((cand, key))
        elif _printed(out[first[place]][1]) and not _printed(key):
            out[first[place]] = (cand, key)  # the article's own page rather than its print view
    return out


def _article_id(key: str) -> str | None:
    """What names an article in its address: its file name's digits (a print view's word left
    out), else the numbers of its query; None when it has neither."""
    parts = urlsplit(key)
    name = parts.path.rpartition("/")[2]
    stem = _PRINT.sub("", name.rpartition(".")[0] or name)
    if re.search(r"\d{3}", stem):
        return "file:" + stem.strip("_-.") + "?" + parts.query
    numbers = re.findall(r"=(\d+)(?:&|$)", parts.query)
    return "query:" + ",".join(numbers) if numbers else None


def _printed(key: str) -> bool:
    parts = urlsplit(key)
    return bool(_PRINT.search(f"{parts.path}?{parts.query}"))


def _params(query: str) -> dict[str, str] | None:
    """A query's parameters by name; None when a name comes twice (no simple comparison)."""
    pairs = parse_qsl(query, keep_blank_values=True)
    found = dict(pairs)
    return found if len(found) == len(pairs) else None


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())
