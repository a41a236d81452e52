"""English bodies on a nineteenth outside set (helper english-24): each test a kind of failure found
while measuring that set (pages of 2016-2017 saved by a parser's test suite: a monthly magazine's
paywalled essay, a political blog, a sports feature, a business wire story, a local station's
breaking story), reproduced on a page written for it in tests/fixtures/extract/en_e24_*.html.
"""

from __future__ import annotations

from extractkit import paragraphs


def test_a_registration_box_closing_a_paywalled_text_is_not_text() -> None:
    """A `subscribe_overlay` box set inside the article after its last free paragraph, a pitch of
    several sentences (free articles used up, type your e-mail address, register, our newsletter):
    not text, however many sentences it runs to."""
    body = paragraphs("en_e24_paywall_box.html")
    assert body[0].startswith("For most of the last century")
    assert body[-1].startswith("Historians of the region")
    assert len(body) == 3


def test_a_subscriber_only_block_of_the_articles_text_stays() -> None:
    """A guard: a `subscriber-content` block holding the article's own paragraphs (one of which says
    `sign up`) is text."""
    body = paragraphs("en_e24_subscriber_text.html")
    assert body[0].startswith("Residents of Hillford")
    assert body[-1].startswith("The vote is on April 4.")
    assert len(body) == 4


def test_a_blog_plugins_author_box_after_the_text_is_not_text() -> None:
    """A WordPress author box (`wp-biographia-container-top`: `About <a>Name</a>`, a two-sentence
    bio, `More Posts (212)`) closing the post: not text."""
    body = paragraphs("en_e24_author_plugin_box.html")
    assert body[-1].startswith("Passengers' groups want")
    assert not any("About Ana Lind" in line or "teaches geography" in line for line in body)
    assert len(body) == 3


def test_a_bulleted_or_bold_link_line_to_another_dated_story_is_not_text() -> None:
    """`• <strong><a href=…/2017/01/11/…>Ten best crews …</a></strong>` and a bold link line alone,
    both to dated story pages, set between paragraphs: related headlines, as a bare link line to a
    dated story already was. A sentence with a link, and a bold link line to a page that is not a
    dated story (`How to join the club`), stay."""
    body = paragraphs("en_e24_bullet_link_lines.html")
    assert not any("Ten best crews" in line or "training camp" in line for line in body)
    assert "How to join the club" in body
    assert body[-1].startswith("Results and times are posted")
    assert len(body) == 6


def test_a_photo_credit_a_developing_story_note_and_a_promo_button_line_are_not_text() -> None:
    """A credit alone over the text (`Jamie Ortega/AP`), a station's closing `This is a developing
    story. Check back for updates.` and a promo line closing with its capitals button (`… on our
    Markets Desk. LEARN MORE`): none is text."""
    body = paragraphs("en_e24_closing_notes.html")
    assert body[0].startswith("A new air ambulance base")
    assert body[-1].startswith("The board said the cost")
    assert len(body) == 3


def test_a_media_slots_placeholder_is_not_text() -> None:
    """`[Embed]` and `[Image]`, an editor's attachment placeholders left where an embedded post or a
    picture did not load, set between the list's headings and paragraphs: not text."""
    body = paragraphs("en_e24_embed_slots.html")
    assert "[Embed]" not in body and "[Image]" not in body
    assert body[1] == "1. Move Them Closer To The Window"
    assert len(body) == 5
