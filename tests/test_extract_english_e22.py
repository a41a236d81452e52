"""English bodies on a seventeenth outside set (helper english-22): each test a kind of failure found
while measuring that set, reproduced on a page written for it in tests/fixtures/extract/en_e22_*.html.

- A list article's short intro (two or three sentences, under 150 characters) in a box of its own
  between the byline and the list was lost: the lead rule wanted 150 characters. A short intro of two
  sentences or more without links now leads the text; a one-sentence deck and a note with a link
  (`Welcome to … Follow us on …`) in the same place still do not.
"""

from __future__ import annotations

from extractkit import paragraphs


def test_a_short_intro_of_its_own_leads_a_list_article() -> None:
    body = paragraphs("en_e22_list_intro.html")
    assert body[0].startswith("Short on time? Take a boat.")
    assert body[1] == "1. The island run"
    assert body[-1].startswith("The last crossing of the day")


def test_a_one_sentence_deck_over_a_list_is_not_its_lead() -> None:
    body = paragraphs("en_e22_list_deck.html")
    assert body[0] == "1. The island run"
    assert not any(line.startswith("The crossings our readers voted") for line in body)


def test_a_short_note_with_a_link_over_a_list_is_not_its_lead() -> None:
    body = paragraphs("en_e22_list_note.html")
    assert body[0] == "1. The island run"
    assert not any("Follow us" in line for line in body)


def test_a_press_releases_contact_and_editors_notes_are_not_text() -> None:
    """`Media contacts` over an address line and `Notes to editors` over the body's boilerplate
    close a press release: they end the text as `About the writer` does."""
    body = paragraphs("en_e22_release_trailer.html")
    assert body[0].startswith("A new stroke unit with 24 beds")
    assert body[-1].startswith("The unit cost 9 million pounds")
    assert not any("comms@" in line or "Notes to editors" in line or "Media contacts" in line for line in body)


def test_a_byline_with_its_publication_stamp_on_one_line_is_not_text() -> None:
    """`<Name>, Transport Correspondent | Published Jan 9, 2023, 5:00 am` set as the text's first
    paragraph: a byline, not text; a sentence of the text naming a year it was published in stays."""
    body = paragraphs("en_e22_byline_stamp.html")
    assert body[0].startswith("Ferry fares to the outer islands")
    assert not any("Correspondent" in line for line in body)
    assert any("It was published in 2019" in line for line in body)
    assert len(body) == 4


def test_closing_prompts_of_asian_english_papers_are_not_text() -> None:
    """`Join our Telegram channel and get the latest …`, `This article appeared in the print edition
    as: …`, `Catch all the latest news …` under the text: not text; a sentence of the text that
    mentions a Telegram channel further on stays."""
    body = paragraphs("en_e22_closing_prompts.html")
    assert body[-1].startswith("Readers can join our Telegram channel")
    assert not any(line.startswith(("Join our Telegram", "This article appeared", "Catch all")) for line in body)
    assert len(body) == 4


def test_a_science_desks_date_source_and_citation_lines_are_not_text() -> None:
    """`Date: June 8, 2022` over the text, `Materials provided by …` under it, and the `Journal
    Reference:` and `Cite This Page:` boxes: not text; a sentence of the text holding `date:` stays."""
    body = paragraphs("en_e22_science_source.html")
    assert body[0].startswith("Tree frogs living near busy roads")
    assert body[-1].startswith("The date: June 8, 2022 marks")
    assert not any(line.startswith(("Materials provided", "Date:")) or "Cite This" in line for line in body)
    assert len(body) == 3


def test_inline_prompts_and_an_agency_credit_are_not_text() -> None:
    """`ALSO READ | <headline>` between paragraphs, `(With inputs from agencies)` and `Get the latest
    news … on our app. Click here to download.` under the text: not text; a sentence holding
    `also read` stays."""
    body = paragraphs("en_e22_inline_prompts.html")
    assert body[0].startswith("The monsoon reached the southern coast")
    assert body[-1].startswith("Farmers said the early rains")
    assert not any(line.startswith(("ALSO READ", "(With inputs", "Get the latest")) for line in body)
    assert len(body) == 3


def test_a_local_papers_tip_line_and_support_pitch_are_not_text() -> None:
    """`Do you have a story for us? Email …` and `We rely on your support. Subscribe today …` under the
    text: not text; a question of the text opening with `Do you have a …` stays."""
    body = paragraphs("en_e22_local_prompts.html")
    assert body[-1].startswith("Do you have a library card?")
    assert not any("story for us" in line or "rely on your support" in line for line in body)
    assert len(body) == 3
