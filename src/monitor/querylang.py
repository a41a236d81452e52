"""The search query language, one parser for the CLI and the web page.

In: a query string: words (all must appear), `"exact phrase"`, `OR`, parentheses, `-exclude`
(or `NOT`), `title:` scope. Out: a tree of `Term`/`All`/`Any`/`Not` nodes that can
- compile itself to an FTS5 MATCH expression over textnorm's bigram index (`plan`), and
- say exactly whether a normalised title and body satisfy it (`Query.accepts`), which is what
  search verifies against wherever FTS5 cannot express the query exactly.
An invalid query raises `QueryError` with one line that says where it is wrong. Pure.

What "contains" means (the definition the exactness test holds search to): the normalised
query term is a substring of the normalised title or body, and where the term starts or ends
with a letter or digit (an English word, a number), that end falls on a word boundary: `art`
does not find `article`; 三明 finds 三明市. Simplified, traditional and pinyin-annotated
text are one after normalisation, so 滬明 and 沪明 find the same articles.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from . import ftstokens, snippets, textnorm
from .errors import InputError

_QUOTES = {'"': '"', "\u201c": "\u201d"}
_STOP = set('()"\u201c')


class QueryError(InputError):
    """A query that cannot be parsed: the message names the place."""


# The nodes and the query are tuples (NamedTuple), not frozen dataclasses: making the five
# dataclasses ran ~30 generated functions through the compiler, ~3 ms of every search's start.
# Equal only to a node of their own kind (a tuple compares equal to any tuple of equal items).
def _eq(self: tuple, other: object) -> bool:
    return type(self) is type(other) and tuple.__eq__(self, other)


def _ne(self: tuple, other: object) -> bool:
    return not _eq(self, other)


def _hash(self: tuple) -> int:
    return hash((type(self).__name__, *self))


class Term(NamedTuple):
    """One word or quoted phrase; `norm` is its normal form; `title_only` for `title:`."""

    text: str
    norm: str
    title_only: bool = False

    def found_in(self, title: str, body: str) -> bool:
        """True when the normalised title (or body, unless title-only) contains the term (as
        `Query.accepts` prepares them)."""
        needle = _needle(self.norm)
        return _contains(title, needle) or (not self.title_only and _contains(body, needle))

    @property
    def exact_in_fts(self) -> bool:
        """True when the FTS5 expression matches exactly the documents that contain the term. A
        number is not: the index's words end at `.` and `,`, so its `5` (or `3`) is also 3.5's."""
        return ftstokens.term_exact(self.norm) and not self.norm[:1].isdigit() and not self.norm[-1:].isdigit()

    @property
    def single_char(self) -> bool:
        """A one-character CJK term: FTS5 answers it with a (costly) prefix query."""
        return len(self.norm) == 1 and textnorm.is_cjk_run(self.norm)


class AllOf(NamedTuple):
    """Every part must hold."""

    parts: tuple[Node, ...]


class AnyOf(NamedTuple):
    """At least one part must hold."""

    parts: tuple[Node, ...]


class Not(NamedTuple):
    """The part must not hold."""

    part: Node


Node = Term | AllOf | AnyOf | Not
EVERYTHING = object()  # an FTS5 expression for "no restriction": not expressible, so a marker


def _word_char(char: str) -> bool:
    """A letter or digit outside CJK: what `[^\\W_{CJK_CHARS}]` matches (`re`'s `\\w` is
    `str.isalnum` plus `_`), told without compiling that class over the CJK blocks (3-7 ms of
    a search whose candidates are checked)."""
    return char.isalnum() and not textnorm.is_cjk_run(char)


def _contains(text: str, needle: str) -> bool:
    """`needle` in `text`, with word boundaries where the needle starts/ends with a word char.
    A number does not start after a digit and a decimal point or a thousands comma: `5亿` is not
    in `3.5亿`, nor `5` in `3.5`, nor `200户` in `1,200户` (but `2026` is in `2026.12.01`); nor end
    before a decimal part or a thousands group: `3` is not in `3.5`, nor `1` in `1,500`
    (`snippets.number_goes_on`)."""
    start = text.find(needle)
    if start < 0:  # most terms of a long OR in most candidates: their ends never looked at
        return False
    word = _word_char
    left, right, number, number_end = _ends(needle)
    while start >= 0:
        end = start + len(needle)
        if (not left or start == 0 or not word(text[start - 1])) and \
                (not right or end == len(text) or not word(text[end])) and \
                not (number and snippets.in_number(text, start)) and \
                not (number_end and snippets.number_goes_on(text, end)):
            return True
        start = text.find(needle, start + 1)
    return False


@functools.lru_cache(maxsize=256)
def _ends(needle: str) -> tuple[bool, bool, bool, bool]:
    """Whether `needle` starts, ends with a word character; starts, ends with a digit: once per
    term, not per candidate (an OR of 60 words told each end's kind ~5,000 times a page)."""
    return _word_char(needle[0]), _word_char(needle[-1]), needle[0].isdigit(), needle[-1].isdigit()


@functools.lru_cache(maxsize=256)
def _needle(norm: str) -> str:
    """What a term's normal form is looked for as (`Term.found_in`): once per term, not per article."""
    return _joined(norm, _mixed(norm))


def _cjk_joined(text: str) -> str:
    """`text` without the spaces between two CJK characters: no word break in Chinese text, where
    a title typeset `对口 合作` says 对口合作 (a phrase typed either way finds both)."""
    return _joined(text, False)


def _joined(text: str, latin: bool) -> str:
    """`_cjk_joined`, and with `latin` also without a space between a letter or digit and a CJK
    character: Chinese typesetting puts one there or not (`AI 产业`, `AI产业`; `iPhone 17 发布`),
    so a term written either way finds both."""
    if " " not in text:
        return text
    pieces = text.split(" ")
    out = [pieces[0]]
    for piece in pieces[1:]:
        a, b = out[-1][-1:], piece[:1]
        if a and b and (_cjk_pair(a, b) or (latin and _script_change(a, b))):
            out[-1] += piece
        else:
            out.append(piece)
    return " ".join(out)


def _cjk_pair(a: str, b: str) -> bool:
    return textnorm.is_cjk_run(a) and textnorm.is_cjk_run(b)


def _script_change(a: str, b: str) -> bool:
    """A letter or digit (outside CJK) and a CJK character, in either order."""
    cjk = textnorm.is_cjk_run
    return (cjk(a) and _word_char(b)) or (_word_char(a) and cjk(b))


def _mixed(norm: str) -> bool:
    """Whether a term has a letter or digit beside a CJK character (or a space between them)."""
    return any(_script_change(a, b) for a, b in itertools.pairwise(norm.replace(" ", "")))


@functools.lru_cache(maxsize=64)
def _text_steps(query: Query) -> tuple[bool, bool, bool]:
    """What the text needs before a query's terms are looked for in it: its apostrophes and
    dashes made one (a term holds one), its spaces between CJK characters dropped (a phrase did),
    and those between a letter or digit and a CJK character (a term has the two side by side)."""
    norms = [t.norm for t in _all_terms(query.root)]
    return (any(snippets.MARKS.intersection(n) for n in norms),
            any(_cjk_joined(n) != n for n in norms), any(_mixed(n) for n in norms))


class Query(NamedTuple):
    """A parsed query: its tree (None for the empty query) and the text it came from."""

    text: str
    root: Node | None

    def accepts(self, title_norm: str, body_norm: str) -> bool:
        """Whether an article with this normalised title and body satisfies the query."""
        if self.root is None:
            return True
        marks, spaces, mixed = _text_steps(self)
        if marks:
            title_norm, body_norm = snippets.same_marks(title_norm), snippets.same_marks(body_norm)
        if spaces or mixed:
            title_norm, body_norm = _joined(title_norm, mixed), _joined(body_norm, mixed)
        return _eval(self.root, title_norm, body_norm)

    def literal_test(self) -> Callable[[str, str], bool] | None:
        """A cheap sufficient test over the original title and body, for a query of terms
        that must all appear, must not, or of which one must (OR), each a run of Han characters
        that normalising leaves as they are. A term found verbatim in the original is in the
        normal form too (normalising maps those characters to themselves and never inserts
        between characters); an excluded term is not when one of its characters is absent and
        so is every character that normalises into it (`snippets.preimages`: normalising
        creates a Han character only from those). Of an OR, the alternatives so testable (an
        OR of 60 words, two of them several tokens long: each candidate was normalised). None
        when the query is of another shape; a False answer means "normalise and ask `accepts`"."""
        return _surely(self.root) if self.root is not None else None

    def surely_out(self) -> tuple[tuple[str, bool], ...]:
        """(text, title only) of the query's exclusions (`-X` beside its other parts) that an
        article holding the text verbatim in its original title (or body, unless title only)
        surely does not satisfy: a run of Han characters that normalising leaves as they are,
        which is then in the normal form too (as `literal_test` has it)."""
        parts = self.root.parts if isinstance(self.root, AllOf) else (self.root,) if self.root is not None else ()
        return tuple((p.part.norm, p.part.title_only) for p in parts
                     if isinstance(p, Not) and isinstance(p.part, Term) and _literal(p.part.norm))

    def reject_test(self) -> Callable[[str, str], bool] | None:
        """A cheap test over the original title and body, True only where the query cannot accept
        them, for a query with a required term of Han characters (`textnorm.MAIN_HAN`; spaces
        between them allowed: a phrase typed `"上海 三明"`). Normalising (what `accepts` needs)
        never drops such a character nor makes one from anything but its preimages
        (`snippets.preimages`), so the term's characters follow one another in the normal form
        only where, in the original, a preimage of each follows one of the one before with no
        such character between, nor punctuation it keeps (`_kept_punctuation`: what lies between
        may be dropped, be a space, be pinyin);
        a character the table expands into Han characters (`textnorm.han_expanders`) makes
        the test say nothing. A regular expression over the text instead of normalising it:
        a spaced phrase of two common words (its FTS5 expression each side alone) checked
        ~1,000 candidates for a page. None when the query has no such term."""
        parts = self.root.parts if isinstance(self.root, AllOf) else (self.root,) if self.root is not None else ()
        needles = [(_cjk_joined(p.norm), p.norm, p.title_only) for p in parts if isinstance(p, Term)]
        needles = [(n, norm, only) for n, norm, only in needles if n and all(_main_han(c) for c in n)]
        if not needles:
            return None
        # where the phrase was typed with a space, the cheaper test first (`_han_gaps`)
        tests = [(f, only) for n, norm, only in needles for f in (_han_gaps(norm, n), _han_sequence(n)) if f is not None]

        def test(title: str, body: str) -> bool:
            return any(not (found(title) or (not only and found(body))) for found, only in tests)
        return test

    def terms(self) -> list[str]:
        """The positive terms as typed (for snippets and highlighting), each once."""
        out: list[str] = []
        _positive_terms(self.root, out, negated=False)
        return list(dict.fromkeys(out))

    def required_chars(self) -> tuple[tuple[tuple[str, ...], bool], ...]:
        """For each one-character term every match must contain: the characters that
        normalise to it (a cheap `instr` filter before the exact check), and title-only."""
        return tuple((snippets.preimages(p.norm), p.title_only) for p in self._required_single())

    def instr_exact(self) -> bool:
        """Whether FTS5 without prefix queries plus `required_chars` as `instr` filters is
        exact: every one-character term is a required Han character. Normalising never
        makes or drops a Han character except by the table, so the characters that
        normalise to it are exactly what to look for in the original text."""
        singles = self._required_single()
        if not plan(self).exact or not all(textnorm.is_han(t.norm) for t in singles):
            return False
        return sum(1 for t in _all_terms(self.root) if t.single_char) == len(singles)

    def _required_single(self) -> list[Term]:
        parts = self.root.parts if isinstance(self.root, AllOf) else (self.root,)
        return [p for p in parts if isinstance(p, Term) and p.single_char]

    def in_title(self) -> Query:
        """The positive part with every term scoped to the title (relevance: title hits first)."""
        return Query(self.text, _title_scoped(self.root) if self.root is not None else None)


for _kind in (Term, AllOf, AnyOf, Not, Query):
    _kind.__eq__, _kind.__ne__, _kind.__hash__ = _eq, _ne, _hash  # type: ignore[assignment,method-assign]


def _eval(node: Node, title: str, body: str) -> bool:
    if isinstance(node, Term):
        return node.found_in(title, body)
    if isinstance(node, AllOf):
        return all(_eval(p, title, body) for p in node.parts)
    if isinstance(node, AnyOf):
        return any(_eval(p, title, body) for p in node.parts)
    return not _eval(node.part, title, body)


def _all_terms(node: Node | None) -> list[Term]:
    if node is None:
        return []
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return _all_terms(node.part)
    return [t for p in node.parts for t in _all_terms(p)]


def _positive_terms(node: Node | None, out: list[str], negated: bool) -> None:
    if node is None:
        return
    if isinstance(node, Term):
        if not negated:
            out.append(node.text)
    elif isinstance(node, Not):
        _positive_terms(node.part, out, not negated)
    else:
        for p in node.parts:
            _positive_terms(p, out, negated)


def _title_scoped(node: Node) -> Node | None:
    if isinstance(node, Term):
        return node._replace(title_only=True)
    if isinstance(node, Not):
        return None
    parts = tuple(p for p in (_title_scoped(p) for p in node.parts) if p is not None)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else type(node)(parts)


# --- parsing ---------------------------------------------------------------------------------


class _Token(NamedTuple):  # a tuple: ~0.1 ms to create where a frozen dataclass costs ~0.5 (every search)
    kind: str  # word | phrase | lparen | rparen | or | not | and
    text: str
    pos: int  # 1-based character position, for error messages
    title: bool = False  # preceded by `title:`


# Brackets and NOTs inside one another: far more than a person writes, and the parser and every
# walk of the tree recurse once a level (Python's own limit is ~1,000).
MAX_DEPTH = 32
MAX_WORDS = 256  # words and phrases: each is a look-up in the index (3,000 OR'd cost ~0.5 s)
_SHOWN = 60  # characters of a query an error line repeats


def _shown(query: str) -> str:
    """The query as an error line repeats it: whole when short, else its start and end."""
    return repr(query if len(query) <= _SHOWN else f"{query[:_SHOWN - 20]} … {query[-15:]}")


def _fail(query: str, what: str, pos: int, hint: str) -> QueryError:
    return QueryError(f"query {_shown(query)}: {what} at character {pos}", hint=hint)


# A Chinese input method types the operators full-width: －exclude, （groups）, title：, ＯＲ,
# ＂phrase＂. They are read as the ASCII ones (a view of the query, one character for one;
# the words keep their text). Full-width parentheses that do not pair (a pasted title's
# `沪明（三明`) stay text, as before.
_WIDE = {0xFF01 + i: 0x21 + i for i in range(94)}
_WIDE_TEXT_PARENS = {k: v for k, v in _WIDE.items() if k not in (0xFF08, 0xFF09)}


def _paired(view: str) -> bool:
    depth = 0
    for ch in view:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return False
    return depth == 0


def _operators_view(query: str) -> str:
    view = query.translate(_WIDE)
    if ("\uff08" in query or "\uff09" in query) and not _paired(view):
        view = query.translate(_WIDE_TEXT_PARENS)
    if "(" in view:
        view = _annotated_re().sub(_as_text, view)
    return view


# Pinyin after a Han character, `沪(hù)明` as pasted from an annotated article, is part of the
# word (normalisation drops it, as from the text), not a group: it was a required word `hù`.
_annotated_re = functools.cache(lambda: re.compile(
    f"(?<=[{textnorm.HAN_CHARS}])[(\uff08]([^()\uff08\uff09\\s]{{1,40}})[)\uff09]"))


def _as_text(m: re.Match[str]) -> str:
    return f"_{m.group(1)}_" if textnorm.is_pinyin(m.group(1)) else m.group()


def _unannotated(word: str) -> str:
    return _annotated_re().sub(lambda m: "" if textnorm.is_pinyin(m.group(1)) else m.group(), word)


def _scope(query: str, i: int) -> int:
    """The length of a title scope at `i`: `title:`, or `intitle:` as Baidu and Google write it
    (a press office's habit; without it `intitle:三明` asked for the word "intitle"); else 0."""
    head = query[i:i + 8].lower()
    return 6 if head.startswith("title:") else 8 if head == "intitle:" else 0


def _tokens(query: str) -> list[_Token]:
    out: list[_Token] = []
    i, n = 0, len(query)
    text, query = query, _operators_view(query)  # operators read from the view, words from the text
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
            continue
        start, title = i, False
        if ch == "-" and i + 1 < n and not query[i + 1].isspace():
            out.append(_Token("not", "-", i + 1))
            i += 1
            start = i
            ch = query[i]
        if (scope := _scope(query, i)):
            if i + scope == n or query[i + scope].isspace():
                raise _fail(text, "title: needs a word, a phrase or (...)", start + 1, "e.g. title:沪明")
            title, i = True, i + scope
            ch = query[i]
        if ch in "()":
            if title and ch == ")":
                raise _fail(text, "title: needs a word, a phrase or (...)", start + 1, "e.g. title:沪明")
            out.append(_Token("lparen" if ch == "(" else "rparen", ch, i + 1, title))
            i += 1
        elif ch in _QUOTES:
            close = query.find(_QUOTES[ch], i + 1)
            if close < 0:
                raise _fail(text, "unclosed quote", i + 1, "close the quote or drop it")
            out.append(_Token("phrase", text[i + 1:close], start + 1, title))
            i = close + 1
        else:
            j = i
            while j < n and not query[j].isspace() and query[j] not in _STOP:
                j += 1
            word = text[i:j]
            kind = {"OR": "or", "AND": "and", "NOT": "not"}.get(query[i:j], "word") if not title else "word"
            out.append(_Token(kind, word, start + 1, title))
            i = j
    return out


class _Parser:
    """Recursive descent: or := and (OR and)*; and := unary+; unary := -unary | primary."""

    def __init__(self, query: str) -> None:
        self.query = query
        self.toks = _tokens(query)
        self.i = 0
        words = [t for t in self.toks if t.kind in ("word", "phrase")]
        if len(words) > MAX_WORDS:
            raise _fail(query, f"more than {MAX_WORDS} words and phrases", words[MAX_WORDS].pos,
                        "search for fewer words at a time")
        self.depth = 0  # brackets and NOTs open around the current token
        self.looked_up = len(words)  # ... and the pieces a word is split into (`_pieces`) past its first

    def _enter(self, tok: _Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _fail(self.query, f"brackets and NOTs nested more than {MAX_DEPTH} deep", tok.pos,
                        "write the query with fewer levels")

    def peek(self) -> _Token | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def parse(self) -> Node | None:
        if not self.toks:
            return None
        node = self.parse_or(title=False)
        tok = self.peek()
        if tok is not None:  # only a stray ")" stops parse_or early
            raise _fail(self.query, "unmatched )", tok.pos, "drop it or add the ( it closes")
        return node

    def parse_or(self, title: bool) -> Node | None:
        parts = [self.parse_and(title)]
        while (tok := self.peek()) is not None and tok.kind == "or":
            self.i += 1
            parts.append(self.parse_and(title))
        kept = [p for p in parts if p is not None]
        return None if not kept else kept[0] if len(kept) == 1 else AnyOf(tuple(kept))

    def _or_error(self, tok: _Token) -> QueryError:
        return _fail(self.query, "OR needs a word or a phrase on each side", tok.pos, "e.g. 沪明 OR 滬明")

    def parse_and(self, title: bool) -> Node | None:
        parts: list[Node | None] = []
        while (tok := self.peek()) is not None and tok.kind not in ("or", "rparen"):
            if tok.kind == "and":
                self.i += 1
                continue
            parts.append(self.parse_unary(title))
        if not parts:
            tok = self.peek()
            if (tok is not None and tok.kind == "or") or (self.i and self.toks[self.i - 1].kind == "or"):
                raise self._or_error(tok if tok is not None and tok.kind == "or" else self.toks[self.i - 1])
            pos = tok.pos if tok else len(self.query) + 1
            raise _fail(self.query, "expected a word or a phrase", pos, "e.g. 三明 \"对口合作\" -三明治")
        kept = [p for p in parts if p is not None]
        return None if not kept else kept[0] if len(kept) == 1 else AllOf(tuple(kept))

    def current(self) -> _Token:
        tok = self.peek()
        assert tok is not None  # callers look before they leap
        return tok

    def parse_unary(self, title: bool) -> Node | None:
        tok = self.current()
        if tok.kind == "not":
            self.i += 1
            nxt = self.peek()
            if nxt is None or nxt.kind in ("or", "rparen", "and"):
                raise _fail(self.query, "- or NOT needs a word after it", tok.pos, "e.g. 三明 -三明治")
            self._enter(tok)
            part = self.parse_unary(title)
            self.depth -= 1
            return Not(part) if part is not None else None
        return self.parse_primary(title)

    def parse_primary(self, title: bool) -> Node | None:
        tok = self.current()
        self.i += 1
        if tok.kind == "lparen":
            self._enter(tok)
            inner = self.parse_or(title or tok.title)
            self.depth -= 1
            close = self.peek()
            if close is None or close.kind != "rparen":
                raise _fail(self.query, "( is never closed", tok.pos, "add the closing )")
            self.i += 1
            return inner
        if tok.kind == "rparen":
            raise _fail(self.query, "unmatched )", tok.pos, "drop it or add the ( it closes")
        word = _unannotated(tok.text) if "(" in tok.text or "\uff08" in tok.text else tok.text
        texts = [tok.text] if tok.kind == "phrase" else _pieces(word)
        # each piece is a word to look up: `沪明0+沪明1+…` (20 KB, 2,000 pieces) passed the cap as one
        # word and held the web server's one thread ~2-3 s
        self.looked_up += len(texts) - 1
        if self.looked_up > MAX_WORDS:
            raise _fail(self.query, f"more than {MAX_WORDS} words and phrases", tok.pos,
                        "search for fewer words at a time")
        terms = [Term(text, norm, title_only=title or tok.title)
                 for text in texts if ftstokens.term_expression(norm := snippets.same_marks(textnorm.normalize(text)))]
        if not terms:
            return None  # punctuation only: nothing to look for
        return terms[0] if len(terms) == 1 else AllOf(tuple(terms))


_PERCENT = frozenset("%\uff05\u2030")  # %, full-width ％, per mille ‰


def _pieces(word: str) -> list[str]:
    """An unquoted word split where punctuation or a symbol stands, as text is split into words:
    a pasted `沪明对口合作，`, `三明*` or `三明·永安` finds what `沪明对口合作`, `三明` or `三明 永安`
    finds. Punctuation between two letters or digits outside CJK stays (`covid-19`, `10:30`), and
    so does a percent sign after a digit (`3%` is not `3个`)."""
    pieces, start = [], 0
    for i, char in enumerate(word):
        if char.isalnum() or textnorm.is_cjk_run(char):
            continue
        if 0 < i < len(word) - 1 and _word_char(word[i - 1]) and _word_char(word[i + 1]):
            continue
        if char in _PERCENT and i > 0 and word[i - 1].isdigit():
            continue
        pieces.append(word[start:i])
        start = i + 1
    pieces.append(word[start:])
    return [p for p in pieces if p]


def _main_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


# Punctuation between words (上海、三明): of it, what normalising keeps as a character of its own
# whatever surrounds it (`_kept_punctuation`) stands between two characters of the normal form.
_PUNCTUATION = "，。、：？！“”《》「」『』【】〔〕〈〉·,.!?:\"/|%#@&*+=<>[]{}~^$"


@functools.cache
def _kept_punctuation() -> str:
    """Of `_PUNCTUATION`, what the table keeps one for one as a character no later step drops:
    not a space, a letter or a digit, nor what pinyin after a character is written with
    (brackets, apostrophes, hyphens) or a run of kana takes with it (`;`)."""
    out = []
    for char in _PUNCTUATION:
        folded = textnorm.fold(char)
        if len(folded) == 1 and folded != "\0" and textnorm.normalize(char) == folded and \
                not (folded.isalnum() or folded.isspace() or folded in "()'\u2019-;"):
            out.append(char)
    return "".join(out)


@functools.lru_cache(maxsize=64)
def _han_sequence(needle: str) -> Callable[[str], bool]:
    """Whether the original text may hold `needle` (Han characters) in its normal form
    (`Query.reject_test`): a preimage of each character, anything but a Han character or kept
    punctuation between,
    or else a character the table expands into one of them (`_makers`). One expression per preimage of the
    first character, opening with it: `re` looks for a literal first character fast (~0.5 µs
    over a 660-character body), a class of them (上海's 海 has two compatibility forms) it tries
    at every position (~4 µs)."""
    between = f"[^{textnorm.MAIN_HAN}{re.escape(_kept_punctuation())}]*"
    rest = "".join(between + "[" + "".join(re.escape(c) for c in snippets.preimages(ch)) + "]" for ch in needle[1:])
    searches = [re.compile(re.escape(c) + rest).search for c in dict.fromkeys(snippets.preimages(needle[0]))]
    makers = _makers(needle)

    def found(text: str) -> bool:
        return any(search(text) is not None for search in searches) or any(c in text for c in makers)
    return found


@functools.lru_cache(maxsize=64)
def _makers(needle: str) -> tuple[str, ...]:
    """The characters the table expands into Han characters (`textnorm.han_expanders`) that
    make one of `needle`'s (㍾ 明治 for 三明): normalising makes a Han character only from its
    preimages and these, so an expander whose expansion holds none of the needle's characters
    can neither make the needle nor stand inside it (it expands into others, which part it). A
    text holding one is let through unread. (All of them were looked for in every candidate,
    by a class scanned at every position: ~3 µs of a 660-character body, twice a candidate.)"""
    wanted = set(needle)
    return tuple(c for c in textnorm.han_expanders() if wanted.intersection(textnorm.normalize(c)))


@functools.lru_cache(maxsize=64)
def _han_gaps(norm: str, needle: str) -> Callable[[str], bool] | None:
    """A test `_han_sequence(needle)` passes only where it holds, for a term typed with spaces
    (`norm`: `"上海 三明"`): at each space, a preimage of the character before it followed by one
    of the character after it or by a character that may lie between (not a Han character nor
    kept punctuation), else a character the table expands into one of the term's (`_makers`).
    Each is a regular expression per preimage, opening with that character (`re` searches for a
    literal first character fast: ~0.5 µs over a 660-character body, where a class of them,
    as the sequence opens with (海 has two compatibility forms), is tried at every position,
    ~4 µs, and the expanders are looked for apart): a spaced phrase of common words
    (`"发展 企业 合作"`, where 展 and 业 end many runs before a comma) rejects ~99 % of its
    candidates here, at a fraction of the cost. None when the term has no space."""
    pieces = norm.split(" ")
    if len(pieces) < 2 or "".join(pieces) != needle or not all(pieces):
        return None
    between = f"[^{textnorm.MAIN_HAN}{re.escape(_kept_punctuation())}]"

    joins = [tuple(re.compile(f"{re.escape(c)}(?:[{''.join(map(re.escape, snippets.preimages(b[0])))}]|{between})").search
                   for c in dict.fromkeys(snippets.preimages(a[-1]))) for a, b in itertools.pairwise(pieces)]
    makers = _makers(needle)

    def found(text: str) -> bool:
        return all(any(s(text) is not None for s in join) for join in joins) or any(c in text for c in makers)
    return found


def _surely(node: Node) -> Callable[[str, str], bool] | None:
    """`Query.literal_test` of one node: True only where the node holds (None: not testable so)."""
    if isinstance(node, Term):
        if not _literal(node.norm):
            return None
        norm, only = node.norm, node.title_only
        return lambda title, body: norm in title or (not only and norm in body)
    if isinstance(node, Not):
        if not isinstance(node.part, Term) or not _literal(node.part.norm):
            return None
        each, only = [snippets.preimages(c) for c in dict.fromkeys(node.part.norm)], node.part.title_only
        return lambda title, body: any(not any(c in title or (not only and c in body) for c in chars)
                                       for chars in each)
    tests = [_surely(p) for p in node.parts]
    if isinstance(node, AllOf):
        if any(t is None for t in tests):
            return None
        every = [t for t in tests if t is not None]
        return lambda title, body: all(t(title, body) for t in every)
    some = [t for t in tests if t is not None]
    return (lambda title, body: any(t(title, body) for t in some)) if some else None


def _literal(norm: str) -> bool:
    """Han characters of the main blocks (no regex: a CJK class costs ms to compile), each its own normal form."""
    return bool(norm) and all(("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf") and textnorm.normalize(c) == c
                              for c in norm)


def parse(query: str) -> Query:
    """Parse a query; QueryError (one line, with the character position) when invalid."""
    root = _Parser(query).parse()
    if root is None and query.strip():
        raise QueryError(f"query {_shown(query)} has no searchable characters",
                         hint="search for words, e.g. 沪明 or Sanming")
    return Query(query, root)


# Operators as other search engines read them, which this language reads as words to find (`or`)
# or as the space between words (`|`, Baidu's OR): a query using them finds nothing, said why.
_OTHER_OPERATORS = {"or": "'or' in small letters is a word to find: OR in capitals finds either side (三明 OR 永安)",
                    "|": "| is read as a space (all words must appear): OR finds either side (三明 OR 永安)",
                    "not": "'not' in small letters is a word to find: -word or NOT word leaves it out (三明 -三明治)",
                    "and": "'and' in small letters is a word to find: words are all required without it (三明 永安)"}
_OTHER_OPERATORS["near"] = ("NEAR (or AROUND) is a word to find here: all the words are required anywhere in the article "
                            "(上海 三明), a quoted phrase finds them side by side (\"上海 三明\")")
# the same said in Chinese between two words (沪明 或 滬明, 上海 和 三明, 不含 三明治), as a colleague types a query
_OTHER_OPERATORS.update({w: f"'{w}' is a word to find here: OR in capitals finds either side (三明 OR 永安)" for w in ("或", "或者")})
_OTHER_OPERATORS.update({w: f"'{w}' is a word to find here: words are all required without it (三明 永安)"
                         for w in ("和", "与", "且", "并且", "以及")})
_LEAVE_OUT = ("不含", "不包含", "不包括", "排除", "除去")  # also opening the query
_OTHER_OPERATORS.update({w: f"'{w}' is a word to find here: -word or NOT word leaves it out (三明 -三明治)" for w in _LEAVE_OUT})
_OTHER_OPERATORS.update({"||": _OTHER_OPERATORS["|"], "\uff5c": _OTHER_OPERATORS["|"],
                         "site:": "site: is a word to find here: --source NAME (the page's source filter) keeps "
                                  "one source's articles"})

# a filter written as a word, as other search engines or a guess read it: `topic:沪明`, `source:sm`, `after:2026`
_TOPIC, _SOURCE = "the topic filter (--topic NAME)", "the source filter (--source NAME)"
_SINCE, _UNTIL = "the since filter (--since, e.g. 7d or 2026-11-01)", "the until filter (--until)"
_FIELD_OPTIONS = {"topic": _TOPIC, "topics": _TOPIC, "主题": _TOPIC, "source": _SOURCE, "src": _SOURCE, "来源": _SOURCE,
                  "since": _SINCE, "after": _SINCE, "date": _SINCE, "日期": _SINCE, "before": _UNTIL, "until": _UNTIL}
# the body as other search engines name it (`content:三明`, `正文:三明`), and a title scope written twice
# (`title:title:三明`: the second is read as a word) or in Chinese (`标题:三明`): said whole
_BODY_FIELD = "a word is found in the title and the body alike without a field (三明); title: looks at titles alone"
_TITLE_FIELD = "title: is written once, right before the word (title:三明)"
_FIELD_SAID = {"body": _BODY_FIELD, "content": _BODY_FIELD, "text": _BODY_FIELD, "正文": _BODY_FIELD, "内容": _BODY_FIELD,
               "title": _TITLE_FIELD, "intitle": _TITLE_FIELD, "标题": _TITLE_FIELD}
_FIELD_WORD = re.compile(r"(?i)(" + "|".join([*_FIELD_OPTIONS, *_FIELD_SAID]) + r")[:\uff1a]")


def _field_hint(toks: list[Any]) -> str | None:
    """What a word such as `topic:沪明` was meant to do, said as the option that does it."""
    for t in toks:
        if t.kind == "word" and (m := _FIELD_WORD.match(t.text)):
            field = m.group(1).lower()
            if field in _FIELD_SAID:
                return f"{m.group()} is a word to find here: {_FIELD_SAID[field]}"
            return (f"{m.group()} is a word to find here: {_FIELD_OPTIONS[field]} does that "
                    "(title: is the only field a query names)")
    return None


_LATIN_WORD = re.compile(r"[A-Za-z]+(?:['\u2019-][A-Za-z]+)*")


def _pinyin_hint(toks: list[Any]) -> str | None:
    """What to say when the words to find are all pinyin, without tones (`sanming`, `shanghai
    sanming`, `yong'an`) or with them (`Sānmíng`, `hu3 ming2`): the index holds each article's words
    as written, so pinyin finds only a page that writes those letters (an English one), never 三明."""
    words = [t.text for t, before in zip(toks, [None, *toks], strict=False)
             if t.kind in ("word", "phrase") and (before is None or before.kind != "not")]
    latin = [w for w in words if re.search(r"[A-Za-z]", w)]
    if latin != words:  # `沪明 huming`: the web's search names the word no article has, and searches without it
        return None

    def pinyin(word: str) -> bool:  # toneless, or with its tones marked (hùmíng) or numbered (hu3ming2)
        pieces = [p for p in re.split(r"[\s'\u2019-]+", word.lower()) if p]
        return ((bool(pieces) and all(_LATIN_WORD.fullmatch(p) and textnorm.is_syllables(p) for p in pieces))
                or textnorm.is_pinyin(word))

    if not latin or not all(pinyin(w) for w in latin):
        return None
    return (f"{' '.join(latin)!r} reads as pinyin: articles are found by the words they are written in, so pinyin "
            "finds only a page that writes those letters (an English one); search in characters (三明 for sanming, "
            "上海 for shanghai)")


def nothing_found_hint(query: str) -> str | None:
    """What to say when `query` found nothing and one of its words between two others is an
    operator as another search engine writes it (`三明 or 永安`, `三明 | 永安`, `上海 NEAR 三明`), it
    opens with `not` (`not 三明治`), a word is `site:` or a proximity (`NEAR(上海 三明)`,
    `NEAR/3`), or every word is pinyin (`sanming`); else None."""
    try:
        toks = _tokens(query)
    except QueryError:
        return None
    inner = [t.text.lower() for t in toks[1:-1] if t.kind == "word" and not t.title]
    if len(toks) > 1 and toks[0].kind == "word" and not toks[0].title and toks[0].text.lower() in ("not", *_LEAVE_OUT):
        inner.insert(0, toks[0].text.lower())  # `not 沪明`, `不含 三明治`: a leading NOT means something, a leading or/and nothing
    piped = [t for t in toks if t.kind == "word" and len(_pieces(t.text.replace("\uff5c", "|"))) > 1 and
             "|" in t.text.replace("\uff5c", "|").strip("|")]  # 三明|永安
    site = any(t.kind == "word" and t.text.lower().startswith(("site:", "site\uff1a")) for t in toks)
    # proximity as FTS5, Lucene or Google write it: NEAR(a b), a NEAR/3 b, AROUND(3)
    near = any(t.kind == "word" and not t.title and (
        re.fullmatch(r"(?i)(near|around)(/\d+)?", t.text) and ((nxt is not None and nxt.kind == "lparen") or "/" in t.text))
        for t, nxt in itertools.zip_longest(toks, toks[1:]))
    return next((_OTHER_OPERATORS[w] for w in inner if w in _OTHER_OPERATORS), None) or (
        _OTHER_OPERATORS["|"] if piped else _OTHER_OPERATORS["site:"] if site else
        _OTHER_OPERATORS["near"] if near else _field_hint(toks) or _pinyin_hint(toks))


# --- FTS5 ------------------------------------------------------------------------------------


class Plan(NamedTuple):  # not a frozen dataclass: making one costs ~0.8 ms at every start (a search)
    """How to answer a query with FTS5: `match` (None: every article) minus `exclude` (None:
    nothing), then (unless `exact`) each candidate checked with `Query.accepts`."""

    match: str | None
    exclude: str | None
    exact: bool


def plan(query: Query, *, prefix: bool = True, skip: frozenset[str] = frozenset()) -> Plan:
    """The FTS5 expressions for a query. With `prefix=False`, one-character terms (prefix
    queries, costly on a large index) are left to the check instead of FTS5. Tokens in `skip`
    (common ones) are left out of the terms whose candidates are checked anyway."""
    if query.root is None:
        return Plan(None, None, True)
    parts = query.root.parts if isinstance(query.root, AllOf) else (query.root,)
    pos = [p for p in parts if not isinstance(p, Not)]
    neg = [p.part for p in parts if isinstance(p, Not)]
    state: dict[str, Any] = {"exact": True, "skip": skip}
    sups = [s for s in (_sup(p, state, prefix) for p in pos) if s is not EVERYTHING]
    subs = [s for s in (_sub(n, state, prefix) for n in neg) if s is not None]
    match = " AND ".join(f"({s})" for s in sups) if sups else None
    exclude = " OR ".join(f"({s})" for s in subs) if subs else None
    return Plan(match, exclude, state["exact"])


def _phrase(term: Term, skip: frozenset[str] = frozenset()) -> str:
    if (joined := _cjk_joined(term.norm)) != term.norm:
        # `对口 合作` is also `对口合作`, which has no run ending at 口: each side asked alone
        sides = _split_at_joins(term.norm, joined)
        parts = [e for s in sides if (e := ftstokens.term_expression(s, term.title_only, skip))]
        # where the sides meet, the text has the two characters side by side (a bigram) or a run
        # ending at the first (a space follows): ~30 % fewer candidates for `"上海 三明"`
        mark = ftstokens.MARK if term.title_only else ""
        parts += [f'"{mark}{a[-1]}{b[0]}" OR "{mark}{a[-1]}"' for a, b in itertools.pairwise(sides) if a and b]
        return " AND ".join(f"({e})" for e in parts)
    return ftstokens.term_expression(term.norm, term.title_only, skip)


def _split_at_joins(norm: str, joined: str) -> list[str]:
    """`norm` cut at the spaces `_cjk_joined` drops."""
    out, start, j = [], 0, 0
    for i, c in enumerate(norm):
        if j < len(joined) and joined[j] == c:
            j += 1
        else:  # a dropped space
            out.append(norm[start:i])
            start = i + 1
    return [*out, norm[start:]]


def checked_tokens(query: Query) -> list[list[str]]:
    """Per term that FTS5 cannot answer exactly and that has two tokens or more: its tokens
    (the ones `plan` may leave out when they are common)."""
    out = []
    for term in _all_terms(query.root):
        tokens = ftstokens.term_tokens(term.norm)[0]
        if not term.exact_in_fts and len(tokens) > 1:
            out.append(tokens)
    return out


def _term_ok(term: Term, prefix: bool) -> bool:
    return prefix or not term.single_char


def _sup(node: Node, state: dict, prefix: bool) -> object:
    """An FTS5 expression matching at least the articles `node` accepts (or EVERYTHING)."""
    if isinstance(node, Term):
        exact = term_exact(node, prefix)
        if not exact:
            state["exact"] = False
        return _phrase(node, frozenset() if exact else state["skip"]) if _term_ok(node, prefix) else EVERYTHING
    if isinstance(node, AnyOf):
        parts = [_sup(p, state, prefix) for p in node.parts]
        return EVERYTHING if EVERYTHING in parts else " OR ".join(f"({p})" for p in parts)
    if isinstance(node, Not):
        state["exact"] = False
        return EVERYTHING
    pos = [s for s in (_sup(p, state, prefix) for p in node.parts if not isinstance(p, Not)) if s is not EVERYTHING]
    negs = [s for s in (_sub(p.part, state, prefix) for p in node.parts if isinstance(p, Not)) if s is not None]
    if not pos:
        state["exact"] = False
        return EVERYTHING
    return " AND ".join(f"({p})" for p in pos) + "".join(f" NOT ({n})" for n in negs)


def _sub(node: Node, state: dict, prefix: bool) -> str | None:
    """An FTS5 expression matching only articles `node` accepts (None: cannot say which)."""
    if isinstance(node, Term):
        if term_exact(node, prefix):
            return _phrase(node)
        state["exact"] = False
        return None
    if isinstance(node, AnyOf):
        parts = [_sub(p, state, prefix) for p in node.parts]
        kept = [p for p in parts if p is not None]
        return " OR ".join(f"({p})" for p in kept) if kept else None
    if isinstance(node, Not):
        state["exact"] = False
        return None
    pos = [_sub(p, state, prefix) for p in node.parts if not isinstance(p, Not)]
    negs = [_sup(p.part, state, prefix) for p in node.parts if isinstance(p, Not)]
    if not pos or None in pos or EVERYTHING in negs:
        state["exact"] = False
        return None
    return " AND ".join(f"({p})" for p in pos) + "".join(f" NOT ({n})" for n in negs)


def term_exact(term: Term, prefix: bool = True) -> bool:
    """Whether FTS5 answers this term exactly (with one-character terms only if `prefix`)."""
    return term.exact_in_fts and _term_ok(term, prefix)
