"""The character table of `textnorm`: built once, kept on disk, and text translated through it.

In: `str`. Out: the table itself (`char_table`: NFKC per code point, then traditional →
simplified from OpenCC's `TSCharacters`, then lower case; private-use, format, control
characters, variation selectors and U+FFFD dropped), every character folding into a given one
(`folding_into`), and text translated through it, all of it (`_translate`) or its
one-for-one part (`_translate(…, True)`, `_fold_one`: offsets stay those of the input).
The table is built from OpenCC's data at first use (~0.3 s) and read from a disk cache after
(`tablecache`, keyed by this file, the data and the Unicode version); text is translated
through dicts of the characters seen so far, then lists, then numpy, as volume grows.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

from .. import tablecache

_astral_re = functools.cache(lambda: re.compile("[\U00010000-\U0010ffff]"))


def _opencc_path() -> Path:
    """OpenCC's character table, found without importing opencc or importlib.resources (~10 ms)."""
    spec = importlib.util.find_spec("opencc")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("opencc (opencc-python-reimplemented) is not installed")
    return Path(spec.submodule_search_locations[0]) / "dictionary" / "TSCharacters.txt"


def _opencc_ts() -> dict[str, str]:
    """Traditional → simplified single characters from OpenCC's TSCharacters (first candidate),
    and the Hong Kong and Taiwan forms of a character (`_regional`)."""
    pairs = dict(_pairs(_opencc_path()))
    pairs.update(_regional(pairs))
    return pairs


