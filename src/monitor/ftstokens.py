"""The search index's tokens: what an article puts in the FTS5 table, what a query term asks it.

In: normalised text (`textnorm.normalize`). Out: an article's token text (`document_tokens`)
and, per query term, its FTS5 expression (`term_expression`) and whether that expression
is exact (`term_exact`). Pure; never touches the database.

The index holds each article's *distinct* tokens in one column, without positions (FTS5
`detail=none`): every overlapping character bigram of each CJK run, each run's last
character, each other word (letters and digits). Title tokens are there too, and once more
behind a private-use mark (`MARK`) so `title:` can look at titles alone. A query term:
- one or two CJK characters, or one plain word: its token (a one-character term is a prefix
  query: the character ends a run or starts a bigram); exact;
- anything longer: every token of it, ANDed, which finds a superset (the tokens need not be
  adjacent); the caller checks candidates against the normalised text.
Without positions the index is about a third of a positional one's size; FTS5's cost to
write it is per distinct (token, article) pair either way.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from typing import Any

from .textnorm import CJK_CHARS, _pieces, normalize

# Bump with a change of what `document_tokens` makes that `normform`'s probes may not show: stores
# indexed under another version are re-indexed by their next writer (`monitor reindex`).
VERSION = 1
MARK = "\ue000"  # before a title token; normalising drops private-use characters, so no text has it
_PLAIN_WORD = re.compile("[a-z0-9]+")
_SPACE = 0x20


@functools.cache
def _word_re() -> re.Pattern[str]:  # compiled on first use: the CJK class is long (start-up)
    return re.compile(f"[^\\W_{CJK_CHARS}]+")


def _np() -> Any:  # numpy on first use: search never builds document tokens
    import numpy

    return numpy


def _ranges(chars: str) -> list[tuple[int, int]]:
    """A regex class body of single characters and `a-b` ranges → inclusive code point ranges."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(chars):
        if i + 2 < len(chars) and chars[i + 1] == "-":
            out.append((ord(chars[i]), ord(chars[i + 2])))
            i += 3
        else:
            out.append((ord(chars[i]), ord(chars[i])))
            i += 1
    return out


@functools.cache
def _classes() -> Any:
    """Per code point up to the last CJK one: 1 for a CJK character (indexed as bigrams), 2 for
    another word character (letters, digits: whole words), 0 for the rest. Beyond: 0."""
    np = _np()
    ranges = _ranges(CJK_CHARS)
    table = np.zeros(max(hi for _, hi in ranges) + 2, dtype=np.uint8)
    # the BMP's word characters (`_word_re` outside the CJK blocks, which come next) found by
    # one regex pass that blanks the others, not one match at a time (0.2 s → a few ms, at
    # the first article of every poll or import)
    cps = np.arange(0x10000, dtype="<u4")
    cps[0xD800:0xE000] = 0x20  # no surrogates in a str to match against
    blanked = re.sub("[\\W_]", " ", cps.tobytes().decode("utf-32-le"))
    table[:0x10000][np.frombuffer(blanked.encode("utf-32-le"), dtype="<u4") != 0x20] = 2
    for lo, hi in ranges:
        table[lo:hi + 1] = 1
    return table


