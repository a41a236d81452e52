"""Literal terms as one regex, and how to scan it faster when a text lacks a script.

In: normalised terms (names, words, contexts). Out: the terms' compiled alternation (one
pattern: at a position the longest term wins) and, for a text, the same spans as
`pattern.finditer` gives (`spans`). Never does I/O.

Why: a group's terms are Chinese words and English ones, and one alternation of both is tried
at every candidate character of either script: an English article pays for the Chinese names
at every letter (its scans ran 1.9x slower with them). Terms are cut into parts no character
of which can be in a match of another part (a Han name holds no Latin letter, digit, space,
hyphen or apostrophe; an English word none of the Han names' characters): no match of one
part can then overlap or hide a match of another, so the pattern's non-overlapping leftmost
matches are the parts' matches together. A part whose terms all start with a script the text
has no character of (`absent`) has no match: the pattern without it gives the same spans.

Faster still, where a topic's patterns are known together (`Literals`, made by the engine per
topic): one Aho-Corasick pass over the text finds where any term's first piece occurs, for every
pattern at once (~20 ns a character for ~1,200 pieces), and each pattern is tried only there:
a regex scan costs 10-30 ns a character for each of the ~15 patterns an article asks for.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections import defaultdict
from collections.abc import Iterable

import ahocorasick_rs

from ..textnorm import normalize

_LATIN = re.compile(r"[a-z0-9]")
_SEPARATORS = " -‐‑–—"
# An apostrophe as pages write it: straight, curly either way (an opening ‘ where a closing ’ was meant), a
# backtick, a modifier letter or a prime; an acute accent (´, Yong´an, typed for one) reads as a space and a
# combining acute after normalisation.
_APOSTROPHES = "'’‘`ʼʹ′\u0301"
_APOSTROPHE = "(?:['’‘`ʼʹ′]| \u0301)?"
HAN_CLASS = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f"


@functools.lru_cache(maxsize=16384)
def _normal(term: str) -> str:
    """`normalize(term)`, kept: compiling a topic asks for each term's normal form three times
    (its regex, its group, its part) and `Literals` a fourth (~2,000 terms, 40-60 µs each)."""
    return normalize(term)


def term_regex(term: str) -> str:
    """A literal term as a regex over normalised text; a Latin end must end a word.

    A Latin start must start a word too, but that is checked after the scan (`word_start`):
    a look-behind in front of every alternative would make the scan ten times slower.
    """
    norm = _normal(term)
    parts = [re.escape(p) for p in re.split(r"[ \-‐‑–—]+", norm)]
    body = r"[ \-‐‑–—]*".join(parts)  # "shanghai-sanming" also matches "shanghai–sanming"
    body = body.replace("'", _APOSTROPHE)  # "yong'an" also matches "yong’an", "yong‘an" and "yongan"
    return body + (r"(?![a-z0-9])" if _LATIN.match(norm[-1:]) else "")


def _alternation(terms: list[str]) -> str:
    """The alternation of `terms`, grouped by first character (see `terms_pattern`)."""
    by_first: dict[str, set[str]] = {}
    alts = []
    for term in terms:
        norm, regex = _normal(term), term_regex(term)
        head = re.escape(norm[:1])
        if norm and regex.startswith(head):
            by_first.setdefault(head, set()).add(regex[len(head) :])
        elif norm:
            alts.append(regex)
    for head, rests in sorted(by_first.items()):
        ordered = sorted(rests, key=lambda r: (-len(r), r))  # ties by text: one pattern in every process
        alts.append(head + (ordered[0] if len(ordered) == 1 else "(?:" + "|".join(ordered) + ")"))
    return "|".join(alts) or "(?!)"


# The scripts a part's terms may all start with, each a bit of `absent` (Han: a Chinese name;
# letter: an English word). A text without one has no match of a part that starts with it.
_CLASSES = {"han": re.compile(f"[{HAN_CLASS}]"), "letter": re.compile("[a-z]")}
_BITS = {"han": 1, "letter": 2}


# id(pattern) → (pattern, its parts, its variant per `absent` mask once made: the pattern
# without the parts that start with a script the text lacks, None when no part is left). Kept
# beside the compiled topic rather than in it: the topic's fields make its rules hash.
_Parts = list[tuple[str | None, list[str]]]
_VARIANTS: dict[int, tuple[re.Pattern[str], _Parts, dict[int, re.Pattern[str] | None]]] = {}


def terms_pattern(terms: list[str]) -> re.Pattern[str]:
    """One regex for literal terms; at a position the longest term wins.

    Alternatives are grouped by their first character (`上(?:海三明商会|海)|沪(?:企|商)`):
    `re` then tries one branch per candidate position, not every term; measured 25% faster
    than a flat alternation. (A full prefix trie was twice as slow: nested optional groups.)
    """
    pattern = re.compile(_alternation(terms))
    if id(pattern) not in _VARIANTS or _VARIANTS[id(pattern)][0] is not pattern:
        parts = _parts(terms)
        if parts is not None:
            _VARIANTS[id(pattern)] = (pattern, parts, {})
    if id(pattern) not in _TERMS or _TERMS[id(pattern)][0] is not pattern:
        _TERMS[id(pattern)] = (pattern, list(terms))
    return pattern


# id(pattern) → (pattern, the terms it was made of), for `Literals`.
_TERMS: dict[int, tuple[re.Pattern[str], list[str]]] = {}
# What ends a term's literal first piece in its regex (`term_regex`): a separator may be left
# out or changed there, an apostrophe left out.
_PIECE_END = re.compile(f"[{re.escape(_SEPARATORS + _APOSTROPHES)}]")


class Literals:
    """Where each of several terms patterns can start a match in a text, for all of them in one
    pass of an Aho-Corasick automaton (`starts`), instead of a regex scan of the text each.

    Every match of a term's regex starts with the term's first piece (its normal form up to a
    separator or an apostrophe, which the regex lets vary), so the places where a pattern's
    pieces occur hold every place where it can match. `spans` tries the pattern there only, in
    text order, going on after each match's end: what `finditer` does, minus the places where
    nothing can match, so the spans are the same. A pattern with a term whose piece is empty is
    left to its regex scan (not in `ids`).
    """

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        keys: dict[str, set[int]] = {}
        self.ids: set[int] = set()
        for pattern in patterns:
            pieces = _pattern_pieces(pattern)
            if pieces is None or "" in pieces or not pieces:
                continue
            kept: list[str] = []  # a piece that starts with another of the pattern's adds no place
            for piece in sorted(pieces):
                if not kept or not piece.startswith(kept[-1]):
                    kept.append(piece)
            for piece in kept:
                keys.setdefault(piece, set()).add(id(pattern))
            self.ids.add(id(pattern))
        ordered = sorted(keys)  # one order in every process
        self.owners = [tuple(sorted(keys[piece])) for piece in ordered]
        self.automaton = ahocorasick_rs.AhoCorasick(ordered) if ordered else None

    def starts(self, text: str) -> dict[int, list[int]]:
        """id(pattern) → the ascending places in `text` where one of its pieces occurs."""
        out: defaultdict[int, list[int]] = defaultdict(list)
        if self.automaton is None:
            return out
        owners = self.owners
        for key, start, _ in self.automaton.find_matches_as_indexes(text, overlapping=True):
            for i in owners[key]:
                out[i].append(start)
        for got in out.values():
            got.sort()  # found in the order their pieces end: a piece inside a longer one ends first
        return out


def _pattern_pieces(pattern: re.Pattern[str]) -> set[str] | None:
    """Strings one of which every match of `pattern` starts with: a terms pattern's first
    pieces, or for a regex pattern (`regex_pattern`) those read from each item's parsed regex;
    None when some item's are unknown, it is anchored or it could match empty."""
    entry = _TERMS.get(id(pattern))
    if entry is not None and entry[0] is pattern:
        return {_PIECE_END.split(norm, 1)[0] for term in entry[1] if (norm := _normal(term))}
    regex = _REGEXES.get(id(pattern))
    if regex is None or regex[0] is not pattern:
        return None
    pieces: set[str] = set()
    for source, _ in regex[1]:
        found = _regex_pieces(source) if _never_empty(source) else None
        if found is None:
            return None
        pieces |= found
    return pieces


