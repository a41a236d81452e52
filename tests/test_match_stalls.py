"""A page cannot stall the matcher: the work per hit stays bounded however long the text is.

Each check runs in a child process with a deadline (as the extractor's stall tests do): before
the fix, a page repeating 三明确 took ~10 s at 30,000 characters and grew with the square of the
length (every hit compared itself with every `not_in` context), and one endless enumeration
(上海、三明、永安、… without a clause end) took 34 s at 200,000 characters (every hit scanned
to the clause end). Both below are many minutes on that code and seconds now.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from monitor.match import default_topics_path, load_topics, match_article

CHILD = ("import sys\n"
         "from monitor.match import default_topics_path, load_topics, match_article\n"
         "topic = load_topics(default_topics_path())['hu-ming']\n"
         "body = sys.argv[1] * (int(sys.argv[2]) // len(sys.argv[1]))\n"
         "m = match_article(topic, 'x', body)\n"
         "print(m.matched, len(m.hits))\n")


@pytest.mark.parametrize(("unit", "size"), [("三明确", 600_000), ("上海、三明、永安、厦门、北京、", 600_000)])
def test_a_long_page_of_one_repeated_pattern_is_matched_in_seconds(unit: str, size: int) -> None:
    done = subprocess.run([sys.executable, "-c", CHILD, unit, str(size)], capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.split() == ["False", "0"]  # a word (明确) and a list of places: no tie


def test_the_bounded_look_ups_read_an_enumeration_as_the_full_scan_did() -> None:
    """The long-text path (clause ends and list marks looked up by bisection) gives the verdicts
    of the short one: partners acting together stay hits however far the clause runs; a list of
    many places does not."""
    topic = load_topics(default_topics_path())["hu-ming"]
    filler = "有关部门持续推进各项工作落实落细" * 40  # 640 characters without a clause end
    together = f"{filler}上海、三明两地携手推进产业协作{filler}。"
    listed = f"{filler}上海、三明、永安、厦门、南平等地联合推介文旅资源{filler}。"
    assert match_article(topic, "", together).matched
    assert not match_article(topic, "", listed).matched