def _unique(values: Any) -> Any:
    """Sorted distinct values (np.unique hashes, which is slower for these sizes)."""
    np = _np()
    values = np.sort(values)
    keep = np.empty(len(values), dtype=bool)
    keep[:1] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def _scan(norm: str) -> tuple[Any, set[str]]:
    """The text's CJK tokens as sorted distinct uint64 codes (first char << 32 | second char, a
    space for a run's last character), and its other words."""
    np = _np()
    cps = np.frombuffer(norm.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    table = _classes()
    kind = table[np.minimum(cps, len(table) - 1)]
    # other words: found by the regex only in texts that have any (or characters past the BMP)
    words = set(_word_re().findall(norm)) if (kind == 2).any() or (cps > 0xFFFF).any() else set()
    cjk = kind == 1
    second = np.full(len(cps), _SPACE, dtype=np.uint64)
    second[:-1] = np.where(cjk[1:], cps[1:], _SPACE)
    return _unique((cps[cjk].astype(np.uint64) << np.uint64(32)) | second[cjk]), words


def _spell(codes: Any, mark: bool) -> str:
    """Codes back to text, one token per code separated by spaces (with MARK in front)."""
    np = _np()
    width = 4 if mark else 3
    out = np.full((len(codes), width), _SPACE, dtype="<u4")
    if mark:
        out[:, 0] = ord(MARK)
    out[:, width - 3] = codes >> np.uint64(32)
    out[:, width - 2] = codes & np.uint64(0xFFFFFFFF)
    return out.tobytes().decode("utf-32-le")


def document_tokens(norm_title: str, norm_body: str) -> str:
    """An article's FTS5 text: its distinct tokens, then its title's again behind MARK."""
    plain, words = _scan(norm_title + "\n" + norm_body)  # no run crosses the line break
    title, title_words = _marked_tokens(norm_title)
    # words sorted: a set's order follows the hash seed, and the text would differ by process
    parts = [_spell(plain, False), " ".join(sorted(words)), title, " ".join(MARK + w for w in sorted(title_words))]
    return " ".join(p for p in parts if p)


SMALL = 64  # shorter texts (titles) are tokenised in plain Python: numpy's calls cost more


def _marked_tokens(norm: str) -> tuple[str, set[str]]:
    """`_spell(codes, True)` and the words of `_scan(norm)`, for a title."""
    if len(norm) >= SMALL:
        codes, words = _scan(norm)
        return _spell(codes, True), words
    kinds = _class_bytes()
    last = len(kinds) - 1
    kind = [kinds[min(ord(c), last)] for c in norm]
    words = set(_word_re().findall(norm)) if 2 in kind or any(ord(c) > 0xFFFF for c in norm) else set()
    kind.append(0)
    # a token: the character and the next one in its run, else a space (sorted as the codes are:
    # by code point, first character then second)
    pairs = {norm[i] + (norm[i + 1] if kind[i + 1] == 1 else " ") for i, k in enumerate(kind) if k == 1}
    return "".join(MARK + p + " " for p in sorted(pairs)), words


@functools.cache
def _class_bytes() -> bytes:
    return bytes(_classes().tobytes())


def article_tokens(title: str, body: str) -> str:
    """`document_tokens` of an article's title and body as stored (so a deletion regenerates
    exactly what was indexed)."""
    return document_tokens(normalize(title), normalize(body))


def term_tokens(norm: str) -> tuple[list[str], str | None]:
    """A normalised query term's tokens as the index holds them, and a last token to take as
    a prefix (a lone CJK character at the end: it ends a run or starts a bigram) or None."""
    pieces = _pieces(norm)  # without compiling a class over the CJK blocks (start-up)
    tokens: list[str] = []
    for i, (cjk, piece) in enumerate(pieces):
        last = i == len(pieces) - 1
        if not cjk:
            tokens.append(piece)
        elif last and len(piece) == 1:
            return list(dict.fromkeys(tokens)), piece
        else:
            tokens += [piece[j:j + 2] for j in range(len(piece) - 1)]
            if not last:
                tokens.append(piece[-1])  # the run ends here in the text too
    return list(dict.fromkeys(tokens)), None


def term_exact(norm: str) -> bool:
    """Whether the expression finds exactly the texts containing the term: one plain word, or
    one CJK run of one or two characters."""
    if _PLAIN_WORD.fullmatch(norm):
        return True
    pieces = _pieces(norm)
    return len(pieces) == 1 and pieces[0][0] and len(pieces[0][1]) <= 2 and pieces[0][1] == norm


def term_expression(norm: str, title_only: bool = False, skip: Collection[str] = ()) -> str:
    """The FTS5 expression for a normalised term ("" when it has no tokens): its tokens ANDed.
    Tokens in `skip` are left out unless that leaves none (a looser expression: only for a
    term whose candidates are checked anyway)."""
    tokens, prefix = term_tokens(norm)
    if skip and (kept := [t for t in tokens if t not in skip]):
        tokens = kept
    mark = MARK if title_only else ""
    quoted = [f'"{mark}{t}"' for t in tokens] + ([f'"{mark}{prefix}" *'] if prefix else [])
    return " AND ".join(quoted)