def _regex_pieces(source: str) -> set[str] | None:
    """Literal strings one of which every match of the regex `source` starts with (read from
    the parsed regex: a run of literal characters, a small class of them, a branch, a group, a
    repeat of at least one); None when unknown, anchored at the start or case-folded."""
    try:
        c, parser = importlib.import_module("re._constants"), importlib.import_module("re._parser")
        tree = parser.parse(source)
        if tree.state.flags & (re.IGNORECASE | re.VERBOSE | re.MULTILINE):
            return None
        return _pieces_of(list(tree.data), c, [200])
    except Exception:
        return None


def _pieces_of(seq: list, c: object, budget: list[int]) -> set[str] | None:
    """`_regex_pieces` over a parsed sequence."""
    budget[0] -= 1
    if budget[0] < 0:
        return None
    prefix = ""
    for i, (op, av) in enumerate(seq):
        if op is c.LITERAL:  # type: ignore[attr-defined]
            prefix += chr(av)
            continue
        if prefix:
            return {prefix}  # what follows only lengthens the match
        rest = seq[i + 1 :]
        if op is c.IN:  # type: ignore[attr-defined]
            if len(av) > 8 or any(o is not c.LITERAL for o, _ in av):  # type: ignore[attr-defined]
                return None
            return {chr(a) for _, a in av}
        if op is c.BRANCH:  # type: ignore[attr-defined]
            out: set[str] = set()
            for alt in av[1]:
                if (got := _pieces_of(list(alt.data) + rest, c, budget)) is None:
                    return None
                out |= got
            return out
        if op is c.SUBPATTERN:  # type: ignore[attr-defined]
            if av[1] or av[2]:
                return None  # flags changed inside
            return _pieces_of(list(av[3].data) + rest, c, budget)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:  # type: ignore[attr-defined]
            return _pieces_of(list(av[2].data), c, budget)
        if op in (c.ASSERT, c.ASSERT_NOT):  # type: ignore[attr-defined]
            continue  # zero width: the next item starts the match
        return None  # `^` and anything else: unknown
    return {prefix} if prefix else None


