"""Which reading of a contested spot is the better one: a term, or a word that overlaps it.

In: normalised text, a hit [start, end) and the topic's own terms. Out: True when the most
likely segmentation of the text around the hit keeps the hit as one word (`keeps`), and
whether a `not_in` context is a segmentation question at all (`crossing`). Never does I/O
beyond reading jieba's word list (frequencies from a general corpus) once, on first use, from
the disk cache of it (`tablecache`) after the first time on a machine.

Why: an exclusion such as `三明确` (第三|明确) is right in 第三明确 but wrong in 三明确立
(三明|确立). Which reading holds depends on the words on both sides, which no list of
contexts can spell out. The most likely segmentation (each word's probability its corpus
frequency, the product over the words, as jieba does) answers it: 三明|确立 beats 三|明确|立
because 确立 is a word and a lone 立 is rare; 第三|明确 beats 第|三明|确.
"""

from __future__ import annotations

import array
import bisect
import functools
import importlib.util
import io
import itertools
import math
import zlib
from pathlib import Path
from typing import Any

from .. import tablecache

# A topic term counts as a word at least this frequent: the corpus is general, the text in
# front of us is news about the topic, where a county name is far likelier than in general
# text (jieba lists 三明 42 times, 将乐 not at all). 1000 is what a common word has.
TERM_FLOOR = 1000
# A word overlapping a `not_in` context's term makes the context a question of segmentation only
# when the lexicon lists it this often: rarer entries (明路 3, 安寺 2, 田县 2) are no second reading.
CROSSING_MIN = 10
WINDOW = 4  # characters on each side of the hit that take part in the reading
_MAX_WORD = 6


# The lexicon's tags of proper names: person (nr, nrfg, nrt), place (ns), organisation (nt), other
# (nz); and of function words, which no name the lexicon lacks is made of: particles (u…),
# prepositions, conjunctions, pronouns, modal particles, interjections, onomatopoeia (着, 在, 我).
_PROPER = frozenset(("nr", "nrfg", "nrt", "ns", "nt", "nz"))
_FUNCTION = frozenset(("p", "c", "r", "y", "e", "o"))


class _Lexicon:
    """jieba's words with their frequencies and tags, compactly: a sorted array of the words'
    CRC-32s (where each value of their top 16 bits starts in `_starts`: a look-up bisects a few),
    the frequency and tag bits of each in arrays beside it, and the words themselves
    in one string, against which a CRC hit is confirmed (two words may share one). About 6 MB
    where a dict and two sets of the same 347,000 words held 60; kept on disk (`tablecache`)."""

    PROPER, FUNCTION = 1, 2

    def __init__(self, parts: dict[str, Any]) -> None:
        """`parts`: what `_lexicon_parts` makes of the list (or the disk cache holds of it)."""
        self._crcs, self._freqs, self._ends, self._starts = (
            array.array("I", parts[k]) for k in ("crcs", "freqs", "ends", "starts"))
        self._tags, self._text, self.log_total = parts["tags"], parts["text"], parts["log_total"]

    @classmethod
    def read(cls, text: str) -> _Lexicon:
        return cls(_lexicon_parts(text))

    def _find(self, word: str) -> int:
        """The word's index, or -1 (an equal CRC of another word is passed over)."""
        crc, crcs, ends, starts = zlib.crc32(word.encode("utf-8", "surrogatepass")), self._crcs, self._ends, self._starts
        i = bisect.bisect_left(crcs, crc, starts[crc >> 16], starts[(crc >> 16) + 1])
        while i < len(crcs) and crcs[i] == crc:
            if self._text[ends[i - 1] if i else 0:ends[i]] == word:
                return i
            i += 1
        return -1

    @functools.lru_cache(maxsize=1 << 15)  # noqa: B019 - one lexicon per process, kept for good
    def get(self, word: str, default: int = 0) -> int:
        """The word's corpus frequency, or `default` when the lexicon lacks it."""
        i = self._find(word)
        return self._freqs[i] if i >= 0 else default

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) >= 0

    def tagged(self, word: str, tag: int) -> bool:
        """Whether the lexicon lists the word with a tag of that kind (PROPER, FUNCTION)."""
        i = self._find(word)
        return i >= 0 and bool(self._tags[i] & tag)


