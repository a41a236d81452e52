"""English bodies on pages of a sixth outside set (helper english-10): each test a kind of
failure found there, reproduced on a page written for it in tests/fixtures/extract/en_e10_*.html.

- An article whose text is set in the same wrappers twice, an ad slot between them: the first
  wrapper's text was taken alone (a review lost its last quarter); the twin wrapper after it is
  more of the article. A twin wrapper holding a list of links (more stories) is not.
"""

from __future__ import annotations

from extractkit import paragraphs


def test_a_second_half_in_a_twin_wrapper_after_an_ad_slot_is_kept() -> None:
    body = paragraphs("en_e10_wrapped_halves.html")
    assert body[0].startswith("The harbour ferry will run every forty minutes")
    assert any(text.startswith("Local councillors have asked") for text in body)
    assert body[-1] == "A decision on the holiday sailings is expected at the authority's board meeting next month."
    assert not any("Most read" in text or "Lifeboat crew" in text or "Copyright" in text for text in body)


def test_a_twin_wrapper_holding_links_to_other_stories_is_not_kept() -> None:
    body = paragraphs("en_e10_wrapped_teasers_after.html")
    assert body[-1].startswith("The committee said the cost would be met")
    assert not any("Museum opens" in text or "School choir" in text for text in body)


def test_a_posts_tail_of_bio_donation_prompt_tags_and_neighbours_is_dropped() -> None:
    # A blog post's container runs on past the text: the author's note, a donation appeal, a
    # `Tagged as:` label over the tags, the previous and next posts with `previous` / `next` labels.
    body = paragraphs("en_e10_blog_tail.html")
    assert body[-1].startswith("The manufacturer confirmed that the tune can be changed")
    joined = "\n".join(body)
    for chrome in ("contributing features editor", "depends on donations", "Tagged as", "office",
                   "missing stapler", "even floors", "previous", "next"):
        assert chrome not in joined


def test_a_pictures_caption_in_a_caption_class_span_is_dropped_though_it_ends_a_sentence() -> None:
    # A picture widget inside the text: the image in a link and a span, the caption in
    # `<span class="caption">` beside it, a full sentence. The short-caption rule stops at a
    # sentence end and caption classes were read on block elements only.
    body = paragraphs("en_e10_caption_span.html")
    assert body[0].startswith("The old river bridge will close")
    assert not any("Workers inspect the north pier" in text for text in body)
    assert len(body) == 3


def test_a_lower_case_by_line_is_the_byline_and_a_stamp_after_a_source_is_not_text() -> None:
    # `by <a>Name</a>` in the meta row above the text (the byline rule read `By `/`BY ` only), and
    # `Source (City) First published <date>` closing the story (the stamp rule read line starts only).
    body = paragraphs("en_e10_byline_stamp.html")
    assert body[0].startswith("Deckhands and ticket staff")
    assert body[-1].startswith("Union officials said")
    assert not any("Tomas Reyes" in text or "First published" in text for text in body)