class Found:
    """The places `Literals.starts` gave for one text, and which patterns they cover."""

    __slots__ = ("ids", "starts")

    def __init__(self, literals: Literals, text: str) -> None:
        self.ids, self.starts = literals.ids, literals.starts(text)


def _variant(pattern: re.Pattern[str], parts: _Parts, mask: int) -> re.Pattern[str] | None:
    """`pattern` without the parts that start with a script of `mask` (the text has none)."""
    kept = [terms for first, terms in parts if first is None or not _BITS[first] & mask]
    if len(kept) == len(parts):
        return pattern
    return re.compile(_alternation([t for terms in kept for t in terms])) if kept else None


def _reach(norm: str) -> set[str]:
    """The characters a match of the term's regex can hold (`term_regex`: any separator
    where the term has one, either apostrophe where it has one)."""
    chars = set(norm)
    if chars & set(_SEPARATORS):
        chars |= set(_SEPARATORS)
    if chars & set(_APOSTROPHES):
        chars |= set(_APOSTROPHES)
    return chars


def _parts(terms: list[str]) -> _Parts | None:
    """`terms` cut where no character joins them, then put together by the class of
    character they start with; None when that leaves one part (or a term could match empty)."""
    pairs = [(t, n) for t in terms if (n := _normal(t))]
    if not pairs or any(not (set(n) - set(_SEPARATORS + _APOSTROPHES)) for _, n in pairs):
        return None
    owner: dict[str, int] = {}  # character → a term holding it; terms joined through characters
    root = list(range(len(pairs)))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for i, (_, n) in enumerate(pairs):
        for c in _reach(n):
            if c in owner:
                root[find(i)] = find(owner[c])
            else:
                owner[c] = i
    components: dict[int, list[int]] = {}
    for i in range(len(pairs)):
        components.setdefault(find(i), []).append(i)
    by_class: dict[str | None, list[int]] = {}
    for members in components.values():
        classes = {next((k for k, r in _CLASSES.items() if r.match(pairs[i][1])), None) for i in members}
        by_class.setdefault(classes.pop() if len(classes) == 1 else None, []).extend(members)
    if len(by_class) == 1 and None in by_class:
        return None
    return [(first, [pairs[i][0] for i in sorted(members)]) for first, members in by_class.items()]