def _lexicon_parts(text: str) -> dict[str, Any]:
    """jieba's dict.txt (a line per word: the word, its frequency, its tag) as `_Lexicon`'s
    arrays (as bytes, for the disk cache): each word of up to _MAX_WORD characters, ordered by
    its CRC-32. A word listed twice keeps its last line, as a dict built from the lines would."""
    words: list[str] = []
    freqs, tags, kinds = array.array("I"), bytearray(), dict[tuple[str, bool], int]()
    for line in io.StringIO(text):
        word, _, rest = line.partition(" ")
        freq, _, tag = rest.rstrip("\n").partition(" ")
        if len(word) <= _MAX_WORD and freq.isdigit():
            if (kind := kinds.get((tag, len(word) > 1))) is None:
                kind = kinds[tag, len(word) > 1] = _kind(tag, len(word) > 1)
            words.append(word)
            freqs.append(int(freq))
            tags.append(kind)
    last = {word: i for i, word in enumerate(words)}  # a word listed twice: its last line
    bits = len(words).bit_length()
    keys = sorted(zlib.crc32(word.encode("utf-8", "surrogatepass")) << bits | i for word, i in last.items())  # CRC, then index
    order = [k & ((1 << bits) - 1) for k in keys]
    picked, crcs = [words[i] for i in order], [k >> bits for k in keys]
    return {"crcs": array.array("I", crcs).tobytes(),
            "starts": array.array("I", (bisect.bisect_left(crcs, b << 16) for b in range(1 << 16 | 1))).tobytes(),
            "freqs": array.array("I", [freqs[i] for i in order]).tobytes(),
            "ends": array.array("I", itertools.accumulate(map(len, picked))).tobytes(),
            "tags": bytes([tags[i] for i in order]), "text": "".join(picked),
            "log_total": math.log(sum(freqs[i] for i in order))}


def _kind(tag: str, longer: bool) -> int:
    """The tag bits of a word of the lexicon: PROPER for a word of two characters or more
    tagged a proper name, FUNCTION for a single character tagged a function word."""
    if longer:
        return _Lexicon.PROPER if tag in _PROPER else 0
    return _Lexicon.FUNCTION if tag in _FUNCTION or tag.startswith("u") else 0


def _jieba_list() -> Path:
    """jieba's dict.txt, found without importing jieba (which loads pkg_resources: ~0.2 s)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba is not installed")
    return Path(spec.submodule_search_locations[0]) / "dict.txt"


@functools.cache
def _lexicon() -> tuple[_Lexicon, float]:
    """jieba's words (word → frequency, `_Lexicon`), and the log of the total frequency."""
    lexicon = _tables()
    return lexicon, lexicon.log_total


@functools.cache
def _tables() -> _Lexicon:
    """jieba's word list: built from it at the first use on a machine (~0.5 s), read from the
    disk cache after, keyed by this file and the list's path, size and modification time:
    reading and hashing the 5 MB list cost 20-60 ms of every process that matches."""
    path = _jieba_list()
    stat = path.stat()
    parts = tablecache.load_or_build("lexicon", [Path(__file__).read_bytes(),
                                                 f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode()],
                                     lambda: _lexicon_parts(path.read_bytes().decode("utf-8")), keep=4)
    return _Lexicon(parts)


def is_word(text: str) -> bool:
    """True when `text` (two characters or more) is a word of the general lexicon."""
    return len(text) > 1 and text in _lexicon()[0]


NAME_MAX = 8  # characters of a passage judged as a name (`proper_name`)


@functools.lru_cache(maxsize=4096)
def proper_name(text: str, before: str = "", after: str = "") -> bool:
    """Whether a short passage (2 to NAME_MAX letters and digits, no punctuation) between
    `before` and `after` reads as a name: the likeliest segmentation of the passage, or of the
    passage with WINDOW characters on each side, has a word the lexicon tags as a person, place,
    organisation or other proper name in it or around it (清溪, 福州市|闽清, 湄洲 of 湄洲岛); or
    the passage is no word at all, every piece of it a single character and none a function
    word, with word boundaries at its edges in the text around it (将乐, 柳塘: names the lexicon
    lacks; not 拿着, nor 造开 of 建造开展, the ends of two words). A common word or words
    (表示, 进一步|加强) is none. Used to tell a release from one template for another place
    (its names in the same places) from a reworded repost (`dedup.substitutions`)."""
    if not (len(text) <= NAME_MAX and text.isalnum() and sum(c.isalpha() for c in text) > 1):
        return False  # a figure, punctuation, or a single letter (三明 is 3明 in a fingerprint's text)
    lexicon, proper = _tables(), _Lexicon.PROPER
    if any(lexicon.tagged(piece, proper) for piece in _pieces(text)):
        return True
    before, after = before[-WINDOW:], after[:WINDOW]
    window, start, end = before + text + after, len(before), len(before) + len(text)
    cuts = sorted(_best_cuts(window, frozenset()))
    pieces = [(a, b) for a, b in itertools.pairwise(cuts) if a < end and b > start]  # those the passage is in
    if any(lexicon.tagged(window[a:b], proper) for a, b in pieces):
        return True
    return len(text) <= 4 and start in cuts and end in cuts and all(
        b - a == 1 and not lexicon.tagged(window[a], _Lexicon.FUNCTION) for a, b in pieces)


