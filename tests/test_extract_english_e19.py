"""English bodies on a fourteenth outside set (helper english-19): each test a kind of failure found
while measuring that set, reproduced on a page written for it in tests/fixtures/extract/en_e19_*.html.

- A picture gallery set inside the article (`<div class="type-gallery">`: a title `… in pictures`,
  slide counters, captions and credits of pictures that are not the story's): not text, while the
  container holds text of its own around it. A page whose story is the gallery keeps its captions.
- A `More about:` label over the topic links under the text: not text.
- A caption in italics in a `<center>` block right after the picture's own `<center>` block.
- Ghost callout cards that ask the reader to sign up, subscribe or become a member, and the cards'
  emoji: not text; a callout that is a note of the writer's stays. A `Was this forwarded to you?
  Sign up here …` line: not text.
- Desk bylines (`By the City desk`, `By the Weather desk · Updated 10:32 a.m.`) over a live page's
  entries and over the page, and a `Staff report. Send … tips to <address>` line: not text; the
  entries' time stamps stay. A live page's `What we know` box over the entries: not text.
- A newsletter sign-up box inside the article (a title, a pitch and a form with an e-mail field):
  none of it is text, and the article goes on after it.
- The first paragraph set in a block of its own, before a wrapper four levels deep around the rest
  (a template that shows the rest only to some readers): text.
- A gallery teaser inside the text (an <article> per slide: title, date, description, credit, `1 of
  14`, caption), a caption span after a picture's paragraph (`<span class="newsCaption">`) and an
  `Our Standards:` badge under the text: not text.
- An audio player's length on a line of its own (`3 min`), a `Got a news tip? Email us …` line, a
  `Support local journalism` box and its pitch, a `Correction: An earlier version …` note and an
  author card (`author-card`, `… Reach her at <address>.`): not text.
"""

from __future__ import annotations

from cpuguard import LINEAR, growth
from extractkit import paragraphs

from monitor.extract import extract


def test_a_gallery_set_inside_the_article_and_a_more_about_label_are_not_text() -> None:
    body = paragraphs("en_e19_inset_gallery.html")
    assert body[0].startswith("The clock on Northfield town hall stopped")
    assert body[2].startswith("Council engineer Tom Reyes said")
    assert body[-1].startswith("Until then, the council has asked the volunteer")
    assert not any("in pictures" in line or "glacier" in line or "Getty" in line or "1/3" in line
                   or "More about" in line for line in body)
    assert len(body) == 5


def test_a_gallery_that_is_the_story_keeps_its_captions() -> None:
    body = paragraphs("en_e19_photo_essay.html")
    assert body[0].startswith("Photographer Lena Park spent a week")
    assert any(line.startswith("Baskets are carried down") for line in body)
    assert body[-1].startswith("By evening the first juice runs")


def test_an_italic_caption_in_the_centred_block_after_a_picture_is_not_text() -> None:
    body = paragraphs("en_e19_centred_caption.html")
    assert body[1].startswith("The maker confirmed in a statement")
    assert body[2].startswith("Those laptops will still get security fixes")
    assert not any("The message owners" in line for line in body)
    assert len(body) == 4


def test_sign_up_callouts_and_their_emoji_are_not_text_a_note_callout_is() -> None:
    body = paragraphs("en_e19_callouts.html")
    assert body[0].startswith("The stone cottage beside the old lighthouse")
    assert "The lighthouse itself is not part of the sale" in body[2]
    assert body[-1].startswith("The sale is expected to complete in April")
    assert not any("Sign up" in line or "member" in line or "forwarded" in line for line in body)
    assert not any(line in ("📬", "ℹ️", "❤️") for line in body)
    assert len(body) == 5


def test_desk_bylines_a_what_we_know_box_and_a_send_tips_line_are_not_text() -> None:
    body = paragraphs("en_e19_desk_bylines.html")
    assert body[0] == "11:40 a.m."
    assert body[1] == "Footbridge closed"
    assert "10:15 a.m." in body
    assert body[-1].startswith("Forecasters expect another inch of rain")
    assert not any("desk" in line or "What we know" in line or "Sandbags" in line or "tips@" in line
                   for line in body)
    assert len(body) == 6


def test_a_newsletter_sign_up_box_inside_the_article_is_not_text() -> None:
    body = paragraphs("en_e19_signup_box.html")
    assert body[1].startswith("Parents had written to the council twice")
    assert body[2].startswith("The new warden, Carol Mensah")
    assert not any("Morning Briefing" in line or "before nine" in line for line in body)
    assert len(body) == 4


def test_a_first_paragraph_set_in_a_block_of_its_own_before_the_rest_is_text() -> None:
    body = paragraphs("en_e19_split_lead.html")
    assert body[0].startswith("Owners of e-readers sold before 2018")
    assert body[1].startswith("The maker confirmed in a statement")
    assert body[-1].startswith("Libraries that lend the older readers")
    assert len(body) == 5


def test_a_gallery_teaser_news_captions_and_a_standards_badge_are_not_text() -> None:
    body = paragraphs("en_e19_gallery_teaser.html")
    assert body[0].startswith("The last steam crane on the north quay")
    assert body[-1] == "The crane is expected to be floodlit at night from the autumn."
    assert not any("in pictures" in line or "archive" in line.lower() or "Dockers" in line or "14" in line
                   or "century" in line or "rebuilt by hand" in line or "Standards" in line for line in body)
    assert len(body) == 6


def test_forty_thousand_gallery_boxes_read_in_a_moment() -> None:
    """The container's text is measured once for all of its galleries (each measured it before:
    quadratic, a minute for a page of 40,000 small picture boxes). The CPU for 12,000 boxes over
    the CPU for 3,000 (tests/cpuguard.py), not a timeout a loaded machine runs into (19.8 s of a
    20 s one at load 12)."""
    para = "<p>" + "The council met on Tuesday to talk about the budget for the year ahead. " * 3 + "</p>"

    def read(n: int) -> list[str]:
        boxes = '<div class="gallery"><img src="a.jpg"><p>A caption for this picture.</p></div>' * n
        html = f"<html><body><article>{para * 20}{boxes}{para * 5}</article></body></html>"
        return extract(html, "https://news.example.com/a/1.html").paragraphs

    assert (ratio := growth(read, 12_000)) < LINEAR, f"{ratio:.1f}x the CPU for 4x the boxes"
    body = read(12_000)
    assert body and not any("caption for this picture" in line for line in body)


def test_a_player_length_a_tip_line_a_support_box_a_correction_and_an_author_card_are_not_text() -> None:
    body = paragraphs("en_e19_support_prompts.html")
    assert body[0].startswith("Fares on the Eastford cable ferry will rise")
    assert body[-1] == "The county board will take comments on the new fares at its meeting on March 24."
    assert not any(line == "3 min" or "tip" in line or "journalism" in line or "subscription" in line
                   or "Correction" in line or "Reach her" in line for line in body)
    assert len(body) == 4
