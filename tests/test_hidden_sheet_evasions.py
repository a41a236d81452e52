"""A spam page's hidden block of our keywords hidden past what faults-hostile-7's reading saw
(its "left"): the one hiding rule padded into a style sheet over 8 KB (sheets that long were not
read at all); a colour set by a sheet's rule (`.kw{color:transparent}`, an alpha of 0, white on an
element's inline white background: only inline colours were read); a font too small to read
(`font-size:1px`, `0.5px`, `2pt`, `.1em`, inline or by a rule); a style a browser reads through a
comment (`display:/**/none`) or an escape (`n\\6fne`); an `hsla()` colour of no alpha. Each such
page matched the topic. White where no background is set, and tiny type, may be a class's banner
or Chrome's minimum font size for Chinese: their text is dropped only when it says the same words
over and over, as inline white is. Text the page shows (white on a class's banner, a phones-only
rule in a long sheet, a small caption) is kept."""

from __future__ import annotations

import pytest
from cpuguard import LINEAR, growth
from test_hidden_evasions import NEWS, _page
from test_hidden_stuffing import WORDS

from monitor import extract, match
from monitor.extract import hiding

PAD = "".join(f".nav{i} a{{margin:0 {i % 9}px;padding:2px 4px;border:0}}\n" for i in range(400))  # ~14 KB

HIDDEN = {  # hidden outright: short stuffing goes too
    "padded-sheet": ('<div class="kw2">{}</div>', PAD + ".kw2{display:none}"),
    "padded-sheet-spaced": ('<div class="kw2">{}</div>', ".kw2 { display: none; }\n" + PAD),
    "padded-sheet-visibility": ('<div class="kw2">{}</div>', PAD + "#kw2,.kw2{visibility:hidden}"),
    "rule-transparent": ('<div class="kw2">{}</div>', ".kw2{color:transparent}"),
    "rule-alpha-zero": ('<div class="kw2">{}</div>', ".kw2 { color: rgba(10, 20, 30, 0) }"),
    "rule-own-background": ('<div class="kw2">{}</div>', ".kw2{color:#fff;background-color:#ffffff}"),
    "rule-white-on-inline-white": ('<div style="background:#fff"><p class="kw2">{}</p></div>', ".kw2{color:white}"),
    "inline-hsla-zero": ('<div style="color:hsla(120, 50%, 50%, 0)">{}</div>', ""),
    "inline-comment": ('<div style="display:/* x */none">{}</div>', ""),
    "inline-escape": ('<div style="display:n\\6f ne">{}</div>', ""),
    "rule-comment": ('<div class="kw2">{}</div>', ".kw2{display:/**/none}"),
}
STUFFING_ONLY = {  # dropped when the text repeats itself: long stuffing
    "rule-white": ('<div class="kw2">{}</div>', ".kw2{color:#ffffff}"),
    "font-1px": ('<div style="font-size:1px">{}</div>', ""),
    "font-half-px": ('<div style="font-size: 0.5px">{}</div>', ""),
    "font-2pt": ('<span style="font-size:2pt">{}</span>', ""),
    "font-tenth-em": ('<div style="font-size:.1em">{}</div>', ""),
    "rule-font-1px": ('<div class="kw2">{}</div>', ".kw2{font-size:1px;line-height:1px}"),
}


def _matched(block: str, sheet: str, stuffing: str) -> tuple[bool, str]:
    article = extract.extract(_page(block.replace("{}", stuffing), sheet), "http://shop.example/1.html")
    topic = match.load_topics(match.default_topics_path())["hu-ming"]
    assert "二手手机" in article.body, article.body
    return match.match_article(topic, article.title, article.body).matched, article.body


@pytest.mark.parametrize("kind", list(HIDDEN))
@pytest.mark.parametrize("stuffing", [WORDS * 40, WORDS * 2], ids=["long", "short"])
def test_stuffing_hidden_by_a_long_sheet_a_sheets_colour_or_a_written_around_style_matches_nothing(kind, stuffing):
    matched, body = _matched(*HIDDEN[kind], stuffing)
    assert not matched and "三明" not in body, body


@pytest.mark.parametrize("kind", list(STUFFING_ONLY))
def test_stuffing_in_type_too_small_or_white_by_a_rule_matches_nothing(kind):
    matched, body = _matched(*STUFFING_ONLY[kind], WORDS * 40)
    assert not matched and "三明" not in body, body


SHOWN = {
    "white-on-a-class-banner": ('<div class="banner"><p class="title">{}</p></div>',
                                ".banner{background:#a00;padding:8px}.title{color:#fff}"),
    "white-rule-with-its-background": ('<p class="kw2">{}</p>', ".kw2{color:#fff;background:#036}"),
    "small-caption": ('<p style="font-size:12px">{}</p>', ""),
    "tiny-but-prose": ('<p style="font-size:1px">{}</p>', ""),
    "phones-only-in-a-long-sheet": ('<div class="kw2">{}</div>', PAD + "@media (max-width: 600px) { .kw2 { display:none } }"),
    "long-sheet-other-class": ('<div class="kw3">{}</div>', PAD + ".kw2{display:none}"),
}


@pytest.mark.parametrize("kind", list(SHOWN))
def test_text_the_page_shows_is_kept(kind):
    block, sheet = SHOWN[kind]
    article = extract.extract(_page(block.replace("{}", NEWS), sheet), "http://news.example/1.html")
    assert "沪明对口合作联席会议" in article.body, article.body


def test_a_framework_sized_sheet_is_read_in_a_moment():  # the growth is the guard (16.7 s at load 12)
    def read(n: int) -> tuple[str, list]:
        sheet = ".a{display:none}.b:hover{display: none}" * n + "@media(x){" * (n // 3)
        return hiding.hiding_selectors([sheet, "x{color:#fff}" * (n * 5 // 3)])

    assert growth(read, 30_000) < LINEAR  # against a quarter of it read in the same process
    hidden, faint = read(30_000)
    assert len(hidden.split(", ")) <= hiding.MAX_RULES and len(faint) <= hiding.MAX_RULES


@pytest.mark.parametrize("rule", [".a{display:none}", ".b:hover{display: none}", "#c{visibility:hidden}"])
def test_one_media_block_of_many_hiding_rules_is_read_in_a_moment(rule):
    """Each rule in an `@media screen` block looked back to the block's start and counted its
    braces: quadratic once long sheets were read (80,000 rules 27 s). The CPU for 40,000 rules over
    the CPU for 10,000, not a 30 s timeout (9.9 s of it at load 12 for one read of 200,000)."""
    def read(n: int) -> str:
        return hiding.hiding_selectors(["@media screen {" + rule * n + "}"])[0]

    assert (ratio := growth(read, 40_000)) < LINEAR, f"{ratio:.1f}x the CPU for 4x the rules"
    assert len(read(40_000).split(", ")) <= hiding.MAX_RULES
