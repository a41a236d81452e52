"""English bodies on a sixteenth outside set (helper english-21): each test a kind of failure found
while measuring that set, reproduced on a page written for it in tests/fixtures/extract/en_e21_*.html.

- A blog's closing promo of many calls at once (`Like <blog>? Consider making a … donation to support
  our work. You can also follow us on Twitter, like us on Facebook, add us to your RSS reader, …`),
  longer than the prompt lines judged so far: not text. A sentence of the text naming the same
  networks stays.
- A closing prompt to pass the post on (`If you liked this article, be sure to recommend it …`,
  `Enjoyed this post? Give it a clap and follow …`): not text; a sentence of the text opening with
  `If you liked this …` and going on about the text stays.
- A subhead whose class names the block set before it (`graf-after--pullquote`, as Medium marks
  every block with its predecessor) is not a pull quote: it stays, and the pull quote goes.
"""

from __future__ import annotations

from extractkit import paragraphs


def test_a_blogs_closing_promo_of_many_calls_is_not_text() -> None:
    body = paragraphs("en_e21_support_promo.html")
    assert body[0].startswith("At the end of a seminar last spring")
    assert body[-1].startswith("Ambry and a colleague have since written")
    assert not any("Consider making" in line or "follow us" in line for line in body)
    assert any("on Twitter and Facebook last year" in line for line in body)


def test_a_prompt_to_pass_the_post_on_is_not_text() -> None:
    body = paragraphs("en_e21_liked_prompt.html")
    assert body[-1].startswith("They also test small ideas first")
    assert not any("be sure to recommend" in line or "Give it a clap" in line for line in body)
    assert any(line.startswith("If you liked this walk through the yard") for line in body)


def test_a_subhead_after_a_pull_quote_stays() -> None:
    body = paragraphs("en_e21_after_pullquote.html")
    assert "Water in the morning" in body
    assert "Start small" in body and "Write it down" in body
    assert not any(line.startswith("The weeds do not care") for line in body)
    assert body[-1].startswith("A notebook of what went in where")


def test_a_live_pages_entries_are_all_text() -> None:
    """Each entry a box of its own (time, heading, body box, share row), the boxes side by side: every
    entry's text is the article, with its time and heading, newest first as served; not the one
    longest entry alone."""
    body = paragraphs("en_e21_live_entries.html")
    assert body[0] == "6:05 p.m." and body[1] == "Schools to open late tomorrow"
    assert body[-1].startswith("Forecasters have raised the wind warning")
    for text in ("Power back for most homes", "We would rather close it", "The bridge will reopen"):
        assert any(line.startswith(text) for line in body)
    assert not any(line in ("Share", "Copy link", "Key events") or "inbox" in line for line in body)


def test_a_grids_rows_are_not_taken_for_entries() -> None:
    """A page laid out in a grid's rows, each row's column holding all of its block: the rows above
    and below the article (a paper's blurb, a letters note) stay out."""
    body = paragraphs("en_e21_grid_rows.html")
    assert body[0].startswith("The town library will open on Sunday")
    assert body[-1].startswith("The library board said")
    assert len(body) == 3


def test_a_credit_closing_with_its_licence_is_not_text() -> None:
    """`Unknown photographer, 1933/Public Domain` under a picture in the text: its credit, not text; a
    sentence about works in the public domain stays."""
    body = paragraphs("en_e21_credit_licence.html")
    assert not any(line.endswith("Public Domain") for line in body)
    assert any("entered the public domain long ago" in line for line in body)
    assert len(body) == 4


def test_a_writers_box_under_a_short_article_is_not_text() -> None:
    """`About the writer` and a bio of two paragraphs under a short article, in the same container:
    the bio is not text (the heading ends the article); a subhead of the text that opens with
    `About the …` stays."""
    body = paragraphs("en_e21_writer_box.html")
    assert "About the changes" in body
    assert body[-1].startswith("Season tickets bought before the change")
    assert not any("About the writer" in line or "deckhand" in line for line in body)


def test_a_journals_citation_line_and_an_empty_comment_box_are_not_text() -> None:
    """`Published online 11 May 2026 | <journal> 612, 146-147 (2026) | doi:10.…` over the headline, a
    comment policy (`… select the relevant 'Report this comment' link.`) and `There are currently no
    comments.`: not text. A sentence citing a DOI, and one opening with `No comments from …`, stay."""
    body = paragraphs("en_e21_journal_lines.html")
    assert body[0].startswith("Engineers say that pumping out")
    assert body[-1].startswith("No comments from the mine's owners")
    assert any("(doi:10.9999/jmine.2026.04)" in line for line in body)
    assert len(body) == 4


def test_a_dated_correction_note_is_not_text() -> None:
    """`Correction 8/29/26 7:05 a.m. PDT: A previous version of this story misstated …` under the
    text: an edit note, not text (as `Correction: An earlier version …` was); a sentence about a
    previous version of something else stays."""
    body = paragraphs("en_e21_dated_correction.html")
    assert body[-1].startswith("A previous version of the app, shown to investors")
    assert not any("misstated" in line for line in body)
    assert len(body) == 3


def test_a_caption_in_small_type_under_its_picture_is_not_text() -> None:
    """`<p align=center><img><br/><font size=1>…</font></p>`: the picture's caption in its own centred
    block, in small type, longer than the short lines taken for captions so far: not text. A centred
    block whose line under the picture is set as plain text stays."""
    body = paragraphs("en_e21_small_caption.html")
    assert not any("pack themselves" in line or "One more trip" in line for line in body)
    assert any(line.startswith("Our new street sits at the far end") for line in body)
    assert "#4. Bargaining" in body
