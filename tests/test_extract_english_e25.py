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