# id(regex) → (regex, its items with the `_BITS` bit of the script every match of each starts
# with (0 if none is sure), its scan per `absent` mask once made).
_REGEXES: dict[int, tuple[re.Pattern[str], list[tuple[str, int]], dict[int, _Scan | None]]] = {}


def regex_pattern(items: list[str]) -> re.Pattern[str]:
    """The alternation of the regexes `items`, compiled, noting the script all matches of
    each start with, if one: over a text without a character of it, the item can never match
    and is left out of the scan (`regex_spans`)."""
    pattern = re.compile("|".join(f"(?:{r})" for r in items))
    if id(pattern) not in _REGEXES or _REGEXES[id(pattern)][0] is not pattern:
        _REGEXES[id(pattern)] = (pattern, [(r, _first_script(r)) for r in items], {})
    return pattern


class _Scan:
    """The leftmost-first matches of an alternation of regexes, found item by item.

    `re` finds a literal or a class of first characters fast only when the whole pattern
    starts with one; an alternation of items that each do (与|和… , with|and …) or that are
    anchored at the text's start (^…) has no such prefix, so `re` tries every item at every
    position (other-place: ~3x the cost of scanning each item on its own). Scanning each item
    with `search` and always taking the leftmost match, the earlier item on a tie, then going on
    from its end, is what `finditer` over the alternation does, so the spans are the same.
    That needs items that cannot match empty (an empty match changes where `finditer` goes on);
    otherwise, and for one item, the alternation is scanned as it is (`split` is None)."""

    def __init__(self, items: list[str]) -> None:
        self.pattern = re.compile("|".join(f"(?:{r})" for r in items))
        self.split = [re.compile(r) for r in items] if len(items) > 1 and all(map(_never_empty, items)) else None

    def spans(self, text: str, stop: int) -> list[tuple[int, int]]:
        if self.split is None:
            return [m.span() for m in self.pattern.finditer(text, 0, stop) if m.end() > m.start()]
        ahead = [p.search(text, 0, stop) for p in self.split]  # each item's next match
        out: list[tuple[int, int]] = []
        while True:
            best = None
            for m in ahead:  # the leftmost; on a tie the earlier item, as the alternation tries it
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
            if best is None:
                return out
            end = best.end()
            out.append((best.start(), end))
            for i, m in enumerate(ahead):  # an item's match that starts before `end` is passed over
                if m is not None and m.start() < end:
                    ahead[i] = self.split[i].search(text, end, stop)


def _never_empty(source: str) -> bool:
    """True when no match of the regex `source` can be empty (read from the parsed regex;
    anything unusual answers False)."""
    try:
        return importlib.import_module("re._parser").parse(source).getwidth()[0] > 0
    except Exception:
        return False


def regex_spans(pattern: re.Pattern[str], text: str, stop: int, lacks: int,
                found: Found | None = None) -> list[tuple[int, int]]:
    """The non-empty spans of `[m.span() for m in pattern.finditer(text, 0, stop)]`, for a
    text that `lacks` the scripts of that mask (`absent`); with `found`, a pattern it covers
    is tried only where it can match (its items cannot match empty: see `Literals`)."""
    if found is not None and id(pattern) in found.ids:
        return _tried_at(pattern, text, stop, stop - 1, found.starts.get(id(pattern), ()))
    entry = _REGEXES.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        return [m.span() for m in pattern.finditer(text, 0, stop) if m.end() > m.start()]
    scans = entry[2]
    if lacks not in scans:
        kept = [r for r, bit in entry[1] if not bit & lacks]
        scans[lacks] = _Scan(kept) if kept else None
    scan = scans[lacks]
    return [] if scan is None else scan.spans(text, stop)


def _tried_at(pattern: re.Pattern[str], text: str, stop: int, limit: int,
              places: Iterable[int]) -> list[tuple[int, int]]:
    """`pattern`'s matches tried at `places` (ascending) up to `limit`, each going on after the
    last match's end, as `finditer` goes (its matches are never empty)."""
    out: list[tuple[int, int]] = []
    end = 0
    match = pattern.match
    for at in places:
        if at < end:
            continue
        if at > limit:
            break
        if (m := match(text, at, stop)) is not None:
            end = m.end()
            out.append((at, end))
    return out


