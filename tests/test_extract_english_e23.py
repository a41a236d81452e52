"""English bodies on an eighteenth outside set (helper english-23): each test a kind of failure found
while measuring that set (pages of 2016-2017 saved by a parser's test suite: a tabloid, an
entertainment site, a tech blog, a news blog), reproduced on a page written for it in
tests/fixtures/extract/en_e23_*.html.
"""

from __future__ import annotations

from extractkit import paragraphs


def test_a_link_line_naming_another_story_by_its_slug_is_not_text() -> None:
    """A paragraph that is one link to another story, its address a slug spelling the link's text
    (`…/island-school-gets-new-science-wing-article-1.2291`), set between paragraphs: a related
    story's headline, as a dated address already said. A lone link line of the text's own (a fare
    table, a timetable) stays."""
    body = paragraphs("en_e23_slug_links.html")
    assert body[0].startswith("Ferry fares across the harbour")
    assert not any("science wing" in line or "cottage sold" in line for line in body)
    assert "Read the full fare table" in body
    assert body[-1].startswith("Passenger groups said")
    assert len(body) == 8


def test_a_first_sentence_sharing_the_headlines_words_is_text() -> None:
    """The text's first line under the headline, short and opening with the headline's first words
    but closed by a full stop (`Harbour board teases a bigger boat.`), is a sentence, not the
    headline in other words."""
    body = paragraphs("en_e23_lead_like_title.html")
    assert body[0] == "Harbour board teases a bigger boat."
    assert len(body) == 4


def test_the_headline_repeated_in_other_words_over_the_text_is_still_dropped() -> None:
    """A guard: the container opening with the headline in other words, without a full stop."""
    body = paragraphs("en_e23_lead_headline_again.html")
    assert body[0].startswith("The board said on Friday")
    assert len(body) == 3


def test_a_side_box_with_a_closing_heading_between_headline_and_text_ends_nothing() -> None:
    """A `Latest News` box of links set between the headline (with a sponsor's `By` / `&` row) and
    the text's blocks: a stop heading before any sentence is chrome, not the end of the article; the
    box's links go with it."""
    body = paragraphs("en_e23_rail_before_text.html")
    assert body[0].startswith("The singer says his proudest role")
    assert body[-1].startswith("His new album")
    assert not any("Nominations" in line or "Pictures" in line or line in ("By", "&") for line in body)
    assert len(body) == 5


def test_a_blogs_closing_via_line_is_not_text() -> None:
    """`(Via <a>Town Gazette</a>, <a>Valley Radio</a> and <a>the council</a>)` under the text: the
    sources a blog post credits, not text; a sentence of the text mentioning `via` stays."""
    body = paragraphs("en_e23_via_sources.html")
    assert body[-1].startswith("Councillors will now look")
    assert len(body) == 3


def test_a_caption_box_with_its_hide_caption_button_is_not_text() -> None:
    """A picture's caption of two sentences and more, in a `caption` box that holds its own `hide
    caption` / `toggle caption` buttons, set before the text: a caption, not the text's lead."""
    body = paragraphs("en_e23_caption_toggle.html")
    assert body[0].startswith("A state appeals court on Thursday")
    assert not any("Workers test the water" in line or "hide caption" in line for line in body)
    assert len(body) == 4



def test_a_tabloids_deck_bullets_above_the_byline_are_not_text() -> None:
    """Bold bullet lines between the headline and a `By …` byline (a tabloid's deck), none a
    closed sentence: header lines, dropped once the text follows; `Share or comment on this
    article:` under the text is a share row."""
    body = paragraphs("en_e23_deck_bullets.html")
    assert body[0].startswith("A 91-year-old grandmother")
    assert body[-1].startswith("Her swim raised")
    assert len(body) == 4


def test_a_stations_label_and_link_lines_and_sign_off_are_not_text() -> None:
    """`WATCH LIVE: <a>Stream … newscasts</a>` and `DOWNLOAD: <a>Get the … app</a>` between paragraphs
    (a capitals label, then one link to the end of the line) and `Stay with KVAL 9 for updates on this
    developing story.` under the text: a station's promos. A sentence ending in a link stays."""
    body = paragraphs("en_e23_station_prompts.html")
    assert body[-1].startswith("No homes were threatened")
    assert not any("WATCH LIVE" in line or "DOWNLOAD" in line for line in body)
    assert len(body) == 3


def test_a_stations_video_note_tip_line_and_app_prompt_are_not_text() -> None:
    """`The video in the player above is from a previous report.`, `Got a story? Email us …` and
    `Download the … app for the latest breaking news …`: a station's notes and prompts, not text."""
    body = paragraphs("en_e23_station_notes.html")
    assert body[0].startswith("A passenger ferry ran aground")
    assert body[-1].startswith("Divers will inspect the hull")
    assert len(body) == 3