@functools.lru_cache(maxsize=4096)
def name_like(text: str, before: str = "", after: str = "") -> bool:
    """Whether a short passage between `before` and `after` may be a name the lexicon does not
    tag: a proper name (`proper_name`), or 2 to 4 letters with word boundaries at its edges in
    the text around it, whose words in the likeliest segmentation hold a single character of no
    word and no function word (茶山坪 = 茶山 + 坪, 竹管垄 = 竹管 + 垄: a village named after a
    thing). Common words (当地, 表示), a pronoun and a unit (该乡, 我县) and a passage ending
    inside a word (专项合 of 专项合作) are none. Asked only of what stands where the other text
    has a proper name."""
    if proper_name(text, before, after):
        return True
    if not (1 < len(text) <= 4 and text.isalpha()):
        return False
    before, after = before[-WINDOW:], after[:WINDOW]
    window, start, end = before + text + after, len(before), len(before) + len(text)
    cuts = sorted(_best_cuts(window, frozenset()))
    if start not in cuts or end not in cuts:
        return False
    pieces, lexicon = [window[a:b] for a, b in itertools.pairwise(cuts) if start <= a and b <= end], _tables()
    return any(len(piece) == 1 for piece in pieces) and not any(lexicon.tagged(p, _Lexicon.FUNCTION) for p in pieces)


def _pieces(text: str) -> list[str]:
    """The words of the likeliest segmentation of a text."""
    cuts = sorted(_best_cuts(text, frozenset()))
    return [text[a:b] for a, b in itertools.pairwise(cuts)]


@functools.lru_cache(maxsize=4096)
def crossing(context: str, term_start: int, term_end: int) -> bool:
    """True when `context` is the term and a known word that overlaps it, nothing more
    (三明确 = 三明 + 明确; 即将乐 = 即将 + 将乐): then the context is one reading of two, to be
    judged. A context with more in it (韩国大田, 永安路) names something else outright, and so
    does one whose overlapping word is one the lexicon barely knows (三明路: 明路 is listed 3
    times in the whole corpus; 永安寺: 安寺, twice): no reader cuts 三明|路 as 三|明路.
    Cached: a topic has a few hundred contexts, and each hit in one asks again (up to 21
    dictionary look-ups for a context of seven characters)."""
    words = _lexicon()[0]
    for a in range(len(context)):
        for b in range(a + 2, min(len(context), a + _MAX_WORD) + 1):
            overlaps = a < term_end and b > term_start
            contains = a <= term_start and b >= term_end
            covers = min(a, term_start) == 0 and max(b, term_end) == len(context)
            if overlaps and not contains and covers and words.get(context[a:b], 0) >= CROSSING_MIN:
                return True
    return False


def keeps(text: str, start: int, end: int, terms: frozenset[str]) -> bool:
    """True when the likeliest segmentation of the text around [start, end) has word
    boundaries at `start` and `end` (the hit reads as a word of its own)."""
    lo, hi = max(0, start - WINDOW), min(len(text), end + WINDOW)
    return _keeps(text[lo:hi], start - lo, end - lo, terms)


@functools.lru_cache(maxsize=4096)
def _keeps(window: str, start: int, end: int, terms: frozenset[str]) -> bool:
    """`keeps` on a window; cached: the same few contexts (在沪期间, 赴沪考察) recur in news."""
    cuts = _best_cuts(window, terms)
    return start in cuts and end in cuts


def _best_cuts(window: str, terms: frozenset[str]) -> set[int]:
    """Word boundaries of the likeliest segmentation (dynamic programming from the right)."""
    words, log_total = _lexicon()
    get, log = words.get, math.log
    n = len(window)
    score = [0.0] * (n + 1)
    step = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        best, arg = -math.inf, i + 1
        for j in range(i + 1, min(n, i + _MAX_WORD) + 1):
            piece = window[i:j]
            freq = get(piece, 0)
            if freq < TERM_FLOOR and piece in terms:
                freq = TERM_FLOOR
            if freq or j == i + 1:
                value = log(freq or 1) - log_total + score[j]
                if value > best or (value == best and j > arg):  # ties: the longer piece, as max() did
                    best, arg = value, j
        score[i], step[i] = best, arg
    cuts, i = {0}, 0
    while i < n:
        i = step[i]
        cuts.add(i)
    return cuts