def _first_script(source: str) -> int:
    """The `_BITS` bit of the script every match of `source` starts with, 0 if none is sure
    (read from the parsed regex; anything unusual in it answers 0)."""
    try:
        # the parse tree is not public: if it changes, an error here only means no shortcut
        c, parser = importlib.import_module("re._constants"), importlib.import_module("re._parser")
        tree = parser.parse(source)
        if tree.state.flags & (re.IGNORECASE | re.VERBOSE):
            return 0
        scripts = _firsts(list(tree.data), c, [200])
    except Exception:
        return 0
    if scripts is None or len(scripts) != 1:
        return 0
    return _BITS.get(scripts.pop() or "", 0)


_RANGES = {"han": ((0x3400, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F)), "letter": ((0x61, 0x7A),)}  # as _CLASSES


def _script(lo: int, hi: int | None = None) -> str | None:
    """The script all of code points lo..hi are of, if one."""
    hi = lo if hi is None else hi
    return next((name for name, ranges in _RANGES.items() if any(a <= lo and hi <= b for a, b in ranges)), None)


def _firsts(seq: list, c: object, budget: list[int]) -> set[str | None] | None:
    """The scripts (`_CLASSES` names, None for others) a match of `seq` can start with; None
    when unknown or when `seq` can match nothing at all (no first character)."""
    budget[0] -= 1
    if budget[0] < 0:
        return None
    for i, (op, av) in enumerate(seq):
        rest = seq[i + 1 :]
        if op is c.LITERAL:  # type: ignore[attr-defined]
            return {_script(av)}
        if op is c.IN:  # type: ignore[attr-defined]
            found: set[str | None] = set()
            for o, a in av:
                if o is c.LITERAL:  # type: ignore[attr-defined]
                    found.add(_script(a))
                elif o is c.RANGE:  # type: ignore[attr-defined]
                    found.add(_script(*a))
                else:
                    return None
            return found
        if op is c.BRANCH:  # type: ignore[attr-defined]
            out: set[str | None] = set()
            for alt in av[1]:
                if (f := _firsts(list(alt.data) + rest, c, budget)) is None:
                    return None
                out |= f
            return out
        if op is c.SUBPATTERN or op is c.ATOMIC_GROUP:  # type: ignore[attr-defined]
            inner = av if op is c.ATOMIC_GROUP else av[3]  # type: ignore[attr-defined]
            if op is c.SUBPATTERN and (av[1] or av[2]):  # type: ignore[attr-defined]
                return None  # flags changed inside
            return _firsts(list(inner.data) + rest, c, budget)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):  # type: ignore[attr-defined]
            first = _firsts(list(av[2].data) + rest, c, budget)
            if av[0] >= 1 or first is None:
                return first
            after = _firsts(rest, c, budget)
            return None if after is None else first | after
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):  # type: ignore[attr-defined]
            continue  # zero width: the next item starts the match
        return None
    return None


def absent(text: str) -> int:
    """The scripts (`_BITS`) of which `text` has no character: a Chinese text is told by its
    first character, a text without Latin letters by one pass of a character class."""
    return sum(bit for name, bit in _BITS.items() if not _CLASSES[name].search(text))


def spans(pattern: re.Pattern[str], text: str, stop: int, lacks: int,
          last: int | None = None, found: Found | None = None) -> list[tuple[int, int]]:
    """`[m.span() for m in pattern.finditer(text, 0, stop)]` for a text that `lacks` the
    scripts of that mask (`absent`); with `last`, only the spans starting at or before it.
    With `found` (the text's `Found`), a pattern it covers is tried only where it can match."""
    if found is not None and id(pattern) in found.ids:
        limit = stop - 1 if last is None else min(last, stop - 1)
        return _tried_at(pattern, text, stop, limit, found.starts.get(id(pattern), ()))
    if lacks:
        entry = _VARIANTS.get(id(pattern))
        if entry is not None and entry[0] is pattern:
            variants = entry[2]
            if lacks not in variants:
                variants[lacks] = _variant(pattern, entry[1], lacks)
            if (variant := variants[lacks]) is None:
                return []
            pattern = variant
    if last is None:
        return [m.span() for m in pattern.finditer(text, 0, stop)]
    out = []
    for m in pattern.finditer(text, 0, stop):
        if m.start() > last:
            break
        out.append(m.span())
    return out
