"""English bodies on a tenth outside set (helper english-15): each test a kind of failure found on
real pages of that set, reproduced on a page written for it in tests/fixtures/extract/en_e15_*.html.

- A picture's caption closing with its credit and no sentence end (`… on May 2, 2026. Photo:
  Screenshot from the video account of …`, `… (Photo by Tao Ran/Coast Times)`, `… [Photo/VCG]`),
  set as a paragraph under the picture (a news site that sets its text as `<br>`-parted lines
  gives its captions a `<p class="picture">`), kept as text, however long the caption; a bracketed
  credit naming who gave the picture (`[Photo provided to …]`) and a note on the cover picture
  (`(Cover: … /CFP)`).
- A writer's credit under a post (`Written by: Dana Crewe`) and a `Photo Credits` section under a how-to.
- A pull quote (`blockquote.pullquote`), a link's preview card (`kg-bookmark-card`) and a post's
  reading-time line (`4 min read · Apr 2, 2024`).
"""

from __future__ import annotations

from extractkit import paragraphs


def test_captions_closing_with_a_photo_credit_are_not_text() -> None:
    body = paragraphs("en_e15_credit_captions.html")
    assert body[0].startswith("The harbour ferry line will run crossings until midnight")
    assert body[-1] == "Tickets for the night crossings go on sale in the line's app from May 20."
    assert not any("Photo" in line for line in body)
    assert len(body) == 6


def test_a_credit_closing_a_caption_leaves_sentences_alone() -> None:
    from monitor.extract.boiler import is_credited_caption
    assert is_credited_caption("South China Sea Photo: VCG")
    assert is_credited_caption("A view of the pier on May 2. File photo: Screenshot of the evening news")
    assert is_credited_caption("Workers check a turbine in Hebei province. [Photo by Zhang Wei/Coast Daily]")
    assert is_credited_caption("Runners cross the bridge on Sunday. (Photo by Li Na/Xinhua)")
    assert not is_credited_caption("She showed reporters the photo: a crowd outside the station.")
    assert not is_credited_caption("The museum put one picture: the harbour at night, on its poster")
    assert not is_credited_caption("The exhibition is called Photo: A Century of Harbour Life.")


def test_a_written_by_line_closing_a_post_is_not_text() -> None:
    body = paragraphs("en_e15_written_by.html")
    assert body[0].startswith("The comedy duo behind a long-running sketch show")
    assert body[-1].startswith("In a short note to fans")
    assert len(body) == 3


def test_a_photo_credits_section_under_a_how_to_ends_the_text() -> None:
    body = paragraphs("en_e15_photo_credits.html")
    assert body[-1].startswith("Keep the vase away from windows")
    assert not any("Photo Credits" in line or "Marsh Studio" in line for line in body)


def test_a_pull_quote_and_a_link_preview_card_in_a_post_are_not_text() -> None:
    body = paragraphs("en_e15_ghost_cards.html")
    assert body[0].startswith("Every harbour office prints its tide tables")
    assert body[-1].startswith("None of this makes the tables wrong.")
    assert not any("Annual tide predictions" in line or "Coastal Survey Office" in line for line in body)
    assert sum("falling barometer and an onshore wind" in line for line in body) == 1  # the pull quote repeats it
    assert len(body) == 5


def test_a_reading_time_line_is_chrome_and_sentences_stay() -> None:
    from monitor.extract.boiler import is_chrome
    assert is_chrome("4 min read · Apr 2, 2024")
    assert is_chrome("12 minute read")
    assert not is_chrome("Give it a read.")
    assert not is_chrome("The 10:15 train to Leeds was cancelled.")


def test_cover_notes_and_provided_photo_credits_are_not_text() -> None:
    body = paragraphs("en_e15_agency_credits.html")
    assert body[0].startswith("The ferry company on the city's largest lake")
    assert body[-1].startswith("Fares will stay the same")
    assert len(body) == 3
    from monitor.extract.boiler import is_credited_caption
    assert is_credited_caption("A crew member at work. (Photo courtesy of the harbour museum)")
    assert not is_credited_caption("(Cover story continues on page three.)")
