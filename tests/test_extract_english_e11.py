"""English bodies on a seventh outside set (helper english-11): each test a kind of failure found
there, reproduced on a page written for it in tests/fixtures/extract/en_e11_*.html.

- A headline block and the article block both set straight under <body>: the two shared no
  ancestor below <body>, so the article counted as far from its headline and the date line beside
  the headline was taken as the whole text.
- Lines closing a story that are credits, not text: an editor's line (`Editor: …`, `(Web editor: …)`),
  `Edited by …`, a wire's `Enditem`, a release's `Media contact:` and `SOURCE …` lines, a `Sign up
  here.` prompt; and a `More on this story` heading over a link list. (A `___` rule and `Originally
  published on …` stay: scrapinghub's truth keeps both.)
"""

from __future__ import annotations

from extractkit import paragraphs


def test_an_article_block_beside_a_headline_block_under_body_is_the_text() -> None:
    body = paragraphs("en_e11_headline_apart.html")
    assert body[0].startswith("The harbour ferry company will add three night sailings")
    assert body[-1].startswith("Local councillors welcomed the change")
    assert not any("Published" in text or "Updated" in text for text in body)


def test_an_editors_line_and_an_edited_by_line_closing_a_story_are_dropped() -> None:
    body = paragraphs("en_e11_tail_credits.html")
    assert body[0].startswith("A county hospital in the hills")
    assert body[-1] == "The hospital plans to add a children's therapy room next year."


def test_a_wires_enditem_and_a_web_editors_line_are_dropped() -> None:
    body = paragraphs("en_e11_wire_tail.html")
    assert body[0].startswith("CHENGDU, April 2 -- Freight trains")
    assert body[-1].startswith("The operator said customs checks")


def test_a_releases_contact_source_and_sign_up_lines_are_dropped_its_about_text_kept() -> None:
    body = paragraphs("en_e11_release_tail.html")
    assert body[0].startswith("NINGBO, March 12, 2024")
    assert body[-1].startswith("Frostline Holdings designs and builds")
    assert "About Frostline Holdings" in body


def test_a_more_on_this_story_heading_over_links_is_not_text() -> None:
    body = paragraphs("en_e11_more_on_story.html")
    assert body[-1].startswith("Villagers have been told")
    assert not any("More on this story" in text for text in body)


def test_text_that_mentions_editors_and_sources_stays() -> None:
    # The closing-credit rules read whole short lines; sentences that name an editor or a source stay.
    from monitor.extract.boiler import is_chrome, trim_tail
    kept = ["The editor: a title she held for ten years, until the paper closed.",
            "Source code for the app was published on Monday, the company said."]
    assert trim_tail(["First paragraph of the story, long enough to stand.", *kept]) == \
        ["First paragraph of the story, long enough to stand.", *kept]
    assert not any(is_chrome(line) for line in kept)


def test_an_opinion_pages_call_for_writings_is_dropped_its_author_note_and_disclaimer_kept() -> None:
    # scrapinghub's truth keeps a `views … do not necessarily reflect` disclaimer: so do we.
    body = paragraphs("en_e11_opinion_notes.html")
    assert body[0].startswith("Every spring, county governments")
    assert body[-1] == "The views don't necessarily reflect those of Daily Views."
    assert body[-2].startswith("The author is a researcher")


def test_helpers_and_update_notes_a_most_read_heading_and_an_app_line_are_dropped() -> None:
    body = paragraphs("en_e11_wire_notes.html")
    assert body[0].startswith("Factory output rose for a third month")
    assert body[-1].startswith("Analysts said the gains were uneven")


def test_a_name_and_role_over_the_text_without_by_is_not_text() -> None:
    # The name and the role in two spans print as `Mara QuinlanAsia correspondent`.
    body = paragraphs("en_e11_name_role.html")
    assert body[0].startswith("The only road through the mountain pass")
    assert len(body) == 3


def test_notes_that_read_as_sentences_inside_the_text_stay() -> None:
    from monitor.extract.boiler import is_chrome, trim_tail
    text = ["The author is a farmer who wrote a memoir about the valley, and it sold well.",
            "The views from the ridge are the best in the county, residents say.",
            "Adds to that the cost of fuel, and the trip is out of reach for many."]
    assert trim_tail([*text, "A closing paragraph of the story that is plainly text."])[:3] == text
    assert not any(is_chrome(line) for line in text)


def test_paragraph_divs_each_wrapped_in_a_component_div_are_the_text() -> None:
    # `<div class="body-component"><div class="cms-text">…</div></div>` once per paragraph: each
    # paragraph scored as a block of its own, so a long byline sentence by the headline won.
    body = paragraphs("en_e11_wrapped_div_paragraphs.html")
    assert body[0].startswith("Night buses will run through the old town")
    assert body[-1].startswith("A single fare will cost the same")
    assert len(body) == 4


def test_a_bureau_chiefs_note_a_print_edition_note_and_a_consent_line_are_dropped() -> None:
    body = paragraphs("en_e11_print_note.html")
    assert body[0].startswith("Toy makers in the south")
    joined = "\n".join(body)
    assert "bureau chief" not in joined and "appears in print" not in joined and "By submitting" not in joined


def test_teaser_cards_beside_a_short_article_are_not_its_other_half() -> None:
    # A two-paragraph story and a block of story cards (linked heading, excerpt, date) scoring
    # near it: the two were taken as halves of one split article, under their shared <main>.
    body = paragraphs("en_e11_short_with_cards.html")
    assert body[0].startswith("Ferry fares to the three outer islands")
    assert body[-1].startswith("The board said higher fuel costs")
    assert len(body) == 2


def test_a_paywall_boxs_offer_and_log_in_prompt_are_dropped() -> None:
    body = paragraphs("en_e11_paywall_box.html")
    assert body[-1].startswith("The barges, bought from a shipping company")
    assert len(body) == 2


def test_more_headlines_is_a_stop_heading() -> None:
    from monitor.extract.boiler import is_stop
    assert is_stop("More headlines") and is_stop("Latest Headlines")
    assert not is_stop("Headlines from the council meeting were mostly about the budget")


def test_a_byline_naming_an_outlets_staff_is_not_text() -> None:
    body = paragraphs("en_e11_staff_byline.html")
    assert body[0].startswith("The town library will open on Sunday")
    assert len(body) == 2
