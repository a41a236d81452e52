"""Text normalisation for matching, indexing and fingerprinting.

In: any `str` (article text, a query term, a rule term). Out: the normal form (`normalize`),
the normal form with a map back to input offsets (`normalize_map`), the same keeping line
breaks (`normalize_lines`, `normalize_lines_map`, for paragraph-aware matching), the
length-preserving character step alone (`fold`), a cheap test for offsets that are only
shifted (`offset_shift`), FTS5 index tokens (`index_tokens`), one
FTS5 MATCH phrase per query term (`query_phrase`) and the repost-fingerprint form, folded at
the word level too (`scriptfold.fingerprint_text`).
Never does I/O beyond reading OpenCC's bundled character table once; never keeps display text.

The normal form, step by step (each step maps one input span to one output span, so a
length-preserving variant can carry offsets back to the original):
1. combining sequences are composed (NFKC of the cluster);
2. one character table, built once: NFKC per code point, then traditional → simplified
   (first candidate of OpenCC `TSCharacters`), then lower case; private-use, format, control
   characters, variation selectors and U+FFFD are dropped;
3. in Chinese text, stray kana (mojibake from a wrong decoding, e.g. `;び`) are removed;
4. whitespace runs become one space;
5. inline pinyin after a Han character is removed: `網(wǎng)` / `網（wǎng）` / `对(dui4)`
   (every syllable valid pinyin and at least one tone mark or tone number, so `(fan)`,
   `(CMO)` and `(完)` stay); ends are stripped.
"""

from __future__ import annotations

import contextlib
import functools
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable

from .chartable import _fold_one, _tables, _translate, char_table  # the character table, cached on disk
from .chartable import folding_into as folding_into

# Bump with a change of `normalize`'s output that `normform`'s probe texts may not show: the
# search index and fingerprints stored under another normal form are rebuilt (`monitor reindex`).
NORMAL_FORM = 1

# What a commentary's or a follow-up's headline calls itself before or after the story's subject
# (评论｜…, 短评：…, 追踪｜…, …：后续来了): extraction keeps such a lead as the headline's (it is no
# site name) and story folding reads it (a copy's 重磅｜ or 回看｜ says no such thing).
OWN_KIND_WORDS = ("评论", "短评", "时评", "快评", "锐评", "热评", "社评", "述评", "微评",
                  "追踪", "回访", "后续", "追访", "再访", "续报")

# Characters that FTS5 `unicode61` keeps inside one token and that we index as bigrams.
CJK_CHARS = (
    "\u3005-\u3007"  # 々 〆 〇
    "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff"  # kana (not the ・ separator)
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han: ext A, unified, compatibility
    "\uac00-\ud7a3"  # Hangul syllables
    "\U00020000-\U0003134f"  # Han: ext B-G
)
HAN_CHARS = "\u3005\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_KANA = "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fd-\u30ff\u31f0-\u31ff"
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"

_PINYIN_GROUP = f"\\(([a-z\u00e0-\u024f\u1e00-\u1eff{_MARKS}0-5 '\u2019-]{{1,60}})\\)"
# No look-behind for the Han character before it (`_pinyin` checks): a pattern that starts
# with a look-behind is tried at every position, one that starts with "(" or " " is not.
# `(?:G| G)(?: ?G)*`, not the equal `(?: ?G)+`: `re` skips ahead to the first characters
# of an alternation of literals, not of a repeat (×4 on text with many full-width brackets).
_PINYIN = f"(?:{_PINYIN_GROUP}| {_PINYIN_GROUP})(?: ?{_PINYIN_GROUP})*"
# Only the whitespace that changes: runs of two or more, or one character that is not " " / "\n".
# Starting with `\s` (unlike the equal `\s{2,}|[^\S ]`) lets `re` skip ahead to whitespace.
_WS_MAP_RE = re.compile(r"\s(?:\s+|(?<! ))")
_LINES_WS_MAP_RE = re.compile(r"\s(?:\s+|(?<![ \n]))")
# What needs the full step-by-step path; tested after the BMP table (a mark folds to a mark).
_RARE_RE = re.compile(f"[{_MARKS}{_KANA}\U00010000-\U0010ffff]")
# CJK_CHARS as (first, last) code points: a short query term is told apart without compiling
# the tokenizer's pattern (two classes over the CJK blocks, ~5 ms of every `monitor search`).
_CJK_RANGES = tuple((ord(CJK_CHARS[i]), ord(CJK_CHARS[i + 2])) for i in range(0, len(CJK_CHARS), 3))
_HAN_RANGES = ((0x3005, 0x3005), (0x3007, 0x3007), *((ord(HAN_CHARS[i]), ord(HAN_CHARS[i + 2]))
                                                     for i in range(2, len(HAN_CHARS), 3)))

