"""Keyword stuffing a browser never shows that the extractor read as shown: text in a colour one
step off what it is painted on (`#fefefe` or `#f4f4f4` on a white background, `#0a0a0a` on black,
`rgb(254,254,254)`, `<font color="#FEFEFE">` in a white table: only the exact colour of the
background counted), and text in `<noframes>` or `<noembed>` (a browser with frames and embeds
shows neither; the stuffing of old frame sites). Each such spam page matched the topic. Light grey
the page shows (a caption in `#ccc`, `#e0e0e0`), and near-white where no background is set when it
is not stuffing, are kept."""

from __future__ import annotations

import pytest
from test_hidden_evasions import NEWS, _page
from test_hidden_stuffing import WORDS

from monitor import extract, match

HIDDEN = {
    "fefefe-on-white": '<div style="background:#fff"><span style="color:#fefefe">{}</span></div>',
    "f4-on-white": '<div style="background-color:#ffffff"><span style="color:#f4f4f4">{}</span></div>',
    "near-black-on-black": '<div style="background:#000"><p><span style="color:#0a0a0a">{}</span></p></div>',
    "own-background": '<div style="color:#fdfdfd;background:#fff">{}</div>',
    "rgb-254": '<div style="background-color:rgb(255,255,255)"><p style="color:rgb(254,254,254)">{}</p></div>',
    "font-in-white-table": '<table bgcolor="#FFFFFF"><tr><td><font color="#FEFEFE">{}</font></td></tr></table>',
    "noframes": "<noframes>{}</noframes>",
    "noembed": "<noembed>{}</noembed>",
}


@pytest.mark.parametrize("kind", list(HIDDEN))
@pytest.mark.parametrize("stuffing", [WORDS * 40, WORDS * 2], ids=["long", "short"])
def test_stuffing_one_step_off_its_background_or_in_noframes_matches_nothing(kind, stuffing):
    article = extract.extract(_page(HIDDEN[kind].replace("{}", stuffing)), "http://shop.example/1.html")
    assert "三明" not in article.body and "二手手机" in article.body, article.body
    topic = match.load_topics(match.default_topics_path())["hu-ming"]
    assert not match.match_article(topic, article.title, article.body).matched


def test_near_white_stuffing_where_no_background_is_set_matches_nothing():
    article = extract.extract(_page('<span style="color:#fcfcfc">{}</span>'.replace("{}", WORDS * 40)),
                              "http://shop.example/1.html")
    assert "三明" not in article.body and "二手手机" in article.body, article.body


@pytest.mark.parametrize("block", ['<div style="background:#fff"><p style="color:#ccc">{}</p></div>',
                                  '<div style="background:#fff"><p style="color:#e0e0e0">{}</p></div>',
                                  '<p style="color:#f6f6f6">{}</p>',
                                  '<div style="background:#000"><p style="color:#333">{}</p></div>'])
def test_light_text_the_page_shows_is_kept(block):
    article = extract.extract(_page(block.replace("{}", NEWS)), "http://news.example/1.html")
    assert "沪明对口合作联席会议" in article.body, article.body
