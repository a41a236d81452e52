"""One automaton pass for a topic's literal terms (`terms.Literals`) gives the regex scans' spans.

A terms pattern is tried only where the first piece of one of its terms occurs (found for all
patterns of a topic in one Aho-Corasick pass); these tests hold that to `finditer` over the whole
text on random texts: Chinese and English terms, terms that run on from another, multi-word terms
whose separators vary, apostrophes, a Latin end that must end a word, characters beyond the BMP
ahead of a hit (offsets are in characters), a `stop` and a `last`.
"""

from __future__ import annotations

import random

import pytest

from monitor.match import terms
from monitor.match.terms import Found, Literals, terms_pattern

TERM_SETS = [
    ["上海", "上海市", "海三", "三明", "三明市", "明溪", "沪明"],
    ["yong'an", "shanghai", "shanghai-sanming", "sanming", "hu ming", "pair", "paired", "aid"],
    ["三〓市", "涓夋槑", "ä¸‰æ˜Ž", "𠀋明", "明"],
    ["合作", "对口合作", "结对", "合", "作"],
]
ALPHABET = list("上海市三明溪沪合作对口结〓涓夋槑𠀋 ") + ["shanghai", "sanming", "yong", "'", "’", "an", "-", " ", "–",
                                                 "pair", "ed", "aid", "x", "hu", "ming", "ä¸‰æ˜Ž"]


@pytest.mark.parametrize("term_set", TERM_SETS)
def test_the_places_found_give_the_spans_of_a_full_scan(term_set: list[str]) -> None:
    patterns = [terms_pattern(term_set), terms_pattern(term_set[:3]), terms_pattern(term_set[2:])]
    literals = Literals(patterns)
    assert {id(p) for p in patterns} <= literals.ids
    rng = random.Random(5)
    for _ in range(500):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40)))
        found = Found(literals, text)
        stop = rng.randint(0, len(text))
        last = rng.choice([None, rng.randint(0, len(text))])
        for p in patterns:
            want = terms.spans(p, text, stop, 0, last)
            assert terms.spans(p, text, stop, 0, last, found) == want, (text, stop, last)


def test_a_pattern_with_a_term_that_starts_with_a_separator_is_left_to_its_scan() -> None:
    odd, plain = terms_pattern(["-x", "上海"]), terms_pattern(["上海"])
    literals = Literals([odd, plain])
    assert id(plain) in literals.ids and id(odd) not in literals.ids
    text = "上海 -x 上海"
    assert terms.spans(odd, text, len(text), 0, None, Found(literals, text)) == [m.span() for m in odd.finditer(text)]


def test_a_pattern_not_made_by_terms_pattern_is_left_out() -> None:
    import re

    assert Literals([re.compile("沪(?:明)?市区")]).ids == set()


REGEX_SETS = [
    ["19[56]\\d|[五六]十年代|fifties"],
    ["〓[\u4e00-\u9fff]?[市县区]"],
    ["(?:partner|paired|pairing) (?:city|county) in (?:western )?fujian", "sister city"],
    ["(?=上)上海(?:市)?", "a+b", "(?:x|y)+z"],
]


@pytest.mark.parametrize("items", REGEX_SETS)
def test_a_regex_group_tried_where_its_pieces_occur_gives_the_full_scans_spans(items: list[str]) -> None:
    pattern = terms.regex_pattern(items)
    literals = Literals([pattern])
    assert id(pattern) in literals.ids
    rng = random.Random(9)
    alphabet = ["19", "5", "6", "7", "五", "六", "十年代", "fifties", "〓", "市", "县", "上", "海", "partner", "paired",
                " ", "city", "in", "western", "fujian", "sister", "a", "b", "x", "y", "z", "𠀋"]
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        stop = rng.randint(0, len(text))
        want = [m.span() for m in pattern.finditer(text, 0, stop) if m.end() > m.start()]
        assert terms.regex_spans(pattern, text, stop, 0, Found(literals, text)) == want, (text, stop)


@pytest.mark.parametrize("items", [["^上海"], ["a*"], ["(?i:abc)"], ["[^x]y"], ["\\d+"]])
def test_a_regex_whose_first_pieces_are_unknown_is_left_to_its_scan(items: list[str]) -> None:
    assert id(terms.regex_pattern(items)) not in Literals([terms.regex_pattern(items)]).ids


def test_the_pieces_read_from_a_regex() -> None:
    assert terms._regex_pieces("19[56]\\d|[五六]十年代|fifties") == {"19", "五", "六", "fifties"}
    assert terms._regex_pieces("(?:与|和)(?!福建)[一-龥]{2}市") == {"与", "和"}
    assert terms._regex_pieces("(?:ab)+c") == {"ab"}