_SYLLABLE = (
    "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    "(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ui|ao|ou|iu|ie|ue|ve|er"
    "|an|en|in|un|vn|ia|ua|uo|a|o|e|i|u|v)[1-5]?"  # no bare m/n/ng: "(m2)" is a unit
)
# The patterns only text with pinyin, kana, marks or astral characters needs: compiled on first
# use (together ~10 ms of `re` at every start that imported this module, a search included).
_pinyin_re = functools.cache(lambda: re.compile(_PINYIN))
_pinyin_group_re = functools.cache(lambda: re.compile(_PINYIN_GROUP))
_kana_re = functools.cache(lambda: re.compile(f"[{_KANA}]"))
_kana_run_re = functools.cache(lambda: re.compile(f";?[{_KANA}]+;?"))
_mark_re = functools.cache(lambda: re.compile(f"[{_MARKS}]"))
# Outside the table: surrogates, unassigned planes 4-13, private-use planes 15-16.
_outside_re = functools.cache(lambda: re.compile("[\ud800-\udfff\U00032400-\U000dffff\U000e1000-\U0010ffff]"))
_syllables_re = functools.cache(lambda: re.compile(f"(?:{_SYLLABLE}){{1,8}}"))
_TONE_MARKS = {"\u0304", "\u0301", "\u030c", "\u0300"}  # macron, acute, caron, grave


def _class_ranges(cps: list[int]) -> list[str]:
    """Compress sorted code points into regex character-class ranges."""
    out: list[str] = []
    start = prev = cps[0]
    for cp in cps[1:] + [-1]:
        if cp == prev + 1:
            prev = cp
            continue
        out.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
        start = prev = cp
    return out


class_ranges = _class_ranges


# --- the steps -----------------------------------------------------------------------------


@functools.cache
def _han_re() -> re.Pattern[str]:
    """A Han character. Compiled on first use (only pinyin and kana clean-up need it): a class
    over the CJK blocks costs `re` ~3 ms to compile, one step per code point."""
    return re.compile(f"[{HAN_CHARS}]")


@functools.cache
def _compose_re() -> re.Pattern[str]:
    """A character followed by combining marks (rare: compiled on first use)."""
    return re.compile(f"[^{_MARKS}][{_MARKS}]+")


def _compose(m: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", m.group())


@functools.lru_cache(maxsize=4096)  # annotations repeat ("網(wǎng)" in every dateline): 3 µs → 0.1
def is_pinyin(text: str) -> bool:
    """True when `text` is one to several pinyin syllables and at least one carries a tone."""
    text = text.lower()
    decomposed = unicodedata.normalize("NFD", text.replace("ü", "v").replace("u:", "v"))
    toned = any(c in _TONE_MARKS for c in decomposed) or any(c in "12345" for c in text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = [w for w in re.split(r"[ '\u2019-]+", bare) if w]
    return toned and bool(words) and all(is_syllables(w) for w in words)


def is_syllables(word: str) -> bool:
    """True when `word` (small letters, toneless) splits into pinyin syllables (the regex backtracks over splits)."""
    return _syllables_re().fullmatch(word) is not None


_syllable_re = functools.cache(lambda: re.compile(_SYLLABLE))


def is_syllable(word: str) -> bool:
    """True when `word` is one pinyin syllable (toneless, or with a tone number)."""
    return _syllable_re().fullmatch(word) is not None


def _pinyin(m: re.Match[str]) -> str:
    start = m.start()
    if not start or not _han_re().match(m.string, start - 1):
        return m.group()
    groups = _pinyin_group_re().findall(m.group())
    return "" if all(is_pinyin(g) for g in groups) else m.group()


def _is_chinese_with_kana(text: str) -> bool:
    """Kana in mostly-Han text are mojibake; genuine Japanese keeps them."""
    if not _kana_re().search(text):
        return False
    return len(_kana_re().findall(text)) * 3 <= len(_han_re().findall(text))


# --- public API ----------------------------------------------------------------------------


def normalize(text: str) -> str:
    """The match/index/fingerprint form of `text` (see the module docstring)."""
    return _normalize(text, keep_lines=False)


def normalize_map(text: str) -> tuple[str, list[int]]:
    """`normalize(text)` plus, for each output character, its index in `text`."""
    return _normalize_map(text, keep_lines=False)


def fold(text: str) -> str:
    """Only the character table, one character for one (a character `normalize` would drop
    or expand becomes NUL): `fold(t) == normalize(t)` means offsets are unchanged."""
    return _fold_one(text)


def offset_shift(text: str, norm: str) -> int | None:
    """For `norm`, the normal form of `text` (a title or one line): how far offsets in `norm`
    are from offsets in `text` when characters were only replaced one for one, else None.
    Normalising only replaces, drops and merges characters, but for table expansions and
    composed marks; with neither in `text`, the same length means nothing inside the stripped
    text was dropped (a regex test: a fraction of the cost of comparing with `fold`)."""
    core = text.strip()
    if len(core) != len(norm) or _lengthening_re().search(core):
        return None
    return len(text) - len(text.lstrip())


@functools.cache
def _lengthening_re() -> re.Pattern[str]:
    """The characters after which `offset_shift` cannot tell: BMP table drops and expansions,
    combining marks, and anything beyond the BMP (as one range: `re` tests the BMP part of a
    class with one table look-up but each range beyond it in turn, ×6 slower with them all)."""
    chars = sorted(cp for cp, v in char_table().items() if (v is None or len(v) != 1) and cp < 0x10000)
    return re.compile("[" + "".join(_class_ranges(chars)) + _MARKS + "\U00010000-\U0010ffff]")


def normalize_lines(text: str) -> str:
    """Like `normalize`, but line breaks survive (one line break between non-empty lines)."""
    return _normalize(text, keep_lines=True)


def normalize_lines_map(text: str) -> tuple[str, list[int]]:
    """`normalize_lines(text)` plus, for each output character, its index in `text`."""
    return _normalize_map(text, keep_lines=True)


# The last few texts' two normal forms (flat, lines), made together: ingest normalises an
# article's title and body for its tokens and fingerprint, then the matcher asks for the same
# title and the body with its lines; only texts under MEMO_CHARS (memory stays small).
MEMO_SIZE = 8
MEMO_CHARS = 100_000
_memo: dict[str, tuple[str, str]] = {}


def _normalize(text: str, keep_lines: bool) -> str:
    both = _memo.get(text)
    if both is not None:
        return both[keep_lines]
    s = _translate(text, False)  # steps 1-3, when there are no marks, kana or astral chars
    if _RARE_RE.search(s):
        return _normalize_map(text, keep_lines)[0]  # rare: the full step-by-step path
    # str.split() is several times faster than the equivalent regex; the flat form is the
    # lines' with their breaks as spaces (the same words, one space apart), before pinyin
    lines = "\n".join(j for line in s.split("\n") if (j := " ".join(line.split())))
    flat = lines.replace("\n", " ")
    if "(" in lines:  # pinyin after a line break is not after a Han character: each on its own
        lines = _pinyin_re().sub(_pinyin, lines).strip(" \n")
        flat = _pinyin_re().sub(_pinyin, flat).strip(" \n")
    if len(text) < MEMO_CHARS:
        _remember(text, (flat, lines))
    return lines if keep_lines else flat


def _remember(text: str, both: tuple[str, str]) -> None:
    """Keep a text's normal forms, forgetting the oldest past MEMO_SIZE (threads may race:
    a lost entry only costs a normalising again)."""
    if len(_memo) >= MEMO_SIZE:
        with contextlib.suppress(KeyError, RuntimeError, StopIteration):
            del _memo[next(iter(_memo))]
    _memo[text] = both


def _normalize_map(text: str, keep_lines: bool) -> tuple[str, list[int]]:
    s, m = text, list(range(len(text)))
    quick = _translate(s, True)  # length-preserving: the map is unchanged
    if _RARE_RE.search(quick) is None and "\0" not in quick:
        s = quick  # no marks, kana, astral characters, drops or expansions: steps 1-3 done
    else:  # each step's pattern only where `_RARE_RE` (marks, kana, astral) says it can match:
        # most text here merely has a drop or an expansion ("……"), and compiling costs more
        if _RARE_RE.search(s) and _mark_re().search(s):
            s, m = _sub_map(_compose_re(), _compose, s, m)
        folded = _fold_one(s)
        if "\0" in folded:
            folded, m = _sub_special(s, folded, m)
            folded = _fold_one(folded)
        if _RARE_RE.search(folded) is None:
            s = folded
        else:
            s, m = _sub_map(_outside_re(), lambda _: "", folded, m)
            if _is_chinese_with_kana(s):
                s, m = _sub_map(_kana_run_re(), lambda _: "", s, m)
    s, m = _sub_map(_LINES_WS_MAP_RE if keep_lines else _WS_MAP_RE, _space if keep_lines else _one_space, s, m)
    if "(" in s:
        s, m = _sub_map(_pinyin_re(), _pinyin, s, m)
    lead = len(s) - len(s.lstrip(" \n"))
    end = len(s.rstrip(" \n"))
    return s[lead:end], m[lead:end]


def _space(m: re.Match[str]) -> str:
    return "\n" if "\n" in m.group() else " "


def _one_space(_: re.Match[str]) -> str:
    return " "


def _sub_map(
    pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str], s: str, m: list[int]
) -> tuple[str, list[int]]:
    """`pattern.sub(repl, s)` that also rewrites the offset map `m`."""
    return _splice(s, m, ((*mo.span(), repl(mo)) for mo in pattern.finditer(s)))


def _sub_special(s: str, folded: str, m: list[int]) -> tuple[str, list[int]]:
    """Each character of `s` the table drops or expands replaced by its entry, found without a
    regex (a class of those ~325 ranges cost 2-5 ms to compile): `folded` (`_fold_one(s)`) has
    a NUL exactly where `s` has such a character, so they are found with `str.find`."""
    tables, spans = _tables(), []
    i = folded.find("\0")
    while i >= 0:
        cp = ord(s[i])
        spans.append((i, i + 1, (tables["bmp_other"] if cp < 0x10000 else tables["astral_other"])[cp] or ""))
        i = folded.find("\0", i + 1)
    return _splice(s, m, spans)


def _splice(s: str, m: list[int], edits: Iterable[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """`s` with each (start, end, replacement) applied, in order, and the offset map `m` to match."""
    parts: list[str] = []
    out_m: list[int] = []
    last = 0
    for a, b, r in edits:
        if r == s[a:b]:
            continue
        parts.append(s[last:a])
        out_m += m[last:a]
        parts.append(r)
        out_m += [m[a]] * len(r)
        last = b
    if not parts:
        return s, m
    parts.append(s[last:])
    out_m += m[last:]
    return "".join(parts), out_m


@functools.cache
def _token_re() -> re.Pattern[str]:
    """A CJK run (group 1) or another word (group 2): the tokenizer of documents. Compiled on
    first use; query terms are split by `_pieces`, which gives the same tokens."""
    return re.compile(f"([{CJK_CHARS}]+)|([^\\W_{CJK_CHARS}]+)")


def _is_cjk(char: str) -> bool:
    cp = ord(char)
    return any(lo <= cp <= hi for lo, hi in _CJK_RANGES)


def _pieces(norm: str) -> list[tuple[bool, str]]:
    """(is_cjk, text) for each CJK run and each other word of normalised text: what
    `_token_re().findall` gives (a word character is `str.isalnum`, as `re`'s `\\w` without
    `_`), one character at a time, for the few characters of a query term."""
    pieces: list[tuple[bool, str]] = []
    kind, start = 0, 0
    for i, char in enumerate(norm + " "):
        now = 1 if _is_cjk(char) else 2 if char.isalnum() else 0
        if now != kind:
            if kind:
                pieces.append((kind == 1, norm[start:i]))
            kind, start = now, i
    return pieces


def _bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_tokens(text: str) -> str:
    """FTS5 document text: CJK runs as overlapping bigrams plus the run's last character."""
    return normal_index_tokens(normalize(text))


def normal_index_tokens(norm: str) -> str:
    """`index_tokens` of text already in normal form (so ingest normalises an article once)."""
    parts: list[str] = []
    for run, word in _token_re().findall(norm):
        if run:  # the bigrams, built pairwise in C (×2 over slicing each one), then the last char
            if len(run) > 1:
                parts.append(" ".join(map(operator.add, run, run[1:])))
            parts.append(run[-1])
        else:
            parts.append(word)
    return " ".join(parts)


MAIN_HAN = "\u3400-\u4dbf\u4e00-\u9fff"  # the Han blocks whose every character is one character of the normal form


@functools.cache
def han_expanders() -> str:
    """The characters the table expands into text holding two Han characters of `MAIN_HAN`
    (㍿ 株式会社, ㍾ 明治), or one it does not list them under (`folding_into`): a search's cheap
    test (`querylang.Query.reject_test`), which reads a character as each character it folds
    into, cannot see those in the original text. Read from the table's other entries (~10,000:
    ~5 ms, on first use)."""
    tables, out = _tables(), []
    for other in (tables["bmp_other"], tables["astral_other"]):
        for cp, entry in other.items():
            if entry and len(entry) > 1:
                # the entry folded holds whatever Han characters the character's normal form holds
                han = [c for c in _fold_one(entry) if "\u3400" <= c <= "\u4dbf" or "\u4e00" <= c <= "\u9fff"]
                if len(han) > 1 or any(c not in entry for c in han):  # (what `folding_into` reads)
                    out.append(chr(cp))
    return "".join(sorted(out))


def is_han(char: str) -> bool:
    """True when `char` is one Han character (`HAN_CHARS`), told without compiling that class
    (3-10 ms of a one-character search)."""
    return len(char) == 1 and any(lo <= ord(char) <= hi for lo, hi in _HAN_RANGES)


def is_cjk_run(text: str) -> bool:
    """True when `text` is one run of the characters indexed as bigrams (`CJK_CHARS`), told
    without compiling a class over the CJK blocks (~2 ms each)."""
    return bool(text) and all(map(_is_cjk, text))


def query_phrase(term: str) -> str:
    """One FTS5 MATCH phrase for a query term, tokenised as `index_tokens` does; "" if none."""
    pieces = _pieces(normalize(term))
    tokens: list[str] = []
    prefix = False
    for i, (cjk, piece) in enumerate(pieces):
        last = i == len(pieces) - 1
        if not cjk:
            tokens.append(piece)
        elif last and len(piece) == 1:
            tokens.append(piece)  # the document's token is this char or a bigram starting with it
            prefix = True
        else:
            tokens += _bigrams(piece) + ([] if last else [piece[-1]])
    if not tokens:
        return ""  # nothing searchable: `MATCH ''` would be an FTS5 syntax error
    phrase = '"' + " ".join(tokens).replace('"', '""') + '"'
    return phrase + " *" if prefix else phrase
