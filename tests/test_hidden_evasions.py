"""A spam page's hidden block of our keywords (faults-hostile-4's kind) hidden in ways a browser
hides as well and the extractor read as shown: the inline styles were picked by a list of
substrings, so `display :none`, `display:  none` or a tab, and `font-size :0` were never looked at;
text in a colour that does not show (`color:transparent`, `rgba(…, 0)`, white on the page's white,
`<font color=#ffffff>`, the colour of the background around it) counted as shown; a rule of the
page's sheet was read only for a lone class or id at the top of the sheet, so `.content .kw` or
`@media screen { .kw {…} }` (every screen) hid nothing; off-screen text in `em` or to the `right`,
and `opacity:.0` or `0.01`, stayed. Each such page matched the topic. Text the page shows in a
colour (white on an inline dark background, coloured paragraphs, a coloured wrapper whose
paragraphs set their own colour) is kept, as is hidden text of the page's own."""

from __future__ import annotations

import pytest
from test_hidden_stuffing import SHOP, WORDS

from monitor import extract, match

EVASIONS = {
    "display-two-spaces": ('<div style="display:  none">{}</div>', ""),
    "display-space-before-colon": ('<div style="display :none">{}</div>', ""),
    "display-tab": ('<div style="display:\tnone">{}</div>', ""),
    "zero-font-spaced": ('<div style="font-size :0">{}</div>', ""),
    "transparent": ('<div style="color:transparent">{}</div>', ""),
    "alpha-zero": ('<div style="color: rgba(0, 0, 0, 0)">{}</div>', ""),
    "white-on-white": ('<div style="background-color:white"><div style="color:#fff">{}</div></div>', ""),
    "same-as-own-background": ('<div style="color:#336699;background-color:#369">{}</div>', ""),
    "same-as-enclosing-background": ('<div style="background:#000"><p><span style="color:black">{}</span></p></div>', ""),
    "font-white": ('<table bgcolor="#ffffff"><tr><td><font color="#FFFFFF">{}</font></td></tr></table>', ""),
    "descendant-rule": ('<div class="kw2">{}</div>', ".content .kw2{display:none}"),
    "child-rule": ('<div class="kw2">{}</div>', "div.content > div.kw2 { display: none }"),
    "media-screen": ('<div class="kw2">{}</div>', "@media screen { .kw2 { display:none } }"),
    "media-all": ('<div class="kw2">{}</div>', "@media all{.kw2{display:none}}"),
    "indent-in-em": ('<div style="text-indent:-100em">{}</div>', ""),
    "off-to-the-right": ('<div style="position:absolute;right:-9999px">{}</div>', ""),
    "opacity-dot-zero": ('<div style="opacity:.0">{}</div>', ""),
    "opacity-a-hundredth": ('<div style="opacity:0.01">{}</div>', ""),
    "clipped-to-nothing": ('<div style="position:absolute; clip:rect(0 0 0 0)">{}</div>', ""),
    "clip-path-inset": ('<div style="clip-path: inset(50%)">{}</div>', ""),
    "scaled-to-zero": ('<div style="transform: translateX(2px) scale(0)">{}</div>', ""),
    "rule-visibility": ('<div class="kw2">{}</div>', ".kw2 { visibility: hidden }"),
    "rule-opacity": ('<div class="kw2">{}</div>', ".kw2{opacity:0}"),
    "rule-scale": ('<div class="kw2">{}</div>', ".kw2{transform:scale(0)}"),
}


def _page(block: str, sheet: str = "") -> str:
    return (f"<html><head><title>二手手机回收</title><style>{sheet}</style></head><body>"
            f"<h1>二手手机回收</h1><div class='content'>{SHOP}{block}</div></body></html>")


@pytest.mark.parametrize("kind", list(EVASIONS))
@pytest.mark.parametrize("stuffing", [WORDS * 40, WORDS * 2], ids=["long", "short"])
def test_stuffing_hidden_as_a_browser_hides_it_matches_nothing(kind, stuffing):
    block, sheet = EVASIONS[kind]
    article = extract.extract(_page(block.format(stuffing), sheet), "http://shop.example/1.html")
    assert "三明" not in article.body and "二手手机" in article.body, article.body
    topic = match.load_topics(match.default_topics_path())["hu-ming"]
    assert not match.match_article(topic, article.title, article.body).matched


@pytest.mark.parametrize("block", ['<div style="color:#fff">{}</div>', '<font color="white">{}</font>',
                                   "".join(f"<span style='color:#ffffff'>{{}}</span>{i}" for i in range(25))])
def test_stuffing_in_white_where_no_background_is_set_matches_nothing(block):
    """White with no background set inline: the page's white, or a class's dark one (an e-paper's
    issue line over its banner): only text saying the same words over and over is dropped."""
    article = extract.extract(_page(block.replace("{}", WORDS * 40 if "span" not in block else WORDS * 2)),
                              "http://shop.example/1.html")
    assert "三明" not in article.body and "二手手机" in article.body, article.body


NEWS = "<p>上海市与三明市召开沪明对口合作联席会议，回顾一年来两地在产业协作和文旅交流方面的进展。</p>"
SHOWN = {
    "white-on-dark": '<div style="background-color:#123456"><p style="color:#fff">{}</p></div>',
    "white-on-dark-bgcolor": '<table bgcolor="#000000"><tr><td><font color="white">{}</font></td></tr></table>',
    "white-alone": '<div style="color:#fff">{}</div>',
    "white-over-a-picture-attribute": '<table><tr><td background="/bg.gif"><font color="#ffffff">{}</font></td></tr></table>',
    "white-on-a-picture": '<div style="background:url(/bg.jpg) no-repeat"><p style="color:#ffffff">{}</p></div>',
    "coloured-text": '<p style="color:#333333">{}</p>',
    "red-on-white": '<font color="#cc0000">{}</font>',
    "white-wrapper-own-colours": '<div style="color:#fff"><p style="color:#222">{}</p></div>',
    "phones-only": '<div class="kw2">{}</div>',
    "half-scale": '<div style="transform:scale(0.5)">{}</div>',
    "clip-not-placed": '<div style="clip:rect(0,0,0,0)">{}</div>',
    "fixed-and-clipped-wide": '<div style="position:fixed;clip:rect(0px,900px,600px,0px)">{}</div>',
}


@pytest.mark.parametrize("kind", list(SHOWN))
def test_text_the_page_shows_in_a_colour_is_kept(kind):
    sheet = "@media (max-width: 600px) { .kw2 { display:none } }" if kind == "phones-only" else ""
    article = extract.extract(_page(SHOWN[kind].format(NEWS), sheet), "http://news.example/1.html")
    assert "沪明对口合作联席会议" in article.body, article.body
