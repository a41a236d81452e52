"""English bodies on a twenty-first outside set (helper english-26): each test a kind of failure
found while measuring that set (news and blog pages of 2015-2025 saved by a reader view's test
suite: a paper's business column, an aggregator's copy of a network story, a trade site's news
post, …), reproduced on a page written for it in tests/fixtures/extract/en_e26_*.html.
"""

from __future__ import annotations

from extractkit import paragraphs


def test_the_text_before_an_ad_interrupter_in_the_same_wrappers_is_kept() -> None:
    """A paper sets its text in blocks of the same wrappers (`<div class=body-group><div
    class=story-text>`) cut by an ad interrupter whose screen-reader labels (`Advertisement`,
    `Continue reading the main story`) are over 40 characters; the first block, beside a related
    rail, scored under a fifth of the long second one: the story's first three paragraphs were lost."""
    body = paragraphs("en_e26_twin_before_interrupter.html")
    assert body[0].startswith("The new winter timetable for the island ferries")
    assert body[-1].startswith("For now, the eleven minutes stay.")
    assert len(body) == 10
