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
import math
from importlib import resources

# A topic term counts as a word at least this frequent: the corpus is general, the text in
# front of us is news about the topic, where a county name is far likelier than in general
# text (jieba lists 三明 42 times, 将乐 not at all). 1000 is what a common word has.
TERM_FLOOR = 1000
WINDOW = 4  # characters on each side of the hit that take part in the reading
_MAX_WORD = 6


@functools.cache
def _lexicon() -> tuple[dict[str, int], float]:
    """jieba's word → frequency, and the log of the total frequency."""
    words: dict[str, int] = {}
    text = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        word, _, rest = line.partition(" ")
        freq = rest.partition(" ")[0]
        if len(word) <= _MAX_WORD and freq.isdigit():
            words[word] = int(freq)
    return words, math.log(sum(words.values()))


def is_word(text: str) -> bool:
    """True when `text` (two characters or more) is a word of the general lexicon."""
    return len(text) > 1 and text in _lexicon()[0]


@functools.lru_cache(maxsize=4096)
def crossing(context: str, term_start: int, term_end: int) -> bool:
    """True when `context` is the term and a known word that overlaps it, nothing more
    (三明确 = 三明 + 明确; 即将乐 = 即将 + 将乐): then the context is one reading of two, to be
    judged. A context with more in it (韩国大田, 永安路) names something else outright.
    Cached: a topic has a few hundred contexts, and each hit in one asks again (up to 21
    dictionary look-ups for a context of seven characters)."""
    for a in range(len(context)):
        for b in range(a + 2, min(len(context), a + _MAX_WORD) + 1):
            overlaps = a < term_end and b > term_start
            contains = a <= term_start and b >= term_end
            covers = min(a, term_start) == 0 and max(b, term_end) == len(context)
            if overlaps and not contains and covers and is_word(context[a:b]):
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
