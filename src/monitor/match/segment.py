"""Which reading of a contested spot is the better one: a term, or a word that overlaps it.

In: normalised text, a hit [start, end) and the topic's own terms. Out: True when the most
likely segmentation of the text around the hit keeps the hit as one word (`keeps`), and
whether a `not_in` context is a segmentation question at all (`crossing`). Never does I/O
beyond reading jieba's word list (frequencies from a general corpus) once, on first use.

Why: an exclusion such as `三明确` (第三|明确) is right in 第三明确 but wrong in 三明确立
(三明|确立). Which reading holds depends on the words on both sides, which no list of
contexts can spell out. The most likely segmentation (each word's probability its corpus
frequency, the product over the words, as jieba does) answers it: 三明|确立 beats 三|明确|立
because 确立 is a word and a lone 立 is rare; 第三|明确 beats 第|三明|确.
"""

from __future__ import annotations

import functools
import itertools
import math
from importlib import resources

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


@functools.cache
def _lexicon() -> tuple[dict[str, int], float]:
    """jieba's word → frequency, and the log of the total frequency."""
    return _tables()[:2]


@functools.cache
def _tables() -> tuple[dict[str, int], float, frozenset[str], frozenset[str]]:
    """`_lexicon`, the words of two characters or more it tags as proper names, and the single
    characters it tags as function words (one pass)."""
    words: dict[str, int] = {}
    proper: set[str] = set()
    function: set[str] = set()
    text = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        word, _, rest = line.partition(" ")
        freq, _, tag = rest.partition(" ")
        if len(word) <= _MAX_WORD and freq.isdigit():
            words[word] = int(freq)
            if len(word) > 1 and tag in _PROPER:
                proper.add(word)
            elif len(word) == 1 and (tag in _FUNCTION or tag.startswith("u")):
                function.add(word)
    return words, math.log(sum(words.values())), frozenset(proper), frozenset(function)


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
    _, _, proper, function = _tables()
    if any(piece in proper for piece in _pieces(text)):
        return True
    before, after = before[-WINDOW:], after[:WINDOW]
    window, start, end = before + text + after, len(before), len(before) + len(text)
    cuts = sorted(_best_cuts(window, frozenset()))
    pieces = [(a, b) for a, b in itertools.pairwise(cuts) if a < end and b > start]  # those the passage is in
    if any(window[a:b] in proper for a, b in pieces):
        return True
    return len(text) <= 4 and start in cuts and end in cuts and all(
        b - a == 1 and window[a] not in function for a, b in pieces)


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
    pieces, function = [window[a:b] for a, b in itertools.pairwise(cuts) if start <= a and b <= end], _tables()[3]
    return any(len(piece) == 1 for piece in pieces) and not any(piece in function for piece in pieces)


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
