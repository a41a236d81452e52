"""Characters Unicode calls default-ignorable that are not format characters: the combining
grapheme joiner (U+034F), the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), the Khmer
inherent vowels (U+17B4, U+17B5) and Mongolian's variation selectors. Each shows as nothing, so a
page writing 沪\\u034f明 shows a reader 沪明; the normal form kept them (it dropped zero-width and
other format characters only), and the article did not match its topic, nor did `monitor search`
find it. They are dropped from the normal form now, as format characters are. Invented text."""

from __future__ import annotations

import pytest
from hostile import BODY, Site
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)

from monitor import textnorm
from monitor.pipeline import poll

FILLERS = ["\u034f", "\u115f", "\u1160", "\u3164", "\uffa0", "\u17b4", "\u17b5", "\u180b", "\u180f"]


@pytest.mark.parametrize("filler", FILLERS, ids=[f"U+{ord(f):04X}" for f in FILLERS])
def test_an_invisible_filler_inside_a_word_is_not_in_its_normal_form(filler):
    assert textnorm.normalize(f"沪{filler}明合作 三{filler}明") == "沪明合作 三明"


def test_korean_text_keeps_its_letters():
    assert textnorm.normalize("한글 뉴스 \u3164 서울") == "한글 뉴스 서울"


def test_a_page_hiding_its_keywords_behind_fillers_is_matched(make_ctx):  # noqa: F811
    def hide(text: str, filler: str) -> str:
        return text.replace("沪明", f"沪{filler}明").replace("三明", f"三{filler}明").replace("上海", f"上{filler}海")

    with Site() as a:
        a.listing("/list.html", ["/1.html", "/2.html"])
        a.article("/1.html", hide("沪明合作新闻一", "\u034f"), hide(BODY, "\u034f"))
        a.article("/2.html", hide("沪明合作新闻二", "\u3164"), hide(BODY, "\u3164"))
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert report.new == 2 and report.matched == 2, report
