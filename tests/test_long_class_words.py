"""A page whose class attribute holds a `-after--` word and an endless one (a few hundred KB of
dashes: one tag, well under the page cap). The body finder drops such class words (Medium's
`graf-after--pullquote` names the block before, not this one) with a pattern that tried every
start of the long word against every end: 40 KB took 4 s a node, and a page of such blocks held the
poll's one extracting thread for hours. The article is now read in a time linear in the word (the
CPU for 4x its length against a reference run, tests/cpuguard.py), the same as before."""

from __future__ import annotations

import pytest
from cpuguard import LINEAR, growth
from hostile import BODY

from monitor.extract import extract


def page(cls: str, blocks: int = 1) -> str:
    paras = "".join(f"<p>{p}</p>" for p in BODY.split("\n"))
    boxes = "".join(f'<div class="{cls}"><p>相关新闻{i}</p></div>' for i in range(blocks))
    return (f'<html><head><meta charset="utf-8"><title>沪明合作新闻</title></head><body><h1>沪明合作新闻</h1>'
            f'<div class="content {cls}">{paras}</div>{boxes}</body></html>')


CLASSES = {"dashes": lambda n: "a-after--b " + "-" * n, "letters": lambda n: "x" * n + "\ty-after--",
           "pairs": lambda n: "-after-- " + "-a" * (n // 2)}


@pytest.mark.parametrize("cls", list(CLASSES))
def test_an_endless_class_word_is_read_in_a_time_linear_in_it(cls):
    def read(n: int) -> None:
        extract(page(CLASSES[cls](n), blocks=5), "http://news.example.cn/a.html")

    assert (grew := growth(read, 24_000)) < LINEAR, f"{grew:.1f}x the CPU for 4x the word"  # ~16x: every start to every end
    article = extract(page(CLASSES[cls](200_000), blocks=5), "http://news.example.cn/a.html")
    assert article.title == "沪明合作新闻"
    assert "\n".join(article.paragraphs) == BODY


def test_a_medium_block_s_after_class_still_says_nothing_of_it():
    """`graf-after--h3` (the block before was a heading) does not make this block a heading's."""
    plain = extract(page("story"), "http://news.example.cn/a.html")
    marked = extract(page("story graf-after--footer\tnav-after--x"), "http://news.example.cn/a.html")
    assert marked.paragraphs == plain.paragraphs
