"""English bodies on a twentieth outside set (helper english-25): each test a kind of failure found
while measuring that set (news pages of 2016-2026 saved by two extractors' test suites: a UN news
story, a technology magazine's feature, …), reproduced on a page written for it in
tests/fixtures/extract/en_e25_*.html.
"""

from __future__ import annotations

from extractkit import paragraphs


def test_a_lead_block_before_a_deeply_wrapped_text_leads_it() -> None:
    """A CMS of views and blocks sets the story's lead paragraph in a block of its own (beside the
    date and topic) and the text a dozen single wrappers deep in the next blocks: the lead was lost,
    as only four wrappers up were looked through for the blocks before the text."""
    body = paragraphs("en_e25_deep_lead_block.html")
    assert any(line.startswith("Three harbour towns on the north coast") for line in body)
    assert body[-1].startswith("Islanders' groups welcomed the deal")
    assert "Costs shared by population" in body


def test_a_quote_set_apart_between_paragraphs_is_not_text() -> None:
    """A magazine's pull quotes as `<q>` elements standing alone, one in a floated `<div>` and one
    between the paragraphs (a sentence of the text again, too short for the repeat rule): not text.
    A `<q>` inline in a sentence stays, with the sentence."""
    body = paragraphs("en_e25_standing_quotes.html")
    assert not any(line.startswith("The bellows had split") for line in body)
    assert '"It has to sing in January too."' not in body
    assert body[-1].startswith("The first service with the rebuilt organ")
    assert "round and warm" in body[-1]
    assert len(body) == 5


def test_a_correction_note_under_its_label_closing_the_story_is_not_text() -> None:
    """A paper's correction box closing the story: a bold label with its date (`Correction: March
    12, 2026`) over a note of more than 300 characters (`An earlier version of this article
    misstated … The error was repeated in …`): neither is text (a one-line note already was not)."""
    body = paragraphs("en_e25_correction_block.html")
    assert body[-1].startswith('"Nobody wanted to leave people stranded,"')
    assert not any("Correction" in line or "earlier version" in line for line in body)
    assert len(body) == 4


def test_labels_for_screen_readers_only_are_not_text() -> None:
    """`<span class="visually-hidden">Photo</span>` in a picture's box, `sr-only` over a video and a
    `screen-reader-text` note after a link: labels no reader sees, not lines of the text."""
    body = paragraphs("en_e25_reader_labels.html")
    assert "Photo" not in body and "Video" not in body
    assert not any("opens in a new window" in line for line in body)
    assert body[0].startswith("The central library will open")
    assert body[-1] == '"Sunday was the day people asked for most," said the head librarian.'


def test_an_editors_note_on_a_changed_headline_is_not_text() -> None:
    """`Editor's note: The headline has been changed to better reflect …` in a block quote under the
    text (a writer's bio after it): an edit note, as `This post was edited on … to …` already was."""
    body = paragraphs("en_e25_editors_note.html")
    assert body[-1].startswith('"They are learning that a person')
    assert not any("Editor's note" in line for line in body)
    assert len(body) == 3


def test_a_contributors_credit_set_as_the_storys_footer_stays() -> None:
    """`<p class="zn-body__paragraph zn-body__footer"><em>… contributed to this story</em></p>` closing
    the text: the reporters' credit (scrapinghub's truth keeps such lines), not a page footer,
    though its class says `footer`."""
    body = paragraphs("en_e25_credit_footer.html")
    assert body[-1] == "Metro Wire's Jo Lind and Ana Ruiz contributed to this story"
    assert len(body) == 5