def _pairs(path: Path) -> list[tuple[str, str]]:
    """The one-character entries of an OpenCC table (first candidate)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        src, _, dst = line.partition("\t")
        first = dst.split(" ")[0] if dst else ""
        if len(src) == 1 and len(first) == 1 and src != first:
            out.append((src, first))
    return out


_REGIONAL = ("HKVariantsRev", "TWVariantsRev")  # a region's form → OpenCC's standard traditional one


def _regional(ts: dict[str, str]) -> dict[str, str]:
    """A Hong Kong or Taiwan form of a character that TSCharacters does not know (衞 for 衛, 衹
    for 只, 粧 for 妝: 衞生署 was not found by 卫生) → the simplified character of its pair. A
    pair is folded only where exactly one side simplifies to a character of GB2312, the
    mainland's set: both there (著/着, 么/幺: two characters in simplified text) or neither (rare
    forms) stay apart."""
    def simplified(ch: str) -> str:
        return _fold(ch, ts)

    def mainland(ch: str) -> bool:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            return False
        return True

    out: dict[str, str] = {}
    for name in _REGIONAL:
        for a, b in _pairs(_opencc_path().with_name(f"{name}.txt")):
            fa, fb = simplified(a), simplified(b)
            if fa == fb or mainland(fa) == mainland(fb):
                continue
            keep, other = (fa, b) if mainland(fa) else (fb, a)
            if other not in ts and other not in out:
                out[other] = keep
    return out


# Unicode's default-ignorable characters that are not format characters: shown as nothing, so a
# page could write 沪\u034f明 (a combining grapheme joiner) or 沪\u3164明 (a Hangul filler) for 沪明,
# and a reader saw the keyword where matching did not. Mongolian's variation selectors too.
_IGNORABLE = frozenset({0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180F, 0x3164, 0xFFA0})


def _dropped(cp: int, ch: str) -> bool:
    """True for characters that carry no text: private use, format, control, VS, U+FFFD, and the
    other default-ignorable ones (`_IGNORABLE`)."""
    if cp == 0xFFFD or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF or cp in _IGNORABLE:
        return True
    cat = unicodedata.category(ch)
    return cat in ("Co", "Cs", "Cf") or (cat == "Cc" and not ch.isspace())


@functools.cache
def char_table() -> dict[int, str | None]:
    """The one translate table (NFKC, traditional → simplified, lower, drops); built once
    per version of this file, OpenCC's data and Unicode, then read from a disk cache of its
    own (its ~19,000 entries cost ~5 ms to read: normalising and searching use `_tables`)."""
    return tablecache.load_or_build("textnorm-table", _table_inputs(), _build_char_table)


@functools.cache
def _tables() -> dict:
    """The table in the form that text is translated through, from the disk cache (building
    it costs about 0.3 s, reading it ~1 ms: `monitor search` starts without building it)."""
    return tablecache.load_or_build("textnorm", _table_inputs(), _build_tables)


def _table_inputs() -> list[bytes]:
    return [Path(__file__).read_bytes(), _opencc_path().read_bytes(), unicodedata.unidata_version.encode(),
            *(_opencc_path().with_name(f"{name}.txt").read_bytes() for name in _REGIONAL)]


def _build_tables() -> dict:
    """What the cache holds: one string of the one-for-one part of the BMP (NUL where the
    table drops or expands a character), the entries that drop or expand BMP characters, and
    the same two for the entries beyond the BMP, as dicts."""
    table = _build_char_table()
    fast = {**{cp: chr(cp) for cp in range(0x10000)}, **table}
    one = {cp: v if v is not None and len(v) == 1 else "\0" for cp, v in fast.items()}
    return {"bmp1": "".join(one[cp] for cp in range(0x10000)),
            "bmp_other": {cp: fast[cp] for cp in range(0x10000) if fast[cp] != one[cp]},
            "astral1": {cp: v for cp, v in one.items() if cp >= 0x10000},
            "astral_other": {cp: v for cp, v in table.items() if cp >= 0x10000 and one[cp] == "\0"}}


def folding_into(char: str) -> list[str]:
    """Every other character whose table entry contains the character `char` (沪 → 滬),
    sorted; read from `_tables` (a `str.find` over the one-for-one part, then the ~1,600
    other entries), not by walking `char_table`."""
    tables, found = _tables(), []
    one = tables["bmp1"]
    i = one.find(char)
    while i >= 0:
        found.append(chr(i))
        i = one.find(char, i + 1)
    found += [chr(cp) for cp, v in tables["astral1"].items() if v == char]
    for other in (tables["bmp_other"], tables["astral_other"]):
        found += [chr(cp) for cp, v in other.items() if v and char in v]
    return sorted(c for c in found if c != char)


@functools.cache
def _build_char_table() -> dict[int, str | None]:
    ts = _opencc_ts()
    table: dict[int, str | None] = {}
    for cp in _table_code_points():
        ch = chr(cp)
        if ch not in ts and ch.lower() == ch and unicodedata.is_normalized("NFKC", ch):
            if unicodedata.category(ch)[0] != "C" and not _dropped(cp, ch):
                continue  # the common case, checked cheaply first
        if _dropped(cp, ch):
            table[cp] = None
        elif (out := _fold(ch, ts)) != ch:
            table[cp] = out
    return table


def _table_code_points() -> list[int]:
    """Assigned planes 0-3 and plane 14 (tags, variation selectors); the rest is by regex."""
    return [*range(0x32400), *range(0xE0000, 0xE1000)]


def _fold(text: str, ts: dict[str, str]) -> str:
    """NFKC, then traditional → simplified, then lower case, to a fixed point."""
    for _ in range(3):
        nxt = "".join(ts.get(c, c) for c in unicodedata.normalize("NFKC", text))
        nxt = nxt.replace("\u0130", "i").lower()
        if nxt == text:
            break
        text = nxt
    return text


@functools.cache
def _bmp(one_to_one: bool) -> list[str | None]:
    """The character table for the BMP as a list indexed by code point (identity where the
    table has no entry), or with `one_to_one` its length-preserving part (a character the
    table drops or expands becomes NUL, itself dropped by the table, so a NUL in the output
    says the drop/expand step is needed). A list, not a dict: `str.translate` raises and
    catches KeyError for every missing key (12 → 35 Mchar/s with every BMP character
    present), and indexing a list is cheaper than a dict look-up (30 → 22 ns a character).
    `str.translate` leaves characters beyond the list as they are, so callers check for
    them (`_RARE_RE`, `_fold_one`)."""
    if one_to_one:
        return list(_tables()["bmp1"])  # 65,536 one-character strings: ~3 ms
    listed = _bmp(True).copy()  # sharing those strings: a copy costs a tenth of making them
    for cp, v in _tables()["bmp_other"].items():
        listed[cp] = v
    return listed


# Characters translated through the sparse tables before the dense `_bmp` lists are built:
# making a list costs about as much as translating this much text sparsely (a dict look-up per
# character plus a set of each text's characters), so a search, whose query and snippets come
# to a few thousand characters, never builds them (~5-10 ms of every `monitor search`), and a
# poll or an import switches to them after its first few articles.
DENSE_AFTER = 200_000
_translated = 0
_sparse: dict[bool, dict[int, str | None]] = {True: {}, False: {}}  # code point → output, BMP only
_sparse_seen: dict[bool, set[str]] = {True: set(), False: set()}


def _translate(text: str, one_to_one: bool) -> str:
    """`text.translate(_bmp(one_to_one))`, through a dict holding only the characters seen so
    far until `DENSE_AFTER` characters have been translated (same output: every character
    the dict is asked for is in it, and beyond the BMP both leave characters as they are).
    Long texts go through numpy only once the process has loaded it (a poll or an import builds
    the index's tokens with it, a server loads it as it starts): a search checking the candidates
    of a phrase for a long page (`--limit 100` of `"上海 三明"`) got past DENSE_AFTER and imported
    numpy midway (~0.4 s); it goes on through the dense lists (~5 ms to build)."""
    global _translated
    _translated += len(text)
    if _translated > DENSE_AFTER:
        if len(text) >= NUMPY_FROM and "numpy" in sys.modules:
            return _np_translate(text, one_to_one)
        return text.translate(_bmp(one_to_one))
    seen = _sparse_seen[one_to_one]
    new = set(text).difference(seen)
    if new:
        tables, table = _tables(), _sparse[one_to_one]
        one, other = tables["bmp1"], tables["bmp_other"]
        if one_to_one:
            table.update({cp: one[cp] for cp in map(ord, new) if cp < 0x10000})
        else:
            table.update({cp: other.get(cp, one[cp]) for cp in map(ord, new) if cp < 0x10000})
        seen.update(new)
    return text.translate(_sparse[one_to_one])


# Texts this long are translated through numpy once dense: `str.translate` makes an int object
# for every character past Latin-1 to look it up (~65 ns a Chinese character: 0.1 ms of a
# 1,500-character article, several times per article); one array look-up costs ~8 µs in all.
NUMPY_FROM = 64


@functools.cache
def _np_table() -> Any:
    """`_bmp(True)` as a uint32 array indexed by code point (read from the cached tables)."""
    import numpy  # on first use: a search never gets here (`_translate`)

    return numpy.frombuffer(_tables()["bmp1"].encode("utf-32-le"), dtype="<u4")


def load_dense() -> None:
    """Load now what translating turns to once dense (numpy and its table, ~0.4 s): a server
    does it as it starts, not inside the first request that gets that far."""
    _np_table()


def _np_translate(text: str, one_to_one: bool) -> str:
    """`text.translate(_bmp(one_to_one))` through numpy: the one-for-one part by one array
    look-up (beyond the BMP left as is), then, unless `one_to_one`, each NUL it gave (a
    character the table drops or expands) replaced by its entry."""
    import numpy as np

    table = _np_table()
    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.intp)  # (indexing
    if int(cps.max()) < 0x10000:  # with a uint32 array converts it element by element: ×4)
        out = table[cps]
    else:
        out = np.where(cps < 0x10000, table[cps & 0xFFFF], cps).astype("<u4")
    s = out.tobytes().decode("utf-32-le", "surrogatepass")
    if one_to_one or "\0" not in s:
        return s
    other, last = _tables()["bmp_other"], 0
    parts: list[str] = []
    for i in np.flatnonzero(out == 0).tolist():
        parts += (s[last:i], other[int(cps[i])] or "")
        last = i + 1
    parts.append(s[last:])
    return "".join(parts)


def _fold_one(text: str) -> str:
    """The length-preserving character step (`_bmp(True)`, and the same for the few table
    entries beyond the BMP); built from the cached tables, never as one big dict (making
    that cost ~35 ms at first use)."""
    out = _translate(text, True)  # one character for one: positions stay those of `text`
    if _astral_re().search(text) is None:
        return out
    astral, chars = _tables()["astral1"], list(out)
    for m in _astral_re().finditer(text):  # from the input: one pass, as a translate table gives
        chars[m.start()] = astral.get(ord(m.group()), m.group())
    return "".join(chars)
