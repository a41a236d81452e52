"""An English page whose text runs on in comma-separated bits that no 'and' or 'or' closes
(", a, a, a, …": a spam mirror's tag dump, a table flattened to text). The enumeration finder tried
every ", " of the run against every later one: 30 KB took 2 s of the poll's CPU and 300 KB more than
three minutes, a body of 1 MB (the cap) hours. It now gives up a run once: the same places, found in
one pass, in a time linear in the run (the CPU for 4x the run against a reference run, tests/cpuguard.py)."""

from __future__ import annotations

import random

import pytest
from cpuguard import LINEAR, growth

from monitor import match
from monitor.match import match_article
from monitor.match.spans import _EN_LIST_CORE, english_lists
from monitor.models import Match

LEAD = ("Shanghai and Sanming signed a new counterpart cooperation agreement on Tuesday, with Shanghai "
        "firms building an industrial park in Sanming.\n")


TAILS = {"a": lambda n: ", a" * n, "names": lambda n: ", shanghai, sanming" * (n // 6),
         "and-at-the-end": lambda n: ", x y z" * (n // 2) + " and"}


@pytest.mark.parametrize("tail", list(TAILS))
def test_a_run_of_commas_no_and_closes_is_read_in_a_time_linear_in_it(hu_ming: match.Topic, tail: str) -> None:
    def read(n: int) -> Match:
        return match_article(hu_ming, "Shanghai and Sanming deepen ties", LEAD + TAILS[tail](n))

    assert (grew := growth(read, 16_000)) < LINEAR, f"{grew:.1f}x the CPU for 4x the run"  # ~16x: every ", " to every later one
    m = read(100_000)  # 300 KB
    assert m.matched, m.reason


def test_the_same_places_as_the_pattern_alone() -> None:
    """On random texts of list-like bits, the one-pass finder gives the pattern's own matches."""
    rng = random.Random(7)
    bits = [", ", "a", "bb", " and ", " or ", ".", ",", " ", "x" * 41, "sanming", "\n", "the yong'an depot"]
    for _ in range(3000):
        text = "".join(rng.choice(bits) for _ in range(rng.randint(1, 40)))
        assert english_lists(text) == [(m.start(), m.end()) for m in _EN_LIST_CORE.finditer(text)], text
